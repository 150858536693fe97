"""The shipped table of pay floors (``careforce/data/pay/pay-floors.csv``): the statutory
National Living Wage and the real Living Wage by the date each rate came into force, with the
source of each."""

from __future__ import annotations

import datetime as dt
from typing import Final

import polars as pl

from careforce.io.datasets import read_text_table
from careforce.io.package_data import package_data_path

PAY_FLOORS_FILE: Final = ("pay", "pay-floors.csv")
"""Where the table is shipped, under ``careforce/data``."""


def shipped_pay_floors() -> pl.DataFrame:
    """The shipped table: floor, in_force_from (Date), pounds_per_hour (Float64), source."""
    table = read_text_table(package_data_path(*PAY_FLOORS_FILE))
    return table.select(
        pl.col("floor"),
        pl.col("in_force_from").str.to_date("%Y-%m-%d"),
        pl.col("pounds_per_hour").cast(pl.Float64),
        pl.col("source"),
    )


def floor_rates(table: pl.DataFrame, floor: str) -> tuple[tuple[dt.date, float], ...]:
    """The rates of one floor of the table, by the date each came into force, oldest first."""
    rows = table.filter(pl.col("floor") == floor).sort("in_force_from")
    return tuple(
        zip(rows["in_force_from"].to_list(), rows["pounds_per_hour"].to_list(), strict=True)
    )
