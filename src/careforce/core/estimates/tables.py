"""The estimates as tidy measure rows (before disclosure control): filled posts and vacancies
for every area and breakdown, with bootstrap intervals, and the coverage of the returns."""

from __future__ import annotations

from typing import Final

import numpy as np
import polars as pl

from careforce.core.estimates.columns import (
    AREA_CODE,
    FILLED_POSTS,
    JOB_ROLE_GROUP,
    LEAVERS,
    LOCATION_ID,
    POPULATION,
    POSTS,
    SECTOR,
    SERVICE_GROUP,
    SOURCE,
    STARTERS,
    VACANCIES,
    Population,
    Source,
)
from careforce.core.estimates.estimate import PERCENTILES, Estimates, Replicates
from careforce.core.intervals import wilson_limits
from careforce.core.vocab.published import (
    BREAKDOWN,
    BREAKDOWN_VALUE,
    DENOMINATOR,
    MEASURE_ID,
    NUMERATOR,
    VALUE,
)
from careforce.core.vocab.published import LOWER as LOWER_CI
from careforce.core.vocab.published import UPPER as UPPER_CI

FILLED_POSTS_ESTIMATE: Final = "filled_posts_estimate"
"""Measure id: estimated filled posts of every in-scope location and unregistered workplace."""
HEADCOUNT_ESTIMATE: Final = "headcount_estimate"
"""Measure id: estimated people (headcount) holding the estimated filled posts
(``careforce.core.estimates.people``)."""
VACANCIES_ESTIMATE: Final = "vacancies_estimate"
"""Measure id: estimated vacancies."""
COVERAGE_LOCATIONS: Final = "coverage_locations_share"
"""Measure id: share of in-scope locations with a current return."""
COVERAGE_POSTS: Final = "coverage_posts_share"
"""Measure id: share of the estimated filled posts of locations that returns give."""
VACANCY_RATE_WEIGHTED: Final = "vacancy_rate_weighted"
"""Measure id: vacancies ÷ (filled posts + vacancies) of the estimated whole sector."""
TURNOVER_RATE_WEIGHTED: Final = "turnover_rate_weighted"
"""Measure id: leavers ÷ filled posts of the estimated whole sector."""
STARTERS_RATE_WEIGHTED: Final = "starters_rate_weighted"
"""Measure id: starters ÷ filled posts of the estimated whole sector."""
ESTIMATE_MEASURES: Final = (
    FILLED_POSTS_ESTIMATE,
    HEADCOUNT_ESTIMATE,
    VACANCIES_ESTIMATE,
    COVERAGE_LOCATIONS,
    COVERAGE_POSTS,
    VACANCY_RATE_WEIGHTED,
    TURNOVER_RATE_WEIGHTED,
    STARTERS_RATE_WEIGHTED,
)
"""The measure ids of the estimates, in order."""
NOT_KNOWN: Final = "not known"
"""Breakdown value of a workplace whose service group or sector is not known."""

COUNT_COLUMN: Final = "contributors"
"""Column of the rows: the locations and workplaces a cell is built on (for disclosure)."""
ROW_SCHEMA: Final = pl.Schema(
    {
        MEASURE_ID: pl.String(),
        AREA_CODE: pl.String(),
        BREAKDOWN: pl.String(),
        BREAKDOWN_VALUE: pl.String(),
        NUMERATOR: pl.Float64(),
        DENOMINATOR: pl.Float64(),
        VALUE: pl.Float64(),
        LOWER_CI: pl.Float64(),
        UPPER_CI: pl.Float64(),
        COUNT_COLUMN: pl.Int64(),
    }
)
"""Columns of the unpublished rows."""

_TOTAL = ("total", "all")


def combined_workplaces(estimates: Estimates) -> pl.DataFrame:
    """Locations and unregistered workplaces in one frame of what the tables sum."""
    locations = estimates.locations.select(
        LOCATION_ID,
        AREA_CODE,
        SERVICE_GROUP,
        SECTOR,
        SOURCE,
        FILLED_POSTS,
        VACANCIES,
        STARTERS,
        LEAVERS,
        pl.lit(Population.REGISTERED.value).alias(POPULATION),
    )
    workplaces = estimates.unregistered.select(
        pl.lit(None, dtype=pl.String).alias(LOCATION_ID),
        pl.col(AREA_CODE).cast(pl.String),
        pl.col(SERVICE_GROUP).cast(pl.String).fill_null(NOT_KNOWN),
        pl.col(SECTOR).cast(pl.String).fill_null(NOT_KNOWN),
        pl.lit(Source.RETURNED.value).alias(SOURCE),
        pl.col(FILLED_POSTS).cast(pl.Float64),
        pl.col(VACANCIES).cast(pl.Float64),
        pl.col(STARTERS).cast(pl.Float64),
        pl.col(LEAVERS).cast(pl.Float64),
        pl.lit(Population.NOT_REGISTERED.value).alias(POPULATION),
    )
    return pl.concat([locations, workplaces])


def _interval_sums(
    replicates: Replicates, keys: pl.DataFrame, scale: pl.Series | None = None
) -> pl.DataFrame:
    """2.5% and 97.5% percentiles of the replicate sums of modelled locations by key.

    ``keys`` has ``location_id`` and ``key``; ``scale`` multiplies each location's replicates
    (a count's ratio), aligned with ``replicates.location_ids``."""
    if not replicates.location_ids:
        return pl.DataFrame(schema={"key": pl.String, "_low": pl.Float64, "_high": pl.Float64})
    order = pl.DataFrame({LOCATION_ID: replicates.location_ids}).with_row_index("_column")
    mapped = order.join(keys, on=LOCATION_ID, how="inner").sort("key", "_column")
    values = replicates.values
    if scale is not None:
        values = values * scale.to_numpy()[np.newaxis, :]
    columns = mapped["_column"].to_numpy()
    key_values = mapped["key"].to_list()
    starts = [0] + [i for i in range(1, len(key_values)) if key_values[i] != key_values[i - 1]]
    sums = np.add.reduceat(values[:, columns], starts, axis=1)
    low, high = np.percentile(sums, PERCENTILES, axis=0)
    return pl.DataFrame({"key": [key_values[i] for i in starts], "_low": low, "_high": high})


def _level(by: str | None) -> tuple[list[str], pl.Expr]:
    """The group-by keys and breakdown value of a breakdown (``None``: the headline)."""
    if by is None:
        return [AREA_CODE], pl.lit(_TOTAL[1])
    return [AREA_CODE, by], pl.col(by)


def _cell(measure: str, breakdown: str, value: pl.Expr) -> list[pl.Expr]:
    """The columns naming a cell: measure, area, breakdown and its value."""
    return [
        pl.lit(measure).alias(MEASURE_ID),
        pl.col(AREA_CODE),
        pl.lit(breakdown).alias(BREAKDOWN),
        value.alias(BREAKDOWN_VALUE),
    ]


LEVELS: Final = (("total", None), (SERVICE_GROUP, SERVICE_GROUP))
"""The breakdowns of the coverage and weighted rates: the headline and service group."""


def sums(
    frame: pl.DataFrame, measure: str, column: str, breakdown: str, by: str | None
) -> pl.DataFrame:
    """The sum of ``column`` by area and breakdown as rows of ``measure``."""
    groups, value = _level(by)
    return (
        frame.group_by(groups)
        .agg(
            # No figure known at all is no figure, not zero.
            pl.when(pl.col(column).is_not_null().any()).then(pl.col(column).sum()).alias(NUMERATOR),
            pl.len().cast(pl.Int64).alias(COUNT_COLUMN),
        )
        .select(
            *_cell(measure, breakdown, value),
            NUMERATOR,
            COUNT_COLUMN,
        )
    )


def _key(breakdown_value: pl.Expr) -> pl.Expr:
    return pl.format("{}|{}", pl.col(AREA_CODE), breakdown_value)


def with_intervals(
    rows: pl.DataFrame,
    combined: pl.DataFrame,
    replicates: Replicates,
    *,
    column: str,
    ratios: pl.Series | None,
) -> pl.DataFrame:
    """Intervals of the total and service-group rows of a count (``column`` of ``combined``):
    the fixed part (every figure not modelled) plus the replicate sums, each modelled
    location's replicates scaled by its ratio (``ratios``, in the replicates' order) when the
    count is its filled posts times a ratio."""
    modelled = combined.filter(pl.col(SOURCE) == Source.MODELLED.value)
    keys = pl.concat(
        [
            modelled.select(LOCATION_ID, _key(pl.lit(_TOTAL[1])).alias("key")),
            modelled.select(LOCATION_ID, _key(pl.col(SERVICE_GROUP)).alias("key")),
        ]
    )
    intervals = _interval_sums(replicates, keys, ratios)
    modelled_sums = pl.concat(
        [
            modelled.group_by(AREA_CODE)
            .agg(pl.col(column).sum().alias("_modelled"))
            .select(_key(pl.lit(_TOTAL[1])).alias("key"), "_modelled"),
            modelled.group_by(AREA_CODE, SERVICE_GROUP)
            .agg(pl.col(column).sum().alias("_modelled"))
            .select(_key(pl.col(SERVICE_GROUP)).alias("key"), "_modelled"),
        ]
    )
    return (
        rows.with_columns(_key(pl.col(BREAKDOWN_VALUE)).alias("key"))
        .join(intervals, on="key", how="left")
        .join(modelled_sums, on="key", how="left")
        .with_columns(
            pl.when(pl.col(BREAKDOWN).is_in(["total", SERVICE_GROUP]))
            .then(
                pl.col(NUMERATOR)
                - pl.col("_modelled").fill_null(0)
                + pl.col("_low").fill_null(pl.col("_modelled").fill_null(0))
            )
            .alias(LOWER_CI),
            pl.when(pl.col(BREAKDOWN).is_in(["total", SERVICE_GROUP]))
            .then(
                pl.col(NUMERATOR)
                - pl.col("_modelled").fill_null(0)
                + pl.col("_high").fill_null(pl.col("_modelled").fill_null(0))
            )
            .alias(UPPER_CI),
        )
        .drop("key", "_low", "_high", "_modelled")
    )


def _coverage(combined: pl.DataFrame) -> pl.DataFrame:
    located = combined.filter(pl.col(POPULATION) == Population.REGISTERED.value).with_columns(
        (pl.col(SOURCE) == Source.RETURNED.value).alias("_returned")
    )
    parts = []
    for breakdown, by in LEVELS:
        groups, value = _level(by)
        aggregated = located.group_by(groups).agg(
            pl.col("_returned").sum().cast(pl.Float64).alias("_returned_locations"),
            pl.len().cast(pl.Float64).alias("_locations"),
            pl.col(FILLED_POSTS).filter(pl.col("_returned")).sum().alias("_returned_posts"),
            pl.col(FILLED_POSTS).sum().alias("_posts"),
        )
        for measure, numerator, denominator in (
            (COVERAGE_LOCATIONS, "_returned_locations", "_locations"),
            (COVERAGE_POSTS, "_returned_posts", "_posts"),
        ):
            parts.append(
                aggregated.select(
                    *_cell(measure, breakdown, value),
                    pl.col(numerator).alias(NUMERATOR),
                    pl.col(denominator).alias(DENOMINATOR),
                    pl.when(pl.col(denominator) > 0)
                    .then(pl.col(numerator) / pl.col(denominator))
                    .alias(VALUE),
                    pl.col("_locations").cast(pl.Int64).alias(COUNT_COLUMN),
                )
            )
    return pl.concat(parts)


_SAMPLE = "_sample"


def _weighted_rates(combined: pl.DataFrame) -> pl.DataFrame:
    """Rates of the estimated whole sector: every location and workplace counts with its
    estimated filled posts, and the counts of estimated locations come from the ratios of
    returned locations of their service group and size band, so the rates are the returns'
    weighted to the estimated workforce by service and size. Counts not known in a return
    are left out of the rate's numerator and denominator alike. The 95% interval is Wilson's
    on the returns the rate is weighted from (their posts, plus their vacancies for the vacancy
    rate): the weighting moves the rate, not the information behind it."""
    parts = []
    for breakdown, by in LEVELS:
        groups, value = _level(by)
        for measure, count, plus_count in (
            (VACANCY_RATE_WEIGHTED, VACANCIES, True),
            (TURNOVER_RATE_WEIGHTED, LEAVERS, False),
            (STARTERS_RATE_WEIGHTED, STARTERS, False),
        ):
            known = pl.col(count).is_not_null()
            posts = pl.col(FILLED_POSTS).filter(known).sum()
            numerator = pl.col(count).filter(known).sum()
            denominator = posts + numerator if plus_count else posts
            # The rate's sample: the posts (and vacancies) of the workplaces that returned the
            # count, the only ones observed; the rest are weighted from them.
            observed = known & (pl.col(SOURCE) == Source.RETURNED.value)
            sample = pl.col(FILLED_POSTS).filter(observed).sum() + (
                pl.col(count).filter(observed).sum() if plus_count else 0.0
            )
            rate = pl.col(NUMERATOR) / pl.col(DENOMINATOR)
            lower, upper = wilson_limits(rate, pl.col(_SAMPLE))
            parts.append(
                combined.group_by(groups)
                .agg(
                    numerator.alias(NUMERATOR),
                    denominator.alias(DENOMINATOR),
                    known.sum().cast(pl.Int64).alias(COUNT_COLUMN),
                    sample.alias(_SAMPLE),
                )
                .select(
                    *_cell(measure, breakdown, value),
                    NUMERATOR,
                    DENOMINATOR,
                    pl.when(pl.col(DENOMINATOR) > 0).then(rate).alias(VALUE),
                    # A rate above 1 (more leavers than posts) is no proportion: no interval.
                    pl.when((pl.col(DENOMINATOR) > 0) & (rate <= 1)).then(lower).alias(LOWER_CI),
                    pl.when((pl.col(DENOMINATOR) > 0) & (rate <= 1)).then(upper).alias(UPPER_CI),
                    COUNT_COLUMN,
                )
            )
    return pl.concat(parts)


def _vacancy_ratios(estimates: Estimates) -> pl.Series:
    """Vacancies per filled post of each modelled location, in the order of the replicates."""
    order = pl.DataFrame(
        {LOCATION_ID: estimates.replicates.location_ids}, schema={LOCATION_ID: pl.String}
    )
    return (
        order.join(estimates.locations, on=LOCATION_ID, how="left", maintain_order="left")
        .select((pl.col(VACANCIES) / pl.col(FILLED_POSTS)).fill_null(0.0).fill_nan(0.0))
        .to_series()
    )


def estimate_rows(estimates: Estimates) -> pl.DataFrame:
    """Every estimate measure by area and breakdown (:data:`ROW_SCHEMA`), unrounded: filled
    posts and vacancies with 95% bootstrap intervals (total and service group), filled posts by
    sector, population and job-role group, and the coverage shares."""
    combined = combined_workplaces(estimates)
    roles = estimates.roles.with_columns(
        pl.col(JOB_ROLE_GROUP).fill_null(NOT_KNOWN), pl.col(POSTS).alias(FILLED_POSTS)
    )
    posts = pl.concat(
        [
            sums(combined, FILLED_POSTS_ESTIMATE, FILLED_POSTS, "total", None),
            sums(combined, FILLED_POSTS_ESTIMATE, FILLED_POSTS, SERVICE_GROUP, SERVICE_GROUP),
        ]
    )
    vacancies = pl.concat(
        [
            sums(combined, VACANCIES_ESTIMATE, VACANCIES, "total", None),
            sums(combined, VACANCIES_ESTIMATE, VACANCIES, SERVICE_GROUP, SERVICE_GROUP),
        ]
    )
    plain = pl.concat(
        [
            sums(combined, FILLED_POSTS_ESTIMATE, FILLED_POSTS, SECTOR, SECTOR),
            sums(combined, FILLED_POSTS_ESTIMATE, FILLED_POSTS, POPULATION, POPULATION),
            sums(roles, FILLED_POSTS_ESTIMATE, FILLED_POSTS, JOB_ROLE_GROUP, JOB_ROLE_GROUP),
        ]
    )
    parts = [
        with_intervals(posts, combined, estimates.replicates, column=FILLED_POSTS, ratios=None),
        plain,
        _coverage(combined),
        _weighted_rates(combined),
    ]
    parts.append(
        with_intervals(
            vacancies,
            combined,
            estimates.replicates,
            column=VACANCIES,
            ratios=_vacancy_ratios(estimates),
        )
    )
    order = {m: i for i, m in enumerate(ESTIMATE_MEASURES)}
    return (
        pl.concat([p.match_to_schema(ROW_SCHEMA, missing_columns="insert") for p in parts])
        .with_columns(
            pl.when(pl.col(VALUE).is_null() & pl.col(DENOMINATOR).is_null())
            .then(pl.col(NUMERATOR))
            .otherwise(pl.col(VALUE))
            .alias(VALUE)
        )
        .sort(
            pl.col(MEASURE_ID).replace_strict(order, return_dtype=pl.Int64),
            AREA_CODE,
            pl.col(BREAKDOWN) != "total",
            BREAKDOWN,
            BREAKDOWN_VALUE,
        )
    )
