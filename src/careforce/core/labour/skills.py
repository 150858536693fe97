"""Skills supply measures from DfE files: learning aim enrolments and apprenticeship starts by
sector subject area, their share of all aims or starts, and the change since a base year.

The all-subjects total is the file's ``Total`` subject row where it has one, else the sum of the
subjects. Areas are the file's own (a county, an LSIP area...); several rows of one area, year
and subject (e.g. one per sex when the file has no total) are summed.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.labour.catalogue import NAMES, POLARITIES, UNITS
from careforce.core.labour.rows import published
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    DENOMINATOR,
    MEASURE_ID,
    NUMERATOR,
    PERIOD,
    SYMBOL,
    VALUE,
)

SUBJECT: Final = "sector_subject_area"
TOTAL_SUBJECT: Final = "total"
"""The subject value EES gives the all-subjects row (compared ignoring case)."""
SHARE_IDS: Final = {
    "enrolments": "enrolments_share",
    "apprenticeship_starts": "apprenticeship_starts_share",
}
CHANGE_IDS: Final = {
    "enrolments": "enrolments_change",
    "apprenticeship_starts": "apprenticeship_starts_change",
}


def _counts(rows: pl.LazyFrame) -> pl.LazyFrame:
    """One count per measure, year, area and subject; ``all`` for the total of subjects."""
    keys = ["measure", "academic_year", "year", AREA_CODE, AREA_NAME]
    is_total = pl.col(SUBJECT).str.to_lowercase() == TOTAL_SUBJECT
    subjects = (
        rows.filter(~is_total)
        .group_by(*keys, SUBJECT)
        .agg(
            pl.when(pl.col("value").is_null().any())
            .then(None)
            .otherwise(pl.col("value").sum())
            .alias("value"),
            pl.col("symbol").drop_nulls().first().alias("symbol"),
        )
    )
    given = rows.filter(is_total).group_by(keys).agg(pl.col("value").sum().alias("_given"))
    summed = subjects.group_by(keys).agg(pl.col("value").sum().alias("_summed"))
    totals = summed.join(given, on=keys, how="left").select(
        *keys,
        pl.lit("all").alias(SUBJECT),
        pl.coalesce("_given", "_summed").alias("value"),
        pl.lit(None, dtype=pl.String).alias("symbol"),
    )
    return pl.concat([subjects, totals], how="diagonal_relaxed")


def skills_measures(rows: pl.LazyFrame, *, base_year: int | None = None) -> pl.LazyFrame:
    """Counts, shares and changes since the base year, as published rows.

    Args:
        rows: canonical enrolments rows (both measures may be mixed).
        base_year: the academic year's first calendar year the change is measured from
            (2018 for 2018/19); the earliest year in the file when None.
    """
    counts = _counts(rows)
    keys = ["measure", "year", AREA_CODE]
    totals = counts.filter(pl.col(SUBJECT) == "all").select(*keys, pl.col("value").alias("_all"))
    base = (
        counts.group_by("measure", AREA_CODE).agg(pl.col("year").min().alias("_base"))
        if base_year is None
        else counts.select("measure", AREA_CODE)
        .unique()
        .with_columns(pl.lit(base_year).alias("_base"))
    )
    then = (
        counts.join(base, on=["measure", AREA_CODE])
        .filter(pl.col("year") == pl.col("_base"))
        .select(
            "measure",
            AREA_CODE,
            SUBJECT,
            pl.col("value").alias("_then"),
            pl.col("academic_year").alias("_base_label"),
        )
    )
    framed = counts.with_columns(
        pl.col("academic_year").alias(PERIOD),
        pl.when(pl.col(SUBJECT) == "all")
        .then(pl.lit("total"))
        .otherwise(pl.lit(SUBJECT))
        .alias(BREAKDOWN),
        pl.col(SUBJECT).alias(BREAKDOWN_VALUE),
    )
    count_rows = framed.select(
        PERIOD,
        AREA_CODE,
        AREA_NAME,
        BREAKDOWN,
        BREAKDOWN_VALUE,
        pl.col("measure").alias(MEASURE_ID),
        pl.col("value").alias(NUMERATOR),
        pl.col("value").alias(VALUE),
        pl.col("symbol").alias(SYMBOL),
    )
    share_rows = (
        framed.filter(pl.col(SUBJECT) != "all")
        .join(totals, on=keys, how="left")
        .select(
            PERIOD,
            AREA_CODE,
            AREA_NAME,
            BREAKDOWN,
            BREAKDOWN_VALUE,
            pl.col("measure").replace_strict(SHARE_IDS).alias(MEASURE_ID),
            pl.col("value").alias(NUMERATOR),
            pl.col("_all").alias(DENOMINATOR),
            (pl.col("value") / pl.col("_all")).alias(VALUE),
            pl.col("symbol").alias(SYMBOL),
        )
    )
    change = pl.col("value") - pl.col("_then")
    change_rows = (
        framed.join(then, on=["measure", AREA_CODE, SUBJECT], how="inner")
        .filter(pl.col(PERIOD) != pl.col("_base_label"))
        .select(
            pl.format("{} to {}", pl.col("_base_label"), pl.col(PERIOD)).alias(PERIOD),
            AREA_CODE,
            AREA_NAME,
            BREAKDOWN,
            BREAKDOWN_VALUE,
            pl.col("measure").replace_strict(CHANGE_IDS).alias(MEASURE_ID),
            change.alias(NUMERATOR),
            pl.col("_then").alias(DENOMINATOR),
            (change / pl.col("_then")).alias(VALUE),
        )
    )
    return published(
        pl.concat([count_rows, share_rows, change_rows], how="diagonal_relaxed"),
        names=NAMES,
        units=UNITS,
        polarities=POLARITIES,
    )
