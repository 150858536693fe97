"""The trend of every published series over its periods."""

from __future__ import annotations

import polars as pl

from careforce.core.indicators.judgement import MIN_TREND_PERIODS, Trend, trend
from careforce.core.vocab.published import (
    AREA_CODE,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    LOWER,
    MEASURE_ID,
    PERIOD,
    UPPER,
    VALUE,
)

PERIODS = "periods"
"""Column of the trends table: the series' periods, oldest first, separated by ``;``."""
TREND = "trend"
"""Column of the trends table: the judged trend (see :class:`Trend`)."""
TRENDS_SCHEMA = pl.Schema(
    {
        MEASURE_ID: pl.String(),
        AREA_CODE: pl.String(),
        BREAKDOWN: pl.String(),
        BREAKDOWN_VALUE: pl.String(),
        PERIODS: pl.String(),
        TREND: pl.String(),
    }
)
"""Schema of the trends table (``trends.csv``): one row per published series."""


def trends(table: pl.DataFrame) -> pl.DataFrame:
    """The trend of every published series with enough periods (else 'cannot be calculated').

    A series is one measure, area, breakdown and breakdown value of the published table.
    """
    series = (
        table.sort(PERIOD)
        .group_by([MEASURE_ID, AREA_CODE, BREAKDOWN, BREAKDOWN_VALUE], maintain_order=True)
        .agg(pl.col(PERIOD), pl.col(VALUE), pl.col(LOWER), pl.col(UPPER))
    )
    enough = series.select(
        pl.col(VALUE).list.drop_nulls().list.len() >= MIN_TREND_PERIODS
    ).to_series()
    judged = [
        trend(values, lowers, uppers).value if long_enough else Trend.CANNOT_BE_CALCULATED.value
        for values, lowers, uppers, long_enough in zip(
            series[VALUE].to_list(),
            series[LOWER].to_list(),
            series[UPPER].to_list(),
            enough.to_list(),
            strict=True,
        )
    ]
    return series.select(
        MEASURE_ID,
        AREA_CODE,
        BREAKDOWN,
        BREAKDOWN_VALUE,
        pl.col(PERIOD).list.join(";").alias(PERIODS),
        pl.Series(TREND, judged, dtype=pl.String),
    )
