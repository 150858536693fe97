"""Downloads of what a page shows: CSV, and ODS or XLSX workbooks in the GSS layout."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import polars as pl

from careforce.core.publishing.shown import as_shown, as_text, number_formats
from careforce.core.vocab.published import SYMBOL_NOTES
from careforce.io.downloads import csv_bytes, ods_bytes, xlsx_bytes
from careforce.io.spreadsheets import Sheet, Workbook
from careforce.web.backend.demo_mode import demo_notice

UNROUNDED_NOTE = (
    "Unrounded values for analysts: the published values to full precision, rates and shares "
    "as fractions (0.322 means 32.2%). They are the published figures, after disclosure "
    "control: withheld cells stay withheld and counts stay rounded to the nearest 5."
)
"""The line an analyst's unrounded download carries instead of :data:`DOWNLOAD_NOTE`."""
DOWNLOAD_NOTE = (
    "Figures are as the page shows them: percentages to one decimal place, pounds to the "
    "penny (hourly) or pound (yearly), counts as whole numbers. The unrounded values are in "
    "a measure page's download of unrounded values for analysts, and in the publication's "
    "own files (indicators.csv)."
)
"""What a page download says about its figures."""

BOM = b"\xef\xbb\xbf"
"""The UTF-8 byte-order mark CSV downloads start with."""


class DownloadFormat(StrEnum):
    """Formats of page downloads."""

    CSV = "csv"
    ODS = "ods"
    XLSX = "xlsx"

    @property
    def media_type(self) -> str:
        """The HTTP content type."""
        return {
            DownloadFormat.CSV: "text/csv; charset=utf-8",
            DownloadFormat.ODS: "application/vnd.oasis.opendocument.spreadsheet",
            DownloadFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[self]


@dataclass(frozen=True)
class DownloadTable:
    """One table of a download.

    Attributes:
        name: the sheet's name (at most 31 characters are kept).
        title: what the table shows.
        frame: the rows, exactly as the page shows them.
    """

    name: str
    title: str
    frame: pl.DataFrame


def with_notice(data: bytes) -> bytes:
    """CSV bytes with the demo's synthetic-data notice as their first line in demo mode (after
    the byte-order mark, before the header); unchanged otherwise."""
    notice = demo_notice()
    if not notice:
        return data
    bom = BOM if data.startswith(BOM) else b""
    return bom + f"{notice}\n".encode() + data.removeprefix(BOM)


def page_download(
    *,
    title: str,
    lines: Sequence[str],
    tables: Sequence[DownloadTable],
    file_format: DownloadFormat,
    unrounded: bool = False,
) -> bytes:
    """The tables of a page as CSV (all tables stacked, with a ``table`` column) or as a
    workbook with a cover sheet, a notes sheet explaining the symbols and a sheet per table.

    Tables of published values (with a ``unit`` column) hold them as the page shows them: in
    CSV written as the page writes them (32.2%), in a workbook rounded alike with the number
    format that shows them so (percentages, pounds, whole counts). With ``unrounded`` they hold
    the published values as published, to full precision, for analysts (rates and shares as
    fractions). In demo mode the first line (of the CSV, and of the cover sheet) says the data
    are synthetic."""
    notice = demo_notice()
    if notice:
        lines = (notice, *lines)
    if file_format is DownloadFormat.CSV:
        stacked = (
            pl.concat(
                [
                    (table.frame if unrounded else as_text(table.frame)).select(
                        pl.lit(table.title).alias("table"), pl.all()
                    )
                    for table in tables
                ],
                how="diagonal_relaxed",
            )
            if tables
            else pl.DataFrame()
        )
        return with_notice(csv_bytes(stacked))
    cover = Sheet(name="Cover", title=title, lines=tuple(lines))
    notes = Sheet(
        name="Notes",
        title="Notes and symbols",
        table=pl.DataFrame(
            {"symbol": [s.value for s in SYMBOL_NOTES], "meaning": list(SYMBOL_NOTES.values())}
        ),
    )
    sheets = [cover, notes]
    used: set[str] = set()
    for index, table in enumerate(tables, start=1):
        name = table.name[:28]
        if name in used:
            name = f"{name[:25]} {index}"
        used.add(name)
        if unrounded:
            sheets.append(Sheet(name=name, title=table.title, table=table.frame))
            continue
        shown = as_shown(table.frame)
        sheets.append(
            Sheet(name=name, title=table.title, table=shown, formats=number_formats(shown))
        )
    workbook = Workbook(sheets)
    return ods_bytes(workbook) if file_format is DownloadFormat.ODS else xlsx_bytes(workbook)
