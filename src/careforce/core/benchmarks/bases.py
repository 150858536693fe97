"""The comparison groups on the estimated whole sector: where the published whole-sector
estimates give a rate for the area (or for the workplace's service group in it), the group's
figure is that rate instead of the returns' own, and every row says which base it is on."""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.benchmarks.catalogue import BENCHMARK_MEASURES, Aggregate
from careforce.core.benchmarks.comparison import (
    DENOMINATOR,
    MEASURE_ID,
    NUMERATOR,
    SCOPE,
    STATE,
    VALUE,
    Scope,
)
from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import BASE_COLUMN, ESTIMATED_COUNTERPARTS, Base, base_label

SERVICE_GROUP_BREAKDOWN: Final = "service_group"
"""The breakdown of the published estimates by service group."""


def _estimated(published: pl.LazyFrame, service_group: str | None) -> pl.LazyFrame:
    """The estimated figure of each benchmark measure and comparison scope that has one."""
    counterparts = {
        ESTIMATED_COUNTERPARTS[m.measure_id]: m.id
        for m in BENCHMARK_MEASURES
        if m.aggregate is Aggregate.RATE and m.measure_id in ESTIMATED_COUNTERPARTS
    }
    wanted = published.filter(
        pl.col(pub.MEASURE_ID).is_in(list(counterparts)) & pl.col(pub.VALUE).is_not_null()
    )
    scope = (
        pl.when(pl.col(pub.BREAKDOWN) == pub.TOTAL)
        .then(pl.lit(Scope.AREA.value))
        .when(
            (pl.col(pub.BREAKDOWN) == SERVICE_GROUP_BREAKDOWN)
            & (pl.col(pub.BREAKDOWN_VALUE) == service_group)
        )
        .then(pl.lit(Scope.SAME_SERVICE.value))
    )
    return (
        wanted.with_columns(scope.alias(SCOPE))
        .filter(pl.col(SCOPE).is_not_null())
        .select(
            pl.col(pub.MEASURE_ID).replace_strict(counterparts).alias(MEASURE_ID),
            SCOPE,
            pl.col(pub.VALUE).alias("_value"),
            pl.col(pub.NUMERATOR).alias("_numerator"),
            pl.col(pub.DENOMINATOR).alias("_denominator"),
        )
        .unique(subset=[MEASURE_ID, SCOPE], keep="first")
    )


def on_base(
    rows: pl.LazyFrame,
    published: pl.LazyFrame | None,
    *,
    base: Base,
    service_group: str | None,
) -> pl.LazyFrame:
    """A benchmark's rows on the base asked for, with a ``base`` column.

    Args:
        rows: the benchmark (``comparison.RESULT_SCHEMA``).
        published: the published whole-sector rows of the workplace's area and period (the
            published table's columns), or None when there are none.
        base: the estimated whole sector (comparison groups take the published weighted rates
            where they exist) or the returns alone.
        service_group: the workplace's service group, for the same-service group.
    """
    returned = base_label(Base.RETURNED)
    if base is Base.RETURNED or published is None:
        return rows.with_columns(pl.lit(returned).alias(BASE_COLUMN))
    found = pl.col("_value").is_not_null()
    return (
        rows.join(_estimated(published, service_group), on=[MEASURE_ID, SCOPE], how="left")
        .with_columns(
            pl.coalesce("_value", VALUE).alias(VALUE),
            pl.when(found).then(pl.col("_numerator")).otherwise(pl.col(NUMERATOR)).alias(NUMERATOR),
            pl.when(found)
            .then(pl.col("_denominator"))
            .otherwise(pl.col(DENOMINATOR))
            .alias(DENOMINATOR),
            pl.when(found).then(None).otherwise(pl.col(STATE)).alias(STATE),
            pl.when(found)
            .then(pl.lit(base_label(Base.ESTIMATED)))
            .otherwise(pl.lit(returned))
            .alias(BASE_COLUMN),
        )
        .drop("_value", "_numerator", "_denominator")
    )
