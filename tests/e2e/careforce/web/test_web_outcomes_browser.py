"""The outcomes scorecard and the action plan in a real browser: the pages for each role pass
axe-core with no Content-Security-Policy violation, the outcome chart is drawn, and a partner
analyst records a progress update (with an error first) while an administrator agrees lead
partners and a milestone."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from browser_support import BrowserSite, Visitor

pytestmark = pytest.mark.e2e

PUBLIC_PAGES = (
    "/outcomes/",
    "/outcomes/?period=2020/21",
    "/outcomes/1/",
    "/outcomes/2/",
    "/outcomes/4/",
    "/action-plan/",
    "/action-plan/?status=not+started&flag=either&outcome=3",
    "/action-plan/3.1/",
)
"""Outcomes pages anyone can open."""


class TestOutcomesPages:
    def test_public_pages_and_the_chart(self, visitor: Visitor, browser_site: BrowserSite) -> None:
        for path in PUBLIC_PAGES:
            visitor.visit(path)
        page = visitor.visit("/outcomes/1/")
        page.locator(".careforce-chart svg").first.wait_for(timeout=10_000)
        visitor.check()
        assert page.get_by_role("heading", name="Outcome 1: More resilience").is_visible()
        assert page.get_by_role("button", name="Add an update").count() == 0
        visitor.visit("/action-plan/3.1/")
        assert page.get_by_role("button", name="Add an update").count() == 0
        assert page.get_by_role("heading", name="History of changes made here").count() == 0

    def test_scorecard_download(self, visitor: Visitor, browser_site: BrowserSite) -> None:
        page = visitor.visit("/outcomes/")
        with page.expect_download() as download:
            page.get_by_role("link", name="CSV", exact=True).click()
        content = Path(download.value.path()).read_text(encoding="utf-8-sig")
        records = list(csv.DictReader(io.StringIO(content)))
        assert {record["outcome"] for record in records} == {"1", "2", "3", "4"}
        assert {record["area_code"] for record in records} == {"E10000028"}

    def test_analyst_records_an_update(self, visitor: Visitor, browser_site: BrowserSite) -> None:
        visitor.sign_in("analyst@test.example")
        page = visitor.visit("/action-plan/")
        with page.expect_navigation():
            page.locator('a[href="/action-plan/3.1/"]').first.click()
        visitor.check()
        visitor.click("button", "Add an update")
        visitor.click("button", "Record the update")
        summary = page.locator(".govuk-error-summary")
        assert summary.is_visible()
        assert "Enter what has happened" in summary.inner_text()
        page.fill("#id_date_day", "14")
        page.fill("#id_date_month", "3")
        page.fill("#id_date_year", "2025")
        page.fill("#id_text", "Careers events held in 12 schools with NHS partners.")
        page.select_option("#id_status", "on track")
        page.fill("#id_evidence_title", "Board paper, March 2025")
        page.fill("#id_evidence_url", "https://example.org/board/2025-03")
        visitor.click("button", "Record the update")
        assert "has been recorded" in page.inner_text(".govuk-notification-banner")
        assert "On track" in page.inner_text(".govuk-summary-list")
        assert page.get_by_role("link", name="Board paper, March 2025").is_visible()
        assert "Careers events held in 12 schools" in page.inner_text("main")
        history = page.locator(".govuk-table").last.inner_text()
        assert "Progress update dated 14 March 2025" in history
        visitor.visit("/action-plan/history/")
        assert "Careers events held in 12 schools" in page.inner_text("main")
        visitor.visit("/action-plan/3.1/milestones/new/")
        assert "You do not have access to this page" in page.inner_text("h1")

    def test_administrator_agrees_partners_and_a_milestone(
        self, visitor: Visitor, browser_site: BrowserSite
    ) -> None:
        visitor.sign_in("admin@test.example")
        page = visitor.visit("/action-plan/1.1/")
        visitor.click("link", "Change the lead partners")
        page.fill(
            "#id_partners", "Staffordshire County Council\nNHS Staffordshire and Stoke-on-Trent"
        )
        visitor.click("button", "Save")
        assert "Staffordshire County Council, NHS Staffordshire and Stoke-on-Trent" in (
            page.inner_text(".govuk-summary-list")
        )
        visitor.click("link", "Add a milestone")
        visitor.click("button", "Add the milestone")
        assert page.locator(".govuk-error-summary").is_visible()
        page.fill("#id_title", "Scorecard 2026/27 to the board")
        page.fill("#id_due_day", "31")
        page.fill("#id_due_month", "3")
        page.fill("#id_due_year", "2027")
        visitor.click("button", "Add the milestone")
        rows = page.locator(".govuk-table").first.locator("tbody tr").all_inner_texts()
        assert any(row.startswith("Scorecard 2026/27 to the board") for row in rows)
        visitor.visit("/action-plan/history/")
        assert page.locator("tbody tr").count() == 2
