"""The workforce survey in a real browser: a care worker answers a round through its link on a
375-pixel phone and on a desktop, by mouse and by keyboard alone, and without JavaScript; every
page passes axe-core with no Content-Security-Policy violation and none scrolls sideways; an
analyst's rounds and results pages pass too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page

from browser_support import CSP_LISTENER, Visitor
from careforce.web.backend import survey as backend
from careforce.web.models.accounts.models import User
from careforce.web.models.accounts.terms import Role
from careforce.web.models.survey.models import SurveyResponse, SurveyRound
from web_support import PASSWORD

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A small phone and a desktop."""
MOST_QUESTIONS = 12
"""More pages than the organisations questionnaire can have (it has 10 questions)."""


@pytest.fixture
def survey_round(transactional_db: None, web_key: None) -> SurveyRound:
    call_command("flush", interactive=False, verbosity=0)
    User.objects.create_user(
        email="analyst@test.example",
        password=PASSWORD,
        full_name="Analyst",
        role=Role.ANALYST.value,
        organisation=None,
    )
    return backend.create_round("organisations", "2024", user=None)


@pytest.fixture
def browser_page(
    chromium: Browser, live_server: Any, survey_round: SurveyRound
) -> Iterator[Visitor]:
    context = chromium.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_LISTENER)
    try:
        yield Visitor(context.new_page(), live_server.url)
    finally:
        context.close()


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def answer_by_mouse(visitor: Visitor) -> None:
    page = visitor.page
    for _ in range(MOST_QUESTIONS):
        if page.url.endswith("/check/"):
            return
        no_sideways_scroll(page)
        labels = page.locator("label.govuk-radios__label, label.govuk-checkboxes__label")
        if labels.count():
            labels.first.click()
        else:
            page.locator("textarea[name=answer]").fill("Thank you cards from Sarah, 07700 900123")
        visitor.click("button", "Continue")
    raise AssertionError("never reached check your answers")


@pytest.mark.parametrize("width", WIDTHS)
def test_respondent_journey(browser_page: Visitor, survey_round: SurveyRound, width: int) -> None:
    visitor = browser_page
    visitor.page.set_viewport_size({"width": width, "height": 900})
    page = visitor.visit(f"/survey/{survey_round.token}/")
    assert page.get_by_role("heading", name="Social care providers survey").is_visible()
    visitor.click("button", "Start now")
    visitor.click("button", "Continue")
    assert "Select an answer" in page.inner_text(".govuk-error-summary")
    answer_by_mouse(visitor)
    assert page.get_by_role("heading", name="Check your answers before sending them").is_visible()
    no_sideways_scroll(page)
    visitor.click("button", "Accept and send")
    assert page.inner_text(".govuk-panel__title") == "Answers sent"
    stored = SurveyResponse.objects.get()
    assert stored.answers["service_type"] == "residential"
    assert "Sarah" not in str(stored.answers)


def test_keyboard_only(browser_page: Visitor, survey_round: SurveyRound) -> None:
    visitor = browser_page
    page = visitor.visit(f"/survey/{survey_round.token}/")
    with page.expect_navigation():
        focus_and_press(page, "a.govuk-button--start", "Enter")
    for _ in range(MOST_QUESTIONS):
        if page.url.endswith("/check/"):
            break
        visitor.check()
        if page.locator("input[name=answer]").count():
            tab_to(page, "input[name=answer]")
            page.keyboard.press("Space")
        else:
            tab_to(page, "textarea[name=answer]")
            page.keyboard.type("More help with travel costs")
        with page.expect_navigation():
            focus_and_press(page, "button.govuk-button", "Enter")
    visitor.check()
    with page.expect_navigation():
        focus_and_press(page, "button.govuk-button", "Enter")
    assert page.inner_text(".govuk-panel__title") == "Answers sent"
    assert SurveyResponse.objects.count() == 1


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until an element matching the selector has the focus."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement && document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focus_and_press(page: Page, selector: str, key: str) -> None:
    tab_to(page, selector)
    page.keyboard.press(key)


def test_without_javascript(chromium: Browser, live_server: Any, survey_round: SurveyRound) -> None:
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 375, "height": 800}
    )
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/survey/{survey_round.token}/")
        with page.expect_navigation():
            page.get_by_role("button", name="Start now").click()
        for _ in range(MOST_QUESTIONS):
            if page.url.endswith("/check/"):
                break
            labels = page.locator("label.govuk-radios__label, label.govuk-checkboxes__label")
            if labels.count():
                labels.last.click()
            with page.expect_navigation():
                page.get_by_role("button", name="Continue").click()
        with page.expect_navigation():
            page.get_by_role("button", name="Accept and send").click()
        assert page.inner_text(".govuk-panel__title") == "Answers sent"
    finally:
        context.close()
    assert SurveyResponse.objects.count() == 1


@pytest.mark.parametrize("width", WIDTHS)
def test_analyst_pages(browser_page: Visitor, survey_round: SurveyRound, width: int) -> None:
    for index in range(12):
        backend.submit(
            survey_round,
            {"struggling_to_recruit": "yes" if index % 4 else "no", "service_type": "nursing"},
            client=f"10.1.0.{index}",
        )
    visitor = browser_page
    visitor.sign_in("analyst@test.example")
    visitor.page.set_viewport_size({"width": width, "height": 900})
    page = visitor.visit("/survey/rounds/")
    assert "12" in page.inner_text("tbody")
    visitor.visit(f"/survey/rounds/{survey_round.pk}/")
    assert page.locator("svg[role=img]").count() == 1
    assert "75.0%" in page.inner_text("main")


@pytest.mark.parametrize("width", WIDTHS)
def test_analyst_reads_likert_questions(browser_page: Visitor, width: int) -> None:
    staff = backend.create_round("staff", "2024", user=None)
    answers = ["very-satisfied", "satisfied", "neither", "dissatisfied"]
    for index in range(12):
        backend.submit(
            staff,
            {
                "working_in_care": "yes",
                "job_satisfaction": answers[index % 4],
                "satisfaction_pay": "satisfied" if index < 5 else None,
            },
            client=f"10.2.0.{index}",
        )
    visitor = browser_page
    visitor.sign_in("analyst@test.example")
    visitor.page.set_viewport_size({"width": width, "height": 900})
    page = visitor.visit(f"/survey/rounds/{staff.pk}/")
    no_sideways_scroll(page)
    satisfaction = page.locator("#likert-job_satisfaction")
    assert satisfaction.get_by_role(
        "heading", name="Overall, how satisfied are you with your current job?"
    ).is_visible()
    assert "50.0%" in satisfaction.inner_text()
    assert "[c]" in page.locator("#likert-satisfaction_pay").inner_text()


@pytest.mark.parametrize("width", WIDTHS)
def test_analyst_reads_the_published_baseline(browser_page: Visitor, width: int) -> None:
    staff = next(r for r in backend.load_baseline() if r.questionnaire == "staff")
    visitor = browser_page
    visitor.sign_in("analyst@test.example")
    visitor.page.set_viewport_size({"width": width, "height": 900})
    page = visitor.visit("/survey/rounds/")
    no_sideways_scroll(page)
    assert "Published baseline" in page.inner_text("tbody")
    visitor.visit(f"/survey/rounds/{staff.pk}/")
    no_sideways_scroll(page)
    assert "80.0%" in page.inner_text("main")
