"""The disclosure-control policy: thresholds and rounding."""

from __future__ import annotations

from dataclasses import dataclass

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
