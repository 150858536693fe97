"""A provider's benchmarks: its workplaces against comparable workplaces in the area."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from typing import Any, Final

import polars as pl
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careforce.web.backend.access import NotVisibleError
from careforce.web.backend.benchmarks import (
    BASE_COLUMN,
    BENCHMARKS,
    STATE_NOTES,
    Base,
    BenchmarkReport,
    NoBenchmarkDataError,
    Scope,
    provider_benchmarks,
)
from careforce.web.backend.organisations import organisation_choices
from careforce.web.models.accounts.terms import Role
from careforce.web.shared.access import roles_required, viewer_of
from careforce.web.shared.components import table
from careforce.web.shared.formats import measure_value, number

SCOPE_LABELS: Final = {
    Scope.WORKPLACE.value: "This workplace",
    Scope.SAME_SERVICE.value: "Same main service in the area",
    Scope.AREA.value: "All workplaces in the area",
}
"""Column headings of the comparison groups."""


ESTIMATED_MARK: Final = " (estimated for the whole sector)"
"""After a comparison figure that is the published whole-sector estimate."""


def _value(row: dict[str, Any], unit: str) -> str:
    state = row.get("state")
    if state in ("too-few-workplaces", "too-few-workers"):
        return f"[c] {STATE_NOTES[state]}"
    if state:
        return f"[x] {STATE_NOTES.get(state, state)} ({state})"
    shown = measure_value(row.get("value"), unit)
    estimated = row.get(BASE_COLUMN) == "estimated for the whole sector"
    return shown + (ESTIMATED_MARK if estimated else "")


def _table(report: BenchmarkReport) -> dict[str, Any]:
    rows = []
    frame = report.rows
    for entry in BENCHMARKS:
        cells: list[Any] = [entry.name]
        for scope in Scope:
            found = frame.filter(
                (pl.col("measure_id") == entry.id) & (pl.col("scope") == scope.value)
            )
            cells.append(_value(found.row(0, named=True), entry.unit) if found.height else "[x]")
        rows.append(cells)
    return table(
        caption=f"{report.workplace.name}, {report.period}",
        caption_size="m",
        head=["Measure", *SCOPE_LABELS.values()],
        rows=rows,
        numeric=[1, 2, 3],
    )


@roles_required(Role.PROVIDER, Role.ADMINISTRATOR)
@require_GET
def benchmark_show(request: HttpRequest) -> HttpResponse:
    """Your workplace against comparable workplaces (administrators choose the organisation)."""
    viewer = viewer_of(request)
    choices = organisation_choices() if viewer.is_administrator else []
    if viewer.is_provider:
        # A parent organisation's users may choose one of its subsidiaries.
        asked = request.GET.get("organisation", "")
        chosen = int(asked) if asked.isdigit() else None
        organisation_id = chosen if chosen in viewer.organisation_ids else viewer.organisation_id
    else:
        try:
            organisation_id = int(request.GET.get("organisation", ""))
        except ValueError:
            return render(request, "benchmarks/choose.html", {"organisations": choices})
    try:
        report = provider_benchmarks(
            viewer=viewer,
            organisation_id=organisation_id or 0,
            period=request.GET.get("period"),
            workplace=request.GET.get("workplace"),
            base=Base.RETURNED
            if request.GET.get("base") == Base.RETURNED.value
            else Base.ESTIMATED,
        )
    except NotVisibleError as error:
        raise Http404("no such organisation") from error
    except NoBenchmarkDataError as error:
        return render(
            request,
            "benchmarks/no_data.html",
            {"message": str(error), "organisations": choices},
            status=200,
        )
    sizes = {row["scope"]: row for row in report.sizes.iter_rows(named=True)}
    return render(
        request,
        "benchmarks/benchmark.html",
        {
            "report": report,
            "table": _table(report),
            "sizes": sizes,
            "scope_labels": SCOPE_LABELS,
            "organisations": choices,
            "number": number,
        },
    )
