"""Changes partners record to the action plan: updates, milestones and lead partners."""
# mypy: allow-subclassing-any

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from careforce.web.models.outcomes.terms import ChangeKind

KIND_CHOICES = [(kind.value, kind.label) for kind in ChangeKind]
"""Choices of a change's kind."""


class ActionChange(models.Model):
    """One change to a detailed action of the action plan, replayed in order onto the plan
    file to give the plan in force (the file itself is never rewritten by the service)."""

    code = models.CharField(max_length=32, db_index=True)
    kind = models.CharField(max_length=30, choices=KIND_CHOICES)
    payload = models.JSONField(default=dict)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    recorded_by = models.CharField(max_length=254, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created", "id")
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["code", "created"])]

    def __str__(self) -> str:
        return f"{self.kind} of {self.code} ({self.created:%Y-%m-%d})"
