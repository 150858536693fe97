"""The annual progress report: made in the background when a partner analyst or administrator
asks, and downloadable by anyone from the outcomes pages (HTML or PDF)."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from careforce.web.backend.progress_reports import (
    ReportFormat,
    latest_report,
    latest_request,
    may_request,
    report_file,
    request_report,
)
from careforce.web.models.accounts.terms import Role
from careforce.web.shared.access import roles_required, viewer_of
from careforce.web.shared.downloads import attachment


@require_GET
def report_show(request: HttpRequest) -> HttpResponse:
    """The latest report to download, and how the one asked for last is getting on."""
    return render(
        request,
        "outcomes/report.html",
        {
            "report": latest_report(),
            "requested": latest_request(),
            "may_request": may_request(viewer_of(request)),
        },
    )


@roles_required(Role.ANALYST, Role.ADMINISTRATOR)
@require_POST
def report_create(request: HttpRequest) -> HttpResponse:
    """Ask for a new report of the partnership's area."""
    request_report(viewer_of(request))
    messages.success(request, "The progress report is being made. This page shows how it is going.")
    return redirect("outcomes:report-show")


@require_GET
def report_download(request: HttpRequest, file_format: str) -> HttpResponse:
    """The latest report as HTML or PDF (404 before one is made)."""
    try:
        chosen = ReportFormat(file_format)
    except ValueError as error:
        raise Http404("no such format") from error
    path = report_file(chosen)
    if path is None:
        raise Http404("no report yet")
    return attachment(
        request,
        path.read_bytes(),
        file_name=chosen.file_name,
        media_type=chosen.media_type,
        object_type="progress-report",
        object_id=path.parent.name,
    )
