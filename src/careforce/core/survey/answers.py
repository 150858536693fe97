"""Answering a questionnaire one question at a time: which questions routing shows, which comes
next, and checking one answer as a respondent gives it (the web form)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Final

from careforce.core.survey.questionnaire import Question, Questionnaire, QuestionType

Answers = Mapping[str, Any]
"""Answers by question id: text, a number or a list of option values."""
NUMBER_MAX_CHARACTERS: Final = 20
"""Longest number accepted as typed (guards against pasted text)."""


class AnswerError(ValueError):
    """An answer cannot be accepted; the message says what to do, as GOV.UK error messages do."""


def shown(question: Question, answers: Answers) -> bool:
    """Whether routing asks the question, given the answers so far."""
    condition = question.show_if
    if condition is None:
        return True
    return answers.get(condition.question) in condition.any_of


def visible_questions(questionnaire: Questionnaire, answers: Answers) -> list[Question]:
    """The questions routing asks, in order, given the answers so far."""
    return [q for q in questionnaire.questions if shown(q, answers)]


def routed_answers(questionnaire: Questionnaire, answers: Answers) -> dict[str, Any]:
    """The answers to the questions routing asks (answers to skipped questions dropped)."""
    asked = {q.id for q in visible_questions(questionnaire, answers)}
    return {key: value for key, value in answers.items() if key in asked}


def next_question(questionnaire: Questionnaire, answers: Answers) -> Question | None:
    """The first question asked that has no answer yet (None: ready to check the answers)."""
    for question in visible_questions(questionnaire, answers):
        if question.id not in answers:
            return question
    return None


def parse_answer(question: Question, values: Sequence[str]) -> Any:
    """Check one answer as submitted (the form's values for the question).

    Returns:
        The answer (None for an optional question left blank).

    Raises:
        AnswerError: the answer is missing, not an option, not a number in range or too long.
    """
    given = [v.strip() for v in values if v is not None and v.strip()]
    if not given:
        if question.required:
            raise AnswerError(_missing(question))
        return [] if question.type is QuestionType.MULTIPLE_CHOICE else None
    options = question.option_values()
    if question.type is QuestionType.MULTIPLE_CHOICE:
        if any(v not in options for v in given):
            raise AnswerError("Select from the list")
        return [o for o in options if o in given]
    if question.type in (QuestionType.SINGLE_CHOICE, QuestionType.LIKERT):
        if len(given) != 1 or given[0] not in options:
            raise AnswerError(_missing(question))
        return given[0]
    if question.type is QuestionType.NUMBER:
        return _number(question, given[0])
    text = given[0]
    if question.max_length is not None and len(text) > question.max_length:
        raise AnswerError(f"Your answer must be {question.max_length:,} characters or fewer")
    return text


def _missing(question: Question) -> str:
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return "Select at least one answer"
    if question.type is QuestionType.NUMBER:
        return "Enter a number"
    if question.type is QuestionType.FREE_TEXT:
        return "Enter your answer"
    return "Select an answer"


def _number(question: Question, text: str) -> float:
    try:
        value = float(text.replace(",", "")) if len(text) <= NUMBER_MAX_CHARACTERS else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise AnswerError("Enter a number, like 5")
    low, high = question.minimum, question.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        raise AnswerError(
            f"Enter a number between {low:g} and {high:g}"
            if low is not None and high is not None
            else "Enter a number in range"
        )
    return value
