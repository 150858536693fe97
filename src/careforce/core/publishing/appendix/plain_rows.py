"""Rows of the published table for results that have no interval, comparator or disclosure
symbol (projection results, population), so that the appendix cites them as any measure."""

from __future__ import annotations

import polars as pl

from careforce.core.vocab import published as pub
from careforce.core.vocab.published import Comparison, Polarity, Unit


def plain_rows(
    frame: pl.DataFrame,
    *,
    measure: str,
    name: str,
    period: pl.Expr,
    area: tuple[pl.Expr, pl.Expr],
    breakdown: str,
    breakdown_value: pl.Expr,
    value: pl.Expr,
    unit: Unit,
) -> pl.DataFrame:
    """One published row per row of ``frame``: no numerator, denominator, interval,
    comparator or symbol; no judgement.

    Args:
        frame: The results.
        measure: Measure id.
        name: Measure name.
        period: The period of each row (text).
        area: The area code and name of each row.
        breakdown: The breakdown.
        breakdown_value: The breakdown value of each row.
        value: The value of each row.
        unit: Unit of the values.
    """
    return frame.select(
        pl.lit(measure).alias(pub.MEASURE_ID),
        pl.lit(name).alias(pub.MEASURE_NAME),
        period.alias(pub.PERIOD),
        area[0].alias(pub.AREA_CODE),
        area[1].alias(pub.AREA_NAME),
        pl.lit(breakdown).alias(pub.BREAKDOWN),
        breakdown_value.cast(pl.String).alias(pub.BREAKDOWN_VALUE),
        pl.lit(None, dtype=pl.Float64).alias(pub.NUMERATOR),
        pl.lit(None, dtype=pl.Float64).alias(pub.DENOMINATOR),
        value.cast(pl.Float64).alias(pub.VALUE),
        pl.lit(None, dtype=pl.Float64).alias(pub.LOWER),
        pl.lit(None, dtype=pl.Float64).alias(pub.UPPER),
        pl.lit(unit.value).alias(pub.UNIT),
        pl.lit(Polarity.NO_JUDGEMENT.value).alias(pub.POLARITY),
        pl.lit(None, dtype=pl.Float64).alias(pub.COMPARATOR_VALUE),
        pl.lit(Comparison.NOT_COMPARED.value).alias(pub.COMPARISON),
        pl.lit(None, dtype=pl.String).alias(pub.SYMBOL),
        pl.lit(None, dtype=pl.String).alias(pub.COMPARATOR_NAME),
    ).select(pub.PUBLISHED_COLUMNS)
