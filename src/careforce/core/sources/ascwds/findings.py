"""Findings: what validation says about a file, and the rules that say it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import polars as pl

from careforce.core.vocab.ascwds_columns import LINE


class FileKind(StrEnum):
    """The three ASC-WDS bulk-upload files."""

    WORKPLACE = "workplace"
    STAFF = "staff"
    TRAINING = "training"


class Severity(StrEnum):
    """An error blocks the file set; a warning is accepted and the value is usually ignored."""

    ERROR = "error"
    WARNING = "warning"


FINDING_COLUMNS = ("file", "line", "column", "value", "code", "severity", "message")
"""Columns of the findings table, in the order they are written."""

FINDINGS_SCHEMA = pl.Schema(
    {
        "file": pl.String(),
        "line": pl.Int64(),
        "column": pl.String(),
        "value": pl.String(),
        "code": pl.String(),
        "severity": pl.String(),
        "message": pl.String(),
    }
)
"""Polars schema of the findings table."""

SENSITIVE_COLUMNS = frozenset({"NINUMBER", "DOB", "DISPLAYID"})
"""Columns whose values are personal: findings show only their shape (letters as A/a, digits as 9)."""


@dataclass(frozen=True)
class Rule:
    """One validation rule with its own stable code.

    Attributes:
        code: stable identifier, e.g. ``STF-DOB-FORMAT``.
        file: the file the finding is reported against.
        severity: error or warning.
        column: column name, or names joined by ``/`` for cross-field rules.
        message: plain-English statement of the problem.
        guidance: how to put it right.
        asc_code: the ASC-WDS message code this corresponds to, if any.
    """

    code: str
    file: FileKind
    severity: Severity
    column: str
    message: str
    guidance: str
    asc_code: int | None


@dataclass(frozen=True)
class Check:
    """A rule bound to the Polars expressions that decide where it fires.

    Attributes:
        rule: the rule reported.
        fires: boolean expression over a prepared frame; true on offending rows.
        value: string expression giving the offending value.
        column: actual column name when one rule covers several columns (e.g. ``QUALACH04``).
        value_is_safe: the value expression already hides personal content (e.g. a length), so
            it is shown as it is even for a personal column.
    """

    rule: Rule
    fires: pl.Expr
    value: pl.Expr
    column: str | None = None
    value_is_safe: bool = False


def check(rule: Rule, fires: pl.Expr, value: pl.Expr | None = None) -> Check:
    """Bind a rule to where it fires; the value shown defaults to the rule's column(s)."""
    columns = rule.column.split("/")
    if value is None:
        value = (
            pl.concat_str([pl.col(c) for c in columns], separator="/")
            if len(columns) > 1
            else pl.col(columns[0])
        )
    return Check(rule, fires, value)


def shape_of(value: pl.Expr) -> pl.Expr:
    """Replace letters and digits so a personal value's shape is shown but not its content."""
    return (
        value.str.replace_all(r"[A-Z]", "A")
        .str.replace_all(r"[a-z]", "a")
        .str.replace_all(r"[0-9]", "9")
    )


def findings_for(frame: pl.LazyFrame, checks: list[Check]) -> pl.LazyFrame:
    """Evaluate checks over a prepared frame and return one finding per offending row and check."""
    parts = []
    for check in checks:
        rule = check.rule
        column = check.column or rule.column
        value = check.value.cast(pl.String)
        if not check.value_is_safe and any(part in SENSITIVE_COLUMNS for part in column.split("/")):
            value = shape_of(value)
        parts.append(
            frame.filter(check.fires.fill_null(False)).select(
                pl.lit(rule.file.value).alias("file"),
                pl.col(LINE).cast(pl.Int64).alias("line"),
                pl.lit(column).alias("column"),
                value.fill_null("").alias("value"),
                pl.lit(rule.code).alias("code"),
                pl.lit(rule.severity.value).alias("severity"),
                pl.lit(rule.message).alias("message"),
            )
        )
    if not parts:
        return pl.LazyFrame(schema=FINDINGS_SCHEMA)
    return pl.concat(parts, how="vertical")


def empty_findings() -> pl.DataFrame:
    """A findings table with no rows."""
    return pl.DataFrame(schema=FINDINGS_SCHEMA)


def whole_file_finding(rule: Rule, *, value: str = "") -> pl.DataFrame:
    """A finding about a file as a whole (line 0)."""
    return pl.DataFrame(
        [
            {
                "file": rule.file.value,
                "line": 0,
                "column": rule.column,
                "value": value,
                "code": rule.code,
                "severity": rule.severity.value,
                "message": rule.message,
            }
        ],
        schema=FINDINGS_SCHEMA,
    )
