"""The shipped 2022 baseline in the web database: one closed aggregate round per questionnaire,
marked as the published baseline, with its published measures and counts of answers and no
individual responses; its results page; and the scorecard evaluating it beside the
publication."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import pytest
from django.urls import reverse

from careforce.core.outcomes import columns as oc
from careforce.core.vocab import published as pub
from careforce.web.backend import survey as backend
from careforce.web.backend.publications import published
from careforce.web.backend.scorecard import published_evaluation
from careforce.web.models.survey.models import SurveyResponse, SurveyRound
from careforce.web.models.survey.terms import RoundStatus
from web_support import Site, page_of

pytestmark = pytest.mark.integration

AREA = "E10000028"
"""The area of the shipped baseline and of the test site (Staffordshire)."""


def _by_questionnaire(rounds: list[SurveyRound]) -> dict[str, SurveyRound]:
    return {r.questionnaire: r for r in rounds}


class TestLoading:
    def test_one_closed_aggregate_round_per_questionnaire(self, db: None) -> None:
        rounds = _by_questionnaire(backend.load_baseline())
        assert set(rounds) == {"staff", "organisations"}
        staff, organisations = rounds["staff"], rounds["organisations"]
        for found in (staff, organisations):
            assert found.name == "2022 baseline"
            assert found.status == RoundStatus.CLOSED
            assert found.baseline
        assert staff.aggregate is not None
        assert organisations.aggregate is not None
        assert staff.aggregate["respondents"] == 261
        assert organisations.aggregate["respondents"] == 62
        staff_ids = {row[pub.MEASURE_ID] for row in staff.aggregate["measures"]}
        organisation_ids = {row[pub.MEASURE_ID] for row in organisations.aggregate["measures"]}
        assert organisation_ids == {
            "organisations_struggling_to_recruit_share",
            "organisations_struggling_to_retain_share",
        }
        assert "job_satisfaction_share" in staff_ids
        assert len(staff_ids) + len(organisation_ids) == 12
        assert SurveyResponse.objects.count() == 0

    def test_loading_again_replaces(self, db: None) -> None:
        first = backend.load_baseline()
        second = backend.load_baseline()
        assert [r.pk for r in first] == [r.pk for r in second]
        assert SurveyRound.objects.count() == 2

    def test_the_baseline_cannot_be_opened(self, client_as: Callable[[str], Any], db: None) -> None:
        staff = _by_questionnaire(backend.load_baseline())["staff"]
        response = client_as("analyst").post(
            reverse("survey:round-status-update", args=[staff.pk]), {"status": "open"}
        )
        assert response.status_code == 400
        staff.refresh_from_db()
        assert staff.status == RoundStatus.CLOSED
        link = client_as("public").get(reverse("survey:start-show", args=[staff.token]))
        assert link.status_code == 410


class TestPages:
    def test_round_list_marks_the_baseline(self, client_as: Callable[[str], Any]) -> None:
        backend.load_baseline()
        page = page_of(client_as("analyst").get(reverse("survey:round-list")))
        rows = {(row[0], row[1]): row for row in page.table()}
        staff = rows[("staff", "2022 baseline")]
        assert staff[2] == "Closed Published baseline"
        assert staff[3] == "261 (published totals)"
        assert staff[4] == "No link: published results"
        assert "Reopen" not in staff[5]

    def test_results_are_the_published_headlines_and_counts(
        self, client_as: Callable[[str], Any]
    ) -> None:
        staff = _by_questionnaire(backend.load_baseline())["staff"]
        response = client_as("analyst").get(reverse("survey:round-detail", args=[staff.pk]))
        assert response.status_code == 200
        page = page_of(response)
        assert "published baseline" in page.text("#published-baseline")
        measures = {row[0]: row for row in page.table("[aria-label='Survey measures'] table")}
        assert measures["Satisfied with their job"] == [
            "Satisfied with their job",
            "All",
            "261",
            "80.0%",
            "74.7% to 84.4%",
        ]
        assert measures["Feel valued by their employer"][3] == "[x]"
        ranking = page.table("[aria-label='What matters most to you in a job?'] table")
        assert ranking[0][2:] == ["165", "63.2%"]

    def test_downloads_of_the_baseline(self, client_as: Callable[[str], Any]) -> None:
        organisations = _by_questionnaire(backend.load_baseline())["organisations"]
        response = client_as("analyst").get(
            reverse("survey:round-download", args=[organisations.pk, "html"])
        )
        assert response.status_code == 200
        assert b"90.0%" in b"".join(response) if response.streaming else response.content


class TestScorecard:
    def test_the_baseline_is_evaluated_beside_the_publication(self, site: Site) -> None:
        backend.load_baseline()
        found = published()
        assert found is not None
        scorecard = published_evaluation(found, AREA).scorecard
        baseline = scorecard.filter(pl.col(pub.PERIOD) == "2022")
        # The framework's survey measures were not asked in 2022: the baseline says so ([x])
        # rather than leaving them without a source.
        rows = {row[pub.MEASURE_ID]: row for row in baseline.iter_rows(named=True)}
        assert {"willing_to_change_hours_share", "feels_valued_by_employer_share"} <= set(rows)
        valued = rows["feels_valued_by_employer_share"]
        assert valued[pub.SYMBOL] == "[x]"
        assert valued[oc.MEASURE_CODE] == "3.2a"
        assert valued[pub.AREA_CODE] == AREA

    def test_the_scorecard_offers_the_baseline_year_and_keeps_its_default(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        before = page_of(client_as("public").get(reverse("outcomes:scorecard-show")))
        backend.load_baseline()
        after = page_of(client_as("public").get(reverse("outcomes:scorecard-show")))
        assert after.text(".govuk-caption-l") == before.text(".govuk-caption-l")
        options = [o.etree_element.get("value") for o in after.all("select[name=period] option")]
        assert "2022" in options
        chosen = page_of(
            client_as("public").get(
                reverse("outcomes:scorecard-show"), {"area": AREA, "period": "2022"}
            )
        )
        assert chosen.text(".govuk-caption-l") == "Staffordshire · 2022"
