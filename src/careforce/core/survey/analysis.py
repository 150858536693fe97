"""Survey analysis: shares of respondents with Wilson intervals, overall and by group; answer
distributions; multiple-choice rankings; Likert summaries; cross-tabulations with a chi-square
test of independence.

A responses frame has one row per response and one column per question: text for single choice,
Likert and free text, a number for number questions, a list of values for multiple choice. A
question not answered, or not asked because routing skipped it, is null: such respondents are
left out of the question's denominator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import polars as pl
from scipy import stats

from careforce.core.intervals import wilson_limits
from careforce.core.survey import columns as c
from careforce.core.survey.intervals import effective_n
from careforce.core.vocab.published import ALL, TOTAL

SMALL_EXPECTED: Final = 5.0
"""Expected count below which the chi-square approximation is doubtful (Cochran's rule)."""
SMALL_EXPECTED_SHARE: Final = 0.2
"""Share of cells with a small expected count above which a cross-tab is flagged (Cochran)."""

SHARE_SCHEMA: Final = pl.Schema(
    {
        c.BREAKDOWN: pl.String(),
        c.GROUP: pl.String(),
        c.RESPONDENTS: pl.UInt32(),
        c.CHOSEN: pl.UInt32(),
        c.SHARE: pl.Float64(),
        c.EFFECTIVE_N: pl.Float64(),
        c.LOWER: pl.Float64(),
        c.UPPER: pl.Float64(),
    }
)
"""Columns of a shares table."""


def _weight(weight: str | None) -> pl.Expr:
    return pl.col(weight).cast(pl.Float64) if weight else pl.lit(1.0)


def _aggregate(frame: pl.LazyFrame, by: str | None) -> pl.LazyFrame:
    weight, hit = pl.col("_w"), pl.col("_y")
    aggregations = (
        pl.len().cast(pl.UInt32).alias(c.RESPONDENTS),
        hit.cast(pl.UInt32).sum().alias(c.CHOSEN),
        ((weight * hit.cast(pl.Float64)).sum() / weight.sum()).alias(c.SHARE),
        effective_n(weight).alias(c.EFFECTIVE_N),
    )
    if by is None:
        grouped = frame.select(aggregations).with_columns(
            pl.lit(TOTAL).alias(c.BREAKDOWN), pl.lit(ALL).alias(c.GROUP)
        )
    else:
        grouped = (
            frame.filter(pl.col(by).is_not_null())
            .group_by(by)
            .agg(aggregations)
            .with_columns(pl.lit(by).alias(c.BREAKDOWN), pl.col(by).cast(pl.String).alias(c.GROUP))
            .sort(c.GROUP)
        )
    lower, upper = wilson_limits(pl.col(c.SHARE), pl.col(c.EFFECTIVE_N))
    return grouped.with_columns(lower.alias(c.LOWER), upper.alias(c.UPPER)).select(
        SHARE_SCHEMA.names()
    )


def indicator_shares(
    frame: pl.LazyFrame,
    *,
    answered: pl.Expr,
    hit: pl.Expr,
    breakdowns: Sequence[str] = (),
    weight: str | None = None,
) -> pl.LazyFrame:
    """Shares of the respondents who answered for whom ``hit`` holds, overall and by group.

    Args:
        frame: the responses.
        answered: true for respondents in the denominator.
        hit: true for respondents in the numerator.
        breakdowns: columns giving respondent groups; a respondent without a group is in the
            total only.
        weight: column of weights, or None for unweighted shares.

    Returns:
        One row for the total and one per group (columns :data:`SHARE_SCHEMA`).
    """
    prepared = frame.filter(answered).with_columns(
        _weight(weight).alias("_w"), hit.fill_null(False).alias("_y")
    )
    parts = [_aggregate(prepared, None), *(_aggregate(prepared, by) for by in breakdowns)]
    return pl.concat(parts, how="vertical")


def answer_shares(
    frame: pl.LazyFrame,
    *,
    question: str,
    positive: Sequence[str],
    breakdowns: Sequence[str] = (),
    weight: str | None = None,
) -> pl.LazyFrame:
    """Shares of the respondents who answered a single-choice or Likert question choosing one
    of the ``positive`` options, overall and by group."""
    answer = pl.col(question)
    return indicator_shares(
        frame,
        answered=answer.is_not_null(),
        hit=answer.is_in(list(positive)),
        breakdowns=breakdowns,
        weight=weight,
    )


def option_shares(
    frame: pl.LazyFrame,
    *,
    question: str,
    options: Sequence[str],
    multiple: bool = False,
    breakdowns: Sequence[str] = (),
    weight: str | None = None,
) -> pl.LazyFrame:
    """The share of respondents choosing each option of a question (a distribution for single
    choice and Likert; for multiple choice each share is of the respondents who answered, so
    the shares add up to more than 1). Columns :data:`SHARE_SCHEMA` with :data:`~c.ANSWER`
    first."""
    answer = pl.col(question)
    parts = []
    for option in options:
        hit = answer.list.contains(option) if multiple else answer == option
        shares = indicator_shares(
            frame,
            answered=answer.is_not_null(),
            hit=hit,
            breakdowns=breakdowns,
            weight=weight,
        )
        parts.append(shares.select(pl.lit(option).alias(c.ANSWER), pl.all()))
    return pl.concat(parts, how="vertical")


def option_ranking(
    frame: pl.LazyFrame, *, question: str, options: Sequence[str], weight: str | None = None
) -> pl.LazyFrame:
    """The options of a multiple-choice question from the most to the least chosen, with the
    number and share of respondents choosing each and its rank (ties share the better rank)."""
    shares = option_shares(frame, question=question, options=options, multiple=True, weight=weight)
    return (
        shares.drop(c.BREAKDOWN, c.GROUP)
        .with_columns(pl.col(c.CHOSEN).rank("min", descending=True).cast(pl.UInt32).alias(c.RANK))
        .sort([c.RANK, c.ANSWER])
    )


def likert_summary(
    frame: pl.LazyFrame,
    *,
    question: str,
    options: Sequence[str],
    top: int = 2,
    weight: str | None = None,
) -> pl.LazyFrame:
    """A Likert question in one row: respondents, the mean score (1 for the lowest option), and
    the shares choosing the top ``top`` and the bottom ``top`` options with Wilson intervals."""
    answer = pl.col(question)
    score = answer.replace_strict(
        list(options), list(range(1, len(options) + 1)), default=None, return_dtype=pl.Float64
    )
    answered = frame.filter(answer.is_in(list(options))).with_columns(
        _weight(weight).alias("_w"), score.alias("_score")
    )
    mean = answered.select(
        ((pl.col("_w") * pl.col("_score")).sum() / pl.col("_w").sum()).alias(c.MEAN_SCORE)
    )
    high = answer_shares(answered, question=question, positive=options[-top:], weight=weight)
    low = answer_shares(answered, question=question, positive=options[:top], weight=weight)
    return pl.concat(
        [
            high.select(
                c.RESPONDENTS,
                pl.col(c.SHARE).alias("top_share"),
                pl.col(c.LOWER).alias("top_lower_ci"),
                pl.col(c.UPPER).alias("top_upper_ci"),
            ),
            low.select(pl.col(c.SHARE).alias("bottom_share")),
            mean,
        ],
        how="horizontal",
    ).select(pl.lit(question).alias("question"), pl.all())


@dataclass(frozen=True)
class CrossTab:
    """A cross-tabulation of two questions and Pearson's chi-square test of independence.

    Attributes:
        table: respondent counts, one row per value of the row question, one column per value
            of the column question (respondents who answered both).
        statistic: Pearson's chi-square statistic.
        dof: degrees of freedom, (rows − 1)(columns − 1).
        p_value: probability of a statistic this large if the two are independent.
        small_expected: more than a fifth of the cells expect fewer than 5 respondents, so the
            p-value is only approximate.
    """

    table: pl.DataFrame
    statistic: float
    dof: int
    p_value: float
    small_expected: bool


class CrossTabError(ValueError):
    """A cross-tabulation cannot be tested (fewer than two rows or columns with answers)."""


def crosstab(
    frame: pl.LazyFrame,
    *,
    rows: str,
    columns: str,
    row_values: Sequence[str],
    column_values: Sequence[str],
) -> CrossTab:
    """Cross-tabulate two single-choice questions and test their independence.

    Rows and columns without any respondent are left out of the test.

    Raises:
        CrossTabError: fewer than two rows or two columns have respondents.
    """
    counts = (
        frame.filter(
            pl.col(rows).is_in(list(row_values)) & pl.col(columns).is_in(list(column_values))
        )
        .group_by(rows, columns)
        .len()
        .collect()
    )
    found = {(str(r), str(k)): n for r, k, n in counts.iter_rows()}
    kept_rows = [r for r in row_values if any((r, k) in found for k in column_values)]
    kept_columns = [k for k in column_values if any((r, k) in found for r in row_values)]
    if len(kept_rows) < 2 or len(kept_columns) < 2:
        raise CrossTabError(f"{rows} by {columns} needs two rows and two columns with answers")
    matrix = [[found.get((r, k), 0) for k in kept_columns] for r in kept_rows]
    row_totals = [sum(row) for row in matrix]
    column_totals = [sum(column) for column in zip(*matrix, strict=True)]
    total = sum(row_totals)
    expected = [[rt * ct / total for ct in column_totals] for rt in row_totals]
    statistic = sum(
        (observed - e) ** 2 / e
        for observed_row, expected_row in zip(matrix, expected, strict=True)
        for observed, e in zip(observed_row, expected_row, strict=True)
    )
    dof = (len(kept_rows) - 1) * (len(kept_columns) - 1)
    cells = [e for row in expected for e in row]
    small = sum(e < SMALL_EXPECTED for e in cells) / len(cells) > SMALL_EXPECTED_SHARE
    table = pl.DataFrame(
        {rows: kept_rows, **{k: [row[i] for row in matrix] for i, k in enumerate(kept_columns)}}
    )
    return CrossTab(table, float(statistic), dof, float(stats.chi2.sf(statistic, dof)), small)
