"""The projection pages in a real browser at a phone's width and a desktop's: axe-core reports
no violations, nothing breaks the Content-Security-Policy, the charts are drawn, no page scrolls
sideways, and a partner analyst runs a scenario (with an error first) and downloads its
parameter file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from browser_support import BrowserSite, Visitor

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A small phone and a desktop."""
PAGES = (
    "/projections/",
    "/projections/staffordshire-2022-adult/",
    "/projections/staffordshire-2022-children/",
)
"""The public pages."""


def _no_sideways_scroll(visitor: Visitor, path: str, width: int) -> None:
    overflow = visitor.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} at {width} px scrolls sideways by {overflow} px"


@pytest.mark.parametrize("width", WIDTHS)
def test_public_pages(visitor: Visitor, browser_site: BrowserSite, width: int) -> None:
    visitor.page.set_viewport_size({"width": width, "height": 900})
    for path in PAGES:
        page = visitor.visit(path)
        if path != "/projections/":
            page.locator(".careforce-chart svg").nth(2).wait_for(timeout=15_000)
            visitor.check()
            assert page.locator(".careforce-chart svg").count() == 3
        _no_sideways_scroll(visitor, path, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_analyst_runs_a_scenario(visitor: Visitor, browser_site: BrowserSite, width: int) -> None:
    visitor.page.set_viewport_size({"width": width, "height": 900})
    visitor.sign_in("analyst@test.example")
    page = visitor.visit("/projections/staffordshire-2022-adult/")
    visitor.click("link", "Run a scenario")
    visitor.click("button", "Run the scenario")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Enter at least one change" in summary.inner_text()
    page.fill("#id_turnover_change", "-5")
    page.fill("#id_demand_elasticity", "1")
    visitor.click("button", "Run the scenario")
    assert "turnover rate 25.2%" in page.inner_text("main")
    _no_sideways_scroll(visitor, "the scenario", width)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the parameter file (TOML)").click()
    data = tomllib.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["scenarios"]["analyst_scenario"]["groups"]["adult"]["turnover_rate"] == 0.252
