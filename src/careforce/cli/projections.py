"""``careforce projections``: workforce demand projections, scenarios and uncertainty."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import polars as pl
import typer
from rich.console import Console
from rich.table import Table

from careforce.core.projections import columns as c
from careforce.core.projections.derivation import DEFAULT_DRIVER_BAND, DEFAULT_ELASTICITY
from careforce.core.projections.parameters import MAX_DRAWS
from careforce.core.projections.supply import DEFAULT_ENTRY_SHARE, DEFAULT_SUBJECT_AREAS
from careforce.core.projections.tables import TableBlock, format_count
from careforce.services.projections import (
    ConfigurationFileError,
    ParameterFile,
    ProjectionInputError,
    derive_parameter_file,
    frame_as_csv,
    load_parameters,
    projection_csv,
    projection_json,
    projection_tables,
    run_projection,
    schema_text,
    shipped_parameter_files,
    supply_gap_table,
    write_report,
    write_scenarios,
    write_schema_file,
    write_sensitivity,
    write_supply,
    write_uncertainty,
)

app = typer.Typer(
    help="Workforce demand projections: requirement, new staff, scenarios and uncertainty.",
    no_args_is_help=True,
)

EXIT_UNUSABLE = 2
"""Exit status when an input cannot be used (bad parameter file, unknown scenario, ...)."""

PARAMS_HELP = "Parameter file (TOML), or the name of a shipped file, e.g. staffordshire-2022-adult."


class Format(StrEnum):
    """Output formats of ``projections run`` and ``projections supply``."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def _fail(message: str) -> NoReturn:
    Console(stderr=True, soft_wrap=True).print(
        f"careforce: {message}", markup=False, highlight=False
    )
    raise typer.Exit(EXIT_UNUSABLE)


def _load(params: str) -> ParameterFile:
    try:
        return load_parameters(params)
    except ConfigurationFileError as error:
        _fail(f"cannot use {error.path}: {error.reason}")


def _print_block(console: Console, block: TableBlock, *, caption: str | None = None) -> None:
    table = Table(title=block.title, title_justify="left", caption=caption)
    for index, heading in enumerate(block.header):
        table.add_column(heading, justify="left" if index == 0 else "right")
    for row in block.rows:
        table.add_row(*row)
    console.print(table)


def _written(console: Console, paths: list[Path]) -> None:
    console.print(f"Wrote {len(paths)} files to {paths[0].parent}:", highlight=False)
    for path in paths:
        console.print(f"  {path.name}", highlight=False)


@app.command("run")
def run(
    params: Annotated[str, typer.Argument(help=PARAMS_HELP)],
    output_format: Annotated[
        Format, typer.Option("--format", help="table (rounded, as published), json or csv.")
    ] = Format.TABLE,
    scenario: Annotated[
        list[str] | None,
        typer.Option("--scenario", help="Also project this scenario (repeatable)."),
    ] = None,
    details: Annotated[
        bool,
        typer.Option(
            "--details", help="JSON: add components and employer recruitment under 'details'."
        ),
    ] = False,
) -> None:
    """Project the workforce requirement and new staff needed for every group and year.

    Exit status: 0 success, 2 the parameter file or a scenario cannot be used.
    """
    loaded = _load(params)
    try:
        result = run_projection(loaded.params, scenario or [])
    except ProjectionInputError as error:
        _fail(f"cannot use {loaded.path}: {error}")
    if output_format is Format.JSON:
        typer.echo(json.dumps(projection_json(result, details=details), indent=2))
        return
    if output_format is Format.CSV:
        typer.echo(projection_csv(result), nl=False)
        return
    console = Console()
    console.print(loaded.params.name, style="bold", highlight=False)
    for label, blocks in projection_tables(result):
        if result.scenarios:
            console.print(f"\nScenario: {label}", style="bold", highlight=False)
        for block in blocks:
            _print_block(console, block)


@app.command("list")
def list_files() -> None:
    """List the parameter files shipped with careforce."""
    for name, path in shipped_parameter_files().items():
        loaded = _load(str(path))
        typer.echo(f"{name}\t{loaded.params.name}")


@app.command("schema")
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the schema here instead of printing it.")
    ] = None,
) -> None:
    """Print (or write) the JSON Schema that parameter files are validated against."""
    if out is None:
        typer.echo(schema_text(), nl=False)
        return
    write_schema_file(out)
    typer.echo(f"Wrote {out}")


@app.command("derive")
def derive(
    indicators: Annotated[
        Path, typer.Option("--indicators", help="Folder with indicators.csv (or the file).")
    ],
    population: Annotated[
        Path,
        typer.Option(
            "--population", help="Population projection CSV: area_code, age_band, year, ..."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Parameter file (TOML) to write.")],
    area: Annotated[
        str | None, typer.Option("--area", help="Area code, when the files have several.")
    ] = None,
    driver_band: Annotated[
        str, typer.Option("--driver-band", help="Population age band that drives demand.")
    ] = DEFAULT_DRIVER_BAND,
    elasticity: Annotated[
        float, typer.Option("--elasticity", help="Demand elasticity to the driver.")
    ] = DEFAULT_ELASTICITY,
    report_years: Annotated[
        str | None,
        typer.Option(
            "--report-years", help="Comma-separated report years (default base + 2, 5, 10)."
        ),
    ] = None,
    breakdown: Annotated[
        str | None,
        typer.Option(
            "--breakdown", help="One group per value of this breakdown (e.g. service_group)."
        ),
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="Name of the projection.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUT if it exists.")] = False,
    returned_only: Annotated[
        bool,
        typer.Option(
            "--returned-only",
            help="Base the projection on the returns alone, not on the whole-sector estimates.",
        ),
    ] = False,
) -> None:
    """Derive a parameter file from the latest measures and a population projection.

    Every number is written with a comment saying where it came from. Exit status: 0 success,
    2 an input cannot be used.
    """
    years: list[int] | None = None
    if report_years:
        try:
            years = [int(part) for part in report_years.split(",") if part.strip()]
        except ValueError:
            _fail(f"--report-years must be years separated by commas, not {report_years!r}")
    try:
        derived = derive_parameter_file(
            indicators,
            population,
            out,
            area_code=area,
            driver_band=driver_band,
            elasticity=elasticity,
            report_years=years,
            breakdown=breakdown,
            name=name,
            overwrite=force,
            returned_only=returned_only,
        )
    except ProjectionInputError as error:
        _fail(str(error))
    groups = ", ".join(group.name for group in derived.params.groups)
    if "Base workforce: the whole-sector estimates" in derived.text:
        typer.echo(
            "Base workforce: the whole-sector estimates (--returned-only for the returns alone)."
        )
    typer.echo(
        f"Wrote {derived.path}: {derived.params.name}; base year {derived.params.base_year}; "
        f"groups {groups}."
    )


@app.command("scenarios")
def scenarios(
    params: Annotated[str, typer.Argument(help=PARAMS_HELP)],
    out: Annotated[Path, typer.Option("--out", help="Folder for the results.")],
    scenario: Annotated[
        list[str] | None,
        typer.Option("--scenario", help="Only this scenario (repeatable); default all."),
    ] = None,
) -> None:
    """Project every scenario; write scenarios.csv and the scenario chart (SVG, PNG, CSV)."""
    loaded = _load(params)
    try:
        frame, written = write_scenarios(loaded.params, out, scenario or None)
    except ProjectionInputError as error:
        _fail(f"cannot use {loaded.path}: {error}")
    console = Console()
    last = max(loaded.params.report_years)
    table = Table(title=f"Total new staff needed by {last}", title_justify="left")
    table.add_column("Scenario", overflow="fold")
    table.add_column("Total new staff", justify="right")
    for name, total in (
        frame.filter((pl.col(c.GROUP) == c.ALL_GROUPS) & (pl.col(c.YEAR) == last))
        .select(c.SCENARIO, c.TOTAL_NEW_STAFF)
        .iter_rows()
    ):
        table.add_row(name, format_count(total, signed=False))
    console.print(table)
    _written(console, written)


@app.command("sensitivity")
def sensitivity(
    params: Annotated[str, typer.Argument(help=PARAMS_HELP)],
    out: Annotated[Path, typer.Option("--out", help="Folder for the results.")],
    year: Annotated[
        int | None, typer.Option("--year", help="Year reported (default the last report year).")
    ] = None,
    group: Annotated[
        str, typer.Option("--group", help="Group reported, or 'all' for the sum.")
    ] = c.ALL_GROUPS,
) -> None:
    """One-way sensitivity of total new staff to every numeric parameter, with a tornado chart.

    Writes the tornado chart (SVG, PNG) and its table, tornado-chart.csv.
    """
    loaded = _load(params)
    try:
        frame, written = write_sensitivity(loaded.params, out, year=year, group=group)
    except ProjectionInputError as error:
        _fail(f"cannot use {loaded.path}: {error}")
    console = Console()
    table = Table(title="One-way sensitivity (largest swing first)", title_justify="left")
    table.add_column("Parameter", overflow="fold")
    for heading in ("Low", "High", "Result low", "Result high", "Swing"):
        table.add_column(heading, justify="right")
    for row in frame.iter_rows(named=True):
        table.add_row(
            row[c.PARAMETER],
            f"{row[c.LOW_VALUE]:.6g}",
            f"{row[c.HIGH_VALUE]:.6g}",
            format_count(row[c.RESULT_LOW], signed=False),
            format_count(row[c.RESULT_HIGH], signed=False),
            format_count(row[c.SWING], signed=False),
        )
    console.print(table)
    _written(console, written)


@app.command("uncertainty")
def uncertainty(
    params: Annotated[str, typer.Argument(help=PARAMS_HELP)],
    out: Annotated[Path, typer.Option("--out", help="Folder for the results.")],
    draws: Annotated[
        int | None,
        typer.Option(
            "--draws", min=1, max=MAX_DRAWS, help="Number of draws (default: the file's)."
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", min=0, help="Random seed (default: the file's).")
    ] = None,
) -> None:
    """Monte Carlo ranges (P10, P50, P90) from the distributions declared in the file.

    Writes uncertainty.csv and the fan chart (SVG, PNG and its CSV table).
    """
    loaded = _load(params)
    try:
        summary, written = write_uncertainty(loaded.params, out, draws=draws, seed=seed)
    except ProjectionInputError as error:
        _fail(f"cannot use {loaded.path}: {error}")
    console = Console()
    table = Table(
        title=f"Total new staff needed, all groups ({summary.get_column('draws')[0]:,} draws, "
        f"seed {summary.get_column('seed')[0]})",
        title_justify="left",
    )
    for heading in ("Year", "Central", "P10", "P50", "P90"):
        table.add_column(heading, justify="right")
    rows = summary.filter(
        (pl.col(c.GROUP) == c.ALL_GROUPS)
        & (pl.col(c.MEASURE) == c.TOTAL_NEW_STAFF)
        & pl.col(c.YEAR).is_in(loaded.params.report_years)
    )
    for row in rows.iter_rows(named=True):
        table.add_row(
            str(row[c.YEAR]),
            *[format_count(row[key], signed=False) for key in (c.CENTRAL, c.P10, c.P50, c.P90)],
        )
    console.print(table)
    _written(console, written)


@app.command("supply")
def supply(
    params: Annotated[str, typer.Argument(help=PARAMS_HELP)],
    supply_file: Annotated[
        list[Path],
        typer.Option(
            "--supply",
            help="DfE enrolments or apprenticeship starts CSV, or a CSV of year, "
            "sector_subject_area, measure, count (repeatable).",
        ),
    ],
    subject_area: Annotated[
        list[str] | None,
        typer.Option(
            "--subject-area",
            help=f"Sector subject area to count (repeatable; default {DEFAULT_SUBJECT_AREAS[0]}).",
        ),
    ] = None,
    entry_share: Annotated[
        float,
        typer.Option(
            "--entry-share", min=0.0, max=1.0, help="Share of the pipeline joining the workforce."
        ),
    ] = DEFAULT_ENTRY_SHARE,
    group: Annotated[
        list[str] | None,
        typer.Option("--group", help="Compare with this group only (repeatable; default all)."),
    ] = None,
    area: Annotated[
        str | None, typer.Option("--area", help="Area code, when the supply file has several.")
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", help="table, json or csv.")
    ] = Format.TABLE,
    out: Annotated[
        Path | None, typer.Option("--out", help="Also write supply-gap.csv and its chart here.")
    ] = None,
) -> None:
    """Compare new staff needed each year with the training pipeline, and report the gap."""
    loaded = _load(params)
    try:
        gap = supply_gap_table(
            loaded.params,
            supply_file,
            subject_areas=subject_area or DEFAULT_SUBJECT_AREAS,
            entry_share=entry_share,
            groups=group or None,
            area_code=area,
        )
    except ProjectionInputError as error:
        _fail(str(error))
    if output_format is Format.JSON:
        typer.echo(json.dumps(gap.to_dicts(), indent=2))
    elif output_format is Format.CSV:
        typer.echo(frame_as_csv(gap), nl=False)
    else:
        console = Console()
        table = Table(title="New staff needed and the training pipeline", title_justify="left")
        for heading in ("Year", "Needed in year", "Training year", "Pipeline", "Gap"):
            table.add_column(heading, justify="right")
        for row in gap.iter_rows(named=True):
            table.add_row(
                str(row[c.YEAR]),
                format_count(row[c.NEW_STAFF_IN_YEAR], signed=False),
                str(row[c.SUPPLY_YEAR]),
                format_count(row[c.PIPELINE], signed=False),
                format_count(row[c.GAP], signed=True),
            )
        console.print(table)
    if out is not None:
        written = write_supply(loaded.params, gap, out)
        Console(stderr=True).print(f"Wrote {len(written)} files to {out}", highlight=False)


@app.command("report")
def report(
    params: Annotated[str, typer.Argument(help=PARAMS_HELP)],
    out: Annotated[Path, typer.Option("--out", help="Folder for the results.")],
    draws: Annotated[
        int | None,
        typer.Option(
            "--draws", min=1, max=MAX_DRAWS, help="Monte Carlo draws (default: the file's)."
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", min=0, help="Random seed (default: the file's).")
    ] = None,
    supply_file: Annotated[
        Path | None, typer.Option("--supply", help="Training CSV for the supply gap.")
    ] = None,
) -> None:
    """Write everything: projection, scenarios, sensitivity, uncertainty, supply and manifest."""
    loaded = _load(params)
    try:
        written = write_report(loaded, out, draws=draws, seed=seed, supply=supply_file)
    except ProjectionInputError as error:
        _fail(str(error))
    _written(Console(), written)
