"""Page downloads: the format asked for, the audit entry and the attachment response."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse

from careforce.web.backend.audit import AuditAction, record
from careforce.web.backend.downloads import DownloadFormat
from careforce.web.shared.access import client_address, viewer_of


def download_format(file_format: str) -> DownloadFormat:
    """The format named in the URL (404 for any other)."""
    try:
        return DownloadFormat(file_format)
    except ValueError as error:
        raise Http404("no such format") from error


def attachment(
    request: HttpRequest,
    content: bytes,
    *,
    file_name: str,
    media_type: str,
    object_type: str,
    object_id: object,
    detail: dict[str, str] | None = None,
) -> HttpResponse:
    """A file to save, recorded in the audit log as a download."""
    record(
        AuditAction.DOWNLOAD,
        viewer=viewer_of(request),
        object_type=object_type,
        object_id=object_id,
        ip_address=client_address(request),
        detail=detail,
    )
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def page_file(
    request: HttpRequest,
    *,
    name: str,
    file_format: str,
    object_type: str,
    content: Callable[[DownloadFormat], bytes],
) -> HttpResponse:
    """What a page shows as CSV, ODS or XLSX (``content`` makes it in the format asked for)."""
    chosen = download_format(file_format)
    return attachment(
        request,
        content(chosen),
        file_name=f"{name}.{chosen.value}",
        media_type=chosen.media_type,
        object_type=object_type,
        object_id=name,
        detail={"format": chosen.value, "query": request.GET.urlencode()[:500]},
    )
