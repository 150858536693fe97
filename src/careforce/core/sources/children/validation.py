"""Checking a simple tabular source (HR extract, provider returns) cell by cell."""

from __future__ import annotations

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
