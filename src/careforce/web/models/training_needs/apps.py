"""Django app configuration of training needs."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class TrainingNeedsConfig(AppConfig):
    """The priority training needs the partnership agrees each year (action 1.3)."""

    name = "careforce.web.models.training_needs"
    label = "training_needs"
    verbose_name = "Priority training needs"
    default_auto_field = "django.db.models.BigAutoField"
