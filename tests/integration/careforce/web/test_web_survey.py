"""The workforce survey in the web service: answering a round through its link one question at
a time with routing, check your answers and confirmation; resuming; redaction before storage;
rate limits; closed rounds; analysts' rounds, counts, results and downloads."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from odf.opendocument import load as load_ods

from careforce.web.backend import survey as backend
from careforce.web.models.survey.models import SurveyResponse, SurveyRound
from careforce.web.models.survey.terms import RoundStatus
from web_support import Page, page_of

pytestmark = pytest.mark.integration

ORGANISATION_ANSWERS = {
    "service_type": ["home-care"],
    "size": ["small"],
    "struggling_to_recruit": ["yes"],
    "struggling_to_retain": ["no"],
    "recruitment_challenges": ["better-pay-outside", "travel"],
    "successful_initiatives": ["improving-pay"],
    "initiatives_detail": ["Thank you cards from Sarah, call 07700 900123"],
    "most_useful_support": ["recruitment-support"],
    "care_workforce_pathway": ["planning"],
    "anything_else": [""],
}


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def survey_round() -> SurveyRound:
    return backend.create_round("organisations", "2024", user=None)


def soup(response: Any) -> Page:
    return page_of(response)


def attribute(page: Page, selector: str, name: str) -> str:
    return str(page.one(selector).etree_element.get(name))


def answer_all(client: Client, token: str, answers: dict[str, list[str]]) -> Any:
    url = reverse("survey:start-show", args=[token])
    page = soup(client.get(url))
    href = attribute(page, "a.govuk-button--start", "href")
    for _ in range(40):
        question_id = href.rstrip("/").split("/")[-1]
        response = client.post(href, {"answer": answers[question_id]})
        assert response.status_code == 302, (question_id, response.content[:500])
        href = response["Location"]
        if href.endswith("/check/"):
            return href
    raise AssertionError("the questions never ended")


class TestAnswering:
    def test_start_page(self, client: Client, survey_round: SurveyRound) -> None:
        page = soup(client.get(reverse("survey:start-show", args=[survey_round.token])))
        assert page.text("h1") == "Social care providers survey"
        assert page.text("a.govuk-button--start") == "Start now"

    def test_one_question_per_page_as_a_heading(
        self, client: Client, survey_round: SurveyRound
    ) -> None:
        url = reverse("survey:answer-update", args=[survey_round.token, "size"])
        page = soup(client.get(url))
        assert page.text("legend h1") == "How many staff does your organisation employ?"
        values = [e.etree_element.get("value") for e in page.all("input[type=radio]")]
        assert values == ["micro", "small", "medium", "large"]

    def test_missing_answer_is_an_error(self, client: Client, survey_round: SurveyRound) -> None:
        url = reverse("survey:answer-update", args=[survey_round.token, "service_type"])
        response = client.post(url, {})
        page = soup(response)
        assert response.status_code == 400
        assert attribute(page, ".govuk-error-summary a", "href") == "#answer"
        assert page.text(".govuk-error-message") == "Error: Select an answer"
        assert page.text("title").startswith("Error: ")

    def test_journey_stores_a_redacted_response(
        self, client: Client, survey_round: SurveyRound
    ) -> None:
        check = answer_all(client, survey_round.token, ORGANISATION_ANSWERS)
        page = soup(client.get(check))
        keys = page.texts(".govuk-summary-list__key")
        assert "What are your main challenges in recruiting staff?" in keys
        values = page.texts(".govuk-summary-list__value")
        assert "Better pay outside the sector, The cost or distance of travel" in values
        done = client.post(check)
        assert done.status_code == 302
        confirmation = soup(client.get(done["Location"]))
        assert confirmation.text(".govuk-panel__title") == "Answers sent"
        stored = SurveyResponse.objects.get()
        assert stored.answers["initiatives_detail"] == "Thank you cards from [name], call [phone]"
        assert stored.answers["recruitment_challenges"] == ["better-pay-outside", "travel"]
        assert stored.answers["anything_else"] is None

    def test_routing_skips_a_question(self, client: Client, survey_round: SurveyRound) -> None:
        answers = {**ORGANISATION_ANSWERS, "struggling_to_recruit": ["no"]}
        answers.pop("recruitment_challenges")
        check = answer_all(client, survey_round.token, answers)
        client.post(check)
        assert "recruitment_challenges" not in SurveyResponse.objects.get().answers

    def test_resuming_continues_where_left(self, client: Client, survey_round: SurveyRound) -> None:
        first = reverse("survey:answer-update", args=[survey_round.token, "service_type"])
        client.post(first, {"answer": "nursing"})
        page = soup(client.get(reverse("survey:start-show", args=[survey_round.token])))
        assert page.text("a.govuk-button--start") == "Continue where you left off"
        assert attribute(page, "a.govuk-button--start", "href").endswith("/questions/size/")

    def test_check_page_sends_back_to_unanswered(
        self, client: Client, survey_round: SurveyRound
    ) -> None:
        response = client.get(reverse("survey:response-create", args=[survey_round.token]))
        assert response["Location"].endswith("/questions/service_type/")

    def test_closed_round_takes_no_answers(self, client: Client, survey_round: SurveyRound) -> None:
        backend.set_status(survey_round, RoundStatus.CLOSED)
        response = client.get(reverse("survey:start-show", args=[survey_round.token]))
        assert response.status_code == 410
        assert soup(response).text("h1") == "This survey has closed"

    def test_unknown_link(self, client: Client) -> None:
        assert client.get(reverse("survey:start-show", args=["nope"])).status_code == 404

    def test_submissions_are_rate_limited(
        self, survey_round: SurveyRound, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(backend, "SUBMISSIONS_PER_HOUR", 2)
        for _ in range(2):
            backend.submit(survey_round, {"service_type": "nursing"}, client="10.0.0.1")
        with pytest.raises(backend.RateLimitedError):
            backend.submit(survey_round, {"service_type": "nursing"}, client="10.0.0.1")
        backend.submit(survey_round, {"service_type": "nursing"}, client="10.0.0.2")
        assert SurveyResponse.objects.count() == 3


class TestRounds:
    def test_analyst_opens_a_round_and_sees_counts(self, client_as: Callable[[str], Any]) -> None:
        client = client_as("analyst")
        response = client.post(
            reverse("survey:round-list"), {"questionnaire": "staff", "name": "2025"}
        )
        assert response.status_code == 302
        created = SurveyRound.objects.get(questionnaire="staff", name="2025")
        backend.submit(created, {"working_in_care": "no"}, client="x")
        page = soup(client.get(reverse("survey:round-list")))
        cells = page.table()[0]
        assert cells[:4] == ["staff", "2025", "Open", "1"]
        assert created.token in cells[4]

    def test_duplicate_round_is_refused(
        self, client_as: Callable[[str], Any], survey_round: SurveyRound
    ) -> None:
        response = client_as("analyst").post(
            reverse("survey:round-list"), {"questionnaire": "organisations", "name": "2024"}
        )
        assert response.status_code == 400
        assert "already has a round called 2024" in soup(response).text(".govuk-error-summary")

    def test_close_and_reopen(
        self, client_as: Callable[[str], Any], survey_round: SurveyRound
    ) -> None:
        client = client_as("administrator")
        url = reverse("survey:round-status-update", args=[survey_round.pk])
        client.post(url, {"status": "closed"})
        survey_round.refresh_from_db()
        assert survey_round.status == "closed"

    def test_results_withhold_small_groups(
        self, client_as: Callable[[str], Any], survey_round: SurveyRound
    ) -> None:
        for index in range(12):
            backend.submit(
                survey_round,
                {"struggling_to_recruit": "yes" if index < 9 else "no", "service_type": "nursing"},
                client=f"10.0.0.{index}",
            )
        page = soup(
            client_as("analyst").get(reverse("survey:round-detail", args=[survey_round.pk]))
        )
        rows = page.table()
        assert rows[0][:4] == ["Organisations struggling to recruit", "All", "12", "75.0%"]
        assert page.all("svg[role=img]")

    def test_ods_download(self, client_as: Callable[[str], Any], survey_round: SurveyRound) -> None:
        response = client_as("analyst").get(
            reverse("survey:round-download", args=[survey_round.pk, "ods"])
        )
        assert response.status_code == 200
        document = load_ods(io.BytesIO(response.content))
        assert document is not None

    def test_html_download(
        self, client_as: Callable[[str], Any], survey_round: SurveyRound
    ) -> None:
        response = client_as("analyst").get(
            reverse("survey:round-download", args=[survey_round.pk, "html"])
        )
        assert response.status_code == 200
        assert re.search(rb"<h1>Social care providers survey 2024: results</h1>", response.content)


class TestPdf:
    def test_pdf_download(self, client_as: Callable[[str], Any], survey_round: SurveyRound) -> None:
        response = client_as("analyst").get(
            reverse("survey:round-download", args=[survey_round.pk, "pdf"])
        )
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")


class TestImportIntoRound:
    def test_export_becomes_a_closed_round_and_is_recognised(self, tmp_path: Any) -> None:
        export = tmp_path / "forms.csv"
        export.write_text(
            "ID,Is your organisation struggling to recruit staff?\n"
            + "".join(f"{i},{'Yes' if i <= 9 else 'No'}\n" for i in range(1, 13)),
            encoding="utf-8",
        )
        mapping = tmp_path / "m.yaml"
        mapping.write_text("layout: microsoft-forms\n", encoding="utf-8")
        first = backend.import_export_into_round(
            questionnaire_name="organisations", round_name="2022", responses=export, mapping=mapping
        )
        again = backend.import_export_into_round(
            questionnaire_name="organisations", round_name="2022", responses=export, mapping=mapping
        )
        assert (first.added, first.already_imported) == (12, False)
        assert (again.added, again.already_imported) == (0, True)
        assert first.survey_round.status == "closed"
        found = backend.results(first.survey_round)
        total = found.results.measures.row(0, named=True)
        assert (total["measure_id"], total["numerator"], total["denominator"]) == (
            "organisations_struggling_to_recruit_share",
            9.0,
            12.0,
        )
