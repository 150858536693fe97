"""Raking to workforce margins, with known weights, effective sample size and design effect."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.survey import columns as c
from careforce.core.survey.weighting import Margin, RakingError, rake, workforce_margins
from careforce.core.vocab import published as pub

pytestmark = pytest.mark.unit


def sample() -> pl.DataFrame:
    # 10 in each cell of role × sector, plus one NHS respondent outside the margins.
    roles = ["direct-care"] * 20 + ["managerial-supervisory"] * 20 + ["direct-care"]
    sectors = (["independent"] * 10 + ["local-authority"] * 10) * 2 + ["nhs"]
    return pl.DataFrame({"role_group": roles, "sector": sectors})


MARGINS = [
    Margin("role_group", {"direct-care": 300.0, "managerial-supervisory": 100.0}),
    Margin("sector", {"independent": 200.0, "local-authority": 200.0}),
]


class TestRake:
    def test_known_weights(self) -> None:
        result = rake(sample(), MARGINS)
        weights = result.weights.get_column(c.WEIGHT).to_list()
        # Role shares 3:1 against a 1:1 sample: direct care 1.5, managers 0.5 (mean 1).
        assert weights[:20] == pytest.approx([1.5] * 20)
        assert weights[20:40] == pytest.approx([0.5] * 20)
        assert weights[40] == 1.0

    def test_effective_sample_size_and_design_effect(self) -> None:
        result = rake(sample(), MARGINS)
        # (Σw)² / Σw² = 40² / (20 × 2.25 + 20 × 0.25) = 1600 / 50 = 32; deff = 40 / 32.
        assert result.respondents == 40
        assert result.effective_n == pytest.approx(32.0)
        assert result.design_effect == pytest.approx(1.25)

    def test_margins_are_met(self) -> None:
        weights = rake(sample(), MARGINS).weights.filter(pl.col("sector") != "nhs")
        by_role = weights.group_by("role_group").agg(pl.col(c.WEIGHT).sum()).sort("role_group")
        assert by_role.get_column(c.WEIGHT).to_list() == pytest.approx([30.0, 10.0])

    def test_missing_category_is_refused(self) -> None:
        margins = [Margin("role_group", {"direct-care": 1.0, "other": 1.0})]
        with pytest.raises(RakingError, match="no respondent answered role_group other"):
            rake(sample(), margins)


class TestWorkforceMargins:
    def test_from_published_filled_posts(self) -> None:
        rows = [
            ("filled_posts", "2021/22", "job_role_group", "direct care", 13425.0),
            ("filled_posts", "2021/22", "job_role_group", "managerial/supervisory", 1470.0),
            ("filled_posts", "2021/22", "sector", "independent", 17515.0),
            ("filled_posts", "2021/22", "sector", "local authority", 740.0),
            ("filled_posts", "2020/21", "sector", "local authority", 1.0),
        ]
        published = pl.DataFrame(
            rows,
            schema=[pub.MEASURE_ID, pub.PERIOD, pub.BREAKDOWN, pub.BREAKDOWN_VALUE, pub.VALUE],
            orient="row",
        )
        margins = workforce_margins(published)
        assert margins == [
            Margin("role_group", {"direct-care": 13425.0, "managerial-supervisory": 1470.0}),
            Margin("sector", {"independent": 17515.0, "local-authority": 740.0}),
        ]
