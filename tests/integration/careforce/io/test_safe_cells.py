"""Every text cell of a CSV file or workbook careforce writes is safe to open in a spreadsheet
program: a text starting with a formula character gets a quote in front (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from odf.opendocument import load as load_ods
from odf.table import Table, TableCell, TableRow
from odf.text import P

from careforce.io.csv_text import write_csv
from careforce.io.downloads import csv_bytes, ods_bytes, xlsx_bytes
from careforce.io.projection_files import frame_as_csv
from careforce.io.safe_cells import FORMULA_STARTS, neutralise, neutralised_frame, restore
from careforce.io.spreadsheets import Sheet, Workbook, write_findings_workbook
from injection_support import INJECTIONS


def _findings(value: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "file": ["staff"],
            "line": [2],
            "column": ["HRS"],
            "value": [value],
            "code": ["S001"],
            "severity": ["error"],
            "message": [value],
            "guidance": ["Correct the value."],
        }
    )


def _csv_cells(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def _ods_rows(data: bytes, sheet: str) -> list[list[str]]:
    document = load_ods(io.BytesIO(data))
    for table in document.spreadsheet.getElementsByType(Table):
        if table.getAttribute("name") != sheet:
            continue
        rows = []
        for row in table.getElementsByType(TableRow):
            cells = []
            for cell in row.getElementsByType(TableCell):
                assert cell.getAttribute("valuetype") in (None, "string", "float")
                assert cell.getAttribute("formula") is None
                cells.append("".join(str(p) for p in cell.getElementsByType(P)))
            rows.append(cells)
        return rows
    raise AssertionError(f"no sheet {sheet}")


def _plain(text: str) -> str:
    """XML readers turn a carriage return into a line feed, and xlsxwriter writes it as
    ``_x000D_``: compare texts with those undone."""
    return text.replace("_x000D_", "\r").replace("\r", "\n")


def _assert_safe_text(cell: object, payload: str) -> None:
    assert isinstance(cell, str)
    assert cell.startswith("'")
    assert _plain(cell) == _plain("'" + payload)
    assert not cell.startswith(FORMULA_STARTS)


class TestNeutralise:
    @pytest.mark.parametrize("payload", INJECTIONS)
    def test_formula_starts_get_a_quote(self, payload: str) -> None:
        assert neutralise(payload) == "'" + payload

    @pytest.mark.parametrize("text", ["Care worker", "", "5", "a=b", "Ann-Marie", " =x"])
    def test_other_text_is_unchanged(self, text: str) -> None:
        assert neutralise(text) == text

    def test_a_leading_quote_is_doubled_so_it_restores(self) -> None:
        assert neutralise("'=1") == "''=1"
        assert restore("''=1") == "'=1"

    @given(st.text())
    def test_never_starts_with_a_formula_character_and_restores(self, text: str) -> None:
        cell = neutralise(text)
        assert not cell.startswith(FORMULA_STARTS)
        assert cell in (text, "'" + text)
        assert restore(cell) == text
        added = cell != text
        assert (cell[1:] if added else cell) == text

    def test_numbers_stay_numbers(self) -> None:
        frame = pl.DataFrame({"count": [-5, 3], "rate": [-0.5, 1.0], "name": ["-5", "x"]})
        safe = neutralised_frame(frame)
        assert safe.schema == frame.schema
        assert safe["count"].to_list() == [-5, 3]
        assert safe["rate"].to_list() == [-0.5, 1.0]
        assert safe["name"].to_list() == ["'-5", "x"]

    def test_categorical_text_is_neutralised(self) -> None:
        frame = pl.DataFrame({"name": ["=1", "x"]}, schema={"name": pl.Categorical})
        assert neutralised_frame(frame)["name"].to_list() == ["'=1", "x"]


@pytest.mark.parametrize("payload", INJECTIONS)
class TestEveryWriter:
    def test_findings_csv(self, tmp_path: Path, payload: str) -> None:
        write_csv(tmp_path / "findings.csv", _findings(payload))
        (row,) = _csv_cells((tmp_path / "findings.csv").read_bytes().decode("utf-8"))
        _assert_safe_text(row["value"], payload)
        _assert_safe_text(row["message"], payload)
        assert row["line"] == "2"

    def test_findings_workbook(self, tmp_path: Path, payload: str) -> None:
        path = tmp_path / "findings.xlsx"
        write_findings_workbook(path, _findings(payload), title="Findings")
        sheet = openpyxl.load_workbook(path)["Findings"]
        header = [cell.value for cell in sheet[1]]
        row = dict(zip(header, sheet[2], strict=True))
        _assert_safe_text(row["value"].value, payload)
        assert row["value"].data_type == "s"
        assert row["line"].value == 2

    def test_csv_download(self, payload: str) -> None:
        data = csv_bytes(pl.DataFrame({"text": [payload], "count": [-5]}))
        (row,) = _csv_cells(data.decode("utf-8"))
        _assert_safe_text(row["text"], payload)
        assert row["count"] == "-5"

    def test_projection_csv(self, payload: str) -> None:
        (row,) = _csv_cells(frame_as_csv(pl.DataFrame({"scenario": [payload]})))
        _assert_safe_text(row["scenario"], payload)

    def test_xlsx_download(self, payload: str) -> None:
        workbook = Workbook(
            [
                Sheet(name="Cover", title=payload, lines=(payload,)),
                Sheet(
                    name="Table",
                    title="t",
                    table=pl.DataFrame({"text": [payload], "count": [-5]}),
                ),
            ]
        )
        book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(workbook)))
        cover = book["Cover"]
        _assert_safe_text(cover["A1"].value, payload)
        _assert_safe_text(cover["A2"].value, payload)
        table = book["Table"]
        assert [cell.value for cell in table[2]] == ["text", "count"]
        _assert_safe_text(table["A3"].value, payload)
        assert table["A3"].data_type == "s"
        assert table["B3"].value == -5
        with zipfile.ZipFile(io.BytesIO(xlsx_bytes(workbook))) as archive:
            assert all(b"<f>" not in archive.read(name) for name in archive.namelist())

    def test_ods_download(self, payload: str) -> None:
        workbook = Workbook(
            [
                Sheet(name="Cover", title=payload),
                Sheet(name="Table", title="t", table=pl.DataFrame({"text": [payload]})),
            ]
        )
        data = ods_bytes(workbook)
        (cover,) = _ods_rows(data, "Cover")[0]
        _assert_safe_text(cover, payload)
        rows = _ods_rows(data, "Table")
        assert rows[1] == ["text"]
        _assert_safe_text(rows[2][0], payload)
