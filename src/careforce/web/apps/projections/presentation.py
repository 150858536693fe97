"""What the projection pages show: the published tables, scenarios side by side, the Monte
Carlo ranges, the tornado and supply against need, each chart with its data table and a
description written from its data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import polars as pl

from careforce.core.projections import columns as c
from careforce.core.projections.parameters import ProjectionParameters
from careforce.core.projections.tables import published_tables
from careforce.services.projections import ProjectionChart
from careforce.web.backend.downloads import DownloadTable
from careforce.web.backend.projections import ProjectionResults
from careforce.web.shared.components import table
from careforce.web.shared.formats import number

NAMES_IN_WORDS: Final = 3
"""Parameters a tornado's description names."""


@dataclass(frozen=True)
class PageChart:
    """A chart as a page shows it: the specification, its description and its data table."""

    key: str
    description: str
    spec: dict[str, Any]
    table: dict[str, Any]


def fitted(spec: dict[str, Any]) -> dict[str, Any]:
    """A chart specification as wide as the page allows (the files' charts are a fixed
    width for print), so a phone's screen does not scroll sideways: the legend goes below the
    chart, and the title is left to the page's heading and the table's caption."""
    fitted = {key: value for key, value in spec.items() if key != "title"}
    config = dict(spec.get("config", {}))
    config["legend"] = {**config.get("legend", {}), "orient": "bottom", "direction": "vertical"}
    return {
        **fitted,
        "width": "container",
        "autosize": {"type": "fit-x", "contains": "padding"},
        "config": config,
    }


def _rate_or_number(value: float) -> str:
    return f"{value:.1%}" if abs(value) < 10 else number(value)


def baseline_tables(results: ProjectionResults) -> list[dict[str, Any]]:
    """The published tables of the baseline, rounded like the strategy's (one per group, and
    all groups)."""
    params = results.file.params
    frame = results.baseline().filter(pl.col(c.GROUP) != c.ALL_GROUPS)
    return [
        table(
            caption=block.title,
            head=["Measure", *block.header[1:]],
            rows=block.rows,
            numeric=range(1, len(block.header)),
            caption_size="s",
        )
        for block in published_tables(params, frame)
    ]


def scenario_rows(results: ProjectionResults) -> pl.DataFrame:
    """Total new staff needed by each report year, one row per scenario (all groups)."""
    params = results.file.params
    totals = results.scenarios.filter(
        (pl.col(c.GROUP) == c.ALL_GROUPS) & pl.col(c.YEAR).is_in(params.report_years)
    )
    return (
        totals.pivot(on=c.YEAR, index=c.SCENARIO, values=c.TOTAL_NEW_STAFF, sort_columns=True)
        .with_columns(pl.col(c.SCENARIO).replace_strict(results.labels).alias("label"))
        .select("label", *[str(year) for year in params.report_years])
    )


def scenario_chart(results: ProjectionResults) -> PageChart:
    """Total new staff needed by scenario, with the scenarios side by side in a table."""
    params = results.file.params
    rows = scenario_rows(results)
    last = str(params.report_years[-1])
    words = "; ".join(f"{row['label']} {number(row[last])}" for row in rows.iter_rows(named=True))
    return PageChart(
        key="scenarios",
        description=f"Total new staff needed by {last}, by scenario: {words}.",
        spec=fitted(results.scenario_chart.spec),
        table=table(
            caption=f"Total new staff needed since {params.base_year}, by scenario",
            head=["Scenario", *[str(year) for year in params.report_years]],
            rows=[[row[0], *[number(value) for value in row[1:]]] for row in rows.iter_rows()],
            numeric=range(1, len(params.report_years) + 1),
            caption_size="s",
        ),
    )


def fan_chart(results: ProjectionResults) -> PageChart | None:
    """The Monte Carlo ranges of total new staff (None without uncertain parameters)."""
    if results.fan_chart is None or results.ranges is None:
        return None
    frame = results.fan_chart.table.sort(c.YEAR)
    draws = int(results.ranges.get_column("draws")[0])
    last = frame.row(-1, named=True)
    return PageChart(
        key="ranges",
        description=(
            f"By {last[c.YEAR]}, 8 in 10 of {draws:,} draws need between {number(last[c.P10])} "
            f"and {number(last[c.P90])} new staff (median {number(last[c.P50])}; the central "
            f"projection {number(last[c.CENTRAL])})."
        ),
        spec=fitted(results.fan_chart.spec),
        table=table(
            caption=f"Total new staff needed: P10 to P90 of {draws:,} draws",
            head=["Year", "Central", "P10", "P50 (median)", "P90"],
            rows=[
                [str(row[c.YEAR]), *[number(row[k]) for k in (c.CENTRAL, c.P10, c.P50, c.P90)]]
                for row in frame.iter_rows(named=True)
            ],
            numeric=[1, 2, 3, 4],
            caption_size="s",
        ),
    )


def tornado_chart(results: ProjectionResults) -> PageChart:
    """The one-way sensitivity: each parameter's low and high values and their results."""
    chart: ProjectionChart = results.sensitivity
    frame = chart.table
    year = (
        int(frame.get_column(c.YEAR)[0]) if frame.height else results.file.params.report_years[-1]
    )
    named = [
        f"{row['label']} ({number(row['result_low'])} to {number(row['result_high'])})"
        for row in frame.head(NAMES_IN_WORDS).iter_rows(named=True)
    ]
    return PageChart(
        key="tornado",
        description=(
            f"Total new staff needed by {year} depends most on " + ", then ".join(named) + "."
            if named
            else "The file declares nothing to vary."
        ),
        spec=fitted(chart.spec),
        table=table(
            caption=f"Total new staff needed by {year} with each parameter low and high",
            head=["Parameter", "Low value", "High value", "With low", "With high", "Swing"],
            rows=[
                [
                    row["label"],
                    _rate_or_number(row["low_value"]),
                    _rate_or_number(row["high_value"]),
                    number(row["result_low"]),
                    number(row["result_high"]),
                    number(row["swing"]),
                ]
                for row in frame.iter_rows(named=True)
            ],
            numeric=[1, 2, 3, 4, 5],
            caption_size="s",
        ),
    )


def supply_chart(results: ProjectionResults) -> PageChart | None:
    """New staff needed each year against the training pipeline (None without supply data)."""
    if results.supply is None or results.supply_chart is None:
        return None
    frame = results.supply.sort(c.YEAR)
    shortfall = frame.filter(pl.col(c.GAP) > 0)
    return PageChart(
        key="supply",
        description=(
            f"The training pipeline falls short of the new staff needed in {shortfall.height} of "
            f"{frame.height} years"
            + (
                f", by {number(shortfall.get_column(c.GAP).max())} at most."
                if shortfall.height
                else "."
            )
        ),
        spec=fitted(results.supply_chart.spec),
        table=table(
            caption="New staff needed and the training pipeline, by year",
            head=["Year", "New staff needed", "Training year used", "Pipeline", "Gap"],
            rows=[
                [
                    str(row[c.YEAR]),
                    number(row[c.NEW_STAFF_IN_YEAR]),
                    str(row[c.SUPPLY_YEAR]),
                    number(row[c.PIPELINE]),
                    number(row[c.GAP]),
                ]
                for row in frame.iter_rows(named=True)
            ],
            numeric=[1, 3, 4],
            caption_size="s",
        ),
    )


def download_tables(results: ProjectionResults) -> list[DownloadTable]:
    """Every table of the page, unrounded."""
    tables = [
        DownloadTable("Scenarios", "Every scenario, group and year", results.scenarios),
        DownloadTable("Sensitivity", "One-way sensitivity", results.sensitivity.table),
    ]
    if results.ranges is not None:
        tables.append(DownloadTable("Ranges", "Monte Carlo ranges", results.ranges))
    if results.supply is not None:
        tables.append(DownloadTable("Supply", "Need against the training pipeline", results.supply))
    return tables


def analyst_rows(
    params: ProjectionParameters, frame: pl.DataFrame, labels: dict[str, str]
) -> dict[str, Any]:
    """The baseline and the analyst's scenario side by side: total new staff by report year."""
    totals = (
        frame.group_by(c.SCENARIO, c.YEAR)
        .agg(pl.col(c.TOTAL_NEW_STAFF).sum(), pl.col(c.REQUIREMENT).sum())
        .filter(pl.col(c.YEAR).is_in(params.report_years))
        .sort(c.YEAR)
    )
    rows = []
    for name, label in labels.items():
        mine = totals.filter(pl.col(c.SCENARIO) == name)
        rows.append([label, *[number(value) for value in mine.get_column(c.TOTAL_NEW_STAFF)]])
    return table(
        caption="Total new staff needed since the base year",
        head=["Scenario", *[str(year) for year in params.report_years]],
        rows=rows,
        numeric=range(1, len(params.report_years) + 1),
        caption_size="s",
    )
