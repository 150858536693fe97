"""A provider's own references: its staff records by the worker references it uploaded, its
findings by the workplace and worker references of each line; never another organisation's
references, never for administrators, never the National Insurance number or date of birth."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.urls import reverse

from careforce.web.models.uploads.models import Finding, Snapshot
from web_support import Site, page_of

pytestmark = pytest.mark.integration


def _staff_rows(files: list[Path]) -> list[dict[str, str]]:
    staff = next(path for path in files if path.name.startswith("staff"))
    with staff.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _records(client: Any, snapshot_id: int) -> tuple[str, Any]:
    snapshot = Snapshot.objects.get(pk=snapshot_id)
    reference = snapshot.workplaces_of.order_by("establishment_id").first().establishment_id
    page = page_of(client.get(reverse("uploads:record-list", args=[snapshot.pk, reference])))
    return reference, page


class TestOwnStaffRecords:
    def test_provider_sees_its_records_by_its_own_references(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        reference, page = _records(client_as("provider_a"), site.snapshot_a)
        uploaded = [
            r for r in _staff_rows(provider_files["a/2020-21"]) if r["LOCALESTID"] == reference
        ]
        rows = page.table(".govuk-table")
        head = [" ".join(th.etree_element.itertext()).strip() for th in page.all("thead th")]
        assert head[:2] == ["Worker reference", "Display ID"]
        assert sorted(row[0] for row in rows) == sorted(r["UNIQUEWORKERID"] for r in uploaded)
        display = {r["UNIQUEWORKERID"]: r["DISPLAYID"] for r in uploaded}
        assert all(display[row[0]] == row[1] for row in rows)
        for record in uploaded:
            assert record["NINUMBER"] not in page.html or not record["NINUMBER"]
            assert record["DOB"] not in page.html

    def test_administrator_sees_only_the_pseudonymous_key(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        _, page = _records(client_as("administrator"), site.snapshot_a)
        rows = page.table(".govuk-table")
        assert rows
        assert all(len(row[0]) == 13 and row[0].endswith("…") for row in rows)
        assert "Worker reference" not in page.text("thead")

    def test_provider_never_sees_another_organisations_records(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        snapshot = Snapshot.objects.get(pk=site.snapshot_a)
        reference = snapshot.workplaces_of.first().establishment_id
        response = client_as("provider_b").get(
            reverse("uploads:record-list", args=[snapshot.pk, reference])
        )
        assert response.status_code == 404
        _, page = _records(client_as("provider_b"), site.snapshot_b)
        theirs = {r["UNIQUEWORKERID"] for r in _staff_rows(provider_files["b/2020-21"])}
        assert {row[0] for row in page.table(".govuk-table")} <= theirs


class TestOwnFindings:
    def test_findings_name_the_workplace_and_worker_of_their_line(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        page = page_of(
            client_as("provider_a").get(
                reverse("uploads:finding-list", args=[site.upload_a_errors]), {"file": "staff"}
            )
        )
        head = page.texts("thead th")
        assert head[2:4] == ["Workplace reference", "Worker reference"]
        with next(p for p in provider_files["a/2021-22/errors"] if p.name.startswith("staff")).open(
            encoding="utf-8-sig", newline=""
        ) as handle:
            lines = {
                index + 2: (row["LOCALESTID"], row["UNIQUEWORKERID"])
                for index, row in enumerate(csv.DictReader(handle))
            }
        rows = page.table(".govuk-table")
        assert rows
        for row in rows:
            line = int(row[1])
            if line in lines:
                assert (row[2], row[3]) == lines[line]
        assert Finding.objects.filter(upload_id=site.upload_a_errors, file="staff").exists()

    def test_administrator_sees_findings_without_references(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        page = page_of(
            client_as("administrator").get(
                reverse("uploads:finding-list", args=[site.upload_a_errors])
            )
        )
        assert "Worker reference" not in page.texts("thead th")


def _download(client: Any, upload: int, file_format: str) -> bytes:
    response = client.get(reverse("uploads:finding-download", args=[upload, file_format]))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def _workbook_rows(content: bytes) -> list[dict[str, Any]]:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    assert book.sheetnames[0] == "Cover"
    rows = [list(row) for row in book[book.sheetnames[1]].iter_rows(values_only=True)]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


class TestOwnFindingsDownload:
    def _csv(self, client: Any, site: Site) -> list[dict[str, str]]:
        content = _download(client, site.upload_a_errors, "csv")
        return list(csv.DictReader(content.decode("utf-8-sig").splitlines()))

    def test_the_uploader_downloads_its_references_beside_each_line(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        rows = self._csv(client_as("provider_a"), site)
        errors = [r for r in rows if r["severity"] == "error"]
        assert [(r["line"], r["workplace_reference"], r["worker_reference"]) for r in errors] == [
            ("4", "WP00001", "000005"),
            ("6", "WP00001", "000007"),
        ]

    def test_an_administrator_downloads_the_findings_as_written(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        rows = self._csv(client_as("administrator"), site)
        assert rows
        assert "worker_reference" not in rows[0]


class TestOwnFindingsWorkbook:
    def test_the_workbook_carries_the_references_of_the_csv(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        client = client_as("provider_a")
        rows = _workbook_rows(_download(client, site.upload_a_errors, "xlsx"))
        listed = list(
            csv.DictReader(
                _download(client, site.upload_a_errors, "csv").decode("utf-8-sig").splitlines()
            )
        )
        assert list(rows[0])[:4] == ["file", "line", "workplace_reference", "worker_reference"]
        assert rows[0]["guidance"]
        errors = [r for r in rows if r["severity"] == "error"]
        assert [(r["line"], r["workplace_reference"], r["worker_reference"]) for r in errors] == [
            (4, "WP00001", "000005"),
            (6, "WP00001", "000007"),
        ]
        keys = ("file", "line", "workplace_reference", "worker_reference", "code")
        assert [tuple(str(r[k] or "") for k in keys) for r in rows] == [
            tuple(r[k] for k in keys) for r in listed
        ]

    def test_the_workbook_names_the_lines_the_page_names(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        client = client_as("provider_a")
        page = page_of(
            client.get(
                reverse("uploads:finding-list", args=[site.upload_a_errors]), {"file": "staff"}
            )
        )
        shown = {(int(row[1]), row[2], row[3]) for row in page.table(".govuk-table")}
        rows = _workbook_rows(_download(client, site.upload_a_errors, "xlsx"))
        written = {
            (r["line"], r["workplace_reference"] or "", r["worker_reference"] or "")
            for r in rows
            if r["file"] == "staff"
        }
        assert shown
        assert shown <= written

    def test_an_administrator_downloads_the_workbook_as_written(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        rows = _workbook_rows(_download(client_as("administrator"), site.upload_a_errors, "xlsx"))
        assert rows
        assert "worker_reference" not in rows[0]
