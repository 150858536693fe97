"""What the labour-market readers share: findings rows, header matching and number cells."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from careforce.core.sources.ascwds.findings import FINDINGS_SCHEMA
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE

NUMBER_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
"""A plain decimal number, as public files write their values (thousands separators removed)."""


class LabourFileError(ValueError):
    """A labour-market file cannot be read as the layout it claims to be."""


def header_key(name: str) -> str:
    """A header compared by name: case, spacing and underscores ignored."""
    return " ".join(name.replace("_", " ").split()).lower()


def find_column(frame: pl.DataFrame, *names: str) -> str | None:
    """The first frame column whose name matches one of ``names`` (see :func:`header_key`)."""
    keys = {header_key(column): column for column in frame.columns if column not in (LINE,)}
    for name in names:
        if header_key(name) in keys:
            return keys[header_key(name)]
    return None


def require(frame: pl.DataFrame, *names: str, source: str) -> str:
    """The frame column matching one of ``names``.

    Raises:
        LabourFileError: when none matches.
    """
    found = find_column(frame, *names)
    if found is None:
        raise LabourFileError(f"the {source} has no column {' or '.join(names)}")
    return found


def number(expr: pl.Expr) -> pl.Expr:
    """A text cell as a number (thousands separators dropped), null when it is not one."""
    text = expr.str.strip_chars().str.replace_all(",", "")
    return pl.when(text.str.contains(NUMBER_PATTERN)).then(text.cast(pl.Float64, strict=False))


def findings(
    frame: pl.DataFrame,
    fires: pl.Expr,
    *,
    file: str,
    column: str,
    code: str,
    message: str,
    severity: str = "error",
) -> pl.DataFrame:
    """One finding per row where ``fires`` is true: file, line, column and value."""
    return (
        frame.filter(fires.fill_null(False))
        .select(
            pl.lit(file).alias("file"),
            pl.col(LINE).cast(pl.Int64).alias("line"),
            pl.lit(column).alias("column"),
            pl.col(column).cast(pl.String).alias("value"),
            pl.lit(code).alias("code"),
            pl.lit(severity).alias("severity"),
            pl.lit(message).alias("message"),
        )
        .match_to_schema(FINDINGS_SCHEMA)
    )


def ragged_rows(frame: pl.DataFrame, *, file: str, code: str) -> pl.DataFrame:
    """A finding for every row whose number of fields differs from the header's."""
    if FIELD_COUNT not in frame.columns:
        return pl.DataFrame(schema=FINDINGS_SCHEMA)
    width = len([c for c in frame.columns if c not in (LINE, FIELD_COUNT)])
    return (
        frame.filter(pl.col(FIELD_COUNT) != width)
        .select(
            pl.lit(file).alias("file"),
            pl.col(LINE).cast(pl.Int64).alias("line"),
            pl.lit("").alias("column"),
            pl.format("{} fields, header has {}", pl.col(FIELD_COUNT), pl.lit(width)).alias(
                "value"
            ),
            pl.lit(code).alias("code"),
            pl.lit("error").alias("severity"),
            pl.lit("The row does not have the same number of fields as the header row").alias(
                "message"
            ),
        )
        .match_to_schema(FINDINGS_SCHEMA)
    )


def combined(parts: Sequence[pl.DataFrame]) -> pl.DataFrame:
    """Findings of several checks, in line order."""
    if not parts:
        return pl.DataFrame(schema=FINDINGS_SCHEMA)
    return pl.concat(list(parts)).sort("line", "column", maintain_order=True)
