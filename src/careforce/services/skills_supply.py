"""The training pipeline of the supply-against-need comparison, read from the files a council
has: DfE Explore Education Statistics enrolments or apprenticeship starts files (old and new
column names), the demo's enrolments file, or careforce's own supply layout (``year,
sector_subject_area, measure, count``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.projections import columns as c
from careforce.core.projections.input_tables import InputDataError
from careforce.core.sources.labour.common import LabourFileError, find_column
from careforce.core.sources.labour.enrolments import SkillsMeasure, skills_rows
from careforce.core.vocab.ascwds_columns import LINE
from careforce.io.projection_inputs import read_input_table

EES_MARKER: Final = "time_period"
"""Column every Explore Education Statistics file has."""
DEMO_MEASURES: Final = {"learning_aim_enrolments": c.ENROLMENTS}
"""Measure names of other layouts and the supply layout's name for them."""


def _measure_of(raw: pl.DataFrame) -> SkillsMeasure:
    """Which count an EES file holds: starts for apprenticeships, else enrolments."""
    if (
        find_column(raw, "starts") is not None
        and find_column(raw, "enrolments", "e_and_t_aims_enrolments") is None
    ):
        return SkillsMeasure.APPRENTICESHIP_STARTS
    return SkillsMeasure.ENROLMENTS


def _from_ees(path: Path, raw: pl.DataFrame) -> pl.DataFrame:
    measure = _measure_of(raw)
    try:
        rows, found = skills_rows(raw.rename({c.SOURCE_LINE: LINE}), measure=measure)
    except LabourFileError as error:
        raise InputDataError(str(error)) from None
    errors = found.filter(pl.col("severity") == "error")
    if errors.height:
        first = errors.row(0, named=True)
        raise InputDataError(
            first["message"], line=first["line"], column=first["column"], value=first["value"]
        )
    # Symbols (suppressed or unavailable counts) and the all-subjects row add nothing to a
    # subject's pipeline.
    return rows.filter(
        pl.col("value").is_not_null()
        & (pl.col("sector_subject_area").str.to_lowercase() != "total")
    ).select(
        pl.col("academic_year").alias(c.INPUT_YEAR),
        pl.col("sector_subject_area").alias(c.SECTOR_SUBJECT_AREA),
        pl.col("measure").alias(c.SUPPLY_MEASURE),
        pl.col("value").cast(pl.Int64).cast(pl.String).alias(c.COUNT),
        pl.col("area_code"),
        pl.col(LINE).alias(c.SOURCE_LINE),
    )


def supply_table(paths: Path | Sequence[Path]) -> pl.DataFrame:
    """The training files as one table in the supply layout (text columns, ``source_line``).

    Raises:
        InputFileError: a file cannot be read.
        InputDataError: a file's cells cannot be used (named by line and column).
    """
    frames = []
    for path in [paths] if isinstance(paths, Path) else list(paths):
        raw = read_input_table(path)
        try:
            if EES_MARKER in raw.columns:
                frames.append(_from_ees(path, raw))
                continue
        except InputDataError as error:
            raise error.in_file(str(path)) from None
        if "academic_year" in raw.columns and c.INPUT_YEAR not in raw.columns:
            raw = raw.rename({"academic_year": c.INPUT_YEAR})
        if c.SUPPLY_MEASURE in raw.columns:
            raw = raw.with_columns(
                pl.col(c.SUPPLY_MEASURE).replace(DEMO_MEASURES).alias(c.SUPPLY_MEASURE)
            )
        frames.append(raw.drop("area_name", strict=False))
    return pl.concat(frames, how="diagonal_relaxed")
