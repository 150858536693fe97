"""Writing results: findings (CSV, JSON, XLSX), manifests (JSON) and datasets (Parquet)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import xlsxwriter

from careforce.io.atomic import replacing, write_bytes

FINDINGS_SHEET_COLUMNS = (
    "file",
    "line",
    "column",
    "value",
    "code",
    "severity",
    "message",
    "guidance",
)
"""Columns of the findings workbook (the guidance column helps people fix the file)."""


def write_json(path: Path, payload: Any) -> None:
    """Write JSON (UTF-8, indented) atomically."""
    write_bytes(path, (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode())


def write_csv(path: Path, frame: pl.DataFrame) -> None:
    """Write a frame as UTF-8 CSV atomically."""
    write_bytes(path, frame.write_csv().encode())


def write_parquet(path: Path, frame: pl.DataFrame) -> None:
    """Write a frame as Parquet atomically."""
    with replacing(path) as temporary:
        frame.write_parquet(temporary)


def read_parquet(path: Path) -> pl.DataFrame:
    """Read a Parquet file."""
    return pl.read_parquet(path)


def write_findings_workbook(path: Path, findings: pl.DataFrame, *, title: str) -> None:
    """Write findings to an XLSX workbook: a cover sheet and one sheet of findings.

    Args:
        path: where to write.
        findings: the findings, with a ``guidance`` column.
        title: the cover sheet's heading.
    """
    with replacing(path, keep_suffix=True) as temporary:
        workbook = xlsxwriter.Workbook(
            temporary, {"strings_to_numbers": False, "strings_to_formulas": False}
        )
        bold = workbook.add_format({"bold": True})
        heading = workbook.add_format({"bold": True, "font_size": 14})
        cover = workbook.add_worksheet("Cover")
        cover.write(0, 0, title, heading)
        errors = findings.filter(pl.col("severity") == "error").height
        warnings = findings.filter(pl.col("severity") == "warning").height
        cover.write(
            2, 0, f"Errors: {errors}. Errors must be corrected before the files can be accepted."
        )
        cover.write(
            3, 0, f"Warnings: {warnings}. Warnings are accepted; the value is usually ignored."
        )
        cover.write(4, 0, "The findings are on the sheet 'Findings', one row per finding.")
        cover.set_column(0, 0, 100)
        sheet = workbook.add_worksheet("Findings")
        columns = [c for c in FINDINGS_SHEET_COLUMNS if c in findings.columns]
        for index, name in enumerate(columns):
            sheet.write(0, index, name, bold)
        for row_index, row in enumerate(findings.select(columns).iter_rows(), start=1):
            for index, value in enumerate(row):
                if isinstance(value, int):
                    sheet.write_number(row_index, index, value)
                else:
                    sheet.write_string(row_index, index, "" if value is None else str(value))
        sheet.autofilter(0, 0, max(findings.height, 1), len(columns) - 1)
        sheet.freeze_panes(1, 0)
        for index, width in enumerate((10, 8, 28, 24, 36, 9, 70, 70)[: len(columns)]):
            sheet.set_column(index, index, width)
        workbook.close()
