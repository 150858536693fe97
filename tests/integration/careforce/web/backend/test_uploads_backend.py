"""Use cases of uploads with the web database: storing files, validating in the background,
accepting atomically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from careforce.web.backend import uploads
from careforce.web.backend.access import NotVisibleError, Viewer
from careforce.web.backend.jobs import MAX_ATTEMPTS, recover_jobs, run_pending
from careforce.web.models.accounts.models import AuditEvent
from careforce.web.models.jobs.models import Job
from careforce.web.models.organisations.models import Workplace
from careforce.web.models.uploads.models import Finding, Snapshot, SnapshotWorkplace, Upload
from careforce.web.models.uploads.terms import Source
from web_support import REFERENCE_DATES, Site, incoming

pytestmark = pytest.mark.integration


@pytest.fixture
def provider_a(db: None, site: Site) -> Viewer:
    return Viewer.of(site.user("provider_a"))


def _upload(viewer: Viewer, site: Site, paths: list[Path], year: str = "2021-22") -> Any:
    return uploads.create_upload(
        viewer=viewer,
        organisation_id=site.provider_a,
        source=Source.ASCWDS,
        files=incoming(paths),
        reference_date=REFERENCE_DATES[year],
    )


class TestCreateUpload:
    def test_files_are_stored_once_under_their_hash(
        self, provider_a: Viewer, site: Site, provider_files: dict[str, Any]
    ) -> None:
        first = _upload(provider_a, site, provider_files["a/2021-22"])
        for kept, path in zip(
            first.files.order_by("position"), provider_files["a/2021-22"], strict=True
        ):
            assert kept.stored == f"raw/{kept.sha256[:2]}/{kept.sha256}"
            assert (uploads.media_root() / kept.stored).read_bytes() == path.read_bytes()
            assert kept.name == path.name
        assert first.status == "received"
        assert Job.objects.get(pk=first.job_id).kind == "validate-upload"
        run_pending()
        second = _upload(provider_a, site, provider_files["a/2021-22"])
        assert second.status == "duplicate"
        assert second.duplicate_of_id == first.pk
        assert sorted(second.files.values_list("stored", flat=True)) == sorted(
            first.files.values_list("stored", flat=True)
        )

    @pytest.mark.parametrize("status", ["received", "validating", "failed"])
    def test_files_of_an_unfinished_upload_are_checked_again(
        self, provider_a: Viewer, site: Site, provider_files: dict[str, Any], status: str
    ) -> None:
        first = _upload(provider_a, site, provider_files["a/2021-22"])
        Upload.objects.filter(pk=first.pk).update(status=status)
        second = _upload(provider_a, site, provider_files["a/2021-22"])
        assert second.status == "received"
        assert second.duplicate_of_id is None
        assert Job.objects.get(pk=second.job_id).status == "pending"

    def test_viewer_must_see_the_organisation(
        self, provider_a: Viewer, site: Site, provider_files: dict[str, Any]
    ) -> None:
        with pytest.raises(NotVisibleError):
            uploads.create_upload(
                viewer=provider_a,
                organisation_id=site.provider_b,
                source=Source.ASCWDS,
                files=incoming(provider_files["a/2021-22"]),
                reference_date=REFERENCE_DATES["2021-22"],
            )

    def test_reference_date_is_required_for_ascwds(
        self, provider_a: Viewer, site: Site, provider_files: dict[str, Any]
    ) -> None:
        with pytest.raises(uploads.UploadRefusedError, match="date"):
            uploads.create_upload(
                viewer=provider_a,
                organisation_id=site.provider_a,
                source=Source.ASCWDS,
                files=incoming(provider_files["a/2021-22"]),
                reference_date=None,
            )


class TestValidation:
    def test_file_that_is_not_ascwds_is_unusable_and_named(
        self, provider_a: Viewer, site: Site, tmp_path: Path
    ) -> None:
        other = tmp_path / "rota export.csv"
        other.write_text("name,shift\nSam,early\n")
        upload = _upload(provider_a, site, [other])
        run_pending()
        upload.refresh_from_db()
        assert upload.status == "unusable"
        assert upload.message.startswith("rota export.csv: ")
        assert not Finding.objects.filter(upload=upload).exists()

    def test_fault_marks_the_upload_failed_and_keeps_the_files(
        self,
        provider_a: Viewer,
        site: Site,
        provider_files: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        def broken(*args: Any, **kwargs: Any) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr(uploads, "ingest_ascwds", broken)
        upload = _upload(provider_a, site, provider_files["a/2021-22"])
        run_pending()
        upload.refresh_from_db()
        job = Job.objects.get(pk=upload.job_id)
        assert upload.status == "failed"
        assert job.status == "failed"
        assert job.message == "RuntimeError: disk full"
        assert upload.message == uploads.FAULT_MESSAGE
        assert all((uploads.media_root() / f.stored).exists() for f in upload.files.all())

    def test_valid_upload_records_counts_and_file_roles(
        self, provider_a: Viewer, site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = _upload(provider_a, site, provider_files["a/2021-22"])
        run_pending()
        upload.refresh_from_db()
        assert upload.status == "valid"
        assert upload.errors == 0
        assert upload.workplaces == 12
        assert sorted(upload.files.values_list("role", flat=True)) == [
            "staff",
            "training",
            "workplace",
        ]


class TestAcceptance:
    def test_is_all_or_nothing(
        self,
        provider_a: Viewer,
        site: Site,
        provider_files: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        upload = _upload(provider_a, site, provider_files["a/2021-22"])
        run_pending()
        audits = AuditEvent.objects.count()
        workplaces = Workplace.objects.count()

        def fail(**kwargs: Any) -> int:
            raise RuntimeError("publication queue unavailable")

        monkeypatch.setattr(uploads, "request_publication", fail)
        with pytest.raises(RuntimeError):
            uploads.accept_upload(viewer=provider_a, upload_id=upload.pk)
        upload.refresh_from_db()
        assert upload.status == "valid"
        assert not Snapshot.objects.filter(upload=upload).exists()
        assert not SnapshotWorkplace.objects.filter(snapshot__upload=upload).exists()
        assert AuditEvent.objects.count() == audits
        assert Workplace.objects.count() == workplaces

    def test_other_organisations_upload_cannot_be_accepted(self, db: None, site: Site) -> None:
        with pytest.raises(NotVisibleError):
            uploads.accept_upload(
                viewer=Viewer.of(site.user("provider_b")), upload_id=site.upload_a
            )

    def test_accepted_snapshot_records_workplaces_and_queues_publication(
        self, provider_a: Viewer, site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = _upload(provider_a, site, provider_files["a/2021-22"])
        run_pending()
        snapshot = uploads.accept_upload(viewer=provider_a, upload_id=upload.pk)
        assert snapshot.period == "2021/22"
        assert snapshot.workers == sum(snapshot.workplaces_of.values_list("workers", flat=True))
        assert set(snapshot.workplaces_of.values_list("organisation_id", flat=True)) == {
            site.provider_a
        }
        assert Job.objects.filter(kind="publish-measures", status="pending").exists()
        assert Upload.objects.get(pk=upload.pk).accepted_by_id == site.users["provider_a"]


class TestFailedCheck:
    def test_an_interrupted_check_fails_visibly_and_can_be_tried_again(
        self, provider_a: Viewer, site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = _upload(provider_a, site, provider_files["a/2021-22"])
        Job.objects.filter(pk=upload.job_id).update(
            status="running",
            attempts=MAX_ATTEMPTS,
            heartbeat=timezone.now() - dt.timedelta(minutes=5),
        )
        Upload.objects.filter(pk=upload.pk).update(status="validating")
        assert recover_jobs() == 1
        failed = Upload.objects.get(pk=upload.pk)
        assert failed.status == "failed"
        assert "interrupted 3 times" in failed.message
        retried = uploads.retry_validation(viewer=provider_a, upload_id=upload.pk)
        assert (retried.status, retried.message) == ("received", "")
        assert retried.job_id != upload.job_id
        run_pending()
        assert Upload.objects.get(pk=upload.pk).status == "valid"
        assert AuditEvent.objects.filter(action="upload-retry", object_id=str(upload.pk)).exists()

    def test_only_a_failed_check_can_be_tried_again(self, provider_a: Viewer, site: Site) -> None:
        with pytest.raises(uploads.UploadNotRetryableError):
            uploads.retry_validation(viewer=provider_a, upload_id=site.upload_a)

    def test_another_organisations_upload_cannot_be_tried_again(self, db: None, site: Site) -> None:
        Upload.objects.filter(pk=site.upload_a_errors).update(status="failed")
        with pytest.raises(NotVisibleError):
            uploads.retry_validation(
                viewer=Viewer.of(site.user("provider_b")), upload_id=site.upload_a_errors
            )
        assert Upload.objects.get(pk=site.upload_a_errors).status == "failed"
