"""The priority training needs pages: the ranked list of the publication, its downloads, and
the priorities the partnership agreed each year (recorded and audited)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from careforce.web.backend.publications import published
from careforce.web.backend.survey import create_round, load_baseline
from careforce.web.backend.training_needs import ranked_needs
from careforce.web.models.accounts.models import AuditEvent
from careforce.web.models.survey.models import SurveyResponse
from careforce.web.models.training_needs.models import AgreedPriorities
from web_support import Site, page_of

pytestmark = pytest.mark.integration

LIST = "training:need-list"
CREATE = "training:priorities-create"


def _form(**fields: str) -> dict[str, str]:
    data = {
        "year": "2025/26",
        "priorities": "Fire safety\nCare Certificate for managers",
        "note": "",
    }
    data.update(fields)
    return data


class TestNeedList:
    def test_table_is_the_ranked_needs_of_the_publication(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        found = published()
        assert found is not None
        needs = ranked_needs(found)
        assert needs.height > 0
        page = page_of(client_as("analyst").get(reverse(LIST)))
        assert page.texts(".govuk-table thead th") == ["Rank", "Need", "Evidence", "Score"]
        table = page.table()
        assert [row[0] for row in table] == [str(r) for r in needs["rank"].to_list()]
        assert table[0][1:3] == [needs["need"][0], needs["evidence"][0]]

    def test_scoring_is_explained(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("administrator").get(reverse(LIST)))
        assert "Score = workers short × (1 + share of job postings" in page.text(
            ".govuk-main-wrapper"
        )

    def test_no_priorities_yet(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("analyst").get(reverse(LIST)))
        assert "No priorities have been recorded yet." in page.text(".govuk-main-wrapper")

    def test_unknown_period_is_not_found(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("analyst").get(reverse(LIST), {"period": "1999/00"})
        assert response.status_code == 404


PUBLISHED_HEADER = (
    "measure_id,measure_name,period,area_code,area_name,breakdown,breakdown_value,numerator,"
    "denominator,value,lower_ci,upper_ci,unit,polarity,comparator_value,comparison,symbol\n"
)


class TestStoredLabourAndSurvey:
    def test_the_needs_draw_on_the_stored_postings_and_survey_rounds(
        self, client_as: Callable[[str], Any], settings: Any, tmp_path: Path
    ) -> None:
        found = published()
        assert found is not None
        before = ranked_needs(found)
        assert set(before["kind"]) <= {
            "qualification",
            "Care Certificate",
            "Level 2 certificate",
            "mandatory training",
        }
        labour = tmp_path / "labour"
        labour.mkdir()
        (labour / "labour.csv").write_text(
            PUBLISHED_HEADER
            + "skills_in_demand,Skills in demand,2021-09/2022-08,E10000028,Staffordshire,skill,"
            "Safeguarding,450,500,0.9,,,proportion,no-judgement,,not-compared,\n",
            encoding="utf-8",
        )
        settings.CAREFORCE_LABOUR_DIR = labour
        load_baseline()  # the 2022 baseline did not ask the training items ([x])
        staff = create_round("staff", "2026", user=None)
        for number in range(20):
            SurveyResponse.objects.create(
                survey_round=staff,
                response_id=f"r{number}",
                answers={
                    "working_in_care": "yes",
                    "digital_confidence": "agree" if number < 15 else "disagree",
                },
            )
        needs = ranked_needs(found)
        survey = needs.filter(needs["kind"] == "survey")
        assert survey["need"].to_list() == ["Digital skills: using technology to do the job well"]
        assert survey["value"][0] == 0.75
        assert survey["evidence"][0].startswith("75% of 20 survey respondents agree (2026 round;")
        safeguarding = needs.filter(
            needs["need"] == "Current mandatory training: Safeguarding adults"
        )
        if safeguarding.height:
            assert safeguarding["demand"][0] == 0.9
            assert safeguarding["score"][0] == safeguarding["workers_short"][0] * 1.9
        page = page_of(client_as("analyst").get(reverse(LIST)))
        assert "Digital skills: using technology to do the job well" in page.text(".govuk-table")


class TestDownloads:
    def test_csv_holds_the_ranked_needs_and_is_audited(
        self, client_as: Callable[[str], Any]
    ) -> None:
        before = AuditEvent.objects.filter(action="download").count()
        response = client_as("analyst").get(reverse("training:need-download", args=["csv"]))
        assert response.status_code == 200
        text = response.content.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        needs = [row for row in rows if row["table"] == "Priority training needs, ranked"]
        assert [row["rank"] for row in needs] == [str(i) for i in range(1, len(needs) + 1)]
        assert needs[0]["need"]
        assert AuditEvent.objects.filter(action="download").count() == before + 1

    def test_ods_is_a_spreadsheet(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("analyst").get(reverse("training:need-download", args=["ods"]))
        assert response.status_code == 200
        assert response.content[:2] == b"PK"


class TestRecordPriorities:
    def test_form_starts_from_the_ranked_needs(self, client_as: Callable[[str], Any]) -> None:
        found = published()
        assert found is not None
        needs = ranked_needs(found)
        page = page_of(client_as("analyst").get(reverse(CREATE)))
        text = page.one("textarea#id_priorities").etree_element.text
        assert text.strip().splitlines() == needs["need"].head(5).to_list()

    def test_recorded_priorities_are_shown_and_audited(
        self, client_as: Callable[[str], Any]
    ) -> None:
        client = client_as("analyst")
        response = client.post(reverse(CREATE), _form(note="Workforce board, 12 March 2026"))
        assert response.status_code == 302
        entry = AgreedPriorities.objects.get()
        assert (entry.year, entry.priorities) == (
            "2025/26",
            ["Fire safety", "Care Certificate for managers"],
        )
        event = AuditEvent.objects.filter(action="training-priorities").get()
        assert event.detail == {"year": "2025/26", "priorities": "2"}
        page = page_of(client.get(reverse(LIST)))
        assert page.texts(".govuk-list--number li") == [
            "Fire safety",
            "Care Certificate for managers",
        ]

    def test_a_later_record_replaces_the_year_in_force(
        self, client_as: Callable[[str], Any]
    ) -> None:
        client = client_as("administrator")
        client.post(reverse(CREATE), _form())
        client.post(reverse(CREATE), _form(priorities="Digital skills"))
        page = page_of(client.get(reverse(LIST)))
        assert page.texts(".govuk-list--number li") == ["Digital skills"]
        assert "recorded 2 times" in page.text(".govuk-main-wrapper")
        assert AgreedPriorities.objects.count() == 2

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"year": "2025-26"}, "Enter the year like 2025/26"),
            ({"year": "2025/27"}, "Enter the year like 2025/26"),
            ({"priorities": ""}, "Enter at least one priority"),
            ({"priorities": "x" * 301}, "300 characters or fewer"),
        ],
        ids=["dash", "wrong-second-year", "no-priority", "too-long"],
    )
    def test_bad_input_is_an_error(
        self, client_as: Callable[[str], Any], fields: dict[str, str], message: str
    ) -> None:
        response = client_as("analyst").post(reverse(CREATE), _form(**fields))
        assert response.status_code == 400
        assert message in page_of(response).text(".govuk-error-summary")
        assert AgreedPriorities.objects.count() == 0
