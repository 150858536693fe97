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


def labour_rows(skills: dict[str, float], *, area: str = "E1") -> pl.DataFrame:
    """Skills-in-demand rows of the labour-market measures (share of unique postings)."""
    return table(
        [
            {
                **cell("skills_in_demand", "skill", skill, share, 500, period="2024-01/2024-12"),
                "area_code": area,
            }
            for skill, share in skills.items()
        ]
    )


def survey_rows(rows: list[tuple[str, str, float, float, float]]) -> pl.DataFrame:
    """Survey measure rows: (measure, round, share agreeing, top of its interval, respondents)."""
    frame = table([cell(m, "total", "all", value, n, period=r) for m, r, value, _, n in rows])
    return frame.with_columns(pl.Series("upper_ci", [top for *_, top, _ in rows]))


class TestPostingsAndSurvey:
    def test_a_skill_employers_ask_for_weighs_its_mandatory_topic(self) -> None:
        rows = [
            # 1 - 0.90 = 0.10 of 1,000: 100 short; safeguarding in 40% of postings: × 1.4.
            cell("training_current_share", "training_category", "Safeguarding adults", 0.9, 1000),
            # 1 - 0.88 = 0.12 of 1,000: 120 short, not asked for in postings.
            cell("training_current_share", "training_category", "Fire safety", 0.88, 1000),
        ]
        labour = labour_rows({"Safeguarding": 0.40, "Driving Licence": 0.9})
        needs = priority_training_needs(table(rows), labour=labour)
        assert needs["need"].to_list() == [
            "Current mandatory training: Safeguarding adults",
            "Current mandatory training: Fire safety",
        ]
        assert needs["workers_short"].to_list() == pytest.approx([100.0, 120.0])
        assert needs["score"].to_list() == pytest.approx([140.0, 120.0])
        assert needs["demand"].to_list() == pytest.approx([0.40, None], nan_ok=True)
        assert needs["evidence"][0] == (
            "90% of 1000 workers against full compliance 100%; about 100 workers short; "
            "asked for in 40% of job postings (2024-01/2024-12)"
        )

    def test_a_category_outside_the_mandatory_list_is_a_need_below_its_posting_share(
        self,
    ) -> None:
        rows = [
            # Dementia care: 10% current against 25% of postings: 0.15 × 1,000 = 150 short,
            # score 150 × 1.25 = 187.5.
            cell("training_current_share", "training_category", "Dementia care", 0.10, 1000),
            # Personal care: 30% current, above the 20% of postings: no need.
            cell("training_current_share", "training_category", "Personal care", 0.30, 1000),
            # Asked for in another area's postings only: no need.
            cell("training_current_share", "training_category", "Diabetes", 0.01, 1000),
        ]
        labour = pl.concat(
            [
                labour_rows({"Dementia Care": 0.25, "Personal Care": 0.20}),
                labour_rows({"Diabetes": 0.5}, area="E2"),
            ]
        )
        needs = priority_training_needs(table(rows), labour=labour)
        assert needs["need"].to_list() == [
            "Current training in a skill employers ask for: Dementia care"
        ]
        assert needs["kind"].to_list() == ["skill in demand"]
        assert needs["benchmark"][0] == pytest.approx(0.25)
        assert needs["score"][0] == pytest.approx(187.5)
        assert needs["evidence"][0] == (
            "10% of 1000 workers current, against 25% of job postings asking for it "
            "(2024-01/2024-12); about 150 workers short"
        )

    def test_survey_items_of_the_latest_round_are_scaled_to_the_areas_headcount(self) -> None:
        rows = [
            cell("headcount", "total", "all", 2000, 0),
            cell("care_certificate_share", "total", "all", 0.5, 1500, comparator=0.4),
        ]
        survey = survey_rows(
            [
                # 2023: 70% agree, at most 75%: gap 0.25 of 2,000 people = 500 short.
                ("digital_confidence_share", "2023", 0.70, 0.75, 200),
                ("digital_confidence_share", "2022", 0.50, 0.55, 150),
                # Not a training item.
                ("job_satisfaction_share", "2023", 0.50, 0.55, 200),
            ]
        )
        needs = priority_training_needs(table(rows), survey=survey)
        assert needs["need"].to_list() == ["Digital skills: using technology to do the job well"]
        assert needs["kind"].to_list() == ["survey"]
        assert needs["period"].to_list() == ["2024/25"]
        assert needs["gap"][0] == pytest.approx(0.25)
        assert needs["workers"][0] == pytest.approx(2000.0)
        assert needs["score"][0] == pytest.approx(500.0)
        assert needs["evidence"][0] == (
            "70% of 200 survey respondents agree (2023 round; up to 75% on its interval), "
            "against full agreement, of 2000 workers; about 500 workers short"
        )

    def test_without_a_headcount_the_workers_are_the_qualification_denominator(self) -> None:
        rows = [cell("relevant_qualification_share", "total", "all", 0.5, 1200, comparator=0.4)]
        survey = survey_rows([("strength_based_practice_share", "2023", 0.80, 0.90, 100)])
        needs = priority_training_needs(table(rows), survey=survey)
        assert needs["need"].to_list() == ["Strength-based, person-centred practice"]
        assert needs["score"][0] == pytest.approx(0.10 * 1200)


def wanted_rows(shares: dict[str, float], *, round_name: str = "2023") -> pl.DataFrame:
    """Training-wanted rows of a survey round: category label -> share choosing it."""
    frame = table(
        [
            cell("training_wanted_share", "training_category", label, share, 200, period=round_name)
            for label, share in shares.items()
        ]
    )
    return frame.with_columns(pl.lit(None, dtype=pl.Float64).alias("upper_ci"))


class TestSurveyTrainingQuestions:
    def test_training_staff_want_weighs_its_topic(self) -> None:
        rows = [
            # 100 short in safeguarding, chosen by 30% of respondents: score 100 × 1.3 = 130.
            cell("training_current_share", "training_category", "Safeguarding adults", 0.9, 1000),
            # 120 short in fire safety, which no one chose: score 120.
            cell("training_current_share", "training_category", "Fire safety", 0.88, 1000),
        ]
        survey = pl.concat(
            [
                wanted_rows({"Safeguarding adults": 0.30, "Dementia care": 0.4}),
                wanted_rows({"Safeguarding adults": 0.9}, round_name="2022"),
            ]
        )
        needs = priority_training_needs(table(rows), survey=survey)
        assert needs["need"].to_list() == [
            "Current mandatory training: Safeguarding adults",
            "Current mandatory training: Fire safety",
        ]
        assert needs["score"].to_list() == pytest.approx([130.0, 120.0])
        assert needs["evidence"][0] == (
            "90% of 1000 workers against full compliance 100%; about 100 workers short; "
            "chosen by 30% of survey respondents as training that would help them most "
            "(2023 round)"
        )

    def test_postings_and_survey_weigh_together(self) -> None:
        rows = [
            cell("training_current_share", "training_category", "Safeguarding adults", 0.9, 1000)
        ]
        needs = priority_training_needs(
            table(rows),
            labour=labour_rows({"Safeguarding": 0.40}),
            survey=wanted_rows({"Safeguarding adults": 0.30}),
        )
        # 100 short × (1 + 0.40 + 0.30).
        assert needs["score"][0] == pytest.approx(170.0)

    def test_staff_without_the_training_they_needed_are_a_need(self) -> None:
        rows = [cell("headcount", "total", "all", 2000, 0)]
        # 54% received all of it, at most 60%: 0.40 of 2,000 people = 800 short.
        survey = survey_rows([("training_received_share", "2023", 0.54, 0.60, 200)])
        needs = priority_training_needs(table(rows), survey=survey)
        assert needs["need"].to_list() == [
            "Training staff needed for their role in the last 12 months"
        ]
        assert needs["score"][0] == pytest.approx(800.0)
        assert needs["evidence"][0] == (
            "54% of 200 survey respondents received all the training they needed (2023 round; "
            "up to 60% on its interval), against full agreement, of 2000 workers; about 800 "
            "workers short"
        )
