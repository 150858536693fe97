"""The vocabulary of organisations: their kinds."""

from __future__ import annotations

from enum import StrEnum


class OrganisationKind(StrEnum):
    """What kind of organisation a partner is."""

    COUNCIL = "council"
    PROVIDER = "provider"
    PARTNER = "partner"

    @property
    def label(self) -> str:
        """The kind as pages name it."""
        return {
            OrganisationKind.COUNCIL: "Council",
            OrganisationKind.PROVIDER: "Care provider",
            OrganisationKind.PARTNER: "Other partner",
        }[self]
