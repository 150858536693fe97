"""Priority training needs ranked from published measures, with scores worked out by hand."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from careforce.core.outcomes.training_needs import NEED_COLUMNS, priority_training_needs

pytestmark = pytest.mark.unit


def cell(
    measure_id: str,
    breakdown: str,
    value_label: str,
    value: float | None,
    workers: float,
    *,
    comparator: float | None = None,
    symbol: str | None = None,
    period: str = "2024/25",
) -> dict[str, Any]:
    return {
        "measure_id": measure_id,
        "period": period,
        "area_code": "E1",
        "area_name": "Area",
        "breakdown": breakdown,
        "breakdown_value": value_label,
        "denominator": workers,
        "value": value,
        "comparator_value": comparator,
        "symbol": symbol,
    }


def table(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "measure_id": pl.String,
            "period": pl.String,
            "area_code": pl.String,
            "area_name": pl.String,
            "breakdown": pl.String,
            "breakdown_value": pl.String,
            "denominator": pl.Float64,
            "value": pl.Float64,
            "comparator_value": pl.Float64,
            "symbol": pl.String,
        },
    )


class TestPriorityTrainingNeeds:
    def test_needs_are_ranked_by_workers_short(self) -> None:
        rows = [
            # 0.46 - 0.40 = 0.06 of 1,000 direct care workers: 60 short.
            cell(
                "relevant_qualification_share",
                "job_role_group",
                "direct care",
                0.40,
                1000,
                comparator=0.46,
            ),
            # 0.48 - 0.30 = 0.18 of 100 managers: 18 short.
            cell(
                "care_certificate_share",
                "job_role_group",
                "managerial/supervisory",
                0.30,
                100,
                comparator=0.48,
            ),
            # Above its comparator: no need.
            cell("care_certificate_share", "total", "all", 0.55, 1100, comparator=0.48),
            # 1 - 0.95 = 0.05 of 1,100: 55 short.
            cell("training_current_share", "training_category", "Fire safety", 0.95, 1100),
            # Not a mandatory topic: ignored.
            cell("training_current_share", "training_category", "Dementia care", 0.10, 1100),
        ]
        needs = priority_training_needs(table(rows))
        assert needs.columns == list(NEED_COLUMNS)
        assert needs["need"].to_list() == [
            "Relevant social care qualification: direct care",
            "Current mandatory training: Fire safety",
            "Care Certificate completed or in progress: managerial/supervisory",
        ]
        assert needs["rank"].to_list() == [1, 2, 3]
        assert needs["score"].to_list() == pytest.approx([60.0, 55.0, 18.0])
        assert needs["evidence"][0] == (
            "40% of 1000 workers against comparator 46%; about 60 workers short"
        )

    def test_suppressed_cells_and_cells_without_comparator_are_not_used(self) -> None:
        rows = [
            cell(
                "relevant_qualification_share",
                "total",
                "all",
                None,
                8,
                comparator=0.5,
                symbol="[c]",
            ),
            cell("care_certificate_share", "total", "all", 0.2, 500),
        ]
        assert priority_training_needs(table(rows)).is_empty()

    def test_a_topic_of_several_categories_counts_once_at_its_best(self) -> None:
        rows = [
            cell(
                "training_current_share",
                "training_category",
                "Oliver McGowan Mandatory Training (elearning)",
                0.30,
                200,
            ),
            cell(
                "training_current_share",
                "training_category",
                "Oliver McGowan Mandatory Training (Tier 1)",
                0.60,
                200,
            ),
        ]
        needs = priority_training_needs(table(rows))
        assert needs.height == 1
        assert needs["value"][0] == 0.60
        assert needs["score"][0] == pytest.approx(80.0)

    def test_the_latest_period_is_ranked_unless_one_is_given(self) -> None:
        rows = [
            cell(
                "training_current_share",
                "training_category",
                "Fire safety",
                0.5,
                10,
                period="2023/24",
            ),
            cell("training_current_share", "training_category", "Fire safety", 0.9, 10),
        ]
        assert priority_training_needs(table(rows))["value"].to_list() == [0.9]
        earlier = priority_training_needs(table(rows), period="2023/24")
        assert earlier["value"].to_list() == [0.5]
