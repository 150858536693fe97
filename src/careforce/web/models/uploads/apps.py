"""Django app configuration of uploads."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class UploadsConfig(AppConfig):
    """Uploads, findings and snapshots."""

    name = "careforce.web.models.uploads"
    label = "uploads"
    verbose_name = "Uploads"
    default_auto_field = "django.db.models.BigAutoField"
