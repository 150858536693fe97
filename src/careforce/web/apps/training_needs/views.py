"""Priority training needs (action 1.3) for partner analysts and administrators: the ranked,
evidenced list from the latest publication, its downloads, and the priorities the partnership
agreed each year (recorded and audited like action-plan updates)."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from typing import Any, Final

import polars as pl
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from careforce.core.vocab.published import AREA_CODE, PERIOD
from careforce.web.apps.training_needs.forms import PrioritiesForm
from careforce.web.backend import publications
from careforce.web.backend.downloads import DownloadFormat, DownloadTable, page_download
from careforce.web.backend.training_needs import (
    PrioritiesRejectedError,
    agreed_history,
    agreed_years,
    may_record,
    ranked_needs,
    record_priorities,
)
from careforce.web.models.accounts.terms import Role
from careforce.web.shared.access import client_address, roles_required, viewer_of
from careforce.web.shared.downloads import page_file

STARTING_PRIORITIES: Final = 5
"""Ranked needs filled into the form to start from."""
SCORING: Final = (
    "Each need is a published measure below its benchmark: qualification and Care Certificate "
    "shares against their comparators (England), current mandatory training against full "
    "compliance, current training in a skill employers ask for against the share of job "
    "postings asking for it, and the workforce survey's training items against full agreement.",
    "Workers short = gap × workers in the cell (a survey item's gap, taken at the top of its "
    "95% interval, is scaled to the area's workers). Score = workers short × (1 + share of job "
    "postings asking for the need's skill). Highest first; suppressed cells are never used.",
)
"""How the list is scored, as the page and the downloads say it."""


def _needs(request: HttpRequest) -> tuple[pl.DataFrame, str | None]:
    published = publications.published()
    if published is None:
        return pl.DataFrame(), None
    period = request.GET.get("period") or None
    if period is not None and period not in published.periods:
        raise Http404("no such period")
    needs = ranked_needs(published, period=period)
    chosen = str(needs[PERIOD][0]) if needs.height else period
    return needs, chosen


def _rows(needs: pl.DataFrame) -> list[list[Any]]:
    several = needs.select(AREA_CODE).n_unique() > 1 if needs.height else False
    return [
        [
            str(row["rank"]),
            *([row["area_name"] or row[AREA_CODE]] if several else []),
            row["need"],
            row["evidence"],
            f"{row['score']:,.0f}",
        ]
        for row in needs.iter_rows(named=True)
    ]


@roles_required(Role.ADMINISTRATOR, Role.ANALYST)
@require_GET
def need_list(request: HttpRequest) -> HttpResponse:
    """The ranked needs of the latest publication and the priorities agreed each year."""
    needs, period = _needs(request)
    several = needs.height > 0 and needs.select(AREA_CODE).n_unique() > 1
    head = ["Rank", *(["Area"] if several else []), "Need", "Evidence", "Score"]
    return render(
        request,
        "training_needs/need_list.html",
        {
            "published": publications.published() is not None,
            "period": period,
            "rows": _rows(needs),
            "head": head,
            "scoring": SCORING,
            "years": agreed_years(),
            "history": agreed_history(),
            "may_record": may_record(viewer_of(request)),
        },
    )


@roles_required(Role.ADMINISTRATOR, Role.ANALYST)
@require_GET
def need_download(request: HttpRequest, file_format: str) -> HttpResponse:
    """The ranked needs and the agreed priorities as CSV, ODS or XLSX."""
    needs, period = _needs(request)
    agreed = pl.DataFrame(
        {
            "year": [y.year for y in agreed_years() for _ in y.priorities],
            "order": [i + 1 for y in agreed_years() for i in range(len(y.priorities))],
            "priority": [p for y in agreed_years() for p in y.priorities],
        },
        schema={"year": pl.String, "order": pl.Int64, "priority": pl.String},
    )
    title = f"Priority training needs, {period or 'no publication'}"

    def content(chosen: DownloadFormat) -> bytes:
        return page_download(
            title=title,
            lines=[title, *SCORING],
            tables=[
                DownloadTable("Needs", "Priority training needs, ranked", needs),
                DownloadTable("Agreed", "Priorities agreed each year", agreed),
            ],
            file_format=chosen,
        )

    return page_file(
        request,
        name="training-needs",
        file_format=file_format,
        object_type="training-needs",
        content=content,
    )


@roles_required(Role.ADMINISTRATOR, Role.ANALYST)
@require_http_methods(["GET", "POST"])
def priorities_create(request: HttpRequest) -> HttpResponse:
    """Record the priorities the partnership agreed for a year."""
    needs, period = _needs(request)
    initial = {
        "year": period or "",
        "priorities": "\n".join(needs["need"].head(STARTING_PRIORITIES).to_list())
        if needs.height
        else "",
    }
    form = PrioritiesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            record_priorities(
                viewer_of(request),
                year=form.cleaned_data["year"],
                priorities=form.priority_lines(),
                note=form.cleaned_data.get("note") or "",
                ip_address=client_address(request),
            )
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        except PrioritiesRejectedError as error:
            form.add_error("priorities", str(error))
        else:
            messages.success(
                request, f"The priorities agreed for {form.cleaned_data['year']} are recorded."
            )
            return redirect("training:need-list")
    return render(
        request,
        "training_needs/priorities_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
