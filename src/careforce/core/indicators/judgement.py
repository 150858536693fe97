"""Comparing a value with its comparator, and judging the trend over periods (Fingertips conventions)."""

from __future__ import annotations

from enum import StrEnum

import polars as pl

from careforce.core.intervals import Z_95
from careforce.core.vocab.published import Comparison, Polarity


class Trend(StrEnum):
    """Direction of a series over periods."""

    INCREASING = "increasing"
    DECREASING = "decreasing"
    NO_SIGNIFICANT_CHANGE = "no significant change"
    CANNOT_BE_CALCULATED = "cannot be calculated"


MIN_TREND_PERIODS = 5
"""Fingertips calculates a trend only from five or more data points."""


def comparison(
    lower: pl.Expr, upper: pl.Expr, value: pl.Expr, comparator: pl.Expr, polarity: pl.Expr
) -> pl.Expr:
    """Compare by interval overlap: similar when the comparator is inside the value's interval.

    Outside it, the value is better or worse according to the polarity, or higher or lower for
    measures with no judgement. Without an interval or a comparator there is no comparison.
    """
    above = lower > comparator
    below = upper < comparator
    high_good = polarity == Polarity.HIGH_IS_GOOD.value
    low_good = polarity == Polarity.LOW_IS_GOOD.value
    missing = lower.is_null() | upper.is_null() | comparator.is_null() | value.is_null()
    return (
        pl.when(missing)
        .then(pl.lit(Comparison.NOT_COMPARED.value))
        .when(~above & ~below)
        .then(pl.lit(Comparison.SIMILAR.value))
        .when(above & high_good)
        .then(pl.lit(Comparison.BETTER.value))
        .when(above & low_good)
        .then(pl.lit(Comparison.WORSE.value))
        .when(below & high_good)
        .then(pl.lit(Comparison.WORSE.value))
        .when(below & low_good)
        .then(pl.lit(Comparison.BETTER.value))
        .when(above)
        .then(pl.lit(Comparison.HIGHER.value))
        .otherwise(pl.lit(Comparison.LOWER.value))
    )


def trend(
    values: list[float | None], lowers: list[float | None], uppers: list[float | None]
) -> Trend:
    """Judge the trend of a series (oldest first) by weighted least squares on the period index.

    Each point is weighted by the inverse variance implied by its 95% interval; the slope is
    significant when its 95% interval excludes zero. Fewer than five usable points: no trend.
    """
    points = [
        (index, value, ((upper - lower) / (2 * Z_95)) ** 2)
        for index, (value, lower, upper) in enumerate(zip(values, lowers, uppers, strict=True))
        if value is not None and lower is not None and upper is not None and upper > lower
    ]
    if len(points) < MIN_TREND_PERIODS:
        return Trend.CANNOT_BE_CALCULATED
    weights = [1 / variance for _, _, variance in points]
    total = sum(weights)
    mean_x = sum(w * x for w, (x, _, _) in zip(weights, points, strict=True)) / total
    mean_y = sum(w * y for w, (_, y, _) in zip(weights, points, strict=True)) / total
    sxx = sum(w * (x - mean_x) ** 2 for w, (x, _, _) in zip(weights, points, strict=True))
    sxy = sum(w * (x - mean_x) * (y - mean_y) for w, (x, y, _) in zip(weights, points, strict=True))
    slope = sxy / sxx
    slope_se = (1 / sxx) ** 0.5
    if slope - Z_95 * slope_se > 0:
        return Trend.INCREASING
    if slope + Z_95 * slope_se < 0:
        return Trend.DECREASING
    return Trend.NO_SIGNIFICANT_CHANGE
