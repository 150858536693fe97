"""Words from numbers: "what changed" sentences that say a rise or a fall only when the
change's 95% interval excludes no change, and chart descriptions (alt text) from a chart's data.

A change between two values with intervals is tested as the scorecard tests it
(:mod:`careforce.core.outcomes.significance`): a z-test on the difference, each standard error
taken from its interval's width; when only one value has an interval, the other must lie
outside it. Without any interval the change is described, never judged.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum

from careforce.core.intervals import Z_95
from careforce.core.publishing.appendix.cells import Cell
from careforce.core.vocab.published import SYMBOL_PHRASES, Symbol


class Change(StrEnum):
    """What a change between two values is called."""

    ROSE = "rose"
    FELL = "fell"
    LITTLE_CHANGED = "little changed"
    NOT_TESTED = "not tested"
    """Neither value has an interval: the change is given, not judged."""
    NOT_AVAILABLE = "not available"
    """One of the values is missing."""


def _interval(cell: Cell) -> tuple[float, float] | None:
    if cell.lower is None or cell.upper is None:
        return None
    return cell.lower, cell.upper


def _outside(value: float, interval: tuple[float, float]) -> bool:
    return not interval[0] <= value <= interval[1]


def judge_change(earlier: Cell, later: Cell) -> Change:
    """What the change from ``earlier`` to ``later`` is called, by its 95% interval."""
    if earlier.value is None or later.value is None:
        return Change.NOT_AVAILABLE
    difference = later.value - earlier.value
    before, after = _interval(earlier), _interval(later)
    if before is not None and after is not None:
        spread = math.hypot(before[1] - before[0], after[1] - after[0]) / (2 * Z_95)
        real = abs(difference) / spread > Z_95 if spread > 0 else difference != 0
    elif after is not None:
        real = _outside(earlier.value, after)
    elif before is not None:
        real = _outside(later.value, before)
    else:
        return Change.NOT_TESTED
    if not real:
        return Change.LITTLE_CHANGED
    return Change.ROSE if difference > 0 else Change.FELL


def _symbol_words(cell: Cell) -> str:
    symbol = cell.symbol or Symbol.NOT_AVAILABLE.value
    for known, phrase in SYMBOL_PHRASES.items():
        if known.value == symbol:
            return phrase
    return "not available"


def change_sentence(label: str, earlier: Cell, later: Cell) -> str:
    """A sentence saying what changed, hedged by the change's interval.

    Examples: "Staff turnover rate rose from 30.1% in 2020/21 to 32.2% in 2021/22.";
    "Vacancy rate was little changed: 9.8% in 2020/21 and 9.9% in 2021/22 (the difference is
    within the margin of error)."
    """
    change = judge_change(earlier, later)
    a, b = earlier.text, later.text
    p, q = earlier.period, later.period
    if change is Change.NOT_AVAILABLE:
        missing = earlier if earlier.value is None else later
        return (
            f"{label}: no comparison of {p} with {q} can be made; the {missing.period} figure is "
            f"{_symbol_words(missing)} ({missing.text})."
        )
    if change is Change.NOT_TESTED:
        return (
            f"{label} was {a} in {p} and {b} in {q}; no interval is published for these "
            "figures, so the change is not called a rise or a fall."
        )
    if change is Change.LITTLE_CHANGED:
        return (
            f"{label} was little changed: {a} in {p} and {b} in {q} (the difference is within "
            "the margin of error)."
        )
    return f"{label} {change.value} from {a} in {p} to {b} in {q}."


def bar_description(title: str, labels: Sequence[str], cells: Sequence[Cell]) -> str:
    """Alt text of a bar chart: what it shows, its highest and lowest bars, and where its
    data are."""
    known = [
        (label, cell) for label, cell in zip(labels, cells, strict=True) if cell.value is not None
    ]
    if not known:
        return f"Bar chart of {title}: no values are available to draw."
    highest = max(known, key=lambda pair: pair[1].value or 0.0)
    lowest = min(known, key=lambda pair: pair[1].value or 0.0)
    missing = len(cells) - len(known)
    gaps = ""
    if missing:
        gaps = f" {missing} value{'s are' if missing > 1 else ' is'} not drawn (see the table)."
    return (
        f"Bar chart of {title}, {len(known)} bars. Highest: {highest[0]} at {highest[1].text}; "
        f"lowest: {lowest[0]} at {lowest[1].text}.{gaps} The table below gives every value."
    )


def line_description(title: str, series: Sequence[tuple[str, Sequence[Cell]]]) -> str:
    """Alt text of a line chart: each series from its first to its last value, with its peak."""
    parts = []
    for name, cells in series:
        known = [cell for cell in cells if cell.value is not None]
        if not known:
            parts.append(f"{name}: no values are available")
            continue
        first, last = known[0], known[-1]
        peak = max(known, key=lambda cell: cell.value or 0.0)
        parts.append(
            f"{name} goes from {first.text} in {first.period} to {last.text} in {last.period}, "
            f"highest {peak.text} in {peak.period}"
        )
    return f"Line chart of {title}. " + "; ".join(parts) + ". The table below gives every value."
