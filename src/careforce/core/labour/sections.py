"""The tables of the labour-market pages and downloads, made from ``labour.csv`` rows: the top
ten posted titles and towns, the claimant trend, sector size by district, and skills supply.
Each comparison names its comparator."""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    COMPARATOR_VALUE,
    MEASURE_ID,
    PERIOD,
    SYMBOL,
    VALUE,
)

TOP: Final = 10
"""Titles and towns listed: the top ten by unique postings, as the strategy's tables."""
CARE_SUBJECTS: Final = ("Health and Social Care", "Child Development and Well Being")
"""The strategy's care subject areas (tier 2)."""


def _measure(table: pl.DataFrame, measure: str) -> pl.DataFrame:
    return table.filter(pl.col(MEASURE_ID) == measure)


def intensity_label(value: pl.Expr) -> pl.Expr:
    """Posting intensity as the strategy writes it: ``4 : 1``."""
    return pl.format("{} : 1", value.round(0).cast(pl.Int64))


def top_postings(table: pl.DataFrame, breakdown: str, *, area: str) -> pl.DataFrame:
    """The top ten titles or towns by unique postings, over the extract's window."""
    rows = table.filter(
        (pl.col(BREAKDOWN) == breakdown)
        & (pl.col(AREA_CODE) == area)
        & pl.col(MEASURE_ID).str.starts_with("post")
    )
    if rows.is_empty():
        return pl.DataFrame()
    wide = rows.pivot(on=MEASURE_ID, index=[PERIOD, BREAKDOWN_VALUE], values=VALUE)
    label = "Job title" if breakdown == "job_title" else "Town"
    return (
        wide.sort(["postings_unique", BREAKDOWN_VALUE], descending=[True, False])
        .head(TOP)
        .select(
            pl.col(BREAKDOWN_VALUE).alias(label),
            pl.col(PERIOD).alias("Period"),
            pl.col("postings_total").cast(pl.Int64).alias("Total postings"),
            pl.col("postings_unique").cast(pl.Int64).alias("Unique postings"),
            intensity_label(pl.col("posting_intensity")).alias("Posting intensity"),
            pl.col("posting_duration_median").alias("Median posting duration (days)"),
        )
    )


def claimant_trend(table: pl.DataFrame, *, area: str) -> pl.DataFrame:
    """Claimants and the claimant rate by month, with England's rate (the named comparator)."""
    counts = _measure(table, "claimant_count").filter(pl.col(AREA_CODE) == area)
    rates = _measure(table, "claimant_rate").filter(pl.col(AREA_CODE) == area)
    if counts.is_empty():
        return pl.DataFrame()
    return (
        counts.select(PERIOD, pl.col(VALUE).alias("Claimants"))
        .join(
            rates.select(
                PERIOD,
                pl.col(VALUE).alias("Claimant rate"),
                pl.col(COMPARATOR_VALUE).alias("England claimant rate (comparator)"),
            ),
            on=PERIOD,
            how="left",
        )
        .sort(PERIOD)
        .rename({PERIOD: "Month"})
    )


def sector_by_area(table: pl.DataFrame) -> pl.DataFrame:
    """Social care employment and its share of all employment by area, latest year."""
    shares = _measure(table, "sector_employment_share")
    if shares.is_empty():
        return pl.DataFrame()
    latest = shares.get_column(PERIOD).max()
    jobs = _measure(table, "sector_employment").filter(
        (pl.col(BREAKDOWN) == "total") & (pl.col(PERIOD) == latest)
    )
    return (
        shares.filter(pl.col(PERIOD) == latest)
        .join(jobs.select(AREA_CODE, pl.col(VALUE).alias("_jobs")), on=AREA_CODE, how="left")
        .sort(pl.col(AREA_CODE).str.starts_with("E07"), AREA_CODE)
        .select(
            pl.col(AREA_NAME).alias("Area"),
            pl.col(AREA_CODE).alias("Area code"),
            pl.col(PERIOD).alias("Year"),
            pl.col("_jobs").cast(pl.Int64).alias("Social care jobs"),
            pl.col(VALUE).alias("Share of all employment"),
            pl.col(COMPARATOR_VALUE).alias("England share (comparator)"),
        )
    )


def skills_supply(table: pl.DataFrame, *, area: str) -> pl.DataFrame:
    """Enrolments and apprenticeship starts in the care subjects by academic year, with their
    share of all aims or starts."""
    rows = table.filter(
        pl.col(MEASURE_ID).is_in(
            [
                "enrolments",
                "enrolments_share",
                "apprenticeship_starts",
                "apprenticeship_starts_share",
            ]
        )
        & (pl.col(AREA_CODE) == area)
        & pl.col(BREAKDOWN_VALUE).is_in(CARE_SUBJECTS)
    )
    if rows.is_empty():
        return pl.DataFrame()
    wide = rows.pivot(on=MEASURE_ID, index=[PERIOD, BREAKDOWN_VALUE], values=VALUE)
    for name in (
        "enrolments",
        "enrolments_share",
        "apprenticeship_starts",
        "apprenticeship_starts_share",
    ):
        if name not in wide.columns:
            wide = wide.with_columns(pl.lit(None, dtype=pl.Float64).alias(name))
    return wide.sort(BREAKDOWN_VALUE, PERIOD).select(
        pl.col(PERIOD).alias("Academic year"),
        pl.col(BREAKDOWN_VALUE).alias("Sector subject area"),
        pl.col("enrolments").alias("Aim enrolments"),
        pl.col("enrolments_share").alias("Share of all aims"),
        pl.col("apprenticeship_starts").alias("Apprenticeship starts"),
        pl.col("apprenticeship_starts_share").alias("Share of all starts"),
    )


def pipeline_counts(table: pl.DataFrame, *, area: str, subjects: tuple[str, ...]) -> pl.DataFrame:
    """Enrolments and apprenticeship starts in the subjects by the calendar year an academic
    year ends (2020/21 → 2021): the training pipeline of the supply-against-need comparison."""
    rows = table.filter(
        pl.col(MEASURE_ID).is_in(["enrolments", "apprenticeship_starts"])
        & (pl.col(AREA_CODE) == area)
        & pl.col(BREAKDOWN_VALUE).is_in(subjects)
        & pl.col(SYMBOL).is_null()
    )
    year = (pl.col(PERIOD).str.slice(0, 4).cast(pl.Int64) + 1).alias("year")
    return (
        rows.with_columns(year)
        .pivot(on=MEASURE_ID, index="year", values=VALUE, aggregate_function="sum")
        .with_columns(
            pl.col(name).fill_null(0.0)
            if name in rows[MEASURE_ID].unique().to_list()
            else pl.lit(0.0).alias(name)
            for name in ("enrolments", "apprenticeship_starts")
        )
        .select("year", "enrolments", "apprenticeship_starts")
        .sort("year")
    )
