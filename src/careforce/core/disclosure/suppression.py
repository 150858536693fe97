"""Primary and secondary suppression, and rounding, of a tidy table of cells.

Cells that share a *group* (e.g. the same measure, period, area and breakdown) are parts of
one whole whose total is published (as a headline cell or as the parts' common denominator).
If exactly one part of a group were suppressed it could be worked out as the total minus the
other parts, so a second part is suppressed with it.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.vocab.published import SYMBOL, Symbol

SUPPRESSED = "suppressed"
"""Boolean column: the cell's numbers are withheld."""
WORKERS = "workers"
"""Column: number of workers the cell is built on."""
WORKPLACES = "workplaces"
"""Column: number of workplaces the cell is built on."""
MAX_SECONDARY_ROUNDS = 50
"""Secondary suppression over several groupings stops after this many rounds (it converges in a few)."""


def flag_primary_suppression(frame: pl.LazyFrame, *, policy: DisclosurePolicy) -> pl.LazyFrame:
    """Mark cells built on too few workers or too few workplaces."""
    # A cell with no workplace count is one employer's own records (e.g. a council's HR extract):
    # the employer threshold protects employers from each other, so it does not apply there.
    few_places = pl.col(WORKPLACES).is_not_null() & (pl.col(WORKPLACES) < policy.min_workplaces)
    too_small = (pl.col(WORKERS) < policy.min_workers).fill_null(True) | few_places
    return frame.with_columns(too_small.alias(SUPPRESSED))


def flag_secondary_suppression(
    frame: pl.LazyFrame, *, group: Sequence[str], order: Sequence[str]
) -> pl.LazyFrame:
    """Where exactly one part of a group is suppressed, suppress its smallest published part too.

    Args:
        frame: cells with ``workers`` and ``suppressed`` columns.
        group: columns identifying the parts of one whole.
        order: columns that break ties between parts of equal size, so the choice is stable.
    """
    group = list(group)
    suppressed_parts = pl.col(SUPPRESSED).cast(pl.Int32).sum().over(group)
    parts = pl.len().over(group)
    candidate = pl.when(~pl.col(SUPPRESSED)).then(pl.struct(WORKERS, *order))
    smallest = candidate.rank("ordinal").over(group) == 1
    return frame.with_columns(
        (
            pl.col(SUPPRESSED) | ((suppressed_parts == 1) & (parts > 1) & smallest).fill_null(False)
        ).alias(SUPPRESSED)
    )


def rounded(value: pl.Expr, *, base: int) -> pl.Expr:
    """A count rounded to the nearest multiple of ``base`` (halves round up)."""
    if base == 1:
        return value
    return ((value / base) + 0.5).floor() * base


def protect(
    frame: pl.LazyFrame,
    *,
    policy: DisclosurePolicy,
    groups: Sequence[Sequence[str]],
    order: Sequence[str],
    withheld: Sequence[str],
    counts: Sequence[str],
    missing: pl.Expr,
) -> pl.LazyFrame:
    """Apply disclosure control to a tidy table and set each cell's symbol.

    Args:
        frame: cells with ``workers`` and ``workplaces`` columns.
        policy: thresholds and rounding.
        groups: one or more groupings into parts of one whole (for a two-way table, its rows
            and its columns); secondary suppression is repeated over all of them until no
            grouping has a lone suppressed part.
        order: tie-breaking columns for secondary suppression.
        withheld: columns emptied in suppressed cells.
        counts: count columns rounded in published cells (the caller works out published rates
            from the rounded counts).
        missing: true where the cell has no number to publish (shown as ``[x]``).
    """
    protected = flag_primary_suppression(frame, policy=policy).collect()
    for _ in range(MAX_SECONDARY_ROUNDS):
        before = int(protected[SUPPRESSED].sum())
        for group in groups:
            protected = flag_secondary_suppression(
                protected.lazy(), group=group, order=order
            ).collect()
        if int(protected[SUPPRESSED].sum()) == before:
            break
    suppressed = pl.col(SUPPRESSED)
    return (
        protected.lazy()
        .with_columns(
            *(pl.when(suppressed).then(None).otherwise(pl.col(c)).alias(c) for c in withheld),
        )
        .with_columns(
            *(rounded(pl.col(c), base=policy.rounding_base).alias(c) for c in counts),
            pl.when(suppressed)
            .then(pl.lit(Symbol.CONFIDENTIAL.value))
            .when(missing)
            .then(pl.lit(Symbol.NOT_AVAILABLE.value))
            .otherwise(pl.lit(""))
            .alias(SYMBOL),
        )
    )
