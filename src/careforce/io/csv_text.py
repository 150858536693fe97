"""CSV text: turning the bytes of a CSV export into rows of trimmed strings, whatever produced
it, and writing tables as UTF-8 CSV.

Accepts UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark, and
Windows-1252 (what Excel writes on Windows); LF, CRLF or CR line endings; quoted fields
with embedded commas, quotes and line breaks.

The text is decoded in one go and, when every physical line is a plain CSV record (quotes only
around whole fields, no line break inside quotes, no field longer than the csv module allows),
parsed by Polars' CSV reader, each line being one record. Anything else (a quoted line break, a
stray quote) is parsed line by line with Python's csv module. Both give the same rows, start
lines and field counts as the csv module.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.io.atomic import replacing
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


PYTHON_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""The characters Python's ``str.strip()`` removes (Polars' default trims a slightly smaller set)."""
LINES_CHUNK_CHARS = 8 << 20
"""Characters of text split into lines at a time."""
FIELD_SIZE_LIMIT = 131_072
"""The csv module's default limit on one field's length: longer lines are left to it."""
_QUOTED = r'"(?:[^"]|"")*"'
_FIELD = rf'(?:{_QUOTED}|[^",]*)'
_PLAIN_RECORD = rf"^{_FIELD}(?:,{_FIELD})*\r?$"
"""A line Polars reads exactly as the csv module does: quotes only around whole fields (the
CR of a CRLF line ending is left on the line)."""
COMPRESSED_STARTS = (b"\x1f\x8b", b"x\x01", b"x^", b"x\x9c", b"x\xda", b"(\xb5/\xfd")
"""Starts of text that Polars takes for a gzip, zlib or zstd stream and tries to decompress
(``x^`` is plain text to anyone else): such text is parsed with the csv module."""
_SPACE = "[" + PYTHON_WHITESPACE.replace("\n", "").replace("\r", "") + "]"
_EDGE_SPACE = f'(?:^|[,"]){_SPACE}|{_SPACE}(?:[,"]|\r?$)'
"""Whitespace that may begin or end a field: only then are the fields trimmed."""


def read_csv_table(data: bytes) -> CsvTable:
    """Parse CSV bytes into a header and a frame of trimmed strings.

    Completely blank lines are skipped. Rows with fewer fields than the header are padded
    with empty strings and rows with more are cut to the header's width; the original number
    of fields is kept so validation can report it.

    Raises:
        UnreadableFileError: when the bytes cannot be decoded or there is no header row.
    """
    text, encoding = decode(data)
    utf8 = {"utf-8": data, "utf-8 with BOM": data[3:]}.get(encoding)
    # The text is handed over, so Polars' parse can let it go once the lines are checked.
    held = [text]
    del text
    table = _read_plain_records(held, utf8)
    if table is None:
        # Polars may have taken the text and then given up: decode the bytes again.
        header, frame = _read_with_csv_module(held.pop() if held else decode(data)[0])
    else:
        header, frame = table
    return CsvTable(header=header, frame=frame, encoding=encoding)


def _split_lines(text: str) -> pl.Series:
    """The LF-ended lines of text, split :data:`LINES_CHUNK_CHARS` characters at a time (Polars
    needs several times a string's size to split it in one go)."""
    pieces = [pl.Series("text", [], dtype=pl.String)]
    start = 0
    while start < len(text):
        end = text.find("\n", start + LINES_CHUNK_CHARS)
        end = len(text) if end < 0 else end + 1
        lines = pl.Series("text", [text[start:end]]).str.split("\n").explode()
        pieces.append(lines.head(-1) if text[end - 1] == "\n" else lines)
        start = end
    return pl.concat(pieces, rechunk=False)


def _physical_lines(text: str) -> tuple[pl.DataFrame, bool]:
    """Each non-blank line of text whose lines end with LF or CRLF (a CRLF line keeps its CR)
    with its line number, and whether no line was blank."""
    lines = _split_lines(text)
    numbered = (
        lines.to_frame().with_row_index(LINE, offset=1).with_columns(pl.col(LINE).cast(pl.Int64))
    )
    blank = pl.col("text").is_in(["", "\r"])
    if numbered.select(blank.any()).item():
        return numbered.filter(~blank), False
    return numbered, True


def _read_plain_records(
    held: list[str], utf8: bytes | None
) -> tuple[list[str], pl.DataFrame] | None:
    """Parse text whose lines are all plain records with Polars (None when one is not, the
    text then left in ``held``).

    ``held`` holds the text alone, which is taken from it (and so freed) before Polars parses
    the records. ``utf8`` is the text's UTF-8 bytes when the file was UTF-8, so they need not
    be made again.
    """
    text = held[0]
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        # A CR alone ends a line too: make every line ending an LF.
        text, utf8 = text.replace("\r\n", "\n").replace("\r", "\n"), None
    lines, none_blank = _physical_lines(text)
    if lines.height == 0:
        raise UnreadableFileError("the file is empty: there is no header row")
    check = pl.col("text").str.len_chars().max() <= FIELD_SIZE_LIMIT
    if '"' in text:
        check &= pl.col("text").str.contains(_PLAIN_RECORD).all()
    if not lines.select(check).item():
        return None
    header = [field.strip() for field in next(csv.reader([lines["text"][0].removesuffix("\r")]))]
    if not none_blank:
        payload = lines["text"].str.join("\n").item().encode()
    elif utf8 is not None:
        payload = utf8
    else:
        payload = text.encode()
    if payload.startswith(COMPRESSED_STARTS):
        return None
    held.clear()
    del text
    trim = lines.select(pl.col("text").str.contains(_EDGE_SPACE).any()).item()
    body = lines.slice(1)
    numbers = body[LINE]
    counts = _field_counts(body["text"])
    del lines, body
    # Polars reads the header row too, so every row has the header's number of columns.
    parsed = pl.read_csv(
        payload,
        has_header=True,
        infer_schema=False,
        quote_char='"',
        truncate_ragged_lines=True,
        comment_prefix=None,
        raise_if_empty=False,
        empty_string_is_null=False,
    )
    if parsed.height != numbers.len() or parsed.width != len(header):
        return None
    parsed.columns = unique_names(header)
    cells = [pl.nth(index).fill_null("") for index in range(parsed.width)]
    if trim:
        cells = [cell.str.strip_chars(PYTHON_WHITESPACE) for cell in cells]
    frame = parsed.select(cells)
    # A column empty on every row is held as one value (optional columns often are).
    empty = frame.select(pl.all().str.len_bytes().max().fill_null(0) == 0).row(0)
    frame = frame.with_columns(
        pl.lit("", dtype=pl.String).alias(name)
        for name, blank in zip(frame.columns, empty, strict=True)
        if blank
    )
    return header, frame.with_columns(numbers, counts.alias(FIELD_COUNT))


def _field_counts(lines: pl.Series) -> pl.Series:
    """The number of fields on each plain record: its commas outside quotes, plus one."""
    counts = (lines.str.count_matches(",", literal=True) + 1).cast(pl.Int64)
    quoted = lines.str.contains('"', literal=True).arg_true()
    if quoted.len() == 0:
        return counts
    unquoted = lines.gather(quoted).str.replace_all(_QUOTED, "")
    return counts.scatter(quoted, unquoted.str.count_matches(",", literal=True) + 1)


def _read_with_csv_module(text: str) -> tuple[list[str], pl.DataFrame]:
    """Parse text record by record with Python's csv module."""
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
    names = unique_names(header)
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
    return header, frame


def unique_names(header: list[str]) -> list[str]:
    """Column names for a header: blank ones named by position, repeats numbered ('A (2)')."""
    taken: set[str] = set()
    names = []
    for position, name in enumerate(header, start=1):
        base = name or f"column {position}"
        candidate, count = base, 1
        while candidate in taken:
            count += 1
            candidate = f"{base} ({count})"
        taken.add(candidate)
        names.append(candidate)
    return names


def write_csv(path: Path, frame: pl.DataFrame) -> None:
    """Write a frame as UTF-8 CSV atomically (Polars writes it straight to the file), its text
    cells safe to open in a spreadsheet program (:mod:`careforce.io.safe_cells`)."""
    with replacing(path) as temporary:
        neutralised_frame(frame).write_csv(temporary)
