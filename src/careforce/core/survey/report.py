"""What a survey round's report says: the measures, every Likert question, the rankings of
multiple-choice questions, free-text themes, the cross-tabulation of satisfaction by years in
role and the weighting, each as a table (charts are drawn from the same tables)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

import polars as pl

from careforce.core.survey import columns as c
from careforce.core.survey.analysis import (
    CrossTab,
    CrossTabError,
    crosstab,
    likert_summary,
    option_ranking,
    option_shares,
)
from careforce.core.survey.disclosure import MINIMUM_RESPONDENTS
from careforce.core.survey.questionnaire import Questionnaire, QuestionType
from careforce.core.survey.themes import Codebook, theme_counts
from careforce.core.survey.weighting import Weighting
from careforce.core.vocab import published as pub

SATISFACTION_BY_TENURE: Final = ("years_in_role", "job_satisfaction")
"""The cross-tabulation the 2022 survey reported: the longer in role, the less satisfied."""


@dataclass(frozen=True)
class Section:
    """One question's table in the report."""

    question: str
    text: str
    table: pl.DataFrame
    note: str = ""
    distribution: pl.DataFrame | None = None
    """A Likert question's answers from the lowest to the highest option: the number and share
    of respondents choosing each (withheld like the table)."""


@dataclass(frozen=True)
class SurveyReport:
    """The content of a round's report."""

    title: str
    round_name: str
    respondents: int
    measures: pl.DataFrame
    likert: list[Section] = field(default_factory=list)
    rankings: list[Section] = field(default_factory=list)
    themes: list[Section] = field(default_factory=list)
    crosstab: CrossTab | None = None
    weighting: Weighting | None = None
    chart: dict[str, Any] | None = None


def _labels(questionnaire: Questionnaire, question: str) -> dict[str, str]:
    return {o.value: o.label for o in questionnaire.question(question).options or []}


def measures_chart(measures: pl.DataFrame) -> dict[str, Any]:
    """A Vega-Lite bar chart of the headline measures with their 95% intervals."""
    rows = (
        measures.filter((pl.col(pub.BREAKDOWN) == pub.TOTAL) & pl.col(pub.VALUE).is_not_null())
        .select(pub.MEASURE_NAME, pub.VALUE, pub.LOWER, pub.UPPER)
        .to_dicts()
    )
    axis = {"field": pub.MEASURE_NAME, "type": "nominal", "sort": None, "title": None}
    scale = {"domain": [0, 1]}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": rows},
        "width": 420,
        "layer": [
            {
                "mark": {"type": "bar", "color": "#1d70b8"},
                "encoding": {
                    "y": axis,
                    "x": {
                        "field": pub.VALUE,
                        "type": "quantitative",
                        "title": "Share",
                        "axis": {"format": "%"},
                        "scale": scale,
                    },
                },
            },
            {
                "mark": {"type": "rule", "color": "#0b0c0c"},
                "encoding": {
                    "y": axis,
                    "x": {"field": pub.LOWER, "type": "quantitative"},
                    "x2": {"field": pub.UPPER},
                },
            },
        ],
    }


def likert_distribution(
    responses: pl.LazyFrame,
    questionnaire: Questionnaire,
    *,
    question: str,
    weight: str | None = None,
) -> pl.DataFrame:
    """A Likert question's answers from the lowest to the highest option: ``answer``, ``label``,
    ``respondents`` (who answered the question), ``chosen`` and ``share`` with its interval;
    every number but ``respondents`` blank when fewer than the minimum answered."""
    options = questionnaire.question(question).option_values()
    shares = option_shares(responses, question=question, options=options, weight=weight)
    labels = _labels(questionnaire, question)
    table = (
        shares.drop(c.BREAKDOWN, c.GROUP)
        .with_columns(pl.col(c.ANSWER).replace_strict(labels, default=None).alias(c.LABEL))
        .collect()
    )
    return _withheld(table)


def survey_report(
    responses: pl.LazyFrame,
    questionnaire: Questionnaire,
    *,
    measures: pl.DataFrame,
    round_name: str,
    codebook: Codebook | None = None,
    weighting: Weighting | None = None,
) -> SurveyReport:
    """Put a round's report together (weighted when ``weighting`` is given)."""
    weight = c.WEIGHT if weighting is not None else None
    present = set(responses.collect_schema().names())
    respondents = responses.select(pl.len()).collect().item()
    likert, rankings, themes = [], [], []
    for question in questionnaire.questions:
        if question.id not in present:
            continue
        options = question.option_values()
        if question.type is QuestionType.LIKERT:
            table = likert_summary(responses, question=question.id, options=options, weight=weight)
            likert.append(
                Section(
                    question.id,
                    question.text,
                    _withheld(table.collect()),
                    distribution=likert_distribution(
                        responses, questionnaire, question=question.id, weight=weight
                    ),
                )
            )
        elif question.type is QuestionType.MULTIPLE_CHOICE:
            table = option_ranking(responses, question=question.id, options=options, weight=weight)
            labels = _labels(questionnaire, question.id)
            ranked = table.collect().with_columns(
                pl.col(c.ANSWER).replace_strict(labels, default=None).alias(c.LABEL)
            )
            rankings.append(Section(question.id, question.text, _withheld(ranked)))
        elif question.type is QuestionType.FREE_TEXT and codebook is not None:
            counts = theme_counts(responses, question=question.id, codebook=codebook).collect()
            themes.append(
                Section(
                    question.id,
                    question.text,
                    _withheld(counts),
                    "Answers can have several themes.",
                )
            )
    return SurveyReport(
        title=questionnaire.title,
        round_name=round_name,
        respondents=respondents,
        measures=measures,
        likert=likert,
        rankings=rankings,
        themes=themes,
        crosstab=_tenure_crosstab(responses, questionnaire, present),
        weighting=weighting,
        chart=measures_chart(measures),
    )


def _withheld(table: pl.DataFrame) -> pl.DataFrame:
    """Blank every number of a table whose question fewer than the minimum answered."""
    small = pl.col(c.RESPONDENTS) < MINIMUM_RESPONDENTS
    return table.with_columns(
        pl.when(small).then(None).otherwise(pl.col(name)).alias(name)
        for name in table.columns
        if name not in (c.RESPONDENTS, c.ANSWER, c.LABEL, "question", c.RANK)
        and table.schema[name].is_numeric()
    )


def _tenure_crosstab(
    responses: pl.LazyFrame, questionnaire: Questionnaire, present: set[str]
) -> CrossTab | None:
    rows, columns = SATISFACTION_BY_TENURE
    if rows not in present or columns not in present:
        return None
    satisfied = questionnaire.question(columns)
    positive = set(satisfied.measure.positive if satisfied.measure else [])
    grouped = responses.with_columns(
        pl.when(pl.col(columns).is_in(list(positive)))
        .then(pl.lit("satisfied"))
        .when(pl.col(columns).is_not_null())
        .then(pl.lit("not satisfied"))
        .alias("_satisfied")
    )
    try:
        return crosstab(
            grouped,
            rows=rows,
            columns="_satisfied",
            row_values=questionnaire.question(rows).option_values(),
            column_values=["satisfied", "not satisfied"],
        )
    except CrossTabError:
        return None
