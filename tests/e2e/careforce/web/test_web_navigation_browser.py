"""The navigation in a real browser, at a phone's width and a desktop's: the current section's
pages show below the service navigation (on a phone too, outside the collapsed menu), with one
section and one page marked; axe-core reports no violations and no page scrolls sideways."""

from __future__ import annotations

import pytest

from browser_support import BrowserSite, Visitor

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A small phone and a desktop."""
SECTION = "nav.careforce-section-navigation"
PROVIDERS = ["Uploads", "Records", "Organisations", "Returns", "Provider support"]
"""An administrator's Providers section."""


def _marked(visitor: Visitor) -> tuple[list[str], list[str]]:
    """The marked top-level section and the page marked current in the section navigation."""
    page = visitor.page
    top = page.locator(".govuk-service-navigation__item--active").all_inner_texts()
    current = page.locator(f"{SECTION} [aria-current=page]").all_inner_texts()
    return [text.strip() for text in top], [text.strip() for text in current]


def test_administrator_moves_between_sections_at_every_width(
    visitor: Visitor, browser_site: BrowserSite
) -> None:
    visitor.sign_in("admin@test.example")
    page = visitor.page
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        visitor.visit("/organisations/")
        visitor.fits(width)
        nav = page.get_by_role("navigation", name="Providers")
        assert nav.is_visible()
        assert [text.strip() for text in nav.locator("li").all_inner_texts()] == PROVIDERS
        assert _marked(visitor) == (["Providers"], ["Organisations"])

    visitor.click("link", "Returns")
    assert _marked(visitor) == (["Providers"], ["Returns"])
    visitor.click("link", "Evidence")
    assert _marked(visitor) == (["Evidence"], ["Measures"])
    visitor.click("link", "Downloads")
    assert _marked(visitor) == (["Evidence"], ["Downloads"])
    visitor.click("link", "Survey")
    assert _marked(visitor) == (["Survey"], [])
    assert page.locator(SECTION).count() == 0
