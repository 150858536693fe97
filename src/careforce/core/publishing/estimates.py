"""Publishing the whole-sector estimates: catalogue names, disclosure control, and the
published table's columns."""

from __future__ import annotations

import polars as pl

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.estimates.tables import COUNT_COLUMN, COVERAGE_LOCATIONS, COVERAGE_POSTS
from careforce.core.publishing.publish import catalogue_columns
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    COMPARATOR_NAME,
    COMPARATOR_VALUE,
    COMPARISON,
    DENOMINATOR,
    LOWER,
    MEASURE_ID,
    NUMERATOR,
    PERIOD,
    PUBLISHED_COLUMNS,
    SYMBOL,
    UPPER,
    VALUE,
    Comparison,
    Symbol,
    Unit,
)

SHARES_FROM_ROUNDED = (COVERAGE_LOCATIONS, COVERAGE_POSTS)
"""Shares published as rounded numerator ÷ rounded denominator."""


def _rounded(column: str, base: int) -> pl.Expr:
    return ((pl.col(column) / base).round(0) * base).alias(column)


def publish_estimates(
    rows: pl.DataFrame,
    *,
    period: str,
    area_names: dict[str, str],
    policy: DisclosurePolicy,
    unsuppressed: bool = False,
) -> pl.DataFrame:
    """The estimates' rows as published measure rows.

    A cell built on fewer than ``policy.min_workplaces`` locations and workplaces is withheld
    (``[c]``). Estimated posts and vacancies, and their intervals (not a rate's), are rounded to
    ``policy.rounding_base``; a share's value is worked out from its rounded numerator and
    denominator. Counts of locations are not rounded: the register is public.
    """
    table = rows.join(catalogue_columns(), on="measure_id", how="left").with_columns(
        pl.lit(period).alias(PERIOD),
        pl.col(AREA_CODE).replace_strict(area_names, default=pl.col(AREA_CODE)).alias(AREA_NAME),
        pl.lit(None, dtype=pl.Float64).alias(COMPARATOR_VALUE),
        pl.lit(Comparison.NOT_COMPARED.value).alias(COMPARISON),
        pl.lit(None, dtype=pl.String).alias(SYMBOL),
        pl.lit(None, dtype=pl.String).alias(COMPARATOR_NAME),
    )
    if unsuppressed:
        return table.select(PUBLISHED_COLUMNS)
    base = policy.rounding_base
    posts = pl.col("measure_id") != COVERAGE_LOCATIONS
    withheld = pl.col(COUNT_COLUMN) < policy.min_workplaces
    counts = posts & (pl.col("unit") == Unit.COUNT.value)
    table = table.with_columns(
        *(
            pl.when(posts).then(_rounded(c, base)).otherwise(pl.col(c)).alias(c)
            for c in (NUMERATOR, DENOMINATOR)
        ),
        # A rate's interval is a rate, not a count of posts: rounded as the rate is (not at all).
        *(
            pl.when(counts).then(_rounded(c, base)).otherwise(pl.col(c)).alias(c)
            for c in (LOWER, UPPER)
        ),
    ).with_columns(
        pl.when(pl.col("unit") == Unit.COUNT.value)
        .then(pl.col(NUMERATOR))
        .when(pl.col(MEASURE_ID).is_in(SHARES_FROM_ROUNDED) & (pl.col(DENOMINATOR) > 0))
        .then(pl.col(NUMERATOR) / pl.col(DENOMINATOR))
        .otherwise(pl.col(VALUE))
        .alias(VALUE)
    )
    return table.with_columns(
        *(
            pl.when(withheld).then(None).otherwise(pl.col(c)).alias(c)
            for c in (NUMERATOR, DENOMINATOR, VALUE, LOWER, UPPER)
        ),
        pl.when(withheld)
        .then(pl.lit(Symbol.CONFIDENTIAL.value))
        .otherwise(pl.col(SYMBOL))
        .alias(SYMBOL),
    ).select(PUBLISHED_COLUMNS)
