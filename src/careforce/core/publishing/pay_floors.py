"""Pay floor scenarios as published: the cells of ``core/indicators/pay_floors.py`` with those
built on few workers or workplaces withheld (symbol ``[c]``), a second part of a breakdown
withheld with a lone withheld one (so it cannot be worked out from the total), and counts
rounded, the share below worked out from the rounded counts (as published measures are)."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from careforce.core.disclosure.suppression import SUPPRESSED, WORKERS, flag_secondary_suppression
from careforce.core.indicators.pay_floors import SCENARIO_SCHEMA, Floor, pay_floor_cells
from careforce.core.vocab.published import AREA_CODE, PERIOD, Symbol


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
    small = (pl.col("workers_with_pay") < min_workers) | (pl.col("workplaces") < min_workplaces)
    checked = flag_secondary_suppression(
        pay_floor_cells(frame, floors).with_columns(
            pl.col("workers_with_pay").alias(WORKERS), small.alias(SUPPRESSED)
        ),
        group=["floor", PERIOD, AREA_CODE, "breakdown"],
        order=["breakdown_value"],
    )
    base = float(rounding_base)
    with_pay = ((pl.col("workers_with_pay") / base).round(0) * base).cast(pl.Int64)
    below = ((pl.col("workers_below") / base).round(0) * base).cast(pl.Int64)
    shown = ~pl.col(SUPPRESSED)
    return (
        checked.with_columns(
            pl.when(shown).then(with_pay).alias("workers_with_pay"),
            pl.when(shown).then(below).alias("workers_below"),
            pl.when(shown & (with_pay > 0)).then(below / with_pay).alias("share_below"),
            pl.when(shown).then(pl.col("annual_cost")).alias("annual_cost"),
            pl.when(~shown).then(pl.lit(Symbol.CONFIDENTIAL.value)).alias("symbol"),
        )
        .select(list(SCENARIO_SCHEMA))
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
