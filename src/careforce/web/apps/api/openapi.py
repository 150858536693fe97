"""The OpenAPI 3.0 document of the JSON API, written out by hand.

A test checks that every URL of the API is described here and every description has a URL,
that the document is valid OpenAPI 3.0, and (with Schemathesis) that responses match it.
"""

from __future__ import annotations

from typing import Any, Final

from careforce import __version__
from careforce.core.vocab.published import (
    NULLABLE_COLUMNS,
    PERIOD,
    PUBLISHED_COLUMNS,
    PUBLISHED_SCHEMA,
    Polarity,
)

JSON: Final = "application/json"
"""The media type of every response."""


def _nullable(kind: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "nullable": True, **extra}


def _measure_value_properties() -> dict[str, Any]:
    """The properties of a published cell, one per column of the published table."""
    properties: dict[str, Any] = {}
    for name, dtype in PUBLISHED_SCHEMA.items():
        kind = "number" if dtype.is_numeric() else "string"
        properties[name] = _nullable(kind) if name in NULLABLE_COLUMNS else {"type": kind}
    properties[PERIOD]["example"] = "2021/22"
    return properties


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _page_of(name: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["count", "page", "page_size", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1},
            "next": _nullable("string"),
            "previous": _nullable("string"),
            "results": {"type": "array", "items": _ref(name)},
        },
    }


def _ok(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": _ref("Problem")}}}


PAGE_PARAMETERS: Final = [
    {
        "name": "page",
        "in": "query",
        "required": False,
        "description": "Page of results, from 1.",
        "schema": {"type": "integer", "minimum": 1, "maximum": 1000000000, "default": 1},
    },
    {
        "name": "page_size",
        "in": "query",
        "required": False,
        "description": "Results per page.",
        "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100},
    },
]
"""Query parameters of every list."""

_PUBLIC_ERRORS: Final = {
    "400": _problem("A query parameter cannot be used."),
    "405": _problem("Only GET is allowed."),
}
_RECORD_ERRORS: Final = {
    **_PUBLIC_ERRORS,
    "401": _problem("Not signed in and no valid token."),
    "403": _problem("The account's role has no access to uploads or snapshots."),
}
_RECORD_SECURITY: Final[list[dict[str, list[str]]]] = [{"tokenAuth": []}, {"sessionAuth": []}]


def _path_id(name: str, description: str, *, integer: bool = True) -> dict[str, Any]:
    schema: dict[str, Any] = (
        {"type": "integer", "minimum": 1, "maximum": 9223372036854775807}
        if integer
        else {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}
    )
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": schema,
    }


def _get(
    summary: str,
    operation_id: str,
    responses: dict[str, Any],
    *,
    parameters: list[Any] | None = None,
    records: bool = False,
) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "summary": summary,
        "operationId": operation_id,
        "parameters": parameters or [],
        "responses": {**responses, **(_RECORD_ERRORS if records else _PUBLIC_ERRORS)},
    }
    if records:
        operation["security"] = _RECORD_SECURITY
    else:
        operation["security"] = [{}, *_RECORD_SECURITY]
    return {"get": operation}


SCHEMAS: Final[dict[str, Any]] = {
    "Problem": {
        "type": "object",
        "required": ["detail"],
        "properties": {"detail": {"type": "string"}},
    },
    "Index": {
        "type": "object",
        "required": ["version", "viewer", "links"],
        "properties": {
            "version": {"type": "string"},
            "viewer": {
                "type": "string",
                "enum": ["public", "administrator", "analyst", "provider"],
            },
            "links": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
    "OpenApiDocument": {"type": "object", "required": ["openapi", "info", "paths"]},
    "Measure": {
        "type": "object",
        "required": [
            "id",
            "name",
            "description",
            "unit",
            "polarity",
            "kind",
            "numerator",
            "denominator",
            "breakdowns",
            "categories",
            "methodology",
            "links",
        ],
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "description": {"type": "string"},
            "unit": {"type": "string"},
            "polarity": {"type": "string", "enum": [polarity.value for polarity in Polarity]},
            "kind": {"type": "string"},
            "numerator": {"type": "string"},
            "denominator": {"type": "string"},
            "breakdowns": {"type": "array", "items": {"type": "string"}},
            "categories": _nullable("string"),
            "methodology": {"type": "string"},
            "links": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
    "MeasureValue": {
        "type": "object",
        "description": "One published, disclosure-controlled cell (the columns of indicators.csv). "
        "Withheld values are null with symbol [c]; missing ones have symbol [x].",
        "required": list(PUBLISHED_COLUMNS),
        "properties": _measure_value_properties(),
    },
    "OrganisationRef": {
        "type": "object",
        "required": ["id", "name"],
        "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
    },
    "UploadFile": {
        "type": "object",
        "required": ["position", "name", "role", "sha256", "bytes"],
        "properties": {
            "position": {"type": "integer"},
            "name": {"type": "string"},
            "role": {"type": "string"},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "bytes": {"type": "integer", "minimum": 0},
        },
    },
    "Upload": {
        "type": "object",
        "required": [
            "id",
            "organisation",
            "source",
            "status",
            "status_label",
            "reference_date",
            "created",
            "errors",
            "warnings",
            "findings_not_stored",
            "workplaces",
            "staff_records",
            "training_records",
            "duplicate_of",
            "snapshot",
            "files",
            "links",
        ],
        "properties": {
            "id": {"type": "integer"},
            "organisation": _ref("OrganisationRef"),
            "source": {
                "type": "string",
                "enum": ["ascwds", "hr-extract", "provider-returns", "population", "comparators"],
            },
            "status": {
                "type": "string",
                "enum": [
                    "received",
                    "validating",
                    "valid",
                    "invalid",
                    "unusable",
                    "failed",
                    "accepted",
                    "duplicate",
                    "stored",
                ],
            },
            "status_label": {"type": "string"},
            "reference_date": _nullable("string", format="date"),
            "created": {"type": "string", "format": "date-time"},
            "errors": {"type": "integer"},
            "warnings": {"type": "integer"},
            "findings_not_stored": {
                "type": "integer",
                "minimum": 0,
                "description": "Findings counted but not listed here: beyond the first 1,000 of a "
                "rule; every finding is in the findings files.",
            },
            "workplaces": _nullable("integer"),
            "staff_records": _nullable("integer"),
            "training_records": _nullable("integer"),
            "duplicate_of": _nullable("integer"),
            "snapshot": _nullable("integer"),
            "files": {"type": "array", "items": _ref("UploadFile")},
            "links": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
    "Finding": {
        "type": "object",
        "required": [
            "file",
            "line",
            "column",
            "value",
            "code",
            "severity",
            "message",
            "guidance",
            "more_like_this",
        ],
        "properties": {
            "file": {"type": "string", "enum": ["workplace", "staff", "training"]},
            "line": {"type": "integer", "minimum": 0},
            "column": {"type": "string"},
            "value": {"type": "string"},
            "code": {"type": "string"},
            "severity": {"type": "string", "enum": ["error", "warning"]},
            "message": {"type": "string"},
            "guidance": {"type": "string"},
            "more_like_this": {
                "type": "integer",
                "minimum": 0,
                "description": "On the last finding listed of a rule: how many more of that rule "
                "there are, in the findings files only (0 otherwise).",
            },
        },
    },
    "Snapshot": {
        "type": "object",
        "required": [
            "id",
            "upload",
            "organisation",
            "period",
            "reference_date",
            "area_code",
            "area_name",
            "created",
            "workplaces",
            "workers",
        ],
        "properties": {
            "id": {"type": "integer"},
            "upload": {"type": "integer"},
            "organisation": _ref("OrganisationRef"),
            "period": {"type": "string"},
            "reference_date": {"type": "string", "format": "date"},
            "area_code": {"type": "string"},
            "area_name": {"type": "string"},
            "created": {"type": "string", "format": "date-time"},
            "workplaces": {"type": "integer"},
            "workers": {"type": "integer"},
        },
    },
}
"""Schemas of the API's JSON."""
for _name in ("Measure", "MeasureValue", "Upload", "Finding", "Snapshot"):
    SCHEMAS[f"{_name}Page"] = _page_of(_name)

_MEASURE_ID = _path_id(
    "measure_id", "A measure id from /measures, e.g. vacancy_rate.", integer=False
)
_UPLOAD_ID = _path_id("upload_id", "An upload's id.")
_SNAPSHOT_ID = _path_id("snapshot_id", "A snapshot's id.")
_NOT_FOUND = {"404": _problem("No such record, or it is another organisation's.")}

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
}
"""Every endpoint."""


def document() -> dict[str, Any]:
    """The OpenAPI 3.0 document."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "careforce API",
            "version": f"1 (careforce {__version__})",
            "description": "Published workforce measures (open to everyone) and, for signed-in "
            "administrators and provider users, uploads, their findings and snapshots. Authenticate "
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
