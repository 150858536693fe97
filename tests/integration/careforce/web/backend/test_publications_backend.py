"""Publishing the measures from the data in force."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from careforce.web.backend import publications
from careforce.web.backend.access import Viewer
from careforce.web.backend.jobs import MAX_ATTEMPTS, recover_jobs, run_pending
from careforce.web.backend.snapshots import parts_in_force, workplaces_in_force
from careforce.web.backend.uploads import accept_upload, create_upload
from careforce.web.models.indicators.models import Publication
from careforce.web.models.jobs.models import Job
from careforce.web.models.uploads.models import Snapshot
from careforce.web.models.uploads.terms import Source
from web_support import REFERENCE_DATES, Site, incoming

pytestmark = pytest.mark.integration


def _accept(viewer: Viewer, organisation: int, paths: list[Path], year: str) -> Any:
    upload = create_upload(
        viewer=viewer,
        organisation_id=organisation,
        source=Source.ASCWDS,
        files=incoming(paths),
        reference_date=REFERENCE_DATES[year],
    )
    run_pending()
    return accept_upload(viewer=viewer, upload_id=upload.pk)


class TestDataInForce:
    def test_each_organisation_has_its_latest_snapshot(self, db: None, site: Site) -> None:
        parts = parts_in_force()
        assert [part.snapshot_id for part in parts] == [site.snapshot_a, site.snapshot_b]
        assert all(part.complete for part in parts)

    def test_new_return_replaces_only_that_organisations_data(
        self, db: None, site: Site, provider_files: dict[str, Any], tmp_path: Path
    ) -> None:
        folder = tmp_path / "again"
        folder.mkdir()
        copies = []
        for path in provider_files["a/2020-21"]:
            copy = folder / path.name
            copy.write_bytes(path.read_bytes() + b"\r\n")
            copies.append(copy)
        newer = _accept(Viewer.of(site.user("provider_a")), site.provider_a, copies, "2020-21")
        in_force = workplaces_in_force(period="2020/21")
        assert set(in_force["snapshot_id"].to_list()) == {newer.pk, site.snapshot_b}

    def test_area_upload_replaced_by_a_providers_own_is_split(
        self, db: None, site: Site, provider_files: dict[str, Any]
    ) -> None:
        admin = Viewer.of(site.user("administrator"))
        area = _accept(admin, site.council, provider_files["all/2021-22"], "2021-22")
        own = _accept(
            Viewer.of(site.user("provider_b")),
            site.provider_b,
            provider_files["b/2021-22"],
            "2021-22",
        )
        parts = {part.snapshot_id: part for part in parts_in_force(period="2021/22")}
        assert parts[own.pk].complete
        assert not parts[area.pk].complete
        assert len(parts[area.pk].establishment_ids) == 12


class TestPublication:
    def test_is_computed_from_the_data_in_force(self, db: None, site: Site) -> None:
        publication = Publication.objects.get(pk=site.publication)
        assert publication.snapshot_ids == [site.snapshot_a, site.snapshot_b]
        assert publication.comparators == f"comparators.csv (upload {site.upload_comparators})"
        found = publications.published()
        assert found is not None
        assert found.periods == ["2020/21"]
        comparator = found.table.filter(found.table["comparator_value"].is_not_null())
        assert comparator.height > 0

    def test_earlier_request_is_superseded_by_a_later_one(self, db: None, site: Site) -> None:
        first = publications.request_publication(reason="one")
        second = publications.request_publication(reason="two")
        run_pending()
        assert Publication.objects.get(pk=first).status == "superseded"
        assert Publication.objects.get(pk=second).status == "ready"

    def test_unusable_comparators_do_not_stop_publication(
        self, db: None, site: Site, tmp_path: Path
    ) -> None:
        bad = tmp_path / "comparators.csv"
        bad.write_text(
            "measure_id,period,area_code,breakdown,breakdown_value,comparator,value\nvacancy_rate,,,total,all,X,lots\n"
        )
        create_upload(
            viewer=Viewer.of(site.user("administrator")),
            organisation_id=site.council,
            source=Source.COMPARATORS,
            files=incoming([bad]),
            reference_date=None,
        )
        publication = publications.request_publication(reason="bad comparators")
        run_pending()
        done = Publication.objects.get(pk=publication)
        assert done.status == "ready"
        assert "comparator values could not be used" in done.message

    def test_nothing_accepted_publishes_nothing(self, db: None, site: Site) -> None:
        Snapshot.objects.all().delete()
        publication = publications.request_publication(reason="empty")
        run_pending()
        assert Publication.objects.get(pk=publication).rows == 0
        assert publications.published() is None


class TestFailedPublication:
    def test_an_interrupted_publication_fails_and_can_be_tried_again(
        self, db: None, site: Site
    ) -> None:
        publication_id = publications.request_publication(reason="test")
        job_id = Publication.objects.get(pk=publication_id).job_id
        Job.objects.filter(pk=job_id).update(
            status="running",
            attempts=MAX_ATTEMPTS,
            heartbeat=timezone.now() - dt.timedelta(minutes=5),
        )
        Publication.objects.filter(pk=publication_id).update(status="running")
        assert recover_jobs() == 1
        failed = Publication.objects.get(pk=publication_id)
        assert failed.status == "failed"
        assert "interrupted 3 times" in failed.message
        assert publications.pending_publication() is None
        assert publications.failed_publication() == failed
        retried = publications.retry_publication()
        pending = publications.pending_publication()
        assert pending is not None
        assert pending.pk == retried
        run_pending()
        assert Publication.objects.get(pk=retried).status == "ready"
        assert publications.failed_publication() is None
        with pytest.raises(publications.PublicationNotRetryableError):
            publications.retry_publication()

    def test_a_fault_fails_the_publication(
        self, db: None, site: Site, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def broken(*args: Any, **kwargs: Any) -> None:
            raise RuntimeError("out of memory")

        monkeypatch.setattr(publications, "compute_indicators", broken)
        publication_id = publications.request_publication(reason="test")
        run_pending()
        failed = Publication.objects.get(pk=publication_id)
        assert failed.status == "failed"
        assert "fault in careforce" in failed.message
        assert publications.pending_publication() is None
