"""Expression builders for reading ASC-WDS text values (every raw value is a trimmed string)."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

INTEGER_PATTERN = r"^[0-9]+$"
"""A whole number written as plain digits; leading zeros are allowed (``01`` = 1)."""

DECIMAL_PATTERN = r"^[0-9]+(\.[0-9]+)?$"
"""A non-negative decimal number."""

MONEY_PATTERN = r"^[0-9]+(\.[0-9]{1,2})?$"
"""Pounds with at most two decimal places (ASC-WDS HOURLYRATE format)."""

HALF_HOURS_PATTERN = r"^[0-9]+(\.[05])?$"
"""Hours in whole or half units (ASC-WDS CONTHOURS/AVGHOURS format)."""

STRICT_DATE_PATTERN = r"^(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])/[0-9]{4}$"
"""DD/MM/YYYY zero-padded, as ASC-WDS requires for STARTDATE and training dates."""

LENIENT_DATE_PATTERN = r"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$"
"""D/M/YYYY with or without zero padding, as ASC-WDS accepts for DOB."""

YEAR_PATTERN = r"^[0-9]{4}$"
"""A four-digit year."""

DONT_KNOW = "999"
"""The 'don't know' answer in most coded and numeric ASC-WDS fields."""


def text(column: str) -> pl.Expr:
    """The raw text of a column."""
    return pl.col(column)


def blank(column: str) -> pl.Expr:
    """True where the column is empty."""
    return pl.col(column) == ""


def filled(column: str) -> pl.Expr:
    """True where the column has a value."""
    return pl.col(column) != ""


def is_integer(column: str) -> pl.Expr:
    """True where the column is a whole number written as digits."""
    return pl.col(column).str.contains(INTEGER_PATTERN)


def integer(column: str) -> pl.Expr:
    """The column as an integer, null where it is not a whole number."""
    return (
        pl.when(is_integer(column))
        .then(pl.col(column).str.to_integer(strict=False))
        .otherwise(None)
        .cast(pl.Int64)
    )


def decimal(column: str) -> pl.Expr:
    """The column as a float, null where it is not a plain non-negative decimal."""
    return (
        pl.when(pl.col(column).str.contains(DECIMAL_PATTERN))
        .then(pl.col(column).cast(pl.Float64, strict=False))
        .otherwise(None)
    )


def one_of(column: str, codes: Iterable[int]) -> pl.Expr:
    """True where the column is an integer from the given codes."""
    return integer(column).is_in(sorted(codes))


def filled_not_one_of(column: str, codes: Iterable[int]) -> pl.Expr:
    """True where the column has a value that is not one of the codes."""
    return filled(column) & ~one_of(column, codes).fill_null(False)


def equals(column: str, code: int) -> pl.Expr:
    """True where the column is exactly the integer code."""
    return (integer(column) == code).fill_null(False)


def upper(column: str) -> pl.Expr:
    """The column upper-cased."""
    return pl.col(column).str.to_uppercase()


def too_long(column: str, limit: int) -> pl.Expr:
    """True where the column has more than ``limit`` characters."""
    return pl.col(column).str.len_chars() > limit


def items(column: str) -> pl.Expr:
    """The ``;``-separated items of a column (an empty column has no items)."""
    return (
        pl.when(filled(column))
        .then(pl.col(column).str.split(";").list.eval(pl.element().str.strip_chars()))
        .otherwise(pl.lit([], dtype=pl.List(pl.String)))
    )


def item_count(column: str) -> pl.Expr:
    """Number of ``;``-separated items (0 when the column is empty)."""
    return items(column).list.len()


def integer_items(column: str) -> pl.Expr:
    """The items as integers, null for items that are not whole numbers."""
    return items(column).list.eval(
        pl.when(pl.element().str.contains(INTEGER_PATTERN))
        .then(pl.element().str.to_integer(strict=False))
        .otherwise(None)
    )


def any_item_not_integer(column: str) -> pl.Expr:
    """True where some item is not a whole number."""
    return items(column).list.eval(~pl.element().str.contains(INTEGER_PATTERN)).list.any()


def any_item_not_in(column: str, codes: Iterable[int]) -> pl.Expr:
    """True where some whole-number item is not one of the codes."""
    allowed = sorted(codes)
    return (
        integer_items(column)
        .list.eval(pl.element().is_not_null() & ~pl.element().is_in(allowed))
        .list.any()
    )


def strict_date(column: str) -> pl.Expr:
    """The column as a date when written strictly DD/MM/YYYY and a real calendar date."""
    return (
        pl.when(pl.col(column).str.contains(STRICT_DATE_PATTERN))
        .then(pl.col(column).str.to_date("%d/%m/%Y", strict=False))
        .otherwise(None)
    )


def lenient_date(column: str) -> pl.Expr:
    """The column as a date when written D/M/YYYY (padding optional) and a real calendar date."""
    padded = pl.col(column).str.replace_all(r"(^|/)([0-9])/", "${1}0${2}/")
    return (
        pl.when(pl.col(column).str.contains(LENIENT_DATE_PATTERN))
        .then(padded.str.to_date("%d/%m/%Y", strict=False))
        .otherwise(None)
    )


def years_between(start: pl.Expr, end: pl.Expr) -> pl.Expr:
    """Whole years from ``start`` to ``end`` (age on a date, birthday counted on the day)."""
    before_birthday = (end.dt.month() < start.dt.month()) | (
        (end.dt.month() == start.dt.month()) & (end.dt.day() < start.dt.day())
    )
    return (end.dt.year() - start.dt.year() - before_birthday.cast(pl.Int32)).cast(pl.Int32)


def joined(*columns: str) -> pl.Expr:
    """Values of several columns joined with ``/`` (the value of a cross-field finding)."""
    return pl.concat_str([pl.col(c) for c in columns], separator="/")


def key(column: str) -> pl.Expr:
    """An identifier with all whitespace removed, as ASC-WDS matches records."""
    return pl.col(column).str.replace_all(r"\s", "")
