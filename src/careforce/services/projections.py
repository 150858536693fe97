"""Use cases of workforce demand projections: run, scenarios, sensitivity, uncertainty, supply,
derivation and the full report.

Charts (Altair, vl-convert) and simulation (SciPy) are imported where they are used: together
they take over a second to import, which every ``careforce`` command would otherwise pay.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import polars as pl

from careforce import __version__
from careforce.core.projections import columns as c
from careforce.core.projections.derivation import (
    DEFAULT_DRIVER_BAND,
    DEFAULT_ELASTICITY,
    derive_parameters,
)
from careforce.core.projections.estimated_base import with_estimated_base
from careforce.core.projections.input_tables import InputDataError
from careforce.core.projections.parameters import (
    ParameterError,
    ProjectionParameters,
    parameters_json_schema,
)
from careforce.core.projections.projection import add_group_totals, project
from careforce.core.projections.scenarios import (
    UnknownScenarioError,
    scenario_label,
    scenario_projections,
)
from careforce.core.projections.sensitivity import one_way_sensitivity
from careforce.core.projections.supply import (
    DEFAULT_ENTRY_SHARE,
    DEFAULT_SUBJECT_AREAS,
    supply_counts,
    supply_gap,
)
from careforce.core.projections.tables import TableBlock, published_tables
from careforce.io.config_files import ConfigurationFileError, write_schema
from careforce.io.csv_text import write_csv
from careforce.io.projection_files import (
    ParameterFile,
    format_parameter_toml,
    frame_as_csv,
    parse_parameter_text,
    read_parameter_file,
    shipped_parameter_files,
    write_parameter_file,
)
from careforce.io.projection_inputs import InputFileError, indicators_path, read_input_table
from careforce.io.text_files import write_json
from careforce.services.population_inputs import population_table
from careforce.services.skills_supply import supply_table

__all__ = [
    "ANALYST_SCENARIO",
    "ConfigurationFileError",
    "ParameterFile",
    "ProjectionChart",
    "ProjectionInputError",
    "ScenarioChanges",
    "derive_parameter_file",
    "frame_as_csv",
    "load_parameters",
    "projection_csv",
    "projection_json",
    "projection_tables",
    "run_projection",
    "scenario_chart_of",
    "scenario_frame",
    "scenario_parameter_text",
    "schema_text",
    "sensitivity_of",
    "shipped_parameter_files",
    "supply_chart_of",
    "supply_gap_table",
    "uncertainty_of",
    "write_report",
    "write_scenarios",
    "write_schema_file",
    "write_sensitivity",
    "write_supply",
    "write_uncertainty",
]

ROW_KEYS: Final = (c.YEAR, *c.ROW_MEASURES)
"""Keys of each row of the JSON output, in order."""
DETAIL_KEYS: Final = (
    c.YEAR,
    c.DEMAND_GROWTH,
    c.POLICY_POSTS,
    c.VACANCIES_FILLED,
    c.EMPLOYER_REPLACEMENT,
    c.EMPLOYER_RECRUITMENT,
)
"""Keys of each row of the JSON output's optional details."""
MEASURE_LABELS: Final = {
    c.REQUIREMENT: "Workforce requirement",
    c.EXTRA_DEMAND: "Extra staff needed (demand)",
    c.REPLACEMENT: "Replacement of sector leavers",
    c.TOTAL_NEW_STAFF: "Total new staff needed",
}
"""Axis titles of charts by measure."""


class ProjectionInputError(ValueError):
    """An input of a projection use case cannot be used; the message is one line."""


def load_parameters(spec: str | Path) -> ParameterFile:
    """Read and validate a parameter file (a path or a shipped name).

    Raises:
        ConfigurationFileError: with one line naming the file, field and problem.
    """
    return read_parameter_file(spec)


@dataclass(frozen=True)
class ProjectionRun:
    """A projection and its scenarios.

    Attributes:
        params: the parameters.
        frame: every scenario's projection (``baseline`` first), per group, no totals.
        scenarios: the scenarios projected besides the baseline, in order.
    """

    params: ProjectionParameters
    frame: pl.DataFrame
    scenarios: list[str]

    def scenario(self, name: str) -> pl.DataFrame:
        """One scenario's projection, without the scenario column."""
        return self.frame.filter(pl.col(c.SCENARIO) == name).drop(c.SCENARIO)


def _user_error(error: Exception) -> ProjectionInputError:
    return ProjectionInputError(str(error))


def run_projection(params: ProjectionParameters, scenarios: Sequence[str] = ()) -> ProjectionRun:
    """Project the baseline and the named scenarios.

    Raises:
        ProjectionInputError: a scenario is unknown or makes the parameters invalid.
    """
    try:
        frame = scenario_projections(params, list(scenarios))
    except (UnknownScenarioError, ParameterError) as error:
        raise _user_error(error) from None
    return ProjectionRun(params=params, frame=frame, scenarios=list(scenarios))


def _groups_json(params: ProjectionParameters, frame: pl.DataFrame, keys: Sequence[str]) -> Any:
    return [
        {
            "name": group.name,
            "rows": frame.filter(pl.col(c.GROUP) == group.name)
            .sort(c.YEAR)
            .select(keys)
            .to_dicts(),
        }
        for group in params.groups
    ]


def projection_json(run: ProjectionRun, *, details: bool = False) -> dict[str, Any]:
    """The projection as JSON-ready data with unrounded numbers.

    The shape is ``{"name", "base_year", "groups": [{"name", "rows": [{"year",
    "requirement", "extra_demand", "replacement", "total_new_staff"}]}]}``; ``scenarios`` is
    added when scenarios were run and ``details`` (components and employer recruitment) when
    asked for.
    """
    params = run.params
    payload: dict[str, Any] = {
        "name": params.name,
        "base_year": params.base_year,
        "groups": _groups_json(params, run.scenario(c.BASELINE), ROW_KEYS),
    }
    if run.scenarios:
        payload["scenarios"] = [
            {
                "name": name,
                "label": scenario_label(params, name),
                "description": params.scenarios[name].description,
                "groups": _groups_json(params, run.scenario(name), ROW_KEYS),
            }
            for name in run.scenarios
        ]
    if details:
        payload["details"] = {"groups": _groups_json(params, run.scenario(c.BASELINE), DETAIL_KEYS)}
    return payload


def projection_csv(run: ProjectionRun) -> str:
    """The projection (every scenario, group and year; unrounded) as CSV text."""
    return frame_as_csv(run.frame)


def projection_tables(run: ProjectionRun) -> list[tuple[str, list[TableBlock]]]:
    """The published tables of the baseline and each scenario, with the scenario's label."""
    return [
        (scenario_label(run.params, name), published_tables(run.params, run.scenario(name)))
        for name in [c.BASELINE, *run.scenarios]
    ]


def _with_totals(frame: pl.DataFrame) -> pl.DataFrame:
    return add_group_totals(frame.lazy()).collect()


@dataclass(frozen=True)
class ProjectionChart:
    """A chart's Vega-Lite specification and the data table shown (and written) beside it."""

    spec: dict[str, Any]
    table: pl.DataFrame


def scenario_frame(
    params: ProjectionParameters, scenarios: Sequence[str] | None = None
) -> pl.DataFrame:
    """Every scenario's projection (all scenarios of the file when none are named), with
    group totals.

    Raises:
        ProjectionInputError: a scenario is unknown or makes the parameters invalid.
    """
    names = list(params.scenarios) if scenarios is None else list(scenarios)
    try:
        return _with_totals(scenario_projections(params, names))
    except (UnknownScenarioError, ParameterError) as error:
        raise _user_error(error) from None


def scenario_chart_of(params: ProjectionParameters, frame: pl.DataFrame) -> ProjectionChart:
    """Total new staff needed by scenario (all groups), from :func:`scenario_frame`."""
    from careforce.core.projections.charts import SCENARIO_LABEL, scenario_chart  # noqa: PLC0415

    names = frame.get_column(c.SCENARIO).unique(maintain_order=True).to_list()
    labels = {name: scenario_label(params, name) for name in names}
    table = (
        frame.filter(pl.col(c.GROUP) == c.ALL_GROUPS)
        .with_columns(pl.col(c.SCENARIO).replace_strict(labels).alias(SCENARIO_LABEL))
        .select(c.SCENARIO, SCENARIO_LABEL, c.YEAR, c.TOTAL_NEW_STAFF)
    )
    spec = scenario_chart(
        table,
        title=f"{params.name}: total new staff needed by scenario",
        measure_label=MEASURE_LABELS[c.TOTAL_NEW_STAFF],
    )
    return ProjectionChart(spec, table)


def write_scenarios(
    params: ProjectionParameters, out: Path, scenarios: Sequence[str] | None = None
) -> tuple[pl.DataFrame, list[Path]]:
    """Write every scenario's projection (CSV) and the scenario chart with its table.

    Returns:
        The scenario frame with group totals, and the files written.

    Raises:
        ProjectionInputError: a scenario is unknown or makes the parameters invalid.
    """
    from careforce.io.charts import write_chart  # noqa: PLC0415

    frame = scenario_frame(params, scenarios)
    written = [out / "scenarios.csv"]
    write_csv(written[0], frame)
    chart = scenario_chart_of(params, frame)
    written += write_chart(out, "scenario-chart", chart.spec, chart.table)
    return frame, written


def sensitivity_of(
    params: ProjectionParameters, *, year: int | None = None, group: str = c.ALL_GROUPS
) -> ProjectionChart:
    """The one-way sensitivity table and its tornado chart.

    Raises:
        ProjectionInputError: the year or group is not in the projection.
    """
    from careforce.core.projections.charts import tornado_chart  # noqa: PLC0415

    try:
        frame = one_way_sensitivity(params, year=year, group=group)
    except ValueError as error:
        raise _user_error(error) from None
    when = int(frame.get_column(c.YEAR)[0]) if frame.height else year
    spec = tornado_chart(
        frame,
        title=f"{params.name}: sensitivity of total new staff by {when}",
        measure_label=f"{MEASURE_LABELS[c.TOTAL_NEW_STAFF]} by {when}",
    )
    return ProjectionChart(spec, frame)


def write_sensitivity(
    params: ProjectionParameters, out: Path, *, year: int | None = None, group: str = c.ALL_GROUPS
) -> tuple[pl.DataFrame, list[Path]]:
    """Write the one-way sensitivity table and the tornado chart with its table.

    Raises:
        ProjectionInputError: the year or group is not in the projection.
    """
    from careforce.io.charts import write_chart  # noqa: PLC0415

    chart = sensitivity_of(params, year=year, group=group)
    return chart.table, write_chart(out, "tornado-chart", chart.spec, chart.table)


def uncertainty_of(
    params: ProjectionParameters, *, draws: int | None = None, seed: int | None = None
) -> tuple[pl.DataFrame, ProjectionChart]:
    """The Monte Carlo simulation's P10/P50/P90 by group, year and measure (with the draws and
    seed), and the fan chart of total new staff with its table.

    Raises:
        ProjectionInputError: the file declares no uncertain parameters.
    """
    from careforce.core.projections import uncertainty  # noqa: PLC0415
    from careforce.core.projections.charts import fan_chart  # noqa: PLC0415

    try:
        simulation = uncertainty.simulate(
            params,
            draws=draws or params.monte_carlo.draws,
            seed=params.monte_carlo.seed if seed is None else seed,
        )
    except uncertainty.NoUncertaintyError as error:
        raise _user_error(error) from None
    summary = uncertainty.summarise(simulation).with_columns(
        pl.lit(simulation.draws).alias("draws"), pl.lit(simulation.seed).alias("seed")
    )
    table = summary.filter(
        (pl.col(c.GROUP) == c.ALL_GROUPS) & (pl.col(c.MEASURE) == c.TOTAL_NEW_STAFF)
    ).select(c.YEAR, c.CENTRAL, c.P10, c.P50, c.P90)
    spec = fan_chart(
        table,
        title=f"{params.name}: total new staff needed, P10 to P90 of {simulation.draws:,} draws",
        measure_label=MEASURE_LABELS[c.TOTAL_NEW_STAFF],
    )
    return summary, ProjectionChart(spec, table)


def write_uncertainty(
    params: ProjectionParameters, out: Path, *, draws: int | None = None, seed: int | None = None
) -> tuple[pl.DataFrame, list[Path]]:
    """Run the Monte Carlo simulation; write P10/P50/P90 (CSV) and the fan chart with its table.

    Raises:
        ProjectionInputError: the file declares no uncertain parameters.
    """
    from careforce.io.charts import write_chart  # noqa: PLC0415

    summary, chart = uncertainty_of(params, draws=draws, seed=seed)
    written = [out / "uncertainty.csv"]
    write_csv(written[0], summary)
    written += write_chart(out, "fan-chart", chart.spec, chart.table)
    return summary, written


def supply_gap_table(
    params: ProjectionParameters,
    supply: Path | Sequence[Path],
    *,
    subject_areas: Sequence[str] = DEFAULT_SUBJECT_AREAS,
    entry_share: float = DEFAULT_ENTRY_SHARE,
    groups: Sequence[str] | None = None,
    area_code: str | None = None,
) -> pl.DataFrame:
    """New staff needed each year against the training pipeline in supply files (DfE
    enrolments or apprenticeship starts files, or the supply layout).

    Raises:
        ProjectionInputError: the supply file or an option cannot be used (one line).
    """
    named = str(supply) if isinstance(supply, Path) else ", ".join(map(str, supply))
    try:
        raw = supply_table(supply)
        counts = supply_counts(
            raw, subject_areas=subject_areas, area_code=area_code or params.area_code
        )
        return supply_gap(
            project(params),
            counts,
            base_year=params.base_year,
            groups=groups,
            entry_share=entry_share,
        )
    except InputFileError as error:
        raise _user_error(error) from None
    except InputDataError as error:
        raise ProjectionInputError(str(error.in_file(named))) from None
    except ValueError as error:
        raise _user_error(error) from None


def supply_chart_of(params: ProjectionParameters, gap: pl.DataFrame) -> ProjectionChart:
    """New staff needed against the training pipeline, from :func:`supply_gap_table`."""
    from careforce.core.projections.charts import supply_chart  # noqa: PLC0415

    spec = supply_chart(gap, title=f"{params.name}: new staff needed and the training pipeline")
    return ProjectionChart(spec, gap.select(c.YEAR, c.NEW_STAFF_IN_YEAR, c.PIPELINE))


def write_supply(params: ProjectionParameters, gap: pl.DataFrame, out: Path) -> list[Path]:
    """Write the supply gap table and its chart."""
    from careforce.io.charts import write_chart  # noqa: PLC0415

    written = [out / "supply-gap.csv"]
    write_csv(written[0], gap)
    chart = supply_chart_of(params, gap)
    return written + write_chart(out, "supply-chart", chart.spec, chart.table)


def write_report(
    loaded: ParameterFile,
    out: Path,
    *,
    draws: int | None = None,
    seed: int | None = None,
    supply: Path | None = None,
    subject_areas: Sequence[str] = DEFAULT_SUBJECT_AREAS,
    entry_share: float = DEFAULT_ENTRY_SHARE,
) -> list[Path]:
    """Write everything: projection (CSV, JSON), scenarios, sensitivity, uncertainty (when
    declared), supply gap (when a supply file is given) and a manifest recording the inputs.

    Raises:
        ProjectionInputError: an input cannot be used.
    """
    params = loaded.params
    run = run_projection(params)
    written = [out / "projection.csv", out / "projection.json"]
    write_csv(written[0], _with_totals(run.scenario(c.BASELINE)))
    write_json(written[1], projection_json(run, details=True))
    written += write_scenarios(params, out)[1]
    written += write_sensitivity(params, out)[1]
    simulated: dict[str, int] | None = None
    if params.uncertainty:
        summary, files = write_uncertainty(params, out, draws=draws, seed=seed)
        written += files
        simulated = {
            "draws": int(summary.get_column("draws")[0]),
            "seed": int(summary.get_column("seed")[0]),
        }
    if supply is not None:
        gap = supply_gap_table(params, supply, subject_areas=subject_areas, entry_share=entry_share)
        written += write_supply(params, gap, out)
    manifest = {
        "careforce_version": __version__,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "parameters": {"file": str(loaded.path), "sha256": loaded.sha256, "name": params.name},
        "monte_carlo": simulated,
        "supply": None if supply is None else str(supply),
        "files": sorted(path.name for path in written),
    }
    write_json(out / "manifest.json", manifest)
    return [*written, out / "manifest.json"]


@dataclass(frozen=True)
class DerivedFile:
    """A parameter file written by a derivation."""

    path: Path
    params: ProjectionParameters
    text: str


def derive_parameter_file(
    indicators: Path,
    population: Path,
    out: Path,
    *,
    area_code: str | None = None,
    driver_band: str = DEFAULT_DRIVER_BAND,
    elasticity: float = DEFAULT_ELASTICITY,
    report_years: Sequence[int] | None = None,
    breakdown: str | None = None,
    name: str | None = None,
    overwrite: bool = False,
    returned_only: bool = False,
) -> DerivedFile:
    """Derive a parameter file from measures and a population projection, and write it.

    When the measures hold whole-sector estimates (``careforce indicators compute
    --estimates``), the base workforce is the estimated filled posts and vacancies, and the file
    says so; ``returned_only`` keeps the returns' own figures.

    The file is validated like any parameter file before it is written.

    Raises:
        ProjectionInputError: an input cannot be used, or ``out`` exists and ``overwrite`` is
            not set (one line naming the file and the problem).
    """
    if out.exists() and not overwrite:
        raise ProjectionInputError(f"{out}: already exists; use --force to replace it")
    indicators_file = indicators_path(indicators)
    try:
        indicator_rows = read_input_table(indicators_file)
        population_rows = population_table(population)
    except InputFileError as error:
        raise _user_error(error) from None
    except InputDataError as error:
        raise ProjectionInputError(str(error)) from None
    estimated = False
    if not returned_only:
        indicator_rows, estimated = with_estimated_base(indicator_rows)
    try:
        derivation = derive_parameters(
            indicator_rows,
            population_rows,
            indicators_source=str(indicators_file),
            population_source=str(population),
            area_code=area_code,
            driver_band=driver_band,
            elasticity=elasticity,
            report_years=report_years,
            breakdown=breakdown,
            name=name,
        )
    except InputDataError as error:
        raise ProjectionInputError(str(error)) from None
    derivation.header.insert(
        2, f"Derived on {dt.date.today().isoformat()} by careforce {__version__}."
    )
    if estimated:
        derivation.header.insert(
            3,
            "Base workforce: the whole-sector estimates (filled_posts_estimate and "
            "vacancies_estimate, shown below as filled_posts and vacancies), not the returns "
            "alone; derive with --returned-only for the returns' figures.",
        )
    text = format_parameter_toml(derivation)
    try:
        params = parse_parameter_text(text, source=out)
    except ConfigurationFileError as error:
        raise ProjectionInputError(f"the derived parameters are not valid: {error}") from None
    write_parameter_file(out, text)
    return DerivedFile(path=out, params=params, text=text)


def schema_text() -> str:
    """The JSON Schema of parameter files as text, generated from the models.

    A test keeps the shipped copy identical, so this is also how to regenerate it.
    """
    return json.dumps(parameters_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema_file(path: Path) -> None:
    """Write the JSON Schema of parameter files (generated from the models) to ``path``."""
    write_schema(path, parameters_json_schema())


ANALYST_SCENARIO: Final = "analyst_scenario"
"""Name of the scenario an analyst writes with :func:`scenario_parameter_text`."""


@dataclass(frozen=True)
class ScenarioChanges:
    """An analyst's changes to one group of a parameter file.

    Attributes:
        group: the group changed.
        turnover_change: points added to its turnover rate (or, without one, its replacement
            rate), as a fraction: -0.05 is five points lower. None: unchanged.
        demand_elasticity: its new demand elasticity (None: unchanged).
        base_workforce: its new base workforce (None: unchanged).
        label: the scenario's label.
    """

    group: str
    turnover_change: float | None = None
    demand_elasticity: float | None = None
    base_workforce: float | None = None
    label: str = "Analyst's scenario"


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def scenario_parameter_text(
    loaded: ParameterFile, changes: ScenarioChanges
) -> tuple[str, ProjectionParameters]:
    """The parameter file's text with the analyst's changes added as one more scenario,
    ``analyst_scenario``, checked like any parameter file.

    Raises:
        ProjectionInputError: a change does not fit the file (one line naming the field).

    Returns:
        The text and its parameters.
    """
    params = loaded.params
    group = next((g for g in params.groups if g.name == changes.group), None)
    if group is None:
        raise ProjectionInputError(f"groups: there is no group {changes.group!r}")
    if ANALYST_SCENARIO in params.scenarios:
        raise ProjectionInputError(f"scenarios.{ANALYST_SCENARIO}: already in the file")
    fields: dict[str, float] = {}
    described: list[str] = []
    if changes.turnover_change is not None:
        rate_field = "turnover_rate" if group.turnover_rate is not None else "replacement_rate"
        rate = getattr(group, rate_field)
        if rate is None:
            raise ProjectionInputError(
                f"groups.{group.name}: has no turnover or replacement rate to change "
                "(its leavers are given as a number a year)"
            )
        fields[rate_field] = round(rate + changes.turnover_change, 10)
        described.append(f"{rate_field.replace('_', ' ')} {fields[rate_field]:.1%}")
    if changes.demand_elasticity is not None:
        fields["demand_elasticity"] = changes.demand_elasticity
        described.append(f"demand elasticity {changes.demand_elasticity:g}")
    if changes.base_workforce is not None:
        fields["base_workforce"] = changes.base_workforce
        described.append(f"base workforce {changes.base_workforce:,.0f}")
    description = f"{group.display_name}: " + ("; ".join(described) or "no change") + "."
    lines = [
        "",
        f"# Written on {dt.date.today().isoformat()} by careforce {__version__}.",
        f"[scenarios.{ANALYST_SCENARIO}]",
        f"label = {_toml_string(changes.label)}",
        f"description = {_toml_string(description)}",
        "",
        f"[scenarios.{ANALYST_SCENARIO}.groups.{group.name}]",
        *(f"{name} = {value!r}" for name, value in fields.items()),
        "",
    ]
    text = loaded.path.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(lines)
    try:
        checked = parse_parameter_text(text, source=loaded.path.name)
    except ConfigurationFileError as error:
        raise ProjectionInputError(str(error)) from None
    run_projection(checked, [ANALYST_SCENARIO])
    return text, checked
