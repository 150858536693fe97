"""The published measures: an overview, a page per measure, downloads and publications."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final
from urllib.parse import urlencode

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from markupsafe import Markup

from careforce.core.indicators.catalogue import (
    MEASURES,
    Kind,
    Measure,
    UnknownMeasureError,
    measure,
)
from careforce.core.vocab.published import MEASURE_ID, MEASURE_NAME
from careforce.web.apps.indicators.coverage import coverage_download, coverage_of
from careforce.web.apps.indicators.presentation import (
    TABLE_COLUMNS,
    Filters,
    MeasureFilterForm,
    cell,
    comparison,
    filters_from,
    interval,
    label,
    measure_view,
    overview_rows,
    spec_block,
    withheld_message,
)
from careforce.web.backend import publications
from careforce.web.backend.audit import AuditAction, record
from careforce.web.backend.demo_mode import demo_notice
from careforce.web.backend.downloads import (
    DOWNLOAD_NOTE,
    UNROUNDED_NOTE,
    DownloadFormat,
    DownloadTable,
    page_download,
    with_notice,
)
from careforce.web.models.accounts.terms import Role
from careforce.web.shared.access import client_address, roles_required, viewer_of
from careforce.web.shared.components import link, table
from careforce.web.shared.downloads import attachment, page_file
from careforce.web.shared.fragments import fragment, remembered

PUBLICATIONS_SHOWN: Final = 20
"""Publications listed on the downloads page."""


def _catalogue() -> list[Measure]:
    first: dict[str, Measure] = {}
    for entry in MEASURES:
        first.setdefault(entry.id, entry)
    return list(first.values())


def _published() -> publications.Published | None:
    return publications.published()


def _query_key(request: HttpRequest) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((key, str(value)) for key, value in request.GET.items()))


def _overview_context(
    request: HttpRequest, published: publications.Published, form: MeasureFilterForm
) -> dict[str, Any]:
    filters = filters_from(form, published)
    measures = _catalogue()
    headline = {
        row["measure_id"]: row
        for row in overview_rows(published, filters, measures).iter_rows(named=True)
    }
    query = urlencode(filters.query())
    rows = []
    for entry in measures:
        href = f"{reverse('indicators:measure-detail', args=[entry.id])}?{query}"
        if entry.kind is Kind.CATEGORY_SHARE:
            rows.append([link(href, entry.name), "Shares by category", "", "", ""])
            continue
        row = headline.get(entry.id)
        unit = entry.unit.value
        if row is None:
            rows.append([link(href, entry.name), "[x]", "", "", unit])
            continue
        rows.append(
            [
                link(href, entry.name),
                cell(row, unit),
                interval(row, unit),
                comparison(row, unit),
                unit,
            ]
        )
    params = table(
        caption=f"Measures for {filters.population} in {filters.area_name}, {filters.period}",
        caption_size="m",
        head=["Measure", "Value", "95% interval", "Comparator", "Unit"],
        rows=rows,
        numeric=[1],
    )
    return {
        "form": form,
        "filters": filters,
        "table": params,
        "published": published,
        "query": query,
    }


@require_GET
def measure_list(request: HttpRequest) -> HttpResponse:
    """The headline of every measure, for a period, an area and (optionally) one population."""
    published = _published()
    if published is None:
        return render(
            request, "indicators/empty.html", {"pending": publications.pending_publication()}
        )
    form = MeasureFilterForm(request.GET or None, published=published)
    body: str
    if form.is_bound and not form.is_valid():
        body = render_to_string(
            "indicators/measure_list_body.html", _overview_context(request, published, form)
        )
        status = 400
    else:
        body = fragment(
            ("overview", published.key, _query_key(request)),
            "indicators/measure_list_body.html",
            lambda: _overview_context(request, published, form),
        )
        status = 200
    return render(
        request,
        "indicators/measure_list.html",
        {
            "body": Markup(body),
            "errors": status == 400,
            "pending": publications.pending_publication(),
        },
        status=status,
    )


def _measure(measure_id: str) -> Measure:
    try:
        return measure(measure_id)
    except UnknownMeasureError as error:
        raise Http404("no such measure") from error


def _detail_context(
    entry: Measure, published: publications.Published, form: MeasureFilterForm
) -> dict[str, Any]:
    filters = filters_from(form, published)
    view = measure_view(published, entry, filters)
    return {
        "coverage": coverage_of(published, entry, filters),
        "withheld": withheld_message(published.policy),
        "form": form,
        "view": view,
        "entry": entry,
        "filters": filters,
        "query": urlencode(filters.query()),
        "spec_block": spec_block,
        "label": label,
        "unit": entry.unit.value,
        "cell": cell,
        "interval": interval,
        "comparison": comparison,
        "breakdowns": ", ".join(
            label(d.value).lower() for d in entry.breakdowns if d.value != "total"
        ),
    }


@require_GET
def measure_detail(request: HttpRequest, measure_id: str) -> HttpResponse:
    """One measure: headline, trend chart, breakdowns and methodology."""
    entry = _measure(measure_id)
    published = _published()
    if published is None:
        return render(
            request, "indicators/empty.html", {"pending": publications.pending_publication()}
        )
    form = MeasureFilterForm(request.GET or None, published=published)

    def page() -> tuple[str, bool, str]:
        context = _detail_context(entry, published, form)
        html = render_to_string("indicators/measure_detail_body.html", context)
        return html, bool(context["view"].charts), context["query"]

    if form.is_bound and not form.is_valid():
        body, charts, query = page()
        status = 400
    else:
        key = ("measure", published.key, entry.id, _query_key(request))
        body, charts, query = remembered(key, page)
        status = 200
    return render(
        request,
        "indicators/measure_detail.html",
        {
            "body": Markup(body),
            "charts": charts,
            "entry": entry,
            "errors": status == 400,
            "query": query,
        },
        status=status,
    )


def _download(
    request: HttpRequest,
    *,
    name: str,
    file_format: str,
    key: tuple[Any, ...],
    content: Callable[[DownloadFormat], bytes],
) -> HttpResponse:
    """A download, made once per publication, filters and format and then kept."""
    return page_file(
        request,
        name=name,
        file_format=file_format,
        object_type="measures",
        content=lambda chosen: remembered(
            ("download", *key, chosen.value), lambda: content(chosen)
        ),
    )


def _valid_filters(request: HttpRequest, published: publications.Published) -> Filters:
    form = MeasureFilterForm(request.GET or None, published=published)
    if form.is_bound and not form.is_valid():
        raise Http404("invalid filters")
    return filters_from(form, published)


@require_GET
def overview_download(request: HttpRequest, file_format: str) -> HttpResponse:
    """The overview's table as CSV, ODS or XLSX (exactly the rows the page shows)."""
    published = _published()
    if published is None:
        raise Http404("nothing published")
    filters = _valid_filters(request, published)
    title = f"Workforce measures for {filters.population} in {filters.area_name}, {filters.period}"

    def content(chosen: DownloadFormat) -> bytes:
        rows = overview_rows(published, filters, _catalogue()).select(
            MEASURE_ID, MEASURE_NAME, *TABLE_COLUMNS
        )
        coverage = coverage_download(published, filters)
        return page_download(
            title=title,
            lines=[title, DOWNLOAD_NOTE, *([coverage.title] if coverage else [])],
            tables=[DownloadTable("Measures", title, rows), *([coverage] if coverage else [])],
            file_format=chosen,
        )

    return _download(
        request,
        name=f"measures-{filters.period.replace('/', '-')}",
        file_format=file_format,
        key=("overview", published.key, _query_key(request)),
        content=content,
    )


def _measure_file(
    request: HttpRequest, measure_id: str, file_format: str, *, unrounded: bool
) -> HttpResponse:
    entry = _measure(measure_id)
    published = _published()
    if published is None:
        raise Http404("nothing published")
    filters = _valid_filters(request, published)
    title = f"{entry.name} for {filters.population} in {filters.area_name}, {filters.period}"
    if unrounded:
        title = f"{title}: unrounded values for analysts"

    def content(chosen: DownloadFormat) -> bytes:
        view = measure_view(published, entry, filters)
        coverage = coverage_download(published, filters)
        return page_download(
            title=title,
            lines=[
                title,
                entry.description,
                UNROUNDED_NOTE if unrounded else DOWNLOAD_NOTE,
                f"Methodology: {entry.methodology}" if entry.methodology else "",
                *([coverage.title] if coverage else []),
            ],
            tables=[*view.downloads(), *([coverage] if coverage else [])],
            file_format=chosen,
            unrounded=unrounded,
        )

    kind = "unrounded" if unrounded else "measure"
    return _download(
        request,
        name=f"{entry.id}-{filters.period.replace('/', '-')}" + ("-unrounded" if unrounded else ""),
        file_format=file_format,
        key=(kind, published.key, entry.id, _query_key(request)),
        content=content,
    )


@require_GET
def measure_download(request: HttpRequest, measure_id: str, file_format: str) -> HttpResponse:
    """A measure page's tables as CSV, ODS or XLSX (exactly the rows the page shows)."""
    return _measure_file(request, measure_id, file_format, unrounded=False)


@require_GET
def measure_unrounded_download(
    request: HttpRequest, measure_id: str, file_format: str
) -> HttpResponse:
    """A measure page's tables with the published values unrounded, for analysts."""
    return _measure_file(request, measure_id, file_format, unrounded=True)


@roles_required(Role.ADMINISTRATOR, Role.ANALYST)
@require_GET
def publication_list(request: HttpRequest) -> HttpResponse:
    """Publications and the downloads of the current one (analysts and administrators)."""
    return render(
        request,
        "indicators/publication_list.html",
        {
            "current": publications.current_publication(),
            "publications": publications.recent_publications(PUBLICATIONS_SHOWN),
            "pending": publications.pending_publication(),
            "failed": publications.failed_publication(),
        },
    )


@roles_required(Role.ADMINISTRATOR, Role.ANALYST)
@require_POST
def publication_retry(request: HttpRequest) -> HttpResponse:
    """Publish the measures again after the latest publication failed (analysts and
    administrators)."""
    try:
        publication_id = publications.retry_publication()
    except publications.PublicationNotRetryableError as error:
        messages.error(request, str(error))
        return redirect("indicators:publication-list")
    return _publishing_again(request, publication_id, detail={"retry": True})


def _publishing_again(
    request: HttpRequest, publication_id: int, *, detail: dict[str, Any] | None = None
) -> HttpResponse:
    """Record a publication asked for by someone, and say so."""
    record(
        AuditAction.PUBLICATION,
        viewer=viewer_of(request),
        object_type="publication",
        object_id=publication_id,
        ip_address=client_address(request),
        detail=detail,
    )
    messages.success(request, "The measures are being published again.")
    return redirect("indicators:publication-list")


@roles_required(Role.ADMINISTRATOR)
@require_POST
def publication_create(request: HttpRequest) -> HttpResponse:
    """Publish the measures again from the data in force (administrators)."""
    publication_id = publications.request_publication(reason="Requested by an administrator")
    return _publishing_again(request, publication_id)


@roles_required(Role.ADMINISTRATOR, Role.ANALYST)
@require_GET
def publication_download(
    request: HttpRequest, publication_id: int, name: str
) -> FileResponse | HttpResponse:
    """A whole publication's file: every measure as CSV, ODS or XLSX, or the data-quality table.
    In demo mode its name says it is synthetic demo data, and a CSV says so in its first line."""
    publication = publications.ready_publication(publication_id)
    if publication is None:
        raise Http404("no such publication")
    try:
        path, media_type = publications.publication_file(publication, name)
    except FileNotFoundError as error:
        raise Http404("no such file") from error
    if demo_notice():
        data = path.read_bytes()
        return attachment(
            request,
            with_notice(data) if path.suffix == ".csv" else data,
            file_name=f"careforce-{publication.pk}-synthetic-demo-{path.name}",
            media_type=media_type,
            object_type="publication",
            object_id=publication.pk,
            detail={"file": name},
        )
    record(
        AuditAction.DOWNLOAD,
        viewer=viewer_of(request),
        object_type="publication",
        object_id=publication.pk,
        ip_address=client_address(request),
        detail={"file": name},
    )
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"careforce-{publication.pk}-{path.name}",
        content_type=media_type,
    )
