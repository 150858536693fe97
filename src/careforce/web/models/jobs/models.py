"""Background jobs, claimed and run by a worker thread of the web process."""
# mypy: allow-subclassing-any

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone

from careforce.web.models.jobs.terms import JobStatus

STATUS_CHOICES = [(status.value, status.value) for status in JobStatus]
"""Choices of a job's status."""


class Job(models.Model):
    """A piece of work to do in the background, with its progress."""

    kind = models.CharField(max_length=40)
    payload = models.JSONField(default=dict)
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default=JobStatus.PENDING)
    step = models.CharField(max_length=200, blank=True)
    done = models.IntegerField(default=0)
    total = models.IntegerField(default=0)
    message = models.TextField(blank=True)
    attempts = models.IntegerField(default=0)
    created = models.DateTimeField(default=timezone.now)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    heartbeat = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ("created", "id")
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["status", "created"])]

    def __str__(self) -> str:
        return f"{self.kind} job {self.pk} ({self.status})"
