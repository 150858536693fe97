"""The priority training needs pages: the ranked list of the publication, its downloads, and
the priorities the partnership agreed each year (recorded and audited)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from careforce.web.backend.publications import published
from careforce.web.backend.training_needs import ranked_needs
from careforce.web.models.accounts.models import AuditEvent
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
        assert "Score = gap × workers in the cell" in page.text(".govuk-main-wrapper")

    def test_no_priorities_yet(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("analyst").get(reverse(LIST)))
        assert "No priorities have been recorded yet." in page.text(".govuk-main-wrapper")

    def test_unknown_period_is_not_found(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("analyst").get(reverse(LIST), {"period": "1999/00"})
        assert response.status_code == 404


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
