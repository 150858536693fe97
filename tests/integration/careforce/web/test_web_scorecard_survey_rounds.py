"""The scorecard follows the survey from round to round: besides the published 2022 baseline,
every closed round named by its year with responses is evaluated beside the publication, each
compared with the round before; open rounds and rounds named otherwise are not read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from django.urls import reverse

from careforce.core.outcomes import columns as oc
from careforce.core.vocab import published as pub
from careforce.services.survey import write_demo_exports
from careforce.web.backend import survey as backend
from careforce.web.backend.publications import published
from careforce.web.backend.scorecard import published_evaluation
from careforce.web.models.survey.models import SurveyRound
from careforce.web.models.survey.terms import RoundStatus
from web_support import Site, page_of

pytestmark = pytest.mark.integration

AREA = "E10000028"
"""The area of the shipped baseline and of the test site (Staffordshire)."""


def _import_demo_rounds(folder: Path) -> None:
    for questionnaire, name, export in write_demo_exports(folder, seed=2022):
        backend.import_export_into_round(
            questionnaire_name=questionnaire, round_name=name, responses=export
        )
    backend.load_baseline()


def _row(scorecard: pl.DataFrame, measure_id: str, period: str) -> dict[str, Any]:
    return scorecard.filter(
        (pl.col(pub.MEASURE_ID) == measure_id)
        & (pl.col(pub.PERIOD) == period)
        & (pl.col(pub.BREAKDOWN) == pub.TOTAL)
    ).row(0, named=True)


class TestScorecardReadsTheRounds:
    def test_each_round_is_compared_with_the_round_before(self, site: Site, tmp_path: Path) -> None:
        _import_demo_rounds(tmp_path)
        found = published()
        assert found is not None
        scorecard = published_evaluation(found, AREA).scorecard
        leaving = [
            round(float(_row(scorecard, "considering_leaving_share", year)[pub.VALUE]), 3)
            for year in ("2022", "2023", "2024")
        ]
        # 2022 is the published baseline (1 in 5), 2023 and 2024 the demo's rounds.
        assert leaving == [0.2, 0.186, 0.16]
        latest = _row(scorecard, "considering_leaving_share", "2024")
        assert latest[oc.PREVIOUS_PERIOD] == "2023"
        assert latest[oc.CHANGE_SINCE_LAST] == pytest.approx(51 / 318 - 55 / 296)
        recruit = _row(scorecard, "organisations_struggling_to_recruit_share", "2024")
        assert recruit[pub.VALUE] == pytest.approx(56 / 74)

    def test_open_rounds_and_rounds_not_named_by_a_year_are_not_read(
        self, site: Site, tmp_path: Path
    ) -> None:
        _import_demo_rounds(tmp_path)
        SurveyRound.objects.filter(name="2024", questionnaire="staff").update(
            status=RoundStatus.OPEN
        )
        SurveyRound.objects.filter(name="2023", questionnaire="staff").update(name="Spring pulse")
        found = published()
        assert found is not None
        periods = set(
            published_evaluation(found, AREA)
            .scorecard.filter(pl.col(pub.MEASURE_ID) == "considering_leaving_share")
            .filter(pl.col(pub.VALUE).is_not_null())
            .get_column(pub.PERIOD)
        )
        assert periods == {"2022"}

    def test_the_page_offers_the_rounds_years_and_shows_the_latest(
        self, client_as: Callable[[str], Any], site: Site, tmp_path: Path
    ) -> None:
        _import_demo_rounds(tmp_path)
        page = page_of(client_as("public").get(reverse("outcomes:scorecard-show")))
        options = [o.etree_element.get("value") for o in page.all("select[name=period] option")]
        assert {"2022", "2023", "2024"} <= set(options)
        chosen = page_of(
            client_as("public").get(
                reverse("outcomes:scorecard-show"), {"area": AREA, "period": "2024"}
            )
        )
        assert chosen.text(".govuk-caption-l") == "Staffordshire · 2024"
        assert "16.0%" in chosen.text("main")
        # What staff said is not labelled as the returns' figures.
        assert "Considering leaving; returns only" not in chosen.text("main")
        assert "Considering leaving" in chosen.text("main")
