"""The labour-market page (public) and its section downloads."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careforce.web.apps.labour.presentation import BUILDERS, page_sections
from careforce.web.backend.downloads import DownloadFormat, DownloadTable, page_download
from careforce.web.backend.labour import labour_results
from careforce.web.shared.downloads import page_file
from careforce.web.shared.fragments import remembered


@require_GET
def overview_show(request: HttpRequest) -> HttpResponse:
    """Every section: a chart with its table, the comparator named, and downloads."""
    results = labour_results()
    if results is None:
        return render(request, "labour/overview.html", {"results": None, "sections": []})
    found = remembered(("labour-sections", results.key), lambda: page_sections(results))
    return render(
        request,
        "labour/overview.html",
        {"results": results, "area_name": results.area[1], "sections": found},
    )


@require_GET
def section_download(request: HttpRequest, section: str, file_format: str) -> HttpResponse:
    """One section's table as CSV or ODS (XLSX too)."""
    results = labour_results()
    if results is None or section not in BUILDERS:
        raise Http404("no such section")
    built = BUILDERS[section](results)
    if built.frame.is_empty():
        raise Http404("no data")
    lines = [built.description]
    if built.comparator:
        lines.append(f"Comparator: {built.comparator}.")

    def content(chosen: DownloadFormat) -> bytes:
        return page_download(
            title=f"{built.title}, {results.area[1]}",
            lines=lines,
            tables=[DownloadTable(built.slug, built.title, built.frame)],
            file_format=chosen,
        )

    return page_file(
        request,
        object_type="labour",
        name=f"labour-{section}",
        file_format=file_format,
        content=content,
    )
