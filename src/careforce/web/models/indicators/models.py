"""Publications: the measures computed from the accepted snapshots at one moment."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.db import models
from django.utils import timezone

from careforce.web.models.indicators.terms import PublicationStatus

STATUS_CHOICES = [(status.value, status.value) for status in PublicationStatus]
"""Choices of a publication's status."""


class Publication(models.Model):
    """The published, disclosure-controlled measures, as files in a media directory."""

    created = models.DateTimeField(default=timezone.now)
    finished = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=STATUS_CHOICES)
    job_id = models.BigIntegerField(null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)
    directory = models.CharField(max_length=200, blank=True)
    rows = models.IntegerField(default=0)
    snapshot_ids = models.JSONField(default=list)
    comparators = models.CharField(max_length=255, blank=True)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ("-created", "-id")

    def __str__(self) -> str:
        return f"Publication {self.pk} ({self.status})"
