"""Combined filters of a measure page in a real browser, at a phone's and a desktop's width:
the sector, service group and job role selects work together, a withheld combination says
why, the page does not scroll sideways, and axe-core finds no violations."""

from __future__ import annotations

from urllib.parse import urlencode

import polars as pl
import pytest

from browser_support import BrowserSite, Visitor
from careforce.core.indicators.crossings import crossed_parts
from careforce.web.backend.publications import published

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A phone's and a desktop's width, in CSS pixels."""


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_three_selects_combine(visitor: Visitor, browser_site: BrowserSite, width: int) -> None:
    visitor.page.set_viewport_size({"width": width, "height": 900})
    page = visitor.visit("/measures/filled_posts/")
    page.select_option("select[name=sector]", "independent")
    page.select_option("select[name=service_group]", "home care")
    page.select_option("select[name=job_role]", "key_role:care worker")
    visitor.click("button", "Show")
    caption = page.inner_text(".govuk-caption-l")
    assert "sector: independent; service group: home care; key job role: care worker" in caption
    visitor.fits(width)


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_a_withheld_combination_says_why(
    visitor: Visitor, browser_site: BrowserSite, width: int
) -> None:
    found = published()
    assert found is not None
    row = found.table.filter(
        (pl.col("measure_id") == "filled_posts")
        & (pl.col("breakdown") == "sector/service_group/key_role")
        & (pl.col("symbol") == "[c]")
        & ~pl.col("breakdown_value").str.ends_with("/other roles")
    ).row(0, named=True)
    parts = crossed_parts(row["breakdown"], row["breakdown_value"])
    query = {
        "sector": parts["sector"],
        "service_group": parts["service_group"],
        "job_role": f"key_role:{parts['key_role']}",
    }
    visitor.page.set_viewport_size({"width": width, "height": 900})
    page = visitor.visit(f"/measures/filled_posts/?{urlencode(query)}")
    assert page.inner_text(".careforce-headline") == "[c]"
    assert page.inner_text(".govuk-inset-text.careforce-withheld").startswith(
        "Withheld: fewer than 10 workers or fewer than 3 workplaces"
    )
    visitor.fits(width)
