"""Reading the CQC register of locations ("Care directory with filters") as CQC publishes it:
an ODS workbook (since 2022), an XLSX workbook (older editions) or a CSV export of its data
sheet.

Workbooks are streamed: the sheet's XML is parsed element by element and each row is dropped
once its cells are kept, so the national file (about 440 MB of XML) is read in memory
proportional to the columns careforce keeps, not to the file. The padding cells a spreadsheet
program writes (``number-columns-repeated`` in the thousands) are never expanded.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape as xml_escape

import polars as pl

from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.core.vocab.cqc_register import DATA_SHEETS, RegisterHeader, folded_header
from careforce.io.atomic import replacing
from careforce.io.csv_text import ZIP_MAGIC, UnreadableFileError, read_csv_table
from careforce.io.package_data import package_data_path

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

MAX_COLUMNS = 1024
"""Cells of a row kept at most: the register has 122 columns, so more are padding."""
MAX_REPEATED_ROWS = 1000
"""Copies of a repeated non-blank row kept at most (a blank repeated row is padding)."""
_LOCATION_ID = folded_header(RegisterHeader.LOCATION_ID)


class RegisterFileError(UnreadableFileError):
    """The file is not a register careforce can read (damaged workbook, no data sheet...)."""


@dataclass(frozen=True)
class RegisterTable:
    """The register's data sheet.

    Attributes:
        header: every header of the sheet, trimmed, in order.
        frame: the kept columns as text (named by their header), the sheet line of each row
            (``LINE``) and its number of cells (``FIELD_COUNT``).
        sheet: the sheet read (``csv`` for a CSV file).
        file_format: ``ods``, ``xlsx`` or ``csv``.
    """

    header: list[str]
    frame: pl.DataFrame
    sheet: str
    file_format: str


class _Rows:
    """Collects the kept columns of rows as they stream past."""

    def __init__(self, keep: Callable[[str], bool]) -> None:
        self.keep = keep
        self.header: list[str] | None = None
        self.kept: list[int] = []
        self.needed = [True] * MAX_COLUMNS
        self.columns: list[list[str]] = []
        self.lines: list[int] = []

    def add(self, line: int, cells: list[str]) -> None:
        while cells and cells[-1] == "":
            cells.pop()
        if self.header is None:
            if not cells:
                return
            self.header = [c.strip() for c in cells]
            self.kept = [i for i, name in enumerate(self.header) if name and self.keep(name)]
            kept = set(self.kept)
            self.needed = [i in kept for i in range(MAX_COLUMNS)]
            self.columns = [[] for _ in self.kept]
            return
        if not cells:
            return
        width = len(cells)
        for column, index in zip(self.columns, self.kept, strict=True):
            column.append(cells[index].strip() if index < width else "")
        self.lines.append(line)

    def table(self, *, sheet: str, file_format: str) -> RegisterTable:
        if self.header is None:
            raise RegisterFileError(f"the sheet {sheet} has no header row")
        names = _unique([self.header[i] for i in self.kept])
        data: dict[str, pl.Series] = {
            name: pl.Series(name, values, dtype=pl.String)
            for name, values in zip(names, self.columns, strict=True)
        }
        data[LINE] = pl.Series(LINE, self.lines, dtype=pl.Int64)
        # A workbook row has no field count: its trailing blank cells are simply not written.
        data[FIELD_COUNT] = pl.Series(FIELD_COUNT, [None] * len(self.lines), dtype=pl.Int64)
        return RegisterTable(
            header=self.header, frame=pl.DataFrame(data), sheet=sheet, file_format=file_format
        )


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


def _is_data_sheet(name: str, first_row: list[str]) -> bool:
    """Whether a sheet is the data sheet: by its name, or by a Location ID header among more
    than the two columns of the dual registrations sheet."""
    headers = [folded_header(c) for c in first_row if c.strip()]
    return name in DATA_SHEETS or (_LOCATION_ID in headers and len(headers) > 2)


# --- ODS ----------------------------------------------------------------------------------------


def _ods_cell(element: ET.Element) -> str:
    kind = element.get(f"{{{_OFFICE}}}value-type")
    if kind in ("float", "percentage", "currency"):
        value = element.get(f"{{{_OFFICE}}}value")
        if value is not None:
            return value[:-2] if value.endswith(".0") else value
    elif kind == "date":
        return element.get(f"{{{_OFFICE}}}date-value") or ""
    elif kind == "boolean":
        return element.get(f"{{{_OFFICE}}}boolean-value") or ""
    return "\n".join("".join(_ods_text(p)) for p in element.iter(f"{{{_TEXT}}}p"))


def _ods_text(paragraph: ET.Element) -> Iterator[str]:
    """A paragraph's text, with ``text:s`` runs of spaces and ``text:tab`` expanded."""
    if paragraph.text:
        yield paragraph.text
    for child in paragraph:
        if child.tag == f"{{{_TEXT}}}s":
            yield " " * _repeat(child.get(f"{{{_TEXT}}}c"), 1000)
        elif child.tag == f"{{{_TEXT}}}tab":
            yield "\t"
        else:
            yield from _ods_text(child)
        if child.tail:
            yield child.tail


def _repeat(value: str | None, cap: int) -> int:
    if value is None or not value.isdigit():
        return 1
    return max(1, min(int(value), cap))


def _read_ods(path: Path, keep: Callable[[str], bool]) -> RegisterTable:
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        return _stream_ods(stream, keep)


class _OdsTable:
    """The state of one ODS sheet as its rows stream past."""

    def __init__(self, name: str, keep: Callable[[str], bool]) -> None:
        self.name = name
        self.keep = keep
        self.line = 0
        self.rows: _Rows | None = None
        self.skipping = False
        self.seen_first = False

    def add_row(self, cells: list[str], repeat: int) -> None:
        blank = not any(cells)
        if not self.skipping and not blank:
            if not self.seen_first:
                self.seen_first = True
                if _is_data_sheet(self.name, cells):
                    self.rows = _Rows(self.keep)
                else:
                    self.skipping = True
            if self.rows is not None:
                for copy in range(min(repeat, MAX_REPEATED_ROWS)):
                    self.rows.add(self.line + 1 + copy, list(cells))
        self.line += repeat


def _stream_ods(stream: IO[bytes], keep: Callable[[str], bool]) -> RegisterTable:
    table_tag, row_tag = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
    cell_tags = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
    stack: list[ET.Element] = []
    table = _OdsTable("", keep)
    cells: list[str] = []
    for event, element in ET.iterparse(stream, events=("start", "end")):
        if event == "start":
            stack.append(element)
            if element.tag == table_tag:
                table = _OdsTable(element.get(f"{{{_TABLE}}}name") or "", keep)
            elif element.tag == row_tag:
                cells = []
            continue
        stack.pop()
        if element.tag in cell_tags and not table.skipping:
            repeat = _repeat(element.get(f"{{{_TABLE}}}number-columns-repeated"), MAX_COLUMNS)
            start = len(cells)
            count = min(repeat, max(0, MAX_COLUMNS - start))
            # Once the header is read, only the kept columns' cells are worth decoding.
            needed = table.rows is None or any(table.rows.needed[start : start + count])
            cells.extend([_ods_cell(element) if needed else ""] * count)
        elif element.tag == row_tag:
            table.add_row(cells, _repeat(element.get(f"{{{_TABLE}}}number-rows-repeated"), 1 << 30))
            # Drop the row once read, so memory does not grow with the sheet.
            if stack:
                stack[-1].remove(element)
        elif element.tag == table_tag:
            if table.rows is not None:
                return table.rows.table(sheet=table.name, file_format="ods")
            if stack:
                stack[-1].remove(element)
    raise RegisterFileError(f"no sheet named {' or '.join(DATA_SHEETS)} with a Location ID header")


# --- XLSX ---------------------------------------------------------------------------------------


def _column_index(reference: str) -> int:
    letters = re.match(r"[A-Z]+", reference)
    if letters is None:
        return -1
    index = 0
    for letter in letters.group(0):
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings: list[str] = []
    with archive.open("xl/sharedStrings.xml") as stream:
        for _, element in ET.iterparse(stream):
            if element.tag == f"{{{_SHEET}}}si":
                strings.append(
                    "".join(t.text or "" for t in element.iter(f"{{{_SHEET}}}t") if t is not None)
                )
                element.clear()
    return strings


def _xlsx_sheets(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(name, path in the archive) of each sheet, in workbook order."""
    book = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") or "" for r in rels.iter(f"{{{_RELS}}}Relationship")}
    sheets = []
    for sheet in book.iter(f"{{{_SHEET}}}sheet"):
        target = targets.get(sheet.get(f"{{{_DOC_RELS}}}id"), "")
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        sheets.append((sheet.get("name") or "", path))
    return sheets


def _xlsx_cell(element: ET.Element, strings: list[str]) -> str:
    kind = element.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in element.iter(f"{{{_SHEET}}}t"))
    value = element.find(f"{{{_SHEET}}}v")
    text = value.text if value is not None and value.text is not None else ""
    if kind == "s":
        return strings[int(text)] if text.isdigit() and int(text) < len(strings) else ""
    if kind is None or kind == "n":
        return text[:-2] if text.endswith(".0") else text
    return text


def _read_xlsx(path: Path, keep: Callable[[str], bool]) -> RegisterTable:
    with zipfile.ZipFile(path) as archive:
        sheets = _xlsx_sheets(archive)
        strings = _shared_strings(archive)
        ordered = sorted(sheets, key=lambda s: s[0] not in DATA_SHEETS)
        for name, member in ordered:
            with archive.open(member) as stream:
                table = _stream_xlsx(stream, keep, strings, name=name)
            if table is not None:
                return table
    raise RegisterFileError(f"no sheet named {' or '.join(DATA_SHEETS)} with a Location ID header")


def _stream_xlsx(
    stream: IO[bytes], keep: Callable[[str], bool], strings: list[str], *, name: str
) -> RegisterTable | None:
    row_tag, cell_tag = f"{{{_SHEET}}}row", f"{{{_SHEET}}}c"
    rows: _Rows | None = None
    first = True
    line = 0
    for _, element in ET.iterparse(stream):
        if element.tag != row_tag:
            continue
        number = element.get("r")
        line = int(number) if number is not None and number.isdigit() else line + 1
        cells: list[str] = []
        for position, cell in enumerate(element.iter(cell_tag)):
            index = _column_index(cell.get("r") or "")
            index = position if index < 0 else index
            if index >= MAX_COLUMNS:
                break
            cells.extend([""] * (index - len(cells)))
            if index == len(cells):
                cells.append(_xlsx_cell(cell, strings))
        element.clear()
        if first and any(cells):
            first = False
            if not _is_data_sheet(name, cells):
                return None
            rows = _Rows(keep)
        if rows is not None:
            rows.add(line, cells)
    return rows.table(sheet=name, file_format="xlsx") if rows is not None else None


# --- CSV ----------------------------------------------------------------------------------------


def _read_csv(path: Path, keep: Callable[[str], bool]) -> RegisterTable:
    table = read_csv_table(path.read_bytes())
    names = [c for c in table.frame.columns if c not in (LINE, FIELD_COUNT)]
    kept = [c for c, h in zip(names, table.header, strict=False) if h and keep(h)]
    return RegisterTable(
        header=table.header,
        frame=table.frame.select(*kept, LINE, FIELD_COUNT),
        sheet="csv",
        file_format="csv",
    )


def read_register(path: Path, *, keep: Callable[[str], bool]) -> RegisterTable:
    """Read the register's data sheet, keeping the columns whose header ``keep`` accepts.

    Args:
        path: an ODS or XLSX "Care directory with filters", or a CSV export of its data sheet.
        keep: whether to keep a column, given its header as written.

    Raises:
        RegisterFileError: the file cannot be opened or has no data sheet.
        UnreadableFileError: a CSV file that is not text.
    """
    try:
        with path.open("rb") as handle:
            start = handle.read(4)
    except OSError as error:
        raise RegisterFileError(f"{path}: {error.strerror or error}") from error
    if start != ZIP_MAGIC:
        return _read_csv(path, keep)
    try:
        with zipfile.ZipFile(path) as archive:
            members = set(archive.namelist())
        if "content.xml" in members:
            return _read_ods(path, keep)
        if "xl/workbook.xml" in members:
            return _read_xlsx(path, keep)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        KeyError,
        ET.ParseError,
        EOFError,
        zlib.error,
        NotImplementedError,
        RuntimeError,
        ValueError,
        OSError,
        UnicodeDecodeError,
    ) as error:
        raise RegisterFileError(f"{path}: the workbook is damaged ({error})") from error
    raise RegisterFileError(f"{path}: a ZIP archive that is neither an ODS nor an XLSX workbook")


AREA_LOOKUP = ("estimates", "local-authorities.csv")
"""The shipped lookup of local authority names to ONS codes, under careforce/data."""


def read_area_lookup(path: Path | None = None) -> pl.DataFrame:
    """The lookup of the register's local authority names to ONS codes (default: the shipped
    one; see ``careforce/data/estimates/README.md`` for its source)."""
    chosen = path if path is not None else package_data_path(*AREA_LOOKUP)
    return read_csv_table(chosen.read_bytes()).frame.drop(LINE, FIELD_COUNT)


_ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
    f'manifest:media-type="{_ODS_MIMETYPE}"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)
_ODS_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<office:document-content xmlns:office="{_OFFICE}" xmlns:table="{_TABLE}" '
    f'xmlns:text="{_TEXT}" office:version="1.3"><office:body><office:spreadsheet>'
)
REGISTER_TITLE = (
    "Active locations for providers registered under the Health and Social Care Act (HSCA)"
)
"""The first line of the register's README sheet."""


def _ods_text_cell(value: str, number: bool) -> str:
    if value == "":
        return "<table:table-cell/>"
    if number:
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        '<table:table-cell office:value-type="string">'
        f"<text:p>{xml_escape(value)}</text:p></table:table-cell>"
    )


def _ods_row_cells(values: Sequence[str], numbers: Sequence[bool]) -> str:
    """A row's cells, runs of blank cells written once with ``number-columns-repeated`` as
    spreadsheet programs write them."""
    parts, blanks = [], 0
    for value, number in zip(values, numbers, strict=True):
        if value == "":
            blanks += 1
            continue
        if blanks:
            parts.append(f'<table:table-cell table:number-columns-repeated="{blanks}"/>')
            blanks = 0
        parts.append(_ods_text_cell(value, number and value.isdigit()))
    return "".join(parts)


def _member(name: str) -> zipfile.ZipInfo:
    member = zipfile.ZipInfo(name)
    member.compress_type = zipfile.ZIP_DEFLATED
    return member


def write_register_ods(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    as_at: str,
    dual: Sequence[tuple[str, str]] = (),
) -> None:
    """Write a register in CQC's layout: a README sheet, the ``HSCA_Active_Locations`` sheet
    (numbers in ``Care homes beds`` as number cells) and ``Dual_Registration_Locations``.

    Rows are written as they come, so a register of any size is written in little memory.
    """
    beds = [h == "Care homes beds" for h in header]
    with (
        replacing(path) as temporary,
        zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        # Fixed timestamps: the same rows give byte-identical files.
        archive.writestr(zipfile.ZipInfo("mimetype"), _ODS_MIMETYPE)
        archive.writestr(_member("META-INF/manifest.xml"), _ODS_MANIFEST)
        with archive.open(_member("content.xml"), "w") as raw:
            out = io.TextIOWrapper(raw, encoding="utf-8")
            out.write(_ODS_START)
            out.write('<table:table table:name="README">')
            for line in (REGISTER_TITLE, f"Source: CQC database as at {as_at}"):
                out.write(f"<table:table-row>{_ods_text_cell(line, False)}</table:table-row>")
            out.write('</table:table><table:table table:name="HSCA_Active_Locations">')
            out.write(
                "<table:table-row>"
                + "".join(_ods_text_cell(h, False) for h in header)
                + "</table:table-row>"
            )
            for values in rows:
                out.write("<table:table-row>" + _ods_row_cells(values, beds) + "</table:table-row>")
            out.write('</table:table><table:table table:name="Dual_Registration_Locations">')
            for pair in (("Location ID", "Primary ID"), *dual):
                out.write(
                    "<table:table-row>"
                    + "".join(_ods_text_cell(v, False) for v in pair)
                    + "</table:table-row>"
                )
            out.write("</table:table></office:spreadsheet></office:body></office:document-content>")
            out.flush()
            out.detach()
