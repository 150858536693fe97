"""The survey measures of a round: for every question bound to a measure, the share of
respondents choosing its positive answers, overall and by each respondent group, with groups
under 10 respondents withheld."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import polars as pl

from careforce.core.survey import columns as c
from careforce.core.survey.analysis import SHARE_SCHEMA, answer_shares, option_shares
from careforce.core.survey.disclosure import suppress_small_groups
from careforce.core.survey.questionnaire import Question, Questionnaire, QuestionType
from careforce.core.vocab.published import ALL, MEASURE_ID, TOTAL

ASKED: Final = "asked"
"""Whether the round asked the measure's question (a column of the responses)."""
MEASURE_SHARES_SCHEMA: Final = pl.Schema(
    {MEASURE_ID: pl.String(), **SHARE_SCHEMA, c.SUPPRESSED: pl.Boolean(), ASKED: pl.Boolean()}
)
"""Columns of :func:`measure_shares`."""


def measure_shares(
    responses: pl.LazyFrame,
    questionnaire: Questionnaire,
    *,
    breakdowns: Sequence[str] | None = None,
    weight: str | None = None,
) -> pl.LazyFrame:
    """Every measure of the questionnaire from a round's responses.

    Args:
        responses: the round's responses (a column per question asked).
        questionnaire: the questionnaire.
        breakdowns: respondent groups to break down by (default every breakdown the
            questionnaire has that the responses hold).
        weight: column of weights, or None for unweighted shares.

    Returns:
        Columns :data:`MEASURE_SHARES_SCHEMA`; a measure whose question the round did not ask
        has one total row with ``asked`` false and no numbers.
    """
    present = set(responses.collect_schema().names())
    groups = [
        name
        for name in (
            breakdowns
            if breakdowns is not None
            else [q.id for q in questionnaire.breakdowns().values()]
        )
        if name in present
    ]
    by_question = {
        q.id: q.breakdown.value for q in questionnaire.breakdowns().values() if q.breakdown
    }
    asked: list[pl.LazyFrame] = []
    skipped: list[pl.LazyFrame] = []
    for question in questionnaire.measures():
        binding = question.measure
        if binding is None:
            continue
        if question.id not in present:
            skipped.append(_not_asked(binding.id))
            continue
        if binding.per_option is not None:
            asked.append(_option_measure(responses, question, binding.per_option, weight))
            continue
        shares = answer_shares(
            responses,
            question=question.id,
            positive=binding.positive,
            breakdowns=groups,
            weight=weight,
        ).with_columns(pl.col(c.BREAKDOWN).replace(by_question))
        asked.append(shares.select(pl.lit(binding.id).alias(MEASURE_ID), pl.all()))
    parts = skipped
    if asked:
        checked = suppress_small_groups(pl.concat(asked, how="vertical"), keys=(MEASURE_ID,))
        parts = [checked.with_columns(pl.lit(True).alias(ASKED)), *skipped]
    if not parts:
        return pl.LazyFrame(schema=MEASURE_SHARES_SCHEMA)
    return pl.concat([part.select(MEASURE_SHARES_SCHEMA.names()) for part in parts])


def _option_measure(
    responses: pl.LazyFrame, question: Question, breakdown: str, weight: str | None
) -> pl.LazyFrame:
    """A measure of each positive option's share of the respondents who answered, the
    option's label its breakdown value (of all respondents; multiple choice counts each option
    a respondent chose)."""
    assert question.measure is not None
    labels = {o.value: o.label for o in question.options or []}
    shares = option_shares(
        responses,
        question=question.id,
        options=question.measure.positive,
        multiple=question.type == QuestionType.MULTIPLE_CHOICE,
        weight=weight,
    )
    return shares.select(
        pl.lit(question.measure.id).alias(MEASURE_ID),
        pl.lit(breakdown).alias(c.BREAKDOWN),
        pl.col(c.ANSWER).replace_strict(labels, return_dtype=pl.String).alias(c.GROUP),
        *(name for name in SHARE_SCHEMA if name not in (c.BREAKDOWN, c.GROUP)),
    )


def _not_asked(measure_id: str) -> pl.LazyFrame:
    row = {
        MEASURE_ID: [measure_id],
        c.BREAKDOWN: [TOTAL],
        c.GROUP: [ALL],
        c.RESPONDENTS: [0],
        c.CHOSEN: [None],
        c.SHARE: [None],
        c.EFFECTIVE_N: [None],
        c.LOWER: [None],
        c.UPPER: [None],
        c.SUPPRESSED: [False],
        ASKED: [False],
    }
    return pl.LazyFrame(row, schema=MEASURE_SHARES_SCHEMA)
