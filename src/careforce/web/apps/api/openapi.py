"""The OpenAPI 3.0 document of the JSON API, written out by hand (its schemas and helpers are in
openapi_schemas.py).

A test checks that every URL of the API is described here and every description has a URL,
that the document is valid OpenAPI 3.0, and (with Schemathesis) that responses match it.
"""

from __future__ import annotations

from typing import Any, Final

from careforce import __version__
from careforce.core.outcomes.columns import ActionStatus
from careforce.web.apps.api.openapi_schemas import (
    _RECORD_SECURITY,
    PAGE_PARAMETERS,
    SCHEMAS,
    _get,
    _ok,
    _path_id,
    _problem,
    _ref,
)

_MEASURE_ID = _path_id(
    "measure_id", "A measure id from /measures, e.g. vacancy_rate.", integer=False
)
_UPLOAD_ID = _path_id("upload_id", "An upload's id.")
_SNAPSHOT_ID = _path_id("snapshot_id", "A snapshot's id.")
_NOT_FOUND = {"404": _problem("No such record, or it is another organisation's.")}

_UNAVAILABLE = {"503": _problem("The configured framework or parameter file cannot be used.")}
_PROJECTION = _path_id("name", "A projection's name from /projections.", integer=False)


def _query(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string"},
    }


def _projection_table(
    summary: str, operation_id: str, page: str, found: str, missing: str
) -> dict[str, Any]:
    return _get(
        summary,
        operation_id,
        {"200": _ok(_ref(page), found), "404": _problem(missing), **_UNAVAILABLE},
        parameters=[_PROJECTION, *PAGE_PARAMETERS],
    )


PATHS: Final[dict[str, Any]] = {
    "/api/v1/": _get(
        "What the API offers", "index", {"200": _ok(_ref("Index"), "Links to the collections.")}
    ),
    "/api/v1/openapi.json": _get(
        "This document",
        "openapi",
        {"200": _ok(_ref("OpenApiDocument"), "The OpenAPI 3.0 document.")},
    ),
    "/api/v1/measures": _get(
        "The measure catalogue",
        "listMeasures",
        {"200": _ok(_ref("MeasurePage"), "Measures, in publication order.")},
        parameters=PAGE_PARAMETERS,
    ),
    "/api/v1/measures/{measure_id}": _get(
        "One measure",
        "getMeasure",
        {"200": _ok(_ref("Measure"), "The measure."), "404": _problem("No such measure.")},
        parameters=[_MEASURE_ID],
    ),
    "/api/v1/measures/{measure_id}/values": _get(
        "Published values of a measure",
        "listMeasureValues",
        {
            "200": _ok(
                _ref("MeasureValuePage"), "Published cells (empty before anything is published)."
            ),
            "404": _problem("No such measure."),
        },
        parameters=[
            _MEASURE_ID,
            {
                "name": "period",
                "in": "query",
                "required": False,
                "description": "e.g. 2021/22",
                "schema": {"type": "string"},
            },
            {
                "name": "area_code",
                "in": "query",
                "required": False,
                "description": "ONS code of the area.",
                "schema": {"type": "string"},
            },
            {
                "name": "breakdown",
                "in": "query",
                "required": False,
                "description": "e.g. total, sector, service_group, key_role.",
                "schema": {"type": "string"},
            },
            {
                "name": "breakdown_value",
                "in": "query",
                "required": False,
                "description": "e.g. all, home care.",
                "schema": {"type": "string"},
            },
            *PAGE_PARAMETERS,
        ],
    ),
    "/api/v1/uploads": _get(
        "Uploads you may see",
        "listUploads",
        {"200": _ok(_ref("UploadPage"), "Uploads, newest first.")},
        parameters=PAGE_PARAMETERS,
        records=True,
    ),
    "/api/v1/uploads/{upload_id}": _get(
        "One upload",
        "getUpload",
        {"200": _ok(_ref("Upload"), "The upload."), **_NOT_FOUND},
        parameters=[_UPLOAD_ID],
        records=True,
    ),
    "/api/v1/uploads/{upload_id}/findings": _get(
        "Findings of an upload",
        "listFindings",
        {"200": _ok(_ref("FindingPage"), "Findings in file and line order."), **_NOT_FOUND},
        parameters=[
            _UPLOAD_ID,
            {
                "name": "severity",
                "in": "query",
                "required": False,
                "schema": {"type": "string", "enum": ["error", "warning"]},
            },
            {
                "name": "file",
                "in": "query",
                "required": False,
                "schema": {"type": "string", "enum": ["workplace", "staff", "training"]},
            },
            *PAGE_PARAMETERS,
        ],
        records=True,
    ),
    "/api/v1/snapshots": _get(
        "Snapshots with your data",
        "listSnapshots",
        {"200": _ok(_ref("SnapshotPage"), "Snapshots, newest first.")},
        parameters=PAGE_PARAMETERS,
        records=True,
    ),
    "/api/v1/snapshots/{snapshot_id}": _get(
        "One snapshot",
        "getSnapshot",
        {"200": _ok(_ref("Snapshot"), "The snapshot."), **_NOT_FOUND},
        parameters=[_SNAPSHOT_ID],
        records=True,
    ),
    "/api/v1/documentation": {
        "get": {
            "summary": "This document as a web page",
            "operationId": "documentation",
            "parameters": [],
            "security": [{}, *_RECORD_SECURITY],
            "responses": {
                "200": {
                    "description": "The API's reference, as HTML.",
                    "content": {"text/html": {"schema": {"type": "string"}}},
                }
            },
        }
    },
    "/api/v1/scorecard": _get(
        "The outcomes scorecard",
        "getScorecard",
        {
            "200": _ok(
                _ref("ScorecardPage"),
                "The framework's sources for the area, every period (empty before anything is "
                "published).",
            ),
            "404": _problem("Nothing is published for that area."),
            **_UNAVAILABLE,
        },
        parameters=[
            _query("area", "ONS code of a published area (default: the partnership's)."),
            _query("period", "A published period, e.g. 2021/22."),
            _query("outcome", "An outcome's code, e.g. 2."),
            _query(
                "base",
                "returned: the returns alone (default: the whole sector as estimated, where the "
                "publication holds the estimates; each row's base column says which).",
            ),
            *PAGE_PARAMETERS,
        ],
    ),
    "/api/v1/action-plan": _get(
        "The action plan in force",
        "getActionPlan",
        {"200": _ok(_ref("ActionPlan"), "The plan and its key actions by status.")},
    ),
    "/api/v1/action-plan/actions": _get(
        "Detailed actions",
        "listActions",
        {"200": _ok(_ref("ActionPage"), "Detailed actions in the plan's order.")},
        parameters=[
            {
                "name": "status",
                "in": "query",
                "required": False,
                "schema": {"type": "string", "enum": [status.value for status in ActionStatus]},
            },
            *PAGE_PARAMETERS,
        ],
    ),
    "/api/v1/action-plan/actions/{code}": _get(
        "One detailed action",
        "getAction",
        {
            "200": _ok(_ref("ActionDetail"), "The action, its milestones and updates."),
            "404": _problem("No such detailed action."),
        },
        parameters=[
            {
                "name": "code",
                "in": "path",
                "required": True,
                "description": "A detailed action's code, e.g. 3.1.",
                "schema": {"type": "string", "pattern": "^[0-9A-Za-z.]+$"},
            }
        ],
    ),
    "/api/v1/action-plan/milestones": _get(
        "Milestones",
        "listMilestones",
        {"200": _ok(_ref("MilestonePage"), "Milestones in the plan's order.")},
        parameters=[_query("code", "A detailed action's code."), *PAGE_PARAMETERS],
    ),
    "/api/v1/action-plan/updates": _get(
        "Progress updates",
        "listActionUpdates",
        {"200": _ok(_ref("UpdatePage"), "Updates in the plan's order.")},
        parameters=[_query("code", "A detailed action's code."), *PAGE_PARAMETERS],
    ),
    "/api/v1/projections": _get(
        "Workforce demand projections",
        "listProjections",
        {"200": _ok(_ref("ProjectionFilePage"), "Parameter files: shipped, then derived.")},
        parameters=PAGE_PARAMETERS,
    ),
    "/api/v1/projections/{name}": _get(
        "A projection with its scenarios",
        "getProjection",
        {
            "200": _ok(_ref("Projection"), "Every scenario, group and year, unrounded."),
            "404": _problem("No such projection."),
            **_UNAVAILABLE,
        },
        parameters=[_PROJECTION],
    ),
    "/api/v1/projections/{name}/sensitivity": _projection_table(
        "One-way sensitivity (tornado)",
        "listSensitivity",
        "SensitivityPage",
        "Parameters by swing, largest first.",
        "No such projection.",
    ),
    "/api/v1/projections/{name}/ranges": _projection_table(
        "Monte Carlo ranges",
        "listRanges",
        "RangePage",
        "P10, P50 and P90 by group, year and measure.",
        "No such projection, or it declares no uncertain parameters.",
    ),
    "/api/v1/projections/{name}/supply": _projection_table(
        "Supply against need",
        "listSupply",
        "SupplyPage",
        "New staff needed against the training pipeline.",
        "No such projection, or the service has no supply data.",
    ),
    "/api/v1/appendix/tables": _get(
        "The data appendix's tables",
        "listAppendixTables",
        {
            "200": _ok(_ref("AppendixTablePage"), "Tables in the appendix's order."),
            "404": _problem("Nothing is published yet."),
        },
        parameters=PAGE_PARAMETERS,
    ),
    "/api/v1/appendix/tables/{key}": _get(
        "One table of the data appendix",
        "getAppendixTable",
        {
            "200": _ok(_ref("AppendixTable"), "Columns and rows; each cell names its measure row."),
            "404": _problem("No such table, or nothing is published yet."),
        },
        parameters=[_path_id("key", "A table's key from /appendix/tables.", integer=False)],
    ),
    "/api/v1/organisations/{organisation_id}/benchmarks": _get(
        "Your organisation's benchmarks",
        "getBenchmarks",
        {
            "200": _ok(_ref("Benchmarks"), "A workplace against comparable workplaces."),
            "404": _problem("Another organisation's, no such organisation, or no data."),
        },
        parameters=[
            _path_id("organisation_id", "Your organisation's id (administrators: any)."),
            _query("period", "A period the organisation has data for (default: the latest)."),
            _query("workplace", "<snapshot id>:<reference> (default: the first workplace)."),
            _query(
                "base",
                "returned: comparison groups of the returns alone (default: the published "
                "whole-sector rates where published; each row's base column says which).",
            ),
        ],
        records=True,
    ),
}
"""Every endpoint."""


def document() -> dict[str, Any]:
    """The OpenAPI 3.0 document."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "careforce API",
            "version": f"1 (careforce {__version__})",
            "description": "Published workforce measures, the outcomes scorecard, the action plan, "
            "the workforce demand projections and the data appendix's tables (open to everyone) "
            "and, for signed-in administrators and provider users, uploads, their findings, "
            "snapshots and benchmarks. Authenticate "
            "with the session cookie of a signed-in browser or the header "
            "`Authorization: Token <token>` (create tokens on your account page). Records of "
            "another organisation answer 404.",
        },
        "servers": [{"url": "/"}],
        "paths": PATHS,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "tokenAuth": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": "The word Token, a space, and the token: `Token abc123…`.",
                },
                "sessionAuth": {"type": "apiKey", "in": "cookie", "name": "careforce_session"},
            },
        },
    }
