"""The vocabulary of publications: where a publication is."""

from __future__ import annotations

from enum import StrEnum


class PublicationStatus(StrEnum):
    """Where a publication is."""

    PENDING = "pending"
    RUNNING = "running"
    READY = "ready"
    SUPERSEDED = "superseded"
    FAILED = "failed"
