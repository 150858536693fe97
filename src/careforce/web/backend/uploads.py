"""Uploads: receiving files, validating ASC-WDS file sets in the background and accepting them
as snapshots.

Every file anyone sends is kept byte for byte under its SHA-256, whatever happens next. An
ASC-WDS file set is validated by a background job (``ingest_ascwds``), its findings are stored
for the findings pages, and — when it has no errors — the uploader or an administrator accepts
it: one database transaction then creates the snapshot, records whose each workplace is,
marks the upload accepted, writes the audit entry and queues the measures to be published
again. Files identical to an earlier upload of the same organisation that was checked to the
end are recognised and linked to it instead of being checked again; an earlier upload still
waiting, interrupted or failed does not count, so the same files are checked again. When the
check fails (a fault, or its job was interrupted too often) the upload says so and the uploader
can try again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import polars as pl
import polars.selectors as cs
from django.conf import settings
from django.db import transaction
from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from careforce.core.indicators.frames import period_label
from careforce.core.sources.ascwds.rules import all_rules
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.canonical_columns import Worker as WK
from careforce.io.raw_files import link_as, store_chunks, stored_path
from careforce.io.snapshot_files import read_establishments, scan_snapshot_dataset
from careforce.services.ascwds import Area, UnusableInputError, ingest_ascwds
from careforce.web.backend.access import NotVisibleError, Viewer
from careforce.web.backend.audit import AuditAction, record
from careforce.web.backend.jobs import JobKind, Progress, enqueue
from careforce.web.backend.organisations import (
    WorkplaceOwner,
    attribute_workplaces,
    register_workplaces,
    visible_organisation,
)
from careforce.web.backend.publications import request_publication
from careforce.web.models.organisations.terms import OrganisationKind
from careforce.web.models.uploads.models import (
    Finding,
    Snapshot,
    SnapshotWorkplace,
    Upload,
    UploadFile,
)
from careforce.web.models.uploads.terms import (
    FINISHED_STATUSES,
    VALIDATED_SOURCES,
    FileRole,
    Severity,
    Source,
    UploadStatus,
)

MAX_ASCWDS_FILES: Final = 3
"""An ASC-WDS file set is one workplace file, one staff file and at most one training file."""
FINDINGS_BATCH: Final = 5000
"""Findings are written to the database in batches of this many rows."""
FINDINGS_PER_RULE: Final = 1000
"""Findings of one rule stored in the database per upload, for the findings pages. The rest
are counted (the last one stored says how many more there are, and the upload how many in
all) and are in the findings files, which hold every finding."""
UPLOADS_FOLDER: Final = "uploads"
"""Folder of the media root with one folder per upload (inputs and validation output)."""
FINDINGS_FORMATS: Final = {"csv": "findings.csv", "xlsx": "findings.xlsx"}
"""Downloadable findings files of a validation, by format."""


class UploadRefusedError(ValueError):
    """An upload cannot be taken (wrong source for the role, no files, too many files...)."""


class UploadNotAcceptableError(ValueError):
    """An upload cannot be accepted in its current state."""


class OwnershipConflictError(UploadNotAcceptableError):
    """An upload holds workplaces registered to an organisation it may not be accepted for."""


class UploadNotRetryableError(ValueError):
    """An upload's check cannot be tried again: it did not fail."""


FAULT_MESSAGE: Final = (
    "The files could not be checked because of a fault in careforce. "
    "The files are kept; try again, and if it fails again an administrator has the details."
)
"""The message of an upload whose check failed."""


@dataclass(frozen=True)
class IncomingFile:
    """A file arriving in a request.

    Attributes:
        name: the name the person's computer gave it.
        chunks: its content, in order.
    """

    name: str
    chunks: Iterable[bytes]


def media_root() -> Path:
    """The folder where uploaded files and canonical datasets are kept."""
    return Path(settings.MEDIA_ROOT)


def _fingerprint(source: Source, hashes: Iterable[str]) -> str:
    joined = "\n".join([source.value, *sorted(hashes)])
    return hashlib.sha256(joined.encode()).hexdigest()


_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def _safe_name(name: str) -> str:
    """A file name safe to use on disk (what the person sees is kept in the database)."""
    cleaned = _UNSAFE.sub("_", Path(name).name).strip(" .") or "file"
    return cleaned[:120]


def create_upload(
    *,
    viewer: Viewer,
    organisation_id: int,
    source: Source,
    files: Sequence[IncomingFile],
    reference_date: dt.date | None,
    ip_address: str = "",
) -> Upload:
    """Keep the files and record the upload; queue validation for an ASC-WDS file set.

    Args:
        viewer: who uploads (an administrator, or a provider user for its organisation).
        organisation_id: the organisation the files are for.
        source: what the files are.
        files: the files.
        reference_date: the date an ASC-WDS file set describes.
        ip_address: for the audit log.

    Returns:
        The upload.

    Raises:
        NotVisibleError: the viewer may not upload for that organisation.
        UploadRefusedError: the upload cannot be taken.
    """
    organisation = visible_organisation(viewer, organisation_id)
    if source is not Source.ASCWDS and not viewer.is_administrator:
        raise UploadRefusedError(f"Only administrators can upload {source.label.lower()}.")
    if not files:
        raise UploadRefusedError("Choose at least one file to upload.")
    if source is Source.ASCWDS and len(files) > MAX_ASCWDS_FILES:
        raise UploadRefusedError(
            "Choose at most 3 files: the workplace file, the staff file and the training file."
        )
    if source is Source.ASCWDS and reference_date is None:
        raise UploadRefusedError("Enter the date the files describe.")
    root = media_root()
    stored = [(incoming.name, store_chunks(root, incoming.chunks)) for incoming in files]
    fingerprint = _fingerprint(source, (kept.sha256 for _, kept in stored))
    uploads = Upload.objects
    earlier = (
        uploads.filter(
            organisation=organisation,
            source=source.value,
            fingerprint=fingerprint,
            status__in=[status.value for status in FINISHED_STATUSES],
        )
        .order_by("created", "id")
        .first()
    )
    if earlier is not None:
        status = UploadStatus.DUPLICATE
    elif source in VALIDATED_SOURCES:
        status = UploadStatus.RECEIVED
    else:
        status = UploadStatus.STORED
    with transaction.atomic():
        upload = uploads.create(
            organisation=organisation,
            uploaded_by_id=viewer.user_id,
            source=source.value,
            reference_date=reference_date,
            status=status.value,
            fingerprint=fingerprint,
            duplicate_of=earlier,
        )
        UploadFile.objects.bulk_create(
            [
                UploadFile(
                    upload=upload,
                    position=position,
                    name=name[:255],
                    role="" if source is Source.ASCWDS else FileRole.OTHER.value,
                    sha256=kept.sha256,
                    size=kept.size,
                    stored=kept.relative,
                )
                for position, (name, kept) in enumerate(stored, start=1)
            ]
        )
        if status is UploadStatus.RECEIVED:
            upload.job_id = enqueue(JobKind.VALIDATE_UPLOAD, payload={"upload_id": upload.pk})
            upload.save(update_fields=["job_id"])
        record(
            AuditAction.UPLOAD,
            viewer=viewer,
            organisation_id=organisation.pk,
            object_type="upload",
            object_id=upload.pk,
            ip_address=ip_address,
            detail={
                "source": source.value,
                "files": [
                    {"name": name, "sha256": kept.sha256, "bytes": kept.size}
                    for name, kept in stored
                ],
                "duplicate_of": earlier.pk if earlier is not None else None,
            },
        )
    return upload


def stored_findings(findings: pl.DataFrame) -> pl.DataFrame:
    """The findings kept in the database: the first :data:`FINDINGS_PER_RULE` of each rule, in
    order, each with its ``position`` among all the findings; the last one kept of a rule has
    in ``more`` how many of that rule were left out (0 on the others)."""
    rank = pl.int_range(pl.len()).over("code")
    return (
        findings.with_row_index("position", offset=1)
        .with_columns(rank.alias("_rank"), pl.len().over("code").alias("_count"))
        .filter(pl.col("_rank") < FINDINGS_PER_RULE)
        .with_columns(
            pl.when(pl.col("_rank") == FINDINGS_PER_RULE - 1)
            .then(pl.col("_count") - FINDINGS_PER_RULE)
            .otherwise(0)
            .alias("more")
        )
        .drop("_rank", "_count")
    )


def _finding_rows(upload: Upload, findings: pl.DataFrame) -> Iterator[Finding]:
    columns = ("position", "file", "line", "column", "value", "code", "severity", "message", "more")
    for row in findings.select(columns).iter_rows():
        position, file, line, column, value, code, severity, message, more = row
        yield Finding(
            upload=upload,
            position=position,
            file=file,
            line=line,
            column=column or "",
            value="" if value is None else str(value),
            code=code,
            severity=severity,
            message=message,
            more=more,
        )


def _store_findings(upload: Upload, findings: pl.DataFrame) -> int:
    """Store an upload's findings a batch at a time, up to :data:`FINDINGS_PER_RULE` of each
    rule; returns how many were not stored."""
    Finding.objects.filter(upload=upload).delete()
    kept = stored_findings(findings)
    for batch in kept.iter_slices(FINDINGS_BATCH):
        Finding.objects.bulk_create(_finding_rows(upload, batch))
    return findings.height - kept.height


def _reference_date(upload: Upload) -> dt.date:
    """The date an ASC-WDS upload describes (asked for with every ASC-WDS upload)."""
    if upload.reference_date is None:
        raise UploadNotAcceptableError(f"upload {upload.pk} has no reference date")
    return upload.reference_date


def run_validation(payload: dict[str, Any], progress: Progress) -> None:
    """Job: validate an ASC-WDS upload and store its findings (the ``validate-upload`` job)."""
    uploads = Upload.objects
    upload = uploads.select_related("organisation").get(pk=payload["upload_id"])
    uploads.filter(pk=upload.pk).update(status=UploadStatus.VALIDATING)
    root = media_root()
    folder = root / UPLOADS_FOLDER / str(upload.pk)
    files = list(upload.files.all())
    inputs = [
        link_as(root, kept.stored, folder / "inputs" / str(kept.position) / _safe_name(kept.name))
        for kept in files
    ]
    organisation = upload.organisation
    try:
        result = ingest_ascwds(
            inputs,
            reference_date=_reference_date(upload),
            out=folder / "validation",
            area=Area(code=organisation.area_code, name=organisation.area_name),
            progress=progress,
        )
    except UnusableInputError as error:
        uploads.filter(pk=upload.pk).update(
            status=UploadStatus.UNUSABLE, message=f"{Path(error.path).name}: {error.reason}"
        )
        return
    except Exception:
        uploads.filter(pk=upload.pk).update(status=UploadStatus.FAILED, message=FAULT_MESSAGE)
        raise
    roles = {entry["sha256"]: entry["file"] for entry in result.manifest["inputs"]}
    counts = {entry["file"]: entry["rows"] for entry in result.manifest["inputs"]}
    valid = result.datasets_written and result.errors == 0
    with transaction.atomic():
        not_stored = _store_findings(upload, result.findings)
        for kept in files:
            UploadFile.objects.filter(pk=kept.pk).update(
                role=roles.get(kept.sha256, FileRole.OTHER.value)
            )
        uploads.filter(pk=upload.pk).update(
            status=UploadStatus.VALID if valid else UploadStatus.INVALID,
            errors=result.errors,
            warnings=result.warnings,
            findings_not_stored=not_stored,
            workplaces=counts.get(FileRole.WORKPLACE.value),
            staff_records=counts.get(FileRole.STAFF.value),
            training_records=counts.get(FileRole.TRAINING.value),
            output=f"{UPLOADS_FOLDER}/{upload.pk}/validation",
            message="",
        )


def validation_failed(payload: dict[str, Any], message: str) -> None:
    """Job failure handler: the upload's check failed (it is no longer shown as being checked)."""
    Upload.objects.filter(
        pk=payload["upload_id"],
        status__in=(UploadStatus.RECEIVED.value, UploadStatus.VALIDATING.value),
    ).update(status=UploadStatus.FAILED.value, message=message or FAULT_MESSAGE)


def retry_validation(*, viewer: Viewer, upload_id: int, ip_address: str = "") -> Upload:
    """Check a failed upload's files again (a new job).

    Raises:
        NotVisibleError: the viewer may not see the upload.
        UploadNotRetryableError: the upload's check did not fail.
    """
    upload = visible_upload(viewer, upload_id)
    uploads = Upload.objects
    with transaction.atomic():
        locked = uploads.select_for_update().get(pk=upload.pk)
        if locked.status != UploadStatus.FAILED:
            raise UploadNotRetryableError(
                "Only an upload that could not be checked can be checked again."
            )
        job_id = enqueue(JobKind.VALIDATE_UPLOAD, payload={"upload_id": locked.pk})
        uploads.filter(pk=locked.pk).update(
            status=UploadStatus.RECEIVED.value, message="", job_id=job_id
        )
        record(
            AuditAction.UPLOAD_RETRY,
            viewer=viewer,
            organisation_id=locked.organisation_id,
            object_type="upload",
            object_id=locked.pk,
            ip_address=ip_address,
        )
    return visible_upload(viewer, upload_id)


def visible_uploads(viewer: Viewer) -> QuerySet[Upload]:
    """The uploads the viewer may see, newest first (a query set)."""
    uploads = Upload.objects.select_related("organisation", "uploaded_by")
    scope = viewer.organisation_filter()
    return uploads.none() if scope is None else uploads.filter(**scope)


def uploads_with_files(
    viewer: Viewer, *, organisation_id: int | None = None, with_snapshot: bool = False
) -> QuerySet[Upload]:
    """The uploads the viewer may see with their files (of one organisation, or all), and
    their snapshots when asked."""
    uploads = visible_uploads(viewer)
    if organisation_id is not None:
        uploads = uploads.filter(organisation_id=organisation_id)
    if with_snapshot:
        uploads = uploads.select_related("snapshot")
    return uploads.prefetch_related("files")


def visible_upload(viewer: Viewer, upload_id: int) -> Upload:
    """One upload the viewer may see.

    Raises:
        NotVisibleError: there is no such upload or the viewer may not see it.
    """
    found = visible_uploads(viewer).filter(pk=upload_id).first()
    if found is None:
        raise NotVisibleError(f"upload {upload_id}")
    return found


def findings_of(
    upload: Upload, *, severity: Severity | None = None, file: str | None = None
) -> QuerySet[Finding]:
    """The findings of an upload in file and line order, optionally of one severity or file."""
    findings = Finding.objects.filter(upload=upload)
    if severity is not None:
        findings = findings.filter(severity=severity.value)
    if file:
        findings = findings.filter(file=file)
    return findings.order_by("position")


def finding_counts(upload: Upload) -> dict[tuple[str, str], int]:
    """How many errors and warnings an upload has in each file: (file, severity) -> count,
    the findings not stored included."""
    totals = {
        (row["file"], row["severity"]): row["number"]
        for row in Finding.objects.filter(upload=upload)
        .values("file", "severity")
        .annotate(number=Count("id") + Sum("more"))
        .order_by()
    }
    return {
        (file, severity): totals.get((file, severity), 0)
        for file in finding_files(upload)
        for severity in (Severity.ERROR.value, Severity.WARNING.value)
    }


def upload_files(upload: Upload) -> QuerySet[UploadFile]:
    """The files of an upload, in the order they were sent."""
    return upload.files.all()


def finding_files(upload: Upload) -> list[str]:
    """The files an upload's findings are about, in file order."""
    order = {role.value: index for index, role in enumerate(FileRole)}
    files = set(Finding.objects.filter(upload=upload).values_list("file", flat=True))
    return sorted(files, key=lambda name: order.get(name, len(order)))


def guidance(code: str) -> str:
    """Plain-English help on putting a finding right, from the rule catalogue."""
    rule = all_rules().get(code)
    return rule.guidance if rule is not None else ""


def findings_file(upload: Upload, file_format: str) -> Path:
    """The findings of a validated upload as a file (``csv`` or ``xlsx``, with guidance).

    Raises:
        FileNotFoundError: the upload has no validation output in that format.
    """
    name = FINDINGS_FORMATS.get(file_format)
    if name is None or not upload.output:
        raise FileNotFoundError(f"no {file_format} findings for upload {upload.pk}")
    return stored_path(media_root(), f"{upload.output}/{name}")


def raw_file(upload: Upload, position: int) -> tuple[UploadFile, Path]:
    """A file of an upload, exactly as it was sent, and where it is kept.

    Raises:
        NotVisibleError: the upload has no such file.
    """
    kept = UploadFile.objects.filter(upload=upload, position=position).first()
    if kept is None:
        raise NotVisibleError(f"file {position} of upload {upload.pk}")
    return kept, stored_path(media_root(), kept.stored)


@dataclass(frozen=True)
class AttributionSummary:
    """Whose data the workplaces of a validated upload will be.

    Attributes:
        workplaces: workplaces in the files.
        organisations: organisations they belong to.
        unregistered: workplaces of an area upload not registered to any organisation (they
            stay with the uploader).
        conflicts: workplaces registered to an organisation the upload may not be accepted for
            (it cannot be accepted while there are any).
    """

    workplaces: int
    organisations: int
    unregistered: int
    conflicts: tuple[WorkplaceOwner, ...] = ()


def attribution_summary(upload: Upload) -> AttributionSummary | None:
    """Whose data a valid upload's workplaces will be (None before validation succeeds)."""
    if upload.status not in (UploadStatus.VALID, UploadStatus.ACCEPTED) or not upload.output:
        return None
    establishments = read_establishments(media_root() / upload.output)
    owners = attribute_workplaces(upload.organisation, establishments)
    area_upload = OrganisationKind(upload.organisation.kind) is not OrganisationKind.PROVIDER
    accepted = [owner for owner in owners if not owner.conflict]
    return AttributionSummary(
        workplaces=len(owners),
        organisations=len({owner.organisation_id for owner in accepted}),
        unregistered=sum(1 for owner in owners if not owner.registered) if area_upload else 0,
        conflicts=tuple(owner for owner in owners if owner.conflict),
    )


def _workers_by_workplace(directory: Path) -> dict[str, int]:
    counts = (
        scan_snapshot_dataset(directory, "workers")
        .group_by(WK.ESTABLISHMENT_ID)
        .agg(pl.len().alias("workers"))
        .collect()
    )
    return dict(zip(counts[WK.ESTABLISHMENT_ID], counts["workers"], strict=True))


def accept_upload(*, viewer: Viewer, upload_id: int, ip_address: str = "") -> Snapshot:
    """Turn a valid upload into a snapshot, all or nothing, and queue the measures' update.

    Raises:
        NotVisibleError: the viewer may not see the upload.
        OwnershipConflictError: it holds workplaces registered to another organisation (not the
            uploader's subsidiary): they must be transferred first.
        UploadNotAcceptableError: the upload is not valid, or is already accepted.
    """
    upload = visible_upload(viewer, upload_id)
    if upload.status != UploadStatus.VALID:
        raise UploadNotAcceptableError(
            f"This upload cannot be accepted: its status is '{UploadStatus(upload.status).label}'."
        )
    directory = media_root() / upload.output
    establishments = read_establishments(directory)
    workers = _workers_by_workplace(directory)
    details = {
        row[E.ESTABLISHMENT_ID]: row
        for row in establishments.select(
            E.ESTABLISHMENT_ID, E.NAME, pl.col(E.MAIN_SERVICE).cast(pl.String)
        ).iter_rows(named=True)
    }
    period = period_label(_reference_date(upload))
    uploads = Upload.objects
    with transaction.atomic():
        locked = uploads.select_for_update().select_related("organisation").get(pk=upload.pk)
        if locked.status != UploadStatus.VALID:
            raise UploadNotAcceptableError("This upload has already been accepted.")
        owners = attribute_workplaces(locked.organisation, establishments)
        conflicts = [owner for owner in owners if owner.conflict]
        if conflicts:
            raise OwnershipConflictError(
                f"This upload cannot be accepted: {len(conflicts)} of its workplaces are "
                "registered to another organisation."
            )
        snapshot = Snapshot.objects.create(
            upload=locked,
            organisation=locked.organisation,
            source=locked.source,
            area_code=locked.organisation.area_code,
            area_name=locked.organisation.area_name,
            reference_date=_reference_date(locked),
            period=period,
            accepted_by_id=viewer.user_id,
            directory=locked.output,
            workplaces=len(owners),
            workers=sum(workers.values()),
        )
        SnapshotWorkplace.objects.bulk_create(
            [
                SnapshotWorkplace(
                    snapshot=snapshot,
                    organisation_id=owner.organisation_id,
                    establishment_id=owner.establishment_id,
                    identity=owner.identity,
                    name=(details[owner.establishment_id][E.NAME] or "")[:200],
                    main_service=details[owner.establishment_id][E.MAIN_SERVICE] or "",
                    period=period,
                    workers=workers.get(owner.establishment_id, 0),
                )
                for owner in owners
            ],
            batch_size=1000,
        )
        if OrganisationKind(locked.organisation.kind) is OrganisationKind.PROVIDER:
            register_workplaces(locked.organisation, establishments)
        uploads.filter(pk=locked.pk).update(
            status=UploadStatus.ACCEPTED, accepted=timezone.now(), accepted_by_id=viewer.user_id
        )
        record(
            AuditAction.ACCEPTANCE,
            viewer=viewer,
            organisation_id=locked.organisation_id,
            object_type="snapshot",
            object_id=snapshot.pk,
            ip_address=ip_address,
            detail={"upload": locked.pk, "period": period, "workplaces": len(owners)},
        )
        request_publication(reason=f"Snapshot {snapshot.pk} accepted")
    return snapshot


def visible_snapshots(viewer: Viewer) -> QuerySet[Snapshot]:
    """The snapshots with data of the viewer's organisation, newest first (a query set).

    A provider sees the snapshots holding any of its workplaces (its own uploads and area
    uploads that include it); an administrator sees all.
    """
    snapshots = Snapshot.objects.select_related("organisation", "upload")
    if viewer.is_administrator:
        return snapshots.all()
    if viewer.is_provider and viewer.organisation_id is not None:
        return snapshots.filter(
            workplaces_of__organisation_id__in=viewer.organisation_ids
        ).distinct()
    return snapshots.none()


def visible_snapshot(viewer: Viewer, snapshot_id: int) -> Snapshot:
    """One snapshot the viewer may see.

    Raises:
        NotVisibleError: there is no such snapshot or the viewer may not see it.
    """
    found = visible_snapshots(viewer).filter(pk=snapshot_id).first()
    if found is None:
        raise NotVisibleError(f"snapshot {snapshot_id}")
    return found


def snapshot_workplaces(viewer: Viewer, snapshot: Snapshot) -> QuerySet[SnapshotWorkplace]:
    """The workplaces of a snapshot the viewer may see (a query set)."""
    workplaces = SnapshotWorkplace.objects.filter(snapshot=snapshot).select_related("organisation")
    scope = viewer.organisation_filter()
    return workplaces.none() if scope is None else workplaces.filter(**scope)


STAFF_RECORD_COLUMNS: Final = (
    WK.WORKER_ID,
    WK.MAIN_JOB_ROLE,
    WK.CONTRACT,
    WK.CONTRACTED_HOURS,
    WK.AVERAGE_HOURS,
    WK.PAY_INTERVAL,
    WK.HOURLY_RATE,
    WK.ANNUAL_SALARY,
    WK.DAYS_SICK,
    WK.SOCIAL_CARE_QUALIFICATION,
    WK.CARE_CERTIFICATE,
)
"""Columns of a workplace's staff records shown to its organisation (pseudonymised; no
demographic detail, which the measures only ever show in aggregate)."""


def workplace_staff(viewer: Viewer, snapshot: Snapshot, establishment_id: str) -> pl.DataFrame:
    """The staff records of one workplace of a snapshot, for its organisation or an administrator.

    Raises:
        NotVisibleError: the viewer may not see the workplace.
    """
    workplace = (
        snapshot_workplaces(viewer, snapshot).filter(establishment_id=establishment_id).first()
    )
    if workplace is None:
        raise NotVisibleError(f"workplace {establishment_id} of snapshot {snapshot.pk}")
    frame = (
        scan_snapshot_dataset(media_root() / snapshot.directory, "workers")
        .filter(pl.col(WK.ESTABLISHMENT_ID) == establishment_id)
        .select(STAFF_RECORD_COLUMNS)
        .with_columns(cs.enum().cast(pl.String))
        .collect()
    )
    return frame.sort(WK.MAIN_JOB_ROLE, WK.WORKER_ID)
