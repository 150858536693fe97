"""The API's reference as a web page, rendered on the server from the OpenAPI document (so the
two cannot disagree, and nothing is fetched from elsewhere)."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careforce.web.apps.api.openapi import document
from careforce.web.shared.components import table


@dataclass(frozen=True)
class Operation:
    """One endpoint as the page shows it."""

    anchor: str
    path: str
    summary: str
    signed_in: bool
    parameters: dict[str, Any] | None
    responses: dict[str, Any]


def _schema_words(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    words = str(schema.get("type", "any"))
    if "enum" in schema:
        words += ": " + ", ".join(str(value) for value in schema["enum"])
    if schema.get("pattern"):
        words += f" matching {schema['pattern']}"
    if "minimum" in schema and "maximum" in schema:
        words += f" from {schema['minimum']:,} to {schema['maximum']:,}"
    return words


def _operations(spec: dict[str, Any]) -> list[Operation]:
    found = []
    for path, item in spec["paths"].items():
        operation = item["get"]
        parameters = operation.get("parameters", [])
        rows = [
            [
                parameter["name"],
                "path" if parameter["in"] == "path" else "query",
                "yes" if parameter.get("required") else "no",
                _schema_words(parameter.get("schema", {})),
                parameter.get("description", ""),
            ]
            for parameter in parameters
        ]
        responses = []
        for status, response in sorted(operation["responses"].items()):
            content: dict[str, Any] = next(iter(response.get("content", {}).values()), {})
            responses.append(
                [status, response["description"], _schema_words(content.get("schema", {}))]
            )
        found.append(
            Operation(
                anchor=operation["operationId"],
                path=path,
                summary=operation["summary"],
                signed_in={} not in operation.get("security", [{}]),
                parameters=table(
                    caption="Parameters",
                    caption_size="s",
                    head=["Name", "In", "Required", "Type", "Description"],
                    rows=rows,
                )
                if rows
                else None,
                responses=table(
                    caption="Responses",
                    caption_size="s",
                    head=["Status", "Meaning", "Body"],
                    rows=responses,
                ),
            )
        )
    return found


def _schemas(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any] | None]]:
    found = []
    for name, schema in spec["components"]["schemas"].items():
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        rows = [
            [
                field,
                _schema_words(value)
                + (
                    " (array of " + _schema_words(value["items"]) + ")"
                    if isinstance(value.get("items"), dict)
                    else ""
                ),
                "yes" if value.get("nullable") else "no",
                "yes" if field in required else "no",
            ]
            for field, value in properties.items()
        ]
        found.append(
            (
                name,
                str(schema.get("description", "")),
                table(
                    caption=f"Fields of {name}",
                    caption_size="s",
                    head=["Field", "Type", "May be null", "Always present"],
                    rows=rows,
                )
                if rows
                else None,
            )
        )
    return found


@require_GET
def documentation_show(request: HttpRequest) -> HttpResponse:
    """Every endpoint of the API, its parameters, answers and the fields of its JSON."""
    spec = document()
    return render(
        request,
        "api/documentation.html",
        {
            "info": spec["info"],
            "operations": _operations(spec),
            "schemas": _schemas(spec),
        },
    )
