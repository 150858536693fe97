"""Django app configuration of the API."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The JSON API."""

    name = "careforce.web.apps.api"
    label = "api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"
