"""Every page of the service, for every role, in a real browser: axe-core reports no
violations (WCAG 2.2 AA and best practice) and nothing breaks the Content-Security-Policy.
Pages with errors (form errors, filters that cannot be combined, not found) are included."""

from __future__ import annotations

from typing import Any

import pytest

from browser_support import BrowserSite, Visitor
from careforce.web.backend.access import Viewer
from careforce.web.backend.jobs import job_state
from careforce.web.backend.uploads import create_upload
from careforce.web.models.accounts.models import User
from careforce.web.models.indicators.models import Publication
from careforce.web.models.uploads.models import SnapshotWorkplace, Upload
from careforce.web.models.uploads.terms import Source
from web_support import REFERENCE_DATES, incoming, wait_until

pytestmark = pytest.mark.e2e

PUBLIC_PAGES = (
    "/",
    "/accessibility/",
    "/privacy/",
    "/sign-in/",
    "/measures/",
    "/measures/?sector=independent",
    "/measures/?sector=independent&service_group=residential",
    "/measures/filled_posts/",
    "/measures/vacancy_rate/?job_role=key_role%3Acare+worker",
    "/measures/turnover_rate/",
    "/measures/hourly_pay_median/",
    "/measures/workforce_share/",
    "/measures/contract_share/",
    "/measures/qualification_level_share/",
    "/no/such/page/",
)
"""Pages anyone can open."""


def _provider_pages(site: BrowserSite, errors: int) -> list[str]:
    reference = (
        SnapshotWorkplace.objects.filter(snapshot_id=site.snapshot)
        .values_list("establishment_id", flat=True)
        .first()
    )
    return [
        "/uploads/",
        "/uploads/new/",
        f"/uploads/{site.accepted_upload}/",
        f"/uploads/{errors}/",
        f"/uploads/{errors}/findings/",
        f"/uploads/{errors}/findings/?severity=warning&file=staff",
        "/uploads/records/",
        f"/uploads/records/{site.snapshot}/",
        f"/uploads/records/{site.snapshot}/{reference}/",
        "/benchmarks/",
        "/account/",
        "/account/password/",
    ]


ADMINISTRATOR_PAGES = (
    "/organisations/",
    "/organisations/new/",
    "/users/",
    "/users/new/",
    "/audit/",
    "/measures/publications/",
    "/benchmarks/",
)
"""Pages only administrators open (besides the provider pages, which they see too)."""


@pytest.fixture
def invalid_upload(
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


class TestEveryPage:
    @pytest.mark.markup
    def test_public_pages(self, visitor: Visitor) -> None:
        for path in PUBLIC_PAGES:
            visitor.visit(path)
        assert len(visitor.checked) == len(PUBLIC_PAGES)

    @pytest.mark.markup
    def test_sign_in_with_errors(self, visitor: Visitor) -> None:
        visitor.visit("/sign-in/")
        visitor.click("button", "Sign in")
        assert visitor.page.locator(".govuk-error-summary").is_visible()

    @pytest.mark.markup
    def test_provider_pages(
        self, visitor: Visitor, browser_site: BrowserSite, invalid_upload: int
    ) -> None:
        visitor.sign_in("alder@test.example")
        pages = _provider_pages(browser_site, invalid_upload)
        for path in pages:
            visitor.visit(path)
        visitor.visit("/uploads/new/")
        visitor.click("button", "Upload and check")
        assert visitor.page.locator(".govuk-error-summary").is_visible()
        assert (
            len(visitor.checked) == len(pages) + 4
        )  # with sign-in, the start page and the form twice

    @pytest.mark.markup
    def test_administrator_pages(
        self, visitor: Visitor, browser_site: BrowserSite, invalid_upload: int
    ) -> None:
        visitor.sign_in("admin@test.example")
        for path in (*ADMINISTRATOR_PAGES, *_provider_pages(browser_site, invalid_upload)):
            visitor.visit(path)
        visitor.visit(f"/organisations/{browser_site.provider}/")
        visitor.visit(f"/benchmarks/?organisation={browser_site.provider}")
        visitor.visit("/users/new/")
        visitor.click("button", "Save")
        assert visitor.page.locator(".govuk-error-summary").is_visible()

    @pytest.mark.markup
    def test_analyst_pages(self, visitor: Visitor) -> None:
        visitor.sign_in("analyst@test.example")
        for path in ("/", "/measures/", "/measures/publications/", "/account/", "/uploads/"):
            visitor.visit(path)
        assert "You do not have access to this page" in visitor.page.inner_text("h1")

    def test_failed_states_and_a_new_token(
        self, visitor: Visitor, browser_site: BrowserSite, invalid_upload: int
    ) -> None:
        message = "The job was interrupted 3 times (its worker process ended) and has been stopped."
        Upload.objects.filter(pk=invalid_upload).update(status="failed", message=message)
        Publication.objects.create(status="failed", reason="test", message=message)
        visitor.sign_in("admin@test.example")
        visitor.visit(f"/uploads/{invalid_upload}/")
        assert visitor.page.locator("main form button").inner_text() == "Try again"
        visitor.visit("/measures/publications/")
        assert message in visitor.page.inner_text(".govuk-warning-text")
        visitor.visit("/account/")
        visitor.page.fill("input[name=name]", "nightly report")
        visitor.click("button", "Create a token")
        assert len(visitor.page.inner_text(".govuk-panel .careforce-code")) >= 40
