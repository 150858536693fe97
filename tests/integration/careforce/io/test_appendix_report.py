"""The appendix's files: a self-contained accessible page, a tagged PDF whose every page has
ink, and spreadsheets that keep the rules of "Releasing statistics in spreadsheets"."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import openpyxl
import pypdfium2 as pdfium
import pytest
from odf.namespaces import TABLENS
from odf.opendocument import load as load_ods
from odf.table import Table as OdsTable
from odf.table import TableCell, TableRow
from pypdf import PdfReader

from careforce.core.publishing.appendix.build import build_appendix
from careforce.core.publishing.appendix.cells import MeasureRows
from careforce.core.vocab import published as pub
from careforce.io.appendix_files import parse_template_text
from careforce.io.appendix_report import write_appendix
from careforce.io.spreadsheets import NUMBER_FORMATS

pytestmark = pytest.mark.integration

TEMPLATE = """\
title: Test appendix
sections:
  - key: retention
    part: A The workforce
    heading: Recruitment and retention
    blocks:
      - text: "Turnover was {turnover_rate}."
      - change: {measure: turnover_rate}
      - table:
          key: posts-by-service
          title: Filled posts and pay by service
          measures: [filled_posts, hourly_pay_median, turnover_rate]
          breakdown: service_group
          source: ASC-WDS
          notes: [Counts are rounded to the nearest 5.]
      - chart:
          key: turnover-by-service
          title: Turnover by service
          kind: bar
          measures: [turnover_rate]
          breakdown: service_group
          source: ASC-WDS
          notes: [A second note.]
  - key: projections
    heading: Projections
    blocks:
      - text: "{projected_requirement}"
"""
SERVICES = ("residential", "home care", "day and community")
ALLOWED_FORMATS = set(NUMBER_FORMATS.values()) | {"General"}


def _row(measure: str, unit: str, value: float | None, **extra: Any) -> dict[str, Any]:
    base = dict.fromkeys(pub.PUBLISHED_COLUMNS)
    base.update(
        {
            pub.MEASURE_ID: measure,
            pub.MEASURE_NAME: measure.replace("_", " ").capitalize(),
            pub.PERIOD: "2021/22",
            pub.AREA_CODE: "E10000028",
            pub.AREA_NAME: "Staffordshire",
            pub.BREAKDOWN: "total",
            pub.BREAKDOWN_VALUE: "all",
            pub.VALUE: value,
            pub.UNIT: unit,
        }
    )
    base.update(extra)
    return base


def _rows() -> MeasureRows:
    rows = [
        _row("turnover_rate", "rate", 0.282, period="2020/21", lower_ci=0.27, upper_ci=0.29),
        _row("turnover_rate", "rate", 0.322, lower_ci=0.31, upper_ci=0.33),
    ]
    for index, service in enumerate(SERVICES):
        where = {"breakdown": "service_group", "breakdown_value": service}
        withheld = service == "day and community"
        rows += [
            _row(
                "filled_posts",
                "count",
                None if withheld else 6305.0 - 1000 * index,
                symbol="[c]" if withheld else None,
                **where,
            ),
            _row("hourly_pay_median", "pounds per hour", 9.5 + index / 10, **where),
            _row("turnover_rate", "rate", 0.3 + index / 100, **where),
        ]
    return MeasureRows(rows)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("appendix")
    appendix = build_appendix(
        parse_template_text(TEMPLATE),
        _rows(),
        period="2021/22",
        area_code="E10000028",
        area_name="Staffordshire",
    )
    paths = write_appendix(folder, appendix)
    return {"folder": folder, "paths": paths, "page": (folder / "appendix.html").read_text()}


class TestHtml:
    def test_self_contained(self, written: dict[str, Any]) -> None:
        page = written["page"]
        assert "<link" not in page
        assert "<script" not in page
        assert not re.search(r'(src|href)="https?:', page)

    def test_tables_charts_and_sources(self, written: dict[str, Any]) -> None:
        page = written["page"]
        assert page.count("<caption>") == 2  # the table, and the chart's data table
        assert 'role="img"' in page
        assert "Turnover rate rose from 28.2% in 2020/21 to 32.2% in 2021/22." in page
        assert "Source: ASC-WDS. Period: 2021/22. Note: Counts are rounded" in page
        assert '<td data-measure="filled_posts" data-breakdown="service_group" ' in page
        assert ">[c]</td>" in page

    def test_a_section_without_data_says_so(self, written: dict[str, Any]) -> None:
        assert "Figures not available" in written["page"]
        assert "No figures: the inputs hold none of this section" in written["page"]


class TestPdf:
    def test_tagged(self, written: dict[str, Any]) -> None:
        root = PdfReader(written["folder"] / "appendix.pdf").trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert root["/Lang"] == "en-GB"

    def test_every_page_has_ink(self, written: dict[str, Any]) -> None:
        document = pdfium.PdfDocument(written["folder"] / "appendix.pdf")
        assert len(document) >= 1
        for number, page in enumerate(document, start=1):
            pixels = page.render(scale=0.5).to_numpy()
            ink = np.mean(pixels[..., :3].min(axis=-1) < 200)
            assert ink > 0.002, f"page {number} is blank"


def _xlsx_rows(sheet: Any) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.fixture(scope="module")
def book(written: dict[str, Any]) -> Any:
    return openpyxl.load_workbook(written["folder"] / "appendix.xlsx")


class TestXlsx:
    def test_cover_contents_notes_then_one_table_per_sheet(self, book: Any) -> None:
        assert book.sheetnames == [
            "Cover",
            "Contents",
            "Notes",
            "Posts by service",
            "Turnover by service",
        ]
        contents = _xlsx_rows(book["Contents"])
        assert contents[2][0] == "Sheet name"
        assert [row[0] for row in contents[3:]] == ["Posts by service", "Turnover by service"]

    def test_sheet_names_are_short_words(self, book: Any) -> None:
        for name in book.sheetnames:
            assert len(name) <= 31
            assert not re.search(r"[\[\]:*?/\\]", name)
            assert re.fullmatch(r"[A-Z][A-Za-z0-9 ]*", name)

    def test_no_merged_cells_or_blank_rows(self, book: Any) -> None:
        for sheet in book.worksheets:
            assert not sheet.merged_cells.ranges
            for row in _xlsx_rows(sheet):
                assert any(value not in (None, "") for value in row), sheet.title

    def test_notes_are_marked_and_listed(self, book: Any) -> None:
        assert book["Posts by service"]["A1"].value.endswith("[note 1]")
        assert book["Turnover by service"]["A1"].value.endswith("[note 2]")
        notes = _xlsx_rows(book["Notes"])
        assert notes[2] == ["Note number", "Note text"]
        assert notes[3] == ["note 1", "Counts are rounded to the nearest 5."]

    def test_numbers_formatted_as_shown_and_symbols_in_cells(self, book: Any) -> None:
        sheet = book["Posts by service"]
        rows = list(sheet.iter_rows(min_row=6))
        assert [c.value for c in rows[0]] == ["residential", 6305.0, 9.5, 0.3]
        assert [c.number_format for c in rows[0][1:]] == ["#,##0", '"£"#,##0.00', "0.0%"]
        assert rows[2][1].value == "[c]"
        for row in sheet.iter_rows(min_row=5):
            for cell in row:
                assert cell.number_format in ALLOWED_FORMATS


class TestOds:
    def test_same_rules(self, written: dict[str, Any]) -> None:
        document = load_ods(str(written["folder"] / "appendix.ods"))
        tables = document.spreadsheet.getElementsByType(OdsTable)
        names = [table.getAttribute("name") for table in tables]
        assert names[:3] == ["Cover", "Contents", "Notes"]
        assert len(names) == 5
        for table in tables:
            for row in table.getElementsByType(TableRow):
                cells = row.getElementsByType(TableCell)
                assert any(str(cell).strip() for cell in cells)
                for cell in cells:
                    assert cell.attributes.get((TABLENS, "number-columns-spanned")) is None
                    assert cell.attributes.get((TABLENS, "number-rows-spanned")) is None
