"""The labour-market page: each section's chart with its table, the comparators named, and the
CSV/ODS downloads; the page without measures."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from careforce.services.labour import compute_labour
from careforce.web.backend import labour as backend
from labour_support import (
    POSTINGS_CSV,
    bres_csv,
    claimant_csv,
    enrolments_csv,
)
from web_support import page_of

pytestmark = pytest.mark.integration


def labour_folder(folder: Path) -> Path:
    """Labour-market measures computed from the test files, written as the CLI writes them."""
    inputs = folder / "inputs"
    inputs.mkdir(parents=True)
    files = {
        "postings.csv": POSTINGS_CSV,
        "claimant.csv": claimant_csv(),
        "bres.csv": bres_csv(),
        "enrolments.csv": enrolments_csv(old=True),
    }
    for name, text in files.items():
        (inputs / name).write_text(text, encoding="utf-8")
    out = folder / "labour"
    compute_labour(
        out=out,
        postings=inputs / "postings.csv",
        nomis=[inputs / "claimant.csv", inputs / "bres.csv"],
        enrolments=[inputs / "enrolments.csv"],
        area_code="E10000028",
    )
    return out


@pytest.fixture
def with_labour(settings: Any, tmp_path: Path) -> Path:
    settings.CAREFORCE_LABOUR_DIR = labour_folder(tmp_path)
    return settings.CAREFORCE_LABOUR_DIR


@pytest.fixture
def without_labour(settings: Any, tmp_path: Path) -> None:
    settings.CAREFORCE_LABOUR_DIR = tmp_path / "nothing"


class TestOverview:
    def test_sections_with_tables_and_charts(
        self, client_as: Callable[[str], Any], with_labour: Path
    ) -> None:
        page = page_of(client_as("public").get(reverse("labour:overview-show")))
        assert page.text("h1") == "Labour market and skills supply"
        assert page.texts("h2.govuk-heading-m") == [
            "Job postings by job title",
            "Job postings by town",
            "Claimant count",
            "Social care sector size by area",
            "Skills supply",
            "Supply against need",
        ]
        assert len(page.all(".careforce-chart")) == 6
        captions = page.texts(".govuk-table__caption")
        assert "Job postings by job title" in captions

    def test_postings_table_values(
        self, client_as: Callable[[str], Any], with_labour: Path
    ) -> None:
        page = page_of(client_as("public").get(reverse("labour:overview-show")))
        table = page.all("table")[0]
        rows = [
            [cell.etree_element.text or "" for cell in row.query_all("th, td")]
            for row in table.query_all("tbody tr")
        ]
        assert rows[0][:5] == ["Support Workers", "2021-09/2022-08", "3", "2", "2 : 1"]

    def test_comparators_are_named(
        self, client_as: Callable[[str], Any], with_labour: Path
    ) -> None:
        page = page_of(client_as("public").get(reverse("labour:overview-show")))
        assert "Compared with: England, BRES 2020." in page.html
        assert "England, claimant count 2022-04" in page.html

    def test_without_measures(self, client_as: Callable[[str], Any], without_labour: None) -> None:
        page = page_of(client_as("public").get(reverse("labour:overview-show")))
        assert "No labour-market measures have been published yet" in page.text("main")
        response = client_as("public").get(
            reverse("labour:section-download", args=["claimants", "csv"])
        )
        assert response.status_code == 404


class TestDownloads:
    def test_csv(self, client_as: Callable[[str], Any], with_labour: Path) -> None:
        response = client_as("public").get(
            reverse("labour:section-download", args=["claimants", "csv"])
        )
        assert response.status_code == 200
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        april = next(r for r in rows if r["Month"] == "2022-04")
        assert april["Claimants"] == "15515.0"
        assert april["England claimant rate (comparator)"] == "0.034"

    def test_ods(self, client_as: Callable[[str], Any], with_labour: Path) -> None:
        response = client_as("public").get(
            reverse("labour:section-download", args=["sector", "ods"])
        )
        assert response.status_code == 200
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            content = archive.read("content.xml").decode()
        assert "England, BRES 2020" in content

    @pytest.mark.parametrize("section", ["nothing", "postings-titles"], ids=["unknown", "known"])
    def test_unknown_section_or_format(
        self, client_as: Callable[[str], Any], with_labour: Path, section: str
    ) -> None:
        response = client_as("public").get(
            reverse(
                "labour:section-download", args=[section, "pdf" if section != "nothing" else "csv"]
            )
        )
        assert response.status_code == 404


def test_results_are_read_again_when_the_file_changes(with_labour: Path) -> None:
    first = backend.labour_results()
    assert first is not None
    assert backend.labour_results() is first
