"""The workforce demand projections: the shipped and derived parameter files, each with its
scenarios side by side, Monte Carlo ranges, sensitivity and supply against need, and a form for
partner analysts to run a scenario of their own and download its parameter file.

Projections are public, like the measures; the scenario form is for partner analysts and
administrators."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from markupsafe import Markup

from careforce.core.projections import columns as c
from careforce.core.projections.scenarios import scenario_label
from careforce.services.projections import (
    ANALYST_SCENARIO,
    ProjectionInputError,
    run_projection,
    scenario_parameter_text,
)
from careforce.web.apps.projections.forms import ScenarioForm
from careforce.web.apps.projections.presentation import (
    analyst_rows,
    baseline_tables,
    download_tables,
    fan_chart,
    scenario_chart,
    supply_chart,
    tornado_chart,
)
from careforce.web.backend.downloads import DownloadFormat, page_download
from careforce.web.backend.projections import (
    ProjectionFile,
    ProjectionResults,
    UnknownProjectionError,
    projection_file,
    projection_files,
    projection_results,
)
from careforce.web.models.accounts.terms import Role
from careforce.web.shared.access import roles_required, viewer_of
from careforce.web.shared.components import table
from careforce.web.shared.downloads import attachment, page_file


@require_GET
def projection_list(request: HttpRequest) -> HttpResponse:
    """The parameter files published, shipped then derived."""
    files = projection_files()
    rows = [
        [
            Markup('<a class="govuk-link" href="{}">{}</a>').format(
                reverse("projections:projection-detail", args=[found.name]), found.title
            )
            if found.loaded is not None
            else found.title,
            "Shipped with careforce" if found.origin == "shipped" else "Derived locally",
            str(found.params.base_year) if found.loaded is not None else "",
            ", ".join(str(year) for year in found.params.report_years)
            if found.loaded is not None
            else found.problem,
        ]
        for found in files
    ]
    return render(
        request,
        "projections/projection_list.html",
        {
            "table": table(
                caption="Projections",
                caption_size="s",
                head=["Projection", "Source", "Base year", "Report years"],
                rows=rows,
            ),
        },
    )


def _results(name: str) -> ProjectionResults:
    try:
        return projection_results(name)
    except UnknownProjectionError as error:
        raise Http404("no such projection") from error


def _problem(request: HttpRequest, error: ProjectionInputError) -> HttpResponse:
    return render(request, "projections/problem.html", {"message": str(error)}, status=503)


@require_GET
def projection_detail(request: HttpRequest, name: str) -> HttpResponse:
    """A projection: the published tables, scenarios, ranges, sensitivity and supply."""
    try:
        results = _results(name)
    except ProjectionInputError as error:
        return _problem(request, error)
    return render(
        request,
        "projections/projection_detail.html",
        {
            "results": results,
            "params": results.file.params,
            "tables": baseline_tables(results),
            "scenarios": scenario_chart(results),
            "ranges": fan_chart(results),
            "tornado": tornado_chart(results),
            "supply": supply_chart(results),
            "may_run": viewer_of(request).role in (Role.ANALYST, Role.ADMINISTRATOR),
            "descriptions": [
                (scenario_label(results.file.params, name), scenario.description)
                for name, scenario in results.file.params.scenarios.items()
            ],
        },
    )


@require_GET
def projection_download(request: HttpRequest, name: str, file_format: str) -> HttpResponse:
    """Every table of the projection, unrounded, as CSV, ODS or XLSX."""
    try:
        results = _results(name)
    except ProjectionInputError as error:
        raise Http404("projection cannot be run") from error
    params = results.file.params

    def content(chosen: DownloadFormat) -> bytes:
        return page_download(
            title=f"Workforce demand projection: {params.name}",
            lines=[
                f"Workforce demand projection: {params.name}",
                f"Base year {params.base_year}; parameter file {results.file.path.name} "
                f"(SHA-256 {results.file.loaded.sha256 if results.file.loaded else ''}).",
                "Numbers are unrounded; cumulative results are since the base year.",
            ],
            tables=download_tables(results),
            file_format=chosen,
        )

    return page_file(
        request,
        name=f"projection-{name}",
        file_format=file_format,
        object_type="projection",
        content=content,
    )


@require_GET
def parameters_download(request: HttpRequest, name: str) -> HttpResponse:
    """The parameter file a projection is run from (shipped, or derived locally), as it is."""
    try:
        found = projection_file(name)
    except UnknownProjectionError as error:
        raise Http404("no such projection") from error
    return attachment(
        request,
        found.path.read_bytes(),
        file_name=f"{name}.toml",
        media_type="application/toml; charset=utf-8",
        object_type="projection",
        object_id=name,
        detail={"origin": found.origin},
    )


def _scenario_file(request: HttpRequest, name: str) -> tuple[ProjectionFile, ScenarioForm]:
    try:
        found = projection_file(name)
    except UnknownProjectionError as error:
        raise Http404("no such projection") from error
    form = ScenarioForm(request.GET or None, params=found.params)
    return found, form


@roles_required(Role.ANALYST, Role.ADMINISTRATOR)
@require_GET
def scenario_create(request: HttpRequest, name: str) -> HttpResponse:
    """The analyst's scenario form and, once filled in, its results against the baseline."""
    found, form = _scenario_file(request, name)
    outcome = None
    if form.is_valid():
        try:
            _, params = scenario_parameter_text(found.loaded, form.changes())  # type: ignore[arg-type]
            run = run_projection(params, [ANALYST_SCENARIO])
            labels = {
                c.BASELINE: scenario_label(params, c.BASELINE),
                ANALYST_SCENARIO: scenario_label(params, ANALYST_SCENARIO),
            }
            outcome = {
                "table": analyst_rows(params, run.frame, labels),
                "description": params.scenarios[ANALYST_SCENARIO].description,
                "query": request.GET.urlencode(),
            }
        except ProjectionInputError as error:
            form.add_error(None, str(error))
    status = 400 if request.GET and form.errors else 200
    return render(
        request,
        "projections/scenario_form.html",
        {"file": found, "form": form, "outcome": outcome},
        status=status,
    )


@roles_required(Role.ANALYST, Role.ADMINISTRATOR)
@require_GET
def scenario_download(request: HttpRequest, name: str) -> HttpResponse:
    """The parameter file with the analyst's scenario added, to run with the command line."""
    found, form = _scenario_file(request, name)
    if not form.is_valid():
        raise Http404("no scenario")
    try:
        text, _ = scenario_parameter_text(found.loaded, form.changes())  # type: ignore[arg-type]
    except ProjectionInputError as error:
        raise Http404("scenario does not fit the file") from error
    return attachment(
        request,
        text.encode("utf-8"),
        file_name=f"{name}-scenario.toml",
        media_type="application/toml; charset=utf-8",
        object_type="projection",
        object_id=name,
        detail={"scenario": form.changes().group},
    )
