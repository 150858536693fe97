"""The demo banner in a real browser: on every page in demo mode, accessible (axe-core) and
fitting a phone's width."""

from __future__ import annotations

from typing import Any

import pytest

from browser_support import Visitor
from careforce.core.vocab.demo import DEMO_NOTICE, DEMO_TODAY

pytestmark = pytest.mark.e2e

PAGES = ("/", "/measures/", "/outcomes/", "/action-plan/", "/no/such/page/")
"""Pages of the public, a page with the action plan, and a page not found."""


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_banner_is_accessible_and_fits(visitor: Visitor, settings: Any, width: int) -> None:
    settings.CAREFORCE_DEMO = True
    settings.CAREFORCE_TODAY = DEMO_TODAY
    visitor.page.set_viewport_size({"width": width, "height": 900})
    for path in PAGES:
        page = visitor.visit(path)
        banner = page.get_by_role("region", name="Demo data")
        assert banner.is_visible()
        assert banner.locator(".govuk-tag").inner_text().strip() == "Demo"
        assert banner.locator(".govuk-phase-banner__text").inner_text().strip() == DEMO_NOTICE
        visitor.fits(width)


def test_no_banner_on_real_data(visitor: Visitor) -> None:
    page = visitor.visit("/")
    assert page.get_by_role("region", name="Demo data").count() == 0
