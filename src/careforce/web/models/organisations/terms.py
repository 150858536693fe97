"""The vocabulary of organisations: their kinds and the statuses of transfer requests."""

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


class TransferStatus(StrEnum):
    """Where a request to move a workplace to another organisation is."""

    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        """The status as pages name it."""
        return {
            TransferStatus.PENDING: "Waiting for a decision",
            TransferStatus.APPROVED: "Approved",
            TransferStatus.REFUSED: "Refused",
        }[self]
