"""The data appendix page: built from the service's stored measures, every section shown with
its sentences, tables and charts, and its downloads (tagged PDF, ODS, XLSX, HTML)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.urls import reverse
from pypdf import PdfReader

from careforce.web.backend import appendix as backend
from careforce.web.backend.publications import published
from web_support import Site, page_of

pytestmark = pytest.mark.integration


@pytest.fixture
def page(site: Site, client_as: Callable[[str], Any]) -> Any:
    response = client_as("public").get(reverse("appendix:appendix-show"))
    assert response.status_code == 200
    return page_of(response)


class TestPage:
    def test_sections_of_the_template(self, page: Any) -> None:
        assert page.text("h1") == "Data appendix"
        headings = page.texts("h2.govuk-heading-m")
        assert headings[:2] == ["Download the appendix", "Contents"]
        assert "Recruitment and retention" in headings
        assert "What the workforce told us" in headings

    def test_the_period_is_the_latest_published(self, page: Any, site: Site) -> None:
        found = published()
        assert found is not None
        assert page.text(".govuk-caption-l").endswith(found.periods[-1])

    def test_every_table_has_a_caption(self, page: Any) -> None:
        tables = page.all("table.govuk-table")
        assert len(tables) > 10
        assert len(page.all("table.govuk-table caption")) == len(tables)

    def test_figures_come_from_the_published_measures(self, page: Any, site: Site) -> None:
        found = published()
        assert found is not None
        body = page.text("main")
        assert "Turnover was " in body
        assert "[x]" in body or "%" in body

    def test_the_population_comes_from_the_projections_folder(
        self,
        site: Site,
        client_as: Callable[[str], Any],
        settings: Any,
        tmp_path: Path,
    ) -> None:
        lines = ["area_code,area_name,age_band,year,population"]
        for band, series in (
            ("0-17", (167_000, 167_600, 167_935, 167_097, 164_583)),
            ("65+", (190_000, 195_300, 201_374, 211_880, 231_235)),
        ):
            for year, value in zip((2021, 2022, 2024, 2027, 2032), series, strict=True):
                lines.append(f"E10000028,Staffordshire,{band},{year},{value}")
        (tmp_path / backend.POPULATION_FILE).write_text("\n".join(lines) + "\n")
        settings.CAREFORCE_PROJECTIONS = str(tmp_path)
        response = client_as("public").get(reverse("appendix:appendix-show"))
        body = page_of(response).text("main")
        assert "Population by age band, estimated and projected" in body
        assert "167,600" in body
        assert "164,583" in body
        # Growth since 2021, the year the published period 2020/21 ends in.
        assert "grow by 6.0% by 2024, 11.5% by 2027 and 21.7% by 2032" in body

    def test_download_links(self, page: Any) -> None:
        links = [link.etree_element.get("href") for link in page.all("main a.govuk-link")]
        for file_format in ("pdf", "ods", "xlsx", "html"):
            assert reverse("appendix:appendix-download", args=[file_format]) in links


class TestDownloads:
    def test_pdf_is_tagged(self, site: Site, client_as: Callable[[str], Any]) -> None:
        response = client_as("public").get(reverse("appendix:appendix-download", args=["pdf"]))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        root = PdfReader(io.BytesIO(response.content)).trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root

    def test_xlsx_has_cover_contents_and_notes(
        self, site: Site, client_as: Callable[[str], Any]
    ) -> None:
        response = client_as("public").get(reverse("appendix:appendix-download", args=["xlsx"]))
        assert response.status_code == 200
        assert 'filename="data-appendix-' in response["Content-Disposition"]
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        assert book.sheetnames[:3] == ["Cover", "Contents", "Notes"]
        assert len(book.sheetnames) > 10

    def test_unknown_format(self, site: Site, client_as: Callable[[str], Any]) -> None:
        response = client_as("public").get(reverse("appendix:appendix-download", args=["doc"]))
        assert response.status_code == 404


class TestWithoutMeasures:
    def test_says_there_is_no_appendix_yet(
        self, client_as: Callable[[str], Any], monkeypatch: pytest.MonkeyPatch, db: Any
    ) -> None:
        monkeypatch.setattr(backend, "published", lambda: None)
        response = client_as("public").get(reverse("appendix:appendix-show"))
        assert "No data appendix yet" in page_of(response).text("main")
        download = client_as("public").get(reverse("appendix:appendix-download", args=["pdf"]))
        assert download.status_code == 404
