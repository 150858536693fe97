"""Free-text themes from a keyword codebook."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.survey import columns as c
from careforce.core.survey.themes import Codebook, Theme, theme_counts

pytestmark = pytest.mark.unit

CODEBOOK = Codebook(
    themes=[
        Theme(id="pay", label="Pay", keywords=["pay", "sick pay", "wages"]),
        Theme(id="mileage", label="Mileage", keywords=["mileage", "fuel"]),
    ]
)


class TestThemeCounts:
    def test_counts_whole_words_in_any_case(self) -> None:
        frame = pl.LazyFrame(
            {
                "q": [
                    "Better PAY and mileage",
                    "Sick pay!",
                    "repayment plans",  # 'pay' inside a word is not the theme
                    "more fuel money",
                    "   ",
                    None,
                ]
            }
        )
        counts = theme_counts(frame, question="q", codebook=CODEBOOK).collect()
        assert counts.select(c.THEME, c.CHOSEN, c.RESPONDENTS).rows() == [
            ("pay", 2, 4),
            ("mileage", 2, 4),
            ("uncoded", 1, 4),
        ]
