"""The analysts' estimates page in a real browser, at a phone's width and a desktop's: axe-core
reports no violations, nothing breaks the Content-Security-Policy and no page scrolls sideways."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser_support import Visitor
from estimates_support import estimates_folder

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A small phone and a desktop."""
PAGE = "/submissions/estimates/"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return estimates_folder(tmp_path_factory.mktemp("estimates"))


def test_page_at_every_width(visitor: Visitor, settings: Any, folder: Path) -> None:
    settings.CAREFORCE_ESTIMATES = str(folder)
    visitor.sign_in("analyst@test.example")
    for width in WIDTHS:
        visitor.page.set_viewport_size({"width": width, "height": 900})
        page = visitor.visit(PAGE)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{PAGE} at {width} px scrolls sideways by {overflow} px"
    assert "Locations that have not returned (4)" in visitor.page.inner_text("main")
    assert len(visitor.checked) == 2 + len(WIDTHS)  # with sign-in and start page


def test_without_estimates(visitor: Visitor, settings: Any) -> None:
    settings.CAREFORCE_ESTIMATES = None
    visitor.sign_in("admin@test.example")
    visitor.visit(PAGE)
    assert "No whole-sector estimates are configured." in visitor.page.inner_text("main")
