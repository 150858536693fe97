"""The survey results page's Likert questions: for each, the respondents, the shares choosing
the two highest and two lowest answers, the mean score and every answer, with known answers; a
question fewer than 10 answered is withheld as in the analysis."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from careforce.web.backend import survey as backend
from careforce.web.models.survey.models import SurveyRound
from web_support import Page, page_of

pytestmark = pytest.mark.integration

SATISFACTION = ["very-satisfied"] * 3 + ["satisfied"] * 5 + ["neither"] + ["dissatisfied"] * 3
"""Twelve answers: 8 of 12 in the top two, 3 of 12 in the bottom two, mean (15+20+3+6)/12."""


def _summary(page: Page, question: str) -> dict[str, str]:
    keys = page.texts(f"#likert-{question} .govuk-summary-list__key")
    values = page.texts(f"#likert-{question} .govuk-summary-list__value")
    return dict(zip(keys, values, strict=True))


@pytest.fixture
def staff_round() -> SurveyRound:
    survey_round = backend.create_round("staff", "2024", user=None)
    for index, answer in enumerate(SATISFACTION):
        answers: dict[str, Any] = {"working_in_care": "yes", "job_satisfaction": answer}
        if index < 5:
            answers["satisfaction_pay"] = "satisfied"
        backend.submit(survey_round, answers, client=f"10.0.1.{index}")
    return survey_round


def test_likert_summaries_and_answers(
    client_as: Callable[[str], Any], staff_round: SurveyRound
) -> None:
    response = client_as("analyst").get(reverse("survey:round-detail", args=[staff_round.pk]))
    assert response.status_code == 200
    page = page_of(response)
    assert page.text("#likert-job_satisfaction h3") == (
        "Overall, how satisfied are you with your current job?"
    )
    summary = _summary(page, "job_satisfaction")
    assert summary["Respondents"] == "12"
    # Wilson interval of 8 in 12.
    assert summary["Two highest answers"] == "66.7% (95% interval 39.1% to 86.2%)"
    assert summary["Two lowest answers"] == "25.0%"
    assert summary["Mean score"] == f"{(15 + 20 + 3 + 6) / 12:.2f}"
    rows = page.table("#likert-job_satisfaction .govuk-table")
    assert rows[1] == ["Dissatisfied", "3", "25.0%", "8.9% to 53.2%"]
    assert [row[:3] for row in rows] == [
        ["Very dissatisfied", "0", "0.0%"],
        ["Dissatisfied", "3", "25.0%"],
        ["Neither satisfied nor dissatisfied", "1", "8.3%"],
        ["Satisfied", "5", "41.7%"],
        ["Very satisfied", "3", "25.0%"],
    ]


def test_a_question_fewer_than_ten_answered_is_withheld(
    client_as: Callable[[str], Any], staff_round: SurveyRound
) -> None:
    page = page_of(client_as("analyst").get(reverse("survey:round-detail", args=[staff_round.pk])))
    summary = _summary(page, "satisfaction_pay")
    assert summary == {
        "Respondents": "5",
        "Two highest answers": "[c]",
        "Two lowest answers": "[c]",
        "Mean score": "[c]",
    }
    rows = page.table("#likert-satisfaction_pay .govuk-table")
    assert rows[3] == ["Satisfied", "[c]", "[c]", "[c]"]
