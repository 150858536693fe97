"""The building blocks of the API's OpenAPI document: its schemas (one per kind of answer) and
the helpers that describe an operation. The paths are in openapi.py."""

from __future__ import annotations

from typing import Any, Final

from careforce.core.outcomes.columns import SCORECARD_COLUMNS
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


def _page_of(name: str, *, about: dict[str, Any] | None = None) -> dict[str, Any]:
    about = about or {}
    return {
        "type": "object",
        "required": ["count", "page", "page_size", "next", "previous", *about, "results"],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1},
            "next": _nullable("string"),
            "previous": _nullable("string"),
            **about,
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
    "403": _problem("The account's role has no access to uploads, snapshots or benchmarks."),
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


def _row(
    description: str, columns: dict[str, str], *, keys: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A table row: every column required; all but the keys may be null."""
    properties = {
        name: ({"type": kind} if name in keys else _nullable(kind)) if kind else {"nullable": True}
        for name, kind in columns.items()
    }
    return {
        "type": "object",
        "description": description,
        "required": list(columns),
        "properties": properties,
    }


_LINKS: Final = {"type": "object", "additionalProperties": {"type": "string"}}
_DATE: Final = "string"
ACTION_COLUMNS: Final = {
    "action": "string",
    "action_title": "string",
    "code": "string",
    "title": "string",
    "outcomes": "string",
    "lead_partners": "string",
    "timescale": "string",
    "status": "string",
    "note": "string",
    "milestones": "integer",
    "milestones_complete": "integer",
    "overdue_milestones": "integer",
    "next_milestone": "string",
    "next_due": _DATE,
    "last_update": _DATE,
    "days_since_update": "integer",
    "overdue": "boolean",
    "stale": "boolean",
    "as_of": _DATE,
}
"""Columns of a detailed action's progress (dates as ISO 8601 text)."""
MILESTONE_COLUMNS: Final = {
    "code": "string",
    "title": "string",
    "due": _DATE,
    "completed": _DATE,
    "complete": "boolean",
    "overdue": "boolean",
}
UPDATE_COLUMNS: Final = {
    "code": "string",
    "date": _DATE,
    "update_status": "string",
    "text": "string",
    "author": "string",
    "evidence_links": "string",
}
PROJECTION_COLUMNS: Final = {
    "scenario": "string",
    "group": "string",
    "year": "integer",
    "requirement": "number",
    "demand_growth": "number",
    "policy_posts": "number",
    "vacancies_filled": "number",
    "extra_demand": "number",
    "replacement": "number",
    "total_new_staff": "number",
    "employer_replacement": "number",
    "employer_recruitment": "number",
}
SENSITIVITY_COLUMNS: Final = {
    "parameter": "string",
    "label": "string",
    "base_value": "number",
    "low_value": "number",
    "high_value": "number",
    "result_low": "number",
    "result_base": "number",
    "result_high": "number",
    "swing": "number",
    "year": "integer",
    "group": "string",
}
RANGE_COLUMNS: Final = {
    "group": "string",
    "year": "integer",
    "measure": "string",
    "central": "number",
    "mean": "number",
    "p10": "number",
    "p50": "number",
    "p90": "number",
    "draws": "integer",
    "seed": "integer",
}
SUPPLY_COLUMNS: Final = {
    "year": "integer",
    "supply_year": "integer",
    "new_staff_in_year": "number",
    "enrolments": "number",
    "apprenticeship_starts": "number",
    "pipeline": "number",
    "gap": "number",
}
BENCHMARK_COLUMNS: Final = {
    "measure_id": "string",
    "scope": "string",
    "value": "number",
    "numerator": "number",
    "denominator": "number",
    "workplaces": "integer",
    "workers": "integer",
    "state": "string",
    "base": "string",
}
_WORKPLACE: Final = {
    "type": "object",
    "required": ["key", "reference", "name", "main_service"],
    "properties": {
        name: {"type": "string"} for name in ("key", "reference", "name", "main_service")
    },
}

SCHEMAS.update(
    {
        "ScorecardRow": _row(
            "One framework source in one period (the columns of scorecard.csv; rates as "
            "fractions, withheld values null with their symbol).",
            dict.fromkeys(SCORECARD_COLUMNS, ""),
        ),
        "ActionPlan": {
            "type": "object",
            "required": ["name", "as_of", "stale_after_months", "key_actions", "links"],
            "properties": {
                "name": {"type": "string"},
                "as_of": {"type": "string", "format": "date"},
                "stale_after_months": {"type": "integer"},
                "key_actions": {
                    "type": "array",
                    "items": {"type": "object", "additionalProperties": {"nullable": True}},
                },
                "links": _LINKS,
            },
        },
        "Action": {
            **_row(
                "A detailed action's progress at today's date.",
                ACTION_COLUMNS,
                keys=("action", "code", "title", "status", "overdue", "stale"),
            ),
        },
        "Milestone": _row("A milestone of a detailed action.", MILESTONE_COLUMNS, keys=("code",)),
        "Update": _row("A dated progress update.", UPDATE_COLUMNS, keys=("code",)),
        "ProjectionFile": {
            "type": "object",
            "required": [
                "name",
                "title",
                "origin",
                "base_year",
                "report_years",
                "groups",
                "scenarios",
                "uncertain",
                "sha256",
                "links",
            ],
            "properties": {
                "name": {"type": "string"},
                "title": {"type": "string"},
                "origin": {"type": "string", "enum": ["shipped", "derived"]},
                "base_year": {"type": "integer"},
                "report_years": {"type": "array", "items": {"type": "integer"}},
                "groups": {"type": "array", "items": {"type": "string"}},
                "scenarios": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["name", "description"],
                        "properties": {
                            "name": {"type": "string"},
                            "description": {"type": "string"},
                        },
                    },
                },
                "uncertain": {"type": "boolean"},
                "sha256": {"type": "string"},
                "links": _LINKS,
            },
        },
        "ProjectionRow": _row(
            "A scenario's projection for a group (or all) in a year, unrounded.",
            PROJECTION_COLUMNS,
            keys=("scenario", "group", "year"),
        ),
        "SensitivityRow": _row(
            "A parameter's low and high values and total new staff with each.",
            SENSITIVITY_COLUMNS,
            keys=("parameter", "label"),
        ),
        "RangeRow": _row(
            "Monte Carlo percentiles of a measure for a group in a year.",
            RANGE_COLUMNS,
            keys=("group", "year", "measure"),
        ),
        "SupplyRow": _row(
            "New staff needed in a year against entrants from training.",
            SUPPLY_COLUMNS,
            keys=("year",),
        ),
        "BenchmarkRow": _row(
            "A measure for a comparison group; state says why a value is withheld.",
            BENCHMARK_COLUMNS,
            keys=("measure_id", "scope"),
        ),
        "Benchmarks": {
            "type": "object",
            "required": [
                "organisation",
                "period",
                "periods",
                "workplace",
                "workplaces",
                "disclosure",
                "rows",
                "group_sizes",
                "links",
            ],
            "properties": {
                "organisation": _ref("OrganisationRef"),
                "period": {"type": "string"},
                "periods": {"type": "array", "items": {"type": "string"}},
                "workplace": _WORKPLACE,
                "workplaces": {"type": "array", "items": _WORKPLACE},
                "disclosure": {
                    "type": "object",
                    "required": ["min_workers", "min_workplaces"],
                    "properties": {
                        "min_workers": {"type": "integer"},
                        "min_workplaces": {"type": "integer"},
                    },
                },
                "rows": {"type": "array", "items": _ref("BenchmarkRow")},
                "group_sizes": {
                    "type": "array",
                    "items": {"type": "object", "additionalProperties": {"nullable": True}},
                },
                "links": _LINKS,
            },
        },
    }
)
SCHEMAS["ActionDetail"] = {
    **SCHEMAS["Action"],
    "required": [*ACTION_COLUMNS, "links", "milestone_list", "updates"],
    "properties": {
        **SCHEMAS["Action"]["properties"],
        "links": _LINKS,
        "milestone_list": {"type": "array", "items": _ref("Milestone")},
        "updates": {"type": "array", "items": _ref("Update")},
    },
}
SCHEMAS["Action"]["required"] = [*ACTION_COLUMNS, "links"]
SCHEMAS["Action"]["properties"]["links"] = _LINKS
SCHEMAS["Projection"] = {
    "type": "object",
    "required": [*SCHEMAS["ProjectionFile"]["required"], "scenario_labels", "rows"],
    "properties": {
        **SCHEMAS["ProjectionFile"]["properties"],
        "scenario_labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "rows": {"type": "array", "items": _ref("ProjectionRow")},
    },
}
for _name in (
    "Measure",
    "MeasureValue",
    "Upload",
    "Finding",
    "Snapshot",
    "Action",
    "Milestone",
    "Update",
    "ProjectionFile",
):
    SCHEMAS[f"{_name}Page"] = _page_of(_name)
SCHEMAS["ScorecardPage"] = _page_of(
    "ScorecardRow",
    about={
        "framework": _nullable("string"),
        "area_code": _nullable("string"),
        "area_name": _nullable("string"),
        "base": {"type": "string", "enum": ["estimated", "returned"]},
        "base_note": {"type": "string"},
    },
)
_APPENDIX_ABOUT: Final = {
    "area_code": {"type": "string"},
    "area_name": {"type": "string"},
    "period": {"type": "string"},
}
SCHEMAS["AppendixTableSummary"] = {
    "type": "object",
    "required": ["key", "title", "section", "source", "periods", "notes", "links"],
    "properties": {
        "key": {"type": "string"},
        "title": {"type": "string"},
        "section": {"type": "string"},
        "source": {"type": "string"},
        "periods": {"type": "array", "items": {"type": "string"}},
        "notes": {"type": "array", "items": {"type": "string"}},
        "links": _LINKS,
    },
}
SCHEMAS["AppendixTablePage"] = _page_of("AppendixTableSummary", about=_APPENDIX_ABOUT)
SCHEMAS["AppendixCell"] = _row(
    "A number as shown (or its symbol) and the measure row it came from.",
    {
        "text": "string",
        "value": "number",
        "symbol": "string",
        "unit": "string",
        "measure_id": "string",
        "breakdown": "string",
        "breakdown_value": "string",
        "period": "string",
        "comparator": "boolean",
    },
    keys=("text", "measure_id", "breakdown", "breakdown_value", "period", "comparator"),
)
SCHEMAS["AppendixTable"] = {
    "type": "object",
    "required": [
        *_APPENDIX_ABOUT,
        *SCHEMAS["AppendixTableSummary"]["required"],
        "label_heading",
        "columns",
        "rows",
    ],
    "properties": {
        **_APPENDIX_ABOUT,
        **SCHEMAS["AppendixTableSummary"]["properties"],
        "label_heading": {"type": "string"},
        "columns": {
            "type": "array",
            "items": _row(
                "A column: its heading and the measure (and period) it shows.",
                {
                    "heading": "string",
                    "measure_id": "string",
                    "period": "string",
                    "comparator": "boolean",
                },
                keys=("heading", "measure_id", "comparator"),
            ),
        },
        "rows": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["label", "cells"],
                "properties": {
                    "label": {"type": "string"},
                    "cells": {"type": "array", "items": _ref("AppendixCell")},
                },
            },
        },
    },
}
for _name in ("SensitivityRow", "RangeRow", "SupplyRow"):
    SCHEMAS[f"{_name[:-3]}Page"] = _page_of(_name, about={"projection": {"type": "string"}})
