"""The submissions pages: returns by organisation and workplace, coverage, data quality, and
the providers that may need most support."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from django.urls import reverse

from careforce.core.benchmarks.inputs import worker_inputs
from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.io.config_files import ConfigurationFileError
from careforce.io.package_data import package_data_path
from careforce.web.backend.access import NotVisibleError, Viewer
from careforce.web.backend.snapshots import load_in_force
from careforce.web.backend.submissions import SubmissionStatus, add_months, due_date, submissions
from careforce.web.backend.support import Factor, providers_needing_support
from careforce.web.models.uploads.models import SnapshotWorkplace, Upload
from web_support import PROVIDER_A_WORKPLACES, Site, page_of

pytestmark = pytest.mark.integration

SUBMISSIONS = "submissions:submission-list"
SUPPORT = "submissions:support-list"


def _records(upload: Upload) -> int:
    return (upload.workplaces or 0) + (upload.staff_records or 0) + (upload.training_records or 0)


class TestReturnsPage:
    def test_latest_period_shows_errors_and_late(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("analyst").get(reverse(SUBMISSIONS)))
        assert page.text("h1") == "Returns for 2021/22"
        rows = page.table(".govuk-table")
        assert [row[:4] for row in rows] == [
            ["Alder Care Group", "Care provider", "Latest upload has errors", "0 of 12"],
            ["Birch Homes", "Care provider", "Late", "0 of 9"],
        ]
        assert page.text(".govuk-summary-list").startswith(
            "Workplaces that returned 0 of 21 known to careforce (0.0%)"
        )

    def test_returned_period_covers_every_known_workplace(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        page = page_of(client_as("administrator").get(reverse(SUBMISSIONS), {"period": "2020/21"}))
        rows = page.table(".govuk-table")
        posts_a = sum(
            SnapshotWorkplace.objects.filter(snapshot_id=site.snapshot_a).values_list(
                "workers", flat=True
            )
        )
        posts_b = sum(
            SnapshotWorkplace.objects.filter(snapshot_id=site.snapshot_b).values_list(
                "workers", flat=True
            )
        )
        assert [row[2:5] for row in rows] == [
            ["Returned", f"{PROVIDER_A_WORKPLACES} of {PROVIDER_A_WORKPLACES}", f"{posts_a:,}"],
            ["Returned", "9 of 9", f"{posts_b:,}"],
        ]
        coverage = page.texts(".govuk-summary-list__value")
        assert coverage == [
            "21 of 21 known to careforce (100.0%)",
            f"{posts_a + posts_b:,} of {posts_a + posts_b:,} known to careforce (100.0%)",
        ]
        assert "CQC register" in page.html

    def test_workplaces_not_returned_show_their_latest_figure(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        page = page_of(client_as("analyst").get(reverse(SUBMISSIONS)))
        found = page.all(".govuk-table")[1]
        cells = [
            " ".join("".join(c.etree_element.itertext()).split())
            for c in found.query_all("tbody tr:first-child th, tbody tr:first-child td")
        ]
        first = SnapshotWorkplace.objects.filter(snapshot_id=site.snapshot_a).order_by(
            "establishment_id"
        )[0]
        assert cells[0] == f"{first.name} ({first.establishment_id})"
        assert cells[3] == "Latest upload has errors"
        assert cells[4] == f"{first.workers} (2020/21)"

    def test_filters_by_status_and_kind(self, client_as: Callable[[str], Any]) -> None:
        client = client_as("analyst")
        late = page_of(client.get(reverse(SUBMISSIONS), {"status": "late"}))
        assert [row[0] for row in late.table(".govuk-table")] == ["Birch Homes"]
        assert late.one("select[name=status] option[selected]").etree_element.get("value") == "late"
        councils = page_of(client.get(reverse(SUBMISSIONS), {"kind": "council"}))
        assert "No organisation matches the filters." in councils.texts("p.govuk-body")
        assert "No workplace matches the filters." in councils.texts("p.govuk-body")

    def test_data_quality_by_rule_of_the_latest_upload(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        upload = Upload.objects.get(pk=site.upload_a_errors)
        page = page_of(client_as("analyst").get(reverse(SUBMISSIONS)))
        quality = page.all(".govuk-table")[2]
        row = [
            " ".join("".join(c.etree_element.itertext()).split())
            for c in quality.query_all("tbody tr:first-child th, tbody tr:first-child td")
        ]
        assert row[0] == "Alder Care Group"
        assert row[2:5] == [
            str(upload.errors),
            str(upload.warnings),
            f"{100 * upload.errors / _records(upload):.1f}",
        ]
        assert upload.errors == 2
        assert "STF-MAINJOBROLE-INVALID (error, 1)" in row[5]
        assert "STF-EMPLSTATUS-BLANK (error, 1)" in row[5]

    def test_one_navigation_item_is_current(self, client_as: Callable[[str], Any]) -> None:
        for name, text in ((SUBMISSIONS, "Returns"), (SUPPORT, "Provider support")):
            page = page_of(client_as("administrator").get(reverse(name)))
            assert page.texts(".govuk-service-navigation__item--active") == ["Providers"]
            assert page.texts(".careforce-section-navigation [aria-current=page]") == [text]

    def test_a_nested_address_highlights_only_its_own_item(
        self, client_as: Callable[[str], Any]
    ) -> None:
        page = page_of(client_as("analyst").get(reverse("indicators:publication-list")))
        assert page.texts(".govuk-service-navigation__item--active") == ["Evidence"]
        assert page.texts(".careforce-section-navigation [aria-current=page]") == ["Downloads"]

    def test_csv_download_holds_every_table(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("analyst").get(
            reverse("submissions:submission-download", args=["csv"]), {"period": "2020/21"}
        )
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        tables = {row["table"] for row in rows}
        assert tables == {
            "Returns by organisation, 2020/21",
            "Returns by workplace, 2020/21",
            "Coverage of the area, 2020/21",
            "Data quality of the latest upload, 2020/21",
            "Findings by rule of the latest upload, 2020/21",
        }
        statuses = [r["status"] for r in rows if r["table"] == "Returns by organisation, 2020/21"]
        assert statuses == ["Returned", "Returned"]
        assert sum(r["table"] == "Returns by workplace, 2020/21" for r in rows) == 21

    def test_ods_download(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("administrator").get(
            reverse("submissions:submission-download", args=["ods"])
        )
        assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
        assert response.content[:2] == b"PK"


class TestReturnsBackend:
    def test_not_late_before_the_due_date(self, site: Site) -> None:
        viewer = Viewer.of(site.user("analyst"))
        before = submissions(viewer=viewer, period="2021/22", today=dt.date(2022, 6, 30))
        after = submissions(viewer=viewer, period="2021/22", today=dt.date(2022, 7, 1))
        assert [r.status for r in before.organisations] == [
            SubmissionStatus.ERRORS,
            SubmissionStatus.NOT_RETURNED,
        ]
        assert [r.status for r in after.organisations] == [
            SubmissionStatus.ERRORS,
            SubmissionStatus.LATE,
        ]

    def test_due_date_is_a_setting(self, settings: Any) -> None:
        assert due_date("2021/22") == dt.date(2022, 6, 30)
        settings.CAREFORCE_RETURN_DUE_MONTHS = 6
        assert due_date("2021/22") == dt.date(2022, 9, 30)
        assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)

    @pytest.mark.parametrize("role", ["provider_a", "provider_b", "public"])
    def test_only_the_partnership_sees_returns(self, site: Site, role: str) -> None:
        viewer = Viewer() if role == "public" else Viewer.of(site.user(role))
        with pytest.raises(NotVisibleError):
            submissions(viewer=viewer)
        with pytest.raises(NotVisibleError):
            providers_needing_support(viewer=viewer)


class TestSupportPage:
    def test_ranked_with_reasons_and_what_is_left_out(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        upload = Upload.objects.get(pk=site.upload_a_errors)
        rate = 100 * upload.errors / _records(upload)
        alder = round(15 * 1 / 2 + 10 * min(rate / 5, 1), 1)
        page = page_of(client_as("analyst").get(reverse(SUPPORT), {"period": "2021/22"}))
        entries = page.all(".careforce-support")
        assert [
            " ".join("".join(e.query("h2").etree_element.itertext()).split()) for e in entries
        ] == ["1. Alder Care Group", "2. Birch Homes"]
        assert page.texts(".careforce-support .govuk-summary-list__value") == [
            f"{alder:.1f} of 100",
            "7.5 of 100",
        ]
        reasons = [
            " ".join("".join(li.etree_element.itertext()).split())
            for li in entries[0].query_all(".careforce-support__reasons li")
        ]
        assert reasons == [
            "Last accepted return 1 period before 2021/22",
            f"{rate:.1f} errors per 100 records in its latest upload",
        ]
        left_out = [
            " ".join("".join(li.etree_element.itertext()).split())
            for li in entries[1].query_all(".careforce-support__left-out li")
        ]
        assert "Staff turnover: left out, no usable figures in its return" in left_out

    def test_workforce_factors_against_similar_workplaces(self, site: Site) -> None:
        report = providers_needing_support(viewer=Viewer.of(site.user("administrator")))
        assert report.period == "2020/21"  # the newest period with accepted data
        scores = [row.score for row in report.rows]
        assert scores == sorted(scores, reverse=True)
        assert [row.organisation for row in report.rows] != []
        for row in report.rows:
            assert row.score == round(sum(p or 0 for p in row.points.values()), 1)
            assert len(row.left_out) == sum(p is None for p in row.points.values())
            assert row.points[Factor.NO_RECENT_RETURN] == 0.0

    def test_care_certificate_reason_is_computed_from_the_data_in_force(self, site: Site) -> None:
        """Birch's Care Certificate share beside the other organisations' in each of its main
        services that has enough other workplaces and staff, weighted by Birch's answers."""
        workers, establishments = load_in_force(period="2020/21")
        places = establishments.select(
            "snapshot_id", "establishment_id", "organisation_id", "main_service"
        ).with_columns(pl.col("main_service").cast(pl.String))
        staff = (
            worker_inputs(workers).join(places, on=["snapshot_id", "establishment_id"]).collect()
        )
        answers = staff.filter(pl.col("care_certificate").is_not_null())
        policy = DisclosurePolicy()
        birch = pl.col("organisation_id") == site.provider_b
        compared: dict[str, tuple[int, float]] = {}
        for service in sorted(answers.filter(birch)["main_service"].unique().to_list()):
            others = answers.filter(~birch, pl.col("main_service") == service)
            workplaces = others["establishment_id"].unique()
            recorded = staff.filter(pl.col("establishment_id").is_in(workplaces.implode())).height
            if workplaces.len() >= policy.min_workplaces and recorded >= policy.min_workers:
                own_answers = answers.filter(birch, pl.col("main_service") == service)
                compared[service] = (own_answers.height, float(others["care_certificate"].mean()))
        assert compared
        own = answers.filter(birch, pl.col("main_service").is_in(list(compared)))
        weight = sum(n for n, _ in compared.values())
        comparator = sum(n * mean for n, mean in compared.values()) / weight
        similar = (
            f"similar workplaces ({next(iter(compared))}) in the area"
            if len(compared) == 1
            else "similar workplaces in the area (weighted by its mix of main services)"
        )
        report = providers_needing_support(viewer=Viewer.of(site.user("analyst")))
        row = next(row for row in report.rows if row.organisation == "Birch Homes")
        own_share = float(own["care_certificate"].mean())
        expected = (
            f"Care Certificate (completed or in progress) {own_share:.0%} against "
            f"{comparator:.0%} for {similar}"
        )
        assert expected in row.reasons
        concern = min(max((comparator - own_share) / 0.3, 0), 1)
        assert row.points[Factor.CARE_CERTIFICATE] == pytest.approx(15 * concern)

    def test_csv_download(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("administrator").get(
            reverse("submissions:support-download", args=["csv"]), {"period": "2021/22"}
        )
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert [(r["rank"], r["organisation"]) for r in rows] == [
            ("1", "Alder Care Group"),
            ("2", "Birch Homes"),
        ]
        assert rows[1]["score"] == "7.5"
        assert rows[1]["points_no_recent_return"] == "7.5"
        assert rows[1]["points_turnover"] == ""

    def test_settings_file_overrides_the_weights(
        self, site: Site, settings: Any, tmp_path: Path
    ) -> None:
        shipped = package_data_path("support", "support-score.toml").read_text(encoding="utf-8")
        heavier = shipped.replace('version = "1"', 'version = "local-2"').replace(
            "[no_recent_return]\n# periods since the last accepted return (never returned = full "
            "concern)\nweight = 15",
            "[no_recent_return]\n# periods since the last accepted return (never returned = full "
            "concern)\nweight = 40",
        )
        assert heavier.count("weight = 40") == 1
        path = tmp_path / "support.toml"
        path.write_text(heavier, encoding="utf-8")
        settings.CAREFORCE_SUPPORT_SCORE = str(path)
        report = providers_needing_support(viewer=Viewer.of(site.user("analyst")), period="2021/22")
        assert report.settings.version == "local-2"
        birch = next(row for row in report.rows if row.organisation == "Birch Homes")
        assert birch.points[Factor.NO_RECENT_RETURN] == 20.0

    def test_a_settings_file_with_problems_names_them(
        self, site: Site, settings: Any, tmp_path: Path
    ) -> None:
        path = tmp_path / "support.toml"
        path.write_text('version = "x"\n[turnover]\nweight = "high"\n', encoding="utf-8")
        settings.CAREFORCE_SUPPORT_SCORE = str(path)
        with pytest.raises(ConfigurationFileError) as raised:
            providers_needing_support(viewer=Viewer.of(site.user("analyst")))
        assert "turnover.weight: give a number" in raised.value.problems
