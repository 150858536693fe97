"""Every page of the service, as each role, at the width of a small phone (320 px), a common
phone (375 px) and a desktop (1280 px): no page scrolls sideways (tables scroll inside their own
focusable region, charts fit their container, selects fit the screen), at most one navigation
item and one page of the section navigation are highlighted, and axe-core reports no violations
at any width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_web_accessibility import ADMINISTRATOR_PAGES, _provider_pages, invalid_upload
from test_web_accessibility import PUBLIC_PAGES as GENERAL_PAGES
from test_web_labour_browser import labour_measures
from test_web_outcomes_browser import PUBLIC_PAGES as OUTCOMES_PAGES
from test_web_projections_browser import PAGES as PROJECTIONS_PAGES
from test_web_submissions_browser import PAGES as SUBMISSIONS_PAGES
from test_web_training_needs_browser import PAGES as TRAINING_NEEDS_PAGES

from browser_support import BrowserSite, Visitor
from careforce.web.backend import survey
from careforce.web.models.accounts.models import User
from estimates_support import estimates_folder

pytestmark = [pytest.mark.e2e, pytest.mark.markup]

WIDTHS = (320, 375, 1280)
"""A small phone, a common phone and a desktop."""
PUBLIC_PAGES = (*GENERAL_PAGES, *OUTCOMES_PAGES, "/action-plan/history/")
"""Pages anyone can open, besides the sign-in page."""
ANALYST_PAGES = ("/measures/publications/", "/account/", *SUBMISSIONS_PAGES)
"""Pages an analyst opens beyond the public ones."""

OTHER_PUBLIC_PAGES = (
    *PROJECTIONS_PAGES,
    "/labour-market/",
    "/outcomes/progress-report/",
    "/measures/filled_posts/?sector=independent&service_group=home+care"
    "&job_role=key_role%3Acare+worker",
)
"""Public pages with data of their own (labour market, projections), the progress report's
page and a measure page for a combination of filters."""
OTHER_ANALYST_PAGES = (
    *TRAINING_NEEDS_PAGES,
    "/survey/rounds/",
    "/submissions/estimates/",
    "/action-plan/3.1/updates/new/",
)
"""Analyst pages with data of their own (training needs, survey, whole-sector estimates), and
the form of an action's update."""
OTHER_ADMINISTRATOR_PAGES = (
    "/action-plan/3.1/milestones/new/",
    "/action-plan/3.1/lead-partners/",
)
"""The action plan's administrator forms."""

__all__ = ["invalid_upload", "labour_measures"]  # fixtures of these tests


def _visit_at_every_width(visitor: Visitor, paths: tuple[str, ...] | list[str]) -> None:
    for path in paths:
        for width in WIDTHS:
            visitor.page.set_viewport_size({"width": width, "height": 900})
            page = visitor.visit(path)
            visitor.fits(width)
            active = page.locator(".govuk-service-navigation__item--active").count()
            assert active <= 1, f"{path}: {active} navigation items highlighted"
            current = page.locator(".careforce-section-navigation [aria-current=page]").count()
            assert current <= 1, f"{path}: {current} section pages marked current"


class TestNoPageScrollsSideways:
    def test_public_pages(self, visitor: Visitor) -> None:
        _visit_at_every_width(visitor, PUBLIC_PAGES)
        assert len(visitor.checked) == len(WIDTHS) * len(PUBLIC_PAGES)

    def test_provider_pages(
        self, visitor: Visitor, browser_site: BrowserSite, invalid_upload: int
    ) -> None:
        visitor.sign_in("alder@test.example")
        _visit_at_every_width(visitor, _provider_pages(browser_site, invalid_upload))

    def test_analyst_pages(self, visitor: Visitor, invalid_upload: int) -> None:
        visitor.sign_in("analyst@test.example")
        _visit_at_every_width(visitor, ANALYST_PAGES)

    def test_administrator_pages(
        self, visitor: Visitor, browser_site: BrowserSite, invalid_upload: int
    ) -> None:
        visitor.sign_in("admin@test.example")
        _visit_at_every_width(
            visitor,
            (
                *ADMINISTRATOR_PAGES,
                f"/organisations/{browser_site.provider}/",
                f"/benchmarks/?organisation={browser_site.provider}",
                "/organisations/transfers/",
            ),
        )


class TestEveryOtherPageFits:
    """The labour market, projections, survey, training needs and estimates pages, at every
    width (their data are made for the test)."""

    def test_public_pages(
        self, visitor: Visitor, browser_site: BrowserSite, labour_measures: Path
    ) -> None:
        _visit_at_every_width(visitor, OTHER_PUBLIC_PAGES)
        assert len(visitor.checked) == len(WIDTHS) * len(OTHER_PUBLIC_PAGES)

    def test_analyst_pages(
        self, visitor: Visitor, browser_site: BrowserSite, settings: Any, tmp_path: Path
    ) -> None:
        settings.CAREFORCE_ESTIMATES = str(estimates_folder(tmp_path))
        round_ = survey.create_round("organisations", "2024", user=None)
        first = survey.questionnaire("organisations").questions[0].id
        visitor.sign_in("analyst@test.example")
        _visit_at_every_width(
            visitor,
            (
                *OTHER_ANALYST_PAGES,
                f"/survey/rounds/{round_.pk}/",
                f"/survey/{round_.token}/",
                f"/survey/{round_.token}/questions/{first}/",
            ),
        )

    def test_administrator_pages(self, visitor: Visitor, browser_site: BrowserSite) -> None:
        visitor.sign_in("admin@test.example")
        analyst = User.objects.get(email="analyst@test.example")
        _visit_at_every_width(
            visitor,
            (
                *OTHER_ADMINISTRATOR_PAGES,
                f"/users/{analyst.pk}/",
                f"/organisations/{browser_site.provider}/change/",
            ),
        )
