"""Which providers have returned data, and which may need most support.

Both pages are for the partnership's administrators and analysts; the back end refuses every
other viewer as well (``Viewer.sees_partnership_overview``).
"""
# mypy: allow-untyped-decorators

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from markupsafe import Markup

from careforce.web.backend.access import NotVisibleError
from careforce.web.backend.downloads import DownloadTable, page_download
from careforce.web.backend.submissions import (
    SubmissionsReport,
    SubmissionStatus,
    submissions,
)
from careforce.web.backend.support import LABELS, SupportReport, providers_needing_support
from careforce.web.models.accounts.terms import Role
from careforce.web.models.organisations.terms import OrganisationKind
from careforce.web.shared.access import roles_required, viewer_of
from careforce.web.shared.components import table
from careforce.web.shared.downloads import page_file
from careforce.web.shared.formats import date, number, percent

PARTNERSHIP = (Role.ANALYST, Role.ADMINISTRATOR)
"""Who may open the pages."""
REGISTER_NOTE = (
    "The denominator is the workplaces known to careforce: those registered to an organisation "
    "and those in any accepted return. Once estimates land, the registered locations from the "
    "CQC register will be used instead, so that workplaces careforce has never heard of count "
    "too."
)
"""What the coverage figures are a share of (said on the page and in the downloads)."""


def _tag(status: SubmissionStatus) -> Markup:
    return Markup('<strong class="govuk-tag govuk-tag--{}">{}</strong>').format(
        status.colour, status.label
    )


def _report(request: HttpRequest) -> SubmissionsReport:
    try:
        return submissions(
            viewer=viewer_of(request),
            period=request.GET.get("period"),
            status=request.GET.get("status", ""),
            kind=request.GET.get("kind", ""),
        )
    except NotVisibleError as error:
        raise PermissionDenied(str(error)) from error


def _rules_text(rules: Sequence[Any]) -> str:
    return "; ".join(f"{r.code} ({r.severity}, {r.count})" for r in rules) or "No rules broken"


def submission_frames(report: SubmissionsReport) -> list[DownloadTable]:
    """The page's tables, as downloaded."""
    period = report.period or ""
    organisations = pl.DataFrame(
        {
            "organisation": [r.name for r in report.organisations],
            "kind": [r.kind_label for r in report.organisations],
            "status": [r.status.label for r in report.organisations],
            "workplaces_known": [r.workplaces_known for r in report.organisations],
            "workplaces_returned": [r.workplaces_returned for r in report.organisations],
            "filled_posts_returned": [r.filled_posts for r in report.organisations],
            "latest_upload": [r.latest_upload for r in report.organisations],
            "latest_upload_status": [r.latest_upload_status for r in report.organisations],
        },
        schema_overrides={"latest_upload": pl.Date},
    )
    workplaces = pl.DataFrame(
        {
            "organisation": [w.organisation for w in report.workplaces],
            "workplace_reference": [w.reference for w in report.workplaces],
            "workplace": [w.name for w in report.workplaces],
            "main_service": [w.main_service for w in report.workplaces],
            "status": [w.status.label for w in report.workplaces],
            "filled_posts": [w.filled_posts for w in report.workplaces],
            "filled_posts_period": [w.posts_period for w in report.workplaces],
        },
        schema_overrides={"filled_posts": pl.Int64},
    )
    cover = report.coverage
    coverage = pl.DataFrame(
        {
            "measure": ["Workplaces", "Filled posts (staff records)"],
            "returned": [cover.workplaces_returned, cover.posts_returned],
            "known_to_careforce": [cover.workplaces_known, cover.posts_known],
            "share_returned": [cover.workplace_share, cover.post_share],
        },
        schema_overrides={"share_returned": pl.Float64},
    )
    quality = pl.DataFrame(
        {
            "organisation": [q.organisation for q in report.quality],
            "upload": [q.upload_id for q in report.quality],
            "uploaded": [q.uploaded for q in report.quality],
            "upload_status": [q.status for q in report.quality],
            "records": [q.records for q in report.quality],
            "errors": [q.errors for q in report.quality],
            "warnings": [q.warnings for q in report.quality],
            "errors_per_100_records": [q.errors_per_100 for q in report.quality],
            "top_rules": [_rules_text(q.top_rules) for q in report.quality],
        },
        schema_overrides={
            "uploaded": pl.Date,
            "records": pl.Int64,
            "errors_per_100_records": pl.Float64,
        },
    )
    rules = pl.DataFrame(
        [(q.organisation, r.code, r.severity, r.count) for q in report.quality for r in q.rules],
        schema={
            "organisation": pl.String,
            "rule": pl.String,
            "severity": pl.String,
            "findings": pl.Int64,
        },
        orient="row",
    )
    return [
        DownloadTable("Organisations", f"Returns by organisation, {period}", organisations),
        DownloadTable("Workplaces", f"Returns by workplace, {period}", workplaces),
        DownloadTable("Coverage", f"Coverage of the area, {period}", coverage),
        DownloadTable("Data quality", f"Data quality of the latest upload, {period}", quality),
        DownloadTable("Rules", f"Findings by rule of the latest upload, {period}", rules),
    ]


def _tables(report: SubmissionsReport) -> dict[str, Any]:
    period = report.period or ""
    return {
        "organisations": table(
            caption=f"Returns by organisation, {period}",
            head=[
                "Organisation",
                "Kind",
                "Status",
                "Workplaces returned",
                "Filled posts returned",
                "Latest upload",
            ],
            rows=[
                [
                    r.name,
                    r.kind_label,
                    _tag(r.status),
                    f"{number(r.workplaces_returned)} of {number(r.workplaces_known)}",
                    number(r.filled_posts),
                    f"{date(r.latest_upload)} ({r.latest_upload_status})"
                    if r.latest_upload
                    else "No upload",
                ]
                for r in report.organisations
            ],
            numeric=[3, 4],
        ),
        "workplaces": table(
            caption=f"Returns by workplace, {period}",
            head=["Workplace", "Organisation", "Main service", "Status", "Filled posts"],
            rows=[
                [
                    f"{w.name or w.reference} ({w.reference})",
                    w.organisation,
                    w.main_service or "Not known",
                    _tag(w.status),
                    "Not known"
                    if w.filled_posts is None
                    else number(w.filled_posts)
                    + ("" if w.posts_period == period else f" ({w.posts_period})"),
                ]
                for w in report.workplaces
            ],
            numeric=[4],
        ),
        "quality": table(
            caption=f"Data quality of each organisation’s latest upload, {period}",
            head=[
                "Organisation",
                "Upload",
                "Errors",
                "Warnings",
                "Errors per 100 records",
                "Most found rules",
            ],
            rows=[
                [
                    q.organisation,
                    f"{date(q.uploaded)} ({q.status})",
                    number(q.errors),
                    number(q.warnings),
                    number(q.errors_per_100, 1) if q.errors_per_100 is not None else "Not known",
                    _rules_text(q.top_rules),
                ]
                for q in report.quality
            ],
            numeric=[2, 3, 4],
        ),
    }


@roles_required(*PARTNERSHIP)
@require_GET
def submission_list(request: HttpRequest) -> HttpResponse:
    """Returns by organisation and workplace for a period, coverage and data quality."""
    report = _report(request)
    return render(
        request,
        "submissions/submission_list.html",
        {
            "report": report,
            "tables": _tables(report),
            "statuses": [("", "All"), *((s.value, s.label) for s in SubmissionStatus)],
            "kinds": [("", "All"), *((k.value, k.label) for k in OrganisationKind)],
            "register_note": REGISTER_NOTE,
            "percent": percent,
            "query": request.GET.urlencode(),
        },
    )


@roles_required(*PARTNERSHIP)
@require_GET
def submission_download(request: HttpRequest, file_format: str) -> HttpResponse:
    """The submissions page's tables as CSV, ODS or XLSX."""
    report = _report(request)
    title = f"Returns for {report.period or 'no period'}"
    lines = [
        title,
        f"Returns are due by {date(report.due)}." if report.due else "No returns yet.",
        f"Filters: status {report.status or 'all'}, organisation kind {report.kind or 'all'}.",
        REGISTER_NOTE,
        "Shares are fractions (0.5 means 50%). Submission status is not staff data.",
    ]
    return page_file(
        request,
        object_type="submissions",
        name="submissions",
        file_format=file_format,
        content=lambda chosen: page_download(
            title=title, lines=lines, tables=submission_frames(report), file_format=chosen
        ),
    )


def _support(request: HttpRequest) -> SupportReport:
    try:
        return providers_needing_support(
            viewer=viewer_of(request), period=request.GET.get("period")
        )
    except NotVisibleError as error:
        raise PermissionDenied(str(error)) from error


def support_frame(report: SupportReport) -> pl.DataFrame:
    """The ranking, as downloaded."""
    factors = list(report.settings.factors)
    return pl.DataFrame(
        {
            "rank": [r.rank for r in report.rows],
            "organisation": [r.organisation for r in report.rows],
            "score": [r.score for r in report.rows],
            "reasons": ["; ".join(r.reasons) for r in report.rows],
            "left_out": ["; ".join(r.left_out) for r in report.rows],
            **{
                f"points_{factor.value}": [r.points.get(factor) for r in report.rows]
                for factor in factors
            },
        },
        schema_overrides={
            "rank": pl.Int64,
            "score": pl.Float64,
            **{f"points_{factor.value}": pl.Float64 for factor in factors},
        },
    )


def _weights(report: SupportReport) -> dict[str, Any]:
    return table(
        caption=f"Factors and weights (settings version {report.settings.version})",
        head=["Factor", "Weight (points)", "Full concern at"],
        rows=[
            [LABELS[factor], number(setting.weight, 0), _full_at(factor.value, setting.full_at)]
            for factor, setting in report.settings.factors.items()
        ],
        numeric=[1],
    )


def _full_at(factor: str, value: float) -> str:
    if factor in ("turnover", "vacancy"):
        return f"{number(value * 100, 0)} percentage points above similar workplaces"
    if factor in ("care_certificate", "qualified"):
        return f"{number(value * 100, 0)} percentage points below similar workplaces"
    if factor == "no_recent_return":
        return f"{number(value, 0)} periods without an accepted return"
    return f"{number(value, 1)} errors per 100 records"


@roles_required(*PARTNERSHIP)
@require_GET
def support_list(request: HttpRequest) -> HttpResponse:
    """The providers that may need most support, ranked, with the reasons."""
    report = _support(request)
    return render(
        request,
        "submissions/support_list.html",
        {
            "report": report,
            "weights": _weights(report),
            "maximum": number(report.settings.maximum, 0),
            "query": request.GET.urlencode(),
        },
    )


@roles_required(*PARTNERSHIP)
@require_GET
def support_download(request: HttpRequest, file_format: str) -> HttpResponse:
    """The ranking as CSV, ODS or XLSX, for the partnership's engagement work."""
    report = _support(request)
    title = f"Providers that may need most support, {report.period or 'no period'}"
    lines = [
        title,
        "A score to prioritise conversations with providers, not a judgement of quality.",
        f"Settings version {report.settings.version}; the highest possible score is "
        f"{number(report.settings.maximum, 0)}. A factor without data adds no points and is "
        "listed under left_out; empty points mean it was left out.",
        "Comparators: other organisations' workplaces with the same main service in the area, "
        f"withheld below {report.policy.min_workplaces} workplaces or "
        f"{report.policy.min_workers} staff records.",
        "Provider-level data for the partnership's administrators and analysts only.",
    ]
    return page_file(
        request,
        object_type="support",
        name="providers-needing-support",
        file_format=file_format,
        content=lambda chosen: page_download(
            title=title,
            lines=lines,
            tables=[DownloadTable("Ranking", title, support_frame(report))],
            file_format=chosen,
        ),
    )
