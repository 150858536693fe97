"""Use case: rank the priority training needs (action 1.3) from published measures and write
them as CSV and spreadsheets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.outcomes.training_needs import priority_training_needs
from careforce.io.csv_text import write_csv
from careforce.io.indicator_results import IndicatorResultsError
from careforce.io.spreadsheets import Sheet, Workbook, write_ods, write_xlsx
from careforce.io.training_needs_files import (
    read_labour_evidence,
    read_need_evidence,
    read_survey_evidence,
)

TRAINING_NEEDS_STEM: Final = "training-needs"
"""Stem of the files written (``training-needs.csv``, ``.ods``, ``.xlsx``)."""
SCORING: Final = (
    "Each need is a published cell: a qualification or Care Certificate share below its "
    "comparator, current mandatory training below full compliance, current training in a "
    "skill employers ask for below the share of job postings asking for it, or a workforce "
    "survey training item below full agreement (at the top of its 95% interval).",
    "Workers short = gap × workers in the cell (a survey item's gap is scaled to the area's "
    "workers). Score = workers short × (1 + share of job postings asking for the need's skill); "
    "ranked highest first within each area. Suppressed cells are never used.",
    "See docs/methodology.md, 'Priority training needs'.",
)
"""How the list is scored, as the workbook's cover says it."""


class TrainingNeedsInputError(ValueError):
    """The indicator results cannot be used."""


def training_needs_file(
    indicators: Path,
    *,
    period: str | None = None,
    labour: Path | None = None,
    survey: Sequence[Path] = (),
) -> pl.DataFrame:
    """The ranked priority training needs of the indicator results in a folder (or file),
    drawing also on the labour-market measures' skills in demand and the survey rounds'
    training items when given.

    Raises:
        TrainingNeedsInputError: an input cannot be read.
    """
    try:
        table, _ = read_need_evidence(indicators)
        postings = read_labour_evidence(labour) if labour is not None else None
        rounds = read_survey_evidence(survey)
    except IndicatorResultsError as error:
        raise TrainingNeedsInputError(str(error)) from None
    return priority_training_needs(table, period=period, labour=postings, survey=rounds)


def training_needs_workbook(needs: pl.DataFrame) -> Workbook:
    """The priority list as a workbook: a cover saying how it is scored, then the list."""
    return Workbook(
        [
            Sheet(name="Cover", title="Priority training needs (action 1.3)", lines=SCORING),
            Sheet(name="Needs", title="Priority training needs, ranked", table=needs),
        ]
    )


def write_training_needs(needs: pl.DataFrame, out: Path) -> list[Path]:
    """Write training-needs.csv, .ods and .xlsx; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    files = [out / f"{TRAINING_NEEDS_STEM}.{suffix}" for suffix in ("csv", "ods", "xlsx")]
    write_csv(files[0], needs)
    book = training_needs_workbook(needs)
    write_ods(files[1], book)
    write_xlsx(files[2], book)
    return files
