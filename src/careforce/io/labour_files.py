"""Reading the public labour-market files (any encoding :mod:`careforce.io.csv_text` accepts)
as text columns with the line each row starts on."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import polars as pl

from careforce.core.vocab.ascwds_columns import LINE
from careforce.core.vocab.published import OPTIONAL_COLUMNS
from careforce.io.csv_text import CsvTable, UnreadableFileError, decode, read_csv_table


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


def read_text_rows(path: Path) -> list[list[str]]:
    """Every record of a CSV file as a list of cells, however many each has (for layouts with
    lines above and below the table, such as Nomis's user-friendly downloads).

    Raises:
        LabourFileUnreadableError: the file is missing or is not CSV text.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LabourFileUnreadableError(f"{path}: cannot be read: {error.strerror}") from None
    try:
        text, _ = decode(data)
    except UnreadableFileError as error:
        raise LabourFileUnreadableError(f"{path}: {error}") from None
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as error:
        raise LabourFileUnreadableError(f"{path}: not CSV text ({error})") from None


def read_published_table(path: Path, schema: pl.Schema) -> pl.DataFrame:
    """A table written in the published table's layout (``labour.csv``), typed by the schema:
    empty cells as null (and a column added since the file was written, empty).

    Raises:
        LabourFileUnreadableError: the file cannot be read, lacks a column or a number cell is
            not a number.
    """
    table = read_labour_table(path)
    missing = [
        name for name in schema.names() if name not in table.header and name not in OPTIONAL_COLUMNS
    ]
    if missing:
        raise LabourFileUnreadableError(f"{path}: no column(s) {', '.join(missing)}")
    columns = []
    for name, dtype in schema.items():
        if name not in table.header:
            columns.append(pl.lit(None, dtype=dtype).alias(name))
            continue
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


def read_workbook_tables(path: Path, *, prefix: str = "table") -> dict[str, list[list[str]]]:
    """Every sheet of an XLSX workbook whose name starts with ``prefix`` (case ignored), as rows
    of text cells (dates as ``YYYY-MM-DD 00:00:00``, blank cells as '').

    Raises:
        LabourFileUnreadableError: the file cannot be read as a workbook.
    """
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise LabourFileUnreadableError(
            f"{path}: cannot be read as an XLSX workbook ({error})"
        ) from None
    try:
        return {
            sheet.title: [
                ["" if cell is None else str(cell) for cell in row]
                for row in sheet.iter_rows(values_only=True)
            ]
            for sheet in book.worksheets
            if sheet.title.strip().lower().replace("_", " ").startswith(prefix)
        }
    finally:
        book.close()


def rows_frame(rows: list[list[str]], header_index: int) -> pl.DataFrame:
    """The rows below a header row as text columns named by the header, with each row's
    spreadsheet row number in ``line``."""
    header = [cell.strip() for cell in rows[header_index]]
    names: list[str] = []
    for position, name in enumerate(header, start=1):
        base = name or f"column {position}"
        candidate, count = base, 1
        while candidate in names:
            count += 1
            candidate = f"{base} ({count})"
        names.append(candidate)
    body = rows[header_index + 1 :]
    width = len(names)
    columns = {
        name: [(row[i] if i < len(row) else "").strip() for row in body]
        for i, name in enumerate(names)
    }
    frame = (
        pl.DataFrame(columns, schema=dict.fromkeys(names, pl.String)) if width else pl.DataFrame()
    )
    return frame.with_columns(
        pl.Series(LINE, range(header_index + 2, header_index + 2 + len(body)), dtype=pl.Int64)
    )
