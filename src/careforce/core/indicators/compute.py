"""Computing every measure of the catalogue for every breakdown, area and period.

The result is tidy: one row per (measure, period, area, breakdown, breakdown value) with
numerator, denominator, value, 95% interval, and the numbers of workers and workplaces the
cell is built on (for disclosure control).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import polars as pl

from careforce.core.indicators.catalogue import MEASURES, Dimension, Kind, Measure
from careforce.core.indicators.frames import PLACE
from careforce.core.indicators.intervals import (
    byar_lower,
    byar_upper,
    median_rank_bounds,
    wilson_lower,
    wilson_upper,
)
from careforce.core.indicators.workforce_policy import (
    POLICY_MEAN_INPUTS,
    POLICY_MEDIAN_INPUTS,
    POLICY_SHARE_INPUTS,
    policy_aggregations,
)
from careforce.core.intervals import Z_95
from careforce.core.vocab.published import (
    ALL,
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    DENOMINATOR,
    LOWER,
    MEASURE_ID,
    NUMERATOR,
    PERIOD,
    PUBLISHED_SCHEMA,
    UPPER,
    VALUE,
)

WORKERS = "workers"
"""Hidden column: number of workers the cell is built on (for disclosure control)."""
WORKPLACES = "workplaces"
"""Hidden column: number of workplaces the cell is built on (for disclosure control)."""
PART_OF = "part_of"
"""Hidden column: for two-way breakdowns, the value of the first dimension (e.g. ``home care``)."""
CATEGORY = "category"
"""Hidden column: the value of the last dimension (e.g. ``Pool/Bank``; the whole value for one-way)."""

_PUBLISHED = (
    MEASURE_ID,
    PERIOD,
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    NUMERATOR,
    DENOMINATOR,
    VALUE,
    LOWER,
    UPPER,
)
RESULT_SCHEMA = pl.Schema(
    {
        **{name: PUBLISHED_SCHEMA[name] for name in _PUBLISHED},
        WORKERS: pl.Int64(),
        WORKPLACES: pl.Int64(),
        PART_OF: pl.String(),
        CATEGORY: pl.String(),
    }
)
"""Schema of computed (unsuppressed) results: columns of the published table, with the types
it publishes them with, and the hidden columns disclosure control and publishing need."""

QUALITY_SCHEMA = pl.Schema(
    {
        MEASURE_ID: pl.String(),
        PERIOD: pl.String(),
        AREA_CODE: pl.String(),
        AREA_NAME: pl.String(),
        "state": pl.String(),
        WORKPLACES: pl.Int64(),
    }
)
"""Schema of the data-quality report: workplaces left out of a measure, by state."""

_SHARE_INPUTS = {
    "leavers_remaining_in_sector": "recruited_from_sector",
    "experience_10_plus_share": "ten_plus_years",
    "full_time_share": "full_time",
    "zero_hours_share": "zero_hours",
    "relevant_qualification_share": "qualified",
    "care_certificate_share": "care_certificate",
    "pay_below_real_living_wage_share": "below_rlw",
    **POLICY_SHARE_INPUTS,
}
_MEAN_INPUTS = {
    "sickness_days_per_worker": "days_sick",
    "years_in_sector_mean": "years_in_sector",
    "average_age": "age",
    "hourly_pay_mean": "hourly_rate",
    **POLICY_MEAN_INPUTS,
}
_MEDIAN_INPUTS = {
    "hourly_pay_median": "hourly_rate",
    "annual_pay_fte_median": "annual_pay_fte",
    **POLICY_MEDIAN_INPUTS,
}
WORKPLACE_INPUTS: Final = {
    "vacancies": ("vacancies", None, "vacancy_state"),
    "vacancy_rate": ("vacancies", "filled", "vacancy_state"),
    "turnover_rate": ("leavers", "direct", "turnover_state"),
    "starters_rate": ("starters", "direct", "starters_state"),
}


def _keys(dimension: str, carry: Sequence[str] = ()) -> list[str]:
    base = [PERIOD, AREA_CODE, AREA_NAME]
    return base if dimension == Dimension.TOTAL else [*base, str(dimension), *carry]


def _place_count() -> pl.Expr:
    return pl.col(PLACE).n_unique()


def _median_parts(name: str, column: str) -> list[pl.Expr]:
    values = pl.col(column).drop_nulls().sort()
    n = pl.col(column).count()
    low, high = median_rank_bounds(n)
    return [
        pl.col(column).median().alias(f"{name}__value"),
        n.alias(f"{name}__den"),
        pl.when(n >= 2).then(values.get(low, null_on_oob=True)).alias(f"{name}__lo"),
        pl.when(n >= 2).then(values.get(high, null_on_oob=True)).alias(f"{name}__hi"),
    ]


def _worker_aggregations(measures: Sequence[Measure]) -> list[pl.Expr]:
    wanted = {m.id for m in measures}
    parts: list[pl.Expr] = [
        pl.len().alias("filled_posts__num"),
        _place_count().alias("__workplaces"),
    ]
    for name, column in _SHARE_INPUTS.items():
        if name in wanted:
            parts += [
                pl.col(column).sum().alias(f"{name}__num"),
                pl.col(column).count().alias(f"{name}__den"),
            ]
    for name, column in _MEAN_INPUTS.items():
        if name in wanted:
            parts += [
                pl.col(column).sum().alias(f"{name}__num"),
                pl.col(column).count().alias(f"{name}__den"),
                pl.col(column).std().alias(f"{name}__std"),
            ]
    for name, column in _MEDIAN_INPUTS.items():
        if name in wanted:
            parts += _median_parts(name, column)
    parts += policy_aggregations(wanted)
    if "pay_above_national_living_wage" in wanted:
        parts += [
            (pl.col("hourly_rate").median() - pl.col("national_living_wage").first()).alias(
                "pay_above_national_living_wage__value"
            ),
            pl.col("hourly_rate").count().alias("pay_above_national_living_wage__den"),
        ]
    if "experience_pay_premium" in wanted:
        parts += [
            (
                pl.col("hourly_rate_experienced").median() / pl.col("hourly_rate_new").median() - 1
            ).alias("experience_pay_premium__value"),
            (pl.col("hourly_rate_experienced").count() + pl.col("hourly_rate_new").count()).alias(
                "experience_pay_premium__den"
            ),
            pl.min_horizontal(
                pl.col("hourly_rate_experienced").count(), pl.col("hourly_rate_new").count()
            ).alias("experience_pay_premium__workers"),
        ]
    return parts


def _tidy(
    aggregated: pl.LazyFrame,
    measure: Measure,
    dimension: str,
    *,
    part_of: pl.Expr | None = None,
    category: pl.Expr | None = None,
) -> pl.LazyFrame:
    name = measure.id
    columns = set(aggregated.collect_schema().names())

    def col(suffix: str) -> pl.Expr:
        column = f"{name}__{suffix}"
        return (
            pl.col(column).cast(pl.Float64) if column in columns else pl.lit(None, dtype=pl.Float64)
        )

    numerator, denominator = col("num"), col("den")
    if measure.kind is Kind.COUNT:
        value, lower, upper = numerator, byar_lower(numerator), byar_upper(numerator)
        workers = numerator
    elif measure.kind is Kind.SHARE:
        value = pl.when(denominator > 0).then(numerator / denominator)
        lower, upper = wilson_lower(numerator, denominator), wilson_upper(numerator, denominator)
        workers = denominator
    elif measure.kind is Kind.MEAN:
        value = pl.when(denominator > 0).then(numerator / denominator)
        spread = Z_95 * col("std") / denominator.sqrt()
        lower = pl.when(denominator > 1).then(value - spread)
        upper = pl.when(denominator > 1).then(value + spread)
        workers = denominator
    elif measure.kind is Kind.MEDIAN:
        value, lower, upper = col("value"), col("lo"), col("hi")
        numerator = pl.lit(None, dtype=pl.Float64)
        workers = denominator
    else:
        value, lower, upper = (
            col("value"),
            pl.lit(None, dtype=pl.Float64),
            pl.lit(None, dtype=pl.Float64),
        )
        numerator = pl.lit(None, dtype=pl.Float64)
        workers = col("workers") if f"{name}__workers" in columns else denominator
    breakdown_value = (
        pl.lit(ALL) if dimension == Dimension.TOTAL else pl.col(str(dimension)).cast(pl.String)
    )
    return aggregated.select(
        pl.lit(name).alias(MEASURE_ID),
        pl.col(PERIOD),
        pl.col(AREA_CODE),
        pl.col(AREA_NAME),
        pl.lit(str(dimension)).alias(BREAKDOWN),
        breakdown_value.alias(BREAKDOWN_VALUE),
        numerator.alias(NUMERATOR),
        denominator.alias(DENOMINATOR),
        value.alias(VALUE),
        lower.alias(LOWER),
        upper.alias(UPPER),
        workers.fill_null(0).cast(pl.Int64).alias(WORKERS),
        pl.col("__workplaces").cast(pl.Int64).alias(WORKPLACES),
        (pl.lit(None, dtype=pl.String) if part_of is None else part_of).alias(PART_OF),
        (breakdown_value if category is None else category).alias(CATEGORY),
    )


SIMPLE_KINDS = (
    Kind.COUNT,
    Kind.SHARE,
    Kind.MEAN,
    Kind.MEDIAN,
    Kind.DIFFERENCE,
    Kind.SUM,
    Kind.QUANTILE,
)
"""Kinds of worker-level measures computed by one aggregation per breakdown."""


def simple_worker_measures(measures: Sequence[Measure] = MEASURES) -> list[Measure]:
    """The worker-level measures (not category shares, not training) of ``measures``."""
    return [m for m in measures if m.from_ascwds and not m.from_training and m.kind in SIMPLE_KINDS]


def worker_cells(
    frame: pl.LazyFrame,
    measures: Sequence[Measure],
    dimension: str,
    *,
    part_of: pl.Expr | None = None,
    category: pl.Expr | None = None,
    carry: Sequence[str] = (),
) -> list[pl.LazyFrame]:
    """Cells of worker-level ``measures`` for one breakdown column of ``frame`` (or the total).

    ``part_of`` and ``category`` give the hidden columns of a crossed breakdown's cells (by
    default none, and the whole breakdown value), from the breakdown and the ``carry`` columns
    (grouped by with the breakdown, which they depend on).
    """
    if not measures:
        return []
    source = (
        frame if dimension == Dimension.TOTAL else frame.filter(pl.col(dimension).is_not_null())
    )
    aggregated = source.group_by(_keys(dimension, carry)).agg(_worker_aggregations(measures))
    return [_tidy(aggregated, m, dimension, part_of=part_of, category=category) for m in measures]


def worker_measures(frame: pl.LazyFrame, measures: Sequence[Measure] = MEASURES) -> pl.LazyFrame:
    """Every worker-level measure (not category shares) for each of its breakdowns."""
    simple = simple_worker_measures(measures)
    dimensions = list(dict.fromkeys(d for m in simple for d in m.breakdowns))
    parts = []
    for dimension in dimensions:
        parts += worker_cells(frame, [m for m in simple if dimension in m.breakdowns], dimension)
    return pl.concat(parts, how="vertical") if parts else pl.LazyFrame(schema=RESULT_SCHEMA)


def category_shares(frame: pl.LazyFrame, measures: Sequence[Measure] = MEASURES) -> pl.LazyFrame:
    """Category-share measures: each category's share of the records with a known value.

    One group-by per breakdown computes every category of every category measure at once.
    """
    wanted = [
        m
        for m in measures
        if m.from_ascwds
        and not m.from_training
        and m.kind is Kind.CATEGORY_SHARE
        and m.categories is not None
    ]
    if not wanted:
        return pl.LazyFrame(schema=RESULT_SCHEMA)
    columns = sorted({m.categories.value for m in wanted if m.categories is not None})
    observed = frame.select(
        *(pl.col(c).drop_nulls().unique().sort().implode().alias(c) for c in columns)
    ).collect()
    values = {c: [str(v) for v in observed[0, c]] for c in columns}
    parts = []
    for dimension in dict.fromkeys(d for m in wanted for d in m.breakdowns):
        keys = _keys(dimension)
        source = (
            frame
            if dimension is Dimension.TOTAL
            else frame.filter(pl.col(dimension.value).is_not_null())
        )
        aggregations: list[pl.Expr] = []
        for column in columns:
            aggregations.append(pl.col(column).count().alias(f"{column}__known"))
            for index, category in enumerate(values[column]):
                chosen = pl.col(column) == category
                aggregations += [
                    chosen.sum().alias(f"{column}__{index}__n"),
                    pl.col(PLACE).filter(chosen).n_unique().alias(f"{column}__{index}__places"),
                ]
        aggregated = source.group_by(keys).agg(aggregations)
        for measure in wanted:
            if dimension not in measure.breakdowns or measure.categories is None:
                continue
            column = measure.categories.value
            for index, category in enumerate(values[column]):
                numerator = pl.col(f"{column}__{index}__n").cast(pl.Float64)
                denominator = pl.col(f"{column}__known").cast(pl.Float64)
                if dimension is Dimension.TOTAL:
                    breakdown, label, part_of = (
                        pl.lit(column),
                        pl.lit(category),
                        pl.lit(None, dtype=pl.String),
                    )
                else:
                    breakdown = pl.lit(f"{dimension.value}/{column}")
                    label = pl.concat_str(
                        [pl.col(dimension.value).cast(pl.String), pl.lit(category)], separator="/"
                    )
                    part_of = pl.col(dimension.value).cast(pl.String)
                parts.append(
                    aggregated.filter(numerator > 0).select(
                        pl.lit(measure.id).alias(MEASURE_ID),
                        pl.col(PERIOD),
                        pl.col(AREA_CODE),
                        pl.col(AREA_NAME),
                        breakdown.alias(BREAKDOWN),
                        label.cast(pl.String).alias(BREAKDOWN_VALUE),
                        numerator.alias(NUMERATOR),
                        denominator.alias(DENOMINATOR),
                        (numerator / denominator).alias(VALUE),
                        wilson_lower(numerator, denominator).alias(LOWER),
                        wilson_upper(numerator, denominator).alias(UPPER),
                        numerator.cast(pl.Int64).alias(WORKERS),
                        pl.col(f"{column}__{index}__places").cast(pl.Int64).alias(WORKPLACES),
                        part_of.alias(PART_OF),
                        pl.lit(category).alias(CATEGORY),
                    )
                )
    return pl.concat(parts, how="vertical") if parts else pl.LazyFrame(schema=RESULT_SCHEMA)


def workplace_cells(
    frame: pl.LazyFrame,
    measure: Measure,
    dimension: str,
    *,
    part_of: pl.Expr | None = None,
    category: pl.Expr | None = None,
    carry: Sequence[str] = (),
) -> pl.LazyFrame:
    """Cells of one workplace-reported measure (see ``WORKPLACE_INPUTS``) for one breakdown
    column of the workplace-role ``frame`` (or the total); see :func:`worker_cells`."""
    count, base, state = WORKPLACE_INPUTS[measure.id]
    valid = frame.filter(pl.col(state).is_null())
    aggregated = valid.group_by(_keys(dimension, carry)).agg(
        pl.col(count).sum().cast(pl.Float64).alias(NUMERATOR),
        (pl.col(base).sum() if base else pl.lit(0)).cast(pl.Float64).alias("_base"),
        pl.col("filled").sum().cast(pl.Int64).alias(WORKERS),
        _place_count().cast(pl.Int64).alias(WORKPLACES),
    )
    numerator = pl.col(NUMERATOR)
    if measure.kind is Kind.WORKPLACE_COUNT:
        denominator = pl.lit(None, dtype=pl.Float64)
        value, lower, upper = numerator, byar_lower(numerator), byar_upper(numerator)
    elif measure.kind is Kind.WORKPLACE_PROPORTION:
        denominator = pl.col("_base") + numerator
        value = pl.when(denominator > 0).then(numerator / denominator)
        lower, upper = (
            wilson_lower(numerator, denominator),
            wilson_upper(numerator, denominator),
        )
    else:
        denominator = pl.col("_base")
        value = pl.when(denominator > 0).then(numerator / denominator)
        lower = pl.when(denominator > 0).then(byar_lower(numerator) / denominator)
        upper = pl.when(denominator > 0).then(byar_upper(numerator) / denominator)
    breakdown_value = pl.lit(ALL) if dimension == Dimension.TOTAL else pl.col(dimension)
    return aggregated.select(
        pl.lit(measure.id).alias(MEASURE_ID),
        pl.col(PERIOD),
        pl.col(AREA_CODE),
        pl.col(AREA_NAME),
        pl.lit(str(dimension)).alias(BREAKDOWN),
        breakdown_value.cast(pl.String).alias(BREAKDOWN_VALUE),
        numerator.alias(NUMERATOR),
        denominator.alias(DENOMINATOR),
        value.alias(VALUE),
        lower.alias(LOWER),
        upper.alias(UPPER),
        pl.col(WORKERS),
        pl.col(WORKPLACES),
        (pl.lit(None, dtype=pl.String) if part_of is None else part_of).alias(PART_OF),
        (breakdown_value.cast(pl.String) if category is None else category).alias(CATEGORY),
    )


def workplace_measures(frame: pl.LazyFrame, measures: Sequence[Measure] = MEASURES) -> pl.LazyFrame:
    """Vacancies, vacancy rate, turnover and starters rates from workplace-reported counts."""
    parts = [
        workplace_cells(frame, measure, dimension)
        for measure in measures
        if measure.id in WORKPLACE_INPUTS
        for dimension in measure.breakdowns
    ]
    return pl.concat(parts, how="vertical") if parts else pl.LazyFrame(schema=RESULT_SCHEMA)


def data_quality(frame: pl.LazyFrame, measures: Sequence[Measure] = MEASURES) -> pl.LazyFrame:
    """Workplaces left out of each workplace-reported measure, by data-quality state."""
    parts = []
    for measure in measures:
        if measure.id not in WORKPLACE_INPUTS:
            continue
        state = WORKPLACE_INPUTS[measure.id][2]
        parts.append(
            frame.filter(pl.col(state).is_not_null())
            .group_by(PERIOD, AREA_CODE, AREA_NAME, pl.col(state).alias("state"))
            .agg(_place_count().cast(pl.Int64).alias(WORKPLACES))
            .select(
                pl.lit(measure.id).alias(MEASURE_ID),
                PERIOD,
                AREA_CODE,
                AREA_NAME,
                "state",
                WORKPLACES,
            )
        )
    if not parts:
        return pl.LazyFrame(schema=QUALITY_SCHEMA)
    return pl.concat(parts, how="vertical").with_columns(
        pl.col(PERIOD, AREA_CODE, AREA_NAME).cast(pl.String)
    )


def all_measures(
    workers: pl.LazyFrame, workplace_roles: pl.LazyFrame, measures: Sequence[Measure] = MEASURES
) -> pl.LazyFrame:
    """Every measure, unsuppressed, in one tidy frame."""
    texts = [PERIOD, AREA_CODE, AREA_NAME, BREAKDOWN_VALUE, PART_OF, CATEGORY]
    return pl.concat(
        [
            part.with_columns(pl.col(texts).cast(pl.String)).match_to_schema(RESULT_SCHEMA)
            for part in (
                worker_measures(workers, measures),
                category_shares(workers, measures),
                workplace_measures(workplace_roles, measures),
            )
        ],
        how="vertical",
    )
