"""Whether a change between two values is statistically meaningful, and its direction.

The indicator results give 95% confidence intervals (Wilson for proportions, Byar for counts
and rates, normal for means, order statistics for medians). A change between two values is
judged as follows:

- both values have intervals: a z-test on the difference, each standard error taken from its
  interval's width (the framework may ask for the stricter "intervals do not overlap" instead);
- only one has an interval: the other value lies outside it (the Fingertips comparison);
- neither has: not tested, unless the source is exact (complete counts with no sampling error),
  in which case any difference is real.
"""

from __future__ import annotations

import polars as pl

from careforce.core.intervals import Z_95
from careforce.core.outcomes.columns import Direction
from careforce.core.outcomes.framework import SignificanceTest
from careforce.core.vocab.published import Polarity


def standard_error(lower: pl.Expr, upper: pl.Expr) -> pl.Expr:
    """Standard error implied by a symmetric 95% interval: its width over 2 × 1.96."""
    return (upper - lower) / (2 * Z_95)


def significant_change(
    *,
    value: pl.Expr,
    lower: pl.Expr,
    upper: pl.Expr,
    reference: pl.Expr,
    reference_lower: pl.Expr,
    reference_upper: pl.Expr,
    exact: pl.Expr,
    test: SignificanceTest,
) -> pl.Expr:
    """True when the change from ``reference`` to ``value`` is significant at 95%.

    Null when it cannot be tested: a value is missing, or neither has an interval and the
    source is not exact.
    """
    has_interval = lower.is_not_null() & upper.is_not_null()
    reference_has_interval = reference_lower.is_not_null() & reference_upper.is_not_null()
    difference = value - reference
    spread = (
        standard_error(lower, upper).pow(2)
        + standard_error(reference_lower, reference_upper).pow(2)
    ).sqrt()
    if test is SignificanceTest.Z_TEST:
        both = (
            pl.when(spread > 0).then((difference.abs() / spread) > Z_95).otherwise(difference != 0)
        )
    else:
        both = (lower > reference_upper) | (upper < reference_lower)
    return (
        pl.when(value.is_null() | reference.is_null())
        .then(pl.lit(None, dtype=pl.Boolean))
        .when(exact)
        .then(difference != 0)
        .when(has_interval & reference_has_interval)
        .then(both)
        .when(has_interval)
        .then((reference < lower) | (reference > upper))
        .when(reference_has_interval)
        .then((value < reference_lower) | (value > reference_upper))
        .otherwise(pl.lit(None, dtype=pl.Boolean))
    )


def direction(change: pl.Expr, significant: pl.Expr, polarity: pl.Expr) -> pl.Expr:
    """The direction of a change against polarity (see :class:`Direction`).

    Args:
        change: value minus the reference value (null when either is missing).
        significant: from :func:`significant_change`.
        polarity: high-is-good, low-is-good or no-judgement.
    """
    rising = change > 0
    high_good = polarity == Polarity.HIGH_IS_GOOD.value
    low_good = polarity == Polarity.LOW_IS_GOOD.value
    return (
        pl.when(change.is_null() | significant.is_null())
        .then(pl.lit(Direction.CANNOT_BE_CALCULATED.value))
        .when(~significant)
        .then(pl.lit(Direction.NO_SIGNIFICANT_CHANGE.value))
        .when(high_good)
        .then(
            pl.when(rising)
            .then(pl.lit(Direction.IMPROVING.value))
            .otherwise(pl.lit(Direction.WORSENING.value))
        )
        .when(low_good)
        .then(
            pl.when(rising)
            .then(pl.lit(Direction.WORSENING.value))
            .otherwise(pl.lit(Direction.IMPROVING.value))
        )
        .when(rising)
        .then(pl.lit(Direction.INCREASING.value))
        .otherwise(pl.lit(Direction.DECREASING.value))
    )
