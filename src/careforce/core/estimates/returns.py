"""ASC-WDS returns as the estimates use them: one row per workplace and snapshot with its
counts, and its filled posts by job-role group."""

from __future__ import annotations

import polars as pl

from careforce.core.estimates.columns import (
    AREA_CODE,
    ESTABLISHMENT_ID,
    FILLED_POSTS,
    JOB_ROLE_GROUP,
    LEAVERS,
    LOCATION_ID,
    POSTS,
    REFERENCE_DATE,
    SECTOR,
    SERVICE_GROUP,
    SNAPSHOT,
    STARTERS,
    VACANCIES,
)
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.canonical_columns import Worker as W


def workplace_returns(workers: pl.LazyFrame, places: pl.LazyFrame) -> pl.LazyFrame:
    """One row per workplace and snapshot: its location id, sector, service group and counts.

    Filled posts are the workplace's staff records (as the ``filled_posts`` measure counts them);
    a workplace that sent no staff records counts its total of permanent and temporary staff.
    """
    posts = workers.group_by(W.ESTABLISHMENT_ID, SNAPSHOT).agg(pl.len().alias("_records"))
    return places.join(posts, on=[E.ESTABLISHMENT_ID, SNAPSHOT], how="left").select(
        pl.col(E.ESTABLISHMENT_ID).cast(pl.String).alias(ESTABLISHMENT_ID),
        pl.col(SNAPSHOT).cast(pl.Int64),
        pl.col(E.REFERENCE_DATE).alias(REFERENCE_DATE),
        pl.col(E.AREA_CODE).cast(pl.String).alias(AREA_CODE),
        pl.col(E.LOCATION_ID).cast(pl.String).str.strip_chars().alias(LOCATION_ID),
        pl.col(E.SERVICE_GROUP).cast(pl.String).alias(SERVICE_GROUP),
        pl.col(E.SECTOR).cast(pl.String).alias(SECTOR),
        pl.coalesce(pl.col("_records"), pl.col(E.TOTAL_STAFF))
        .cast(pl.Int64)
        .fill_null(0)
        .alias(FILLED_POSTS),
        pl.col(E.VACANCIES_TOTAL).cast(pl.Int64).alias(VACANCIES),
        pl.col(E.STARTERS_TOTAL).cast(pl.Int64).alias(STARTERS),
        pl.col(E.LEAVERS_TOTAL).cast(pl.Int64).alias(LEAVERS),
    )


def role_posts(workers: pl.LazyFrame) -> pl.LazyFrame:
    """Staff records by workplace, snapshot and job-role group."""
    return (
        workers.group_by(W.ESTABLISHMENT_ID, SNAPSHOT, W.JOB_ROLE_GROUP)
        .agg(pl.len().cast(pl.Int64).alias(POSTS))
        .select(
            pl.col(W.ESTABLISHMENT_ID).cast(pl.String).alias(ESTABLISHMENT_ID),
            pl.col(SNAPSHOT).cast(pl.Int64),
            pl.col(W.JOB_ROLE_GROUP).cast(pl.String).fill_null("not known").alias(JOB_ROLE_GROUP),
            POSTS,
        )
    )


def pay_records(workers: pl.LazyFrame) -> pl.LazyFrame:
    """Each staff record's hourly rate by workplace and snapshot (for the weighted pay)."""
    return workers.select(
        pl.col(W.ESTABLISHMENT_ID).cast(pl.String).alias(ESTABLISHMENT_ID),
        pl.col(SNAPSHOT).cast(pl.Int64),
        pl.col(W.HOURLY_RATE).cast(pl.Float64).alias("hourly_rate"),
    )


def person_records(workers: pl.LazyFrame) -> pl.LazyFrame:
    """Each staff record's person key by workplace and snapshot (for the estimated headcount)."""
    return workers.select(
        pl.col(W.ESTABLISHMENT_ID).cast(pl.String).alias(ESTABLISHMENT_ID),
        pl.col(SNAPSHOT).cast(pl.Int64),
        pl.col(W.PERSON_ID).cast(pl.String).alias("person_id"),
    )
