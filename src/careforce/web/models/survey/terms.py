"""The vocabulary of survey rounds: whether a round takes responses."""

from __future__ import annotations

from enum import StrEnum


class RoundStatus(StrEnum):
    """Whether a round's link takes responses."""

    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """How pages name the status."""
        return self.value.capitalize()
