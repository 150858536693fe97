"""The data appendix page in a real browser at a phone's width and a desktop's: axe-core reports
no violations, nothing breaks the Content-Security-Policy, every chart is drawn, no page scrolls
sideways, and the spreadsheet downloads."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from browser_support import AXE_TAGS, BrowserSite, Visitor

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A small phone and a desktop."""


@pytest.mark.parametrize("width", WIDTHS)
def test_page_passes_axe_and_draws_every_chart(
    visitor: Visitor, browser_site: BrowserSite, width: int
) -> None:
    visitor.page.set_viewport_size({"width": width, "height": 900})
    page = visitor.visit("/appendix/")
    charts = page.locator(".careforce-chart")
    assert charts.count() >= 1
    for index in range(charts.count()):
        charts.nth(index).locator("svg").first.wait_for(timeout=15_000)
    visitor.check()
    overflow = visitor.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"/appendix/ at {width} px scrolls sideways by {overflow} px"
    assert page.get_by_role("heading", name="Recruitment and retention").is_visible()


def test_spreadsheet_downloads(visitor: Visitor, browser_site: BrowserSite) -> None:
    page = visitor.visit("/appendix/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Spreadsheet (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    with Path(download.value.path()).open("rb") as saved:
        book = openpyxl.load_workbook(saved)
    assert book.sheetnames[:3] == ["Cover", "Contents", "Notes"]


@pytest.mark.parametrize("width", WIDTHS)
def test_downloaded_page_passes_axe(
    visitor: Visitor, browser_site: BrowserSite, width: int
) -> None:
    """The appendix's own HTML file (self-contained: no requests) also passes axe-core."""
    page = visitor.page
    page.set_viewport_size({"width": width, "height": 900})
    response = page.request.get(visitor.base_url + "/appendix/download.html")
    assert response.ok
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_content(response.text())
    assert [url for url in requests if not url.startswith(("data:", "about:"))] == []
    page.evaluate(visitor.axe_source)
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    violations = [f"{item['id']}: {item['help']}" for item in result["violations"]]
    assert violations == []
    assert page.locator("table caption").count() > 10
