"""Per-workplace and per-staff-record inputs of the benchmarks, from canonical frames.

The definitions follow Skills for Care's workforce measures: turnover is leavers ÷ directly
employed (permanent and temporary) staff records, a workplace is left out of turnover when its
declared and recorded staff differ, its leavers are unknown, it has no permanent or temporary
staff or its rate is over 995%; the vacancy rate is vacancies ÷ (staff records + vacancies).
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.canonical_columns import Worker as WK

SNAPSHOT_ID: Final = "snapshot_id"
"""Column: the snapshot a row comes from (workplace references are unique within one)."""
ORGANISATION_ID: Final = "organisation_id"
"""Column: the organisation whose data a workplace is."""
DIRECTLY_EMPLOYED: Final = ("Permanent", "Temporary")
"""Contracts that count as directly employed for turnover."""
CARE_CERTIFICATE_YES: Final = ("Yes, completed", "Yes, in progress or partially completed")
"""Care Certificate answers that count as completed or in progress."""
TURNOVER_CEILING: Final = 9.95
"""A workplace turnover rate above 995% is taken to be a data error (Skills for Care)."""
FTE_WEEKLY_HOURS: Final = 37.5
"""Weekly hours of a full-time equivalent post, for scaling annual salaries."""
KEY: Final = (SNAPSHOT_ID, E.ESTABLISHMENT_ID)
"""Columns identifying a workplace."""


def workplace_inputs(workers: pl.LazyFrame, establishments: pl.LazyFrame) -> pl.LazyFrame:
    """One row per workplace: its group columns, counts and data-quality states.

    Args:
        workers: canonical workers with ``snapshot_id``.
        establishments: canonical establishments with ``snapshot_id`` and ``organisation_id``.
    """
    staff = workers.group_by(*KEY).agg(
        pl.len().alias("recorded"),
        pl.col(WK.CONTRACT).cast(pl.String).is_in(list(DIRECTLY_EMPLOYED)).sum().alias("direct"),
    )
    frame = establishments.join(staff, on=list(KEY), how="left").with_columns(
        pl.col("recorded").fill_null(0), pl.col("direct").fill_null(0)
    )
    mismatch = (pl.col(E.TOTAL_STAFF) != pl.col("recorded")).fill_null(True)
    leavers = pl.col(E.LEAVERS_TOTAL)
    return frame.select(
        *KEY,
        pl.col(ORGANISATION_ID),
        pl.col(E.NAME),
        pl.col(E.AREA_CODE),
        pl.col(E.MAIN_SERVICE).cast(pl.String).alias(E.MAIN_SERVICE),
        (
            pl.col(E.SERVICE_GROUP).cast(pl.String)
            if E.SERVICE_GROUP in establishments.collect_schema().names()
            else pl.lit(None, dtype=pl.String)
        ).alias(E.SERVICE_GROUP),
        pl.col("recorded"),
        pl.col("direct"),
        leavers.cast(pl.Float64).alias("leavers"),
        (pl.col(E.VACANCIES_TOTAL).cast(pl.Float64)).alias("vacancies"),
        pl.when(mismatch)
        .then(pl.lit("mismatch-workers"))
        .when(leavers.is_null())
        .then(pl.lit("no-leavers"))
        .when(pl.col("direct") == 0)
        .then(pl.lit("no-perm-or-temp"))
        .when(leavers > TURNOVER_CEILING * pl.col("direct"))
        .then(pl.lit("incorrect-turnover"))
        .otherwise(None)
        .alias("leavers_state"),
        pl.when(pl.col(E.VACANCIES_TOTAL).is_null())
        .then(pl.lit("no-vacancies"))
        .otherwise(None)
        .alias("vacancies_state"),
    )


def _answer(column: str, yes: tuple[str, ...], no: tuple[str, ...]) -> pl.Expr:
    value = pl.col(column).cast(pl.String)
    return (
        pl.when(value.is_in(list(yes)))
        .then(pl.lit(1.0))
        .when(value.is_in(list(no)))
        .then(pl.lit(0.0))
        .otherwise(None)
    )


def worker_inputs(workers: pl.LazyFrame) -> pl.LazyFrame:
    """One row per staff record with the values the benchmarks aggregate."""
    hours = pl.col(WK.CONTRACTED_HOURS)
    return workers.select(
        *KEY,
        pl.col(WK.KEY_ROLE).cast(pl.String).alias("key_role"),
        pl.col(WK.DAYS_SICK).cast(pl.Float64).alias("days_sick"),
        pl.col(WK.HOURLY_RATE).cast(pl.Float64).alias("hourly_rate"),
        pl.when(hours > 0)
        .then(pl.col(WK.ANNUAL_SALARY) * FTE_WEEKLY_HOURS / hours)
        .otherwise(None)
        .cast(pl.Float64)
        .alias("annual_pay_fte"),
        _answer(WK.SOCIAL_CARE_QUALIFICATION, ("Yes",), ("No",)).alias("qualified"),
        _answer(WK.CARE_CERTIFICATE, CARE_CERTIFICATE_YES, ("No",)).alias("care_certificate"),
    )
