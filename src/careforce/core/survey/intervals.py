"""Wilson score intervals for (weighted) shares of survey respondents.

With weights the interval uses Kish's effective sample size in place of the number of
respondents, so unequal weights widen it; unweighted, it is the usual Wilson interval.
"""

from __future__ import annotations

import polars as pl


def effective_n(weight: pl.Expr) -> pl.Expr:
    """Kish's effective sample size of a group of weights, (Σw)² / Σw² (an aggregation)."""
    return (weight.sum() ** 2 / (weight**2).sum()).fill_nan(None)
