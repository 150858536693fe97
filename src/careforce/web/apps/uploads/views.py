"""The upload journey: upload, watch the check, read the findings, accept or fix and re-upload;
and the records (snapshots) accepted uploads became.

Every view finds records through the services with the viewer, so another organisation's
upload, findings, files or records answer 404 exactly as a missing one does.
"""
# mypy: allow-untyped-decorators

from __future__ import annotations

from typing import Any, Final

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careforce.web.apps.uploads.forms import (
    FindingFilterForm,
    TransferRequestForm,
    UploadFilterForm,
    UploadForm,
)
from careforce.web.backend import uploads as service
from careforce.web.backend.access import NotVisibleError
from careforce.web.backend.audit import AuditAction, record
from careforce.web.backend.jobs import job_state
from careforce.web.backend.organisations import (
    create_organisations_from_workplaces,
    organisation_choices,
    organisation_name,
)
from careforce.web.backend.own_references import (
    own_findings_csv,
    own_findings_xlsx,
    own_line_references,
    own_staff_references,
)
from careforce.web.backend.ownership import (
    TransferRefusedError,
    ownership_conflicts,
    request_transfers,
)
from careforce.web.models.accounts.terms import Role
from careforce.web.models.uploads.terms import Severity, Source, UploadStatus
from careforce.web.shared.access import client_address, roles_required, viewer_of
from careforce.web.shared.upload_handlers import closing_uploads

UPLOADS_PAGE_SIZE: Final = 25
"""Uploads per page."""
FINDINGS_PAGE_SIZE: Final = 100
"""Findings per page."""
RECORDS_PAGE_SIZE: Final = 50
"""Workplaces or staff records per page."""
REFRESH_SECONDS: Final = 5
"""Without JavaScript, a page showing a check in progress reloads this often."""

record_holders = roles_required(Role.ADMINISTRATOR, Role.PROVIDER)
"""Pages about uploads and records: administrators and provider users only."""


def _upload_or_404(request: HttpRequest, upload_id: int) -> Any:
    try:
        return service.visible_upload(viewer_of(request), upload_id)
    except NotVisibleError as error:
        raise Http404("no such upload") from error


@record_holders
@require_GET
def upload_list(request: HttpRequest) -> HttpResponse:
    """Uploads of the viewer's organisation (administrators: every organisation's)."""
    viewer = viewer_of(request)
    form = None
    organisation_id = None
    if viewer.is_administrator:
        form = UploadFilterForm(request.GET or None, organisations=organisation_choices())
        if form.is_valid() and form.cleaned_data.get("organisation"):
            organisation_id = form.cleaned_data["organisation"]
    uploads = service.uploads_with_files(viewer, organisation_id=organisation_id)
    page = Paginator(uploads, UPLOADS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "uploads/upload_list.html",
        {
            "page": page,
            "form": form,
            "organisation": organisation_name(viewer.organisation_id),
        },
    )


@record_holders
@require_http_methods(["GET", "POST"])
@closing_uploads
def upload_create(request: HttpRequest) -> HttpResponse:
    """Upload files for an organisation."""
    viewer = viewer_of(request)
    if viewer.is_administrator:
        organisations = organisation_choices()
    else:
        organisations = [(viewer.organisation_id or 0, organisation_name(viewer.organisation_id))]
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        administrator=viewer.is_administrator,
        initial={"organisation": request.GET.get("organisation")}
        if viewer.is_administrator
        else None,
    )
    if request.method == "POST" and form.is_valid():
        files = [
            service.IncomingFile(name=upload.name or "file", chunks=upload.chunks())
            for upload in form.cleaned_data["files"]
        ]
        try:
            upload = service.create_upload(
                viewer=viewer,
                organisation_id=form.cleaned_data["organisation"],
                source=Source(form.cleaned_data["source"]),
                files=files,
                reference_date=form.cleaned_data["reference_date"],
                ip_address=client_address(request),
            )
        except NotVisibleError as error:
            raise PermissionDenied("You cannot upload files for that organisation.") from error
        except service.UploadRefusedError as error:
            form.add_error(None, str(error))
        else:
            return redirect("uploads:upload-detail", upload.pk)
    return render(
        request,
        "uploads/upload_form.html",
        {"form": form, "administrator": viewer.is_administrator},
        status=400 if form.errors else 200,
    )


@record_holders
@require_GET
def upload_detail(request: HttpRequest, upload_id: int) -> HttpResponse:
    """An upload: its files, its status and what to do next (with the workplaces registered to
    another organisation, if it holds any, and the form to ask for them)."""
    return _upload_page(request, _upload_or_404(request, upload_id))


def _upload_page(
    request: HttpRequest, upload: Any, transfer_form: TransferRequestForm | None = None
) -> HttpResponse:
    status = UploadStatus(upload.status)
    snapshot = getattr(upload, "snapshot", None) if status is UploadStatus.ACCEPTED else None
    refreshing = status.in_progress and request.GET.get("refresh") != "off"
    conflicts = ownership_conflicts(viewer_of(request), upload)
    return render(
        request,
        "uploads/upload_detail.html",
        {
            "conflicts": conflicts,
            "asking": any(conflict.transfer != "pending" for conflict in conflicts),
            "transfer_form": transfer_form or TransferRequestForm(),
            "upload": upload,
            "status": status,
            "files": service.upload_files(upload),
            "job": job_state(upload.job_id),
            "counts": service.finding_counts(upload),
            "attribution": service.attribution_summary(upload),
            "snapshot": snapshot,
            "refreshing": refreshing,
            "refresh_seconds": REFRESH_SECONDS,
            "sample": service.findings_of(upload, severity=Severity.ERROR)[:5],
        },
        status=400 if transfer_form is not None else 200,
    )


@record_holders
@require_GET
def upload_status(request: HttpRequest, upload_id: int) -> JsonResponse:
    """An upload's status as JSON, for the progress page's polling."""
    upload = _upload_or_404(request, upload_id)
    status = UploadStatus(upload.status)
    job = job_state(upload.job_id)
    return JsonResponse(
        {
            "status": status.value,
            "label": status.label,
            "finished": not status.in_progress,
            "step": job.step if job else "",
            "percent": job.percent if job else 0,
        }
    )


@record_holders
@require_GET
def finding_list(request: HttpRequest, upload_id: int) -> HttpResponse:
    """An upload's findings by file, line and column, with guidance; filterable and paginated."""
    upload = _upload_or_404(request, upload_id)
    form = FindingFilterForm(request.GET or None, files=service.finding_files(upload))
    severity: Severity | None = None
    file: str | None = None
    if form.is_bound:
        if not form.is_valid():
            raise Http404("no such filter")
        severity = (
            Severity(form.cleaned_data["severity"]) if form.cleaned_data["severity"] else None
        )
        file = form.cleaned_data["file"] or None
    findings = service.findings_of(upload, severity=severity, file=file)
    page = Paginator(findings, FINDINGS_PAGE_SIZE).get_page(request.GET.get("page"))
    guidance = {finding.code: service.guidance(finding.code) for finding in page}
    return render(
        request,
        "uploads/finding_list.html",
        {
            "upload": upload,
            "page": page,
            "form": form,
            "guidance": guidance,
            "per_rule": service.FINDINGS_PER_RULE,
            "references": _finding_references(request, upload, page),
        },
    )


def _finding_references(
    request: HttpRequest, upload: Any, findings: Any
) -> dict[tuple[str, int], tuple[str, str]] | None:
    """The workplace and worker references of each finding's line, for the organisation that
    uploaded the files (None for anyone else, who sees no references)."""
    viewer = viewer_of(request)
    wanted: dict[str, set[int]] = {}
    for finding in findings:
        wanted.setdefault(finding.file, set()).add(finding.line)
    found: dict[tuple[str, int], tuple[str, str]] = {}
    seen = False
    for file, lines in wanted.items():
        references = own_line_references(viewer, upload, file)
        seen = seen or bool(references.height)
        for line, workplace, worker in references.filter(
            references["line"].is_in(sorted(lines))
        ).iter_rows():
            found[(file, line)] = (workplace, worker)
    return found if seen else None


_FINDINGS_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
"""Content types of the findings downloads written for the uploading organisation."""


def _own_findings_download(request: HttpRequest, upload: Any, file_format: str) -> bytes | None:
    """The findings download with the references of each line, for the organisation that
    uploaded the files (None for anyone else, who downloads the findings as written)."""
    if file_format not in _FINDINGS_TYPES:
        return None
    try:
        written = service.findings_file(upload, "csv")
    except FileNotFoundError:
        return None
    writer = own_findings_csv if file_format == "csv" else own_findings_xlsx
    return writer(viewer_of(request), upload, written)


@record_holders
@require_GET
def finding_download(
    request: HttpRequest, upload_id: int, file_format: str
) -> HttpResponse | FileResponse:
    """An upload's findings as CSV or as an XLSX workbook with guidance."""
    upload = _upload_or_404(request, upload_id)
    try:
        path = service.findings_file(upload, file_format)
    except FileNotFoundError as error:
        raise Http404("no findings file") from error
    record(
        AuditAction.DOWNLOAD,
        viewer=viewer_of(request),
        organisation_id=upload.organisation_id,
        object_type="findings",
        object_id=upload.pk,
        ip_address=client_address(request),
        detail={"format": file_format},
    )
    filename = f"upload-{upload.pk}-findings.{file_format}"
    own = _own_findings_download(request, upload, file_format)
    if own is not None:
        response = HttpResponse(own, content_type=_FINDINGS_TYPES[file_format])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return FileResponse(path.open("rb"), as_attachment=True, filename=filename)


@record_holders
@require_GET
def file_download(request: HttpRequest, upload_id: int, position: int) -> FileResponse:
    """A file of an upload, byte for byte as it was sent."""
    upload = _upload_or_404(request, upload_id)
    try:
        kept, path = service.raw_file(upload, position)
    except (NotVisibleError, FileNotFoundError) as error:
        raise Http404("no such file") from error
    record(
        AuditAction.DOWNLOAD,
        viewer=viewer_of(request),
        organisation_id=upload.organisation_id,
        object_type="upload-file",
        object_id=f"{upload.pk}/{position}",
        ip_address=client_address(request),
        detail={"sha256": kept.sha256},
    )
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=kept.name,
        content_type="application/octet-stream",
    )


@record_holders
@require_POST
def snapshot_create(request: HttpRequest, upload_id: int) -> HttpResponse:
    """Accept a valid upload: it becomes a snapshot and the measures are updated."""
    viewer = viewer_of(request)
    try:
        snapshot = service.accept_upload(
            viewer=viewer, upload_id=upload_id, ip_address=client_address(request)
        )
    except NotVisibleError as error:
        raise Http404("no such upload") from error
    except service.UploadNotAcceptableError as error:
        messages.error(request, str(error))
        return redirect("uploads:upload-detail", upload_id)
    messages.success(
        request,
        "The upload has been accepted. The measures are being updated and will include it in a "
        "minute or so.",
    )
    return redirect("uploads:snapshot-detail", snapshot.pk)


@record_holders
@require_POST
def validation_create(request: HttpRequest, upload_id: int) -> HttpResponse:
    """Check again an upload whose check failed (a fault, or the job was interrupted)."""
    try:
        service.retry_validation(
            viewer=viewer_of(request), upload_id=upload_id, ip_address=client_address(request)
        )
    except NotVisibleError as error:
        raise Http404("no such upload") from error
    except service.UploadNotRetryableError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The files are being checked again.")
    return redirect("uploads:upload-detail", upload_id)


@record_holders
@require_POST
def transfer_create(request: HttpRequest, upload_id: int) -> HttpResponse:
    """Ask for the workplaces of an upload registered to another organisation to be
    transferred to the upload's organisation."""
    upload = _upload_or_404(request, upload_id)
    form = TransferRequestForm(request.POST)
    if not form.is_valid():
        return _upload_page(request, upload, transfer_form=form)
    try:
        created = request_transfers(
            viewer=viewer_of(request),
            upload_id=upload.pk,
            reason=form.cleaned_data["reason"],
            ip_address=client_address(request),
        )
    except TransferRefusedError as error:
        messages.error(request, str(error))
        return redirect("uploads:upload-detail", upload.pk)
    messages.success(
        request,
        f"You have asked for {len(created)} workplace{'s' if len(created) != 1 else ''} to be "
        "transferred. An administrator will decide; you can accept the upload once they approve.",
    )
    return redirect("uploads:upload-detail", upload.pk)


@roles_required(Role.ADMINISTRATOR)
@require_POST
def organisations_create(request: HttpRequest, upload_id: int) -> HttpResponse:
    """Create organisations for the unregistered workplaces of an area upload (administrators)."""
    upload = _upload_or_404(request, upload_id)
    if upload.status != UploadStatus.VALID:
        raise Http404("the upload has no validated workplaces")
    created = create_organisations_from_workplaces(
        viewer=viewer_of(request),
        upload=upload,
        directory=service.media_root() / upload.output,
        ip_address=client_address(request),
    )
    messages.success(
        request, f"{len(created)} organisations have been created and their workplaces registered."
    )
    return redirect("uploads:upload-detail", upload.pk)


@record_holders
@require_GET
def snapshot_list(request: HttpRequest) -> HttpResponse:
    """Accepted data holding the viewer's organisation's workplaces (administrators: all)."""
    viewer = viewer_of(request)
    page = Paginator(service.visible_snapshots(viewer), UPLOADS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "uploads/snapshot_list.html", {"page": page})


@record_holders
@require_GET
def snapshot_detail(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    """A snapshot and the workplaces in it the viewer may see."""
    viewer = viewer_of(request)
    try:
        snapshot = service.visible_snapshot(viewer, snapshot_id)
    except NotVisibleError as error:
        raise Http404("no such snapshot") from error
    workplaces = Paginator(
        service.snapshot_workplaces(viewer, snapshot), RECORDS_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request, "uploads/snapshot_detail.html", {"snapshot": snapshot, "workplaces": workplaces}
    )


@record_holders
@require_GET
def record_list(request: HttpRequest, snapshot_id: int, establishment_id: str) -> HttpResponse:
    """The staff records of one workplace of a snapshot (pseudonymised)."""
    viewer = viewer_of(request)
    try:
        snapshot = service.visible_snapshot(viewer, snapshot_id)
        staff = service.workplace_staff(viewer, snapshot, establishment_id)
    except NotVisibleError as error:
        raise Http404("no such workplace") from error
    references = own_staff_references(viewer, snapshot.upload)
    if references.height:
        staff = staff.join(
            references.drop("establishment_id"), on="worker_id", how="left", maintain_order="left"
        ).sort("worker_reference", nulls_last=True)
    rows = staff.to_dicts()
    page = Paginator(rows, RECORDS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "uploads/record_list.html",
        {
            "snapshot": snapshot,
            "establishment_id": establishment_id,
            "page": page,
            "total": len(rows),
            "own_references": bool(references.height),
        },
    )
