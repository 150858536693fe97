"""Comparing one workplace with the other workplaces of its area.

Two comparison groups: the other organisations' workplaces with the same main service in the
same council area, and all the other organisations' workplaces in the area. The workplace's own
organisation is left out of both, so a provider cannot work out another's figures by taking
its own away. A group's figure is published only when it is built on enough workplaces and
staff records (the disclosure thresholds); otherwise its state says why not.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

import polars as pl

from careforce.core.benchmarks.catalogue import BENCHMARK_MEASURES, Aggregate, BenchmarkMeasure
from careforce.core.benchmarks.inputs import KEY, ORGANISATION_ID
from careforce.core.vocab.canonical_columns import Establishment as E


class Scope(StrEnum):
    """Whose figures a row of a benchmark is."""

    WORKPLACE = "workplace"
    """The workplace itself."""
    SAME_SERVICE = "same-service"
    """Other organisations' workplaces with the same main service in the same area."""
    AREA = "area"
    """All other organisations' workplaces in the same area."""


MEASURE_ID: Final = "measure_id"
SCOPE: Final = "scope"
VALUE: Final = "value"
NUMERATOR: Final = "numerator"
DENOMINATOR: Final = "denominator"
WORKPLACES: Final = "workplaces"
WORKERS: Final = "workers"
STATE: Final = "state"

RESULT_SCHEMA: Final = pl.Schema(
    {
        MEASURE_ID: pl.String(),
        SCOPE: pl.String(),
        VALUE: pl.Float64(),
        NUMERATOR: pl.Float64(),
        DENOMINATOR: pl.Float64(),
        WORKPLACES: pl.Int64(),
        WORKERS: pl.Int64(),
        STATE: pl.String(),
    }
)
"""Schema of a benchmark: one row per measure and scope."""

_RATE_PARTS: Final = {
    "leavers": ("direct", "leavers_state", False),
    "vacancies": ("recorded", "vacancies_state", True),
}
"""For each workplace-reported count: its base, its state column, and whether the count is
added to the base (vacancy rate: vacancies ÷ (filled + vacancies))."""


def _rate(group: pl.LazyFrame, measure: BenchmarkMeasure) -> pl.LazyFrame:
    base, state, add_count = _RATE_PARTS[measure.input]
    valid = group.filter(pl.col(state).is_null())
    numerator = pl.col(measure.input).sum()
    denominator = pl.col(base).sum().cast(pl.Float64) + (numerator if add_count else 0.0)
    return valid.select(
        numerator.alias(NUMERATOR),
        denominator.alias(DENOMINATOR),
        pl.len().cast(pl.Int64).alias(WORKPLACES),
        pl.col("recorded").sum().cast(pl.Int64).alias(WORKERS),
    ).with_columns(
        pl.when(pl.col(DENOMINATOR) > 0)
        .then(pl.col(NUMERATOR) / pl.col(DENOMINATOR))
        .otherwise(None)
        .alias(VALUE),
        pl.lit(None, dtype=pl.String).alias(STATE),
    )


def _staff(group: pl.LazyFrame, workers: pl.LazyFrame, measure: BenchmarkMeasure) -> pl.LazyFrame:
    rows = workers.join(group.select(*KEY), on=list(KEY), how="semi")
    if measure.key_role is not None:
        rows = rows.filter(pl.col("key_role") == measure.key_role)
    rows = rows.filter(pl.col(measure.input).is_not_null())
    value = pl.col(measure.input)
    if measure.aggregate is Aggregate.MEDIAN:
        numerator, result = pl.lit(None, dtype=pl.Float64), value.median()
    else:
        numerator, result = value.sum(), value.mean()
    return rows.select(
        result.cast(pl.Float64).alias(VALUE),
        numerator.cast(pl.Float64).alias(NUMERATOR),
        pl.len().cast(pl.Float64).alias(DENOMINATOR),
        pl.struct(*KEY).n_unique().cast(pl.Int64).alias(WORKPLACES),
        pl.len().cast(pl.Int64).alias(WORKERS),
        pl.lit(None, dtype=pl.String).alias(STATE),
    )


def summarise(group: pl.LazyFrame, workers: pl.LazyFrame, *, scope: Scope) -> pl.LazyFrame:
    """Every benchmark measure over a group of workplaces (one row per measure).

    Args:
        group: workplace inputs of the group's workplaces.
        workers: worker inputs (of any workplaces; those of the group are used).
        scope: the scope to label the rows with.
    """
    parts = []
    for measure in BENCHMARK_MEASURES:
        if measure.aggregate is Aggregate.RATE:
            part = _rate(group, measure)
        else:
            part = _staff(group, workers, measure)
        parts.append(
            part.with_columns(
                pl.lit(measure.id).alias(MEASURE_ID), pl.lit(scope.value).alias(SCOPE)
            ).select(list(RESULT_SCHEMA))
        )
    return pl.concat(parts, how="vertical")


def _own_states(target: pl.LazyFrame) -> pl.LazyFrame:
    """Why the workplace's own rate measures cannot be computed, where they cannot."""
    return pl.concat(
        [
            target.select(
                pl.lit(measure.id).alias(MEASURE_ID),
                pl.col(_RATE_PARTS[measure.input][1]).alias("_state"),
            )
            for measure in BENCHMARK_MEASURES
            if measure.aggregate is Aggregate.RATE
        ],
        how="vertical",
    )


def _no_data_states() -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            MEASURE_ID: [m.id for m in BENCHMARK_MEASURES],
            "_no_data": [m.no_data_state for m in BENCHMARK_MEASURES],
        }
    )


def benchmark(
    workplaces: pl.LazyFrame,
    workers: pl.LazyFrame,
    *,
    snapshot_id: int,
    establishment_id: str,
    min_workers: int,
    min_workplaces: int,
) -> pl.LazyFrame:
    """A workplace's benchmark: its own figures and its comparison groups'.

    Args:
        workplaces: workplace inputs of every workplace in force (see ``workplace_inputs``).
        workers: worker inputs of the same workplaces (see ``worker_inputs``).
        snapshot_id: the workplace's snapshot.
        establishment_id: the workplace's reference.
        min_workers: a comparison figure built on fewer staff records is withheld.
        min_workplaces: a comparison figure built on fewer workplaces is withheld.

    Returns:
        One row per measure and scope (``RESULT_SCHEMA``); ``state`` says why a value is
        missing (a data-quality state, ``too-few-workplaces`` or ``too-few-workers``).
    """
    target = workplaces.filter(
        (pl.col(KEY[0]) == snapshot_id) & (pl.col(KEY[1]) == establishment_id)
    )
    about = target.select(
        pl.col(E.AREA_CODE), pl.col(E.MAIN_SERVICE), pl.col(ORGANISATION_ID).alias("_own")
    )
    others = workplaces.join(about, on=E.AREA_CODE, how="inner", suffix="_target").filter(
        pl.col(ORGANISATION_ID) != pl.col("_own")
    )
    same_service = others.filter(pl.col(E.MAIN_SERVICE) == pl.col(f"{E.MAIN_SERVICE}_target"))
    own = summarise(target, workers, scope=Scope.WORKPLACE)
    peers = pl.concat(
        [
            summarise(same_service, workers, scope=Scope.SAME_SERVICE),
            summarise(others, workers, scope=Scope.AREA),
        ],
        how="vertical",
    )
    own = (
        own.join(_own_states(target), on=MEASURE_ID, how="left")
        .join(_no_data_states(), on=MEASURE_ID, how="left")
        .with_columns(
            pl.coalesce(
                pl.col("_state"),
                pl.when(pl.col(VALUE).is_null()).then(pl.col("_no_data")),
            ).alias(STATE)
        )
        .with_columns(
            pl.when(pl.col(STATE).is_not_null()).then(None).otherwise(pl.col(VALUE)).alias(VALUE)
        )
        .select(list(RESULT_SCHEMA))
    )
    withheld = (
        pl.when(pl.col(WORKERS) == 0)
        .then(pl.lit("no-data"))
        .when(pl.col(WORKPLACES) < min_workplaces)
        .then(pl.lit("too-few-workplaces"))
        .when(pl.col(WORKERS) < min_workers)
        .then(pl.lit("too-few-workers"))
        .when(pl.col(VALUE).is_null())
        .then(pl.lit("no-data"))
    )
    peers = peers.with_columns(withheld.alias(STATE)).with_columns(
        *(
            pl.when(pl.col(STATE).is_not_null()).then(None).otherwise(pl.col(name)).alias(name)
            for name in (VALUE, NUMERATOR, DENOMINATOR)
        )
    )
    order = pl.LazyFrame(
        {MEASURE_ID: [m.id for m in BENCHMARK_MEASURES], "_order": range(len(BENCHMARK_MEASURES))}
    )
    scopes = pl.LazyFrame({SCOPE: [s.value for s in Scope], "_scope": range(len(Scope))})
    return (
        pl.concat([own, peers.select(list(RESULT_SCHEMA))], how="vertical")
        .join(order, on=MEASURE_ID, how="left")
        .join(scopes, on=SCOPE, how="left")
        .sort("_order", "_scope")
        .drop("_order", "_scope")
    )


def group_sizes(
    workplaces: pl.LazyFrame, *, snapshot_id: int, establishment_id: str
) -> pl.LazyFrame:
    """How many workplaces and staff records each comparison group has (``scope``,
    ``workplaces``, ``workers``)."""
    target = workplaces.filter(
        (pl.col(KEY[0]) == snapshot_id) & (pl.col(KEY[1]) == establishment_id)
    )
    about = target.select(
        pl.col(E.AREA_CODE), pl.col(E.MAIN_SERVICE), pl.col(ORGANISATION_ID).alias("_own")
    )
    others = workplaces.join(about, on=E.AREA_CODE, how="inner", suffix="_target").filter(
        pl.col(ORGANISATION_ID) != pl.col("_own")
    )
    same_service = others.filter(pl.col(E.MAIN_SERVICE) == pl.col(f"{E.MAIN_SERVICE}_target"))

    def size(group: pl.LazyFrame, scope: Scope) -> pl.LazyFrame:
        return group.select(
            pl.lit(scope.value).alias(SCOPE),
            pl.len().cast(pl.Int64).alias(WORKPLACES),
            pl.col("recorded").sum().cast(pl.Int64).alias(WORKERS),
        )

    return pl.concat(
        [
            size(target, Scope.WORKPLACE),
            size(same_service, Scope.SAME_SERVICE),
            size(others, Scope.AREA),
        ],
        how="vertical",
    )
