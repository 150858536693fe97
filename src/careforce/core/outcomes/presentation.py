"""Numbers as people read them: percentages, pounds, days, and changes in percentage points."""

from __future__ import annotations

from typing import Final

from careforce.core.vocab.published import (
    COMPARISON_PHRASES,
    FRACTION_UNITS,
    MONEY_UNITS,
    Comparison,
    Unit,
)

EMPTY: Final = "—"
"""Shown where a number does not exist, next to its symbol."""


def shown_scale(unit: str | None) -> float:
    """Factor from a stored value to the number shown (100 for fractions shown as %)."""
    return 100.0 if unit in FRACTION_UNITS else 1.0


def unit_suffix(unit: str | None) -> str:
    """What to put after a chart title or axis for the unit, e.g. ``%`` or ``days``."""
    if unit in FRACTION_UNITS:
        return "%"
    if unit in MONEY_UNITS:
        return "£"
    return unit or ""


def format_value(value: float | None, unit: str | None, *, symbol: str | None = None) -> str:
    """A value in its unit, or the symbol (``[c]``, ``[x]``) when there is none.

    Examples: 0.0991 proportion -> ``9.9%``; 9.4 days -> ``9.4 days``; 2063 count -> ``2,063``;
    9.5 pounds per hour -> ``£9.50``.
    """
    if value is None:
        return symbol or EMPTY
    if unit in FRACTION_UNITS:
        return f"{value * 100:.1f}%"
    if unit == Unit.POUNDS_PER_HOUR:
        return f"£{value:,.2f}"
    if unit == Unit.POUNDS_PER_YEAR:
        return f"£{value:,.0f}"
    if unit == Unit.COUNT:
        return f"{value:,.0f}"
    if unit in (Unit.DAYS, Unit.YEARS):
        return f"{value:.1f} {unit}"
    return f"{value:,.3g}"


def format_change(change: float | None, unit: str | None) -> str:
    """A change with its sign: percentage points for fractions, the unit otherwise.

    The sign is that of the number shown, so a tiny fall never reads "−0.0".
    """
    if change is None:
        return EMPTY
    if unit in FRACTION_UNITS:
        number, places, text = change * 100, 1, "{:.1f} percentage points"
    elif unit == Unit.POUNDS_PER_HOUR:
        number, places, text = change, 2, "£{:,.2f}"
    elif unit in (Unit.POUNDS_PER_YEAR, Unit.COUNT):
        number, places = change, 0
        text = "£{:,.0f}" if unit == Unit.POUNDS_PER_YEAR else "{:,.0f}"
    elif unit in (Unit.DAYS, Unit.YEARS):
        number, places, text = change, 1, "{:.1f} " + unit
    else:
        number, places, text = change, 6, "{:,.3g}"
    shown = round(number, places)
    sign = "+" if shown > 0 else ("−" if shown < 0 else "")
    return sign + text.format(abs(shown))


def format_interval(lower: float | None, upper: float | None, unit: str | None) -> str:
    """A 95% interval as ``9.0% to 10.9%``, or empty when there is none."""
    if lower is None or upper is None:
        return ""
    return f"{format_value(lower, unit)} to {format_value(upper, unit)}"


def format_progress(progress: float | None) -> str:
    """Progress to a target as a percentage of the way from the baseline."""
    if progress is None:
        return EMPTY
    return f"{progress * 100:.0f}% of the way"


def format_comparator(
    value: float | None, unit: str | None, *, name: str | None, comparison: str | None
) -> str:
    """The comparison with a named comparator, e.g. ``better than the comparator: West Midlands
    (April 2022), 10.4%``; empty when there is no comparator."""
    if value is None:
        return ""
    try:
        outcome = COMPARISON_PHRASES[Comparison(comparison or Comparison.NOT_COMPARED)]
    except ValueError:
        outcome = COMPARISON_PHRASES[Comparison.NOT_COMPARED]
    if outcome == COMPARISON_PHRASES[Comparison.NOT_COMPARED]:
        outcome = "comparator"
    return f"{outcome}: {name or 'comparator not named'}, {format_value(value, unit)}"
