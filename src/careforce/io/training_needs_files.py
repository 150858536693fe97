"""Reading the published cells the priority training needs are ranked from: the indicator
results, and where given the labour-market measures (``labour.csv``) and the workforce survey
measures (``survey_measures.csv``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.vocab import published as pub
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.io.csv_text import UnreadableFileError, read_csv_table
from careforce.io.indicator_results import IndicatorResultsError, indicator_results_path

EVIDENCE_TEXT: Final = (
    pub.MEASURE_ID,
    pub.PERIOD,
    pub.AREA_CODE,
    pub.AREA_NAME,
    pub.BREAKDOWN,
    pub.BREAKDOWN_VALUE,
    pub.SYMBOL,
)
"""Text columns the ranking reads."""
EVIDENCE_NUMBERS: Final = (pub.DENOMINATOR, pub.VALUE, pub.COMPARATOR_VALUE)
"""Number columns the ranking reads (empty cells are no number)."""
OPTIONAL_NUMBERS: Final = (pub.UPPER,)
"""Number columns read when the file has them (the survey items' intervals)."""
LABOUR_FILE: Final = "labour.csv"
"""The labour-market measures in a ``careforce labour compute`` folder."""
SURVEY_FILE: Final = "survey_measures.csv"
"""The survey measures in a ``careforce survey analyse`` folder."""


def read_need_evidence(location: Path) -> tuple[pl.DataFrame, Path]:
    """The published cells of an indicators folder (or file), typed, and the file read.

    Raises:
        IndicatorResultsError: the results are missing, malformed or lack a column.
    """
    path = indicator_results_path(location)
    return read_published_cells(path), path


def _in_folder(location: Path, name: str) -> Path:
    path = location / name if location.is_dir() else location
    if not path.is_file():
        raise IndicatorResultsError(location, f"no {name} here")
    return path


def read_labour_evidence(location: Path) -> pl.DataFrame:
    """The published cells of the labour-market measures (a ``labour.csv`` or its folder).

    Raises:
        IndicatorResultsError: the file is missing, malformed or lacks a column.
    """
    return read_published_cells(_in_folder(location, LABOUR_FILE))


def read_survey_evidence(locations: Sequence[Path]) -> pl.DataFrame | None:
    """The published cells of survey rounds (each a ``survey_measures.csv`` or its folder),
    together; None when none is given.

    Raises:
        IndicatorResultsError: a file is missing, malformed or lacks a column.
    """
    frames = [read_published_cells(_in_folder(p, SURVEY_FILE)) for p in locations]
    return pl.concat(frames, how="vertical") if frames else None


def read_published_cells(path: Path) -> pl.DataFrame:
    """The published cells of a table in the published schema (CSV or Parquet), typed.

    Raises:
        IndicatorResultsError: the file is missing, malformed or lacks a column.
    """
    try:
        if path.suffix == ".parquet":
            frame = pl.read_parquet(path)
        else:
            frame = read_csv_table(path.read_bytes()).frame.drop(LINE, FIELD_COUNT)
    except OSError as error:
        raise IndicatorResultsError(path, f"cannot be read: {error.strerror}") from None
    except (UnreadableFileError, pl.exceptions.PolarsError) as error:
        raise IndicatorResultsError(path, str(error)) from None
    missing = [n for n in (*EVIDENCE_TEXT, *EVIDENCE_NUMBERS) if n not in frame.columns]
    if missing:
        raise IndicatorResultsError(
            path, f"not indicator results: no column(s) {', '.join(missing)}"
        )
    text = [
        pl.col(n).cast(pl.String).str.strip_chars().replace("", None).alias(n)
        for n in EVIDENCE_TEXT
    ]
    numbers = [
        (
            pl.col(n).cast(pl.String).str.strip_chars().cast(pl.Float64, strict=False)
            if n in frame.columns
            else pl.lit(None, dtype=pl.Float64)
        ).alias(n)
        for n in (*EVIDENCE_NUMBERS, *OPTIONAL_NUMBERS)
    ]
    return frame.select(*text, *numbers)
