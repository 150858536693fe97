"""Django app configuration of organisations."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Organisations and their registered workplaces."""

    name = "careforce.web.models.organisations"
    label = "organisations"
    verbose_name = "Organisations"
    default_auto_field = "django.db.models.BigAutoField"
