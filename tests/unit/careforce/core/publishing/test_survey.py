"""Survey measures of a round as published rows: names and polarity from the catalogue, counts,
Wilson intervals, withheld groups and questions the round did not ask."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.indicators.catalogue import SURVEY_MEASURES, measure_ids
from careforce.core.intervals import wilson_limits
from careforce.core.publishing.survey import (
    UnknownSurveyMeasureError,
    published_survey_measures,
)
from careforce.core.survey.measures import measure_shares
from careforce.core.survey.questionnaire import Questionnaire
from careforce.core.vocab import published as pub

pytestmark = pytest.mark.unit

ISSUE_IDS = [
    "job_satisfaction_share",
    "would_recommend_share",
    "considering_leaving_share",
    "feels_valued_by_employer_share",
    "feels_valued_by_public_share",
    "feels_rewarded_share",
    "willing_to_change_hours_share",
    "digital_confidence_share",
    "organisations_struggling_to_recruit_share",
    "organisations_struggling_to_retain_share",
]

QUESTIONNAIRE = Questionnaire.model_validate(
    {
        "schema_version": "1",
        "id": "staff",
        "title": "t",
        "questions": [
            {
                "id": "role_group",
                "type": "single_choice",
                "text": "Role?",
                "breakdown": "role_group",
                "options": [
                    {"value": "direct-care", "label": "Direct care"},
                    {"value": "other", "label": "Other"},
                ],
            },
            {
                "id": "job_satisfaction",
                "type": "likert",
                "text": "Satisfied?",
                "measure": {"id": "job_satisfaction_share", "positive": ["satisfied"]},
                "options": [
                    {"value": "dissatisfied", "label": "Dissatisfied"},
                    {"value": "satisfied", "label": "Satisfied"},
                ],
            },
            {
                "id": "feels_rewarded",
                "type": "likert",
                "text": "Rewarded?",
                "measure": {"id": "feels_rewarded_share", "positive": ["agree"]},
                "options": [
                    {"value": "disagree", "label": "Disagree"},
                    {"value": "agree", "label": "Agree"},
                ],
            },
        ],
    }
)


def responses() -> pl.LazyFrame:
    # 30 direct care (24 satisfied), 8 other (2 satisfied); feels_rewarded not asked.
    return pl.LazyFrame(
        {
            "role_group": ["direct-care"] * 30 + ["other"] * 8,
            "job_satisfaction": ["satisfied"] * 24
            + ["dissatisfied"] * 6
            + ["satisfied"] * 2
            + ["dissatisfied"] * 6,
        }
    )


def published() -> pl.DataFrame:
    shares = measure_shares(responses(), QUESTIONNAIRE)
    return published_survey_measures(
        shares, period="2023", area_code="E10000028", area_name="Staffordshire"
    ).collect()


class TestPublishedSurveyMeasures:
    def test_catalogue_has_every_issue_measure(self) -> None:
        ids = measure_ids()
        assert [i for i in ISSUE_IDS if i not in ids] == []
        assert {m.id for m in SURVEY_MEASURES} >= set(ISSUE_IDS)

    def test_schema_is_the_published_schema(self) -> None:
        assert published().schema == pub.PUBLISHED_SCHEMA

    def test_total_row(self) -> None:
        total = published().filter(
            (pl.col(pub.MEASURE_ID) == "job_satisfaction_share")
            & (pl.col(pub.BREAKDOWN) == "total")
        )
        lower, upper = wilson_limits(pl.lit(26 / 38), pl.lit(38.0))
        expected = pl.select(lower.alias("l"), upper.alias("u")).row(0)
        assert total.select(
            pub.MEASURE_NAME, pub.NUMERATOR, pub.DENOMINATOR, pub.VALUE, pub.POLARITY, pub.SYMBOL
        ).row(0) == ("Satisfied with their job", 26.0, 38.0, 26 / 38, "high-is-good", None)
        assert total.select(pub.LOWER, pub.UPPER).row(0) == pytest.approx(expected)

    def test_small_group_and_its_complement_are_withheld(self) -> None:
        groups = published().filter(pl.col(pub.BREAKDOWN) == "role_group")
        assert groups.select(
            pub.BREAKDOWN_VALUE, pub.NUMERATOR, pub.DENOMINATOR, pub.SYMBOL
        ).rows() == [
            ("direct-care", None, 30.0, "[c]"),
            ("other", None, 8.0, "[c]"),
        ]

    def test_question_not_asked_is_not_available(self) -> None:
        row = published().filter(pl.col(pub.MEASURE_ID) == "feels_rewarded_share")
        assert row.select(pub.BREAKDOWN, pub.VALUE, pub.DENOMINATOR, pub.SYMBOL).rows() == [
            ("total", None, None, "[x]")
        ]

    def test_unknown_measure_is_refused(self) -> None:
        shares = pl.LazyFrame({pub.MEASURE_ID: ["made_up_share"]})
        with pytest.raises(UnknownSurveyMeasureError, match="made_up_share"):
            published_survey_measures(shares, period="2023", area_code="E", area_name="A")
