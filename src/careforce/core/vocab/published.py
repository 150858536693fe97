"""The published measures table (``indicators.csv``): its columns, their types and the words
its cells use.

Every reader and writer of the table — the computation, disclosure control, the outcomes
scorecard, projections, the web pages and the API — takes the table's shape from here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

import polars as pl

# --- columns, in the order they are published -------------------------------------------------

MEASURE_ID: Final = "measure_id"
"""Identifier of a measure of the catalogue (or of the workforce survey)."""
MEASURE_NAME: Final = "measure_name"
"""Short name of the measure."""
PERIOD: Final = "period"
"""Period of a value, e.g. ``2021/22`` (financial year) or ``2022`` (calendar year)."""
AREA_CODE: Final = "area_code"
"""ONS code of the area."""
AREA_NAME: Final = "area_name"
"""Name of the area."""
BREAKDOWN: Final = "breakdown"
"""Breakdown of a value: ``total`` for headline rows, else e.g. ``service_group``."""
BREAKDOWN_VALUE: Final = "breakdown_value"
"""Value of the breakdown: ``all`` for headline rows, else e.g. ``home care``."""
NUMERATOR: Final = "numerator"
"""Numerator of the value (counts rounded in published cells); empty when withheld."""
DENOMINATOR: Final = "denominator"
"""Denominator of the value (rounded in published cells); empty when withheld or none."""
VALUE: Final = "value"
"""The value (rates and shares as fractions); empty when suppressed or not available."""
LOWER: Final = "lower_ci"
"""Lower limit of the 95% confidence interval."""
UPPER: Final = "upper_ci"
"""Upper limit of the 95% confidence interval."""
UNIT: Final = "unit"
"""What the value is: see :class:`Unit`."""
POLARITY: Final = "polarity"
"""Whether higher is better: see :class:`Polarity`."""
COMPARATOR_VALUE: Final = "comparator_value"
"""The value compared with (e.g. the England figure); empty when there is none."""
COMPARISON: Final = "comparison"
"""Outcome of comparing the value with the comparator: see :class:`Comparison`."""
SYMBOL: Final = "symbol"
"""GSS symbol of a cell without a published number (see :class:`Symbol`); empty otherwise."""
COMPARATOR_NAME: Final = "comparator_name"
"""What the comparator is, source and period (e.g. ``Census 2021, Staffordshire``); empty when
there is no comparator."""

PUBLISHED_SCHEMA: Final = pl.Schema(
    {
        MEASURE_ID: pl.String(),
        MEASURE_NAME: pl.String(),
        PERIOD: pl.String(),
        AREA_CODE: pl.String(),
        AREA_NAME: pl.String(),
        BREAKDOWN: pl.String(),
        BREAKDOWN_VALUE: pl.String(),
        NUMERATOR: pl.Float64(),
        DENOMINATOR: pl.Float64(),
        VALUE: pl.Float64(),
        LOWER: pl.Float64(),
        UPPER: pl.Float64(),
        UNIT: pl.String(),
        POLARITY: pl.String(),
        COMPARATOR_VALUE: pl.Float64(),
        COMPARISON: pl.String(),
        SYMBOL: pl.String(),
        COMPARATOR_NAME: pl.String(),
    }
)
"""Every column of the published table, in order, with its Polars type."""

PUBLISHED_COLUMNS: Final = tuple(PUBLISHED_SCHEMA.names())
"""The columns of the published table, in order."""

NULLABLE_COLUMNS: Final = frozenset(
    {NUMERATOR, DENOMINATOR, VALUE, LOWER, UPPER, COMPARATOR_VALUE, SYMBOL, COMPARATOR_NAME}
)
"""Columns that may be empty; every other column always has a value."""

OPTIONAL_COLUMNS: Final = frozenset({COMPARATOR_NAME})
"""Columns a published table written before they were added may lack (read as empty)."""
REQUIRED_COLUMNS: Final = tuple(c for c in PUBLISHED_COLUMNS if c not in OPTIONAL_COLUMNS)
"""The columns every published table file has."""


def with_optional_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """A published table with the optional columns it lacks added, empty."""
    missing = [c for c in PUBLISHED_COLUMNS if c in OPTIONAL_COLUMNS and c not in frame.columns]
    return frame.with_columns(pl.lit(None, dtype=PUBLISHED_SCHEMA[c]).alias(c) for c in missing)


TOTAL: Final = "total"
"""Breakdown of headline rows."""
ALL: Final = "all"
"""Breakdown value of headline rows."""


# --- the words of the cells ---------------------------------------------------------------------


class Unit(StrEnum):
    """What a measure's value is."""

    COUNT = "count"
    PROPORTION = "proportion"
    RATE = "rate"
    DAYS = "days"
    YEARS = "years"
    POUNDS_PER_HOUR = "pounds per hour"
    POUNDS_PER_YEAR = "pounds per year"
    RATIO = "ratio"
    """A ratio of two counts, e.g. posting intensity (total ÷ unique postings)."""


FRACTION_UNITS: Final = frozenset({Unit.PROPORTION, Unit.RATE})
"""Units whose values are fractions (0.322 means 32.2%), shown as percentages."""
MONEY_UNITS: Final = frozenset({Unit.POUNDS_PER_HOUR, Unit.POUNDS_PER_YEAR})
"""Units whose values are sums of money, in pounds."""


class Polarity(StrEnum):
    """Whether a higher value is better, worse, or neither."""

    HIGH_IS_GOOD = "high-is-good"
    LOW_IS_GOOD = "low-is-good"
    NO_JUDGEMENT = "no-judgement"


class Comparison(StrEnum):
    """Outcome of comparing a value's interval with a comparator value."""

    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"
    HIGHER = "higher"
    LOWER = "lower"
    NOT_COMPARED = "not-compared"


COMPARISON_PHRASES: Final[dict[Comparison, str]] = {
    Comparison.BETTER: "better than the comparator",
    Comparison.SIMILAR: "similar to the comparator",
    Comparison.WORSE: "worse than the comparator",
    Comparison.HIGHER: "higher than the comparator",
    Comparison.LOWER: "lower than the comparator",
    Comparison.NOT_COMPARED: "not compared",
}
"""How each comparison outcome reads in a sentence."""


class Symbol(StrEnum):
    """Government Statistical Service shorthand for cells without a published number."""

    CONFIDENTIAL = "[c]"
    """Suppressed to protect confidentiality."""
    NOT_AVAILABLE = "[x]"
    """Not available: there are no data, or the data cannot support a number."""
    NOT_APPLICABLE = "[z]"
    """Not applicable."""
    LOW_RELIABILITY = "[u]"
    """Low reliability."""


SYMBOL_NOTES: Final[dict[Symbol, str]] = {
    Symbol.CONFIDENTIAL: "Confidential: suppressed so that a small group of workers or "
    "workplaces cannot be identified, or so that a suppressed cell cannot be worked out from totals.",
    Symbol.NOT_AVAILABLE: "Not available: there are no data for the period, no data source yet, "
    "or the data cannot support a number.",
    Symbol.NOT_APPLICABLE: "Not applicable.",
    Symbol.LOW_RELIABILITY: "Low reliability.",
}
"""What each symbol means, as the notes sheets of the published measures and of the scorecard
and the symbol keys of pages give it."""

SYMBOL_PHRASES: Final[dict[Symbol, str]] = {
    Symbol.CONFIDENTIAL: "withheld to protect confidentiality (too few workers or workplaces)",
    Symbol.NOT_AVAILABLE: "not available",
    Symbol.NOT_APPLICABLE: "not applicable",
    Symbol.LOW_RELIABILITY: "low reliability",
}
"""What each symbol means within a sentence, e.g. ``Vacancy rate ...: not available.``"""
