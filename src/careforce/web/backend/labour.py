"""The labour-market measures the pages show: ``labour.csv`` and ``labour_comparators.csv`` in
the service's labour folder (``CAREFORCE_LABOUR_DIR``), as ``careforce labour compute`` writes
them (``web serve --demo`` writes the demo's there), and the supply against need."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from django.conf import settings

from careforce.core.vocab.published import AREA_CODE, AREA_NAME, MEASURE_ID
from careforce.services.labour import (
    LABOUR_FILE,
    SUPPLY_PAIRS,
    LabourInputError,
    read_labour,
    supply_against_need,
)
from careforce.services.projections import ProjectionInputError

_lock = threading.Lock()
_kept: dict[str, tuple[int, LabourResults]] = {}


@dataclass(frozen=True)
class LabourResults:
    """The labour-market measures and their named comparators."""

    key: str
    table: pl.DataFrame
    comparators: pl.DataFrame

    @property
    def area(self) -> tuple[str, str]:
        """The area the pages show: the service's council area when the measures have it,
        else the area of the postings measures, else the first area."""
        areas = dict(self.table.select(AREA_CODE, AREA_NAME).unique().iter_rows())
        configured = settings.CAREFORCE_BRANDING.area_code
        if configured in areas:
            return configured, str(areas[configured])
        postings = self.table.filter(pl.col(MEASURE_ID) == "postings_total")
        code = str(postings[0, AREA_CODE]) if postings.height else str(self.table[0, AREA_CODE])
        return code, str(areas.get(code, code))


def labour_folder() -> Path:
    """The folder holding the labour-market measures."""
    return Path(settings.CAREFORCE_LABOUR_DIR)


def labour_results() -> LabourResults | None:
    """The measures in the labour folder (None when there are none, or they cannot be read);
    read again only when the file changes."""
    folder = labour_folder()
    path = folder / LABOUR_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    with _lock:
        kept = _kept.get(str(path))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    try:
        table, comparators = read_labour(folder)
    except LabourInputError:
        return None
    if table.is_empty():
        return None
    results = LabourResults(f"{path}:{stamp}", table, comparators)
    with _lock:
        _kept.clear()
        _kept[str(path)] = (stamp, results)
    return results


@dataclass(frozen=True)
class SupplyAgainstNeed:
    """One projection set against its training pipeline."""

    label: str
    subjects: tuple[str, ...]
    gap: pl.DataFrame


def supply_against_needs(results: LabourResults) -> list[SupplyAgainstNeed]:
    """The adult and children's projections against the Health and Social Care and Child
    Development and Well Being pipelines (those with data)."""
    area, _ = results.area
    found = []
    for params, subjects, label in SUPPLY_PAIRS:
        try:
            gap = supply_against_need(results.table, area=area, params=params, subjects=subjects)
        except (ProjectionInputError, ValueError):
            continue
        if not gap.is_empty():
            found.append(SupplyAgainstNeed(label, tuple(subjects), gap))
    return found
