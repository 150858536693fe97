"""The data appendix page (public) and its downloads, and the page where partner analysts and
administrators choose its template (a shipped one or the council's own)."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from careforce.web.apps.appendix.forms import TemplateForm
from careforce.web.apps.appendix.presentation import page_blocks
from careforce.web.backend.appendix import appendix_file, web_appendix
from careforce.web.backend.appendix_templates import (
    latest_request,
    may_choose,
    request_appendix,
    shipped_names,
    template_in_force,
    template_text,
)
from careforce.web.models.accounts.terms import Role
from careforce.web.shared.access import roles_required, viewer_of
from careforce.web.shared.downloads import attachment

FORMATS = ("html", "pdf", "ods", "xlsx")
"""The appendix's downloads, in the order the page offers them."""


@require_GET
def appendix_show(request: HttpRequest) -> HttpResponse:
    """Every section of the appendix, with the downloads."""
    chooses = may_choose(viewer_of(request))
    found = web_appendix()
    if found is None:
        return render(
            request,
            "appendix/appendix.html",
            {"appendix": None, "sections": [], "may_choose": chooses},
        )
    appendix = found.appendix
    sections = [(section, page_blocks(section)) for section in appendix.sections]
    return render(
        request,
        "appendix/appendix.html",
        {"appendix": appendix, "sections": sections, "formats": FORMATS, "may_choose": chooses},
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


@roles_required(Role.ANALYST, Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def template_update(request: HttpRequest) -> HttpResponse:
    """Choose the appendix's template: a shipped one, or upload the council's own; a valid one
    is used once the background job has made the appendix with it."""
    posted = request.method == "POST"
    form = TemplateForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        shipped=shipped_names(),
    )
    if posted and form.is_valid():
        request_appendix(
            viewer_of(request), text=form.cleaned_data["text"], name=form.cleaned_data["name"]
        )
        messages.success(
            request,
            "The appendix is being made with the template. This page shows how it is going.",
        )
        return redirect("appendix:template-update")
    in_force = template_in_force()
    return render(
        request,
        "appendix/template.html",
        {
            "form": form,
            "in_force": in_force[0] if in_force is not None else None,
            "requested": latest_request(),
        },
    )


@require_GET
def template_download(request: HttpRequest) -> HttpResponse:
    """The template in force (YAML), to start the council's own from."""
    name, text = template_text()
    return attachment(
        request,
        text.encode("utf-8"),
        file_name="appendix-template.yaml",
        media_type="application/yaml",
        object_type="appendix-template",
        object_id=name,
    )
