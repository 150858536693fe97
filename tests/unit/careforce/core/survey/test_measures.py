"""Survey measures of a multiple-choice question: one share for each option, under a breakdown
named by the questionnaire, with known answers."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.survey.measures import measure_shares
from careforce.core.survey.questionnaire import Questionnaire, check_questionnaire

pytestmark = pytest.mark.unit


def _questionnaire(question_type: str = "multiple_choice") -> Questionnaire:
    return Questionnaire.model_validate(
        {
            "schema_version": "1",
            "id": "staff",
            "title": "t",
            "questions": [
                {
                    "id": "training_wanted",
                    "type": question_type,
                    "text": "Which training would help you most?",
                    "required": False,
                    "measure": {
                        "id": "training_wanted_share",
                        "per_option": "training_category",
                        "positive": ["dementia", "digital"],
                    },
                    "options": [
                        {"value": "dementia", "label": "Dementia care"},
                        {"value": "digital", "label": "Working with digital technology"},
                        {"value": "none", "label": "None of these"},
                    ],
                }
            ],
        }
    )


class TestPerOptionMeasure:
    def test_each_positive_option_is_a_share_of_those_who_answered(self) -> None:
        # 20 answered: 12 chose dementia care (5 of them digital too), 3 digital alone, 5 none;
        # 4 left it blank.
        answers = (
            [["dementia", "digital"]] * 5
            + [["dementia"]] * 7
            + [["digital"]] * 3
            + [["none"]] * 5
            + [None] * 4
        )
        responses = pl.LazyFrame(
            {"training_wanted": answers}, schema={"training_wanted": pl.List(pl.String)}
        )
        shares = measure_shares(responses, _questionnaire()).collect()
        got = {
            row["breakdown_value"]: (
                row["breakdown"],
                row["chosen"],
                row["respondents"],
                row["share"],
            )
            for row in shares.iter_rows(named=True)
        }
        assert got == {
            "Dementia care": ("training_category", 12, 20, pytest.approx(0.6)),
            "Working with digital technology": ("training_category", 8, 20, pytest.approx(0.4)),
        }
        assert set(shares["measure_id"]) == {"training_wanted_share"}

    def test_per_option_is_for_multiple_choice_and_single_choice_only(self) -> None:
        assert check_questionnaire(_questionnaire()) == []
        problems = check_questionnaire(_questionnaire("free_text"))
        assert any("gives a measure" in p.message for p in problems)
