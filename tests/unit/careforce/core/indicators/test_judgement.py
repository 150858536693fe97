"""Comparison with a comparator (interval overlap) and the trend over periods (Fingertips)."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest

from careforce.core.indicators.judgement import (
    MIN_TREND_PERIODS,
    Trend,
    comparison,
    trend,
)
from careforce.core.vocab.published import Comparison, Polarity

pytestmark = pytest.mark.unit

HIGH = Polarity.HIGH_IS_GOOD.value
LOW = Polarity.LOW_IS_GOOD.value
NONE = Polarity.NO_JUDGEMENT.value


def _compare(
    lower: float | None,
    upper: float | None,
    value: float | None,
    comparator: float | None,
    polarity: str,
) -> str:
    frame = pl.DataFrame(
        {"lo": [lower], "hi": [upper], "v": [value], "c": [comparator], "p": [polarity]},
        schema={
            "lo": pl.Float64,
            "hi": pl.Float64,
            "v": pl.Float64,
            "c": pl.Float64,
            "p": pl.String,
        },
    )
    expression = comparison(pl.col("lo"), pl.col("hi"), pl.col("v"), pl.col("c"), pl.col("p"))
    return frame.select(expression.alias("r")).item()


class TestComparison:
    @pytest.mark.parametrize(
        ("lower", "upper", "comparator", "polarity", "expected"),
        [
            # interval 0.2–0.4 entirely above the comparator 0.1
            (0.2, 0.4, 0.1, HIGH, Comparison.BETTER),
            (0.2, 0.4, 0.1, LOW, Comparison.WORSE),
            (0.2, 0.4, 0.1, NONE, Comparison.HIGHER),
            # interval entirely below the comparator 0.5
            (0.2, 0.4, 0.5, HIGH, Comparison.WORSE),
            (0.2, 0.4, 0.5, LOW, Comparison.BETTER),
            (0.2, 0.4, 0.5, NONE, Comparison.LOWER),
            # comparator inside the interval
            (0.2, 0.4, 0.3, HIGH, Comparison.SIMILAR),
            (0.2, 0.4, 0.3, LOW, Comparison.SIMILAR),
            (0.2, 0.4, 0.3, NONE, Comparison.SIMILAR),
            # on the edges: still overlapping
            (0.2, 0.4, 0.2, HIGH, Comparison.SIMILAR),
            (0.2, 0.4, 0.4, LOW, Comparison.SIMILAR),
        ],
        ids=[
            "above-high-is-good-better",
            "above-low-is-good-worse",
            "above-no-judgement-higher",
            "below-high-is-good-worse",
            "below-low-is-good-better",
            "below-no-judgement-lower",
            "inside-high-similar",
            "inside-low-similar",
            "inside-none-similar",
            "on-lower-edge-similar",
            "on-upper-edge-similar",
        ],
    )
    def test_outcome(
        self,
        lower: float,
        upper: float,
        comparator: float,
        polarity: str,
        expected: Comparison,
    ) -> None:
        assert _compare(lower, upper, 0.3, comparator, polarity) == expected.value

    @pytest.mark.parametrize(
        ("lower", "upper", "value", "comparator"),
        [
            (None, 0.4, 0.3, 0.1),
            (0.2, None, 0.3, 0.1),
            (None, None, 0.3, 0.1),
            (0.2, 0.4, 0.3, None),
            (0.2, 0.4, None, 0.1),
        ],
        ids=["no-lower", "no-upper", "no-interval", "no-comparator", "no-value"],
    )
    @pytest.mark.parametrize("polarity", [HIGH, LOW, NONE])
    def test_not_compared_without_interval_value_or_comparator(
        self,
        lower: float | None,
        upper: float | None,
        value: float | None,
        comparator: float | None,
        polarity: str,
    ) -> None:
        assert _compare(lower, upper, value, comparator, polarity) == "not-compared"

    def test_outcomes_are_the_fingertips_words(self) -> None:
        assert [c.value for c in Comparison] == [
            "better",
            "similar",
            "worse",
            "higher",
            "lower",
            "not-compared",
        ]

    def test_works_row_by_row(self) -> None:
        frame = pl.DataFrame(
            {
                "lo": [0.2, 0.2, None],
                "hi": [0.4, 0.4, 0.4],
                "v": [0.3, 0.3, 0.3],
                "c": [0.1, 0.5, 0.1],
                "p": [LOW, LOW, LOW],
            }
        )
        result = frame.select(
            comparison(pl.col("lo"), pl.col("hi"), pl.col("v"), pl.col("c"), pl.col("p"))
        ).to_series()
        assert result.to_list() == ["worse", "better", "not-compared"]


def _interval(values: list[float | None], half: float) -> tuple[list, list]:
    lowers = [None if v is None else v - half for v in values]
    uppers = [None if v is None else v + half for v in values]
    return lowers, uppers


def _wls_z(values: list[float], half: float) -> float:
    """Slope ÷ its standard error of a weighted least-squares line (weights 1/variance)."""
    x = np.arange(len(values), dtype=float)
    y = np.array(values)
    weights = np.full(len(values), 1 / (half / 1.959963984540054) ** 2)
    mean_x = np.average(x, weights=weights)
    mean_y = np.average(y, weights=weights)
    sxx = float(np.sum(weights * (x - mean_x) ** 2))
    slope = float(np.sum(weights * (x - mean_x) * (y - mean_y))) / sxx
    return slope / math.sqrt(1 / sxx)


class TestTrend:
    @pytest.mark.parametrize(
        ("values", "half", "expected"),
        [
            ([0.10, 0.15, 0.20, 0.25, 0.30], 0.02, Trend.INCREASING),
            ([0.30, 0.25, 0.20, 0.15, 0.10], 0.02, Trend.DECREASING),
            ([0.20, 0.21, 0.19, 0.20, 0.21], 0.10, Trend.NO_SIGNIFICANT_CHANGE),
            # a small rise with wide intervals is not significant
            ([0.20, 0.21, 0.22, 0.23, 0.24], 0.20, Trend.NO_SIGNIFICANT_CHANGE),
            ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], 0.5, Trend.INCREASING),
        ],
        ids=["increasing", "decreasing", "flat", "small-rise-wide-intervals", "seven-points"],
    )
    def test_direction(self, values: list[float], half: float, expected: Trend) -> None:
        lowers, uppers = _interval(values, half)
        assert trend(values, lowers, uppers) is expected

    @pytest.mark.parametrize(
        ("values", "half"),
        [
            ([0.10, 0.15, 0.20, 0.25, 0.30], 0.02),
            ([0.20, 0.21, 0.22, 0.23, 0.24], 0.20),
            ([0.20, 0.19, 0.23, 0.18, 0.26, 0.17], 0.05),
        ],
        ids=["steep", "gentle", "noisy"],
    )
    def test_agrees_with_weighted_least_squares(self, values: list[float], half: float) -> None:
        z = _wls_z(values, half)
        expected = (
            Trend.INCREASING
            if z > 1.959963984540054
            else Trend.DECREASING
            if z < -1.959963984540054
            else Trend.NO_SIGNIFICANT_CHANGE
        )
        lowers, uppers = _interval(values, half)
        assert trend(values, lowers, uppers) is expected

    @pytest.mark.parametrize(
        "values",
        [
            [],
            [0.1],
            [0.1, 0.2, 0.3, 0.4],
            # six periods, two missing: four usable points
            [0.1, None, 0.3, None, 0.5, 0.6],
        ],
        ids=["none", "one", "four", "six-with-two-missing"],
    )
    def test_cannot_be_calculated_with_fewer_than_five_points(
        self, values: list[float | None]
    ) -> None:
        lowers, uppers = _interval(values, 0.01)
        assert trend(values, lowers, uppers) is Trend.CANNOT_BE_CALCULATED

    def test_points_without_an_interval_do_not_count(self) -> None:
        values = [0.1, 0.2, 0.3, 0.4, 0.5]
        lowers, uppers = _interval(values, 0.01)
        lowers[2] = None  # no interval (e.g. suppressed)
        assert trend(values, lowers, uppers) is Trend.CANNOT_BE_CALCULATED
        lowers, uppers = _interval(values, 0.01)
        uppers[0] = lowers[0]  # zero-width interval: no variance, so no weight
        assert trend(values, lowers, uppers) is Trend.CANNOT_BE_CALCULATED

    def test_five_periods_are_enough(self) -> None:
        assert MIN_TREND_PERIODS == 5
        values = [0.1, None, 0.2, 0.3, 0.4, 0.5]
        lowers, uppers = _interval(values, 0.01)
        assert trend(values, lowers, uppers) is Trend.INCREASING

    def test_trend_words(self) -> None:
        assert [t.value for t in Trend] == [
            "increasing",
            "decreasing",
            "no significant change",
            "cannot be calculated",
        ]
