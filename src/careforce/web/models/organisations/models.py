"""Organisations and the ASC-WDS workplaces registered to them."""
# mypy: allow-subclassing-any

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from careforce.web.models.organisations.terms import OrganisationKind, TransferStatus

KIND_CHOICES = [(kind.value, kind.label) for kind in OrganisationKind]
"""Choices of the kind field."""
TRANSFER_STATUS_CHOICES = [(status.value, status.label) for status in TransferStatus]
"""Choices of a transfer request's status."""


class Organisation(models.Model):
    """A council, a care provider or another partner of the partnership."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    area_code = models.CharField(max_length=9)
    area_name = models.CharField(max_length=100)
    cqc_provider_id = models.CharField("CQC provider ID", max_length=20, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subsidiaries",
        verbose_name="Parent organisation",
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("name", "id")

    def __str__(self) -> str:
        return str(self.name)


class Workplace(models.Model):
    """A workplace and the one organisation it belongs to.

    ``identity`` says which workplace it is whoever sends its data (its CQC location ID, else
    its ASC-WDS reference: see :mod:`careforce.core.organisations.identity`); it is unique, so a
    workplace belongs to one organisation at a time.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="workplaces"
    )
    reference = models.CharField(max_length=60)
    name = models.CharField(max_length=200, blank=True)
    main_service = models.CharField(max_length=200, blank=True)
    cqc_location_id = models.CharField("CQC location ID", max_length=20, blank=True)
    identity = models.CharField(max_length=80)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("organisation", "reference")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="workplace_reference_unique"
            ),
            models.UniqueConstraint(fields=["identity"], name="workplace_identity_unique"),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["reference"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}".strip()


class TransferRequest(models.Model):
    """A request that a workplace registered to one organisation be moved to another."""

    workplace = models.ForeignKey(
        Workplace, null=True, on_delete=models.SET_NULL, related_name="transfer_requests"
    )
    identity = models.CharField(max_length=80)
    reference = models.CharField(max_length=60)
    from_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="transfers_out"
    )
    to_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="transfers_in"
    )
    upload_id = models.BigIntegerField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="transfer_requests",
    )
    reason = models.TextField()
    status = models.CharField(
        max_length=20, choices=TRANSFER_STATUS_CHOICES, default=TransferStatus.PENDING.value
    )
    created = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="transfer_decisions",
    )
    decided = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    class Meta:
        ordering = ("-created", "-id")
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["status", "created"])]

    def __str__(self) -> str:
        return f"Transfer of {self.identity} ({self.status})"

    @property
    def status_label(self) -> str:
        """The status as pages name it."""
        return TransferStatus(self.status).label
