"""The sections of the labour-market page: each a table (as shown and as downloaded), a chart
drawn from it, and the comparator it is set against, named."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import polars as pl

from careforce.core.labour import sections
from careforce.core.labour.charts import bar_chart, line_chart
from careforce.web.backend.labour import LabourResults, supply_against_needs
from careforce.web.shared.components import table
from careforce.web.shared.formats import number, percent

PERCENT_WORDS: Final = ("rate", "share", "Share")
"""Columns holding fractions (shown as percentages)."""


@dataclass(frozen=True)
class Section:
    """One section of the page.

    Attributes:
        slug: its address in downloads.
        title: its heading.
        description: what the chart shows (read out by screen readers).
        comparator: the comparator named, or '' when there is none.
        frame: the table, as downloaded.
        chart: the Vega-Lite specification (None when there is nothing to draw).
    """

    slug: str
    title: str
    description: str
    comparator: str
    frame: pl.DataFrame
    chart: dict[str, Any] | None

    @property
    def table(self) -> dict[str, Any]:
        """The table as GOV.UK table parameters."""
        numeric = [
            i for i, name in enumerate(self.frame.columns) if self.frame[name].dtype.is_numeric()
        ]
        rows = [
            [_cell(name, value) for name, value in zip(self.frame.columns, row, strict=True)]
            for row in self.frame.iter_rows()
        ]
        return table(
            caption=self.title,
            head=self.frame.columns,
            rows=rows,
            numeric=numeric,
            caption_size="s",
        )


def _cell(name: str, value: Any) -> str:
    if value is None:
        return "[x]"
    if isinstance(value, float) and any(word in name for word in PERCENT_WORDS):
        return percent(value)
    if isinstance(value, float | int):
        return number(value, 0 if float(value).is_integer() else 1)
    return str(value)


def _comparator(results: LabourResults, measure: str) -> str:
    names = results.comparators.filter(pl.col("measure_id") == measure)["comparator"].unique()
    return "; ".join(sorted(names.to_list()))


def _postings(results: LabourResults, breakdown: str, slug: str, noun: str) -> Section:
    area, name = results.area
    frame = sections.top_postings(results.table, breakdown, area=area)
    label = frame.columns[0] if frame.width else noun
    chart = None
    if frame.height:
        chart = bar_chart(
            frame,
            category=label,
            value="Unique postings",
            title=f"Unique job postings by {noun.lower()}, {name}",
            description=f"Bar chart of unique job postings for the ten {noun.lower()}s with most postings.",
        )
    return Section(
        slug,
        f"Job postings by {noun.lower()}",
        f"The ten {noun.lower()}s with most unique postings in {name}: total and unique postings, posting intensity (total per unique posting) and median days online.",
        "",
        frame,
        chart,
    )


def _claimants(results: LabourResults) -> Section:
    area, name = results.area
    frame = sections.claimant_trend(results.table, area=area)
    chart = None
    if frame.height:
        chart = line_chart(
            frame,
            x="Month",
            values=["Claimant rate", "England claimant rate (comparator)"],
            title="Claimant rate",
            percent=True,
            description=f"Line chart of the claimant rate of {name} and of England by month.",
        )
    return Section(
        "claimants",
        "Claimant count",
        f"Residents of {name} claiming work-related benefits, and as a share of residents aged 16-64, by month.",
        _comparator(results, "claimant_rate"),
        frame,
        chart,
    )


def _sector(results: LabourResults) -> Section:
    frame = sections.sector_by_area(results.table)
    chart = None
    if frame.height:
        chart = bar_chart(
            frame,
            category="Area",
            value="Share of all employment",
            percent=True,
            title="Social care share of employment",
            description="Bar chart of social care's share of all employment in each area.",
        )
    return Section(
        "sector",
        "Social care sector size by area",
        "Jobs in social care (SIC 87 and 88, child day-care excluded) and their share of all employment, in the area, its districts and England.",
        _comparator(results, "sector_employment_share"),
        frame,
        chart,
    )


def _skills(results: LabourResults) -> Section:
    area, name = results.area
    frame = sections.skills_supply(results.table, area=area)
    chart = None
    if frame.height:
        wide = frame.pivot(on="Sector subject area", index="Academic year", values="Aim enrolments")
        chart = line_chart(
            wide,
            x="Academic year",
            values=[c for c in wide.columns if c != "Academic year"],
            title="Learning aim enrolments",
            description=f"Line chart of learning aim enrolments in the care subject areas in {name} by academic year.",
        )
    return Section(
        "skills",
        "Skills supply",
        "Further education learning aim enrolments and apprenticeship starts in Health and Social Care and in Child Development and Well Being, and their share of all aims and starts (DfE).",
        "",
        frame,
        chart,
    )


def _supply(results: LabourResults) -> Section:
    parts = []
    for found in supply_against_needs(results):
        parts.append(
            found.gap.select(
                pl.lit(found.label).alias("Workforce"),
                pl.col("year").alias("Year"),
                pl.col("new_staff_in_year").round(0).alias("New staff needed in the year"),
                pl.format(
                    "{}/{}",
                    pl.col("supply_year") - 1,
                    (pl.col("supply_year") % 100).cast(pl.String).str.zfill(2),
                ).alias("Training year used"),
                pl.col("pipeline").alias("Training pipeline"),
                pl.col("gap").round(0).alias("Gap (needed minus pipeline)"),
            )
        )
    frame = pl.concat(parts) if parts else pl.DataFrame()
    chart = None
    if frame.height:
        adult = frame.filter(pl.col("Workforce") == frame[0, "Workforce"])
        chart = line_chart(
            adult,
            x="Year",
            values=["New staff needed in the year", "Training pipeline"],
            title=f"{frame[0, 'Workforce']}: new staff needed and the training pipeline",
            description="Line chart of the new staff needed each year and the training pipeline (enrolments and apprenticeship starts).",
        )
    return Section(
        "supply-need",
        "Supply against need",
        "New staff needed each year (the workforce projections) against the training pipeline: adult social care against Health and Social Care, children's social care against Child Development and Well Being. The pipeline is an upper bound: not every learner joins the workforce.",
        "",
        frame,
        chart,
    )


BUILDERS: Final[dict[str, Callable[[LabourResults], Section]]] = {
    "postings-titles": lambda r: _postings(r, "job_title", "postings-titles", "Job title"),
    "postings-towns": lambda r: _postings(r, "city", "postings-towns", "Town"),
    "claimants": _claimants,
    "sector": _sector,
    "skills": _skills,
    "supply-need": _supply,
}
"""Every section, in page order, by its address."""


def page_sections(results: LabourResults) -> list[Section]:
    """The sections with data."""
    return [s for s in (build(results) for build in BUILDERS.values()) if s.frame.height]
