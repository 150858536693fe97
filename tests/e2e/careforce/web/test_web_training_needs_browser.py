"""The priority training needs pages in a real browser, at a phone's width and a desktop's:
axe-core reports no violations, nothing breaks the Content-Security-Policy, no page scrolls
sideways, and a partner analyst records the priorities agreed for a year (an error first)."""

from __future__ import annotations

import pytest

from browser_support import BrowserSite, Visitor

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A small phone and a desktop."""
PAGES = ("/training-needs/", "/training-needs/priorities/new/")
"""The pages."""


def test_analyst_records_the_priorities_at_every_width(
    visitor: Visitor, browser_site: BrowserSite
) -> None:
    visitor.sign_in("analyst@test.example")
    page = visitor.page
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in PAGES:
            visitor.visit(path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} at {width} px scrolls sideways by {overflow} px"
    visitor.visit("/training-needs/")
    assert page.locator(".govuk-table tbody tr").count() > 0
    visitor.click("button", "Record the priorities agreed for a year")
    page.fill("#id_year", "2025-26")
    visitor.click("button", "Record the priorities")
    assert "Enter the year like 2025/26" in page.inner_text(".govuk-error-summary")
    page.fill("#id_year", "2025/26")
    page.fill("#id_priorities", "Fire safety refreshers\nCare Certificate for new managers")
    page.fill("#id_note", "Workforce board, 12 March 2026")
    visitor.click("button", "Record the priorities")
    assert "are recorded" in page.inner_text(".govuk-notification-banner")
    assert page.locator(".govuk-list--number li").all_inner_texts() == [
        "Fire safety refreshers",
        "Care Certificate for new managers",
    ]
