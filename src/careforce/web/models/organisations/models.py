"""Organisations and the ASC-WDS workplaces registered to them."""
# mypy: allow-subclassing-any

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone

from careforce.web.models.organisations.terms import OrganisationKind

KIND_CHOICES = [(kind.value, kind.label) for kind in OrganisationKind]
"""Choices of the kind field."""


class Organisation(models.Model):
    """A council, a care provider or another partner of the partnership."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    area_code = models.CharField(max_length=9)
    area_name = models.CharField(max_length=100)
    cqc_provider_id = models.CharField("CQC provider ID", max_length=20, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("name", "id")

    def __str__(self) -> str:
        return str(self.name)


class Workplace(models.Model):
    """A workplace, by the reference its organisation uses for it in ASC-WDS (LOCALESTID)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="workplaces"
    )
    reference = models.CharField(max_length=60)
    name = models.CharField(max_length=200, blank=True)
    main_service = models.CharField(max_length=200, blank=True)
    cqc_location_id = models.CharField("CQC location ID", max_length=20, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("organisation", "reference")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="workplace_reference_unique"
            )
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["reference"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}".strip()
