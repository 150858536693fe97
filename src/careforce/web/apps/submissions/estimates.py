"""The analysts' page of the whole-sector estimates: coverage by service group and the
in-scope registered locations that have not returned."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from typing import Final

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careforce.web.backend.access import NotVisibleError
from careforce.web.backend.estimates import EstimatedTotals, estimates_report
from careforce.web.models.accounts.terms import Role
from careforce.web.shared.access import roles_required, viewer_of
from careforce.web.shared.components import table
from careforce.web.shared.formats import number, percent

LOCATIONS_SHOWN: Final = 1000
"""Locations listed on the page (a county has a few hundred; the file holds them all)."""
SOURCE_LABELS: Final = {
    "carried_forward": "Earlier or later return carried",
    "interpolated": "Interpolated between returns",
    "modelled": "Modelled",
}
"""How the figure used for a location that has not returned is described."""


def _totals(totals: EstimatedTotals | None) -> list[tuple[str, str]]:
    """The whole-sector filled posts and people as summary-list rows (none without totals)."""
    if totals is None:
        return []
    if totals.headcount is None:
        people = "Not known: the returns hold no staff records"
    else:
        people = number(totals.headcount)
        if totals.headcount_lower is not None and totals.headcount_upper is not None:
            people += (
                f" (95% interval {number(totals.headcount_lower)} to "
                f"{number(totals.headcount_upper)})"
            )
        if totals.posts_per_person is not None and totals.posts_per_person_returned is not None:
            people += (
                f"; {totals.posts_per_person:.2f} posts per person "
                f"({totals.posts_per_person_returned:.2f} in the returns alone)"
            )
    return [
        ("Estimated filled posts", number(totals.filled_posts)),
        ("Estimated people (headcount)", people),
    ]


@roles_required(Role.ANALYST, Role.ADMINISTRATOR)
@require_GET
def estimate_list(request: HttpRequest) -> HttpResponse:
    """Coverage by service group and the in-scope locations without a current return."""
    try:
        report = estimates_report(viewer=viewer_of(request))
    except NotVisibleError as error:
        raise PermissionDenied(str(error)) from error
    coverage = table(
        caption="Coverage of the returns by service group",
        head=["Service group", "Locations", "Returned", "Share returned", "Share of filled posts"],
        rows=[
            [
                c.service_group,
                number(c.locations),
                number(c.returned),
                percent(c.share),
                percent(c.posts_share),
            ]
            for c in report.coverage
        ],
        numeric=[1, 2, 3, 4],
    )
    shown = report.not_returned.head(LOCATIONS_SHOWN)
    locations = table(
        caption="Registered locations that have not returned",
        head=[
            "Location",
            "Provider",
            "Service group",
            "Beds",
            "Estimated filled posts",
            "Figure used",
        ],
        rows=[
            [
                f"{r['location_name']} ({r['location_id']})"
                if r["location_name"]
                else r["location_id"],
                r["provider_name"],
                r["service_group"],
                r["beds"],
                number(float(r["filled_posts"] or 0), 0),
                SOURCE_LABELS.get(r["source"], r["source"]),
            ]
            for r in shown.iter_rows(named=True)
        ],
        numeric=[3, 4],
    )
    return render(
        request,
        "submissions/estimate_list.html",
        {
            "report": report,
            "coverage": coverage,
            "locations": locations,
            "hidden": max(0, report.not_returned.height - LOCATIONS_SHOWN),
            "totals": _totals(report.totals),
        },
    )
