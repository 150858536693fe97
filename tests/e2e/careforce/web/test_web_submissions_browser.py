"""The returns and support pages in a real browser, at a phone's width and a desktop's: axe-core
reports no violations, nothing breaks the Content-Security-Policy and no page scrolls sideways
(wide tables scroll inside their own container)."""

from __future__ import annotations

from typing import Any

import pytest

from browser_support import BrowserSite, Visitor
from careforce.web.backend.access import Viewer
from careforce.web.backend.jobs import job_state
from careforce.web.backend.uploads import create_upload
from careforce.web.models.accounts.models import User
from careforce.web.models.uploads.terms import Source
from web_support import REFERENCE_DATES, incoming, wait_until

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A small phone and a desktop."""
PAGES = (
    "/submissions/",
    "/submissions/?period=2020/21",
    "/submissions/?status=late&kind=council",
    "/submissions/support/",
    "/submissions/support/?period=2020/21",
)
"""The pages, with data, filtered to nothing and for each period."""


@pytest.fixture
def upload_with_errors(
    browser_site: BrowserSite, provider_files: dict[str, Any], visitor: Visitor
) -> int:
    provider = Viewer.of(User.objects.get(email="alder@test.example"))
    upload = create_upload(
        viewer=provider,
        organisation_id=browser_site.provider,
        source=Source.ASCWDS,
        files=incoming(provider_files["a/2021-22/errors"]),
        reference_date=REFERENCE_DATES["2021-22"],
    )
    assert wait_until(lambda: job_state(upload.job_id).finished, timeout=60)  # type: ignore[union-attr]
    return int(upload.pk)


@pytest.mark.parametrize("email", ["analyst@test.example", "admin@test.example"])
def test_pages_at_every_width(visitor: Visitor, upload_with_errors: int, email: str) -> None:
    visitor.sign_in(email)
    for width in WIDTHS:
        visitor.page.set_viewport_size({"width": width, "height": 900})
        for path in PAGES:
            page = visitor.visit(path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} at {width} px scrolls sideways by {overflow} px"
    assert len(visitor.checked) == 2 + len(WIDTHS) * len(PAGES)  # with sign-in and start page
    visitor.visit("/submissions/support/?period=2020/21")
    assert visitor.page.locator(".careforce-support h2").first.inner_text().startswith("1.")


def test_providers_are_refused(visitor: Visitor) -> None:
    visitor.sign_in("alder@test.example")
    for path in ("/submissions/", "/submissions/support/"):
        visitor.visit(path)
        assert "You do not have access to this page" in visitor.page.inner_text("h1")
