"""Reading the CSV inputs of projections: indicators, population projections, training supply.

Each file is read as text columns (any encoding :mod:`careforce.io.csv_text` accepts) with the
line each row starts on, so problems can be reported at their line, column and value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.projections import columns as c
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.io.csv_text import UnreadableFileError, read_csv_table

INDICATORS_FILE: Final = "indicators.csv"
"""Name of the indicators file in an indicators folder (written by the measures module)."""


class InputFileError(ValueError):
    """An input file cannot be used; the message names the file and, where known, the line."""

    def __init__(self, path: Path | str, reason: str) -> None:
        """Record which file and why."""
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def read_input_table(path: Path) -> pl.DataFrame:
    """Read a CSV file as text columns plus ``source_line``.

    Raises:
        InputFileError: the file is missing, unreadable, not CSV, or a row has more fields than
            the header.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputFileError(path, f"cannot be read: {error.strerror}") from None
    try:
        table = read_csv_table(data)
    except UnreadableFileError as error:
        raise InputFileError(path, str(error)) from None
    width = len(table.header)
    long_rows = table.frame.filter(pl.col(FIELD_COUNT) > width)
    if long_rows.height:
        line, count = long_rows.select(LINE, FIELD_COUNT).row(0)
        raise InputFileError(
            path, f"line {line}: {count} fields, but the header has {width}; check the quoting"
        )
    return table.frame.drop(FIELD_COUNT).rename({LINE: c.SOURCE_LINE})


def indicators_path(folder: Path) -> Path:
    """The indicators file of an indicators folder (or the file itself when given a file)."""
    return folder if folder.is_file() else folder / INDICATORS_FILE
