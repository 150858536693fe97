"""Survey analysis on hand-built responses with known answers: Wilson intervals, shares by
group, routing out of denominators, rankings, Likert summaries and the chi-square test."""

from __future__ import annotations

import math

import polars as pl
import pytest

from careforce.core.intervals import wilson_limits
from careforce.core.survey import columns as c
from careforce.core.survey.analysis import (
    CrossTabError,
    answer_shares,
    crosstab,
    likert_summary,
    option_ranking,
)

pytestmark = pytest.mark.unit

SCALE = ["very-dissatisfied", "dissatisfied", "neither", "satisfied", "very-satisfied"]


def limits(successes: float, n: float) -> tuple[float, float]:
    lower, upper = wilson_limits(pl.lit(successes / n), pl.lit(n))
    row = pl.select(lower.alias("l"), upper.alias("u")).row(0)
    return float(row[0]), float(row[1])


class TestWilsonLimits:
    @pytest.mark.parametrize(
        ("successes", "n", "expected"),
        [
            # Newcombe (1998), Statistics in Medicine 17:857-872, table I: Wilson score method.
            pytest.param(81, 263, (0.2553, 0.3662), id="newcombe-81-of-263"),
            pytest.param(15, 148, (0.0624, 0.1605), id="newcombe-15-of-148"),
            pytest.param(0, 20, (0.0, 0.1611), id="newcombe-0-of-20"),
            pytest.param(1, 29, (0.0061, 0.1718), id="newcombe-1-of-29"),
        ],
    )
    def test_published_values(self, successes: int, n: int, expected: tuple[float, float]) -> None:
        lower, upper = limits(successes, n)
        assert (round(lower, 4), round(upper, 4)) == expected

    def test_no_respondents_no_interval(self) -> None:
        lower, upper = wilson_limits(pl.lit(0.0), pl.lit(0.0))
        assert pl.select(lower, upper.alias("u")).row(0) == (None, None)


def staff() -> pl.LazyFrame:
    # 12 direct-care (9 satisfied), 8 managers (2 satisfied), 2 not asked (routed out).
    satisfaction = (
        ["satisfied"] * 9 + ["dissatisfied"] * 3 + ["very-satisfied"] * 2 + ["neither"] * 6
    )
    return pl.LazyFrame(
        {
            "role_group": ["direct-care"] * 12 + ["managerial-supervisory"] * 8 + [None, None],
            "job_satisfaction": [*satisfaction, None, None],
        }
    )


class TestAnswerShares:
    def test_total_and_groups(self) -> None:
        shares = answer_shares(
            staff(),
            question="job_satisfaction",
            positive=["satisfied", "very-satisfied"],
            breakdowns=["role_group"],
        ).collect()
        rows = shares.select(c.BREAKDOWN, c.GROUP, c.RESPONDENTS, c.CHOSEN, c.SHARE).rows()
        assert rows == [
            ("total", "all", 20, 11, 11 / 20),
            ("role_group", "direct-care", 12, 9, 0.75),
            ("role_group", "managerial-supervisory", 8, 2, 0.25),
        ]

    def test_routed_out_respondents_are_not_in_the_denominator(self) -> None:
        shares = answer_shares(
            staff(), question="job_satisfaction", positive=["satisfied"]
        ).collect()
        assert shares.get_column(c.RESPONDENTS).to_list() == [20]

    def test_unweighted_interval_is_wilson(self) -> None:
        total = answer_shares(
            staff(), question="job_satisfaction", positive=["satisfied", "very-satisfied"]
        ).collect()
        expected = limits(11, 20)
        assert total.select(c.LOWER, c.UPPER).row(0) == pytest.approx(expected)
        assert total.get_column(c.EFFECTIVE_N).to_list() == [20.0]

    def test_weights_change_share_and_widen_interval(self) -> None:
        frame = pl.LazyFrame({"q": ["yes", "yes", "no", "no"], "weight": [3.0, 1.0, 1.0, 1.0]})
        total = answer_shares(frame, question="q", positive=["yes"], weight="weight").collect()
        # share = 4/6; effective n = 6² / (9 + 1 + 1 + 1) = 3
        assert total.get_column(c.SHARE).to_list() == [pytest.approx(4 / 6)]
        assert total.get_column(c.EFFECTIVE_N).to_list() == [pytest.approx(3.0)]
        assert total.select(c.LOWER, c.UPPER).row(0) == pytest.approx(limits(2, 3))


class TestOptionRanking:
    def test_ranked_by_respondents_with_ties(self) -> None:
        frame = pl.LazyFrame(
            {
                "matters": [["pay", "training"], ["pay"], ["training", "team"], ["pay"], [], None],
            },
            schema={"matters": pl.List(pl.String)},
        )
        ranking = option_ranking(
            frame, question="matters", options=["training", "pay", "team", "progression"]
        ).collect()
        assert ranking.select(c.ANSWER, c.CHOSEN, c.RESPONDENTS, c.RANK).rows() == [
            ("pay", 3, 5, 1),
            ("training", 2, 5, 2),
            ("team", 1, 5, 3),
            ("progression", 0, 5, 4),
        ]


class TestLikertSummary:
    def test_mean_and_top_two(self) -> None:
        frame = pl.LazyFrame(
            {"q": ["very-satisfied", "satisfied", "neither", "dissatisfied", None]}
        )
        summary = likert_summary(frame, question="q", options=SCALE).collect()
        assert summary.select(c.RESPONDENTS, "top_share", "bottom_share", c.MEAN_SCORE).row(0) == (
            4,
            0.5,
            0.25,
            pytest.approx((5 + 4 + 3 + 2) / 4),
        )


class TestCrossTab:
    def test_chi_square_known_answer(self) -> None:
        # [[20, 30], [30, 20]]: every expected count 25, chi-square = 4 × 25/25 = 4 on 1 df.
        frame = pl.LazyFrame(
            {
                "tenure": ["short"] * 50 + ["long"] * 50,
                "satisfied": ["yes"] * 20 + ["no"] * 30 + ["yes"] * 30 + ["no"] * 20,
            }
        )
        result = crosstab(
            frame,
            rows="tenure",
            columns="satisfied",
            row_values=["short", "long"],
            column_values=["yes", "no"],
        )
        assert result.statistic == pytest.approx(4.0)
        assert result.dof == 1
        assert result.p_value == pytest.approx(math.erfc(math.sqrt(2.0)), rel=1e-9)
        assert not result.small_expected
        assert result.table.rows() == [("short", 20, 30), ("long", 30, 20)]

    def test_one_column_cannot_be_tested(self) -> None:
        frame = pl.LazyFrame({"a": ["x", "y"], "b": ["yes", "yes"]})
        with pytest.raises(CrossTabError):
            crosstab(
                frame, rows="a", columns="b", row_values=["x", "y"], column_values=["yes", "no"]
            )
