"""Comparisons as pages and reports write them: always with the comparator's name."""

from __future__ import annotations

import pytest

from careforce.core.outcomes.presentation import format_comparator
from careforce.web.apps.indicators.presentation import comparison

pytestmark = pytest.mark.unit

ROW = {
    "comparator_value": 0.104,
    "comparison": "better",
    "comparator_name": "West Midlands (April 2022)",
}


class TestComparison:
    def test_measure_page_names_the_comparator(self) -> None:
        assert comparison(ROW, "proportion") == (
            "10.4% (West Midlands (April 2022)): better than the comparator"
        )

    def test_an_unnamed_comparator_says_so(self) -> None:
        row = {**ROW, "comparator_name": None}
        assert comparison(row, "proportion").startswith("10.4% (comparator not named)")

    def test_no_comparator(self) -> None:
        assert comparison({"comparator_value": None}, "proportion") == "No comparator"


class TestFormatComparator:
    @pytest.mark.parametrize(
        ("comparison_word", "expected"),
        [
            ("worse", "worse than the comparator: Census 2021, Staffordshire, 10.4%"),
            ("not-compared", "comparator: Census 2021, Staffordshire, 10.4%"),
            (None, "comparator: Census 2021, Staffordshire, 10.4%"),
        ],
        ids=["judged", "not-compared", "no-comparison"],
    )
    def test_named_with_the_judgement(self, comparison_word: str | None, expected: str) -> None:
        shown = format_comparator(
            0.104, "proportion", name="Census 2021, Staffordshire", comparison=comparison_word
        )
        assert shown == expected

    def test_nothing_without_a_value(self) -> None:
        assert format_comparator(None, "proportion", name="x", comparison="better") == ""
