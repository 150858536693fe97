"""The Wilson score interval of a proportion (95% by default): the one statement of it that
the measures, the whole-sector estimates and the survey analysis all publish."""

from __future__ import annotations

from typing import Final

import polars as pl

Z_95: Final = 1.959963984540054
"""Two-sided 95% point of the standard normal distribution."""


def wilson_limits(share: pl.Expr, n: pl.Expr, *, z: float = Z_95) -> tuple[pl.Expr, pl.Expr]:
    """Lower and upper limits of the Wilson score interval of a share observed on ``n``
    (Fingertips method); None where ``n`` is not positive.

    Args:
        share: the share, a fraction.
        n: the number it is observed on (or an effective sample size, when weighted).
        z: the standard normal point of the interval (95% by default).
    """
    n = n.cast(pl.Float64)
    centre = share + z * z / (2 * n)
    spread = z * ((share * (1 - share) + z * z / (4 * n)) / n).sqrt()
    scale = 1 + z * z / n
    lower, upper = (
        pl.when(n > 0).then(((centre + sign * spread) / scale).clip(0.0, 1.0)).otherwise(None)
        for sign in (-1.0, 1.0)
    )
    return lower, upper
