"""Online job adverts (ONS, Textkernel data) as published rows: new adverts by area and period,
in total and by occupation (SOC 2020)."""

from __future__ import annotations

import polars as pl

from careforce.core.labour.catalogue import NAMES, POLARITIES, UNITS
from careforce.core.labour.rows import published
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    MEASURE_ID,
    NUMERATOR,
    PERIOD,
    SYMBOL,
    VALUE,
)


def advert_measures(rows: pl.LazyFrame) -> pl.LazyFrame:
    """``online_job_adverts`` rows: the tables' cells, an area without a code (London's region
    row) named by its name; several rows of one cell (the same area, occupation and period in
    two tables) are counted once."""
    return published(
        rows.select(
            pl.lit("online_job_adverts").alias(MEASURE_ID),
            pl.col("period").alias(PERIOD),
            pl.when(pl.col("area_code") != "")
            .then(pl.col("area_code"))
            .otherwise(pl.col("area_name"))
            .alias(AREA_CODE),
            pl.col("area_name").alias(AREA_NAME),
            pl.when(pl.col("occupation").is_null())
            .then(pl.lit("total"))
            .otherwise(pl.lit("occupation"))
            .alias(BREAKDOWN),
            pl.col("occupation").fill_null("all").alias(BREAKDOWN_VALUE),
            pl.col("value").alias(NUMERATOR),
            pl.col("value").alias(VALUE),
            pl.col("symbol").alias(SYMBOL),
        ).unique(
            [PERIOD, AREA_CODE, BREAKDOWN, BREAKDOWN_VALUE], keep="first", maintain_order=True
        ),
        names=NAMES,
        units=UNITS,
        polarities=POLARITIES,
    )
