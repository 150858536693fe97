"""Words from numbers: a change is called a rise or a fall only when its interval says so."""

from __future__ import annotations

import pytest

from careforce.core.publishing.appendix.cells import Cell
from careforce.core.publishing.appendix.words import (
    Change,
    bar_description,
    change_sentence,
    judge_change,
    line_description,
)

pytestmark = pytest.mark.unit


def cell(
    period: str,
    value: float | None,
    lower: float | None = None,
    upper: float | None = None,
    *,
    unit: str = "rate",
    symbol: str | None = None,
) -> Cell:
    return Cell("turnover_rate", "total", "all", period, value, unit, symbol, lower, upper)


class TestJudgeChange:
    @pytest.mark.parametrize(
        ("earlier", "later", "expected"),
        [
            pytest.param(
                cell("a", 0.282, 0.275, 0.289),
                cell("b", 0.322, 0.314, 0.331),
                Change.ROSE,
                id="intervals-apart-rise",
            ),
            pytest.param(
                cell("a", 0.322, 0.314, 0.331),
                cell("b", 0.282, 0.275, 0.289),
                Change.FELL,
                id="intervals-apart-fall",
            ),
            pytest.param(
                cell("a", 0.098, 0.09, 0.106),
                cell("b", 0.099, 0.091, 0.107),
                Change.LITTLE_CHANGED,
                id="overlapping-little-changed",
            ),
            # z = 0.04 / hypot(0.02, 0.02) ≈ 1.41 < 1.96: the intervals overlap only a little,
            # yet the change is not significant.
            pytest.param(
                cell("a", 0.30, 0.2608, 0.3392),
                cell("b", 0.34, 0.3008, 0.3792),
                Change.LITTLE_CHANGED,
                id="z-test-not-significant",
            ),
            pytest.param(
                cell("a", 0.30),
                cell("b", 0.40, 0.35, 0.45),
                Change.ROSE,
                id="only-later-interval-excludes-earlier",
            ),
            pytest.param(
                cell("a", 0.30, 0.25, 0.35),
                cell("b", 0.33),
                Change.LITTLE_CHANGED,
                id="only-earlier-interval-holds-later",
            ),
            pytest.param(cell("a", 100.0), cell("b", 200.0), Change.NOT_TESTED, id="no-intervals"),
            pytest.param(
                cell("a", None, symbol="[c]"),
                cell("b", 0.3),
                Change.NOT_AVAILABLE,
                id="missing-value",
            ),
        ],
    )
    def test_judges_by_the_interval(self, earlier: Cell, later: Cell, expected: Change) -> None:
        assert judge_change(earlier, later) is expected


class TestChangeSentence:
    def test_rise_is_named(self) -> None:
        sentence = change_sentence(
            "Turnover", cell("2020/21", 0.282, 0.275, 0.289), cell("2021/22", 0.322, 0.314, 0.331)
        )
        assert sentence == "Turnover rose from 28.2% in 2020/21 to 32.2% in 2021/22."

    def test_little_changed_is_hedged(self) -> None:
        sentence = change_sentence(
            "Vacancy rate",
            cell("2020/21", 0.098, 0.09, 0.106),
            cell("2021/22", 0.099, 0.091, 0.107),
        )
        assert sentence == (
            "Vacancy rate was little changed: 9.8% in 2020/21 and 9.9% in 2021/22 "
            "(the difference is within the margin of error)."
        )
        assert "rose" not in sentence

    def test_without_intervals_the_change_is_not_judged(self) -> None:
        sentence = change_sentence(
            "Jobs", cell("2019", 13700.0, unit="count"), cell("2020", 13500.0, unit="count")
        )
        assert sentence.startswith("Jobs was 13,700 in 2019 and 13,500 in 2020;")
        assert "fell" not in sentence

    def test_a_withheld_value_is_named(self) -> None:
        sentence = change_sentence(
            "Turnover", cell("2020/21", None, symbol="[c]"), cell("2021/22", 0.3)
        )
        assert "the 2020/21 figure is withheld to protect confidentiality" in sentence
        assert "([c])" in sentence


class TestDescriptions:
    def test_bar_description_names_highest_and_lowest(self) -> None:
        cells = [cell("p", 0.1), cell("p", 0.3), cell("p", None, symbol="[c]")]
        text = bar_description("Vacancy rate by role", ["care", "nurses", "managers"], cells)
        assert "2 bars" in text
        assert "Highest: nurses at 30.0%; lowest: care at 10.0%." in text
        assert "1 value is not drawn" in text

    def test_line_description_gives_first_last_and_peak(self) -> None:
        series = [
            (
                "Jobs",
                [
                    cell("2019", 100.0, unit="count"),
                    cell("2020", 300.0, unit="count"),
                    cell("2021", 200.0, unit="count"),
                ],
            )
        ]
        text = line_description("Employment", series)
        assert "Jobs goes from 100 in 2019 to 200 in 2021, highest 300 in 2020" in text
