"""The Wilson score interval of the weighted rates of the estimated whole sector.

The estimates domain depends only on vocab and configuration (the import contract), so it
states the interval the indicators publish for proportions (Wilson, 95%) itself.
"""

from __future__ import annotations

from typing import Final

import polars as pl

Z_95: Final = 1.959963984540054
"""Two-sided 95% point of the standard normal distribution."""


def wilson_limits(rate: pl.Expr, n: pl.Expr, *, z: float = Z_95) -> tuple[pl.Expr, pl.Expr]:
    """Lower and upper limits of the Wilson score interval of a rate observed on ``n``."""
    n = n.cast(pl.Float64)
    centre = rate + z * z / (2 * n)
    spread = z * ((rate * (1 - rate) + z * z / (4 * n)) / n).sqrt()
    scale = 1 + z * z / n
    lower, upper = (
        pl.when(n > 0).then(((centre + sign * spread) / scale).clip(0.0, 1.0)).otherwise(None)
        for sign in (-1.0, 1.0)
    )
    return lower, upper
