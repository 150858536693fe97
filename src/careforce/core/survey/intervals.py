"""Wilson score intervals for (weighted) shares of survey respondents.

With weights the interval uses Kish's effective sample size in place of the number of
respondents, so unequal weights widen it; unweighted, it is the usual Wilson interval.
"""

from __future__ import annotations

from typing import Final

import polars as pl

Z_95: Final = 1.959963984540054
"""Two-sided 95% point of the standard normal distribution."""


def effective_n(weight: pl.Expr) -> pl.Expr:
    """Kish's effective sample size of a group of weights, (Σw)² / Σw² (an aggregation)."""
    return (weight.sum() ** 2 / (weight**2).sum()).fill_nan(None)


def wilson_limits(share: pl.Expr, n: pl.Expr, *, z: float = Z_95) -> tuple[pl.Expr, pl.Expr]:
    """Lower and upper limits of the Wilson score interval of a share from ``n`` respondents.

    Args:
        share: the (weighted) share, a fraction.
        n: the number of respondents, or the effective sample size when weighted.
        z: the standard normal point of the interval (95% by default).
    """
    n = n.cast(pl.Float64)
    centre = share + z * z / (2 * n)
    spread = z * ((share * (1 - share) + z * z / (4 * n)) / n).sqrt()
    scale = 1 + z * z / n
    return tuple(  # type: ignore[return-value]
        pl.when(n > 0).then(((centre + sign * spread) / scale).clip(0.0, 1.0)).otherwise(None)
        for sign in (-1.0, 1.0)
    )
