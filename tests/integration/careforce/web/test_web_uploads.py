"""The upload journey through the pages: upload, progress, findings, downloads, accept,
re-upload, duplicates and the records the snapshots become."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.urls import reverse

from careforce.web.backend.jobs import run_pending
from careforce.web.models.uploads.models import Finding, Snapshot, Upload
from web_support import Site, page_of

pytestmark = pytest.mark.integration


def _post_files(
    client: Any,
    paths: list[Path],
    *,
    organisation: int,
    source: str = "ascwds",
    date: tuple[str, str, str] = ("31", "3", "2022"),
) -> Any:
    streams = [path.open("rb") for path in paths]
    try:
        return client.post(
            reverse("uploads:upload-create"),
            {
                "organisation": organisation,
                "source": source,
                "reference_date_day": date[0],
                "reference_date_month": date[1],
                "reference_date_year": date[2],
                "files": streams,
            },
        )
    finally:
        for stream in streams:
            stream.close()


def _upload_id(response: Any) -> int:
    assert response.status_code == 302, response.content[:2000]
    return int(response["Location"].rstrip("/").split("/")[-1])


class TestUploadForm:
    def test_shows_gov_uk_file_upload_and_date(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("provider_a").get(reverse("uploads:upload-create")))
        assert page.one("input.govuk-file-upload[type=file][multiple]") is not None
        assert len(page.all(".govuk-date-input__input")) == 3
        assert page.all("input[name=source][type=hidden]")

    def test_missing_files_and_date_are_errors_linked_to_fields(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        response = client_as("provider_a").post(
            reverse("uploads:upload-create"),
            {"organisation": site.provider_a, "source": "ascwds", "reference_date_day": "31"},
        )
        page = page_of(response)
        assert response.status_code == 400
        messages = page.texts(".govuk-error-summary__list a")
        assert "Choose the files to upload" in messages
        assert "The date the files describe must include a month and year" in messages
        assert page.one(".govuk-error-summary__list a[href='#id_files']") is not None
        assert page.text("title").startswith("Error:")

    def test_date_in_the_future_is_refused(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        response = _post_files(
            client_as("provider_a"),
            provider_files["a/2021-22"],
            organisation=site.provider_a,
            date=("1", "1", "2999"),
        )
        assert response.status_code == 400
        assert "must be today or in the past" in page_of(response).text(".govuk-error-summary")

    def test_more_than_three_files_is_refused(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        files = [*provider_files["a/2021-22"], provider_files["b/2021-22"][0]]
        response = _post_files(client_as("provider_a"), files, organisation=site.provider_a)
        assert response.status_code == 400
        assert "at most 3 files" in page_of(response).text(".govuk-error-summary")

    def test_provider_cannot_upload_other_sources(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        response = _post_files(
            client_as("provider_a"),
            provider_files["a/2021-22"][:1],
            organisation=site.provider_a,
            source="population",
        )
        assert response.status_code == 400
        assert Upload.objects.filter(source="population").count() == 0


def _fresh_copy(paths: list[Path], folder: Path) -> list[Path]:
    """The same files with a blank line added to the first, so they are not the site's files
    byte for byte (a blank line does not change what they hold)."""
    folder.mkdir()
    copies = []
    for index, path in enumerate(paths):
        copy = folder / path.name
        copy.write_bytes(path.read_bytes() + (b"\r\n" if index == 0 else b""))
        copies.append(copy)
    return copies


class TestJourney:
    def test_errors_then_corrected_files_then_accept(
        self,
        client_as: Callable[[str], Any],
        site: Site,
        provider_files: dict[str, Any],
        tmp_path: Path,
    ) -> None:
        client = client_as("provider_a")
        errors = _fresh_copy(provider_files["a/2021-22/errors"], tmp_path / "errors")
        bad = _upload_id(_post_files(client, errors, organisation=site.provider_a))
        waiting = page_of(client.get(reverse("uploads:upload-detail", args=[bad])))
        assert "waiting to be checked" in waiting.text("h1")
        assert waiting.one("noscript") is not None
        assert 'http-equiv="refresh"' in waiting.html
        assert waiting.one("progress.careforce-progress") is not None

        run_pending()
        checked = page_of(client.get(reverse("uploads:upload-detail", args=[bad])))
        assert "has errors" in checked.text("h1")
        assert "http-equiv" not in checked.html
        assert ["Staff", "2"] in [row[:2] for row in checked.table(".govuk-table")]
        assert "2 errors" in checked.text(".govuk-warning-text")

        findings = page_of(
            client.get(reverse("uploads:finding-list", args=[bad]), {"severity": "error"})
        )
        rows = findings.table(".govuk-table")
        # file, line, the uploader's own workplace and worker references, column, value
        assert [row[:2] + row[4:6] for row in rows] == [
            ["Staff", "4", "MAINJOBROLE", "99"],
            ["Staff", "6", "EMPLSTATUS", "X"],
        ]
        assert [row[2:4] for row in rows] == [["WP00001", "000005"], ["WP00001", "000007"]]
        assert "How to fix it:" in rows[0][7]
        assert "STF-MAINJOBROLE-INVALID" in rows[0][7]

        good = _upload_id(
            _post_files(client, provider_files["a/2021-22"], organisation=site.provider_a)
        )
        run_pending()
        ready = page_of(client.get(reverse("uploads:upload-detail", args=[good])))
        assert "ready to accept" in ready.text("h1")
        assert "12 workplaces belonging to 1 organisation" in ready.text("main")

        accepted = client.post(reverse("uploads:snapshot-create", args=[good]))
        snapshot = Snapshot.objects.get(upload_id=good)
        assert accepted["Location"] == reverse("uploads:snapshot-detail", args=[snapshot.pk])
        assert snapshot.period == "2021/22"
        assert snapshot.workplaces == 12
        banner = page_of(client.get(accepted["Location"]))
        assert "has been accepted" in banner.text(".govuk-notification-banner")
        assert len(banner.table(".govuk-table")) == 12

    def test_accepting_twice_is_refused(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        client = client_as("provider_a")
        good = _upload_id(
            _post_files(client, provider_files["a/2021-22"], organisation=site.provider_a)
        )
        run_pending()
        client.post(reverse("uploads:snapshot-create", args=[good]))
        again = client.post(reverse("uploads:snapshot-create", args=[good]), follow=True)
        banners = page_of(again).texts(".govuk-notification-banner")
        assert any("cannot be accepted" in banner for banner in banners)
        assert Snapshot.objects.filter(upload_id=good).count() == 1

    def test_invalid_upload_cannot_be_accepted(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        response = client_as("provider_a").post(
            reverse("uploads:snapshot-create", args=[site.upload_a_errors]), follow=True
        )
        assert "Has errors" in page_of(response).text(".govuk-notification-banner")
        assert not Snapshot.objects.filter(upload_id=site.upload_a_errors).exists()


class TestDuplicates:
    def test_same_files_again_are_recognised_and_linked(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        client = client_as("provider_a")
        again = _upload_id(
            _post_files(
                client,
                provider_files["a/2020-21"],
                organisation=site.provider_a,
                date=("31", "3", "2021"),
            )
        )
        upload = Upload.objects.get(pk=again)
        assert upload.status == "duplicate"
        assert upload.duplicate_of_id == site.upload_a
        assert upload.job_id is None
        page = page_of(client.get(reverse("uploads:upload-detail", args=[again])))
        earlier = reverse("uploads:upload-detail", args=[site.upload_a])
        assert page.one(f".govuk-inset-text a[href='{earlier}']") is not None

    def test_same_files_for_another_organisation_are_not_linked(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        again = _upload_id(
            _post_files(
                client_as("administrator"),
                provider_files["a/2020-21"],
                organisation=site.provider_b,
                date=("31", "3", "2021"),
            )
        )
        assert Upload.objects.get(pk=again).status == "received"


class TestFindings:
    def test_filter_by_file_and_severity(self, client_as: Callable[[str], Any], site: Site) -> None:
        page = page_of(
            client_as("provider_a").get(
                reverse("uploads:finding-list", args=[site.upload_a_errors]),
                {"severity": "warning", "file": "staff"},
            )
        )
        rows = page.table(".govuk-table")
        assert rows
        assert {row[0] for row in rows} == {"Staff"}
        assert {row[6] for row in rows} == {"Warning"}

    def test_pages_of_one_hundred(self, client_as: Callable[[str], Any], site: Site) -> None:
        total = Finding.objects.filter(upload_id=site.upload_a_errors).count()
        page = page_of(
            client_as("provider_a").get(
                reverse("uploads:finding-list", args=[site.upload_a_errors])
            )
        )
        assert len(page.table(".govuk-table")) == min(total, 100)
        if total > 100:
            assert page.one(".govuk-pagination") is not None

    def test_unknown_filter_is_not_found(self, client_as: Callable[[str], Any], site: Site) -> None:
        response = client_as("provider_a").get(
            reverse("uploads:finding-list", args=[site.upload_a_errors]), {"severity": "fatal"}
        )
        assert response.status_code == 404

    def test_csv_download_holds_every_finding(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        response = client_as("provider_a").get(
            reverse("uploads:finding-download", args=[site.upload_a_errors, "csv"])
        )
        # the uploader's own copy, with its references beside each line (see
        # test_web_own_references.py)
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) == Finding.objects.filter(upload_id=site.upload_a_errors).count()
        assert {"file", "line", "column", "value", "code", "severity", "message"} <= set(rows[0])
        assert {"workplace_reference", "worker_reference"} <= set(rows[0])
        assert response["Content-Disposition"].startswith("attachment")

    def test_xlsx_download_has_guidance(self, client_as: Callable[[str], Any], site: Site) -> None:
        response = client_as("provider_a").get(
            reverse("uploads:finding-download", args=[site.upload_a_errors, "xlsx"])
        )
        content = b"".join(response.streaming_content) if response.streaming else response.content
        book = openpyxl.load_workbook(io.BytesIO(content))
        assert next(book["Findings"].iter_rows(max_row=1, values_only=True))[-1] == "guidance"

    def test_unknown_format_is_not_found(self, client_as: Callable[[str], Any], site: Site) -> None:
        response = client_as("provider_a").get(
            reverse("uploads:finding-download", args=[site.upload_a_errors, "pdf"])
        )
        assert response.status_code == 404


class TestRawFiles:
    def test_file_comes_back_byte_for_byte(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        original = provider_files["a/2020-21"][1].read_bytes()
        response = client_as("provider_a").get(
            reverse("uploads:file-download", args=[site.upload_a, 2])
        )
        returned = b"".join(response.streaming_content)
        assert returned == original
        page = page_of(
            client_as("provider_a").get(reverse("uploads:upload-detail", args=[site.upload_a]))
        )
        files = page.table("[aria-label='Files, exactly as uploaded'] table")
        assert files[1][3] == hashlib.sha256(original).hexdigest()


class TestOtherSources:
    def test_administrator_stores_population_estimates(
        self, client_as: Callable[[str], Any], site: Site, demo_files: Path
    ) -> None:
        client = client_as("administrator")
        upload = _upload_id(
            _post_files(
                client,
                [demo_files / "population" / "population.csv"],
                organisation=site.council,
                source="population",
            )
        )
        stored = Upload.objects.get(pk=upload)
        assert stored.status == "stored"
        assert stored.job_id is None
        listed = page_of(client.get(reverse("uploads:upload-list")))
        assert "Population estimates" in listed.text(".govuk-table")


class TestRecords:
    def test_staff_records_are_pseudonymised_for_anyone_but_their_provider(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        snapshot = Snapshot.objects.get(pk=site.snapshot_a)
        reference = snapshot.workplaces_of.first().establishment_id
        page = page_of(
            client_as("administrator").get(
                reverse("uploads:record-list", args=[snapshot.pk, reference])
            )
        )
        rows = page.table(".govuk-table")
        assert rows
        assert all(len(row[0]) == 13 and row[0].endswith("…") for row in rows)
        assert "NINUMBER" not in page.html

    def test_status_json_says_finished(self, client_as: Callable[[str], Any], site: Site) -> None:
        status = (
            client_as("provider_a").get(reverse("uploads:status-show", args=[site.upload_a])).json()
        )
        assert status == {
            "status": "accepted",
            "label": "Accepted",
            "finished": True,
            "step": "Done",
            "percent": 100,
        }


class TestFailedCheck:
    def test_uploader_tries_a_failed_check_again(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        Upload.objects.filter(pk=site.upload_a_errors).update(
            status="failed", message="The job was interrupted 3 times."
        )
        client = client_as("provider_a")
        detail = reverse("uploads:upload-detail", args=[site.upload_a_errors])
        page = page_of(client.get(detail))
        assert "The job was interrupted 3 times." in page.text(".govuk-warning-text")
        assert page.text("main form .govuk-button") == "Try again"
        response = client.post(reverse("uploads:validation-create", args=[site.upload_a_errors]))
        assert response["Location"] == detail
        assert "Checking the files" in page_of(client.get(detail)).text("main")
        run_pending()
        assert Upload.objects.get(pk=site.upload_a_errors).status == "invalid"
