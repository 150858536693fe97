"""Pay floor scenarios: for each floor (a rate in force at the reference date, or any rate a
user supplies, such as a Fair Pay Agreement minimum), the staff paid below it and the annual
cost of raising them to it, by breakdown (unsuppressed: ``core/publishing/pay_floors.py``
withholds small cells)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from careforce.core.indicators.catalogue import Dimension
from careforce.core.indicators.frames import PLACE
from careforce.core.indicators.workforce_policy import (
    HOURLY_PAY_ALL,
    WEEKLY_HOURS,
    floor_cost,
    floor_shortfall,
)
from careforce.core.vocab.published import ALL, AREA_CODE, AREA_NAME, PERIOD

BREAKDOWNS = (
    Dimension.TOTAL,
    Dimension.SECTOR,
    Dimension.SERVICE_GROUP,
    Dimension.JOB_ROLE_GROUP,
    Dimension.KEY_ROLE,
)
"""Breakdowns of the scenarios."""


@dataclass(frozen=True)
class Floor:
    """A pay floor: its name and either a fixed rate or a table of rates by date in force."""

    name: str
    rate: float | None = None
    rates: tuple[tuple[dt.date, float], ...] = ()

    def expression(self, day: pl.Expr) -> pl.Expr:
        """The floor's rate on each row's reference date."""
        if self.rate is not None:
            return pl.lit(self.rate, dtype=pl.Float64)
        expression: pl.Expr = pl.lit(None, dtype=pl.Float64)
        for start, value in self.rates:
            expression = pl.when(day >= pl.lit(start)).then(pl.lit(value)).otherwise(expression)
        return expression


SCENARIO_SCHEMA = pl.Schema(
    {
        "floor": pl.String(),
        "floor_rate": pl.Float64(),
        PERIOD: pl.String(),
        AREA_CODE: pl.String(),
        AREA_NAME: pl.String(),
        "breakdown": pl.String(),
        "breakdown_value": pl.String(),
        "workers_with_pay": pl.Int64(),
        "workers_below": pl.Int64(),
        "share_below": pl.Float64(),
        "annual_cost": pl.Float64(),
        "symbol": pl.String(),
    }
)
"""Columns of the scenario table."""


CELL_SCHEMA = pl.Schema(
    {
        "floor": pl.String(),
        "floor_rate": pl.Float64(),
        PERIOD: pl.String(),
        AREA_CODE: pl.String(),
        AREA_NAME: pl.String(),
        "breakdown": pl.String(),
        "breakdown_value": pl.String(),
        "workers_with_pay": pl.Int64(),
        "workers_below": pl.Int64(),
        "annual_cost": pl.Float64(),
        "workplaces": pl.Int64(),
    }
)
"""Columns of the unsuppressed cells: the scenario's, with the workplaces each is built on."""


def pay_floor_cells(frame: pl.LazyFrame, floors: Sequence[Floor]) -> pl.LazyFrame:
    """The workers paid below each floor and the annual cost (Σ shortfall × weekly hours × 52)
    of raising them to it, by breakdown, unsuppressed (``core/publishing/pay_floors.py``
    withholds small cells).

    Args:
        frame: the worker frame (``frames.worker_measure_frame``).
        floors: the floors.
    """
    parts = []
    pay = pl.col(HOURLY_PAY_ALL)
    for floor in floors:
        rate = floor.expression(pl.col("reference_date"))
        with_floor = frame.with_columns(
            rate.alias("_floor"), floor_shortfall(pay, rate).alias("_short")
        )
        for dimension in BREAKDOWNS:
            keys = [PERIOD, AREA_CODE, AREA_NAME]
            source = with_floor
            if dimension is not Dimension.TOTAL:
                keys.append(dimension.value)
                source = with_floor.filter(pl.col(dimension.value).is_not_null())
            value = (pl.lit(ALL) if dimension is Dimension.TOTAL else pl.col(dimension.value)).cast(
                pl.String
            )
            parts.append(
                source.filter(pay.is_not_null())
                .group_by(keys)
                .agg(
                    pl.len().alias("workers_with_pay"),
                    (pay < pl.col("_floor")).sum().alias("workers_below"),
                    floor_cost(pl.col("_short"), pl.col(WEEKLY_HOURS).fill_null(0.0)).alias(
                        "annual_cost"
                    ),
                    pl.col("_floor").max().alias("floor_rate"),
                    pl.col(PLACE).n_unique().alias("workplaces"),
                )
                .select(
                    pl.lit(floor.name).alias("floor"),
                    pl.col("floor_rate"),
                    pl.col(PERIOD).cast(pl.String),
                    pl.col(AREA_CODE).cast(pl.String),
                    pl.col(AREA_NAME).cast(pl.String),
                    pl.lit(dimension.value).alias("breakdown"),
                    value.alias("breakdown_value"),
                    pl.col("workers_with_pay").cast(pl.Int64),
                    pl.col("workers_below").cast(pl.Int64),
                    "annual_cost",
                    pl.col("workplaces").cast(pl.Int64),
                )
            )
    if not parts:
        return pl.LazyFrame(schema=CELL_SCHEMA)
    return pl.concat(parts).match_to_schema(CELL_SCHEMA)
