"""Priority training needs (action 1.3): a ranked, evidenced list of the gaps the measures show.

Each candidate need is one published cell: a qualification or Care Certificate share below its
comparator (England in the shipped comparators), or the share of workers with current training
in a mandatory topic below full compliance. Its score is the number of workers the gap stands
for, ``gap × workers in the cell``, so a small gap in a large group can outrank a large gap in a
small one; ties go to the larger gap. Suppressed cells are never used. The method is written out
in docs/methodology.md ("Priority training needs").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import polars as pl

from careforce.core.outcomes.report import Table
from careforce.core.vocab.mandatory_training import MANDATORY_TRAINING
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    COMPARATOR_VALUE,
    DENOMINATOR,
    MEASURE_ID,
    PERIOD,
    SYMBOL,
    VALUE,
)
from careforce.core.vocab.training_codes import TRAINING_CATEGORY

FULL_COMPLIANCE: Final = 1.0
"""Benchmark of mandatory training: every worker current in the topic."""


@dataclass(frozen=True)
class NeedSource:
    """A measure that can show a training need.

    Attributes:
        measure_id: the measure.
        breakdowns: the breakdowns whose cells are candidates.
        kind: what the need is about, as the list shows it.
        title: the need's words, before the breakdown value.
        benchmark: a fixed benchmark, or None to use the cell's comparator.
        benchmark_name: how the list names the benchmark.
    """

    measure_id: str
    breakdowns: tuple[str, ...]
    kind: str
    title: str
    benchmark: float | None
    benchmark_name: str


SOURCES: Final[tuple[NeedSource, ...]] = (
    NeedSource(
        "relevant_qualification_share",
        ("total", "job_role_group"),
        "qualification",
        "Relevant social care qualification",
        None,
        "comparator",
    ),
    NeedSource(
        "care_certificate_share",
        ("total", "job_role_group"),
        "Care Certificate",
        "Care Certificate completed or in progress",
        None,
        "comparator",
    ),
    NeedSource(
        "l2_care_certificate_share",
        ("total", "job_role_group"),
        "Level 2 certificate",
        "Level 2 Adult Social Care Certificate",
        None,
        "comparator",
    ),
    NeedSource(
        "training_current_share",
        ("training_category",),
        "mandatory training",
        "Current mandatory training",
        FULL_COMPLIANCE,
        "full compliance",
    ),
)
"""Where the candidate needs come from."""

NEED_COLUMNS: Final = (
    "rank",
    PERIOD,
    AREA_CODE,
    AREA_NAME,
    "need",
    "kind",
    "evidence",
    MEASURE_ID,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    VALUE,
    "benchmark",
    "benchmark_name",
    "gap",
    "workers",
    "workers_short",
    "score",
)
"""Columns of the priority list, in order."""

_SCHEMA: Final = pl.Schema(
    {
        "rank": pl.Int64(),
        PERIOD: pl.String(),
        AREA_CODE: pl.String(),
        AREA_NAME: pl.String(),
        "need": pl.String(),
        "kind": pl.String(),
        "evidence": pl.String(),
        MEASURE_ID: pl.String(),
        BREAKDOWN: pl.String(),
        BREAKDOWN_VALUE: pl.String(),
        VALUE: pl.Float64(),
        "benchmark": pl.Float64(),
        "benchmark_name": pl.String(),
        "gap": pl.Float64(),
        "workers": pl.Float64(),
        "workers_short": pl.Float64(),
        "score": pl.Float64(),
    }
)


def mandatory_topics() -> dict[str, str]:
    """The mandatory topic of each ASC-WDS training category label of the default list."""
    labels = TRAINING_CATEGORY.labels
    return {labels[code]: topic for topic, codes in MANDATORY_TRAINING for code in codes}


def _candidates(table: pl.DataFrame, source: NeedSource) -> pl.DataFrame:
    rows = table.filter(
        (pl.col(MEASURE_ID) == source.measure_id)
        & pl.col(BREAKDOWN).is_in(list(source.breakdowns))
        & pl.col(VALUE).is_not_null()
        & pl.col(SYMBOL).is_null()
    )
    if source.benchmark is not None:
        # A topic met by any of several categories shows as its best-covered category.
        topics = mandatory_topics()
        rows = (
            rows.filter(pl.col(BREAKDOWN_VALUE).is_in(list(topics)))
            .with_columns(
                pl.col(BREAKDOWN_VALUE).replace_strict(topics, return_dtype=pl.String).alias("_t")
            )
            .sort(VALUE, descending=True)
            .unique([PERIOD, AREA_CODE, "_t"], keep="first", maintain_order=True)
        )
        benchmark = pl.lit(source.benchmark)
        where = pl.col("_t")
    else:
        benchmark = pl.col(COMPARATOR_VALUE).cast(pl.Float64)
        where = (
            pl.when(pl.col(BREAKDOWN) == "total")
            .then(pl.lit("all workers"))
            .otherwise(pl.col(BREAKDOWN_VALUE))
        )
    value = pl.col(VALUE).cast(pl.Float64)
    return rows.select(
        pl.col(PERIOD).cast(pl.String),
        pl.col(AREA_CODE).cast(pl.String),
        pl.col(AREA_NAME).cast(pl.String),
        pl.format("{}: {}", pl.lit(source.title), where).alias("need"),
        pl.lit(source.kind).alias("kind"),
        pl.lit(source.measure_id).alias(MEASURE_ID),
        pl.col(BREAKDOWN).cast(pl.String),
        pl.col(BREAKDOWN_VALUE).cast(pl.String),
        value.alias(VALUE),
        benchmark.alias("benchmark"),
        pl.lit(source.benchmark_name).alias("benchmark_name"),
        (benchmark - value).alias("gap"),
        pl.col(DENOMINATOR).cast(pl.Float64).alias("workers"),
    ).filter(pl.col("gap") > 0)


def _percent(column: str) -> pl.Expr:
    return (pl.col(column) * 100).round(0).cast(pl.Int64).cast(pl.String) + "%"


def priority_training_needs(table: pl.DataFrame, *, period: str | None = None) -> pl.DataFrame:
    """The ranked priority training needs of each area in a period of published measures.

    Args:
        table: the published indicator table (``indicators.csv``).
        period: the period to rank (default: the latest in the table).

    Returns:
        One row per need (:data:`NEED_COLUMNS`), ranked within each area from 1, highest score
        first; empty when the table has no gap.
    """
    if table.is_empty():
        return pl.DataFrame(schema=_SCHEMA)
    chosen = period if period is not None else str(table[PERIOD].cast(pl.String).max())
    current = table.filter(pl.col(PERIOD).cast(pl.String) == chosen)
    parts = [_candidates(current, source) for source in SOURCES]
    needs = pl.concat(parts) if parts else pl.DataFrame(schema=_SCHEMA)
    if needs.is_empty():
        return pl.DataFrame(schema=_SCHEMA)
    scored = needs.with_columns(
        (pl.col("gap") * pl.col("workers")).alias("workers_short"),
    ).with_columns(
        pl.col("workers_short").alias("score"),
        pl.format(
            "{} of {} workers against {} {}; about {} workers short",
            _percent(VALUE),
            pl.col("workers").round(0).cast(pl.Int64),
            pl.col("benchmark_name"),
            _percent("benchmark"),
            pl.col("workers_short").round(0).cast(pl.Int64),
        ).alias("evidence"),
    )
    ranked = scored.sort(
        [AREA_CODE, "score", "gap", "need"], descending=[False, True, True, False]
    ).with_columns(pl.int_range(1, pl.len() + 1).over(AREA_CODE).cast(pl.Int64).alias("rank"))
    return ranked.select(list(NEED_COLUMNS)).match_to_schema(_SCHEMA)


REPORT_NEEDS: Final = 10
"""Needs the progress report lists (the highest ranked)."""


def needs_table(needs: pl.DataFrame, *, area: str | None) -> Table:
    """The highest ranked needs of an area as a report table (rank, need, evidence)."""
    chosen = needs if area is None else needs.filter(pl.col(AREA_CODE) == area)
    top = chosen.sort("rank").head(REPORT_NEEDS)
    period = str(top[PERIOD][0]) if top.height else "no period"
    return Table(
        caption=f"Priority training needs, {period}: the {top.height} highest ranked",
        header=["Rank", "Need", "Evidence"],
        rows=[
            [str(row["rank"]), str(row["need"]), str(row["evidence"])]
            for row in top.iter_rows(named=True)
        ],
    )
