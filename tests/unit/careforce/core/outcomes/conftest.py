"""Hand-built frameworks and indicator series for the outcomes tests.

Tests reach the helpers through the ``build`` fixture (a namespace), so nothing imports this
module directly:

* ``build.rows(measure_id, {period: (value, lower, upper, symbol)}, **options)`` — indicator
  result rows of one series;
* ``build.framework(*measures, baseline=...)`` — framework data with one outcome and sub-outcome;
* ``build.score(framework_data, rows, test=...)`` — the evaluated scorecard.
"""

from __future__ import annotations

import copy
from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest

from careforce.core.outcomes.bindings import framework_sources, manual_values
from careforce.core.outcomes.evaluation import evaluate_framework
from careforce.core.outcomes.framework import (
    Framework,
    SignificanceTest,
    framework_json_schema,
    parse_framework,
)
from careforce.core.vocab import published as pub

SCHEMA = framework_json_schema()

PERIODS = ("2019/20", "2020/21", "2021/22")

INDICATOR_SCHEMA = pl.Schema(
    {
        pub.MEASURE_ID: pl.String,
        pub.MEASURE_NAME: pl.String,
        pub.PERIOD: pl.String,
        pub.AREA_CODE: pl.String,
        pub.AREA_NAME: pl.String,
        pub.BREAKDOWN: pl.String,
        pub.BREAKDOWN_VALUE: pl.String,
        pub.VALUE: pl.Float64,
        pub.LOWER: pl.Float64,
        pub.UPPER: pl.Float64,
        pub.UNIT: pl.String,
        pub.POLARITY: pl.String,
        pub.SYMBOL: pl.String,
    }
)

Point = tuple[float | None, float | None, float | None, str | None]
"""(value, lower, upper, symbol) of one period."""


def indicator_rows(
    measure_id: str,
    points: dict[str, Point],
    *,
    polarity: str = "low-is-good",
    unit: str = "proportion",
    breakdown: str = "total",
    breakdown_value: str = "all",
) -> list[dict[str, Any]]:
    """Rows of indicator results for one series."""
    return [
        {
            pub.MEASURE_ID: measure_id,
            pub.MEASURE_NAME: measure_id.replace("_", " ").capitalize(),
            pub.PERIOD: period,
            pub.AREA_CODE: "E10000028",
            pub.AREA_NAME: "Staffordshire",
            pub.BREAKDOWN: breakdown,
            pub.BREAKDOWN_VALUE: breakdown_value,
            pub.VALUE: value,
            pub.LOWER: lower,
            pub.UPPER: upper,
            pub.UNIT: unit,
            pub.POLARITY: polarity,
            pub.SYMBOL: symbol,
        }
        for period, (value, lower, upper, symbol) in points.items()
    ]


def framework_data(*measures: dict[str, Any], baseline: str = "2020/21") -> dict[str, Any]:
    """A framework with one outcome, one sub-outcome and the given measures."""
    return {
        "schema_version": "1",
        "name": "Test framework",
        "baseline_period": baseline,
        "outcomes": [
            {
                "code": "1",
                "title": "More resilience",
                "sub_outcomes": [
                    {"code": "1.1", "title": "Capacity", "measures": list(measures)},
                ],
            }
        ],
    }


def score(
    data: dict[str, Any],
    rows: list[dict[str, Any]],
    *,
    test: SignificanceTest | None = None,
    with_base: bool = False,
) -> pl.DataFrame:
    """Parse the framework and evaluate it against the rows (``with_base``: the rows carry the
    ``base`` column of :func:`~careforce.core.outcomes.bases.indicators_on_base`)."""
    framework: Framework = parse_framework(copy.deepcopy(data), SCHEMA)
    schema = pl.Schema({**INDICATOR_SCHEMA, "base": pl.String}) if with_base else INDICATOR_SCHEMA
    return evaluate_framework(
        pl.DataFrame(rows, schema=schema).lazy(),
        framework_sources(framework).lazy(),
        manual_values(framework).lazy(),
        area_code="E10000028",
        area_name="Staffordshire",
        test=test or framework.significance_test,
    ).collect()


@pytest.fixture(scope="session")
def build() -> SimpleNamespace:
    """The helpers of this module."""
    return SimpleNamespace(rows=indicator_rows, framework=framework_data, score=score)
