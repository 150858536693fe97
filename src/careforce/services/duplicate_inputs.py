"""Inputs of the measures given more than once: refused, so no workplace is counted twice.

The same ASC-WDS output folder given twice, two folders made from the same files for the same
reference date (their manifests list the same input hashes and date) or two folders holding the same workplace (its identity:
see :mod:`careforce.core.organisations.identity`) for the same period would each add the
workplace's staff again to every measure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polars as pl

from careforce.core.indicators.frames import period_label
from careforce.core.organisations.identity import IDENTITY, identity_expression

LoadedSnapshot = tuple[dict[str, Any], dict[str, pl.DataFrame]]
"""The manifest and datasets of one ingestion output folder."""


def same_folder_twice(directories: Sequence[Path]) -> str | None:
    """Why the folders cannot be used together when one is given twice (else None)."""
    seen: dict[Path, Path] = {}
    for directory in directories:
        resolved = directory.resolve()
        if resolved in seen:
            return f"the ASC-WDS folder {directory} is given twice (--ascwds); give it once"
        seen[resolved] = directory
    return None


def duplicate_inputs(directories: Sequence[Path], loaded: Sequence[LoadedSnapshot]) -> str | None:
    """Why the folders cannot be used together, naming them, when two hold the same files or
    the same workplace for the same period (else None)."""
    by_hashes: dict[tuple[object, tuple[str, ...]], Path] = {}
    holders: dict[tuple[str, str], Path] = {}
    for directory, (manifest, frames) in zip(directories, loaded, strict=True):
        day = manifest.get("reference_date")
        hashes = tuple(sorted(str(entry.get("sha256", "")) for entry in manifest.get("inputs", [])))
        if hashes and (day, hashes) in by_hashes:
            return (
                f"the ASC-WDS folders {by_hashes[day, hashes]} and {directory} were made from the "
                "same files for the same reference date (same input hashes); give them once"
            )
        if hashes:
            by_hashes[day, hashes] = directory
        period = period_label(dt.date.fromisoformat(day)) if day else ""
        identities = (
            frames["establishments"].select(identity_expression())[IDENTITY].unique().sort()
        )
        for identity in identities.to_list():
            earlier = holders.get((period, identity))
            if earlier is not None and earlier != directory:
                return (
                    f"the ASC-WDS folders {earlier} and {directory} both hold workplace "
                    f"{identity} for {period or 'the same period'}; give each workplace's "
                    "return once"
                )
            holders[(period, identity)] = directory
    return None
