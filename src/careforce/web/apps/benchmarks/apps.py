"""Django app configuration of benchmarks."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Provider benchmarks."""

    name = "careforce.web.apps.benchmarks"
    label = "benchmarks"
    verbose_name = "Benchmarks"
    default_auto_field = "django.db.models.BigAutoField"
