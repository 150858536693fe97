"""Trends of published series."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careforce.core.indicators.judgement import Trend
from careforce.core.publishing.trends import PERIODS, TREND, trends
from careforce.core.vocab.published import PUBLISHED_SCHEMA

pytestmark = pytest.mark.unit

YEARS = ("2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22")


def table(rows: list[dict[str, object]]) -> pl.DataFrame:
    """Published rows: the columns trends read, every other column empty."""
    full = [
        {
            "measure_id": "vacancy_rate",
            "area_code": "E1",
            "breakdown": "total",
            "breakdown_value": "all",
            **row,
        }
        for row in rows
    ]
    return pl.DataFrame(full, schema=PUBLISHED_SCHEMA)


def series(
    values: list[float | None], spread: float = 0.001, **keys: str
) -> list[dict[str, object]]:
    return [
        {
            "period": period,
            "value": value,
            "lower_ci": None if value is None else value - spread,
            "upper_ci": None if value is None else value + spread,
            **keys,
        }
        for period, value in zip(YEARS, values, strict=False)
    ]


class TestTrends:
    def test_a_steady_rise_is_increasing(self) -> None:
        result = trends(table(series([0.1, 0.11, 0.12, 0.13, 0.14])))
        assert result.to_dicts() == [
            {
                "measure_id": "vacancy_rate",
                "area_code": "E1",
                "breakdown": "total",
                "breakdown_value": "all",
                PERIODS: "2016/17;2017/18;2018/19;2019/20;2020/21",
                TREND: Trend.INCREASING.value,
            }
        ]

    def test_a_steady_fall_is_decreasing(self) -> None:
        result = trends(table(series([0.2, 0.18, 0.16, 0.14, 0.12, 0.1])))
        assert result[TREND].to_list() == [Trend.DECREASING.value]

    def test_wide_intervals_show_no_significant_change(self) -> None:
        result = trends(table(series([0.1, 0.11, 0.1, 0.11, 0.1], spread=0.2)))
        assert result[TREND].to_list() == [Trend.NO_SIGNIFICANT_CHANGE.value]

    def test_four_values_are_too_few(self) -> None:
        result = trends(table(series([0.1, 0.11, 0.12, None, 0.14])))
        assert result[TREND].to_list() == [Trend.CANNOT_BE_CALCULATED.value]

    def test_periods_are_sorted_within_each_series(self) -> None:
        rows = list(reversed(series([0.1, 0.2]))) + series([0.3], breakdown_value="home care")
        result = trends(table(rows))
        assert result.select("breakdown_value", PERIODS).rows() == [
            ("all", "2016/17;2017/18"),
            ("home care", "2016/17"),
        ]

    def test_trend_over_five_periods(self) -> None:
        periods = ["2017/18", "2018/19", "2019/20", "2020/21", "2021/22"]
        table = pl.DataFrame(
            {
                "measure_id": ["turnover_rate"] * 5,
                "area_code": ["E10000028"] * 5,
                "breakdown": ["total"] * 5,
                "breakdown_value": ["all"] * 5,
                # newest first: trends() must sort by period (0.40 in 2017/18 down to 0.20)
                "period": list(reversed(periods)),
                "value": [0.20, 0.25, 0.30, 0.35, 0.40],
                "lower_ci": [0.18, 0.23, 0.28, 0.33, 0.38],
                "upper_ci": [0.22, 0.27, 0.32, 0.37, 0.42],
            }
        )
        result = trends(table)
        assert result.rows() == [
            ("turnover_rate", "E10000028", "total", "all", ";".join(periods), "decreasing")
        ]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c"]),
            st.sampled_from(YEARS),
            st.one_of(st.none(), st.floats(0.0, 1.0)),
            st.floats(0.0, 0.1),
        ),
        max_size=20,
        unique_by=lambda row: (row[0], row[1]),
    )
)
def test_one_judged_row_per_series(rows: list[tuple[str, str, float | None, float]]) -> None:
    frame = table(
        [
            {
                "breakdown_value": key,
                "period": period,
                "value": value,
                "lower_ci": None if value is None else value - spread,
                "upper_ci": None if value is None else value + spread,
            }
            for key, period, value, spread in rows
        ]
    )
    result = trends(frame)
    assert sorted(result["breakdown_value"].to_list()) == sorted({row[0] for row in rows})
    assert set(result[TREND].to_list()) <= {t.value for t in Trend}
    for key, periods, judged in result.select("breakdown_value", PERIODS, TREND).rows():
        mine = sorted(period for k, period, _, _ in rows if k == key)
        assert periods == ";".join(mine)
        known = sum(1 for k, _, value, _ in rows if k == key and value is not None)
        if known < 5:
            assert judged == Trend.CANNOT_BE_CALCULATED.value
