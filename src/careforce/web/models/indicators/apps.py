"""Django app configuration of indicators."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    """Published measures."""

    name = "careforce.web.models.indicators"
    label = "indicators"
    verbose_name = "Measures"
    default_auto_field = "django.db.models.BigAutoField"
