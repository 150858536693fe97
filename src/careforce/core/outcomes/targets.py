"""Progress from the baseline to a target, and whether the target is met."""

from __future__ import annotations

import polars as pl

from careforce.core.outcomes.columns import TargetStatus
from careforce.core.vocab.published import Polarity


def progress_to_target(value: pl.Expr, baseline: pl.Expr, target: pl.Expr) -> pl.Expr:
    """Share of the way from the baseline to the target: 0 at the baseline, 1 at the target.

    Above 1 the target is passed; below 0 the value moved away from it. Null without a target,
    a value or a baseline, or when the target equals the baseline.
    """
    distance = target - baseline
    return (
        pl.when(value.is_null() | baseline.is_null() | distance.is_null() | (distance == 0))
        .then(pl.lit(None, dtype=pl.Float64))
        .when(value == baseline)
        .then(pl.lit(0.0))  # not -0.0 when the target is below the baseline
        .otherwise((value - baseline) / distance)
    )


def _towards_target(baseline: pl.Expr, target: pl.Expr, polarity: pl.Expr) -> pl.Expr:
    """+1 when reaching the target means going up, -1 down, null when unknown.

    From the baseline when there is one and it differs from the target, else from polarity.
    """
    return (
        pl.when(baseline.is_not_null() & (target > baseline))
        .then(pl.lit(1))
        .when(baseline.is_not_null() & (target < baseline))
        .then(pl.lit(-1))
        .when(polarity == Polarity.HIGH_IS_GOOD.value)
        .then(pl.lit(1))
        .when(polarity == Polarity.LOW_IS_GOOD.value)
        .then(pl.lit(-1))
        .otherwise(pl.lit(None, dtype=pl.Int32))
    )


def target_status(value: pl.Expr, baseline: pl.Expr, target: pl.Expr, polarity: pl.Expr) -> pl.Expr:
    """``met`` when the value has reached or passed the target in the direction of travel,
    ``not yet met`` otherwise; ``no target`` or ``cannot be calculated`` when it cannot be said."""
    towards = _towards_target(baseline, target, polarity)
    return (
        pl.when(target.is_null())
        .then(pl.lit(TargetStatus.NO_TARGET.value))
        .when(value.is_null() | towards.is_null())
        .then(pl.lit(TargetStatus.CANNOT_BE_CALCULATED.value))
        .when(towards * (value - target) >= 0)
        .then(pl.lit(TargetStatus.MET.value))
        .otherwise(pl.lit(TargetStatus.NOT_YET_MET.value))
    )
