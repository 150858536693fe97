"""Reading the public labour-market files (any encoding :mod:`careforce.io.csv_text` accepts)
as text columns with the line each row starts on."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from careforce.core.vocab.ascwds_columns import LINE
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


def read_published_table(path: Path, schema: pl.Schema) -> pl.DataFrame:
    """A table written in the published table's layout (``labour.csv``), typed by the schema:
    empty cells as null.

    Raises:
        LabourFileUnreadableError: the file cannot be read, lacks a column or a number cell is
            not a number.
    """
    table = read_labour_table(path)
    missing = [name for name in schema.names() if name not in table.header]
    if missing:
        raise LabourFileUnreadableError(f"{path}: no column(s) {', '.join(missing)}")
    columns = []
    for name, dtype in schema.items():
        text = pl.col(name).str.strip_chars()
        if dtype.is_numeric():
            bad = table.frame.filter((text != "") & text.cast(dtype, strict=False).is_null())
            if bad.height:
                line, value = bad.select(LINE, name).row(0)
                raise LabourFileUnreadableError(
                    f"{path}: line {line}, column {name}: {value!r} is not a number"
                )
            columns.append(pl.when(text != "").then(text.cast(dtype, strict=False)).alias(name))
        else:
            columns.append(pl.when(pl.col(name) != "").then(pl.col(name)).alias(name))
    return table.frame.select(columns)
