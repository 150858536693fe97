"""System checks: the front-end assets are built and the branding is readable."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from careforce.web.backend.branding import branding_problems

ASSET_FILES = (
    "careforce/careforce.css",
    "govuk/govuk-frontend.min.js",
    "vendor/vega.min.js",
    "vendor/vega-lite.min.js",
    "vendor/vega-embed.min.js",
)
"""Built assets the pages need."""


@register()
def check_assets(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """The front-end assets have been built (``npm ci && npm run build``)."""
    folder = Path(settings.STATICFILES_DIRS[0])
    missing = [name for name in ASSET_FILES if not (folder / name).exists()]
    if not missing:
        return []
    return [
        Error(
            f"front-end assets are missing from {folder}: {', '.join(missing)}",
            hint="Run `npm ci && npm run build` (make setup does it).",
            id="careforce.E001",
        )
    ]


@register()
def check_branding(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """The branding colours are colours and the header text is readable."""
    return [
        Error(
            f"branding: {problem}",
            hint="Change the CAREFORCE_*_COLOUR settings.",
            id="careforce.E002",
        )
        for problem in branding_problems(settings.CAREFORCE_BRANDING)
    ]
