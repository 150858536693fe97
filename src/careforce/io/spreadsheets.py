"""Spreadsheets: published tables in workbooks that follow the GSS guidance, and findings.

A workbook has a cover sheet, a notes sheet explaining symbols and terms, and one table per
sheet with a single header row, no merged cells and no blank rows. The same workbook is
written as ODS (the open standard) and XLSX. Findings of a file set are written to an XLSX
workbook of their own (a cover sheet and sheets of findings, as many as their number needs).
Text is always written as a text cell (never a formula), and every text cell is neutralised by
:mod:`careforce.io.safe_cells`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

import polars as pl

from careforce.io.atomic import replacing
from careforce.io.safe_cells import neutralise, neutralised_expression

FINDINGS_SHEET_COLUMNS = (
    "file",
    "line",
    "workplace_reference",
    "worker_reference",
    "column",
    "value",
    "code",
    "severity",
    "message",
    "guidance",
)
"""Columns of the findings workbook (the guidance column helps people fix the file; the
workplace and worker references of each line are there only in the uploading organisation's
own download)."""
FINDINGS_COLUMN_WIDTHS: Final = {
    "file": 10,
    "line": 8,
    "workplace_reference": 20,
    "worker_reference": 18,
    "column": 28,
    "value": 24,
    "code": 36,
    "severity": 9,
    "message": 70,
    "guidance": 70,
}
"""Widths of the findings sheets' columns, in characters."""
EXCEL_DATA_ROWS = 1_048_575
"""Rows a worksheet holds below its header row (spreadsheet programs stop at 1,048,576)."""
FINDINGS_CHUNK_ROWS = 50_000
"""Findings rendered to XML at a time."""


SHEET_NAME_LIMIT = 31
"""Spreadsheet programs reject sheet names longer than 31 characters."""
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
"""Characters spreadsheet programs reject in sheet names."""


def sheet_name(text: str) -> str:
    """A human sheet name from a title: the characters spreadsheet programs reject left out,
    and cut at a word within the length they accept.

    >>> sheet_name("Share of workers paid below the real Living Wage")
    'Share of workers paid below the'
    >>> sheet_name("Vacancies: by role/group")
    'Vacancies by role group'
    """
    words = _NOT_IN_SHEET_NAMES.sub(" ", text).split()
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > SHEET_NAME_LIMIT:
            break
        kept.append(word)
    return " ".join(kept) if kept else " ".join(words)[:SHEET_NAME_LIMIT]


NUMBER_FORMATS = {
    "percent": "0.0%",
    "integer": "#,##0",
    "decimal1": "#,##0.0",
    "pounds2": '"£"#,##0.00',
    "pounds0": '"£"#,##0',
}
"""Number formats cells can have (as the pages write numbers), by name: the XLSX format code.
A percentage cell holds the fraction (0.322) and shows 32.2%."""
_FORMAT_STYLES = {name: 3 + index for index, name in enumerate(NUMBER_FORMATS)}
"""Index of each number format's cell style in the XLSX stylesheet (after the three text ones)."""


@dataclass(frozen=True)
class Sheet:
    """One sheet: a title, lines of text above the table, and the table (may be empty)."""

    name: str
    title: str
    lines: tuple[str, ...] = ()
    table: pl.DataFrame | None = None
    formats: Mapping[str, pl.Expr] = field(default_factory=dict)
    """Number format of each numeric column's cells: an expression giving, per row, a name of
    :data:`NUMBER_FORMATS` (or null for the general format)."""
    symbols: Mapping[str, pl.Expr] = field(default_factory=dict)
    """Text written where a numeric column's cell is empty: an expression giving, per row, a
    GSS symbol such as ``[c]`` (or null to leave the cell empty)."""


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
    return neutralise(str(value))


_XLSX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
_XLSX_SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
_XLSX_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_XLSX_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "{number_formats}"
    '<fonts count="3"><font><sz val="11"/><name val="Arial"/></font>'
    '<font><b/><sz val="11"/><name val="Arial"/></font>'
    '<font><b/><sz val="14"/><name val="Arial"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="{count}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>{formats}'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _xlsx_styles() -> str:
    codes = "".join(
        f'<numFmt numFmtId="{164 + i}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
        for i, code in enumerate(NUMBER_FORMATS.values())
    )
    styles = "".join(
        f'<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/>'
        for i in range(len(NUMBER_FORMATS))
    )
    return (
        _XLSX_STYLES.replace(
            "{number_formats}", f'<numFmts count="{len(NUMBER_FORMATS)}">{codes}</numFmts>'
        )
        .replace("{count}", str(3 + len(NUMBER_FORMATS)))
        .replace("{formats}", styles)
    )


_XLSX_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
_BOLD, _HEADING = 1, 2
"""Style indexes in the XLSX stylesheet."""
_CONTROL = "[\x00-\x08\x0b\x0c\x0e-\x1f]"
"""Characters XML 1.0 cannot hold."""


def _escaped(column: pl.Expr) -> pl.Expr:
    return (
        column.str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
    )


_FORMAT_PREFIX = "\x00format:"
"""Prefix of the working columns holding each numeric column's number formats."""


def _format_of(formats: Mapping[str, pl.Expr], name: str) -> pl.Expr | None:
    return pl.col(_FORMAT_PREFIX + name) if name in formats else None


def _number_cell(
    value: pl.Expr, number_format: pl.Expr | None, *, ods: bool, letter: str, row: pl.Expr
) -> pl.Expr:
    """A numeric cell, with its number format's style when it has one."""
    if number_format is None:
        number_format = pl.lit(None, dtype=pl.String)
    if ods:
        return pl.format(
            '<table:table-cell office:value-type="{}" office:value="{}"{}><text:p>{}</text:p>'
            "</table:table-cell>",
            pl.when(number_format == "percent")
            .then(pl.lit("percentage"))
            .otherwise(pl.lit("float")),
            value,
            pl.when(number_format.is_in(list(NUMBER_FORMATS)))
            .then(pl.format(' table:style-name="{}"', number_format))
            .otherwise(pl.lit("")),
            value,
        )
    style = number_format.replace_strict(
        {k: f' s="{v}"' for k, v in _FORMAT_STYLES.items()}, default=""
    ).fill_null("")
    return pl.format('<c r="{}{}"{}><v>{}</v></c>', pl.lit(letter), row, style, value)


_SYMBOL_PREFIX = "\x00symbol:"
"""Prefix of the working columns holding each numeric column's symbols."""


def _symbol_cell(
    symbol: pl.Expr, empty: pl.Expr, *, ods: bool, letter: str, row: pl.Expr
) -> pl.Expr:
    """A text cell holding a row's symbol in a numeric column, or the empty cell without one."""
    text = _escaped(symbol)
    if ods:
        cell = pl.format(
            '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>',
            text,
        )
    else:
        cell = pl.format(
            '<c r="{}{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>',
            pl.lit(letter),
            row,
            text,
        )
    return pl.when(symbol.is_null()).then(empty).otherwise(cell)


def _rendered_rows(
    table: pl.DataFrame,
    *,
    ods: bool,
    first_row: int = 1,
    formats: Mapping[str, pl.Expr] | None = None,
    symbols: Mapping[str, pl.Expr] | None = None,
) -> list[str]:
    """Every data row of a table rendered to XML by Polars, which is fast for large tables
    (numeric cells with the number format ``formats`` gives them, if any)."""
    cells = []
    letters = _column_letters(table.width)
    columns = list(table.schema.items())
    if formats:
        # Evaluated as columns first, so that a constant format is given to every row.
        table = table.with_columns(
            expression.cast(pl.String).alias(_FORMAT_PREFIX + name)
            for name, expression in formats.items()
            if name in table.columns
        )
    if symbols:
        table = table.with_columns(
            expression.cast(pl.String).alias(_SYMBOL_PREFIX + name)
            for name, expression in symbols.items()
            if name in table.columns
        )
    row_number = (pl.int_range(pl.len()) + first_row).cast(pl.String)
    for letter, (name, dtype) in zip(letters, columns, strict=True):
        column = pl.col(name)
        numeric = dtype.is_numeric()
        if numeric:
            value = (
                column.cast(pl.Float64).cast(pl.String)
                if dtype.is_float()
                else column.cast(pl.String)
            )
        elif dtype == pl.Boolean:
            value = pl.when(column).then(pl.lit("TRUE")).otherwise(pl.lit("FALSE"))
        else:
            value = _escaped(neutralised_expression(column.cast(pl.String)))
        if numeric:
            number_format = _format_of(formats or {}, name)
            cell = _number_cell(value, number_format, ods=ods, letter=letter, row=row_number)
        elif ods:
            cell = pl.format(
                '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>',
                value,
            )
        else:
            cell = pl.format(
                '<c r="{}{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>',
                pl.lit(letter),
                row_number,
                value,
            )
        empty: pl.Expr = pl.lit("<table:table-cell/>" if ods else "")
        if numeric and symbols and name in symbols:
            empty = _symbol_cell(
                pl.col(_SYMBOL_PREFIX + name), empty, ods=ods, letter=letter, row=row_number
            )
        cells.append(pl.when(column.is_null()).then(empty).otherwise(cell))
    if ods:
        row = pl.concat_str([pl.lit("<table:table-row>"), *cells, pl.lit("</table:table-row>")])
    else:
        row = pl.concat_str([pl.format('<row r="{}">', row_number), *cells, pl.lit("</row>")])
    return table.select(row.alias("row")).to_series().to_list()


def _column_letters(count: int) -> list[str]:
    letters = []
    for index in range(count):
        name, number = "", index + 1
        while number:
            number, remainder = divmod(number - 1, 26)
            name = chr(65 + remainder) + name
        letters.append(name)
    return letters


def _xlsx_row(number: int, values: tuple[object, ...], letters: list[str], style: int = 0) -> str:
    styled = f' s="{style}"' if style else ""
    cells = []
    for letter, value in zip(letters, values, strict=False):
        cell = _cell_value(value)
        if cell is None:
            continue
        reference = f"{letter}{number}"
        if isinstance(cell, str):
            cells.append(
                f'<c r="{reference}" t="inlineStr"{styled}><is><t xml:space="preserve">'
                f"{escape(cell)}</t></is></c>"
            )
        else:
            cells.append(f'<c r="{reference}"{styled}><v>{cell!r}</v></c>')
    return f'<row r="{number}">' + "".join(cells) + "</row>"


def _xlsx_sheet(sheet: Sheet) -> str:
    width = max(1, len(sheet.table.columns) if sheet.table is not None else 1)
    letters = _column_letters(width)
    rows = [_xlsx_row(1, (sheet.title,), letters, _HEADING)]
    rows += [_xlsx_row(n, (line,), letters) for n, line in enumerate(sheet.lines, start=2)]
    if sheet.table is not None:
        number = len(rows) + 1
        rows.append(_xlsx_row(number, tuple(sheet.table.columns), letters, _BOLD))
        rows += _rendered_rows(
            sheet.table,
            ods=False,
            first_row=number + 1,
            formats=sheet.formats,
            symbols=sheet.symbols,
        )
    widths = "".join(
        f'<col min="{i}" max="{i}" width="18" customWidth="1"/>' for i in range(1, width + 1)
    )
    return f"{_XLSX_SHEET_START}<cols>{widths}</cols><sheetData>{''.join(rows)}</sheetData></worksheet>"


def _write_xlsx_package(archive: zipfile.ZipFile, names: list[str], defined: str = "") -> None:
    """Write every part of an XLSX archive but its worksheets (``sheet1.xml``, ... in order)."""
    sheets = "".join(
        f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{n}" r:id="rId{n}"/>'
        for n, name in enumerate(names, start=1)
    )
    book = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{sheets}</sheets>{defined}</workbook>"
    )
    relations = "".join(
        f'<Relationship Id="rId{n}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(names) + 1)
    )
    style_id = len(names) + 1
    relations += (
        f'<Relationship Id="rId{style_id}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/>'
    )
    archive.writestr(
        "[Content_Types].xml",
        _XLSX_CONTENT_TYPES.format(
            sheets="".join(_XLSX_SHEET_TYPE.format(n=n) for n in range(1, len(names) + 1))
        ),
    )
    archive.writestr("_rels/.rels", _XLSX_ROOT_RELS)
    archive.writestr("xl/workbook.xml", book)
    archive.writestr(
        "xl/_rels/workbook.xml.rels",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{relations}</Relationships>",
    )
    archive.writestr("xl/styles.xml", _xlsx_styles())


def write_xlsx(path: Path, workbook: Workbook) -> None:
    """Write the workbook as XLSX (Office Open XML, cells as inline strings and numbers)."""
    names = _unique_sheet_names(workbook)
    with (
        replacing(path, keep_suffix=True) as temporary,
        zipfile.ZipFile(
            temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
        ) as archive,
    ):
        _write_xlsx_package(archive, names)
        for n, sheet in enumerate(workbook.sheets, start=1):
            archive.writestr(f"xl/worksheets/sheet{n}.xml", _xlsx_sheet(sheet))


def _unique_sheet_names(workbook: Workbook) -> list[str]:
    names: list[str] = []
    for sheet in workbook.sheets:
        name = sheet.name[:SHEET_NAME_LIMIT]
        suffix = 2
        while name in names:
            name = f"{sheet.name[: SHEET_NAME_LIMIT - 3]}~{suffix}"
            suffix += 1
        names.append(name)
    return names


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
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2"'
)
_ODS_NUMBER_STYLES = (
    '<number:percentage-style style:name="N-percent"><number:number number:decimal-places="1" '
    'number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>'
    '<number:number-style style:name="N-integer"><number:number number:decimal-places="0" '
    'number:min-integer-digits="1" number:grouping="true"/></number:number-style>'
    '<number:number-style style:name="N-decimal1"><number:number number:decimal-places="1" '
    'number:min-integer-digits="1" number:grouping="true"/></number:number-style>'
    '<number:number-style style:name="N-pounds2"><number:text>£</number:text><number:number '
    'number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>'
    "</number:number-style>"
    '<number:number-style style:name="N-pounds0"><number:text>£</number:text><number:number '
    'number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>'
    "</number:number-style>"
    + "".join(
        f'<style:style style:name="{name}" style:family="table-cell" '
        f'style:data-style-name="N-{name}"/>'
        for name in NUMBER_FORMATS
    )
)
"""ODS number styles and the cell styles using them, named as :data:`NUMBER_FORMATS`."""
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
        rows += _rendered_rows(sheet.table, ods=True, formats=sheet.formats, symbols=sheet.symbols)
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
        f"{_ODS_NUMBER_STYLES}"
        "</office:automatic-styles>"
    )

    def write(target: Path) -> None:
        with zipfile.ZipFile(
            target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
        ) as archive:
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

    with replacing(path, keep_suffix=True) as temporary:
        write(temporary)


def findings_sheet_names(count: int) -> list[str]:
    """The sheets ``count`` findings fill: 'Findings', 'Findings (2)', ... of at most
    :data:`EXCEL_DATA_ROWS` rows each (one sheet even with no findings)."""
    sheets = max(1, -(-count // EXCEL_DATA_ROWS))
    return ["Findings", *(f"Findings ({number})" for number in range(2, sheets + 1))]


def _findings_cover(findings: pl.DataFrame, names: list[str], title: str) -> str:
    errors = findings.filter(pl.col("severity") == "error").height
    warnings = findings.filter(pl.col("severity") == "warning").height
    if len(names) == 1:
        where = "The findings are on the sheet 'Findings', one row per finding."
    else:
        where = (
            f"The findings are on the sheets '{names[0]}' to '{names[-1]}', one row per "
            f"finding, at most {EXCEL_DATA_ROWS:,} rows to a sheet (the most a spreadsheet "
            f"can hold); all {findings.height:,} are on {len(names)} sheets, and the CSV file "
            "has them in one table."
        )
    lines = (
        f"Errors: {errors}. Errors must be corrected before the files can be accepted.",
        f"Warnings: {warnings}. Warnings are accepted; the value is usually ignored.",
        where,
    )
    rows = [_xlsx_row(1, (title,), ["A"], _HEADING)]
    rows += [_xlsx_row(number, (line,), ["A"]) for number, line in enumerate(lines, start=3)]
    return (
        f"{_XLSX_SHEET_START}<cols>"
        '<col min="1" max="1" width="100" customWidth="1"/></cols>'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )


def _xml_text(column: pl.Series) -> pl.Series:
    """Control characters XML cannot hold, written as spreadsheets escape them (_x001F_)."""
    if not column.str.contains(_CONTROL).any():
        return column
    for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)):
        column = column.str.replace_all(chr(code), f"_x{code:04X}_", literal=True)
    return column


def _write_findings_sheet(archive: zipfile.ZipFile, number: int, table: pl.DataFrame) -> None:
    letters = _column_letters(table.width)
    widths = "".join(
        f'<col min="{index}" max="{index}" width="{width}" customWidth="1"/>'
        for index, width in enumerate(
            (FINDINGS_COLUMN_WIDTHS.get(name, 20) for name in table.columns), start=1
        )
    )
    with archive.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as stream:
        stream.write(
            (
                f'{_XLSX_SHEET_START}<sheetViews><sheetView workbookViewId="0">'
                '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                f"</sheetView></sheetViews><cols>{widths}</cols><sheetData>"
                + _xlsx_row(1, tuple(table.columns), letters, _BOLD)
            ).encode()
        )
        for offset, chunk in enumerate(table.iter_slices(FINDINGS_CHUNK_ROWS)):
            first = 2 + offset * FINDINGS_CHUNK_ROWS
            stream.write("".join(_rendered_rows(chunk, ods=False, first_row=first)).encode())
        last = letters[-1] + str(max(table.height, 1) + 1)
        stream.write(f'</sheetData><autoFilter ref="A1:{last}"/></worksheet>'.encode())


def write_findings_workbook(path: Path, findings: pl.DataFrame, *, title: str) -> None:
    """Write findings to an XLSX workbook: a cover sheet and the findings, one row each.

    Findings beyond a sheet's :data:`EXCEL_DATA_ROWS` rows go on further sheets ('Findings
    (2)', ...), and the cover says so: nothing is left out. Rows are rendered by Polars and
    streamed into the archive, so memory stays small for any number of findings.

    Args:
        path: where to write.
        findings: the findings, with a ``guidance`` column.
        title: the cover sheet's heading.
    """
    columns = [c for c in FINDINGS_SHEET_COLUMNS if c in findings.columns]
    table = findings.select(columns).with_columns(
        pl.col(name).map_batches(_xml_text, return_dtype=pl.String)
        for name in columns
        if findings.schema[name] == pl.String
    )
    names = ["Cover", *findings_sheet_names(table.height)]
    with (
        replacing(path, keep_suffix=True) as temporary,
        zipfile.ZipFile(
            temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
        ) as archive,
    ):
        parts = [
            table.slice(start, EXCEL_DATA_ROWS)
            for start in range(0, max(table.height, 1), EXCEL_DATA_ROWS)
        ]
        last = _column_letters(len(columns))[-1]
        filters = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
            f"'{name}'!$A$1:${last}${max(part.height, 1) + 1}</definedName>"
            for index, (name, part) in enumerate(zip(names[1:], parts, strict=True), start=1)
        )
        _write_xlsx_package(archive, names, f"<definedNames>{filters}</definedNames>")
        archive.writestr("xl/worksheets/sheet1.xml", _findings_cover(findings, names[1:], title))
        for number, part in enumerate(parts, start=2):
            _write_findings_sheet(archive, number, part)
