"""The labour-market page in a real browser, at a phone's and a desktop's width: axe-core finds
no violations, nothing breaks the Content-Security-Policy, every chart is drawn, and a section
downloads as CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from browser_support import BrowserSite, Visitor
from careforce.services.labour import compute_labour
from labour_support import POSTINGS_CSV, bres_csv, claimant_csv, enrolments_csv

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A phone's and a desktop's width, in CSS pixels."""


@pytest.fixture
def labour_measures(settings: Any, tmp_path: Path) -> Path:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    texts = {
        "postings.csv": POSTINGS_CSV,
        "claimant.csv": claimant_csv(),
        "bres.csv": bres_csv(),
        "enrolments.csv": enrolments_csv(old=False),
    }
    for name, text in texts.items():
        (inputs / name).write_text(text, encoding="utf-8")
    out = tmp_path / "labour"
    compute_labour(
        out=out,
        postings=inputs / "postings.csv",
        nomis=[inputs / "claimant.csv", inputs / "bres.csv"],
        enrolments=[inputs / "enrolments.csv"],
        area_code="E10000028",
    )
    settings.CAREFORCE_LABOUR_DIR = out
    return out


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_page_passes_axe_and_draws_every_chart(
    visitor: Visitor, browser_site: BrowserSite, labour_measures: Path, width: int
) -> None:
    visitor.page.set_viewport_size({"width": width, "height": 900})
    page = visitor.visit("/labour-market/")
    charts = page.locator(".careforce-chart")
    assert charts.count() == 6
    for index in range(charts.count()):
        charts.nth(index).locator("svg").first.wait_for(timeout=10_000)
    visitor.check()
    assert page.get_by_role("heading", name="Job postings by job title").is_visible()


def test_section_downloads_as_csv(
    visitor: Visitor, browser_site: BrowserSite, labour_measures: Path
) -> None:
    page = visitor.visit("/labour-market/")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV of Claimant count").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [row["Claimants"] for row in rows] == ["16010.0", "15515.0"]


def test_page_without_measures(
    visitor: Visitor, browser_site: BrowserSite, settings: Any, tmp_path: Path
) -> None:
    settings.CAREFORCE_LABOUR_DIR = tmp_path / "none"
    page = visitor.visit("/labour-market/")
    assert "No labour-market measures" in page.inner_text("main")
