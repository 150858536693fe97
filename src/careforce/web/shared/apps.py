"""Django app configuration of the shared layer (templates, static files, checks)."""
# mypy: allow-subclassing-any

from __future__ import annotations

from django.apps import AppConfig


class SharedConfig(AppConfig):
    """Layout, components, branding and security shared by all apps."""

    name = "careforce.web.shared"
    label = "shared"
    verbose_name = "Shared"

    def ready(self) -> None:
        """Register the system checks."""
        # Checks register themselves when imported, which must wait until the apps are ready.
        from careforce.web.shared import checks  # noqa: F401, PLC0415
