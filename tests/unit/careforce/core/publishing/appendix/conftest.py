"""Hand-built measure rows with known answers, for the appendix's tests."""

from __future__ import annotations

from typing import Any

import pytest

from careforce.core.publishing.appendix.cells import MeasureRows
from careforce.core.vocab import published as pub

AREA = ("E10000028", "Staffordshire")


def row(
    measure: str,
    period: str,
    value: float | None,
    *,
    unit: str = "proportion",
    breakdown: str = "total",
    breakdown_value: str = "all",
    lower: float | None = None,
    upper: float | None = None,
    comparator: float | None = None,
    symbol: str | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """One published measure row."""
    return {
        pub.MEASURE_ID: measure,
        pub.MEASURE_NAME: name or measure.replace("_", " ").capitalize(),
        pub.PERIOD: period,
        pub.AREA_CODE: AREA[0],
        pub.AREA_NAME: AREA[1],
        pub.BREAKDOWN: breakdown,
        pub.BREAKDOWN_VALUE: breakdown_value,
        pub.NUMERATOR: None,
        pub.DENOMINATOR: None,
        pub.VALUE: value,
        pub.LOWER: lower,
        pub.UPPER: upper,
        pub.UNIT: unit,
        pub.POLARITY: "no-judgement",
        pub.COMPARATOR_VALUE: comparator,
        pub.COMPARISON: "not-compared",
        pub.SYMBOL: symbol,
    }


ROWS = [
    row("turnover_rate", "2020/21", 0.282, unit="rate", lower=0.275, upper=0.289, name="Turnover"),
    row("turnover_rate", "2021/22", 0.322, unit="rate", lower=0.314, upper=0.331, name="Turnover"),
    row("turnover_rate", "2022/23", 0.5, unit="rate", name="Turnover"),
    row("vacancy_rate", "2020/21", 0.098, lower=0.09, upper=0.106, name="Vacancy rate"),
    row(
        "vacancy_rate",
        "2021/22",
        0.099,
        lower=0.091,
        upper=0.107,
        comparator=0.104,
        name="Vacancy rate",
    ),
    row("filled_posts", "2021/22", 18255.0, unit="count", name="Filled posts"),
    row(
        "filled_posts",
        "2021/22",
        6305.0,
        unit="count",
        breakdown="service_group",
        breakdown_value="residential",
        name="Filled posts",
    ),
    row(
        "filled_posts",
        "2021/22",
        None,
        unit="count",
        breakdown="service_group",
        breakdown_value="day and community",
        symbol="[c]",
        name="Filled posts",
    ),
    row(
        "hourly_pay_median",
        "2021/22",
        9.456,
        unit="pounds per hour",
        breakdown="sector",
        breakdown_value="independent",
        name="Median hourly pay",
    ),
    row(
        "census_share", "2021", 0.51, breakdown="sex", breakdown_value="Female", name="Census share"
    ),
    row(
        "workforce_share",
        "2021/22",
        0.86,
        breakdown="sex",
        breakdown_value="Female",
        name="Workforce share",
    ),
    row(
        "workforce_share",
        "2021/22",
        0.14,
        breakdown="sex",
        breakdown_value="Male",
        name="Workforce share",
    ),
    row("claimant_count", "2022-03", 16010.0, unit="count", name="Claimant count"),
    row("claimant_count", "2022-04", 15515.0, unit="count", name="Claimant count"),
    row("claimant_count", "2023-01", 14000.0, unit="count", name="Claimant count"),
]
"""Rows with known answers: turnover rose (intervals apart), vacancy little changed, a
suppressed cell, a later period that an appendix of 2021/22 must not show."""


@pytest.fixture
def rows() -> MeasureRows:
    return MeasureRows(ROWS)


@pytest.fixture
def make_row() -> Any:
    return row
