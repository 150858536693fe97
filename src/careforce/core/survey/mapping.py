"""Which export column holds which question: the layouts of survey tools' exports and the
mapping file that says what careforce cannot guess.

Without a mapping, a column is matched to a question by its id, its text or one of its
``export_names`` (case and spacing ignored). The layouts' own columns (times, collector ids)
are not answers; their personal-data columns (names, email and IP addresses) are never read.
Every other column that matches no question is reported, never dropped without a word.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

from careforce.core.survey.questionnaire import Questionnaire, QuestionType
from careforce.core.survey.responses import WARNING, Finding, Layout, Source, normalised

SUB_HEADER_JOIN: Final = " / "
"""How a two-row header (SurveyMonkey) is joined into one column name: question / option."""
WHOLE_ANSWER_SUB_HEADERS: Final = frozenset({"response", "open-ended response", ""})
"""Second-row headings of SurveyMonkey columns that hold a whole answer, not one option."""


class ExportLayout(StrEnum):
    """Survey tools whose exports careforce reads."""

    CAREFORCE = "careforce"
    """One column per question id; multiple choices separated by ';'."""
    MICROSOFT_FORMS = "microsoft-forms"
    """Microsoft Forms 'Open results in Excel': ID, Start time, Completion time, Email, Name,
    then one column per question titled with its text; multiple choices as 'A;B;'."""
    SMARTSURVEY = "smartsurvey"
    """SmartSurvey CSV export: UserID, IP Address, Started, Ended, ..., then one column per
    question; multiple choices separated by ',' unless the mapping says otherwise."""
    SURVEYMONKEY = "surveymonkey"
    """SurveyMonkey 'All responses' CSV/XLSX: two header rows (question text, then 'Response'
    or an option's label for each option column of a multiple-choice question)."""


LAYOUT_COLUMNS: Final[dict[ExportLayout, tuple[str | None, frozenset[str], frozenset[str]]]] = {
    ExportLayout.CAREFORCE: ("response_id", frozenset({"round"}), frozenset()),
    ExportLayout.MICROSOFT_FORMS: (
        "ID",
        frozenset({"start time", "completion time", "last modified time"}),
        frozenset({"email", "name"}),
    ),
    ExportLayout.SMARTSURVEY: (
        "UserID",
        frozenset({"started", "ended", "tracking link", "custom value", "status"}),
        frozenset({"ip address", "email", "email address", "name"}),
    ),
    ExportLayout.SURVEYMONKEY: (
        "Respondent ID",
        frozenset({"collector id", "start date", "end date", "custom data 1"}),
        frozenset({"ip address", "email address", "first name", "last name"}),
    ),
}
"""Each layout's response-id column, its other bookkeeping columns and its personal-data
columns (names in lower case)."""
SEPARATORS: Final = {
    ExportLayout.CAREFORCE: ";",
    ExportLayout.MICROSOFT_FORMS: ";",
    ExportLayout.SMARTSURVEY: ",",
    ExportLayout.SURVEYMONKEY: ";",
}
"""What separates a multiple-choice answer's choices in one cell, by layout."""


class ExportMapping(BaseModel):
    """A mapping file: how one tool's export of a questionnaire is laid out."""

    model_config = ConfigDict(extra="forbid", title="careforce survey export mapping")

    layout: ExportLayout = Field(
        default=ExportLayout.CAREFORCE,
        description="careforce, microsoft-forms, smartsurvey or surveymonkey.",
    )
    response_id: str | None = Field(
        default=None, description="Column of response ids (default the layout's own)."
    )
    separator: str | None = Field(
        default=None, min_length=1, description="Separator of multiple choices in one cell."
    )
    columns: dict[str, str] = Field(
        default_factory=dict, description="Column heading → question id, where not guessed."
    )
    answers: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Question id → {answer as exported: option value}, where labels differ.",
    )
    ignore: list[str] = Field(
        default_factory=list, description="Column headings that are not answers."
    )


def _finding(header: str, code: str, message: str) -> Finding:
    return Finding(1, header, "", code, WARNING, message)


def export_layout(
    headers: Sequence[str], questionnaire: Questionnaire, mapping: ExportMapping
) -> tuple[Layout, list[Finding]]:
    """Match an export's columns to the questionnaire.

    Returns:
        Where each question's answers are, and a warning for each column not imported.
    """
    id_column, bookkeeping, personal = LAYOUT_COLUMNS[mapping.layout]
    id_column = mapping.response_id or id_column
    names: dict[str, str] = {}
    for question in questionnaire.questions:
        for name in (question.text, *question.export_names, question.id):
            names.setdefault(normalised(name), question.id)
    chosen = {normalised(k): v for k, v in mapping.columns.items()}
    ignored = {normalised(name) for name in mapping.ignore} | bookkeeping
    sources: list[Source] = []
    findings: list[Finding] = []
    found_id = None
    for header in headers:
        key = normalised(header)
        if id_column is not None and key == normalised(id_column):
            found_id = header
            continue
        if key in personal:
            findings.append(_finding(header, "SURVEY-PERSONAL-COLUMN", "personal data: not read"))
            continue
        if key in ignored:
            continue
        source = _source(header, key, questionnaire, names, chosen)
        if source is None:
            findings.append(
                _finding(
                    header,
                    "SURVEY-COLUMN-NOT-IMPORTED",
                    "matches no question: not imported (name it in the mapping file's columns "
                    "or ignore)",
                )
            )
        else:
            sources.append(source)
    separator = mapping.separator or SEPARATORS[mapping.layout]
    return Layout(sources, found_id, separator, mapping.answers), findings


def _source(
    header: str,
    key: str,
    questionnaire: Questionnaire,
    names: dict[str, str],
    chosen: dict[str, str],
) -> Source | None:
    if key in chosen:
        return Source(chosen[key], header)
    if key in names:
        return Source(names[key], header)
    if SUB_HEADER_JOIN in header:
        text, _, sub = header.rpartition(SUB_HEADER_JOIN)
        question_id = chosen.get(normalised(text)) or names.get(normalised(text))
        if question_id is None:
            return None
        question = questionnaire.question(question_id)
        if normalised(sub) in WHOLE_ANSWER_SUB_HEADERS:
            return Source(question_id, header)
        if question.type is QuestionType.MULTIPLE_CHOICE:
            for option in question.options or []:
                if normalised(sub) in (normalised(option.label), normalised(option.value)):
                    return Source(question_id, header, option.value)
    return None
