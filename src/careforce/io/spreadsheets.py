"""Writing published tables as spreadsheets that follow the GSS guidance.

A workbook has a cover sheet, a notes sheet explaining symbols and terms, and one table per
sheet with a single header row, no merged cells and no blank rows. The same workbook is
written as ODS (the open standard) and XLSX.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import polars as pl
import xlsxwriter

SHEET_NAME_LIMIT = 31
"""Spreadsheet programs reject sheet names longer than 31 characters."""


@dataclass(frozen=True)
class Sheet:
    """One sheet: a title, lines of text above the table, and the table (may be empty)."""

    name: str
    title: str
    lines: tuple[str, ...] = ()
    table: pl.DataFrame | None = None


@dataclass(frozen=True)
class Workbook:
    """Sheets in order: cover, notes, then one per table."""

    sheets: list[Sheet] = field(default_factory=list)


def _cell_value(value: object) -> str | float | int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return value
    return str(value)


def _replace(path: Path, write: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix
    )
    os.close(handle)
    try:
        write(temporary)  # type: ignore[operator]
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_xlsx(path: Path, workbook: Workbook) -> None:
    """Write the workbook as XLSX."""

    def write(target: str) -> None:
        book = xlsxwriter.Workbook(
            target,
            {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False},
        )
        heading = book.add_format({"bold": True, "font_size": 14})
        bold = book.add_format({"bold": True, "text_wrap": True})
        for sheet in workbook.sheets:
            page = book.add_worksheet(sheet.name[:SHEET_NAME_LIMIT])
            page.write_string(0, 0, sheet.title, heading)
            row = 1
            for line in sheet.lines:
                page.write_string(row, 0, line)
                row += 1
            if sheet.table is not None:
                for index, name in enumerate(sheet.table.columns):
                    page.write_string(row, index, name, bold)
                    page.set_column(index, index, 18)
                for values in sheet.table.iter_rows():
                    row += 1
                    for index, value in enumerate(values):
                        cell = _cell_value(value)
                        if cell is None:
                            continue
                        if isinstance(cell, str):
                            page.write_string(row, index, cell)
                        else:
                            page.write_number(row, index, cell)
            else:
                page.set_column(0, 0, 120)
        book.close()

    _replace(path, write)


_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
_ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2"'
)
_ODS_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {_ODS_NAMESPACES}>'
    "<office:styles/></office:document-styles>"
)


def _ods_cell(value: object, style: str = "") -> str:
    cell = _cell_value(value)
    styled = f' table:style-name="{style}"' if style else ""
    if cell is None:
        return "<table:table-cell/>"
    if isinstance(cell, str):
        return (
            f'<table:table-cell office:value-type="string"{styled}><text:p>{escape(cell)}</text:p>'
            "</table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="float" office:value="{cell!r}"{styled}>'
        f"<text:p>{cell!r}</text:p></table:table-cell>"
    )


def _ods_sheet(sheet: Sheet) -> str:
    rows = [f"<table:table-row>{_ods_cell(sheet.title, 'heading')}</table:table-row>"]
    rows += [f"<table:table-row>{_ods_cell(line)}</table:table-row>" for line in sheet.lines]
    if sheet.table is not None:
        header = "".join(_ods_cell(name, "bold") for name in sheet.table.columns)
        rows.append(f"<table:table-row>{header}</table:table-row>")
        for values in sheet.table.iter_rows():
            rows.append(
                "<table:table-row>" + "".join(_ods_cell(v) for v in values) + "</table:table-row>"
            )
    name = escape(sheet.name[:SHEET_NAME_LIMIT], {'"': "&quot;"})
    return f'<table:table table:name="{name}">' + "".join(rows) + "</table:table>"


def write_ods(path: Path, workbook: Workbook) -> None:
    """Write the workbook as an OpenDocument spreadsheet (ODS)."""
    styles = (
        "<office:automatic-styles>"
        '<style:style style:name="heading" style:family="table-cell">'
        '<style:text-properties fo:font-weight="bold" fo:font-size="14pt"/></style:style>'
        '<style:style style:name="bold" style:family="table-cell">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        "</office:automatic-styles>"
    )

    def write(target: str) -> None:
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(
                zipfile.ZipInfo("mimetype"),
                "application/vnd.oasis.opendocument.spreadsheet",
                compress_type=zipfile.ZIP_STORED,
            )
            archive.writestr(
                "META-INF/manifest.xml", _ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED
            )
            archive.writestr("styles.xml", _ODS_STYLES, compress_type=zipfile.ZIP_DEFLATED)
            with archive.open("content.xml", "w", force_zip64=True) as stream:
                stream.write(
                    f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODS_NAMESPACES}>'
                    f"{styles}<office:body><office:spreadsheet>".encode()
                )
                for sheet in workbook.sheets:
                    stream.write(_ods_sheet(sheet).encode())
                stream.write(b"</office:spreadsheet></office:body></office:document-content>")

    _replace(path, write)
