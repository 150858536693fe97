"""Choosing the appendix template in a real browser at a phone's width and a desktop's: the page
and its error page pass axe-core and fit the screen, a template's problems are listed by line
and field, and the council's own template is used by the public page once the background job
has made the appendix with it."""

from __future__ import annotations

import time

import pytest

from browser_support import BrowserSite, Visitor

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A small phone and a desktop."""
OWN_TEMPLATE = b"""\
title: Our council's workforce data
sections:
  - key: retention
    heading: Staying and leaving
    blocks:
      - text: Turnover was {turnover_rate}.
"""
BAD_TEMPLATE = b"""\
title: Our council's workforce data
sections:
  - key: retention
    heading: Staying and leaving
    colour: red
    blocks:
      - text: Turnover was {turnover_rate}.
"""


def _choose_own(visitor: Visitor, content: bytes) -> None:
    page = visitor.page
    page.get_by_label("Upload the council's own template").check()
    page.set_input_files(
        "#id_file",
        files=[{"name": "our-appendix.yaml", "mimeType": "application/yaml", "buffer": content}],
    )
    visitor.click("button", "Make the appendix with this template")


@pytest.mark.parametrize("width", WIDTHS)
def test_template_page_and_its_errors_pass_axe(
    visitor: Visitor, browser_site: BrowserSite, width: int
) -> None:
    visitor.sign_in("analyst@test.example")
    visitor.page.set_viewport_size({"width": width, "height": 900})
    page = visitor.visit("/appendix/template/")
    assert page.get_by_role("heading", name="Appendix template", exact=True).is_visible()
    visitor.fits(width)
    _choose_own(visitor, BAD_TEMPLATE)
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "line 5: sections[0].colour: is not a known field" in summary.inner_text()
    visitor.fits(width)


def test_the_councils_template_is_published(visitor: Visitor, browser_site: BrowserSite) -> None:
    visitor.sign_in("analyst@test.example")
    page = visitor.visit("/appendix/")
    visitor.click("link", "Choose the appendix template")
    _choose_own(visitor, OWN_TEMPLATE)
    deadline = time.monotonic() + 120
    while "our-appendix.yaml, chosen on this service." not in page.inner_text("main"):
        assert time.monotonic() < deadline, "the appendix was not made in two minutes"
        time.sleep(1)
        visitor.visit("/appendix/template/")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        visitor.visit("/appendix/")
        assert page.get_by_role("heading", name="Staying and leaving").is_visible()
        assert page.get_by_role("heading", name="Recruitment and retention").count() == 0
        visitor.fits(width)
