"""Priority training needs (action 1.3): a ranked, evidenced list of the gaps the measures show.

Each candidate need is one published cell: a qualification or Care Certificate share below its
comparator (England in the shipped comparators), the share of workers with current training
in a mandatory topic below full compliance, and, when those sources are given, current training
in a category below the share of job postings asking for its skill, and a workforce survey
training item (staff who do not agree they can do it). The workers the gap stands for are
``gap × workers in the cell``; the score weights them by the share of job postings asking for
the need's skill and the share of survey respondents choosing its training as among what would
help them most, ``workers short × (1 + posting share + survey share)``, so a small gap in a
large group can outrank a large gap in a small one; ties go to the larger gap. Suppressed cells are never used.
The method is written out in docs/methodology.md ("Priority training needs").
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
    UPPER,
    VALUE,
)
from careforce.core.vocab.training_codes import TRAINING_CATEGORY
from careforce.core.vocab.training_evidence import (
    SURVEY_ANSWERED,
    SURVEY_ITEMS,
    SURVEY_WANTED,
    skill_categories,
)

FULL_COMPLIANCE: Final = 1.0
"""Benchmark of mandatory training: every worker current in the topic."""
FULL_AGREEMENT: Final = 1.0
"""Benchmark of a survey training item: every member of staff agrees they can do it."""
SKILLS_MEASURE: Final = "skills_in_demand"
"""The labour-market measure of the skills job postings ask for (share of unique postings)."""
POSTINGS_KIND: Final = "skill in demand"
SURVEY_KIND: Final = "survey"


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
    "demand",
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
        "demand": pl.Float64(),
        "score": pl.Float64(),
    }
)


def mandatory_topics() -> dict[str, str]:
    """The mandatory topic of each ASC-WDS training category label of the default list."""
    labels = TRAINING_CATEGORY.labels
    return {labels[code]: topic for topic, codes in MANDATORY_TRAINING for code in codes}


def _percent(column: str) -> pl.Expr:
    return (pl.col(column) * 100).round(0).cast(pl.Int64).cast(pl.String) + "%"


def _count(column: str) -> pl.Expr:
    return pl.col(column).round(0).cast(pl.Int64).cast(pl.String)


def _candidates(table: pl.DataFrame, source: NeedSource) -> pl.DataFrame:
    rows = table.filter(
        (pl.col(MEASURE_ID) == source.measure_id)
        & pl.col(BREAKDOWN).is_in(list(source.breakdowns))
        & pl.col(VALUE).is_not_null()
        & pl.col(SYMBOL).is_null()
    )
    topic: pl.Expr = pl.lit(None, dtype=pl.String)
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
        where = topic = pl.col("_t")
    else:
        benchmark = pl.col(COMPARATOR_VALUE).cast(pl.Float64)
        where = (
            pl.when(pl.col(BREAKDOWN) == "total")
            .then(pl.lit("all workers"))
            .otherwise(pl.col(BREAKDOWN_VALUE))
        )
    return _need_rows(
        rows,
        need=pl.format("{}: {}", pl.lit(source.title), where),
        kind=source.kind,
        benchmark=benchmark,
        benchmark_name=source.benchmark_name,
        topic=topic,
    )


def _need_rows(
    rows: pl.DataFrame,
    *,
    need: pl.Expr,
    kind: str,
    benchmark: pl.Expr,
    benchmark_name: str,
    topic: pl.Expr,
    gap: pl.Expr | None = None,
    workers: pl.Expr | None = None,
    detail: pl.Expr | None = None,
) -> pl.DataFrame:
    """Candidate needs of published cells (those with a positive gap), in the list's columns
    and the working columns ``_topic`` (what postings may ask for) and ``_detail`` (the
    evidence's first clause)."""
    value = pl.col(VALUE).cast(pl.Float64)
    worked = rows.with_columns(
        value.alias(VALUE),
        benchmark.cast(pl.Float64).alias("benchmark"),
        pl.lit(benchmark_name).alias("benchmark_name"),
        (gap if gap is not None else benchmark - value).alias("gap"),
        (workers if workers is not None else pl.col(DENOMINATOR).cast(pl.Float64)).alias("workers"),
    ).filter(pl.col("gap") > 0)
    first = (
        detail
        if detail is not None
        else pl.format(
            "{} of {} workers against {} {}",
            _percent(VALUE),
            _count("workers"),
            pl.col("benchmark_name"),
            _percent("benchmark"),
        )
    )
    return worked.select(
        pl.col(PERIOD).cast(pl.String),
        pl.col(AREA_CODE).cast(pl.String),
        pl.col(AREA_NAME).cast(pl.String),
        need.alias("need"),
        pl.lit(kind).alias("kind"),
        pl.col(MEASURE_ID).cast(pl.String),
        pl.col(BREAKDOWN).cast(pl.String),
        pl.col(BREAKDOWN_VALUE).cast(pl.String),
        VALUE,
        "benchmark",
        "benchmark_name",
        "gap",
        "workers",
        topic.cast(pl.String).alias("_topic"),
        first.alias("_detail"),
    )


def posting_demand(labour: pl.DataFrame) -> pl.DataFrame:
    """The share of job postings asking for each training topic (a mandatory topic, or a
    category outside the mandatory list), per area, from the latest postings window.

    Returns:
        Columns ``area_code``, ``_topic``, ``demand`` (the largest share of postings over the
        skills asking for the topic) and ``_window`` (the postings' period).
    """
    schema = {AREA_CODE: pl.String, "_topic": pl.String, "demand": pl.Float64, "_window": pl.String}
    rows = labour.filter(
        (pl.col(MEASURE_ID) == SKILLS_MEASURE)
        & pl.col(VALUE).is_not_null()
        & pl.col(SYMBOL).is_null()
    )
    if rows.is_empty():
        return pl.DataFrame(schema=schema)
    latest = rows.filter(pl.col(PERIOD) == pl.col(PERIOD).max().over(AREA_CODE))
    topics = mandatory_topics()
    found = [
        (str(row[AREA_CODE]), topics.get(category, category), float(row[VALUE]), str(row[PERIOD]))
        for row in latest.iter_rows(named=True)
        for category in skill_categories(str(row[BREAKDOWN_VALUE]))
    ]
    frame = pl.DataFrame(found, schema=schema, orient="row")
    return frame.group_by(AREA_CODE, "_topic").agg(pl.col("demand").max(), pl.col("_window").max())


def survey_wanted(survey: pl.DataFrame) -> pl.DataFrame:
    """The share of each area's latest survey round choosing each training topic (a mandatory
    topic, or a category outside the mandatory list) as among what would help them most.

    Returns:
        Columns ``area_code``, ``_topic``, ``wanted`` (the largest share over the categories of
        the topic) and ``_wanted_round``.
    """
    schema = {
        AREA_CODE: pl.String,
        "_topic": pl.String,
        "wanted": pl.Float64,
        "_wanted_round": pl.String,
    }
    rows = survey.filter(
        (pl.col(MEASURE_ID) == SURVEY_WANTED)
        & (pl.col(BREAKDOWN) == "training_category")
        & pl.col(VALUE).is_not_null()
        & pl.col(SYMBOL).is_null()
    )
    if rows.is_empty():
        return pl.DataFrame(schema=schema)
    latest = rows.filter(pl.col(PERIOD) == pl.col(PERIOD).max().over(AREA_CODE))
    topics = mandatory_topics()
    return (
        latest.select(
            pl.col(AREA_CODE).cast(pl.String),
            pl.col(BREAKDOWN_VALUE)
            .cast(pl.String)
            .replace_strict(topics, default=pl.col(BREAKDOWN_VALUE), return_dtype=pl.String)
            .alias("_topic"),
            pl.col(VALUE).cast(pl.Float64).alias("wanted"),
            pl.col(PERIOD).cast(pl.String).alias("_wanted_round"),
        )
        .group_by(AREA_CODE, "_topic")
        .agg(pl.col("wanted").max(), pl.col("_wanted_round").max())
        .match_to_schema(pl.Schema(schema))
    )


def _demand_candidates(table: pl.DataFrame, demand: pl.DataFrame) -> pl.DataFrame:
    """Current training in a category outside the mandatory list against the share of job
    postings asking for its skill."""
    rows = table.filter(
        (pl.col(MEASURE_ID) == "training_current_share")
        & (pl.col(BREAKDOWN) == "training_category")
        & ~pl.col(BREAKDOWN_VALUE).is_in(list(mandatory_topics()))
        & pl.col(VALUE).is_not_null()
        & pl.col(SYMBOL).is_null()
    ).join(
        demand.select(AREA_CODE, pl.col("_topic").alias(BREAKDOWN_VALUE), "demand", "_window"),
        on=[AREA_CODE, BREAKDOWN_VALUE],
        how="inner",
    )
    return _need_rows(
        rows,
        need=pl.format("Current training in a skill employers ask for: {}", BREAKDOWN_VALUE),
        kind=POSTINGS_KIND,
        benchmark=pl.col("demand"),
        benchmark_name="job postings asking for it",
        topic=pl.col(BREAKDOWN_VALUE),
        detail=pl.format(
            "{} of {} workers current, against {} of job postings asking for it ({})",
            _percent(VALUE),
            _count("workers"),
            _percent("benchmark"),
            pl.col("_window"),
        ),
    )


def workforce_size(table: pl.DataFrame) -> pl.DataFrame:
    """The workers of each area and period a survey item's gap is scaled to: the headcount
    (people) when published, else the largest all-workers denominator of the qualification
    measures."""
    people = table.filter(
        (pl.col(MEASURE_ID) == "headcount")
        & (pl.col(BREAKDOWN) == "total")
        & pl.col(VALUE).is_not_null()
        & pl.col(SYMBOL).is_null()
    ).select(PERIOD, AREA_CODE, pl.col(VALUE).cast(pl.Float64).alias("_people"))
    staff = (
        table.filter(
            pl.col(MEASURE_ID).is_in([s.measure_id for s in SOURCES if s.benchmark is None])
            & (pl.col(BREAKDOWN) == "total")
            & pl.col(DENOMINATOR).is_not_null()
        )
        .group_by(PERIOD, AREA_CODE)
        .agg(pl.col(DENOMINATOR).cast(pl.Float64).max().alias("_staff"))
    )
    return (
        staff.join(people, on=[PERIOD, AREA_CODE], how="full", coalesce=True)
        .select(PERIOD, AREA_CODE, pl.coalesce("_people", "_staff").alias("_workforce"))
        .filter(pl.col("_workforce") > 0)
    )


def _survey_candidates(table: pl.DataFrame, survey: pl.DataFrame) -> pl.DataFrame:
    """Survey training items of each area's latest round: staff not agreeing, the gap taken at
    the top of the share's 95% interval (the smallest gap the survey supports), scaled to the
    area's workers."""
    items = survey.filter(
        pl.col(MEASURE_ID).is_in(list(SURVEY_ITEMS))
        & (pl.col(BREAKDOWN) == "total")
        & pl.col(VALUE).is_not_null()
        & pl.col(SYMBOL).is_null()
    )
    if items.is_empty():
        return pl.DataFrame()
    latest = items.filter(pl.col(PERIOD) == pl.col(PERIOD).max().over(AREA_CODE, MEASURE_ID))
    size = workforce_size(table).drop(PERIOD)
    rows = latest.rename({PERIOD: "_round"}).join(size, on=AREA_CODE, how="inner")
    top = pl.coalesce(pl.col(UPPER).cast(pl.Float64), pl.col(VALUE).cast(pl.Float64))
    current = table.select(pl.col(PERIOD).first()).item() if table.height else None
    return (
        _need_rows(
            rows.with_columns(pl.lit(current, dtype=pl.String).alias(PERIOD)),
            need=pl.col(MEASURE_ID).replace_strict(SURVEY_ITEMS, return_dtype=pl.String),
            kind=SURVEY_KIND,
            benchmark=pl.lit(FULL_AGREEMENT),
            benchmark_name="full agreement",
            topic=pl.lit(None, dtype=pl.String),
            gap=pl.lit(FULL_AGREEMENT) - top,
            workers=pl.col("_workforce"),
            detail=pl.format(
                "{} of {} survey respondents {} ({} round; up to {} on its interval), against "
                "full agreement, of {} workers",
                _percent(VALUE),
                _count(DENOMINATOR),
                pl.col(MEASURE_ID).replace_strict(
                    SURVEY_ANSWERED, default="agree", return_dtype=pl.String
                ),
                pl.col("_round"),
                (top * 100).round(0).cast(pl.Int64).cast(pl.String) + "%",
                _count("workers"),
            ),
        )
        if rows.height
        else pl.DataFrame()
    )


def priority_training_needs(
    table: pl.DataFrame,
    *,
    period: str | None = None,
    labour: pl.DataFrame | None = None,
    survey: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """The ranked priority training needs of each area in a period of published measures.

    Args:
        table: the published indicator table (``indicators.csv``).
        period: the period to rank (default: the latest in the table).
        labour: the labour-market measures (``labour.csv``), whose skills in demand weight the
            needs and add needs of their own; None when there are none.
        survey: the workforce survey measures (``survey_measures.csv`` of any rounds), whose
            training items of each area's latest round are needs; None when there are none.

    Returns:
        One row per need (:data:`NEED_COLUMNS`), ranked within each area from 1, highest score
        first; empty when the table has no gap.
    """
    if table.is_empty():
        return pl.DataFrame(schema=_SCHEMA)
    chosen = period if period is not None else str(table[PERIOD].cast(pl.String).max())
    current = table.filter(pl.col(PERIOD).cast(pl.String) == chosen)
    demand = posting_demand(labour if labour is not None else table.clear())
    parts = [_candidates(current, source) for source in SOURCES]
    parts.append(_demand_candidates(current, demand))
    if survey is not None:
        parts.append(_survey_candidates(current, survey))
    parts = [part for part in parts if part.height]
    if not parts:
        return pl.DataFrame(schema=_SCHEMA)
    wanted = survey_wanted(survey if survey is not None else table.clear())
    needs = (
        pl.concat(parts, how="vertical_relaxed")
        .join(demand, on=[AREA_CODE, "_topic"], how="left")
        .join(wanted, on=[AREA_CODE, "_topic"], how="left")
    )
    asked = pl.format("; asked for in {} of job postings ({})", _percent("demand"), "_window")
    picked = pl.format(
        "; chosen by {} of survey respondents as training that would help them most ({} round)",
        _percent("wanted"),
        "_wanted_round",
    )
    scored = needs.with_columns(
        (pl.col("gap") * pl.col("workers")).alias("workers_short"),
    ).with_columns(
        (
            pl.col("workers_short")
            * (1 + pl.col("demand").fill_null(0.0) + pl.col("wanted").fill_null(0.0))
        ).alias("score"),
        pl.concat_str(
            pl.col("_detail"),
            pl.format("; about {} workers short", _count("workers_short")),
            pl.when(pl.col("demand").is_not_null() & (pl.col("kind") != POSTINGS_KIND))
            .then(asked)
            .otherwise(pl.lit("")),
            pl.when(pl.col("wanted").is_not_null()).then(picked).otherwise(pl.lit("")),
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
