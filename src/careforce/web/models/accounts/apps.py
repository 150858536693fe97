"""Django app configuration of accounts."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Users, roles, sign-in, API tokens and the audit log."""

    name = "careforce.web.models.accounts"
    label = "accounts"
    verbose_name = "Accounts"
    default_auto_field = "django.db.models.BigAutoField"
