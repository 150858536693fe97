"""Pay floor scenarios: for each floor (a rate in force at the reference date, or any rate a
user supplies, such as a Fair Pay Agreement minimum), the share of staff paid below it and the
annual cost of raising them to it, by breakdown, with small cells withheld (and a second part
of a breakdown with one, so it cannot be worked out from the total)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from careforce.core.disclosure.suppression import SUPPRESSED, WORKERS, flag_secondary_suppression
from careforce.core.indicators.catalogue import Dimension
from careforce.core.indicators.frames import PLACE
from careforce.core.indicators.workforce_policy import (
    HOURLY_PAY_ALL,
    WEEKLY_HOURS,
    floor_cost,
    floor_shortfall,
)
from careforce.core.vocab.published import ALL, AREA_CODE, AREA_NAME, PERIOD, Symbol

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


def pay_floor_scenarios(
    frame: pl.LazyFrame,
    floors: Sequence[Floor],
    *,
    min_workers: int,
    min_workplaces: int,
    rounding_base: int,
) -> pl.LazyFrame:
    """The share below and the annual cost (Σ shortfall × weekly hours × 52) of each floor.

    Args:
        frame: the worker frame (``frames.worker_measure_frame``).
        floors: the floors.
        min_workers: cells of fewer workers with pay are withheld (symbol ``[c]``).
        min_workplaces: cells of fewer workplaces are withheld.
        rounding_base: counts are rounded to a multiple of this, and the share is worked out
            from the rounded counts (as published measures are).
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
            aggregated = (
                source.filter(pay.is_not_null())
                .group_by(keys)
                .agg(
                    pl.len().alias("workers_with_pay"),
                    (pay < pl.col("_floor")).sum().alias("workers_below"),
                    floor_cost(pl.col("_short"), pl.col(WEEKLY_HOURS).fill_null(0.0)).alias(
                        "_cost"
                    ),
                    pl.col("_floor").max().alias("floor_rate"),
                    pl.col(PLACE).n_unique().alias("_places"),
                )
            )
            small = (pl.col("workers_with_pay") < min_workers) | (
                pl.col("_places") < min_workplaces
            )
            value = (pl.lit(ALL) if dimension is Dimension.TOTAL else pl.col(dimension.value)).cast(
                pl.String
            )
            parts.append(
                aggregated.select(
                    pl.lit(floor.name).alias("floor"),
                    pl.col("floor_rate"),
                    pl.col(PERIOD).cast(pl.String),
                    pl.col(AREA_CODE).cast(pl.String),
                    pl.col(AREA_NAME).cast(pl.String),
                    pl.lit(dimension.value).alias("breakdown"),
                    value.alias("breakdown_value"),
                    "workers_with_pay",
                    "workers_below",
                    "_cost",
                    small.alias(SUPPRESSED),
                )
            )
    if not parts:
        return pl.LazyFrame(schema=SCENARIO_SCHEMA)
    # A lone withheld part of a breakdown would be the total minus the others: withhold a second.
    checked = flag_secondary_suppression(
        pl.concat(parts).with_columns(pl.col("workers_with_pay").alias(WORKERS)),
        group=["floor", PERIOD, AREA_CODE, "breakdown"],
        order=["breakdown_value"],
    )
    base = float(rounding_base)
    with_pay = ((pl.col("workers_with_pay") / base).round(0) * base).cast(pl.Int64)
    below = ((pl.col("workers_below") / base).round(0) * base).cast(pl.Int64)
    shown = ~pl.col(SUPPRESSED)
    published = checked.with_columns(
        pl.when(shown).then(with_pay).alias("workers_with_pay"),
        pl.when(shown).then(below).alias("workers_below"),
        pl.when(shown & (with_pay > 0)).then(below / with_pay).alias("share_below"),
        pl.when(shown).then(pl.col("_cost")).alias("annual_cost"),
        pl.when(~shown).then(pl.lit(Symbol.CONFIDENTIAL.value)).alias("symbol"),
    )
    return (
        published.select(list(SCENARIO_SCHEMA))
        .match_to_schema(SCENARIO_SCHEMA)
        .sort(
            "floor",
            PERIOD,
            AREA_CODE,
            pl.col("breakdown") != "total",
            "breakdown",
            "breakdown_value",
        )
    )
