"""Hand-built CQC registers in the real layout ("Care directory with filters"), written as ODS
with the padding cells of the published file, as XLSX and as CSV."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from openpyxl import Workbook

from careforce.core.vocab.cqc_register import REGISTER_LAYOUT

TITLE = "Active locations for providers registered under the Health and Social Care Act (HSCA)"

DEFAULTS: Mapping[str, str] = {
    "Dormant (Y/N)": "N",
    "Care home?": "N",
    "Care homes beds": "0",
    "Location Inspection Directorate": "Adult social care",
    "Location Region": "West Midlands",
    "Location Local Authority": "Staffordshire",
    "Location Latest Overall Rating": "Good",
    "Brand Name": "-",
    "Location HSCA start date": "2015-04-01T00:00:00",
}


def register_row(location_id: str, **cells: str) -> list[str]:
    """A data row: the location id, the defaults, and cells named by header (spaces in a
    header's name written as ``_`` are not supported: pass a mapping with ``cells``)."""
    values = dict(DEFAULTS) | cells
    values["Location ID"] = location_id
    return [values.get(h, "") for h in REGISTER_LAYOUT]


def row(location_id: str, cells: Mapping[str, str] | None = None) -> list[str]:
    """A data row from a mapping of header to value (defaults for the rest)."""
    values = dict(DEFAULTS) | dict(cells or {})
    values["Location ID"] = location_id
    return [values.get(h, "") for h in REGISTER_LAYOUT]


def care_home(location_id: str, beds: int, *, nursing: bool = False, **more: str) -> list[str]:
    """A care home row (with or without nursing)."""
    service = "Service type - Care home service " + (
        "with nursing" if nursing else "without nursing"
    )
    return row(
        location_id,
        {"Care home?": "Y", "Care homes beds": str(beds), service: "Y", **more},
    )


def home_care(location_id: str, **more: str) -> list[str]:
    """A domiciliary care agency row."""
    return row(location_id, {"Service type - Domiciliary care service": "Y", **more})


def _ods_cell(value: str, header: str) -> str:
    if value == "":
        return "<table:table-cell/>"
    if header == "Care homes beds" and value.isdigit():
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}" '
            f'calcext:value-type="float"><text:p>{value}</text:p></table:table-cell>'
        )
    if header.endswith("start date") and value.endswith("T00:00:00"):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value}">'
            f"<text:p>{escape(value[:10])}</text:p></table:table-cell>"
        )
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def _ods_row(cells: Sequence[str], header: Sequence[str]) -> str:
    body = "".join(_ods_cell(v, h) for v, h in zip(cells, header, strict=True))
    # The published file pads every row to the sheet's last column.
    return f'<table:table-row>{body}<table:table-cell table:number-columns-repeated="16262"/></table:table-row>'


def write_register_ods(
    path: Path,
    rows: Sequence[Sequence[str]],
    *,
    header: Sequence[str] = REGISTER_LAYOUT,
    sheet: str = "HSCA_Active_Locations",
    dual: Sequence[tuple[str, str]] = (),
) -> Path:
    """An ODS register: a README sheet, the data sheet padded as CQC pads it, the dual
    registrations sheet."""
    readme = (
        '<table:table table:name="README">'
        f'<table:table-row><table:table-cell office:value-type="string"><text:p>{escape(TITLE)}</text:p></table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Source: CQC database as at 01 October 2026</text:p></table:table-cell></table:table-row>'
        "</table:table>"
    )
    data = "".join(
        [
            f"<table:table table:name={quoteattr(sheet)}>",
            '<table:table-column table:number-columns-repeated="16384"/>',
            _ods_row(list(header), list(header)),
            *(_ods_row(list(r), list(header)) for r in rows),
            '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>',
            "</table:table>",
        ]
    )
    dual_sheet = "".join(
        [
            '<table:table table:name="Dual_Registration_Locations">',
            _ods_row(["Location ID", "Primary ID"], ["", ""]),
            *(_ods_row([a, b], ["", ""]) for a, b in dual),
            "</table:table>",
        ]
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
        'office:version="1.3"><office:body><office:spreadsheet>'
        f"{readme}{data}{dual_sheet}"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("content.xml", content)
    return path


def write_register_xlsx(
    path: Path,
    rows: Sequence[Sequence[str]],
    *,
    header: Sequence[str] = REGISTER_LAYOUT,
    sheet: str = "HSCA Active Locations",
) -> Path:
    """An XLSX register as the 2020/21 editions were (data sheet named with spaces)."""
    book = Workbook()
    readme = book.active
    assert readme is not None
    readme.title = "README"
    readme.append([TITLE])
    data = book.create_sheet(sheet)
    data.append(list(header))
    for values in rows:
        data.append(
            [
                int(v) if h == "Care homes beds" and v.isdigit() else (v or None)
                for v, h in zip(values, header, strict=True)
            ]
        )
    book.save(path)
    return path


def write_register_csv(
    path: Path, rows: Sequence[Sequence[str]], *, header: Sequence[str] = REGISTER_LAYOUT
) -> Path:
    """A CSV export of the data sheet."""
    with path.open("w", newline="", encoding="utf-8-sig") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path
