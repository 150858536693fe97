"""The priority training needs a partnership records as agreed for a year."""
# mypy: allow-subclassing-any

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class AgreedPriorities(models.Model):
    """The priorities the partnership agreed for a year, as recorded. A later record for the
    same year replaces it in force; every record is kept, so the history is complete."""

    year = models.CharField(max_length=7, db_index=True)
    priorities = models.JSONField(default=list)
    note = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    recorded_by = models.CharField(max_length=254, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created", "id")
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["year", "created"])]

    def __str__(self) -> str:
        return f"priorities for {self.year} ({self.created:%Y-%m-%d})"
