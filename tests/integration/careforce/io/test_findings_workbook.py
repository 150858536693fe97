"""The findings workbook: every finding on a sheet, split across sheets at a spreadsheet's row
limit, and a cover that says where they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest

from careforce.io import spreadsheets
from careforce.io.spreadsheets import findings_sheet_names, write_findings_workbook

pytestmark = pytest.mark.integration

HEADER = ["file", "line", "column", "value", "code", "severity", "message", "guidance"]


def findings(count: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "file": ["staff"] * count,
            "line": list(range(2, count + 2)),
            "column": ["DOB"] * count,
            "value": [f"v{n}" for n in range(count)],
            "code": ["STF-DOB"] * count,
            "severity": ["error" if n % 3 else "warning" for n in range(count)],
            "message": ["Bad date"] * count,
            "guidance": ["Use dd/mm/yyyy"] * count,
        },
        schema_overrides={"line": pl.Int64},
    )


def cells(sheet: Any) -> list[list[object]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def cover_lines(book: Any) -> list[object]:
    return [row[0] for row in cells(book["Cover"]) if row and row[0] is not None]


class TestSheets:
    def test_findings_past_the_row_limit_go_on_further_sheets(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(spreadsheets, "EXCEL_DATA_ROWS", 3)
        monkeypatch.setattr(spreadsheets, "FINDINGS_CHUNK_ROWS", 2)
        frame = findings(7)
        write_findings_workbook(tmp_path / "f.xlsx", frame, title="Findings of a test")
        book = openpyxl.load_workbook(tmp_path / "f.xlsx")
        assert book.sheetnames == ["Cover", "Findings", "Findings (2)", "Findings (3)"]
        sheets = [cells(book[name]) for name in book.sheetnames[1:]]
        assert [len(rows) for rows in sheets] == [4, 4, 2]
        assert all(rows[0] == HEADER for rows in sheets)
        assert [row for rows in sheets for row in rows[1:]] == [list(r) for r in frame.rows()]
        assert [book[name].auto_filter.ref for name in book.sheetnames[1:]] == [
            "A1:H4",
            "A1:H4",
            "A1:H2",
        ]
        assert book["Findings (2)"].freeze_panes == "A2"
        assert cover_lines(book) == [
            "Findings of a test",
            "Errors: 4. Errors must be corrected before the files can be accepted.",
            "Warnings: 3. Warnings are accepted; the value is usually ignored.",
            "The findings are on the sheets 'Findings' to 'Findings (3)', one row per finding, "
            "at most 3 rows to a sheet (the most a spreadsheet can hold); all 7 are on 3 "
            "sheets, and the CSV file has them in one table.",
        ]

    def test_findings_within_the_limit_are_on_one_sheet(self, tmp_path: Path) -> None:
        frame = findings(5)
        write_findings_workbook(tmp_path / "f.xlsx", frame, title="T")
        book = openpyxl.load_workbook(tmp_path / "f.xlsx")
        assert book.sheetnames == ["Cover", "Findings"]
        assert cells(book["Findings"])[1:] == [list(r) for r in frame.rows()]
        assert book["Findings"]["A1"].font.b
        assert book["Cover"]["A1"].font.sz == 14
        assert cover_lines(book)[-1] == (
            "The findings are on the sheet 'Findings', one row per finding."
        )

    def test_no_findings_gives_a_header_row(self, tmp_path: Path) -> None:
        write_findings_workbook(tmp_path / "f.xlsx", findings(0), title="T")
        book = openpyxl.load_workbook(tmp_path / "f.xlsx")
        assert cells(book["Findings"]) == [HEADER]
        assert cover_lines(book)[1:3] == [
            "Errors: 0. Errors must be corrected before the files can be accepted.",
            "Warnings: 0. Warnings are accepted; the value is usually ignored.",
        ]

    def test_markup_is_kept_and_control_characters_escaped(self, tmp_path: Path) -> None:
        # XML cannot hold control characters: they are written as Excel escapes them.
        frame = findings(2).with_columns(
            pl.Series("value", ["<a & b>", "x\x01\x1fy"]), pl.Series("column", [None, "Z"])
        )
        write_findings_workbook(tmp_path / "f.xlsx", frame, title="T")
        rows = cells(openpyxl.load_workbook(tmp_path / "f.xlsx")["Findings"])
        assert [row[2:4] for row in rows[1:]] == [[None, "<a & b>"], ["Z", "x_x0001__x001F_y"]]

    @pytest.mark.parametrize(
        ("count", "sheets"), [(0, 1), (1, 1), (1_048_575, 1), (1_048_576, 2), (2_097_151, 3)]
    )
    def test_sheet_count_follows_the_row_limit(self, count: int, sheets: int) -> None:
        names = findings_sheet_names(count)
        assert len(names) == sheets
        assert names[0] == "Findings"
        assert names[-1] == ("Findings" if sheets == 1 else f"Findings ({sheets})")
