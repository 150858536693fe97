"""The indicator results on a chosen base: the estimated whole sector where the results hold
it, else the returns alone, each row saying which (see :mod:`careforce.core.vocab.bases`)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

import polars as pl

from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import BASE_COLUMN, ESTIMATED_COUNTERPARTS, Base, base_label

CELL_KEYS: Final = (pub.MEASURE_ID, pub.PERIOD, pub.AREA_CODE, pub.BREAKDOWN, pub.BREAKDOWN_VALUE)
"""Columns naming one published cell."""


def indicators_on_base(
    indicators: pl.LazyFrame, *, base: Base, unlabelled: Collection[str] = ()
) -> pl.LazyFrame:
    """The indicator results with a ``base`` column, on the base asked for.

    On the estimated base, each cell of a measure of the returns that has a whole-sector
    counterpart for the same period, area and breakdown (``turnover_rate`` and
    ``turnover_rate_weighted``) takes the counterpart's figures, labelled ``estimated for the
    whole sector``; every other row of the returns is labelled ``returns only``. On the returned
    base nothing is replaced. The counterparts' own rows are kept under their own ids either
    way. The ``unlabelled`` measures (the workforce survey's: what staff and providers
    answered) are of neither base, and their rows carry no label.
    """
    returned = indicators.with_columns(
        pl.when(pl.col(pub.MEASURE_ID).is_in(sorted(unlabelled)))
        .then(None)
        .otherwise(pl.lit(base_label(Base.RETURNED)))
        .alias(BASE_COLUMN)
    )
    if base is Base.RETURNED:
        return returned
    back = {estimate: measure for measure, estimate in ESTIMATED_COUNTERPARTS.items()}
    estimated = indicators.filter(pl.col(pub.MEASURE_ID).is_in(list(back))).with_columns(
        pl.col(pub.MEASURE_ID).replace_strict(back, return_dtype=pl.String),
        pl.lit(base_label(Base.ESTIMATED)).alias(BASE_COLUMN),
    )
    replaced = returned.join(estimated.select(CELL_KEYS), on=list(CELL_KEYS), how="anti")
    return pl.concat([estimated, replaced])
