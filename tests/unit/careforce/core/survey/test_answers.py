"""Answering one question at a time: routing, the next question and checking answers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careforce.core.survey.answers import (
    AnswerError,
    next_question,
    parse_answer,
    routed_answers,
    visible_questions,
)
from careforce.core.survey.questionnaire import Questionnaire
from careforce.core.survey.redaction import Redactor

pytestmark = pytest.mark.unit

SURVEY = Questionnaire.model_validate(
    {
        "schema_version": "1",
        "id": "t",
        "title": "t",
        "questions": [
            {
                "id": "leaving",
                "type": "single_choice",
                "text": "Leaving?",
                "options": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}],
            },
            {
                "id": "why",
                "type": "multiple_choice",
                "text": "Why?",
                "show_if": {"question": "leaving", "any_of": ["yes"]},
                "options": [
                    {"value": "pay", "label": "Pay"},
                    {"value": "stress", "label": "Stress"},
                ],
            },
            {"id": "years", "type": "number", "text": "Years?", "minimum": 0, "maximum": 60},
            {
                "id": "else",
                "type": "free_text",
                "text": "Else?",
                "required": False,
                "max_length": 10,
            },
        ],
    }
)


class TestRouting:
    def test_skipped_question_is_not_asked(self) -> None:
        assert [q.id for q in visible_questions(SURVEY, {"leaving": "no"})] == [
            "leaving",
            "years",
            "else",
        ]
        assert next_question(SURVEY, {"leaving": "no"}).id == "years"  # type: ignore[union-attr]

    def test_changing_an_answer_drops_the_skipped_one(self) -> None:
        assert routed_answers(SURVEY, {"leaving": "no", "why": ["pay"], "years": 3.0}) == {
            "leaving": "no",
            "years": 3.0,
        }

    def test_all_answered(self) -> None:
        assert next_question(SURVEY, {"leaving": "no", "years": 1.0, "else": None}) is None


class TestParseAnswer:
    @pytest.mark.parametrize(
        ("question", "values", "expected"),
        [
            pytest.param("leaving", ["yes"], "yes", id="choice"),
            pytest.param("why", ["stress", "pay"], ["pay", "stress"], id="multiple-in-order"),
            pytest.param("years", [" 1,5 "], 15.0, id="number-with-comma"),
            pytest.param("else", [""], None, id="optional-blank"),
        ],
    )
    def test_accepted(self, question: str, values: list[str], expected: object) -> None:
        assert parse_answer(SURVEY.question(question), values) == expected

    @pytest.mark.parametrize(
        ("question", "values", "message"),
        [
            pytest.param("leaving", [], "Select an answer", id="missing"),
            pytest.param("leaving", ["maybe"], "Select an answer", id="not-an-option"),
            pytest.param("why", [], "Select at least one answer", id="none-chosen"),
            pytest.param("why", ["cake"], "Select from the list", id="forged"),
            pytest.param("years", ["lots"], "Enter a number, like 5", id="not-a-number"),
            pytest.param("years", ["61"], "Enter a number between 0 and 60", id="range"),
            pytest.param("years", ["nan"], "Enter a number, like 5", id="nan"),
            pytest.param(
                "else", ["x" * 11], "Your answer must be 10 characters or fewer", id="long"
            ),
        ],
    )
    def test_refused(self, question: str, values: list[str], message: str) -> None:
        with pytest.raises(AnswerError, match=message):
            parse_answer(SURVEY.question(question), values)

    @settings(max_examples=200, deadline=None)
    @given(
        values=st.lists(st.text(max_size=30), max_size=4),
        which=st.sampled_from(["leaving", "why", "years", "else"]),
    )
    def test_any_values_are_accepted_or_refused(self, values: list[str], which: str) -> None:
        message = "accepted"
        try:
            parse_answer(SURVEY.question(which), values)
        except AnswerError as error:
            message = str(error)
        assert message


REDACTOR = Redactor(["Sarah"])


class TestRedactionProperties:
    @settings(max_examples=300, deadline=None)
    @given(
        before=st.text(max_size=30),
        after=st.text(max_size=30),
        secret=st.sampled_from(
            ["someone@example.org", "07700 900123", "+44 1785 223121", "QQ 12 34 56 C", "AB123456D"]
        ),
    )
    def test_secrets_never_survive(self, before: str, after: str, secret: str) -> None:
        text = f"{before} {secret} {after}"
        assert secret not in REDACTOR.redact(text).text
