"""The disclosure-control policy and the GSS symbols published tables use."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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


SYMBOL_NOTES: dict[Symbol, str] = {
    Symbol.CONFIDENTIAL: "Confidential: suppressed so that a small group of workers or "
    "workplaces cannot be identified, or so that a suppressed cell cannot be worked out from totals.",
    Symbol.NOT_AVAILABLE: "Not available: there are no data, or the data cannot support a number "
    "(see the data-quality state).",
    Symbol.NOT_APPLICABLE: "Not applicable.",
    Symbol.LOW_RELIABILITY: "Low reliability.",
}
"""What each symbol means, for the notes sheet of published spreadsheets."""

MIN_WORKERS = 10
"""Skills for Care's open dashboards suppress any group of fewer than 10 workers."""
MIN_WORKPLACES = 3
"""A cell built on fewer than 3 workplaces could reveal one employer's figures to another."""
ROUNDING_BASE = 5
"""Published counts are rounded to the nearest 5 (NHS Digital convention for breakdowns)."""


@dataclass(frozen=True)
class DisclosurePolicy:
    """Thresholds of disclosure control.

    Attributes:
        min_workers: cells built on fewer workers are suppressed.
        min_workplaces: cells built on fewer workplaces are suppressed.
        rounding_base: published counts are rounded to a multiple of this (1 = no rounding).
    """

    min_workers: int = MIN_WORKERS
    min_workplaces: int = MIN_WORKPLACES
    rounding_base: int = ROUNDING_BASE

    def __post_init__(self) -> None:
        """Reject thresholds that make no sense."""
        if self.min_workers < 0 or self.min_workplaces < 0:
            raise ValueError("disclosure thresholds cannot be negative")
        if self.rounding_base < 1:
            raise ValueError("the rounding base must be at least 1")
