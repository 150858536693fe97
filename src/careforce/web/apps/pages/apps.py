"""Django app configuration of pages."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The service's information pages."""

    name = "careforce.web.apps.pages"
    label = "pages"
    verbose_name = "Pages"
    default_auto_field = "django.db.models.BigAutoField"
