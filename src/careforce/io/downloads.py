"""Downloads made in memory: a table as CSV bytes, a workbook as ODS or XLSX bytes.

The workbooks are written by :mod:`careforce.io.spreadsheets` (the GSS layout: cover sheet,
notes sheet, one table per sheet) to a temporary file and read back.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl

from careforce.io.safe_cells import neutralised_frame
from careforce.io.spreadsheets import Workbook, write_ods, write_xlsx


def csv_bytes(frame: pl.DataFrame) -> bytes:
    """A table as UTF-8 CSV (with a byte-order mark, so spreadsheet programs read it as UTF-8),
    its text cells safe to open in a spreadsheet program (:mod:`careforce.io.safe_cells`)."""
    return b"\xef\xbb\xbf" + neutralised_frame(frame).write_csv().encode()


def ods_bytes(workbook: Workbook) -> bytes:
    """A workbook as an OpenDocument spreadsheet."""
    with tempfile.TemporaryDirectory(prefix="careforce-ods-") as folder:
        path = Path(folder) / "download.ods"
        write_ods(path, workbook)
        return path.read_bytes()


def xlsx_bytes(workbook: Workbook) -> bytes:
    """A workbook as an Excel workbook."""
    with tempfile.TemporaryDirectory(prefix="careforce-xlsx-") as folder:
        path = Path(folder) / "download.xlsx"
        write_xlsx(path, workbook)
        return path.read_bytes()
