"""The vocabulary of uploads: their sources, statuses, the roles of their files, severities."""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Source(StrEnum):
    """What an upload holds."""

    ASCWDS = "ascwds"
    HR_EXTRACT = "hr-extract"
    PROVIDER_RETURNS = "provider-returns"
    POPULATION = "population"
    COMPARATORS = "comparators"

    @property
    def label(self) -> str:
        """The source as pages name it."""
        return {
            Source.ASCWDS: "ASC-WDS bulk-upload files",
            Source.HR_EXTRACT: "Council HR extract",
            Source.PROVIDER_RETURNS: "Provider returns",
            Source.POPULATION: "Population estimates",
            Source.COMPARATORS: "Comparator values",
        }[self]


VALIDATED_SOURCES: Final = frozenset({Source.ASCWDS})
"""Sources that are validated and become snapshots; the others are stored and listed."""


class UploadStatus(StrEnum):
    """Where an upload is in its journey."""

    RECEIVED = "received"
    VALIDATING = "validating"
    VALID = "valid"
    INVALID = "invalid"
    UNUSABLE = "unusable"
    FAILED = "failed"
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    STORED = "stored"

    @property
    def label(self) -> str:
        """The status as pages name it."""
        return {
            UploadStatus.RECEIVED: "Waiting to be checked",
            UploadStatus.VALIDATING: "Being checked",
            UploadStatus.VALID: "Ready to accept",
            UploadStatus.INVALID: "Has errors",
            UploadStatus.UNUSABLE: "Cannot be used",
            UploadStatus.FAILED: "Could not be checked",
            UploadStatus.ACCEPTED: "Accepted",
            UploadStatus.DUPLICATE: "Uploaded before",
            UploadStatus.STORED: "Stored",
        }[self]

    @property
    def in_progress(self) -> bool:
        """Whether validation is still to finish."""
        return self in (UploadStatus.RECEIVED, UploadStatus.VALIDATING)


FINISHED_STATUSES: Final = frozenset(
    {
        UploadStatus.VALID,
        UploadStatus.INVALID,
        UploadStatus.UNUSABLE,
        UploadStatus.ACCEPTED,
        UploadStatus.STORED,
    }
)
"""Statuses of uploads whose files were checked (or stored) to the end: only such an upload
is one that identical files can be a duplicate of."""


class FileRole(StrEnum):
    """What a file of an upload turned out to be."""

    WORKPLACE = "workplace"
    STAFF = "staff"
    TRAINING = "training"
    OTHER = "other"


class Severity(StrEnum):
    """Severity of a finding."""

    ERROR = "error"
    WARNING = "warning"
