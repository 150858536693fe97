"""The outcomes pages: the scorecard, a page per outcome, the action plan with its progress
updates, milestones, lead partners, history and downloads, and who may do what on them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
from django.test import Client
from django.urls import reverse
from odf.opendocument import load as load_ods
from odf.table import TableCell
from odf.text import P

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.presentation import format_value
from careforce.core.outcomes.report import latest_period
from careforce.core.vocab import published as pub
from careforce.io.outcomes_files import read_action_plan_file
from careforce.web.backend.access import Viewer
from careforce.web.backend.action_plan import (
    find_detail,
    plan_in_force,
    progress_in_force,
    record_changes,
)
from careforce.web.backend.publications import published
from careforce.web.backend.scorecard import published_evaluation
from careforce.web.models.accounts.models import AuditEvent
from careforce.web.models.outcomes.models import ActionChange
from careforce.web.models.outcomes.terms import ChangeKind
from injection_support import INJECTIONS
from web_support import Page, Site, page_of

pytestmark = pytest.mark.integration

AREA = "E10000028"
"""The area the test site publishes (Staffordshire)."""
CODE = "3.1"
"""The detailed action most tests change (one milestone, due 31 March 2024)."""
MILESTONE = "Delivered within the first two years of the strategy"
"""The milestone of 3.1 in the shipped plan."""
MILESTONE_CHOICE = f"2024-03-31 {MILESTONE}"
"""How the update form offers it (due date and title)."""
LOGIN = "login"
"""Expected: a redirect to the sign-in page."""


@pytest.fixture
def scorecard(site: Site) -> pl.DataFrame:
    found = published()
    assert found is not None
    frame: pl.DataFrame = published_evaluation(found, AREA).scorecard
    return frame


def _latest(scorecard: pl.DataFrame) -> pl.DataFrame:
    return scorecard.filter(pl.col(pub.PERIOD) == latest_period(scorecard))


def _outcomes(scorecard: pl.DataFrame) -> list[str]:
    return [str(code) for code in scorecard.get_column(c.OUTCOME).unique(maintain_order=True)]


def _csv(response: Any) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def _csv_header(response: Any) -> list[str]:
    return next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _ods_content(response: Any) -> str:
    with zipfile.ZipFile(io.BytesIO(response.content)) as book:
        assert book.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        return book.read("content.xml").decode()


def _summary(page: Page) -> dict[str, str]:
    """A summary list as {key: value}."""
    return dict(
        zip(
            page.texts(".govuk-summary-list__key"),
            page.texts(".govuk-summary-list__value"),
            strict=True,
        )
    )


def _detail_url(code: str = CODE) -> str:
    return str(reverse("outcomes:action-detail", args=[code]))


def _update(**fields: str) -> dict[str, str]:
    """The fields of a valid update form (dated 1 June 2024, no status change)."""
    data = {
        "date_day": "1",
        "date_month": "6",
        "date_year": "2024",
        "text": "Schools engagement model agreed by the board",
        "status": "",
        "author": "",
        "evidence_title": "",
        "evidence_url": "",
        "milestone": "",
    }
    data.update(fields)
    return data


def _record(site: Site, role: str, code: str, kind: ChangeKind, payload: dict[str, Any]) -> None:
    """Record a change through the service (to set up a test)."""
    record_changes(Viewer.of(site.user(role)), code=code, changes=[(kind, payload)])


def _errors(response: Any) -> str:
    assert response.status_code == 400, response.content[:2000]
    return str(page_of(response).text(".govuk-error-summary"))


def _changes() -> int:
    return int(ActionChange.objects.count())


# --- the scorecard -------------------------------------------------------------------------


class TestScorecard:
    def test_one_table_per_outcome_with_the_latest_periods_rows(
        self, client_as: Callable[[str], Any], scorecard: pl.DataFrame
    ) -> None:
        response = client_as("public").get(reverse("outcomes:scorecard-show"))
        assert response.status_code == 200
        page = page_of(response)
        latest = _latest(scorecard)
        outcomes = _outcomes(scorecard)
        assert outcomes == ["1", "2", "3", "4"]
        for code in outcomes:
            rows = page.table(f"[aria-label^='Measures of outcome {code} ('] .govuk-table")
            expected = latest.filter(pl.col(c.OUTCOME) == code)
            assert len(rows) == expected.height
            for shown, row in zip(rows, expected.iter_rows(named=True), strict=True):
                assert shown[0].split()[0] == row[c.MEASURE_CODE]
                assert shown[2] == format_value(
                    row[pub.VALUE], row[pub.UNIT], symbol=row[pub.SYMBOL]
                )
        assert len(page.all("main .govuk-table")) == len(outcomes)
        assert f"Staffordshire · {latest_period(scorecard)}" == page.text(".govuk-caption-l")

    def test_vacancy_rate_shows_the_evaluated_value(
        self, client_as: Callable[[str], Any], scorecard: pl.DataFrame
    ) -> None:
        page = page_of(client_as("public").get(reverse("outcomes:scorecard-show")))
        row = (
            _latest(scorecard)
            .filter((pl.col(c.MEASURE_CODE) == "1.1b") & (pl.col(c.SOURCE_NUMBER) == 1))
            .row(0, named=True)
        )
        assert row[pub.MEASURE_ID] == "vacancy_rate"
        assert row[pub.VALUE] is not None
        shown = next(
            r
            for r in page.table("[aria-label^='Measures of outcome 1 ('] .govuk-table")
            if r[0].startswith("1.1b ")
        )
        expected = format_value(row[pub.VALUE], row[pub.UNIT], symbol=row[pub.SYMBOL])
        assert expected.endswith("%")
        assert shown[1] == "Vacancy rate; returns only"
        assert shown[2] == expected

    def test_judgement_tags_for_every_measure_with_a_source(
        self, client_as: Callable[[str], Any], scorecard: pl.DataFrame
    ) -> None:
        page = page_of(client_as("public").get(reverse("outcomes:scorecard-show")))
        latest = _latest(scorecard)
        judged = 0
        for code in _outcomes(scorecard):
            table = page.one(f"[aria-label^='Measures of outcome {code} ('] .govuk-table")
            rows = list(table.query_all("tbody tr"))
            expected = latest.filter(pl.col(c.OUTCOME) == code)
            assert len(rows) == expected.height
            for shown, row in zip(rows, expected.iter_rows(named=True), strict=True):
                since_baseline = list(shown.query_all("th, td"))[4]
                tags = [
                    " ".join(t.etree_element.itertext()).strip()
                    for t in since_baseline.query_all(".govuk-tag")
                ]
                if row[c.SOURCE_STATUS] == c.SourceStatus.NO_DATA_SOURCE.value:
                    assert tags == []
                    continue
                judged += 1
                direction = row[c.DIRECTION] or c.Direction.CANNOT_BE_CALCULATED.value
                if direction == c.Direction.NOT_APPLICABLE.value:
                    assert len(tags) == 1
                else:
                    assert tags == [direction.capitalize()]
        assert judged > 0

    def test_area_and_period_are_a_get_form_of_selects(
        self, client_as: Callable[[str], Any], scorecard: pl.DataFrame
    ) -> None:
        page = page_of(client_as("public").get(reverse("outcomes:scorecard-show")))
        form = page.one("main form[method=get]")
        assert form.query("select.govuk-select[name=area]") is not None
        assert form.query("select.govuk-select[name=period]") is not None
        area = page.one("select[name=area] option[selected]")
        assert area.etree_element.get("value") == AREA
        assert page.texts("select[name=period] option") == ["Latest with data", "2020/21"]

    def test_chosen_period_is_shown(
        self, client_as: Callable[[str], Any], scorecard: pl.DataFrame
    ) -> None:
        response = client_as("public").get(
            reverse("outcomes:scorecard-show"), {"area": AREA, "period": "2020/21"}
        )
        assert response.status_code == 200
        assert page_of(response).text(".govuk-caption-l") == "Staffordshire · 2020/21"

    @pytest.mark.parametrize(
        "query", [{"area": "E99999999"}, {"period": "1999/00"}, {"area": AREA, "period": "x"}]
    )
    def test_unknown_area_or_period_is_not_found(
        self, client_as: Callable[[str], Any], query: dict[str, str]
    ) -> None:
        response = client_as("public").get(reverse("outcomes:scorecard-show"), query)
        assert response.status_code == 404

    @pytest.mark.parametrize(
        ("name", "args"),
        [
            ("outcomes:scorecard-show", []),
            ("outcomes:outcome-detail", ["1"]),
            ("outcomes:action-list", []),
            ("outcomes:action-detail", [CODE]),
        ],
    )
    def test_pages_are_read_only(
        self, client_as: Callable[[str], Any], name: str, args: list[str]
    ) -> None:
        assert client_as("administrator").post(reverse(name, args=args)).status_code == 405

    def test_summary_links_to_every_outcome(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("public").get(reverse("outcomes:scorecard-show")))
        links = [
            a.etree_element.get("href")
            for a in page.all("main li a.govuk-link")
            if a.etree_element.get("href").startswith("/outcomes/")
        ]
        assert links == [
            f"{reverse('outcomes:outcome-detail', args=[code])}?area={AREA}"
            for code in ("1", "2", "3", "4")
        ]


class TestScorecardDownloads:
    def test_csv_is_the_whole_evaluation_with_a_table_column(
        self, client_as: Callable[[str], Any], scorecard: pl.DataFrame
    ) -> None:
        response = client_as("public").get(reverse("outcomes:scorecard-download", args=["csv"]))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert 'filename="outcomes-scorecard.csv"' in response["Content-Disposition"]
        assert _csv_header(response) == ["table", *c.SCORECARD_COLUMNS]
        rows = _csv(response)
        assert len(rows) == scorecard.height
        assert {row["table"] for row in rows} == {"Outcomes scorecard for Staffordshire"}
        assert {row[pub.AREA_CODE] for row in rows} == {AREA}

    def test_ods_is_a_workbook(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("public").get(reverse("outcomes:scorecard-download", args=["ods"]))
        assert response.status_code == 200
        content = _ods_content(response)
        assert 'table:name="Cover"' in content
        assert 'table:name="Scorecard"' in content

    def test_outcome_csv_holds_only_its_rows(
        self, client_as: Callable[[str], Any], scorecard: pl.DataFrame
    ) -> None:
        response = client_as("public").get(
            reverse("outcomes:outcome-download", args=["2", "csv"]), {"area": AREA}
        )
        rows = _csv(response)
        assert len(rows) == scorecard.filter(pl.col(c.OUTCOME) == "2").height
        assert {row[c.OUTCOME] for row in rows} == {"2"}

    @pytest.mark.parametrize(
        ("name", "args"),
        [
            ("outcomes:scorecard-download", ["pdf"]),
            ("outcomes:outcome-download", ["9", "csv"]),
            ("outcomes:outcome-download", ["1", "pdf"]),
        ],
    )
    def test_unknown_format_or_outcome_is_not_found(
        self, client_as: Callable[[str], Any], name: str, args: list[str]
    ) -> None:
        assert client_as("public").get(reverse(name, args=args)).status_code == 404

    def test_download_is_in_the_audit_log(self, client_as: Callable[[str], Any]) -> None:
        client_as("analyst").get(reverse("outcomes:scorecard-download", args=["csv"]))
        event = AuditEvent.objects.filter(action="download").get()
        assert event.actor == "analyst@test.example"
        assert event.object_type == "outcomes"
        assert event.object_id == "outcomes-scorecard"
        assert event.detail["format"] == "csv"


# --- a page per outcome --------------------------------------------------------------------


class TestOutcomePage:
    def test_sub_outcome_headings_then_indicators(
        self, client_as: Callable[[str], Any], scorecard: pl.DataFrame
    ) -> None:
        page = page_of(client_as("public").get(reverse("outcomes:outcome-detail", args=["1"])))
        headings = page.texts("main h2.govuk-heading-m")
        latest = _latest(scorecard).filter(pl.col(c.OUTCOME) == "1")
        expected = [
            f"{code} {title}" if code else "Indicators"
            for code, title in latest.select(c.SUB_OUTCOME, c.SUB_OUTCOME_TITLE)
            .unique(maintain_order=True)
            .iter_rows()
        ]
        assert [h.split()[0] for h in expected] == ["1.1", "1.2", "Indicators"]
        assert headings[: len(expected)] == expected
        assert page.text("h1") == "Outcome 1: More resilience"

    def test_measure_rows_with_values_and_anchors(
        self, client_as: Callable[[str], Any], scorecard: pl.DataFrame
    ) -> None:
        page = page_of(client_as("public").get(reverse("outcomes:outcome-detail", args=["1"])))
        rows = page.table("[aria-label^='Measures of sub-outcome 1.1,'] .govuk-table")
        expected = _latest(scorecard).filter(pl.col(c.SUB_OUTCOME) == "1.1")
        assert len(rows) == expected.height
        for shown, row in zip(rows, expected.iter_rows(named=True), strict=True):
            assert shown[2] == format_value(row[pub.VALUE], row[pub.UNIT], symbol=row[pub.SYMBOL])
        assert page.one("#measure-1\\.1b") is not None

    def test_chart_is_a_vega_lite_spec_with_its_data_table(
        self, client_as: Callable[[str], Any], scorecard: pl.DataFrame
    ) -> None:
        page = page_of(client_as("public").get(reverse("outcomes:outcome-detail", args=["1"])))
        container = page.one(".careforce-chart")
        block = page.one('script[type="application/json"]')
        assert block.etree_element.get("id") == container.etree_element.get("data-chart-spec")
        spec = json.loads(block.etree_element.text)
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
        points = spec["data"]["values"]
        assert points
        rows = page.table("[aria-label='Data for the chart of outcome 1'] .govuk-table")
        charted = scorecard.filter(
            (pl.col(c.OUTCOME) == "1")
            & pl.col(pub.VALUE).is_not_null().any().over(c.MEASURE_CODE, c.SOURCE_NUMBER)
        )
        assert len(rows) == charted.height
        assert {point["series"] for point in points} <= {row[0] for row in rows}
        vacancy = next(p for p in points if p["series"] == "1.1b Vacancy rate (%)")
        shown = next(r for r in rows if r[0] == vacancy["series"] and r[1] == vacancy["period"])
        assert shown[2] == f"{vacancy['shown_value']:.1f}%"
        assert page.all("script[src$='vega-embed.min.js']")

    def test_actions_table_lists_the_actions_for_the_outcome(
        self, client_as: Callable[[str], Any]
    ) -> None:
        page = page_of(client_as("public").get(reverse("outcomes:outcome-detail", args=["3"])))
        rows = page.table("[aria-label='Detailed actions contributing to outcome 3'] .govuk-table")
        expected = [
            f"{detail.code} {detail.title}"
            for action in plan_in_force().plan.actions
            for detail in action.detailed_actions
            if "3" in detail.outcomes
        ]
        assert 0 < len(expected) < 36
        assert [row[0] for row in rows] == expected

    def test_unknown_outcome_is_not_found(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("public").get(reverse("outcomes:outcome-detail", args=["9"]))
        assert response.status_code == 404


# --- the action plan -----------------------------------------------------------------------


def _shown_codes(page: Page) -> list[str]:
    return [
        row[0].split()[0]
        for table in page.all("[aria-label^='Detailed actions of action'] .govuk-table")
        for row in _rows_of(table)
    ]


def _rows_of(table: Any) -> list[list[str]]:
    return [
        [
            " ".join("".join(cell.etree_element.itertext()).split())
            for cell in row.query_all("th, td")
        ]
        for row in table.query_all("tbody tr")
    ]


class TestActionList:
    def test_key_actions_and_every_detailed_action(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("public").get(reverse("outcomes:action-list"))
        assert response.status_code == 200
        page = page_of(response)
        summary = page.table(
            "[aria-label='Detailed actions of each key action by status'] .govuk-table"
        )
        assert len(summary) == 8
        assert [row[0].split(".")[0] for row in summary] == [str(n) for n in range(1, 9)]
        assert sum(int(row[1]) for row in summary) == 36
        codes = _shown_codes(page)
        assert len(codes) == 36
        assert codes == [
            detail.code
            for action in plan_in_force().plan.actions
            for detail in action.detailed_actions
        ]
        assert page.text("#actions-shown") == "36 of 36 detailed actions shown."

    def test_public_sees_no_history_or_plan_download_links(
        self, client_as: Callable[[str], Any]
    ) -> None:
        html = client_as("public").get(reverse("outcomes:action-list")).content.decode()
        assert reverse("outcomes:change-list") not in html
        assert reverse("outcomes:plan-download") not in html
        analyst = client_as("analyst").get(reverse("outcomes:action-list")).content.decode()
        assert reverse("outcomes:change-list") in analyst
        assert reverse("outcomes:plan-download") in analyst

    def test_filters_narrow_the_list(self, client_as: Callable[[str], Any], site: Site) -> None:
        today = dt.date.today().isoformat()
        _record(
            site,
            "analyst",
            "3.1",
            ChangeKind.UPDATE,
            {"date": today, "text": "On course", "status": "on track"},
        )
        _record(
            site,
            "analyst",
            "2.1",
            ChangeKind.UPDATE,
            {"date": today, "text": "Slipping", "status": "at risk"},
        )
        _record(
            site,
            "analyst",
            "3.1",
            ChangeKind.MILESTONE_COMPLETED,
            {"index": 0, "title": MILESTONE, "completed": today},
        )
        flags = progress_in_force()[1].flags
        client = client_as("public")

        def shown(**query: str) -> list[str]:
            return _shown_codes(page_of(client.get(reverse("outcomes:action-list"), query)))

        def codes(frame: pl.DataFrame) -> list[str]:
            return [str(code) for code in frame.get_column(c.CODE)]

        assert shown(status="on track") == ["3.1"]
        assert shown(status="at risk") == ["2.1"]
        assert shown(status="complete") == []
        on_outcome_4 = flags.filter(pl.col(c.OUTCOMES).str.split("; ").list.contains("4"))
        assert 0 < on_outcome_4.height < 36
        assert shown(outcome="4") == codes(on_outcome_4)
        stale = flags.filter(pl.col(c.STALE))
        assert stale.height == 34
        assert shown(flag="stale") == codes(stale)
        overdue = flags.filter(pl.col(c.OVERDUE))
        assert "3.1" not in codes(overdue)
        assert shown(flag="overdue") == codes(overdue)
        assert shown(flag="either") == codes(flags.filter(pl.col(c.OVERDUE) | pl.col(c.STALE)))
        assert shown(status="not started", outcome="4", flag="stale") == codes(
            on_outcome_4.filter(pl.col(c.STALE) & (pl.col(c.STATUS) == "not started"))
        )
        page = page_of(client.get(reverse("outcomes:action-list"), {"status": "on track"}))
        assert page.text("#actions-shown") == "1 of 36 detailed actions shown."

    def test_csv_download_is_the_detailed_actions_alone(
        self, client_as: Callable[[str], Any]
    ) -> None:
        response = client_as("public").get(reverse("outcomes:action-download", args=["csv"]))
        assert response.status_code == 200
        rows = _csv(response)
        assert {row["table"] for row in rows} == {"Detailed actions"}
        assert len(rows) == 36
        assert {row[c.CODE] for row in rows} >= {"3.1"}

    def test_xlsx_download_is_a_workbook_of_separate_tables(
        self, client_as: Callable[[str], Any]
    ) -> None:
        response = client_as("public").get(reverse("outcomes:action-download", args=["xlsx"]))
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        _, progress = progress_in_force()
        assert book.sheetnames == [
            "Cover",
            "Notes",
            "Key actions",
            "Detailed actions",
            "Milestones",
            "Updates",
        ]
        # A title row and a header row above each table's rows.
        assert book["Key actions"].max_row == 2 + 8
        assert book["Detailed actions"].max_row == 2 + 36
        assert book["Milestones"].max_row == 2 + progress.milestones.height
        assert [cell.value for cell in book["Key actions"][2]] == progress.summary.columns

    def test_ods_download_has_every_sheet(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("provider_a").get(reverse("outcomes:action-download", args=["ods"]))
        content = _ods_content(response)
        for name in ("Cover", "Notes", "Key actions", "Detailed actions", "Milestones", "Updates"):
            assert f'table:name="{name}"' in content


# --- a detailed action ---------------------------------------------------------------------


class TestActionDetail:
    def test_shows_the_action_from_the_plan(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("public").get(_detail_url()))
        _, detail = find_detail(plan_in_force().plan, CODE)
        assert page.text("h1") == f"{CODE} {detail.title}"
        summary = _summary(page)
        assert summary["Status"] == "Not started"
        assert summary["Lead partners"] == "Not yet agreed"
        assert summary["Last update"] == "Never updated"
        assert summary["Outcomes"].startswith("1. More resilience, 2. More effective recruitment")
        assert page.table(".govuk-table")[0][0] == MILESTONE
        assert "There are no updates yet." in page.html

    @pytest.mark.parametrize("code", ["9.9", "3", "nothing"])
    def test_unknown_action_is_not_found(self, client_as: Callable[[str], Any], code: str) -> None:
        assert client_as("public").get(_detail_url(code)).status_code == 404

    @pytest.mark.parametrize(
        ("role", "updates", "plans"),
        [
            ("public", False, False),
            ("provider_a", False, False),
            ("provider_b", False, False),
            ("analyst", True, False),
            ("administrator", True, True),
        ],
    )
    def test_buttons_and_history_by_role(
        self, client_as: Callable[[str], Any], role: str, updates: bool, plans: bool
    ) -> None:
        page = page_of(client_as(role).get(_detail_url()))
        button = page.all(
            f"a.govuk-button[href='{reverse('outcomes:update-create', args=[CODE])}']"
        )
        assert bool(button) is updates
        assert ("History of changes made here" in page.texts("h2")) is updates
        for name in ("outcomes:milestone-create", "outcomes:partners-update"):
            assert bool(page.all(f"a[href='{reverse(name, args=[CODE])}']")) is plans

    def test_history_table_is_hidden_from_the_public(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        _record(site, "analyst", CODE, ChangeKind.UPDATE, {"date": "2024-06-01", "text": "Begun"})
        public = page_of(client_as("public").get(_detail_url()))
        assert "Begun" in public.text(".careforce-update__text")
        assert "Changes recorded to" not in public.html
        provider = client_as("provider_a").get(_detail_url()).content.decode()
        assert "Changes recorded to" not in provider
        analyst = page_of(client_as("analyst").get(_detail_url()))
        history = _rows_of(analyst.all(".govuk-table")[-1])
        assert history[0][1:] == [
            "Progress update dated 1 June 2024: Begun",
            "Analyst",
            "Yes",
        ]


# --- who may do what -----------------------------------------------------------------------

ROLES = ("public", "administrator", "analyst", "provider_a", "provider_b")
MATRIX: dict[str, tuple[int | str, ...]] = {
    "outcomes:update-create": (LOGIN, 200, 200, 403, 403),
    "outcomes:milestone-create": (LOGIN, 200, 403, 403, 403),
    "outcomes:partners-update": (LOGIN, 200, 403, 403, 403),
    "outcomes:change-list": (LOGIN, 200, 200, 403, 403),
    "outcomes:plan-download": (LOGIN, 200, 200, 403, 403),
}
"""Expected answer to a GET of each restricted page, by role (in the order of ROLES)."""
CASES = [
    (name, role, expected)
    for name, answers in MATRIX.items()
    for role, expected in zip(ROLES, answers, strict=True)
]


class TestAccess:
    @pytest.mark.parametrize(("name", "role", "expected"), CASES)
    def test_restricted_pages(
        self, client_as: Callable[[str], Any], name: str, role: str, expected: int | str
    ) -> None:
        args = [CODE] if name.endswith(("-create", "-update")) else []
        url = reverse(name, args=args)
        response = client_as(role).get(url)
        if expected == LOGIN:
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("accounts:session-create"))
        else:
            assert response.status_code == expected

    @pytest.mark.parametrize(
        ("role", "name", "data"),
        [
            ("provider_a", "outcomes:update-create", _update()),
            ("public", "outcomes:update-create", _update()),
            (
                "analyst",
                "outcomes:milestone-create",
                {"title": "A step", "due_day": "1", "due_month": "1", "due_year": "2025"},
            ),
            ("analyst", "outcomes:partners-update", {"partners": "NHS"}),
            ("provider_b", "outcomes:partners-update", {"partners": "NHS"}),
        ],
    )
    def test_refused_posts_record_nothing(
        self, client_as: Callable[[str], Any], role: str, name: str, data: dict[str, str]
    ) -> None:
        response = client_as(role).post(reverse(name, args=[CODE]), data)
        assert response.status_code == (302 if role == "public" else 403)
        assert _changes() == 0

    def test_unknown_action_is_not_found_for_an_analyst(
        self, client_as: Callable[[str], Any]
    ) -> None:
        response = client_as("analyst").post(
            reverse("outcomes:update-create", args=["9.9"]), _update()
        )
        assert response.status_code == 404
        assert _changes() == 0

    def test_post_without_csrf_token_is_forbidden(self, site: Site) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(site.user("analyst"))
        response = client.post(reverse("outcomes:update-create", args=[CODE]), _update())
        assert response.status_code == 403
        assert _changes() == 0


# --- recording an update -------------------------------------------------------------------


class TestUpdate:
    def test_form_offers_statuses_and_open_milestones(
        self, client_as: Callable[[str], Any]
    ) -> None:
        page = page_of(client_as("analyst").get(reverse("outcomes:update-create", args=[CODE])))
        assert page.texts("select[name=status] option") == [
            "Keep as not started",
            "Not started",
            "On track",
            "At risk",
            "Off track",
            "Complete",
        ]
        assert page.texts("select[name=milestone] option") == [
            "None",
            f"{MILESTONE} (due 31 March 2024)",
        ]
        today = dt.date.today()
        assert page.one("input[name=date_day]").etree_element.get("value") == str(today.day)
        assert page.one("input[name=date_year]").etree_element.get("value") == str(today.year)

    def test_recorded_update_is_shown_on_the_action(self, client_as: Callable[[str], Any]) -> None:
        client = client_as("analyst")
        response = client.post(
            reverse("outcomes:update-create", args=[CODE]),
            _update(
                status="on track",
                author="Workforce board",
                evidence_title="Board paper, June 2024",
                evidence_url="https://www.staffordshire.gov.uk/board-papers",
            ),
        )
        assert response.status_code == 302
        assert response["Location"] == _detail_url()
        page = page_of(client.get(_detail_url()))
        assert page.text(".govuk-notification-banner").endswith(
            f"Your update to {CODE} has been recorded."
        )
        assert page.text(".careforce-update h3") == "1 June 2024 · On track"
        assert (
            page.text(".careforce-update__text") == "Schools engagement model agreed by the board"
        )
        assert "Reported by Workforce board" in page.text(".careforce-update")
        evidence = page.one(".careforce-update a.govuk-link")
        assert evidence.etree_element.get("href") == "https://www.staffordshire.gov.uk/board-papers"
        assert page.text(".careforce-update a.govuk-link") == "Board paper, June 2024"
        summary = _summary(page)
        assert summary["Status"] == "On track"
        assert summary["Last update"] == "1 June 2024"
        assert page.texts("main p.govuk-body .govuk-tag")[0] == "On track"

    def test_recorded_update_is_a_change_and_an_audit_event(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        client_as("analyst").post(
            reverse("outcomes:update-create", args=[CODE]), _update(status="at risk")
        )
        change = ActionChange.objects.get()
        assert change.code == CODE
        assert change.kind == "update"
        assert change.payload == {
            "date": "2024-06-01",
            "text": "Schools engagement model agreed by the board",
            "status": "at risk",
        }
        assert change.user_id == site.users["analyst"]
        assert change.recorded_by == "analyst@test.example"
        event = AuditEvent.objects.filter(action="action-plan-change").get()
        assert event.actor == "analyst@test.example"
        assert event.object_id == CODE
        assert event.detail == {"kind": "update", "change": change.pk}

    def test_milestone_chosen_is_completed_on_the_update_date(
        self, client_as: Callable[[str], Any]
    ) -> None:
        client = client_as("analyst")
        response = client.post(
            reverse("outcomes:update-create", args=[CODE]),
            _update(date_day="15", date_month="3", date_year="2024", milestone=MILESTONE_CHOICE),
        )
        assert response.status_code == 302
        assert sorted(ActionChange.objects.values_list("kind", flat=True)) == [
            "milestone-completed",
            "update",
        ]
        page = page_of(client.get(_detail_url()))
        assert page.table(".govuk-table")[0] == [MILESTONE, "31 March 2024", "15 March 2024", "No"]
        assert "Overdue" not in _summary(page)["Flags"]
        form = page_of(client.get(reverse("outcomes:update-create", args=[CODE])))
        assert not form.all("select[name=milestone]")

    def test_evidence_link_stays_in_its_attribute(self, client_as: Callable[[str], Any]) -> None:
        client = client_as("analyst")
        url = 'https://example.org/" onmouseover="alert(1)'
        response = client.post(
            reverse("outcomes:update-create", args=[CODE]),
            _update(evidence_title="Paper", evidence_url=url),
        )
        assert response.status_code == 302
        link = page_of(client.get(_detail_url())).one(".careforce-update a.govuk-link")
        assert link.etree_element.get("href") == url
        assert link.etree_element.get("onmouseover") is None

    def test_html_in_the_text_is_escaped(self, client_as: Callable[[str], Any]) -> None:
        client = client_as("analyst")
        text = '<script>alert("x")</script><b>bold</b>'
        client.post(reverse("outcomes:update-create", args=[CODE]), _update(text=text))
        response = client.get(_detail_url())
        html = response.content.decode()
        assert "<script>alert" not in html
        assert "<b>bold</b>" not in html
        assert "&lt;script&gt;" in html
        page = page_of(response)
        assert page.text(".careforce-update__text") == text
        assert not page.all(".careforce-update b")
        history = page_of(client.get(reverse("outcomes:change-list")))
        assert history.table(".govuk-table")[0][2].endswith(text)
        assert "<b>bold</b>" not in history.html

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"text": ""}, "Enter what has happened"),
            ({"text": "   "}, "Enter what has happened"),
            ({"date_month": ""}, "The date of the update must include a month"),
            (
                {"date_day": "", "date_year": ""},
                "The date of the update must include a day and year",
            ),
            ({"date_day": "31", "date_month": "2"}, "The date of the update must be a real date"),
            ({"date_day": "x"}, "The date of the update must be a real date"),
            (
                {"date_year": "2022", "date_month": "3"},
                "The date of the update must be after 31 March 2022",
            ),
            (
                {"evidence_title": "Paper", "evidence_url": "www.example.org"},
                "Enter a web address starting with https://",
            ),
            (
                {"evidence_title": "Paper", "evidence_url": "javascript:alert(1)"},
                "Enter a web address starting with https://",
            ),
            ({"evidence_url": "https://example.org/paper"}, "Enter what the evidence is"),
            ({"status": "finished"}, "Select a valid choice"),
        ],
    )
    def test_invalid_updates_are_refused(
        self, client_as: Callable[[str], Any], fields: dict[str, str], message: str
    ) -> None:
        response = client_as("analyst").post(
            reverse("outcomes:update-create", args=[CODE]), _update(**fields)
        )
        assert message in _errors(response)
        assert page_of(response).text("title").startswith("Error:")
        assert _changes() == 0

    def test_future_date_is_refused(self, client_as: Callable[[str], Any]) -> None:
        tomorrow = dt.date.today() + dt.timedelta(days=1)
        response = client_as("analyst").post(
            reverse("outcomes:update-create", args=[CODE]),
            _update(
                date_day=str(tomorrow.day),
                date_month=str(tomorrow.month),
                date_year=str(tomorrow.year),
            ),
        )
        assert "The date of the update must be today or in the past" in _errors(response)
        assert _changes() == 0

    def test_update_dated_today_is_accepted(self, client_as: Callable[[str], Any]) -> None:
        today = dt.date.today()
        response = client_as("analyst").post(
            reverse("outcomes:update-create", args=[CODE]),
            _update(
                date_day=str(today.day), date_month=str(today.month), date_year=str(today.year)
            ),
        )
        assert response.status_code == 302
        flags = progress_in_force()[1].flags.filter(pl.col(c.CODE) == CODE).row(0, named=True)
        assert flags[c.STALE] is False

    def test_earlier_update_contradicting_a_later_status_is_refused(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        _record(
            site,
            "analyst",
            CODE,
            ChangeKind.UPDATE,
            {"date": "2024-06-01", "text": "On course", "status": "on track"},
        )
        response = client_as("analyst").post(
            reverse("outcomes:update-create", args=[CODE]),
            _update(date_day="1", date_month="1", date_year="2024", status="off track"),
        )
        errors = _errors(response)
        assert "make them agree" in errors
        assert "on track" in errors
        assert _changes() == 1
        assert _summary(page_of(client_as("public").get(_detail_url())))["Status"] == "On track"

    def test_earlier_update_without_a_status_is_accepted(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        _record(
            site,
            "analyst",
            CODE,
            ChangeKind.UPDATE,
            {"date": "2024-06-01", "text": "On course", "status": "on track"},
        )
        client = client_as("analyst")
        response = client.post(
            reverse("outcomes:update-create", args=[CODE]),
            _update(date_day="1", date_month="1", date_year="2024", text="Planning began"),
        )
        assert response.status_code == 302
        page = page_of(client.get(_detail_url()))
        assert page.texts(".careforce-update__text") == ["On course", "Planning began"]
        assert _summary(page)["Last update"] == "1 June 2024"


# --- milestones and lead partners ----------------------------------------------------------


def _milestone(title: str, day: int, month: int, year: int) -> dict[str, str]:
    return {"title": title, "due_day": str(day), "due_month": str(month), "due_year": str(year)}


class TestMilestones:
    def test_added_milestones_are_in_due_date_order(self, client_as: Callable[[str], Any]) -> None:
        client = client_as("administrator")
        url = reverse("outcomes:milestone-create", args=[CODE])
        late = client.post(url, _milestone("Evaluation published", 30, 6, 2030))
        assert late.status_code == 302
        assert late["Location"] == _detail_url()
        assert client.post(url, _milestone("School pilots started", 15, 1, 2023)).status_code == 302
        rows = page_of(client.get(_detail_url())).table(".govuk-table")
        assert [row[:3] for row in rows] == [
            ["School pilots started", "15 January 2023", "Not yet"],
            [MILESTONE, "31 March 2024", "Not yet"],
            ["Evaluation published", "30 June 2030", "Not yet"],
        ]
        assert [row[3] for row in rows] == ["Overdue", "Overdue", "No"]
        kinds = list(ActionChange.objects.values_list("kind", flat=True))
        assert kinds == ["milestone", "milestone"]

    def test_due_date_before_the_plan_started_is_refused(
        self, client_as: Callable[[str], Any]
    ) -> None:
        response = client_as("administrator").post(
            reverse("outcomes:milestone-create", args=[CODE]),
            _milestone("Too early", 31, 3, 2022),
        )
        assert "The due date must be after 31 March 2022" in _errors(response)
        assert _changes() == 0

    def test_title_is_required(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("administrator").post(
            reverse("outcomes:milestone-create", args=[CODE]), _milestone("", 1, 1, 2025)
        )
        assert "Enter the milestone" in _errors(response)

    def test_new_milestone_can_be_completed_by_an_update(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        _record(
            site,
            "administrator",
            CODE,
            ChangeKind.MILESTONE,
            {"title": "School pilots started", "due": "2023-01-15"},
        )
        client = client_as("analyst")
        form = page_of(client.get(reverse("outcomes:update-create", args=[CODE])))
        options = {
            o.etree_element.get("value"): " ".join(o.etree_element.itertext()).strip()
            for o in form.all("select[name=milestone] option")
        }
        assert options["2023-01-15 School pilots started"] == (
            "School pilots started (due 15 January 2023)"
        )
        response = client.post(
            reverse("outcomes:update-create", args=[CODE]),
            _update(
                date_day="10",
                date_month="1",
                date_year="2023",
                milestone="2023-01-15 School pilots started",
            ),
        )
        assert response.status_code == 302
        rows = page_of(client.get(_detail_url())).table(".govuk-table")
        assert rows[0][:3] == ["School pilots started", "15 January 2023", "10 January 2023"]
        assert rows[1][2] == "Not yet"

    def test_milestone_chosen_on_a_form_opened_before_another_was_added(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        """The form offers 3.1's only milestone as choice 0; an administrator then adds an
        earlier milestone, which becomes milestone 0. Sending the form must not mark the new
        milestone complete in place of the one chosen."""
        client = client_as("analyst")
        form = page_of(client.get(reverse("outcomes:update-create", args=[CODE])))
        chosen = form.one(f"select[name=milestone] option[value='{MILESTONE_CHOICE}']")
        assert " ".join(chosen.etree_element.itertext()).strip().startswith(MILESTONE)
        _record(
            site,
            "administrator",
            CODE,
            ChangeKind.MILESTONE,
            {"title": "School pilots started", "due": "2023-01-15"},
        )
        response = client.post(
            reverse("outcomes:update-create", args=[CODE]),
            _update(date_day="1", date_month="4", date_year="2024", milestone=MILESTONE_CHOICE),
        )
        assert response.status_code == 302
        rows = {row[0]: row[2] for row in page_of(client.get(_detail_url())).table(".govuk-table")}
        assert rows["School pilots started"] == "Not yet"
        if response.status_code == 302:
            assert rows[MILESTONE] == "1 April 2024"
        else:
            assert response.status_code == 400


class TestLeadPartners:
    def test_partners_one_per_line_without_blanks_or_repeats(
        self, client_as: Callable[[str], Any]
    ) -> None:
        client = client_as("administrator")
        response = client.post(
            reverse("outcomes:partners-update", args=[CODE]),
            {
                "partners": "Staffordshire County Council\r\n\r\n  NHS Staffordshire  \r\n"
                "Staffordshire County Council\r\n"
            },
        )
        assert response.status_code == 302
        page = page_of(client.get(_detail_url()))
        joined = "Staffordshire County Council, NHS Staffordshire"
        assert _summary(page)["Lead partners"] == joined
        listed = page_of(client.get(reverse("outcomes:action-list")))
        row = next(
            r
            for table in listed.all("[aria-label='Detailed actions of action 3'] .govuk-table")
            for r in _rows_of(table)
            if r[0].startswith(f"{CODE} ")
        )
        assert row[1] == joined
        form = page_of(client.get(reverse("outcomes:partners-update", args=[CODE])))
        assert (
            form.text("textarea[name=partners]") == "Staffordshire County Council NHS Staffordshire"
        )
        change = ActionChange.objects.get()
        assert change.payload == {"partners": ["Staffordshire County Council", "NHS Staffordshire"]}

    def test_clearing_the_partners_shows_not_yet_agreed(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        _record(site, "administrator", CODE, ChangeKind.LEAD_PARTNERS, {"partners": ["NHS"]})
        client = client_as("administrator")
        assert _summary(page_of(client.get(_detail_url())))["Lead partners"] == "NHS"
        response = client.post(reverse("outcomes:partners-update", args=[CODE]), {"partners": ""})
        assert response.status_code == 302
        assert _summary(page_of(client.get(_detail_url())))["Lead partners"] == "Not yet agreed"

    def test_partner_names_are_escaped(self, client_as: Callable[[str], Any]) -> None:
        client = client_as("administrator")
        client.post(reverse("outcomes:partners-update", args=[CODE]), {"partners": "<i>NHS</i>"})
        page = page_of(client.get(_detail_url()))
        assert _summary(page)["Lead partners"] == "<i>NHS</i>"
        assert "<i>NHS</i>" not in page.html

    def test_too_many_partners_is_refused(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("administrator").post(
            reverse("outcomes:partners-update", args=[CODE]),
            {"partners": "\n".join(f"Partner {n}" for n in range(21))},
        )
        assert "Enter 20 lead partners or fewer" in _errors(response)
        assert _changes() == 0


# --- history and the plan file -------------------------------------------------------------


class TestHistory:
    def test_changes_newest_first_with_full_names(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        _record(site, "analyst", CODE, ChangeKind.UPDATE, {"date": "2024-06-01", "text": "Begun"})
        _record(
            site, "administrator", "4.2", ChangeKind.LEAD_PARTNERS, {"partners": ["NHS", "ICB"]}
        )
        response = client_as("analyst").get(reverse("outcomes:change-list"))
        assert response.status_code == 200
        rows = page_of(response).table(".govuk-table")
        assert [row[1:] for row in rows] == [
            ["4.2", "Lead partners set: NHS, ICB", "Administrator", "Yes"],
            ["3.1", "Progress update dated 1 June 2024: Begun", "Analyst", "Yes"],
        ]
        link = page_of(response).one(".govuk-table a")
        assert link.etree_element.get("href") == _detail_url("4.2")

    def test_change_that_no_longer_fits_the_plan_is_listed_but_not_applied(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        ActionChange.objects.create(
            code=CODE,
            kind="milestone-completed",
            payload={
                "index": 5,
                "title": "A milestone of an older plan",
                "completed": "2024-01-01",
            },
            user_id=site.users["administrator"],
            recorded_by="admin@test.example",
        )
        _record(site, "analyst", CODE, ChangeKind.UPDATE, {"date": "2024-06-01", "text": "Begun"})
        current = plan_in_force()
        assert current.applied == 1
        assert len(current.not_applied) == 1
        rows = page_of(client_as("administrator").get(reverse("outcomes:change-list"))).table(
            ".govuk-table"
        )
        assert [row[-1] for row in rows] == ["Yes", "No: it no longer fits the plan file"]
        assert rows[1][2] == "Milestone completed: A milestone of an older plan on 1 January 2024"
        page = page_of(client_as("public").get(_detail_url()))
        assert page.table(".govuk-table")[0][2] == "Not yet"

    def test_no_changes_yet(self, client_as: Callable[[str], Any]) -> None:
        html = client_as("administrator").get(reverse("outcomes:change-list")).content.decode()
        assert "No changes have been recorded yet." in html

    def test_plan_download_reads_back_with_the_update(
        self, client_as: Callable[[str], Any], site: Site, tmp_path: Path
    ) -> None:
        text = 'Board said: "go ahead" # not a comment'
        client_as("analyst").post(
            reverse("outcomes:update-create", args=[CODE]),
            _update(
                text=text,
                status="on track",
                evidence_title="Minutes",
                evidence_url="https://example.org/minutes",
            ),
        )
        response = client_as("analyst").get(reverse("outcomes:plan-download"))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/yaml")
        assert 'filename="action-plan.yaml"' in response["Content-Disposition"]
        assert b"with 1 change recorded on careforce" in response.content
        path = tmp_path / "plan.yaml"
        path.write_bytes(response.content)
        plan = read_action_plan_file(path).plan
        _, detail = find_detail(plan, CODE)
        assert [update.text for update in detail.updates] == [text]
        assert detail.status.value == "on track"
        assert detail.updates[0].date == dt.date(2024, 6, 1)
        assert detail.updates[0].evidence[0].url == "https://example.org/minutes"
        assert plan == plan_in_force().plan
        event = AuditEvent.objects.filter(action="download").get()
        assert event.object_type == "action-plan"


# --- nothing recorded in one test is seen by the next --------------------------------------

PROBE = "Isolation probe: recorded by the first test only"


class TestIsolation:
    """Tests run in order (-p no:randomly): what the first records is rolled back, and the
    plan kept in memory must not bring it back."""

    def test_1_records_an_update(self, client_as: Callable[[str], Any]) -> None:
        client = client_as("analyst")
        client.post(reverse("outcomes:update-create", args=["4.1"]), _update(text=PROBE))
        assert PROBE in client.get(_detail_url("4.1")).content.decode()
        assert plan_in_force().applied == 1

    def test_2_a_change_stored_directly_is_not_mistaken_for_it(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        ActionChange.objects.create(
            code="4.1",
            kind="update",
            payload={"date": "2024-02-01", "text": "Stored directly"},
            user_id=site.users["administrator"],
            recorded_by="admin@test.example",
        )
        html = client_as("public").get(_detail_url("4.1")).content.decode()
        assert "Stored directly" in html
        assert PROBE not in html

    def test_3_the_next_test_sees_the_plan_file(self, client_as: Callable[[str], Any]) -> None:
        assert _changes() == 0
        html = client_as("public").get(_detail_url("4.1")).content.decode()
        assert PROBE not in html
        assert "There are no updates yet." in html
        assert plan_in_force().applied == 0
        _, detail = find_detail(progress_in_force()[0].plan, "4.1")
        assert detail.updates == []


# --- downloads are safe to open in a spreadsheet program -----------------------------------


def _download_cells(content: bytes, file_format: str) -> list[str]:
    """Every text cell of a download (CSV, XLSX or ODS), with a check that none is a formula."""
    if file_format == "csv":
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
        return [cell for row in rows for cell in row]
    if file_format == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(content))
        cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
        assert all(cell.data_type != "f" for cell in cells)
        return [cell.value for cell in cells if isinstance(cell.value, str)]
    found = []
    for cell in load_ods(io.BytesIO(content)).spreadsheet.getElementsByType(TableCell):
        assert cell.getAttribute("formula") is None
        if cell.getAttribute("valuetype") == "string":
            found.append("".join(str(p) for p in cell.getElementsByType(P)))
    return found


class TestSafeDownloads:
    @pytest.mark.parametrize("file_format", ["csv", "xlsx", "ods"])
    @pytest.mark.parametrize("payload", INJECTIONS)
    def test_typed_text_is_never_a_formula(
        self, client_as: Callable[[str], Any], payload: str, file_format: str
    ) -> None:
        analyst, administrator = client_as("analyst"), client_as("administrator")
        update = _update(text=payload, author=payload)
        assert (
            analyst.post(reverse("outcomes:update-create", args=[CODE]), update).status_code == 302
        )
        milestone = _milestone(payload, 15, 1, 2023)
        response = administrator.post(reverse("outcomes:milestone-create", args=[CODE]), milestone)
        assert response.status_code == 302
        response = administrator.post(
            reverse("outcomes:partners-update", args=[CODE]), {"partners": payload}
        )
        assert response.status_code == 302
        download = client_as("public").get(reverse("outcomes:action-download", args=[file_format]))
        assert download.status_code == 200
        typed = payload.strip()
        cells = [
            cell
            for cell in _download_cells(download.content, file_format)
            if typed.replace("\r", "\n") in cell.replace("_x000D_", "\r").replace("\r", "\n")
        ]
        # the update's text and author, the milestone's title (the CSV: the lead partners)
        assert len(cells) >= (1 if file_format == "csv" else 3)
        for cell in cells:
            assert cell.startswith("'"), cell
