"""Checking and typing the CSV inputs of derivation and supply (frames of strings).

Input frames hold every column as text plus the line each row starts on; a bad cell is reported
with its line, column and value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import polars as pl

from careforce.core.projections import columns as c

_PERIOD = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
_YEAR = re.compile(r"^\d{4}$")


class InputDataError(ValueError):
    """A cell, column or row of an input file is not usable.

    Attributes:
        message: what is wrong.
        line: the file line, when one row is at fault.
        column: the column, when one column is at fault.
        value: the offending value, when there is one.
        source: the file, when known.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: str | None = None,
        value: str | None = None,
        source: str | None = None,
    ) -> None:
        """Record where the problem is."""
        self.message = message
        self.line = line
        self.column = column
        self.value = value
        self.source = source
        where = [source] if source else []
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}")
        if value is not None:
            where.append(f"value {value!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)

    def in_file(self, source: str) -> InputDataError:
        """The same problem, naming the file it is in (unless it already names one)."""
        if self.source is not None:
            return self
        return InputDataError(
            self.message, line=self.line, column=self.column, value=self.value, source=source
        )


def require_columns(frame: pl.DataFrame, columns: Sequence[str]) -> None:
    """Check the frame has every column.

    Raises:
        InputDataError: naming the missing columns and the columns found.
    """
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        found = [name for name in frame.columns if name != c.SOURCE_LINE]
        raise InputDataError(
            f"missing column(s) {', '.join(missing)}; the header has {', '.join(found)}"
        )


def _first_bad(frame: pl.DataFrame, bad: pl.Expr, column: str, message: str) -> None:
    rows = frame.filter(bad)
    if rows.height:
        raise InputDataError(
            message,
            line=int(rows.get_column(c.SOURCE_LINE)[0]),
            column=column,
            value=str(rows.get_column(column)[0]),
        )


def typed_numbers(
    frame: pl.DataFrame, column: str, *, allow_empty: bool, minimum: float | None = None
) -> pl.DataFrame:
    """Replace a text column by Float64 (empty cells become null when allowed).

    Raises:
        InputDataError: a cell is not a number, is empty when it must not be, or is too small.
    """
    text = pl.col(column).str.strip_chars().str.replace_all(",", "")
    number = text.cast(pl.Float64, strict=False)
    empty = text.is_null() | (text == "")
    if not allow_empty:
        _first_bad(frame, empty, column, "is empty")
    _first_bad(frame, ~empty & (number.is_null() | number.is_nan()), column, "is not a number")
    if minimum is not None:
        _first_bad(frame, ~empty & (number < minimum), column, f"must be at least {minimum}")
    return frame.with_columns(pl.when(empty).then(None).otherwise(number).alias(column))


def period_end_year(period: str) -> int:
    """The calendar year a period ends in: ``2021/22`` and ``2021-22`` give 2022, ``2022`` 2022.

    Raises:
        ValueError: the text is not a year or a financial/academic year.
    """
    text = period.strip()
    if _YEAR.match(text):
        return int(text)
    match = _PERIOD.match(text)
    if match is None:
        raise ValueError(f"'{period}' is not a year (2022) or a period (2021/22)")
    start, end = int(match.group(1)), match.group(2)
    if int(end) % 100 != (start + 1) % 100:
        raise ValueError(f"'{period}' does not span two consecutive years")
    return start + 1


def typed_years(frame: pl.DataFrame, column: str, *, into: str) -> pl.DataFrame:
    """Add ``into``: the end year of each cell of a period or year column.

    Raises:
        InputDataError: a cell is not a year or a period.
    """
    years: list[int] = []
    for line, value in frame.select(c.SOURCE_LINE, column).iter_rows():
        try:
            years.append(period_end_year(value or ""))
        except ValueError as error:
            raise InputDataError(str(error), line=line, column=column, value=value) from None
    return frame.with_columns(pl.Series(into, years, dtype=pl.Int64))


def normalised(text: pl.Expr) -> pl.Expr:
    """Text compared loosely: lower case, '&' as 'and', punctuation and '_' as single spaces."""
    return (
        text.str.to_lowercase()
        .str.replace_all("&", " and ")
        .str.replace_all(r"[^a-z0-9+]+", " ")
        .str.strip_chars()
    )


def normalise(text: str) -> str:
    """:func:`normalised` for one Python string."""
    lowered = text.lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9+]+", " ", lowered).strip()
