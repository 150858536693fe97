"""Django app configuration of survey."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class SurveyConfig(AppConfig):
    """Survey rounds and their anonymous responses."""

    name = "careforce.web.models.survey"
    label = "survey"
    verbose_name = "Workforce survey"
    default_auto_field = "django.db.models.BigAutoField"
