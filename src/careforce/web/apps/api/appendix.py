"""The JSON API of the data appendix's tables: published, so open to everyone, as the page is
(``/appendix/``). Each cell gives the number as shown, its symbol, and the measure row it
came from."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from careforce.core.publishing.appendix.cells import Cell
from careforce.core.publishing.appendix.model import Appendix, Table
from careforce.web.apps.api.responses import api_view, paginated, problem
from careforce.web.backend.access import Viewer
from careforce.web.backend.appendix import web_appendix

NOTHING_PUBLISHED = "There is no data appendix: nothing is published yet."


def _sections(appendix: Appendix) -> dict[str, str]:
    """The heading of the section each table (or figure's table) is in, by table key."""
    found = {}
    for section in appendix.sections:
        for block in section.blocks:
            table = getattr(block, "table", block)
            if isinstance(table, Table):
                found[table.key] = section.heading
    return found


def _summary(table: Table, section: str) -> dict[str, Any]:
    return {
        "key": table.key,
        "title": table.title,
        "section": section,
        "source": table.source,
        "periods": list(table.periods),
        "notes": list(table.notes),
        "links": {
            "self": reverse("api:appendix-table-detail", args=[table.key]),
            "page": reverse("appendix:appendix-show"),
        },
    }


def _cell(cell: Cell) -> dict[str, Any]:
    return {
        "text": cell.text,
        "value": cell.value,
        "symbol": cell.symbol if cell.value is None else None,
        "unit": cell.unit,
        "measure_id": cell.measure_id,
        "breakdown": cell.breakdown,
        "breakdown_value": cell.breakdown_value,
        "period": cell.period,
        "comparator": cell.comparator,
    }


def _about(appendix: Appendix) -> dict[str, Any]:
    return {
        "area_code": appendix.area_code,
        "area_name": appendix.area_name,
        "period": appendix.period,
    }


@api_view()
def table_list(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """The appendix's tables, in order (a chart's data table included)."""
    found = web_appendix()
    if found is None:
        return problem(404, NOTHING_PUBLISHED)
    sections = _sections(found.appendix)
    tables = list(found.appendix.tables)
    return paginated(
        request,
        tables,
        lambda table: _summary(table, sections.get(table.key, "")),
        about=_about(found.appendix),
    )


@api_view()
def table_detail(request: HttpRequest, viewer: Viewer, key: str) -> JsonResponse:
    """One table: its columns and rows, every cell with the measure row it came from."""
    found = web_appendix()
    if found is None:
        return problem(404, NOTHING_PUBLISHED)
    for table in found.appendix.tables:
        if table.key == key:
            sections = _sections(found.appendix)
            return JsonResponse(
                {
                    **_about(found.appendix),
                    **_summary(table, sections.get(key, "")),
                    "label_heading": table.label_heading,
                    "columns": [
                        {
                            "heading": column.heading,
                            "measure_id": column.measure_id,
                            "period": column.period,
                            "comparator": column.comparator,
                        }
                        for column in table.columns
                    ],
                    "rows": [
                        {"label": row.label, "cells": [_cell(cell) for cell in row.cells]}
                        for row in table.rows
                    ],
                }
            )
    return problem(404, "There is no such appendix table.")
