"""Confidence intervals for proportions, counts, rates and means (95% by default)."""

from __future__ import annotations

import polars as pl

from careforce.core.intervals import Z_95, wilson_limits


def wilson_lower(successes: pl.Expr, trials: pl.Expr, *, z: float = Z_95) -> pl.Expr:
    """Lower limit of the Wilson score interval for a proportion (Fingertips method)."""
    return wilson_limits(successes / trials, trials, z=z)[0]


def wilson_upper(successes: pl.Expr, trials: pl.Expr, *, z: float = Z_95) -> pl.Expr:
    """Upper limit of the Wilson score interval for a proportion."""
    return wilson_limits(successes / trials, trials, z=z)[1]


def byar_lower(count: pl.Expr, *, z: float = Z_95) -> pl.Expr:
    """Lower limit of a Poisson count by Byar's method (0 for a count of 0)."""
    k = count.cast(pl.Float64)
    limit = k * (1 - 1 / (9 * k) - z / (3 * k.sqrt())) ** 3
    return pl.when(k > 0).then(limit.clip(0.0, None)).when(k == 0).then(0.0).otherwise(None)


def byar_upper(count: pl.Expr, *, z: float = Z_95) -> pl.Expr:
    """Upper limit of a Poisson count by Byar's method."""
    k1 = count.cast(pl.Float64) + 1
    limit = k1 * (1 - 1 / (9 * k1) + z / (3 * k1.sqrt())) ** 3
    return pl.when(count >= 0).then(limit).otherwise(None)


def mean_lower(mean: pl.Expr, std: pl.Expr, n: pl.Expr, *, z: float = Z_95) -> pl.Expr:
    """Lower limit of a normal-approximation interval for a mean."""
    return pl.when(n > 1).then(mean - z * std / n.cast(pl.Float64).sqrt()).otherwise(None)


def mean_upper(mean: pl.Expr, std: pl.Expr, n: pl.Expr, *, z: float = Z_95) -> pl.Expr:
    """Upper limit of a normal-approximation interval for a mean."""
    return pl.when(n > 1).then(mean + z * std / n.cast(pl.Float64).sqrt()).otherwise(None)


def median_rank_bounds(n: pl.Expr, *, z: float = Z_95) -> tuple[pl.Expr, pl.Expr]:
    """0-based ranks of the order statistics bounding a distribution-free interval for a median."""
    half = n.cast(pl.Float64) / 2
    spread = z * n.cast(pl.Float64).sqrt() / 2
    # 1-based ranks: floor(n/2 - z·√n/2) and ceil(1 + n/2 + z·√n/2), kept within 1..n.
    lower = (half - spread).floor().clip(1, None) - 1
    upper = (half + spread + 1).ceil().clip(None, n.cast(pl.Float64)) - 1
    return lower.cast(pl.Int64), upper.cast(pl.Int64)
