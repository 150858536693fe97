"""Django app configuration of jobs."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Background jobs run by the web process."""

    name = "careforce.web.models.jobs"
    label = "jobs"
    verbose_name = "Jobs"
    default_auto_field = "django.db.models.BigAutoField"
