"""Reading indicator results (``indicators.csv`` or ``indicators.parquet``) for other domains.

The results are the tidy table written by ``careforce indicators compute``. Only the columns
that outcomes evaluation needs are read and typed; a bad file is refused with one line naming
the file, line, column and value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.outcomes import columns as c
from careforce.core.vocab import published as pub
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.io.csv_text import UnreadableFileError, read_csv_table

INDICATOR_FILES: Final = ("indicators.csv", "indicators.parquet")
"""Names of the results in an indicators folder, in order of preference."""
NUMBER_COLUMNS: Final = (pub.VALUE, pub.LOWER, pub.UPPER)
"""Columns holding numbers (empty when there is none)."""


class IndicatorResultsError(ValueError):
    """Indicator results cannot be used; the message names the file and, where known, the line."""

    def __init__(self, path: Path | str, reason: str) -> None:
        """Record which file and why."""
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def indicator_results_path(location: Path) -> Path:
    """The results file of an indicators folder (or the file itself when given a file).

    Raises:
        IndicatorResultsError: no results file is there.
    """
    if location.is_file():
        return location
    for name in INDICATOR_FILES:
        if (location / name).is_file():
            return location / name
    if not location.exists():
        raise IndicatorResultsError(location, "no such folder or file")
    raise IndicatorResultsError(
        location, f"no {' or '.join(INDICATOR_FILES)} here (run careforce indicators compute)"
    )


def _require_columns(path: Path, columns: list[str]) -> None:
    missing = [name for name in c.INDICATOR_COLUMNS if name not in columns]
    if missing:
        raise IndicatorResultsError(
            path, f"not indicator results: no column(s) {', '.join(missing)}"
        )


def _read_csv(path: Path) -> pl.DataFrame:
    try:
        table = read_csv_table(path.read_bytes())
    except OSError as error:
        raise IndicatorResultsError(path, f"cannot be read: {error.strerror}") from None
    except UnreadableFileError as error:
        raise IndicatorResultsError(path, str(error)) from None
    _require_columns(path, table.header)
    width = len(table.header)
    long_rows = table.frame.filter(pl.col(FIELD_COUNT) > width)
    if long_rows.height:
        line, count = long_rows.select(LINE, FIELD_COUNT).row(0)
        raise IndicatorResultsError(
            path, f"line {line}: {count} fields, but the header has {width}; check the quoting"
        )
    frame = table.frame.drop(FIELD_COUNT)
    for name in NUMBER_COLUMNS:
        text = pl.col(name).str.strip_chars()
        bad = frame.filter((text != "") & text.cast(pl.Float64, strict=False).is_null()).select(
            LINE, name
        )
        if bad.height:
            line, value = bad.row(0)
            raise IndicatorResultsError(
                path, f"line {line}, column {name}: {value!r} is not a number"
            )
    blank = [name for name in c.INDICATOR_COLUMNS if name not in NUMBER_COLUMNS]
    frame = frame.with_columns(
        pl.lit("", dtype=pl.String).alias(n) for n in c.COMPARATOR_COLUMNS if n not in frame.columns
    )
    texts = [*blank, pub.COMPARISON, pub.COMPARATOR_NAME]
    numbers = [*NUMBER_COLUMNS, pub.COMPARATOR_VALUE]
    return frame.select(
        *[pl.when(pl.col(n) == "").then(None).otherwise(pl.col(n)).alias(n) for n in texts],
        *[pl.col(n).str.strip_chars().cast(pl.Float64, strict=False) for n in numbers],
    ).select(*c.INDICATOR_COLUMNS, *c.COMPARATOR_COLUMNS)


def _read_parquet(path: Path) -> pl.DataFrame:
    try:
        frame = pl.read_parquet(path)
    except (OSError, pl.exceptions.PolarsError) as error:
        raise IndicatorResultsError(path, f"cannot be read as Parquet: {error}") from None
    _require_columns(path, frame.columns)
    frame = frame.with_columns(
        pl.lit(None, dtype=pub.PUBLISHED_SCHEMA[n]).alias(n)
        for n in c.COMPARATOR_COLUMNS
        if n not in frame.columns
    )
    try:
        return frame.select(
            *[pl.col(n).cast(pl.String) for n in c.INDICATOR_COLUMNS if n not in NUMBER_COLUMNS],
            *[pl.col(n).cast(pl.Float64) for n in NUMBER_COLUMNS],
            pl.col(pub.COMPARATOR_VALUE).cast(pl.Float64),
            pl.col(pub.COMPARISON).cast(pl.String),
            pl.col(pub.COMPARATOR_NAME).cast(pl.String),
        ).select(*c.INDICATOR_COLUMNS, *c.COMPARATOR_COLUMNS)
    except pl.exceptions.PolarsError as error:
        raise IndicatorResultsError(path, f"a column has the wrong type: {error}") from None


def read_indicator_results(location: Path) -> tuple[pl.DataFrame, Path]:
    """The indicator results in a folder (or file), typed, and the file they came from.

    Returns:
        A frame with the columns of :data:`~careforce.core.outcomes.columns.INDICATOR_COLUMNS`
        (numbers as Float64, empty text as null) and the path read.

    Raises:
        IndicatorResultsError: the results are missing or malformed.
    """
    path = indicator_results_path(location)
    frame = _read_parquet(path) if path.suffix == ".parquet" else _read_csv(path)
    return frame, path
