"""Disclosure control of survey tables: groups of fewer than 10 respondents are withheld, with
one more group of the same breakdown when a single withheld group could be worked out from the
total."""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.survey import columns as c
from careforce.core.vocab.published import TOTAL

MINIMUM_RESPONDENTS: Final = 10
"""Fewest respondents a published group may have: the survey's promise to respondents (groups
under 10 suppressed), as in the issue setting up the annual survey."""
WITHHELD: Final = (c.CHOSEN, c.SHARE, c.EFFECTIVE_N, c.LOWER, c.UPPER)
"""Cells blanked in a withheld row (the number of respondents stays: it is not an answer)."""


def suppress_small_groups(
    shares: pl.LazyFrame, *, minimum: int = MINIMUM_RESPONDENTS, keys: tuple[str, ...] = ()
) -> pl.LazyFrame:
    """Withhold the answers of groups with fewer than ``minimum`` respondents.

    Primary: every group under the minimum. Secondary: in a breakdown (within ``keys``, e.g.
    the answer option) where exactly one group is withheld, the next smallest group too, so the
    withheld one cannot be worked out by subtracting the others from the total.

    Returns:
        The table with a boolean :data:`~c.SUPPRESSED` column and the withheld cells blank.
    """
    partition = [*keys, c.BREAKDOWN]
    primary = pl.col(c.RESPONDENTS) < minimum
    by_size = pl.col(c.RESPONDENTS).rank("ordinal").over(partition)
    primary_count = primary.sum().over(partition)
    smallest_open = (
        pl.when(~primary).then(pl.col(c.RESPONDENTS)).otherwise(None).min().over(partition)
    )
    secondary = (
        (pl.col(c.BREAKDOWN) != TOTAL)
        & (primary_count == 1)
        & ~primary
        & (pl.col(c.RESPONDENTS) == smallest_open)
    )
    first_secondary = secondary & (
        by_size == pl.when(secondary).then(by_size).otherwise(None).min().over(partition)
    )
    flagged = shares.with_columns((primary | first_secondary).alias(c.SUPPRESSED))
    return flagged.with_columns(
        pl.when(pl.col(c.SUPPRESSED)).then(None).otherwise(pl.col(name)).alias(name)
        for name in WITHHELD
    )
