"""Workplace ownership with the web database: a provider's upload of another organisation's
workplaces is refused (issue 11), transfers are asked for and decided, parents upload for
their subsidiaries, council area uploads never take a provider's workplace, and the data in
force counts each workplace once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.web.backend import uploads
from careforce.web.backend.access import NotVisibleError, Viewer
from careforce.web.backend.benchmarks import provider_benchmarks
from careforce.web.backend.jobs import run_pending
from careforce.web.backend.ownership import (
    ANOTHER_ORGANISATION,
    TransferRefusedError,
    decide_transfer,
    ownership_conflicts,
    request_transfers,
    visible_transfers,
)
from careforce.web.backend.snapshots import load_in_force, workplaces_in_force
from careforce.web.models.accounts.models import AuditEvent
from careforce.web.models.organisations.models import Organisation, TransferRequest, Workplace
from careforce.web.models.uploads.models import Snapshot, SnapshotWorkplace, Upload
from careforce.web.models.uploads.terms import Source
from web_support import PROVIDER_A_WORKPLACES, REFERENCE_DATES, Site, incoming

pytestmark = pytest.mark.integration

PERIOD = "2020/21"
"""The period of the site's accepted snapshots."""


def viewer(site: Site, role: str) -> Viewer:
    return Viewer.of(site.user(role))


def validated(viewer: Viewer, organisation_id: int, paths: list[Path]) -> Upload:
    upload = uploads.create_upload(
        viewer=viewer,
        organisation_id=organisation_id,
        source=Source.ASCWDS,
        files=incoming(paths),
        reference_date=REFERENCE_DATES["2020-21"],
    )
    run_pending()
    upload.refresh_from_db()
    assert upload.status == "valid", upload.message
    return upload


def in_force_totals() -> tuple[int, int]:
    """Workplaces in force for the period and their staff (filled posts recorded)."""
    _, establishments = load_in_force(period=PERIOD)
    frame = establishments.collect()
    return frame.height, int(frame[E.TOTAL_STAFF].sum())


def group_sizes(site: Site) -> dict[str, int]:
    report = provider_benchmarks(
        viewer=viewer(site, "administrator"), organisation_id=site.provider_a, period=PERIOD
    )
    return dict(zip(report.sizes["scope"], report.sizes["workplaces"], strict=True))


class TestTakeover:
    """Provider B uploads provider A's workplaces (the exact scenario of issue 11)."""

    def test_is_refused_and_changes_nothing(
        self, site: Site, provider_files: dict[str, Any]
    ) -> None:
        before, sizes = in_force_totals(), group_sizes(site)
        owners = dict(Workplace.objects.values_list("identity", "organisation_id"))
        upload = validated(viewer(site, "provider_b"), site.provider_b, provider_files["a/2020-21"])
        summary = uploads.attribution_summary(upload)
        assert summary is not None
        assert len(summary.conflicts) == PROVIDER_A_WORKPLACES
        with pytest.raises(uploads.OwnershipConflictError, match="12 of its workplaces"):
            uploads.accept_upload(viewer=viewer(site, "provider_b"), upload_id=upload.pk)
        with pytest.raises(uploads.OwnershipConflictError):
            uploads.accept_upload(viewer=viewer(site, "administrator"), upload_id=upload.pk)
        assert not Snapshot.objects.filter(upload=upload).exists()
        assert Upload.objects.get(pk=upload.pk).status == "valid"
        assert dict(Workplace.objects.values_list("identity", "organisation_id")) == owners
        assert in_force_totals() == before
        assert group_sizes(site) == sizes

    def test_owner_is_named_to_administrators_only(
        self, site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = validated(viewer(site, "provider_b"), site.provider_b, provider_files["a/2020-21"])
        told = {c.owner for c in ownership_conflicts(viewer(site, "provider_b"), upload)}
        assert told == {ANOTHER_ORGANISATION}
        named = {c.owner for c in ownership_conflicts(viewer(site, "administrator"), upload)}
        assert named == {"Alder Care Group"}


class TestTransfer:
    def _asked(self, site: Site, provider_files: dict[str, Any]) -> tuple[Upload, list[Any]]:
        upload = validated(viewer(site, "provider_b"), site.provider_b, provider_files["a/2020-21"])
        asked = request_transfers(
            viewer=viewer(site, "provider_b"), upload_id=upload.pk, reason="We bought them."
        )
        return upload, asked

    def test_request_needs_a_reason_and_is_made_once(
        self, site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = validated(viewer(site, "provider_b"), site.provider_b, provider_files["a/2020-21"])
        with pytest.raises(TransferRefusedError, match="Enter why"):
            request_transfers(viewer=viewer(site, "provider_b"), upload_id=upload.pk, reason=" ")
        asked = request_transfers(
            viewer=viewer(site, "provider_b"), upload_id=upload.pk, reason="We bought them."
        )
        assert len(asked) == PROVIDER_A_WORKPLACES
        assert {t.from_organisation_id for t in asked} == {site.provider_a}
        assert {t.to_organisation_id for t in asked} == {site.provider_b}
        with pytest.raises(TransferRefusedError):
            request_transfers(viewer=viewer(site, "provider_b"), upload_id=upload.pk, reason="x")
        audited = AuditEvent.objects.filter(action="transfer-request").count()
        assert audited == PROVIDER_A_WORKPLACES

    def test_another_provider_cannot_ask_for_an_upload_it_cannot_see(
        self, site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = validated(viewer(site, "provider_b"), site.provider_b, provider_files["a/2020-21"])
        with pytest.raises(NotVisibleError):
            request_transfers(viewer=viewer(site, "provider_a"), upload_id=upload.pk, reason="x")

    def test_only_administrators_decide(self, site: Site, provider_files: dict[str, Any]) -> None:
        _, asked = self._asked(site, provider_files)
        for role in ("provider_a", "provider_b", "analyst"):
            with pytest.raises(NotVisibleError):
                decide_transfer(
                    viewer=viewer(site, role), transfer_id=asked[0].pk, approve=True, reason="ok"
                )
        assert TransferRequest.objects.get(pk=asked[0].pk).status == "pending"

    def test_providers_see_the_requests_by_and_for_their_organisation(
        self, site: Site, provider_files: dict[str, Any]
    ) -> None:
        _, asked = self._asked(site, provider_files)
        assert visible_transfers(viewer(site, "provider_a")).count() == len(asked)
        assert visible_transfers(viewer(site, "analyst")).count() == 0
        assert visible_transfers(viewer(site, "provider_b")).count() == len(asked)
        assert visible_transfers(viewer(site, "administrator")).count() == len(asked)

    def test_refused_then_still_not_acceptable(
        self, site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload, asked = self._asked(site, provider_files)
        admin = viewer(site, "administrator")
        with pytest.raises(TransferRefusedError, match="reason"):
            decide_transfer(viewer=admin, transfer_id=asked[0].pk, approve=False, reason="")
        decided = decide_transfer(
            viewer=admin, transfer_id=asked[0].pk, approve=False, reason="Not theirs."
        )
        assert (decided.status, decided.decision_reason) == ("refused", "Not theirs.")
        assert decided.decided_by_id == site.users["administrator"]
        with pytest.raises(TransferRefusedError, match="already been decided"):
            decide_transfer(viewer=admin, transfer_id=asked[0].pk, approve=True, reason="ok")
        assert Workplace.objects.get(identity=asked[0].identity).organisation_id == site.provider_a
        with pytest.raises(uploads.OwnershipConflictError):
            uploads.accept_upload(viewer=viewer(site, "provider_b"), upload_id=upload.pk)
        assert AuditEvent.objects.filter(action="transfer-refuse").count() == 1

    def test_approved_then_accepted_and_counted_once(
        self, site: Site, provider_files: dict[str, Any]
    ) -> None:
        before = in_force_totals()
        upload, asked = self._asked(site, provider_files)
        admin = viewer(site, "administrator")
        for transfer in asked:
            decide_transfer(viewer=admin, transfer_id=transfer.pk, approve=True, reason="Sold.")
        assert set(
            Workplace.objects.filter(identity__in=[t.identity for t in asked]).values_list(
                "organisation_id", flat=True
            )
        ) == {site.provider_b}
        snapshot = uploads.accept_upload(viewer=viewer(site, "provider_b"), upload_id=upload.pk)
        assert snapshot.workplaces == PROVIDER_A_WORKPLACES
        in_force = workplaces_in_force(period=PERIOD)
        assert in_force["identity"].is_unique().all()
        assert in_force.height == before[0]
        moved = in_force.filter(pl.col("snapshot_id") == snapshot.pk)
        assert moved.height == PROVIDER_A_WORKPLACES
        assert set(moved["organisation_id"]) == {site.provider_b}
        assert in_force_totals() == before
        assert AuditEvent.objects.filter(action="transfer-approve").count() == len(asked)


class TestParents:
    def test_parent_uploads_and_sees_its_subsidiarys_workplaces(
        self, site: Site, provider_files: dict[str, Any]
    ) -> None:
        Organisation.objects.filter(pk=site.provider_a).update(parent_id=site.provider_b)
        parent = viewer(site, "provider_b")
        assert parent.organisation_ids == (site.provider_b, site.provider_a)
        assert parent.may_see_organisation(site.provider_a)
        assert not viewer(site, "provider_a").may_see_organisation(site.provider_b)
        upload = validated(parent, site.provider_b, provider_files["a/2020-21"])
        assert ownership_conflicts(parent, upload) == []
        snapshot = uploads.accept_upload(viewer=parent, upload_id=upload.pk)
        owners = set(
            SnapshotWorkplace.objects.filter(snapshot=snapshot).values_list(
                "organisation_id", flat=True
            )
        )
        assert owners == {site.provider_a}
        assert uploads.visible_uploads(parent).filter(pk=site.upload_a).exists()
        report = provider_benchmarks(viewer=parent, organisation_id=site.provider_a, period=PERIOD)
        assert len(report.workplaces) == PROVIDER_A_WORKPLACES
        with pytest.raises(NotVisibleError):
            provider_benchmarks(viewer=viewer(site, "provider_a"), organisation_id=site.provider_b)
        assert not uploads.visible_uploads(viewer(site, "provider_a")).filter(pk=upload.pk).exists()


class TestAreaUploads:
    def test_council_upload_keeps_each_workplace_with_its_owner(
        self, site: Site, provider_files: dict[str, Any]
    ) -> None:
        before = in_force_totals()
        owners = dict(Workplace.objects.values_list("identity", "organisation_id"))
        upload = validated(
            viewer(site, "administrator"), site.council, provider_files["all/2020-21"]
        )
        assert ownership_conflicts(viewer(site, "administrator"), upload) == []
        snapshot = uploads.accept_upload(viewer=viewer(site, "administrator"), upload_id=upload.pk)
        rows = dict(
            SnapshotWorkplace.objects.filter(snapshot=snapshot).values_list(
                "identity", "organisation_id"
            )
        )
        assert {rows[identity] for identity in owners} <= {site.provider_a, site.provider_b}
        assert all(rows[identity] == owner for identity, owner in owners.items())
        assert dict(Workplace.objects.values_list("identity", "organisation_id")) == owners
        assert in_force_totals() == before


class TestCountedOnce:
    def test_workplace_accepted_for_two_organisations_counts_once(self, site: Site) -> None:
        """Data accepted twice before ownership was enforced (issue 11) counts once."""
        before = in_force_totals()
        original = Snapshot.objects.get(pk=site.snapshot_a)
        copy_upload = Upload.objects.create(
            organisation_id=site.provider_b,
            source="ascwds",
            status="accepted",
            fingerprint="copy",
            reference_date=original.reference_date,
            output=original.directory,
        )
        copy = Snapshot.objects.create(
            upload=copy_upload,
            organisation_id=site.provider_b,
            source="ascwds",
            area_code=original.area_code,
            area_name=original.area_name,
            reference_date=original.reference_date,
            period=original.period,
            directory=original.directory,
            workplaces=original.workplaces,
            workers=original.workers,
        )
        SnapshotWorkplace.objects.bulk_create(
            [
                SnapshotWorkplace(
                    snapshot=copy,
                    organisation_id=site.provider_b,
                    establishment_id=row.establishment_id,
                    identity=row.identity,
                    period=row.period,
                    workers=row.workers,
                )
                for row in SnapshotWorkplace.objects.filter(snapshot=original)
            ]
        )
        in_force = workplaces_in_force(period=PERIOD)
        assert in_force["identity"].is_unique().all()
        assert in_force_totals() == before
