"""The annual progress report in a real browser at a phone's width and a desktop's: a partner
analyst asks for it from the outcomes pages, the background job makes it, and the PDF is
downloaded; every page passes axe-core with no Content-Security-Policy violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import BrowserSite, Visitor
from careforce.web.backend.progress_reports import latest_request
from web_support import wait_until

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [375, 1280])
def test_analyst_makes_and_downloads_the_report(
    visitor: Visitor, browser_site: BrowserSite, width: int
) -> None:
    visitor.page.set_viewport_size({"width": width, "height": 900})
    page = visitor.visit("/outcomes/progress-report/")
    assert "No report has been made yet" in page.inner_text("main")
    assert page.get_by_role("button", name="Make the report").count() == 0
    visitor.sign_in("analyst@test.example")
    page = visitor.visit("/outcomes/")
    visitor.click("link", "annual progress report")
    visitor.click("button", "Make the report")
    assert "being made" in page.inner_text(".govuk-notification-banner")
    assert wait_until(
        lambda: (state := latest_request()) is not None and state.job.finished, timeout=120
    )
    page = visitor.visit("/outcomes/progress-report/")
    assert "Latest report" in page.inner_text("main")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report as a PDF").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
