"""The shipped 2022 baseline as aggregate survey rounds (one per questionnaire): the published
headline measures and counts of answers, with no individual responses, and the results a round
page and report show for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import polars as pl

from careforce.core.survey import columns as c
from careforce.core.survey.disclosure import MINIMUM_RESPONDENTS
from careforce.core.survey.questionnaire import Questionnaire
from careforce.core.survey.report import Section, SurveyReport, measures_chart
from careforce.core.vocab import published as pub
from careforce.io.datasets import read_text_table
from careforce.io.survey_files import (
    read_codebook,
    shipped_baseline,
    shipped_baseline_answers,
)
from careforce.services.survey import RoundResults

ROUND_SUFFIX: Final = "baseline"
"""A baseline round is named for its year and this word (e.g. ``2022 baseline``), so it sits
beside a round of responses of the same year."""
ANSWER_COLUMNS: Final = ("question", c.ANSWER, c.CHOSEN, c.RESPONDENTS, "note")
"""Columns of the shipped counts of answers (after ``questionnaire``)."""


@dataclass(frozen=True)
class BaselineRound:
    """One questionnaire's part of the shipped baseline.

    Attributes:
        questionnaire: the questionnaire's id.
        period: the year the survey ran (the measures' period).
        respondents: how many responded (the largest denominator of its measures).
        measures: its rows of the published table.
        answers: its counts of answers (question, answer, chosen, respondents, note).
    """

    questionnaire: str
    period: str
    respondents: int
    measures: pl.DataFrame
    answers: pl.DataFrame

    @property
    def name(self) -> str:
        """The round's name."""
        return f"{self.period} {ROUND_SUFFIX}"


def _measure_ids(questionnaire: Questionnaire) -> set[str]:
    return {q.measure.id for q in questionnaire.questions if q.measure is not None}


def baseline_rounds(questionnaires: dict[str, Questionnaire]) -> list[BaselineRound]:
    """The shipped baseline split by questionnaire (a measure goes with the questionnaire whose
    question gives it; one no questionnaire gives goes with the staff survey's)."""
    text = read_text_table(shipped_baseline())
    text = pub.with_optional_columns(text).with_columns(pl.col(pub.COMPARATOR_NAME).fill_null(""))
    measures = text.select(
        pl.when(pl.col(name) == "").then(None).otherwise(pl.col(name)).cast(dtype).alias(name)
        for name, dtype in pub.PUBLISHED_SCHEMA.items()
    )
    answers = read_text_table(shipped_baseline_answers()).with_columns(
        pl.col(c.CHOSEN).cast(pl.Int64), pl.col(c.RESPONDENTS).cast(pl.Int64)
    )
    owners = {
        measure: name
        for name, questionnaire in questionnaires.items()
        for measure in _measure_ids(questionnaire)
    }
    found = []
    for name in questionnaires:
        rows = measures.filter(
            pl.col(pub.MEASURE_ID).replace_strict(owners, default="staff") == name
        )
        if rows.is_empty():
            continue
        denominators = rows.get_column(pub.DENOMINATOR).drop_nulls()
        found.append(
            BaselineRound(
                questionnaire=name,
                period=str(rows.get_column(pub.PERIOD)[0]),
                respondents=int(denominators.max()) if denominators.len() else 0,  # type: ignore[arg-type]
                measures=rows,
                answers=answers.filter(pl.col("questionnaire") == name).select(ANSWER_COLUMNS),
            )
        )
    return found


def _labels(questionnaire: Questionnaire, question: str, themes: dict[str, str]) -> dict[str, str]:
    options = {o.value: o.label for o in questionnaire.question(question).options or []}
    return {**themes, **options}


def aggregate_results(
    questionnaire: Questionnaire,
    *,
    round_name: str,
    respondents: int,
    measures: pl.DataFrame,
    answers: pl.DataFrame,
) -> RoundResults:
    """The results of an aggregate round: its published measures as they are, and a ranking of
    each question's counted answers (most chosen first; shares of the respondents asked;
    withheld under 10 respondents, as in the analysis)."""
    themes = {theme.id: theme.label for theme in read_codebook().themes}
    rankings = []
    for (question,), rows in answers.group_by("question", maintain_order=True):
        name = str(question)
        table = (
            rows.with_columns(
                (pl.col(c.CHOSEN) / pl.col(c.RESPONDENTS)).alias(c.SHARE),
                pl.col(c.ANSWER)
                .replace_strict(_labels(questionnaire, name, themes), default=pl.col(c.ANSWER))
                .alias(c.LABEL),
                pl.col(c.CHOSEN).rank("min", descending=True).cast(pl.UInt32).alias(c.RANK),
            )
            .sort([c.RANK, c.ANSWER])
            .select(c.RANK, c.ANSWER, c.LABEL, c.CHOSEN, c.RESPONDENTS, c.SHARE)
        )
        small = pl.col(c.RESPONDENTS) < MINIMUM_RESPONDENTS
        table = table.with_columns(
            pl.when(small).then(None).otherwise(pl.col(n)).alias(n) for n in (c.CHOSEN, c.SHARE)
        )
        note = str(rows.get_column("note")[0] or "")
        rankings.append(Section(name, questionnaire.question(name).text, table, note))
    report = SurveyReport(
        title=questionnaire.title,
        round_name=round_name,
        respondents=respondents,
        measures=measures,
        rankings=rankings,
        chart=measures_chart(measures),
    )
    return RoundResults(measures=measures, report=report)


def measures_rows(measures: pl.DataFrame) -> list[dict[str, Any]]:
    """Measures as JSON-ready rows (to keep them in the database)."""
    return measures.select(pub.PUBLISHED_COLUMNS).to_dicts()


def measures_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """Rows kept by :func:`measures_rows` as the published table again."""
    return pl.DataFrame(rows, schema=pub.PUBLISHED_SCHEMA)


def answers_rows(answers: pl.DataFrame) -> list[dict[str, Any]]:
    """Counts of answers as JSON-ready rows."""
    return answers.select(ANSWER_COLUMNS).to_dicts()


def answers_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """Rows kept by :func:`answers_rows` as a frame again."""
    schema = pl.Schema(
        {
            "question": pl.String(),
            c.ANSWER: pl.String(),
            c.CHOSEN: pl.Int64(),
            c.RESPONDENTS: pl.Int64(),
            "note": pl.String(),
        }
    )
    return pl.DataFrame(rows, schema=schema)
