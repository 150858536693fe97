"""Django app configuration of outcomes."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    """The outcomes scorecard and the action plan."""

    name = "careforce.web.models.outcomes"
    label = "outcomes"
    verbose_name = "Outcomes and action plan"
    default_auto_field = "django.db.models.BigAutoField"
