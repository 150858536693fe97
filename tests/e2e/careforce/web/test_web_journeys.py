"""Journeys through the service in a real browser: a provider uploads files with errors, reads
the findings, uploads corrected files, accepts them, sees the measures change and downloads
them; the same without JavaScript. axe-core checks every page on the way."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from browser_support import BrowserSite, Visitor
from careforce.web.backend.jobs import stop_worker
from careforce.web.models.jobs.models import Job
from web_support import REFERENCE_DATES, wait_until

pytestmark = pytest.mark.e2e

PUBLISH_SECONDS = 90
"""How long the measures may take to be published again after an acceptance."""
CHECK_SECONDS = 60
"""How long a validation may take."""


def _upload(visitor: Visitor, files: list[Path]) -> None:
    page = visitor.page
    day = REFERENCE_DATES["2021-22"]
    page.fill("#id_reference_date_day", str(day.day))
    page.fill("#id_reference_date_month", str(day.month))
    page.fill("#id_reference_date_year", str(day.year))
    page.set_input_files("#id_files", [str(path) for path in files])
    visitor.click("button", "Upload and check")


def _wait_for_heading(visitor: Visitor, text: str, *, timeout: float) -> None:
    """Wait while the upload page updates itself (JavaScript polls, then reloads)."""
    heading = visitor.page.locator("h1")
    heading.filter(has_text=text).wait_for(timeout=timeout * 1000)
    visitor.check()


def _jobs() -> str:
    """The background jobs, to say why a wait failed."""
    return "\n".join(
        f"{job.pk} {job.kind} {job.status} {job.step!r} {job.message}"
        for job in Job.objects.order_by("pk")
    )


def _periods(visitor: Visitor) -> list[str]:
    return visitor.page.locator("select[name=period] option").all_inner_texts()


class TestProviderJourney:
    def test_upload_fix_accept_and_see_the_measures_change(
        self, visitor: Visitor, browser_site: BrowserSite, provider_files: dict[str, Any]
    ) -> None:
        page = visitor.page
        visitor.visit("/")
        visitor.click("link", "Sign in")
        page.fill("#id_email", "alder@test.example")
        page.fill("#id_password", "correct horse battery staple")
        visitor.click("button", "Sign in")
        assert "Signed in as alder@test.example" in page.inner_text("header")

        visitor.click("link", "Evidence")
        assert _periods(visitor) == ["2020/21"]

        visitor.click("link", "Your data")
        visitor.click("button", "Upload files")
        _upload(visitor, provider_files["a/2021-22/errors"])
        _wait_for_heading(visitor, "has errors", timeout=CHECK_SECONDS)
        assert "2 errors" in page.inner_text(".govuk-warning-text")

        visitor.click("link", "Read the findings, with guidance on putting each one right")
        page.select_option("select[name=severity]", "error")
        visitor.click("button", "Show")
        first = page.locator(".govuk-table tbody tr").first.locator("td").all_inner_texts()
        # line, the provider's own workplace and worker references, column, value
        assert first[:5] == ["4", "WP00001", "000005", "MAINJOBROLE", "99"]
        assert "How to fix it:" in first[6]

        visitor.click("link", "Back to the upload")
        visitor.click("button", "Upload corrected files")
        _upload(visitor, provider_files["all/2021-22"])
        _wait_for_heading(visitor, "ready to accept", timeout=CHECK_SECONDS)
        visitor.click("button", "Accept and add the data")
        assert "has been accepted" in page.inner_text(".govuk-notification-banner")

        def published_again() -> bool:
            visitor.page.goto(visitor.base_url + "/measures/")
            return "2021/22" in _periods(visitor)

        assert wait_until(published_again, timeout=PUBLISH_SECONDS, interval=1.0), _jobs()
        visitor.check()
        page.select_option("select[name=period]", "2021/22")
        visitor.click("button", "Show")
        assert "2021/22" in page.inner_text(".govuk-table__caption")

        visitor.click("link", "Vacancy rate")
        page.locator(".careforce-chart svg").first.wait_for(timeout=10_000)
        visitor.check()
        rows = page.locator(".govuk-table").first.locator("tbody tr").all_inner_texts()
        assert [row.split("\t")[0] for row in rows] == ["2020/21", "2021/22"]

        with page.expect_download() as download:
            page.get_by_role("link", name="CSV", exact=True).click()
        content = Path(download.value.path()).read_text(encoding="utf-8-sig")
        records = list(csv.DictReader(io.StringIO(content)))
        assert {record["measure_id"] for record in records} == {"vacancy_rate"}
        assert {record["period"] for record in records} == {"2020/21", "2021/22"}

        visitor.click("button", "Sign out")
        assert "You have signed out" in page.inner_text(".govuk-notification-banner")


class TestWithoutJavaScript:
    def test_check_progress_refreshes_the_page_and_tables_replace_charts(
        self,
        chromium: Any,
        browser_site: BrowserSite,
        live_server: Any,
        settings: Any,
        provider_files: dict[str, Any],
    ) -> None:
        settings.CAREFORCE_JOBS = "thread"
        context = chromium.new_context(java_script_enabled=False)
        page = context.new_page()
        try:
            page.goto(live_server.url + "/sign-in/")
            page.fill("#id_email", "alder@test.example")
            page.fill("#id_password", "correct horse battery staple")
            page.get_by_role("button", name="Sign in", exact=True).click()
            page.goto(live_server.url + "/uploads/new/")
            day = REFERENCE_DATES["2021-22"]
            page.fill("#id_reference_date_day", str(day.day))
            page.fill("#id_reference_date_month", str(day.month))
            page.fill("#id_reference_date_year", str(day.year))
            page.set_input_files("#id_files", [str(p) for p in provider_files["a/2021-22/errors"]])
            page.get_by_role("button", name="Upload and check").click()
            page.locator("h1", has_text="has errors").wait_for(timeout=CHECK_SECONDS * 1000)
            assert page.locator("meta[http-equiv=refresh]").count() == 0

            page.goto(live_server.url + "/measures/turnover_rate/")
            assert not page.locator(".careforce-chart").first.is_visible()
            assert page.locator(".govuk-table").count() > 1
        finally:
            context.close()
            stop_worker()
