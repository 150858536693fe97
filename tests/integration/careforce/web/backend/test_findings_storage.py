"""Findings of an upload in the database: the first of each rule are stored a batch at a time,
the rest counted, so checking any upload takes bounded memory; the files keep every finding."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from django.urls import reverse

from careforce.web.backend import uploads
from careforce.web.backend.access import Viewer
from careforce.web.backend.jobs import run_pending
from careforce.web.models.uploads.models import Finding
from careforce.web.models.uploads.terms import Source
from web_support import REFERENCE_DATES, Site, incoming, page_of

pytestmark = pytest.mark.integration


def findings(codes: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "file": ["staff"] * len(codes),
            "line": list(range(2, len(codes) + 2)),
            "code": list(codes),
            "severity": ["error"] * len(codes),
        }
    )


class TestStoredFindings:
    def test_the_first_of_each_rule_are_kept_and_the_rest_counted(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(uploads, "FINDINGS_PER_RULE", 2)
        kept = uploads.stored_findings(findings("AABABACAA"))
        assert kept.select("position", "code", "more").rows() == [
            (1, "A", 0),
            (2, "A", 4),
            (3, "B", 0),
            (5, "B", 0),
            (7, "C", 0),
        ]

    def test_nothing_is_left_out_below_the_cap(self) -> None:
        frame = findings("AB" * 10)
        kept = uploads.stored_findings(frame)
        assert kept["position"].to_list() == list(range(1, 21))
        assert kept["more"].sum() == 0

    def test_no_findings(self) -> None:
        assert uploads.stored_findings(findings("")).height == 0


def _staff_all_wrong(files: list[Path], folder: Path) -> list[Path]:
    """The file set with every staff record's main job role an unknown code."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for path in files:
        target = folder / path.name
        if path.name == "staff.csv":
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
            column = rows[0].index("MAINJOBROLE")
            for row in rows[1:]:
                row[column] = "99"
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\r\n").writerows(rows)
            target.write_text(buffer.getvalue(), encoding="utf-8")
        else:
            target.write_bytes(path.read_bytes())
        paths.append(target)
    return paths


class TestCappedUpload:
    def test_findings_beyond_the_cap_are_counted_and_shown(
        self,
        db: None,
        site: Site,
        client_as: Any,
        provider_files: dict[str, Any],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(uploads, "FINDINGS_PER_RULE", 3)
        monkeypatch.setattr(uploads, "FINDINGS_BATCH", 2)
        paths = _staff_all_wrong(provider_files["a/2021-22"], tmp_path / "wrong")
        staff_records = len(paths[1].read_text(encoding="utf-8").splitlines()) - 1
        upload = uploads.create_upload(
            viewer=Viewer.of(site.user("provider_a")),
            organisation_id=site.provider_a,
            source=Source.ASCWDS,
            files=incoming(paths),
            reference_date=REFERENCE_DATES["2021-22"],
        )
        run_pending()
        upload.refresh_from_db()
        every = pl.read_csv(uploads.findings_file(upload, "csv"), infer_schema=False)
        invalid = every.filter(pl.col("code") == "STF-MAINJOBROLE-INVALID")
        assert invalid.height == staff_records > 3
        stored = Finding.objects.filter(upload=upload)
        per_code = every.group_by("code").len()
        assert stored.count() == sum(min(n, 3) for n in per_code["len"])
        assert upload.findings_not_stored == every.height - stored.count()
        assert upload.errors == every.filter(pl.col("severity") == "error").height
        last = stored.filter(code="STF-MAINJOBROLE-INVALID").order_by("position")
        assert [f.more for f in last] == [0, 0, staff_records - 3]
        assert uploads.finding_counts(upload)[("staff", "error")] == (
            every.filter((pl.col("file") == "staff") & (pl.col("severity") == "error")).height
        )

        client = client_as("provider_a")
        page = page_of(
            client.get(reverse("uploads:finding-list", args=[upload.pk]), {"severity": "error"})
        )
        assert f"And {staff_records - 3:,} more like this" in page.text("main")
        assert "Only the first 3 findings of each kind are listed here" in page.text("main")

        api = client.get(
            reverse("api:finding-list", args=[upload.pk]),
            {"severity": "error", "page_size": 1000},
        ).json()
        listed = [f for f in api["results"] if f["code"] == "STF-MAINJOBROLE-INVALID"]
        assert [f["more_like_this"] for f in listed] == [0, 0, staff_records - 3]
        detail = client.get(reverse("api:upload-detail", args=[upload.pk])).json()
        assert detail["findings_not_stored"] == upload.findings_not_stored > 0
