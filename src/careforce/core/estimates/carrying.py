"""Locations with a return: at the reference date (``returned``), or the nearest returns within
a window on one side (``carried_forward``) or both sides (``interpolated``) of it."""

from __future__ import annotations

import datetime as dt
from typing import Final

import polars as pl

from careforce.core.estimates.columns import (
    ESTABLISHMENT_ID,
    LOCATION_ID,
    REFERENCE_DATE,
    RETURN_COUNTS,
    SECTOR,
    SNAPSHOT,
    SOURCE,
    WORKPLACE_REF,
    Source,
)

RETURN_WINDOW_DAYS: Final = 731
"""A return at most two years from the reference date stands for the location: Skills for Care
carry a workplace's last update forward for two years before treating it as not returned."""

_DAYS = "_days"
_WEIGHT = "_weight"

CARRIED_COLUMNS: Final = (LOCATION_ID, WORKPLACE_REF, SNAPSHOT, SECTOR, *RETURN_COUNTS, SOURCE)
"""Columns of :func:`carried_returns`."""


def _nearest(frame: pl.DataFrame, *, latest: bool) -> pl.DataFrame:
    return frame.sort(LOCATION_ID, _DAYS, descending=[False, latest]).unique(
        LOCATION_ID, keep="first", maintain_order=True
    )


def carried_returns(
    located: pl.DataFrame,
    *,
    reference_date: dt.date,
    window_days: int = RETURN_WINDOW_DAYS,
) -> pl.DataFrame:
    """One row per location with a usable return, labelled by its :class:`Source`.

    Args:
        located: returns matched to in-scope locations (one per location and snapshot), with
            the location id, workplace id, snapshot, reference date, sector and counts.
        reference_date: the date the estimates are for.
        window_days: how far from the reference date a return may be.

    Returns:
        :data:`CARRIED_COLUMNS`: counts as floats (an interpolated count is rarely whole); the
        snapshot and workplace are those of the return used (the nearer one when interpolated).
    """
    days = (pl.col(REFERENCE_DATE) - pl.lit(reference_date)).dt.total_days()
    frame = located.with_columns(days.alias(_DAYS)).filter(pl.col(_DAYS).abs() <= window_days)
    frame = frame.with_columns(pl.col(c).cast(pl.Float64) for c in RETURN_COUNTS)
    current = _nearest(frame.filter(pl.col(_DAYS) == 0), latest=True).with_columns(
        pl.lit(Source.RETURNED.value).alias(SOURCE)
    )
    rest = frame.filter(~pl.col(LOCATION_ID).is_in(current[LOCATION_ID].implode()))
    before = _nearest(rest.filter(pl.col(_DAYS) < 0), latest=True)
    after = _nearest(rest.filter(pl.col(_DAYS) > 0), latest=False)
    both = before.join(after, on=LOCATION_ID, suffix="_after")
    # Interpolated counts: before + (after - before) x the share of the gap already passed;
    # a count known on one side only is taken from that side.
    weight = -pl.col(_DAYS) / (pl.col(f"{_DAYS}_after") - pl.col(_DAYS))
    nearer_after = pl.col(f"{_DAYS}_after") < -pl.col(_DAYS)
    interpolated = both.with_columns(weight.alias(_WEIGHT)).select(
        LOCATION_ID,
        pl.when(nearer_after)
        .then(pl.col(f"{ESTABLISHMENT_ID}_after"))
        .otherwise(pl.col(ESTABLISHMENT_ID))
        .alias(ESTABLISHMENT_ID),
        pl.when(nearer_after)
        .then(pl.col(f"{SNAPSHOT}_after"))
        .otherwise(pl.col(SNAPSHOT))
        .alias(SNAPSHOT),
        pl.when(nearer_after)
        .then(pl.col(f"{SECTOR}_after"))
        .otherwise(pl.col(SECTOR))
        .alias(SECTOR),
        *(
            pl.coalesce(
                pl.col(c) + (pl.col(f"{c}_after") - pl.col(c)) * pl.col(_WEIGHT),
                pl.col(c),
                pl.col(f"{c}_after"),
            ).alias(c)
            for c in RETURN_COUNTS
        ),
        pl.lit(Source.INTERPOLATED.value).alias(SOURCE),
    )
    one_side = (
        pl.concat([before, after])
        .filter(~pl.col(LOCATION_ID).is_in(both[LOCATION_ID].implode()))
        .with_columns(pl.lit(Source.CARRIED_FORWARD.value).alias(SOURCE))
    )
    columns = [LOCATION_ID, ESTABLISHMENT_ID, SNAPSHOT, SECTOR, *RETURN_COUNTS, SOURCE]
    return (
        pl.concat([p.select(columns) for p in (current, interpolated, one_side)])
        .rename({ESTABLISHMENT_ID: WORKPLACE_REF})
        .sort(LOCATION_ID)
        .select(CARRIED_COLUMNS)
    )
