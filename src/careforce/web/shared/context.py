"""What every page's template knows: the branding, the navigation, who is signed in and
whether the data are the synthetic demo's."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from careforce.web.backend.access import Viewer
from careforce.web.backend.demo_mode import demo_notice
from careforce.web.shared.navigation import navigation


def service(request: HttpRequest) -> dict[str, Any]:
    """Branding, navigation (the viewer's sections, the current one marked, and the pages of
    the current section) and the viewer."""
    viewer = Viewer.of(getattr(request, "user", None))
    return {
        "branding": settings.CAREFORCE_BRANDING,
        "navigation": navigation(viewer.role, request.path),
        "viewer": viewer,
        "demo_notice": demo_notice(),
    }
