"""The JSON API of the workforce demand projections: published, so open to everyone, as the
pages are (``/projections/``). Numbers are unrounded."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from careforce.web.apps.api.responses import api_view, frame_rows, paginated, problem, same
from careforce.web.backend.access import Viewer
from careforce.web.backend.projections import (
    ProjectionFile,
    ProjectionInputError,
    ProjectionResults,
    UnknownProjectionError,
    projection_files,
    projection_results,
)


def _links(name: str) -> dict[str, str]:
    return {
        "self": reverse("api:projection-detail", args=[name]),
        "sensitivity": reverse("api:sensitivity-list", args=[name]),
        "ranges": reverse("api:range-list", args=[name]),
        "supply": reverse("api:supply-list", args=[name]),
        "page": reverse("projections:projection-detail", args=[name]),
    }


def _file_json(found: ProjectionFile) -> dict[str, Any]:
    params = found.params
    return {
        "name": found.name,
        "title": params.name,
        "origin": found.origin,
        "base_year": params.base_year,
        "report_years": list(params.report_years),
        "groups": [group.name for group in params.groups],
        "scenarios": [
            {"name": name, "description": scenario.description}
            for name, scenario in params.scenarios.items()
        ],
        "uncertain": bool(params.uncertainty),
        "sha256": found.loaded.sha256 if found.loaded else "",
        "links": _links(found.name),
    }


@api_view()
def projection_list(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """The parameter files published: shipped, then derived."""
    usable = [found for found in projection_files() if found.loaded is not None]
    return paginated(request, usable, _file_json)


def _with_results(name: str, answer: Callable[[ProjectionResults], JsonResponse]) -> JsonResponse:
    try:
        results = projection_results(name)
    except UnknownProjectionError:
        return problem(404, "There is no such projection.")
    except ProjectionInputError as error:
        return problem(503, str(error))
    return answer(results)


@api_view()
def projection_detail(request: HttpRequest, viewer: Viewer, name: str) -> JsonResponse:
    """A projection: every scenario, group (and ``all``) and year side by side."""

    def answer(results: ProjectionResults) -> JsonResponse:
        return JsonResponse(
            {
                **_file_json(results.file),
                "scenario_labels": results.labels,
                "rows": frame_rows(results.scenarios),
            }
        )

    return _with_results(name, answer)


def _table(
    request: HttpRequest,
    name: str,
    pick: Callable[[ProjectionResults], pl.DataFrame | None],
    what: str,
) -> JsonResponse:
    def answer(results: ProjectionResults) -> JsonResponse:
        frame = pick(results)
        if frame is None:
            return problem(404, f"This projection has no {what}.")
        return paginated(request, frame_rows(frame), same, about={"projection": name})

    return _with_results(name, answer)


@api_view()
def sensitivity_list(request: HttpRequest, viewer: Viewer, name: str) -> JsonResponse:
    """The one-way sensitivity of total new staff by the last report year (the tornado)."""
    return _table(request, name, lambda results: results.sensitivity.table, "sensitivity")


@api_view()
def range_list(request: HttpRequest, viewer: Viewer, name: str) -> JsonResponse:
    """Monte Carlo ranges (P10, P50, P90) by group, year and measure (404 when the file
    declares no uncertain parameters)."""
    return _table(request, name, lambda results: results.ranges, "Monte Carlo ranges")


@api_view()
def supply_list(request: HttpRequest, viewer: Viewer, name: str) -> JsonResponse:
    """New staff needed each year against the training pipeline (404 without a supply file)."""
    return _table(request, name, lambda results: results.supply, "supply data")
