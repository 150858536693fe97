"""Reading the published indicator cells the priority training needs are ranked from."""

from __future__ import annotations

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


def read_need_evidence(location: Path) -> tuple[pl.DataFrame, Path]:
    """The published cells of an indicators folder (or file), typed, and the file read.

    Raises:
        IndicatorResultsError: the results are missing, malformed or lack a column.
    """
    path = indicator_results_path(location)
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
        pl.col(n).cast(pl.String).str.strip_chars().cast(pl.Float64, strict=False).alias(n)
        for n in EVIDENCE_NUMBERS
    ]
    return frame.select(*text, *numbers), path
