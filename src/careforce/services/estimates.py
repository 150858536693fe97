"""Use case: whole-sector workforce estimates from the CQC register and ASC-WDS returns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from careforce.core.sources import cqc_register
from careforce.core.vocab.cqc_register import Location
from careforce.io.cqc_register_files import read_area_lookup, read_register


class EstimatesInputError(ValueError):
    """An input to the estimates cannot be used."""


@dataclass(frozen=True)
class Register:
    """The register as read: every location (in scope or not) and the findings on its rows."""

    locations: pl.DataFrame
    findings: pl.DataFrame
    file_format: str


def load_register(path: Path, *, area: str | None = None) -> Register:
    """Read and check the CQC register; ``area`` keeps only the locations of one ONS code.

    Raises:
        EstimatesInputError: the register lacks a required column.
        UnreadableFileError: the file cannot be read (a ``RegisterFileError`` for workbooks).
    """
    table = read_register(path, keep=lambda h: cqc_register.register_header(h) is not None)
    lookup = read_area_lookup()
    try:
        named = cqc_register.named_register(table.frame)
    except cqc_register.RegisterColumnsError as error:
        raise EstimatesInputError(f"{path}: {error}") from error
    findings = cqc_register.register_findings(named, lookup=lookup, header_width=len(table.header))
    locations = cqc_register.locations_frame(named, lookup=lookup)
    if area is not None:
        locations = locations.filter(pl.col(Location.AREA_CODE) == area)
    return Register(locations, findings, table.file_format)
