"""Reading the public labour-market files (any encoding :mod:`careforce.io.csv_text` accepts)
as text columns with the line each row starts on."""

from __future__ import annotations

from pathlib import Path

from careforce.io.csv_text import CsvTable, UnreadableFileError, read_csv_table


class LabourFileUnreadableError(ValueError):
    """A labour-market file cannot be read; the message names the file."""


def read_labour_table(path: Path) -> CsvTable:
    """The header and text rows of a CSV file.

    Raises:
        LabourFileUnreadableError: the file is missing or is not CSV text.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LabourFileUnreadableError(f"{path}: cannot be read: {error.strerror}") from None
    try:
        return read_csv_table(data)
    except UnreadableFileError as error:
        raise LabourFileUnreadableError(f"{path}: {error}") from None
