"""Hourly pay of the estimated whole sector: the returns' hourly-paid staff records weighted to
the estimated workforce by service group and size band.

Every location and unregistered workplace falls in a cell of its area, service group and size
band; the cell weighs its estimated filled posts (returned or estimated). Each hourly-paid staff
record of a returned workplace in the cell carries the cell's posts ÷ the cell's hourly-paid
records, so a cell whose workplaces rarely return counts as much as its estimated workforce.
Cells with no hourly-paid record are left out of the figure (the posts they hold are not in the
denominator). The unweighted figures of the returns alone stay ``hourly_pay_mean`` and
``hourly_pay_median``.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.estimates.columns import (
    AREA_CODE,
    ESTABLISHMENT_ID,
    FILLED_POSTS,
    SERVICE_GROUP,
    SNAPSHOT,
    WORKPLACE_REF,
)
from careforce.core.estimates.estimate import SIZE_BAND, Estimates, size_band
from careforce.core.estimates.tables import COUNT_COLUMN, LEVELS, NOT_KNOWN, ROW_SCHEMA
from careforce.core.vocab.published import (
    BREAKDOWN,
    BREAKDOWN_VALUE,
    DENOMINATOR,
    MEASURE_ID,
    NUMERATOR,
    VALUE,
)

HOURLY_PAY_MEAN_WEIGHTED: Final = "hourly_pay_mean_weighted"
"""Measure id: mean hourly pay of the estimated whole sector."""
HOURLY_PAY_MEDIAN_WEIGHTED: Final = "hourly_pay_median_weighted"
"""Measure id: median hourly pay of the estimated whole sector."""
HOURLY_RATE: Final = "hourly_rate"
"""Column of the pay records: a staff record's hourly rate (pounds)."""
WEIGHT: Final = "weight"
"""Column: the estimated filled posts a pay record stands for."""

_CELL: Final = (AREA_CODE, SERVICE_GROUP, SIZE_BAND)


def estimated_workplaces(estimates: Estimates) -> pl.DataFrame:
    """Every location and unregistered workplace: its cell, posts and the return it has."""
    located = estimates.locations.select(
        pl.col(AREA_CODE).cast(pl.String),
        pl.col(SERVICE_GROUP).cast(pl.String).fill_null(NOT_KNOWN),
        pl.col(FILLED_POSTS).cast(pl.Float64),
        pl.col(WORKPLACE_REF).cast(pl.String).alias(ESTABLISHMENT_ID),
        pl.col(SNAPSHOT).cast(pl.Int64),
    )
    unregistered = estimates.unregistered.select(
        pl.col(AREA_CODE).cast(pl.String),
        pl.col(SERVICE_GROUP).cast(pl.String).fill_null(NOT_KNOWN),
        pl.col(FILLED_POSTS).cast(pl.Float64),
        pl.col(ESTABLISHMENT_ID).cast(pl.String),
        pl.col(SNAPSHOT).cast(pl.Int64),
    )
    return pl.concat([located, unregistered]).with_columns(
        size_band(pl.col(FILLED_POSTS)).alias(SIZE_BAND)
    )


def weighted_pay_records(estimates: Estimates, pay: pl.DataFrame) -> pl.DataFrame:
    """Each hourly-paid staff record of a returned workplace with its cell and weight.

    Args:
        estimates: the run's estimates.
        pay: one row per staff record: ``establishment_id``, ``snapshot``, ``hourly_rate``.
    """
    places = estimated_workplaces(estimates)
    weights = places.group_by(_CELL).agg(pl.col(FILLED_POSTS).sum().alias("_posts"))
    paid = (
        pay.filter(pl.col(HOURLY_RATE).is_not_null())
        .select(
            pl.col(ESTABLISHMENT_ID).cast(pl.String),
            pl.col(SNAPSHOT).cast(pl.Int64),
            pl.col(HOURLY_RATE).cast(pl.Float64),
        )
        .join(
            places.filter(pl.col(ESTABLISHMENT_ID).is_not_null()).select(
                ESTABLISHMENT_ID, SNAPSHOT, *_CELL
            ),
            on=[ESTABLISHMENT_ID, SNAPSHOT],
            how="inner",
        )
    )
    return (
        paid.join(weights, on=list(_CELL), how="inner")
        .with_columns((pl.col("_posts") / pl.len().over(_CELL)).cast(pl.Float64).alias(WEIGHT))
        .drop("_posts")
    )


def _weighted_median(values: pl.Expr, weights: pl.Expr) -> pl.Expr:
    """The smallest value whose cumulative weight reaches half the total weight."""
    order = values.arg_sort()
    sorted_values = values.gather(order)
    cumulative = weights.gather(order).cum_sum()
    return sorted_values.filter(cumulative >= cumulative.max() / 2).first()


def weighted_pay_rows(estimates: Estimates, pay: pl.DataFrame) -> pl.DataFrame:
    """Mean and median hourly pay of the estimated whole sector by area, total and service
    group (:data:`~careforce.core.estimates.tables.ROW_SCHEMA`, unrounded)."""
    records = weighted_pay_records(estimates, pay)
    if records.is_empty():
        return pl.DataFrame(schema=ROW_SCHEMA)
    parts = []
    for breakdown, by in LEVELS:
        groups = [AREA_CODE] if by is None else [AREA_CODE, by]
        value = pl.lit("all") if by is None else pl.col(by)
        aggregated = records.group_by(groups).agg(
            (pl.col(HOURLY_RATE) * pl.col(WEIGHT)).sum().alias("_weighted"),
            pl.col(WEIGHT).sum().alias("_weight"),
            _weighted_median(pl.col(HOURLY_RATE), pl.col(WEIGHT)).alias("_median"),
            pl.struct(ESTABLISHMENT_ID, SNAPSHOT).n_unique().cast(pl.Int64).alias(COUNT_COLUMN),
        )
        cell = [pl.col(AREA_CODE), pl.lit(breakdown).alias(BREAKDOWN), value.alias(BREAKDOWN_VALUE)]
        parts.append(
            aggregated.select(
                pl.lit(HOURLY_PAY_MEAN_WEIGHTED).alias(MEASURE_ID),
                *cell,
                pl.col("_weighted").alias(NUMERATOR),
                pl.col("_weight").alias(DENOMINATOR),
                (pl.col("_weighted") / pl.col("_weight")).alias(VALUE),
                COUNT_COLUMN,
            )
        )
        parts.append(
            aggregated.select(
                pl.lit(HOURLY_PAY_MEDIAN_WEIGHTED).alias(MEASURE_ID),
                *cell,
                pl.col("_median").alias(VALUE),
                COUNT_COLUMN,
            )
        )
    return pl.concat([p.match_to_schema(ROW_SCHEMA, missing_columns="insert") for p in parts]).sort(
        MEASURE_ID, AREA_CODE, pl.col(BREAKDOWN) != "total", BREAKDOWN_VALUE
    )
