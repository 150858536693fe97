"""The vocabulary of action-plan changes: what a recorded change does."""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class ChangeKind(StrEnum):
    """What a recorded change does to a detailed action."""

    UPDATE = "update"
    MILESTONE = "milestone"
    MILESTONE_COMPLETED = "milestone-completed"
    LEAD_PARTNERS = "lead-partners"

    @property
    def label(self) -> str:
        """How pages name the change."""
        return CHANGE_LABELS[self]


CHANGE_LABELS: Final = {
    ChangeKind.UPDATE: "Progress update",
    ChangeKind.MILESTONE: "Milestone added",
    ChangeKind.MILESTONE_COMPLETED: "Milestone completed",
    ChangeKind.LEAD_PARTNERS: "Lead partners set",
}
"""How pages name each kind of change."""
