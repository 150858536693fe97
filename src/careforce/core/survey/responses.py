"""Turning a survey tool's export (rows of strings) into typed responses, with a finding for
every cell that cannot be used, every answer routing should have skipped and every column not
imported: nothing is dropped without a word.

Choice answers are matched to an option by its value, its label or a label the mapping file
gives (case and spacing ignored); multiple-choice answers come either from one column with the
choices separated (Microsoft Forms, SmartSurvey) or from one column per option holding the
option's label when chosen (SurveyMonkey). Free text is redacted as it is read.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

import polars as pl

from careforce.core.survey import columns as c
from careforce.core.survey.questionnaire import Question, Questionnaire, QuestionType
from careforce.core.survey.redaction import Redactor
from careforce.core.vocab.ascwds_columns import LINE

ERROR: Final = "error"
WARNING: Final = "warning"
ID_DIGITS: Final = 16
"""Hex digits of a response id made from a row's content (64 bits: no clash in any survey)."""


@dataclass(frozen=True)
class Finding:
    """A problem with one cell, row or column of an export."""

    line: int
    column: str
    value: str
    code: str
    severity: str
    message: str


@dataclass(frozen=True)
class Source:
    """Where a question's answers are in the export.

    Attributes:
        question: the question's id.
        header: the column heading.
        option: for one-column-per-option layouts, the option this column is.
    """

    question: str
    header: str
    option: str | None = None


@dataclass(frozen=True)
class Layout:
    """How an export holds its answers.

    Attributes:
        sources: the columns holding each question's answers.
        response_id: the column holding each response's id (None: made from the row).
        separator: what separates the choices of a multiple-choice answer in one cell.
        answers: for each question, labels of the export → option values.
    """

    sources: Sequence[Source]
    response_id: str | None = None
    separator: str = ";"
    answers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Imported:
    """Typed responses and the findings of reading them."""

    responses: pl.DataFrame
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        """The findings that stop the responses being used."""
        return [f for f in self.findings if f.severity == ERROR]


def normalised(text: str) -> str:
    """Text as headers and answers are compared: lower case, single spaces, no outer quotes."""
    return re.sub(r"\s+", " ", text.strip().strip("\"'").strip()).casefold()


def question_dtype(question: Question) -> pl.DataType:
    """The Polars type of a question's answers."""
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return pl.List(pl.String())
    if question.type is QuestionType.NUMBER:
        return pl.Float64()
    return pl.String()


def responses_schema(questionnaire: Questionnaire) -> pl.Schema:
    """Columns of a questionnaire's typed responses."""
    return pl.Schema(
        {
            c.RESPONSE_ID: pl.String(),
            c.ROUND: pl.String(),
            **{q.id: question_dtype(q) for q in questionnaire.questions},
        }
    )


def _lookup(question: Question, extra: Mapping[str, str]) -> dict[str, str]:
    found = {}
    for option in question.options or []:
        found[normalised(option.value)] = option.value
        found[normalised(option.label)] = option.value
    found.update({normalised(label): value for label, value in extra.items()})
    return found


class _Reader:
    def __init__(self, raw: pl.DataFrame, layout: Layout, redactor: Redactor) -> None:
        self.raw = raw
        self.layout = layout
        self.redactor = redactor
        self.lines: list[int] = raw.get_column(LINE).to_list()
        self.findings: list[Finding] = []

    def cells(self, header: str) -> list[str]:
        return [cell or "" for cell in self.raw.get_column(header).to_list()]

    def bad(self, line: int, header: str, value: str, code: str, message: str) -> None:
        self.findings.append(Finding(line, header, value, code, ERROR, message))

    def choice(self, question: Question, source: Source) -> list[str | None]:
        lookup = _lookup(question, self.layout.answers.get(question.id, {}))
        out: list[str | None] = []
        for line, cell in zip(self.lines, self.cells(source.header), strict=True):
            if not cell.strip():
                out.append(None)
            elif normalised(cell) in lookup:
                out.append(lookup[normalised(cell)])
            else:
                self.bad(
                    line,
                    source.header,
                    cell,
                    "SURVEY-UNKNOWN-ANSWER",
                    f"not an answer of {question.id} (add it to the mapping file's answers)",
                )
                out.append(None)
        return out

    def multiple(self, question: Question, sources: Sequence[Source]) -> list[list[str] | None]:
        lookup = _lookup(question, self.layout.answers.get(question.id, {}))
        rows: list[list[str] | None] = [None] * self.raw.height
        per_option = [s for s in sources if s.option is not None]
        joined = [s for s in sources if s.option is None]
        for source in per_option:
            for index, cell in enumerate(self.cells(source.header)):
                if cell.strip():
                    rows[index] = [*(rows[index] or []), str(source.option)]
        for source in joined:
            for index, (line, cell) in enumerate(
                zip(self.lines, self.cells(source.header), strict=True)
            ):
                parts = [p for p in cell.split(self.layout.separator) if p.strip()]
                chosen = list(rows[index] or [])
                for part in parts:
                    value = lookup.get(normalised(part))
                    if value is None:
                        self.bad(
                            line,
                            source.header,
                            part.strip(),
                            "SURVEY-UNKNOWN-ANSWER",
                            f"not an answer of {question.id} (add it to the mapping file's answers)",
                        )
                    elif value not in chosen:
                        chosen.append(value)
                if parts:
                    rows[index] = chosen
        return rows

    def number(self, question: Question, source: Source) -> list[float | None]:
        out: list[float | None] = []
        for line, cell in zip(self.lines, self.cells(source.header), strict=True):
            text = cell.strip().replace(",", "")
            if not text:
                out.append(None)
                continue
            try:
                value = float(text)
            except ValueError:
                self.bad(line, source.header, cell, "SURVEY-NOT-A-NUMBER", "not a number")
                out.append(None)
                continue
            low, high = question.minimum, question.maximum
            if (
                math.isnan(value)
                or (low is not None and value < low)
                or (high is not None and value > high)
            ):
                self.bad(
                    line,
                    source.header,
                    cell,
                    "SURVEY-NUMBER-RANGE",
                    f"outside {low if low is not None else '-∞'} to {high if high is not None else '∞'}",
                )
                out.append(None)
            else:
                out.append(value)
        return out

    def text(self, question: Question, source: Source) -> list[str | None]:
        out: list[str | None] = []
        longest = question.max_length
        for line, cell in zip(self.lines, self.cells(source.header), strict=True):
            if not cell.strip():
                out.append(None)
                continue
            redacted = self.redactor.redact(cell.strip()).text
            if longest is not None and len(redacted) > longest:
                self.findings.append(
                    Finding(
                        line,
                        source.header,
                        "",
                        "SURVEY-TEXT-CUT",
                        WARNING,
                        f"longer than {longest} characters: cut short",
                    )
                )
                redacted = redacted[:longest]
            out.append(redacted)
        return out


def _response_ids(raw: pl.DataFrame, layout: Layout, reader: _Reader) -> list[str]:
    if layout.response_id is not None:
        ids = [cell.strip() for cell in reader.cells(layout.response_id)]
    else:
        headers = [h for h in raw.columns if h != LINE]
        ids = [
            hashlib.sha256("\x1f".join(str(v or "") for v in row).encode()).hexdigest()[:ID_DIGITS]
            for row in raw.select(headers).iter_rows()
        ]
    seen: dict[str, int] = {}
    for line, value in zip(reader.lines, ids, strict=True):
        header = layout.response_id or "(row)"
        if not value:
            reader.bad(line, header, value, "SURVEY-NO-ID", "no response id")
        elif value in seen:
            reader.bad(
                line,
                header,
                value,
                "SURVEY-DUPLICATE-ID",
                f"the same response as line {seen[value]}",
            )
        else:
            seen[value] = line
    return ids


def read_responses(
    raw: pl.DataFrame,
    questionnaire: Questionnaire,
    *,
    layout: Layout,
    redactor: Redactor,
    round_name: str,
) -> Imported:
    """Typed responses from an export's rows.

    Args:
        raw: the export's rows as strings, one column per heading, with each row's line.
        questionnaire: the questionnaire answered.
        layout: where each question's answers are and how they are written.
        redactor: what redacts free text.
        round_name: the survey round, e.g. ``2023``.

    Returns:
        The responses (columns :func:`responses_schema`; questions not in the export are left
        out, so their measures are not available) and the findings.
    """
    reader = _Reader(raw, layout, redactor)
    ids = _response_ids(raw, layout, reader)
    columns: dict[str, pl.Series] = {
        c.RESPONSE_ID: pl.Series(c.RESPONSE_ID, ids, dtype=pl.String),
        c.ROUND: pl.Series(c.ROUND, [round_name] * raw.height, dtype=pl.String),
    }
    for question in questionnaire.questions:
        sources = [s for s in layout.sources if s.question == question.id]
        if not sources:
            continue
        values: list[object]
        if question.type is QuestionType.MULTIPLE_CHOICE:
            values = list(reader.multiple(question, sources))
        elif question.type is QuestionType.NUMBER:
            values = list(reader.number(question, sources[0]))
        elif question.type is QuestionType.FREE_TEXT:
            values = list(reader.text(question, sources[0]))
        else:
            values = list(reader.choice(question, sources[0]))
        columns[question.id] = pl.Series(question.id, values, dtype=question_dtype(question))
    frame = pl.DataFrame(columns)
    frame, routed = apply_routing(frame, questionnaire, lines=reader.lines, layout=layout)
    return Imported(frame, reader.findings + routed)


def apply_routing(
    frame: pl.DataFrame,
    questionnaire: Questionnaire,
    *,
    lines: Sequence[int] | None = None,
    layout: Layout | None = None,
) -> tuple[pl.DataFrame, list[Finding]]:
    """Blank the answers to questions routing skipped, with a warning for each."""
    findings: list[Finding] = []
    lines = list(lines) if lines is not None else list(range(1, frame.height + 1))
    for question in questionnaire.questions:
        condition = question.show_if
        if condition is None or question.id not in frame.columns:
            continue
        if condition.question in frame.columns:
            shown = pl.col(condition.question).is_in(condition.any_of).fill_null(False)
        else:
            shown = pl.lit(True)
        skipped = frame.with_row_index("_i").filter(~shown & pl.col(question.id).is_not_null())
        header = next(
            (s.header for s in (layout.sources if layout else []) if s.question == question.id),
            question.id,
        )
        for index in skipped.get_column("_i").to_list():
            findings.append(
                Finding(
                    lines[index],
                    header,
                    "",
                    "SURVEY-ROUTED-ANSWER",
                    WARNING,
                    f"answered although {condition.question} routes past it: left out",
                )
            )
        frame = frame.with_columns(
            pl.when(shown).then(pl.col(question.id)).otherwise(None).alias(question.id)
        )
    return frame, findings
