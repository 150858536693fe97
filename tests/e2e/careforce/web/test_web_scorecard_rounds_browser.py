"""The scorecard with the survey rounds in a real browser: beside the publication and the
published 2022 baseline, the 2023 and 2024 rounds' year is offered and shown, each survey series
compared with the round before, at a phone's and a desktop's width, with axe-core and no
sideways scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import BrowserSite, Visitor
from careforce.services.survey import write_demo_exports
from careforce.web.backend import survey as backend

pytestmark = pytest.mark.e2e

WIDTHS = (375, 1280)
"""A small phone and a desktop."""


class TestScorecardRounds:
    def test_the_latest_round_reads_as_the_survey_story(
        self, visitor: Visitor, browser_site: BrowserSite, tmp_path: Path
    ) -> None:
        for questionnaire, name, export in write_demo_exports(tmp_path, seed=2022):
            backend.import_export_into_round(
                questionnaire_name=questionnaire, round_name=name, responses=export
            )
        backend.load_baseline()
        page = visitor.visit("/outcomes/?area=E10000028&period=2024")
        text = page.locator("main").inner_text()
        assert "Staffordshire · 2024" in text
        assert "16.0%" in text
        assert "since 2023" in text
        assert "returns only" not in text.split("Considering leaving", 1)[1].split("\n", 1)[0]
        for width in WIDTHS:
            visitor.fits(width)
