"""Uploads, their raw files and findings, and the snapshots accepted uploads become.

The canonical rows of a snapshot are Parquet files under the media directory (written by
validation, never changed afterwards); the database holds the snapshot, which workplaces it
has and which organisation each belongs to. A snapshot exists exactly when its row does, and
the row is created in the one transaction that accepts the upload.
"""
# mypy: allow-subclassing-any

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from careforce.web.models.uploads.terms import FileRole, Source, UploadStatus

SOURCE_CHOICES = [(source.value, source.label) for source in Source]
"""Choices of an upload's source."""
STATUS_CHOICES = [(status.value, status.label) for status in UploadStatus]
"""Choices of an upload's status."""
ROLE_CHOICES = [(role.value, role.value) for role in FileRole]
"""Choices of a file's role in its upload."""


class Upload(models.Model):
    """Files sent together by one person for one organisation."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="uploads"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="uploads"
    )
    created = models.DateTimeField(default=timezone.now, db_index=True)
    source = models.CharField(max_length=30, choices=SOURCE_CHOICES)
    reference_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=STATUS_CHOICES)
    fingerprint = models.CharField(max_length=64, db_index=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    job_id = models.BigIntegerField(null=True, blank=True)
    message = models.TextField(blank=True)
    errors = models.IntegerField(default=0)
    warnings = models.IntegerField(default=0)
    findings_not_stored = models.IntegerField(
        default=0,
        help_text="Findings beyond the number stored per rule (all are in the findings files).",
    )
    workplaces = models.IntegerField(null=True, blank=True)
    staff_records = models.IntegerField(null=True, blank=True)
    training_records = models.IntegerField(null=True, blank=True)
    output = models.CharField(max_length=200, blank=True)
    accepted = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accepted_uploads",
    )

    class Meta:
        ordering = ("-created", "-id")

    def __str__(self) -> str:
        return f"Upload {self.pk}"

    @property
    def status_label(self) -> str:
        """The status as pages name it."""
        return str(UploadStatus(self.status).label)

    @property
    def source_label(self) -> str:
        """The source as pages name it."""
        return Source(self.source).label


class UploadFile(models.Model):
    """One file of an upload, stored byte for byte under its SHA-256."""

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=255)
    role = models.CharField(max_length=20, choices=ROLE_CHOICES, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.BigIntegerField()
    stored = models.CharField(max_length=200)

    class Meta:
        ordering = ("upload", "position")

    def __str__(self) -> str:
        return str(self.name)


class Finding(models.Model):
    """One problem validation found, at its file, line and column."""

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="findings")
    position = models.IntegerField()
    file = models.CharField(max_length=20)
    line = models.IntegerField()
    column = models.CharField(max_length=200, blank=True)
    value = models.TextField(blank=True)
    code = models.CharField(max_length=60)
    severity = models.CharField(max_length=10)
    message = models.TextField()
    more = models.IntegerField(
        default=0,
        help_text="Findings of the same rule after this one that are not stored (they are in "
        "the findings files); set on the last one stored.",
    )

    class Meta:
        ordering = ("upload", "position")
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["upload", "severity", "position"]),
            models.Index(fields=["upload", "file", "position"]),
        ]

    def __str__(self) -> str:
        return f"{self.file} line {self.line}: {self.code}"


class Snapshot(models.Model):
    """An accepted ASC-WDS upload: canonical data that never changes."""

    upload = models.OneToOneField(Upload, on_delete=models.PROTECT, related_name="snapshot")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="snapshots"
    )
    source = models.CharField(max_length=30, choices=SOURCE_CHOICES)
    area_code = models.CharField(max_length=9)
    area_name = models.CharField(max_length=100)
    reference_date = models.DateField()
    period = models.CharField(max_length=7, db_index=True)
    created = models.DateTimeField(default=timezone.now)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="snapshots"
    )
    directory = models.CharField(max_length=200)
    workplaces = models.IntegerField()
    workers = models.IntegerField()

    class Meta:
        ordering = ("-created", "-id")

    def __str__(self) -> str:
        return f"Snapshot {self.pk} ({self.period})"


class SnapshotWorkplace(models.Model):
    """A workplace of a snapshot, which workplace it is (``identity``, as on
    :class:`~careforce.web.models.organisations.models.Workplace`) and the organisation whose
    data it is."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="workplaces_of")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="snapshot_workplaces"
    )
    establishment_id = models.CharField(max_length=60)
    identity = models.CharField(max_length=80, blank=True, default="")
    name = models.CharField(max_length=200, blank=True)
    main_service = models.CharField(max_length=200, blank=True)
    period = models.CharField(max_length=7)
    workers = models.IntegerField(default=0)

    class Meta:
        ordering = ("snapshot", "establishment_id")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["snapshot", "establishment_id"], name="snapshot_workplace_unique"
            )
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["organisation", "period"]),
            models.Index(fields=["period", "identity"]),
        ]

    def __str__(self) -> str:
        return f"{self.establishment_id} in snapshot {self.snapshot_id}"
