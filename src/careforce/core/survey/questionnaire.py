"""Questionnaires as configuration: questions, their answer options, routing and measures.

A questionnaire file (YAML) is checked against the JSON Schema generated from these models,
then by the models, then across fields (:func:`parse_questionnaire`): unique question ids,
routing that refers to an earlier question and its options, measures whose positive answers
are options of the question.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from careforce.core.configuration import (
    SCHEMA_DIALECT,
    Problem,
    ProblemsError,
    SchemaGenerator,
    Wording,
    duplicates,
    parse_checked,
    tidy_schema,
)

QUESTIONNAIRE_SCHEMA_VERSION: Final = "1"
"""Version of the questionnaire file format; bumped on any incompatible change."""
QUESTIONNAIRE_SCHEMA_ID: Final = "https://careforce.example/schemas/survey-questionnaire/v1.json"
"""The ``$id`` of the questionnaire JSON Schema; carries :data:`QUESTIONNAIRE_SCHEMA_VERSION`."""
ID_PATTERN: Final = r"^[a-z][a-z0-9_]*$"
"""Question ids and measure ids: lower-case letters, digits and '_' (they become column names)."""
VALUE_PATTERN: Final = r"^[a-z0-9][a-z0-9-]*$"
"""Option values: lower-case letters, digits and '-', e.g. ``very-satisfied``."""
WORDING: Final = Wording(
    mapping="a mapping",
    mapping_type="a mapping of field: value",
    text="text (in quotes if it looks like a number)",
    patterns={
        ID_PATTERN: "an id of lower-case letters, digits and '_', e.g. job_satisfaction",
        VALUE_PATTERN: "a value of lower-case letters, digits and '-', e.g. very-satisfied",
    },
)
"""How messages about questionnaire files name things."""

QuestionId = Annotated[str, Field(pattern=ID_PATTERN, max_length=60)]
OptionValue = Annotated[str, Field(pattern=VALUE_PATTERN, max_length=60)]
Text = Annotated[str, Field(min_length=1)]

Path = tuple[str | int, ...]
"""Where a field is in a file: keys and list indexes."""

_STRICT = ConfigDict(extra="forbid", use_enum_values=False)


class QuestionnaireError(ProblemsError):
    """A questionnaire is not usable; holds every problem found."""

    default_message: ClassVar[str] = "invalid questionnaire"


class QuestionType(StrEnum):
    """What kind of answer a question takes."""

    SINGLE_CHOICE = "single_choice"
    """One option of a list (radios)."""
    MULTIPLE_CHOICE = "multiple_choice"
    """Any number of options of a list (checkboxes)."""
    LIKERT = "likert"
    """One point of an ordered agreement or satisfaction scale (radios, low to high)."""
    NUMBER = "number"
    """A number, e.g. years in role."""
    FREE_TEXT = "free_text"
    """Text in the respondent's own words; redacted before anyone sees it."""


CHOICE_TYPES: Final = frozenset(
    {QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.LIKERT}
)
"""Question types answered from a list of options."""


class Breakdown(StrEnum):
    """The respondent groups answers are broken down by (a question says which it gives)."""

    ROLE_GROUP = "role_group"
    SECTOR = "sector"
    SERVICE_GROUP = "service_group"
    YEARS_IN_ROLE = "years_in_role"
    YEARS_IN_SECTOR = "years_in_sector"
    SIZE = "size"


class Option(BaseModel):
    """One answer option of a choice or Likert question."""

    model_config = _STRICT

    value: OptionValue = Field(description="Stable value stored and exported, e.g. satisfied.")
    label: Text = Field(description="What the respondent sees, e.g. 'Satisfied'.")
    hint: str | None = Field(default=None, description="Hint shown under the option.")


class Condition(BaseModel):
    """Routing: show the question only when an earlier question was answered in a certain way."""

    model_config = _STRICT

    question: QuestionId = Field(description="Id of an earlier choice or Likert question.")
    any_of: list[OptionValue] = Field(
        min_length=1, description="Show the question when any of these options was chosen."
    )


class MeasureBinding(BaseModel):
    """The survey measure a question gives: the share of respondents choosing positive options."""

    model_config = _STRICT

    id: QuestionId = Field(description="Measure id, e.g. job_satisfaction_share.")
    positive: list[OptionValue] = Field(
        min_length=1,
        description="Options counted in the numerator, e.g. [satisfied, very-satisfied].",
    )
    per_option: QuestionId | None = Field(
        default=None,
        description="Publish each positive option's share on its own, under this breakdown "
        "with the option's label as its value (e.g. training_category), instead of one share "
        "of them all.",
    )


class Question(BaseModel):
    """One question of a questionnaire."""

    model_config = _STRICT

    id: QuestionId = Field(description="Id, unique in the questionnaire; the column of answers.")
    type: QuestionType = Field(
        description="single_choice, multiple_choice, likert, number or free_text."
    )
    text: Text = Field(description="The question as the respondent sees it.")
    hint: str | None = Field(default=None, description="Hint shown under the question.")
    section: str | None = Field(default=None, description="Heading of the part it belongs to.")
    required: bool = Field(default=True, description="Whether an answer is needed to go on.")
    options: list[Option] | None = Field(
        default=None,
        min_length=2,
        description="Answer options (choice and Likert questions; Likert from low to high).",
    )
    minimum: float | None = Field(default=None, description="Smallest number accepted.")
    maximum: float | None = Field(default=None, description="Largest number accepted.")
    max_length: int | None = Field(
        default=None, ge=1, le=5000, description="Longest free text accepted, in characters."
    )
    show_if: Condition | None = Field(
        default=None, description="Routing: ask only when an earlier answer was one of these."
    )
    breakdown: Breakdown | None = Field(
        default=None, description="The respondent group this question gives, e.g. role_group."
    )
    measure: MeasureBinding | None = Field(
        default=None, description="The survey measure this question gives (docs/measures.md)."
    )
    export_names: list[Text] = Field(
        default_factory=list,
        description="Other column headings this question has in survey tools' exports.",
    )

    def option_values(self) -> list[str]:
        """The values of the options, in order (empty for number and free-text questions)."""
        return [option.value for option in self.options or []]


class Questionnaire(BaseModel):
    """A questionnaire: its questions in the order they are asked."""

    model_config = ConfigDict(extra="forbid", title="careforce survey questionnaire")

    schema_version: Literal["1"] = Field(description='Version of this file format; must be "1".')
    id: QuestionId = Field(description="Id of the questionnaire, e.g. staff.")
    title: Text = Field(description="Title shown to respondents.")
    description: str | None = Field(default=None, description="What the survey is for.")
    source: str | None = Field(default=None, description="Where the questions come from.")
    questions: list[Question] = Field(min_length=1, description="The questions, in order.")

    def question(self, question_id: str) -> Question:
        """The question with the id.

        Raises:
            KeyError: no such question.
        """
        for item in self.questions:
            if item.id == question_id:
                return item
        raise KeyError(question_id)

    def breakdowns(self) -> dict[Breakdown, Question]:
        """The questions that give respondent groups, by breakdown."""
        return {q.breakdown: q for q in self.questions if q.breakdown is not None}

    def measures(self) -> list[Question]:
        """The questions that give a survey measure, in order."""
        return [q for q in self.questions if q.measure is not None]


def _option_problems(question: Question, at: Path) -> Iterator[Problem]:
    values = question.option_values()
    if question.type in CHOICE_TYPES and not values:
        yield Problem((*at, "options"), f"a {question.type.value} question needs options")
    if question.type not in CHOICE_TYPES and question.options is not None:
        yield Problem((*at, "options"), f"a {question.type.value} question has no options")
    keys: list[tuple[Path, str]] = [
        ((*at, "options", i, "value"), value) for i, value in enumerate(values)
    ]
    yield from duplicates(keys, "option value")


def _bound_problems(question: Question, at: Path) -> Iterator[Problem]:
    if question.type is not QuestionType.NUMBER:
        for bound in ("minimum", "maximum"):
            if getattr(question, bound) is not None:
                yield Problem((*at, bound), "only a number question has a minimum or maximum")
    elif (
        question.minimum is not None
        and question.maximum is not None
        and question.minimum > question.maximum
    ):
        yield Problem((*at, "minimum"), f"{question.minimum} is above maximum {question.maximum}")
    if question.max_length is not None and question.type is not QuestionType.FREE_TEXT:
        yield Problem((*at, "max_length"), "only a free_text question has a max_length")


def _measure_problems(question: Question, at: Path) -> Iterator[Problem]:
    if question.measure is not None:
        per_option = question.measure.per_option is not None
        if question.type not in CHOICE_TYPES - {QuestionType.MULTIPLE_CHOICE} and not (
            per_option and question.type is QuestionType.MULTIPLE_CHOICE
        ):
            yield Problem(
                (*at, "measure"),
                "only a single_choice or likert question gives a measure (a multiple_choice "
                "question one share per option, with per_option)",
            )
        for index, value in enumerate(question.measure.positive):
            if value not in question.option_values():
                yield Problem(
                    (*at, "measure", "positive", index),
                    f"{value!r} is not an option of {question.id}",
                )
    if question.breakdown is not None and question.type is not QuestionType.SINGLE_CHOICE:
        yield Problem((*at, "breakdown"), "only a single_choice question gives a breakdown")


def _question_problems(
    question: Question, at: Path, earlier: Mapping[str, Question]
) -> Iterator[Problem]:
    yield from _option_problems(question, at)
    yield from _bound_problems(question, at)
    if question.show_if is not None:
        yield from _condition_problems(question.show_if, (*at, "show_if"), earlier)
    yield from _measure_problems(question, at)


def _condition_problems(
    condition: Condition, at: Path, earlier: Mapping[str, Question]
) -> Iterator[Problem]:
    target = earlier.get(condition.question)
    if target is None:
        yield Problem((*at, "question"), f"{condition.question!r} is not an earlier question")
        return
    if target.type not in CHOICE_TYPES:
        yield Problem((*at, "question"), f"{condition.question!r} is not a choice question")
        return
    for index, value in enumerate(condition.any_of):
        if value not in target.option_values():
            yield Problem((*at, "any_of", index), f"{value!r} is not an option of {target.id}")


def check_questionnaire(questionnaire: Questionnaire) -> list[Problem]:
    """Problems across fields: ids, options, routing, measures and breakdowns."""
    problems: list[Problem] = []
    earlier: dict[str, Question] = {}
    for index, question in enumerate(questionnaire.questions):
        problems.extend(_question_problems(question, ("questions", index), earlier))
        earlier.setdefault(question.id, question)
    problems.extend(
        duplicates(
            [(("questions", i, "id"), q.id) for i, q in enumerate(questionnaire.questions)],
            "question id",
        )
    )
    measures: list[tuple[Path, str]] = [
        (("questions", i, "measure", "id"), q.measure.id)
        for i, q in enumerate(questionnaire.questions)
        if q.measure is not None
    ]
    problems.extend(duplicates(measures, "measure id"))
    groups: list[tuple[Path, str]] = [
        (("questions", i, "breakdown"), q.breakdown.value)
        for i, q in enumerate(questionnaire.questions)
        if q.breakdown is not None
    ]
    problems.extend(duplicates(groups, "breakdown"))
    return problems


def parse_questionnaire(data: Any, schema: Mapping[str, Any]) -> Questionnaire:
    """Validate raw questionnaire data (as read from YAML) and build the questionnaire.

    Raises:
        QuestionnaireError: with every problem found, each naming its field.
    """
    return parse_checked(
        data, schema, WORDING, Questionnaire, check_questionnaire, QuestionnaireError
    )


def questionnaire_json_schema() -> dict[str, Any]:
    """The JSON Schema of questionnaire files, generated from the models.

    The committed copy in ``schema/survey-questionnaire.v1.schema.json`` is what validates
    files; a test checks it equals this.
    """
    generated = Questionnaire.model_json_schema(schema_generator=SchemaGenerator)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": QUESTIONNAIRE_SCHEMA_ID,
        **tidy_schema(generated),
    }
    schema["description"] = (
        f"careforce survey questionnaire, format version {QUESTIONNAIRE_SCHEMA_VERSION}. "
        "Written as YAML; see docs/survey.md."
    )
    return schema
