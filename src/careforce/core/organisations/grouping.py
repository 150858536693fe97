"""Grouping the workplaces of an ASC-WDS file set into the organisations that run them.

Local authority workplaces belong to the council; workplaces with a CQC provider ID belong to
that provider; any other workplace is taken to be an organisation of its own.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.groups import Sector

GROUP_KEY: Final = "group_key"
"""Column: identifies the organisation a workplace belongs to within the file set."""
GROUP_NAME: Final = "group_name"
"""Column: the organisation's name."""
GROUP_KIND: Final = "group_kind"
"""Column: ``council`` or ``provider``."""
COUNCIL_KEY: Final = "council"
"""Group key of the council's own workplaces."""
NAME_SEPARATOR: Final = " - "
"""Workplace names often read '<provider> - <workplace>'; the part before is the provider's name."""


def group_by_provider(establishments: pl.LazyFrame, *, council_name: str) -> pl.LazyFrame:
    """One row per workplace with the organisation it belongs to.

    Args:
        establishments: a canonical ``establishments`` frame.
        council_name: the name to give the council's group.

    Returns:
        ``establishment_id``, ``group_key``, ``group_name`` and ``group_kind``.
    """
    name = pl.col(E.NAME).fill_null(pl.col(E.ESTABLISHMENT_ID))
    council = pl.col(E.SECTOR).cast(pl.String) == Sector.LOCAL_AUTHORITY.value
    provider = pl.col(E.PROVIDER_ID)
    key = (
        pl.when(council.fill_null(False))
        .then(pl.lit(COUNCIL_KEY))
        .when(provider.is_not_null() & (provider != ""))
        .then(pl.format("cqc:{}", provider))
        .otherwise(pl.format("workplace:{}", pl.col(E.ESTABLISHMENT_ID)))
    )
    prefix = (
        pl.when(name.str.contains(NAME_SEPARATOR, literal=True))
        .then(name.str.split(NAME_SEPARATOR).list.first())
        .otherwise(None)
    )
    keyed = establishments.select(
        pl.col(E.ESTABLISHMENT_ID),
        key.alias(GROUP_KEY),
        name.alias("_name"),
        prefix.alias("_prefix"),
    )
    names = (
        keyed.group_by(GROUP_KEY)
        .agg(
            pl.col("_prefix").null_count().alias("_missing"),
            pl.col("_prefix").n_unique().alias("_prefixes"),
            pl.col("_prefix").drop_nulls().first().alias("_common"),
            pl.col("_name").min().alias("_first"),
        )
        .select(
            GROUP_KEY,
            pl.when(pl.col(GROUP_KEY) == COUNCIL_KEY)
            .then(pl.lit(council_name))
            .when((pl.col("_missing") == 0) & (pl.col("_prefixes") == 1))
            .then(pl.col("_common"))
            .otherwise(pl.col("_first"))
            .alias(GROUP_NAME),
        )
    )
    return (
        keyed.join(names, on=GROUP_KEY, how="left")
        .select(
            E.ESTABLISHMENT_ID,
            GROUP_KEY,
            GROUP_NAME,
            pl.when(pl.col(GROUP_KEY) == COUNCIL_KEY)
            .then(pl.lit("council"))
            .otherwise(pl.lit("provider"))
            .alias(GROUP_KIND),
        )
        .sort(E.ESTABLISHMENT_ID)
    )
