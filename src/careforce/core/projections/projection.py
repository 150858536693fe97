"""The central projection of a parameter set, as a tidy frame: one row per group and year."""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.projections import columns as c
from careforce.core.projections.inputs import group_inputs
from careforce.core.projections.model import project_group
from careforce.core.projections.parameters import ProjectionParameters

MEASURE_COLUMNS: Final = (
    c.REQUIREMENT,
    c.DEMAND_GROWTH,
    c.POLICY_POSTS,
    c.VACANCIES_FILLED,
    c.EXTRA_DEMAND,
    c.REPLACEMENT,
    c.TOTAL_NEW_STAFF,
    c.EMPLOYER_REPLACEMENT,
    c.EMPLOYER_RECRUITMENT,
)
"""Measure columns of a projection frame, after ``group`` and ``year``."""

PROJECTION_SCHEMA: Final = pl.Schema(
    {c.GROUP: pl.String, c.YEAR: pl.Int64, **dict.fromkeys(MEASURE_COLUMNS, pl.Float64)}
)
"""Schema of a projection frame; the employer columns are null for groups without turnover."""


def project(params: ProjectionParameters) -> pl.DataFrame:
    """Project every group for every year after the base year up to the last report year.

    Raises:
        DriverError: a driver does not cover the years (checked parameters never do this).
    """
    years = params.years[1:]
    frames = []
    for group in params.groups:
        result = project_group(group_inputs(params, group))
        values = {
            c.REQUIREMENT: result.requirement,
            c.DEMAND_GROWTH: result.demand_growth,
            c.POLICY_POSTS: result.policy_posts,
            c.VACANCIES_FILLED: result.vacancies_filled,
            c.EXTRA_DEMAND: result.extra_demand,
            c.REPLACEMENT: result.replacement,
            c.TOTAL_NEW_STAFF: result.total_new_staff,
            c.EMPLOYER_REPLACEMENT: result.employer_replacement,
            c.EMPLOYER_RECRUITMENT: result.employer_recruitment,
        }
        frames.append(
            pl.DataFrame(
                {
                    c.GROUP: [group.name] * len(years),
                    c.YEAR: years,
                    **{
                        name: None if array is None else array[0, 1:].tolist()
                        for name, array in values.items()
                    },
                },
                schema=PROJECTION_SCHEMA,
            )
        )
    return pl.concat(frames)


def add_group_totals(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Append rows for the sum over groups (group ``all``) per year and any other keys.

    An employer column's total is null when any group lacks it, rather than a partial sum.
    """
    keys = [name for name in frame.collect_schema().names() if name not in MEASURE_COLUMNS]
    keys = [name for name in keys if name != c.GROUP]
    measures = [name for name in MEASURE_COLUMNS if name in frame.collect_schema().names()]
    totals = (
        frame.group_by(keys, maintain_order=True)
        .agg(
            pl.when(pl.col(name).null_count() > 0)
            .then(None)
            .otherwise(pl.col(name).sum())
            .alias(name)
            for name in measures
        )
        .with_columns(pl.lit(c.ALL_GROUPS).alias(c.GROUP))
    )
    return pl.concat([frame, totals.select(frame.collect_schema().names())])


def add_new_staff_in_year(frame: pl.LazyFrame, *, base_year: int) -> pl.LazyFrame:
    """Add the new staff needed during each year: the cumulative total's yearly difference."""
    keys = [
        name
        for name in frame.collect_schema().names()
        if name not in MEASURE_COLUMNS and name != c.YEAR
    ]
    previous = pl.col(c.TOTAL_NEW_STAFF).shift(1).over(keys, order_by=c.YEAR)
    first = pl.col(c.YEAR) == base_year + 1
    return frame.with_columns(
        (pl.col(c.TOTAL_NEW_STAFF) - pl.when(first).then(0.0).otherwise(previous)).alias(
            c.NEW_STAFF_IN_YEAR
        )
    )
