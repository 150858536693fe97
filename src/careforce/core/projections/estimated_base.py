"""The base workforce of a projection from the whole-sector estimates, when the measures hold
them: projections of returns alone would start from the part of the sector that returned."""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.vocab import published as pub

ESTIMATE_OF: Final = {
    "filled_posts": "filled_posts_estimate",
    "vacancies": "vacancies_estimate",
}
"""The whole-sector estimate standing for each base measure of the returns."""
_CELL: Final = (pub.PERIOD, pub.AREA_CODE, pub.BREAKDOWN, pub.BREAKDOWN_VALUE)


def with_estimated_base(rows: pl.DataFrame) -> tuple[pl.DataFrame, bool]:
    """The measures with each base measure's rows replaced by its estimate's wherever the
    estimate has a value for the same period, area and breakdown; and whether any was.

    A filled-posts estimate is used only together with its vacancies estimate, so the base is
    never half returns and half estimate. The base measures of periods after the latest estimate
    are dropped, so the base period is the latest estimated one, not a later year of returns
    alone (the estimates are for the period a CQC register describes).
    """
    estimates = rows.filter(
        pl.col(pub.MEASURE_ID).is_in(list(ESTIMATE_OF.values()))
        & pl.col(pub.VALUE).is_not_null()
        & (pl.col(pub.VALUE).cast(pl.String) != "")
    )
    complete = (
        estimates.group_by(_CELL)
        .agg(pl.col(pub.MEASURE_ID).n_unique().alias("_measures"))
        .filter(pl.col("_measures") == len(ESTIMATE_OF))
        .select(_CELL)
    )
    if complete.is_empty():
        return rows, False
    keyed = rows.join(
        complete.with_columns(pl.lit(True).alias("_estimated")),
        on=list(_CELL),
        how="left",
        nulls_equal=True,
    )
    estimated = keyed["_estimated"].fill_null(False)
    measure = keyed[pub.MEASURE_ID]
    drop = estimated & measure.is_in(list(ESTIMATE_OF))
    rename = {estimate: base for base, estimate in ESTIMATE_OF.items()}
    kept = keyed.filter(~drop).with_columns(
        pl.when(pl.col("_estimated").fill_null(False))
        .then(pl.col(pub.MEASURE_ID).replace(rename))
        .otherwise(pl.col(pub.MEASURE_ID))
        .alias(pub.MEASURE_ID)
    )
    latest = complete.get_column(pub.PERIOD).max()
    return (
        kept.filter(
            ~pl.col(pub.MEASURE_ID).is_in(list(ESTIMATE_OF)) | (pl.col(pub.PERIOD) <= latest)
        )
        .drop("_estimated")
        .select(rows.columns),
        True,
    )
