"""``careforce demo``: run the whole pipeline on generated demo data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import polars as pl
import typer
from rich.console import Console
from rich.table import Table

from careforce.core.vocab.published import (
    ALL,
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    COMPARATOR_NAME,
    COMPARATOR_VALUE,
    MEASURE_ID,
    MEASURE_NAME,
    PERIOD,
    UNIT,
    VALUE,
)
from careforce.services.demo_pipeline import DemoRun, run_demo

app = typer.Typer(help="Run careforce end to end on realistic demo data.", no_args_is_help=True)

HEADLINES = (
    ("filled_posts", "total", "all"),
    ("headcount", "total", "all"),
    ("filled_posts_estimate", "total", "all"),
    ("headcount_estimate", "total", "all"),
    ("coverage_locations_share", "total", "all"),
    ("vacancy_rate", "total", "all"),
    ("turnover_rate", "total", "all"),
    ("leavers_remaining_in_sector", "total", "all"),
    ("sickness_days_per_worker", "total", "all"),
    ("years_in_sector_mean", "total", "all"),
    ("zero_hours_share", "service_group", "home care"),
    ("relevant_qualification_share", "total", "all"),
    ("care_certificate_share", "total", "all"),
    ("hourly_pay_median", "total", "all"),
    ("workforce_share", "sex", "Female"),
    ("workforce_share", "ethnicity_group", "White"),
)
"""Measures shown in the demo's summary (measure, breakdown, breakdown value)."""


def _comparator(rows: pl.DataFrame, unit: str) -> str:
    """The latest comparator of a measure's rows, named (source and period) when known."""
    compared = rows.filter(pl.col(COMPARATOR_VALUE).is_not_null()).sort(PERIOD)
    if compared.is_empty():
        return ""
    value = _format(compared[-1, COMPARATOR_VALUE], unit)
    name = compared[-1, COMPARATOR_NAME] if COMPARATOR_NAME in compared.columns else None
    return f"{value} ({name})" if name else value


def _format(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit in ("proportion", "rate"):
        return f"{value:.1%}"
    if unit.startswith("pounds"):
        return f"£{value:,.2f}"
    if unit == "count":
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def headline_area(table: pl.DataFrame) -> tuple[pl.DataFrame, str]:
    """The published rows the headline table shows, and its title: the one area's, or with
    several areas (the national demo) the first area's, named, as the areas' figures are not
    added up."""
    title = "Headline measures (published, after disclosure control)"
    areas = table.select(AREA_CODE, AREA_NAME).unique(subset=AREA_CODE).sort(AREA_CODE)
    if areas.height <= 1:
        return table, title
    code, name = areas.row(0)
    return (
        table.filter(pl.col(AREA_CODE) == code),
        f"{title} of {name}, the first of {areas.height} areas (every area's are in "
        "indicators.csv)",
    )


def _estimates_summary(result: DemoRun, out: Path) -> str:
    """The whole-sector estimate (filled posts and the people holding them) of every year."""
    lines = []
    for year in result.estimated_years():
        returned, estimated = result.filled_posts(year)
        lines.append(
            f"{year.replace('-', '/')}: {returned:,.0f} filled posts in the returns, "
            f"{estimated:,.0f} estimated for the whole sector, held by "
            f"{result.headcount(year):,.0f} people"
        )
    return (
        "Whole sector estimated from each year's CQC register, written to "
        f"{out / 'estimates'} (published with the measures; for one council the scorecard and "
        "the derived projection start from the latest estimate):\n  " + "\n  ".join(lines)
    )


@app.command("run")
def run(
    out: Annotated[
        Path, typer.Option("--out", help="Directory for the demo data and results.")
    ] = Path("demo-output"),
    profile: Annotated[
        str, typer.Option("--profile", help="staffordshire or england.")
    ] = "staffordshire",
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generator.")] = 2022,
) -> None:
    """Generate demo data, ingest it as a provider's upload would be, compute the measures and
    (one county) write the outcomes scorecard and progress report."""
    console = Console()
    result = run_demo(
        out, profile=profile, seed=seed, progress=lambda step: console.print(f"• {step}")
    )
    ingest_table = Table(title="ASC-WDS files ingested", title_justify="left")
    for column in ("area", "year", "rows", "errors", "warnings"):
        ingest_table.add_column(column, justify="left" if column in ("area", "year") else "right")
    for (area, year), outcome in sorted(result.ingested.items()):
        rows = sum(entry["rows"] for entry in outcome.manifest["inputs"])
        ingest_table.add_row(area, year, f"{rows:,}", str(outcome.errors), str(outcome.warnings))
    if len(result.ingested) <= 10:
        console.print(ingest_table)
    table, title = headline_area(result.indicators.table)
    periods = sorted(table["period"].unique().to_list())
    summary = Table(title=title, title_justify="left")
    summary.add_column("measure")
    for period in periods:
        summary.add_column(period, justify="right")
    summary.add_column("comparator", justify="right")
    for measure_id, breakdown, value in HEADLINES:
        rows = table.filter(
            (pl.col(MEASURE_ID) == measure_id)
            & (pl.col(BREAKDOWN) == breakdown)
            & (pl.col(BREAKDOWN_VALUE) == value)
        )
        if rows.is_empty():
            continue
        unit = rows[0, UNIT]
        label = rows[0, MEASURE_NAME] + ("" if value == ALL else f" ({value})")
        cells = []
        for period in periods:
            values = rows.filter(pl.col(PERIOD) == period)[VALUE].drop_nulls().to_list()
            cells.append(_format(values[0] if len(values) == 1 else None, unit) if values else "—")
        summary.add_row(label, *cells, _comparator(rows, unit))
    console.print(summary)
    if result.estimated_years():
        console.print(_estimates_summary(result, out))
    console.print(
        f"Measures written to {result.indicators_dir} (indicators.csv, .ods, .xlsx, .parquet)."
    )
    if result.labour is not None:
        console.print(
            f"Labour-market measures written to {out / 'labour'} (labour.csv, .ods, .xlsx, "
            "labour_comparators.csv)."
        )
    if result.projections is not None:
        console.print(
            f"Projection derived from the demo's measures written to "
            f"{result.projections.parameters} (as careforce projections derive writes it), with "
            f"the training supply file {result.projections.supply.name} and the supply against "
            f"need in {result.projections.parameters.parent / 'supply'}."
        )
    if result.outcomes is not None:
        report = result.outcomes.report
        flags = report.flags
        console.print(
            f"Outcomes scorecard for {report.period or 'no period'} and the annual progress "
            f"report written to {out / 'outcomes'} (progress-report.html, progress-report.pdf, "
            f"scorecard.csv); action plan: {flags['detailed_actions']} detailed actions, "
            f"{flags['overdue']} overdue, {flags['stale']} stale."
        )
    if result.appendix is not None:
        console.print(
            f"Data appendix for {result.appendix.appendix.period} written to {out / 'appendix'} "
            "(appendix.html, appendix.pdf, appendix.ods, appendix.xlsx); projections to "
            f"{out / 'projections'}."
        )
