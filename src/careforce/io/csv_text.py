"""CSV text: turning the bytes of a CSV export into rows of trimmed strings, whatever produced
it, and writing tables as UTF-8 CSV.

Accepts UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark, and
Windows-1252 (what Excel writes on Windows); LF, CRLF or CR line endings; quoted fields
with embedded commas, quotes and line breaks.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.io.atomic import write_bytes
from careforce.io.safe_cells import neutralised_frame

ZIP_MAGIC = b"PK\x03\x04"
"""XLSX and ODS files are ZIP archives and start with these bytes."""
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
"""Old binary Excel (.xls) files start with these bytes."""


class UnreadableFileError(ValueError):
    """The bytes are not a CSV text file careforce can read."""


@dataclass(frozen=True)
class CsvTable:
    """A CSV file as a header and a frame of strings.

    Attributes:
        header: the header row's fields, trimmed.
        frame: one String column per header field, plus the start line of each row and the
            number of fields it had.
        encoding: the text encoding the bytes were read with.
    """

    header: list[str]
    frame: pl.DataFrame
    encoding: str


def decode(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes, returning the text and the name of the encoding used.

    Raises:
        UnreadableFileError: for spreadsheets, binary data or text in no known encoding.
    """
    if data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC):
        raise UnreadableFileError(
            "this is a spreadsheet workbook, not a CSV file; save it as CSV (comma delimited)"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise UnreadableFileError(
                f"the UTF-16 text is damaged at byte {error.start}"
            ) from error
    if data.startswith(b"\xef\xbb\xbf"):
        # A byte-order mark followed by text that is not UTF-8: the rest is Windows-1252.
        data = data[3:]
        candidates = (("utf-8", "utf-8 with BOM"), ("cp1252", "windows-1252 with BOM"))
    else:
        candidates = (("utf-8", "utf-8"), ("cp1252", "windows-1252"))
    for codec, name in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise UnreadableFileError("the file contains NUL bytes, so it is not a CSV text file")
        return text, name
    raise UnreadableFileError("the file is neither UTF-8 nor Windows-1252 text")


def read_csv_table(data: bytes) -> CsvTable:
    """Parse CSV bytes into a header and a frame of trimmed strings.

    Completely blank lines are skipped. Rows with fewer fields than the header are padded
    with empty strings and rows with more are cut to the header's width; the original number
    of fields is kept so validation can report it.

    Raises:
        UnreadableFileError: when the bytes cannot be decoded or there is no header row.
    """
    text, encoding = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    header: list[str] | None = None
    lines: list[int] = []
    counts: list[int] = []
    rows: list[list[str]] = []
    previous_line = 0
    try:
        for record in reader:
            start = previous_line + 1
            previous_line = reader.line_num
            if not record:
                continue
            if header is None:
                header = [field.strip() for field in record]
                width = len(header)
                continue
            counts.append(len(record))
            lines.append(start)
            fields = [field.strip() for field in record[:width]]
            fields.extend([""] * (width - len(fields)))
            rows.append(fields)
    except csv.Error as error:
        raise UnreadableFileError(
            f"the CSV cannot be parsed at line {reader.line_num}: {error}"
        ) from error
    if header is None:
        raise UnreadableFileError("the file is empty: there is no header row")
    names = _unique_names(header)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    frame = pl.DataFrame(
        {
            **{
                name: pl.Series(name, values, dtype=pl.String)
                for name, values in zip(names, columns, strict=True)
            },
            LINE: pl.Series(LINE, lines, dtype=pl.Int64),
            FIELD_COUNT: pl.Series(FIELD_COUNT, counts, dtype=pl.Int64),
        }
    )
    return CsvTable(header=header, frame=frame, encoding=encoding)


def _unique_names(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    names = []
    for position, name in enumerate(header, start=1):
        base = name or f"column {position}"
        count = seen.get(base, 0)
        seen[base] = count + 1
        names.append(base if count == 0 else f"{base} ({count + 1})")
    return names


def write_csv(path: Path, frame: pl.DataFrame) -> None:
    """Write a frame as UTF-8 CSV atomically, its text cells safe to open in a spreadsheet
    program (:mod:`careforce.io.safe_cells`)."""
    write_bytes(path, neutralised_frame(frame).write_csv().encode())
