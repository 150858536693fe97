"""Checking a simple tabular source (HR extract, provider returns) cell by cell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from careforce.core.sources.ascwds.findings import FINDINGS_SCHEMA
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE


@dataclass(frozen=True)
class CellRule:
    """A rule on the cells of one column of a tabular source.

    Attributes:
        code: stable code, e.g. ``HR-DATE-OF-BIRTH-FORMAT``.
        column: the column it checks.
        message: plain-English statement of the problem.
        fires: boolean expression, true on offending rows.
        severity: ``error`` or ``warning``.
        reveal_value: whether the value may be shown (false for personal data).
    """

    code: str
    column: str
    message: str
    fires: pl.Expr
    severity: str = "error"
    reveal_value: bool = True


EARLIEST_DATE = dt.date(1900, 1, 1)
"""No date in a workforce record can be earlier: nobody in work was born, started a job or left
one before 1900 (the oldest people alive were born after 1900), so an earlier date is a typing
slip (``0001-01-01``, ``1020-05-01``)."""


def date_range_rules(
    code: str, column: str, date: pl.Expr, *, today: dt.date, label: str = ""
) -> list[CellRule]:
    """The range checks of one date column: not in the future, not before
    :data:`EARLIEST_DATE`.

    Args:
        code: the column's code stem, e.g. ``HR-START-IN-ROLE``.
        column: the column checked.
        date: the parsed date (null when blank or not a date, which other rules report).
        today: the day of the check (a date after it is in the future).
        label: how the message names the column (the column's name by default).
    """
    name = label or column
    return [
        CellRule(f"{code}-FUTURE", column, f"{name} is in the future", date > pl.lit(today)),
        CellRule(
            f"{code}-TOO-EARLY",
            column,
            f"{name} is before {EARLIEST_DATE:%d/%m/%Y}, which cannot be right",
            date < pl.lit(EARLIEST_DATE),
        ),
    ]


class MissingColumnsError(ValueError):
    """A source file lacks columns it must have."""


def require_columns(frame: pl.DataFrame, columns: Sequence[str], *, source: str) -> None:
    """Raise when any of the columns is missing from the frame."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise MissingColumnsError(f"the {source} has no column(s) {', '.join(missing)}")


def cell_findings(frame: pl.DataFrame, rules: Sequence[CellRule], *, file: str) -> pl.DataFrame:
    """One finding per row and rule that fires, plus rows with the wrong number of fields."""
    width = len([c for c in frame.columns if c not in (LINE, FIELD_COUNT)])
    parts = [
        frame.filter(pl.col(FIELD_COUNT) != width).select(
            pl.lit(file).alias("file"),
            pl.col(LINE).alias("line"),
            pl.lit("").alias("column"),
            pl.format("{} fields, header has {}", pl.col(FIELD_COUNT), pl.lit(width)).alias(
                "value"
            ),
            pl.lit(f"{file.upper()}-ROW-FIELD-COUNT").alias("code"),
            pl.lit("error").alias("severity"),
            pl.lit("The row does not have the same number of fields as the header row").alias(
                "message"
            ),
        )
    ]
    for rule in rules:
        shown = pl.concat_str([pl.col(c) for c in rule.column.split("/")], separator="/")
        value = shown if rule.reveal_value else pl.lit("[withheld]")
        parts.append(
            frame.filter(rule.fires.fill_null(False)).select(
                pl.lit(file).alias("file"),
                pl.col(LINE).alias("line"),
                pl.lit(rule.column).alias("column"),
                value.cast(pl.String).alias("value"),
                pl.lit(rule.code).alias("code"),
                pl.lit(rule.severity).alias("severity"),
                pl.lit(rule.message).alias("message"),
            )
        )
    return pl.concat([p.match_to_schema(FINDINGS_SCHEMA) for p in parts]).sort("line", "column")
