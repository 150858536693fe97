"""Confidence intervals: Wilson (proportions), Byar (counts), normal (means), order statistics
(medians). Expected values are computed here from the textbook formulas, independently of the
code under test, and checked against published worked examples."""

from __future__ import annotations

import math

import polars as pl
import pytest
from scipy.stats import binom, chi2, norm

from careforce.core.indicators.intervals import (
    Z_95,
    byar_lower,
    byar_upper,
    mean_lower,
    mean_upper,
    median_rank_bounds,
    wilson_lower,
    wilson_upper,
)

pytestmark = pytest.mark.unit

Z = float(norm.ppf(0.975))


def _evaluate(*expressions: pl.Expr, **columns: list[float | int | None]) -> list[tuple]:
    """Evaluate expressions over columns, one result tuple per row."""
    frame = pl.DataFrame(columns) if columns else pl.DataFrame({"_": [0]})
    named = [e.alias(f"r{i}") for i, e in enumerate(expressions)]
    return frame.select(named).rows()


def textbook_wilson(k: int, n: int, z: float = Z) -> tuple[float, float]:
    """Wilson (1927) score interval: (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)."""
    p = k / n
    centre = p + z**2 / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return (centre - half) / (1 + z**2 / n), (centre + half) / (1 + z**2 / n)


class TestZ:
    def test_z_95_is_the_two_sided_95_point(self) -> None:
        assert abs(Z_95 - Z) < 1e-12


class TestWilson:
    def test_81_of_263_matches_the_textbook_formula(self) -> None:
        # p̂ = 81/263 = 0.30798
        ((lower, upper),) = _evaluate(
            wilson_lower(pl.col("k"), pl.col("n")),
            wilson_upper(pl.col("k"), pl.col("n")),
            k=[81],
            n=[263],
        )
        expected = textbook_wilson(81, 263)
        assert (lower, upper) == pytest.approx(expected, abs=1e-12)
        # Newcombe (1998), Statistics in Medicine 17:857, example 81/263: 0.2553 to 0.3662
        assert (lower, upper) == pytest.approx((0.2553, 0.3662), abs=5e-5)

    @pytest.mark.parametrize(
        ("k", "n"),
        [(1, 10), (5, 10), (9, 10), (15, 148), (29, 30), (500, 1000)],
        ids=["1-of-10", "5-of-10", "9-of-10", "15-of-148", "29-of-30", "500-of-1000"],
    )
    def test_agrees_with_the_textbook_formula(self, k: int, n: int) -> None:
        ((lower, upper),) = _evaluate(
            wilson_lower(pl.col("k"), pl.col("n")),
            wilson_upper(pl.col("k"), pl.col("n")),
            k=[k],
            n=[n],
        )
        assert (lower, upper) == pytest.approx(textbook_wilson(k, n), abs=1e-12)
        assert lower < k / n < upper

    def test_none_of_n_has_lower_limit_zero(self) -> None:
        # k = 0: lower 0, upper z² / (n + z²) = 3.8415 / 13.8415 = 0.2775
        ((lower, upper),) = _evaluate(
            wilson_lower(pl.col("k"), pl.col("n")),
            wilson_upper(pl.col("k"), pl.col("n")),
            k=[0],
            n=[10],
        )
        assert lower == pytest.approx(0.0, abs=1e-15)
        assert upper == pytest.approx(Z**2 / (10 + Z**2))
        assert upper == pytest.approx(0.2775, abs=1e-4)

    def test_all_of_n_has_upper_limit_one(self) -> None:
        # k = n: upper 1, lower n / (n + z²) = 10 / 13.8415 = 0.7225
        ((lower, upper),) = _evaluate(
            wilson_lower(pl.col("k"), pl.col("n")),
            wilson_upper(pl.col("k"), pl.col("n")),
            k=[10],
            n=[10],
        )
        assert upper == pytest.approx(1.0)
        assert lower == pytest.approx(10 / (10 + Z**2))

    @pytest.mark.parametrize("n", [0, None], ids=["zero-trials", "null-trials"])
    def test_no_trials_gives_no_interval(self, n: int | None) -> None:
        ((lower, upper),) = _evaluate(
            wilson_lower(pl.col("k"), pl.col("n")),
            wilson_upper(pl.col("k"), pl.col("n")),
            k=[0],
            n=pl.Series([n], dtype=pl.Int64).to_list(),
        )
        assert (lower, upper) == (None, None)

    def test_wider_level_gives_a_wider_interval(self) -> None:
        z998 = float(norm.ppf(0.999))
        ((l95, u95, l998, u998),) = _evaluate(
            wilson_lower(pl.col("k"), pl.col("n")),
            wilson_upper(pl.col("k"), pl.col("n")),
            wilson_lower(pl.col("k"), pl.col("n"), z=z998),
            wilson_upper(pl.col("k"), pl.col("n"), z=z998),
            k=[30],
            n=[100],
        )
        assert l998 < l95 < 0.3 < u95 < u998
        assert (l998, u998) == pytest.approx(textbook_wilson(30, 100, z998))


def byar_by_hand(k: int, z: float = Z) -> tuple[float, float]:
    """Byar: k(1 − 1/9k − z/3√k)³ and (k+1)(1 − 1/9(k+1) + z/3√(k+1))³."""
    lower = 0.0 if k == 0 else k * (1 - 1 / (9 * k) - z / (3 * math.sqrt(k))) ** 3
    k1 = k + 1
    upper = k1 * (1 - 1 / (9 * k1) + z / (3 * math.sqrt(k1))) ** 3
    return lower, upper


class TestByar:
    @pytest.mark.parametrize(
        ("k", "lower", "upper"),
        [
            # k = 0: lower 0; upper (1 − 1/9 + z/3)³ = 1.5422³ = 3.668
            (0, 0.0, 3.668),
            # k = 1: 1·(1 − 0.1111 − 0.6533)³ = 0.0131; 2·(1 − 0.0556 + 0.4620)³ = 5.564
            (1, 0.0131, 5.564),
            # k = 3: 3·(1 − 0.0370 − 0.3772)³ = 0.603; 4·(1 − 0.0278 + 0.3267)³ = 8.765
            (3, 0.603, 8.765),
            # k = 10: 10·(1 − 0.0111 − 0.2066)³ = 4.787; 11·(1 − 0.0101 + 0.1970)³ = 18.391
            (10, 4.7874, 18.391),
        ],
        ids=["k=0", "k=1", "k=3", "k=10"],
    )
    def test_small_counts(self, k: int, lower: float, upper: float) -> None:
        ((low, high),) = _evaluate(byar_lower(pl.col("k")), byar_upper(pl.col("k")), k=[k])
        assert (low, high) == pytest.approx(byar_by_hand(k), rel=1e-12, abs=1e-15)
        assert low == pytest.approx(lower, abs=5e-4)
        assert high == pytest.approx(upper, abs=5e-3)

    def test_zero_has_lower_limit_zero(self) -> None:
        ((low,),) = _evaluate(byar_lower(pl.col("k")), k=[0])
        assert low == 0.0

    @pytest.mark.parametrize("k", [10, 25, 100, 1000], ids=lambda k: f"k={k}")
    def test_close_to_the_exact_poisson_interval_for_moderate_counts(self, k: int) -> None:
        exact_lower = chi2.ppf(0.025, 2 * k) / 2
        exact_upper = chi2.ppf(0.975, 2 * k + 2) / 2
        ((low, high),) = _evaluate(byar_lower(pl.col("k")), byar_upper(pl.col("k")), k=[k])
        assert low == pytest.approx(exact_lower, rel=2e-3)
        assert high == pytest.approx(exact_upper, rel=2e-3)

    def test_null_count_gives_no_interval(self) -> None:
        ((low, high),) = _evaluate(
            byar_lower(pl.col("k")), byar_upper(pl.col("k")), k=pl.Series([None], dtype=pl.Int64)
        )
        assert (low, high) == (None, None)


class TestMeanInterval:
    def test_known_values(self) -> None:
        # mean 10, sd 2, n 16: 10 ± 1.96 × 2 / 4 = 9.02 to 10.98
        ((low, high),) = _evaluate(
            mean_lower(pl.col("m"), pl.col("s"), pl.col("n")),
            mean_upper(pl.col("m"), pl.col("s"), pl.col("n")),
            m=[10.0],
            s=[2.0],
            n=[16],
        )
        assert low == pytest.approx(10 - Z * 0.5)
        assert high == pytest.approx(10 + Z * 0.5)
        assert (low, high) == pytest.approx((9.02, 10.98), abs=1e-3)

    @pytest.mark.parametrize("n", [0, 1], ids=["n=0", "n=1"])
    def test_one_value_or_none_gives_no_interval(self, n: int) -> None:
        ((low, high),) = _evaluate(
            mean_lower(pl.col("m"), pl.col("s"), pl.col("n")),
            mean_upper(pl.col("m"), pl.col("s"), pl.col("n")),
            m=[5.0],
            s=[1.0],
            n=[n],
        )
        assert (low, high) == (None, None)


def _rank_bounds(n: int) -> tuple[int, int]:
    low, high = median_rank_bounds(pl.lit(n, dtype=pl.Int64))
    ((lo, hi),) = pl.select(low.alias("lo"), high.alias("hi")).rows()
    return lo, hi


class TestMedianRankBounds:
    @pytest.mark.parametrize(
        ("n", "low"),
        [
            (1, 0),
            (2, 0),
            (5, 0),
            # n = 10: 10/2 − 1.96·√10/2 = 1.90 → floor 1 → 0-based 0
            (10, 0),
            # n = 20: 10 − 4.38 = 5.62 → 5th value, 0-based 4
            (20, 4),
            # n = 100: 50 − 9.80 = 40.2 → 40th value, 0-based 39
            (100, 39),
        ],
        ids=str,
    )
    def test_lower_rank(self, n: int, low: int) -> None:
        assert _rank_bounds(n)[0] == low

    @pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 7, 10, 20, 57, 100, 1000], ids=lambda n: f"n={n}")
    def test_bounds_are_ranks_of_the_sample_around_the_median(self, n: int) -> None:
        low, high = _rank_bounds(n)
        assert 0 <= low <= high <= n - 1
        # the median's own ranks ((n−1)/2, 0-based) are inside
        assert low <= (n - 1) / 2 <= high

    @pytest.mark.parametrize("n", [2, 3, 4], ids=lambda n: f"n={n}")
    def test_tiny_samples_use_the_extremes(self, n: int) -> None:
        assert _rank_bounds(n) == (0, n - 1)

    @pytest.mark.parametrize("n", [10, 20, 100], ids=lambda n: f"n={n}")
    def test_bounds_are_symmetric_order_statistics(self, n: int) -> None:
        low, high = _rank_bounds(n)
        assert high == n - 1 - low

    @pytest.mark.parametrize("n", [21, 26, 31, 75], ids=lambda n: f"n={n}")
    def test_coverage_is_at_least_95_percent(self, n: int) -> None:
        low, high = _rank_bounds(n)
        # P(x(low+1) ≤ median < x(high+1)) = P(low+1 ≤ B ≤ high), B ~ Binomial(n, 1/2)
        coverage = binom.cdf(high, n, 0.5) - binom.cdf(low, n, 0.5)
        assert coverage >= 0.95
