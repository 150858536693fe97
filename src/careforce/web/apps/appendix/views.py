"""The data appendix page (public) and its downloads."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careforce.web.apps.appendix.presentation import page_blocks
from careforce.web.backend.appendix import appendix_file, web_appendix
from careforce.web.shared.downloads import attachment

FORMATS = ("html", "pdf", "ods", "xlsx")
"""The appendix's downloads, in the order the page offers them."""


@require_GET
def appendix_show(request: HttpRequest) -> HttpResponse:
    """Every section of the appendix, with the downloads."""
    found = web_appendix()
    if found is None:
        return render(request, "appendix/appendix.html", {"appendix": None, "sections": []})
    appendix = found.appendix
    sections = [(section, page_blocks(section)) for section in appendix.sections]
    return render(
        request,
        "appendix/appendix.html",
        {"appendix": appendix, "sections": sections, "formats": FORMATS},
    )


@require_GET
def appendix_download(request: HttpRequest, file_format: str) -> HttpResponse:
    """The appendix as HTML, tagged PDF, ODS or XLSX."""
    found = web_appendix()
    if found is None or file_format not in FORMATS:
        raise Http404("no such download")
    content, media_type = appendix_file(found, file_format)
    appendix = found.appendix
    return attachment(
        request,
        content,
        file_name=f"data-appendix-{appendix.period.replace('/', '-')}.{file_format}",
        media_type=media_type,
        object_type="appendix",
        object_id=appendix.period,
        detail={"format": file_format},
    )
