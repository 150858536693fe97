"""The API's reference page in a real browser at a phone's width and a desktop's: axe-core
reports no violations, nothing breaks the Content-Security-Policy, the page loads nothing from
another host and does not scroll sideways."""

from __future__ import annotations

import pytest

from browser_support import BrowserSite, Visitor

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A small phone and a desktop."""


@pytest.mark.parametrize("width", WIDTHS)
def test_reference_page(visitor: Visitor, browser_site: BrowserSite, width: int) -> None:
    visitor.page.set_viewport_size({"width": width, "height": 900})
    requested: list[str] = []
    visitor.page.on("request", lambda request: requested.append(request.url))
    page = visitor.visit("/api/v1/documentation")
    assert page.get_by_role("heading", name="API reference").is_visible()
    assert "GET /api/v1/projections/{name}/ranges" in page.inner_text("main")
    assert all(url.startswith(visitor.base_url) for url in requested)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px at {width} px"
