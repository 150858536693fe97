"""Published values as the pages show them: the precision of each unit, and the number format a
spreadsheet cell needs to look the same (32.2%, 18,255, £11.52).

Downloads that say "exactly the figures on this page" carry these values; the unrounded values
stay in the publication's own files (``indicators.csv``), the analysts' download.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import polars as pl

from careforce.core.vocab.published import (
    COMPARATOR_VALUE,
    DENOMINATOR,
    LOWER,
    NUMERATOR,
    UNIT,
    UPPER,
    VALUE,
    Unit,
)

VALUE_COLUMNS: Final = (VALUE, LOWER, UPPER, COMPARATOR_VALUE)
"""Columns in the measure's unit."""
COUNT_COLUMNS: Final = (NUMERATOR, DENOMINATOR)
"""Columns of counts (whole numbers)."""

PLACES: Final[Mapping[str, int]] = MappingProxyType(
    {
        Unit.PROPORTION.value: 3,
        Unit.RATE.value: 3,
        Unit.DAYS.value: 1,
        Unit.YEARS.value: 1,
        Unit.POUNDS_PER_HOUR.value: 2,
        Unit.POUNDS_PER_YEAR.value: 0,
        Unit.COUNT.value: 0,
    }
)
"""Decimal places a value of each unit keeps (fractions: 3, i.e. a percentage to 0.1)."""

NUMBER_FORMATS: Final[Mapping[str, str]] = MappingProxyType(
    {
        Unit.PROPORTION.value: "percent",
        Unit.RATE.value: "percent",
        Unit.DAYS.value: "decimal1",
        Unit.YEARS.value: "decimal1",
        Unit.POUNDS_PER_HOUR.value: "pounds2",
        Unit.POUNDS_PER_YEAR.value: "pounds0",
        Unit.COUNT.value: "integer",
    }
)
"""Name of the spreadsheet number format of each unit (defined by ``io.spreadsheets``)."""


def _rounded(column: str) -> pl.Expr:
    value = pl.col(column)
    expression = pl.lit(None, dtype=pl.Float64)
    for unit, places in PLACES.items():
        expression = pl.when(pl.col(UNIT) == unit).then(value.round(places)).otherwise(expression)
    return pl.when(pl.col(UNIT).is_in(list(PLACES))).then(expression).otherwise(value)


def as_shown(frame: pl.DataFrame) -> pl.DataFrame:
    """A table of published values at the precision the pages show: values rounded for their
    unit (needs the ``unit`` column), counts as whole numbers. Other columns are unchanged."""
    if UNIT not in frame.columns:
        return frame
    return frame.with_columns(
        *(_rounded(c).alias(c) for c in VALUE_COLUMNS if c in frame.columns),
        *(pl.col(c).round(0).cast(pl.Int64).alias(c) for c in COUNT_COLUMNS if c in frame.columns),
    )


def number_formats(frame: pl.DataFrame) -> dict[str, pl.Expr]:
    """For each numeric column of a published table, the number format of each row's cell
    (by the row's unit; counts as integers)."""
    if UNIT not in frame.columns:
        return {}
    by_unit = pl.col(UNIT).replace_strict(
        dict(NUMBER_FORMATS), default=None, return_dtype=pl.String
    )
    formats: dict[str, pl.Expr] = {c: by_unit for c in VALUE_COLUMNS if c in frame.columns}
    formats.update({c: pl.lit("integer") for c in COUNT_COLUMNS if c in frame.columns})
    return formats


def as_text(frame: pl.DataFrame) -> pl.DataFrame:
    """A table of published values written as the page writes them, for CSV: percentages with a
    percent sign (32.2%), other values at their unit's precision, counts as whole numbers."""
    shown = as_shown(frame)
    if UNIT not in shown.columns:
        return shown

    def text(column: str) -> pl.Expr:
        value = pl.col(column)
        expression = value.cast(pl.String)
        for unit, places in PLACES.items():
            if NUMBER_FORMATS[unit] == "percent":
                written = pl.format("{}%", (value * 100).round(1).cast(pl.String))
            elif places == 0:
                written = value.cast(pl.Int64).cast(pl.String)
            else:
                written = value.round(places).cast(pl.String)
            expression = pl.when(pl.col(UNIT) == unit).then(written).otherwise(expression)
        return expression

    return shown.with_columns(text(c).alias(c) for c in VALUE_COLUMNS if c in shown.columns)
