"""What every page's template knows: the branding, the navigation, who is signed in and
whether the data are the synthetic demo's."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from careforce.web.backend.access import Viewer
from careforce.web.backend.demo_mode import demo_notice
from careforce.web.models.accounts.terms import Role

NAVIGATION: dict[Role | None, tuple[tuple[str, str], ...]] = {
    None: (
        ("Measures", "indicators:measure-list"),
        ("Outcomes", "outcomes:scorecard-show"),
        ("Action plan", "outcomes:action-list"),
        ("Labour market", "labour:overview-show"),
        ("Projections", "projections:projection-list"),
        ("Data appendix", "appendix:appendix-show"),
    ),
    Role.PROVIDER: (
        ("Measures", "indicators:measure-list"),
        ("Outcomes", "outcomes:scorecard-show"),
        ("Action plan", "outcomes:action-list"),
        ("Labour market", "labour:overview-show"),
        ("Projections", "projections:projection-list"),
        ("Data appendix", "appendix:appendix-show"),
        ("Uploads", "uploads:upload-list"),
        ("Records", "uploads:snapshot-list"),
        ("Benchmarks", "benchmarks:benchmark-show"),
        ("Your account", "accounts:account-show"),
    ),
    Role.ANALYST: (
        ("Measures", "indicators:measure-list"),
        ("Outcomes", "outcomes:scorecard-show"),
        ("Action plan", "outcomes:action-list"),
        ("Labour market", "labour:overview-show"),
        ("Projections", "projections:projection-list"),
        ("Data appendix", "appendix:appendix-show"),
        ("Returns", "submissions:submission-list"),
        ("Provider support", "submissions:support-list"),
        ("Survey", "survey:round-list"),
        ("Training needs", "training:need-list"),
        ("Downloads", "indicators:publication-list"),
        ("Your account", "accounts:account-show"),
    ),
    Role.ADMINISTRATOR: (
        ("Measures", "indicators:measure-list"),
        ("Outcomes", "outcomes:scorecard-show"),
        ("Action plan", "outcomes:action-list"),
        ("Labour market", "labour:overview-show"),
        ("Projections", "projections:projection-list"),
        ("Data appendix", "appendix:appendix-show"),
        ("Uploads", "uploads:upload-list"),
        ("Records", "uploads:snapshot-list"),
        ("Organisations", "organisations:organisation-list"),
        ("Returns", "submissions:submission-list"),
        ("Provider support", "submissions:support-list"),
        ("Survey", "survey:round-list"),
        ("Training needs", "training:need-list"),
        ("Users", "accounts:user-list"),
        ("Downloads", "indicators:publication-list"),
        ("Audit log", "accounts:audit-list"),
        ("Your account", "accounts:account-show"),
    ),
}
"""The service navigation of each role (None: the public)."""


def service(request: HttpRequest) -> dict[str, Any]:
    """Branding, navigation (the current section marked: the item whose address is the
    longest start of the page's) and the viewer."""
    viewer = Viewer.of(getattr(request, "user", None))
    path = request.path
    links = [(text, reverse(name)) for text, name in NAVIGATION[viewer.role]]
    matching = [
        href
        for _, href in links
        if path == href or (href != "/" and path.startswith(href.rstrip("/") + "/"))
    ]
    current = max(matching, key=len, default=None)
    items = [{"href": href, "text": text, "active": href == current} for text, href in links]
    return {
        "branding": settings.CAREFORCE_BRANDING,
        "navigation": items,
        "viewer": viewer,
        "demo_notice": demo_notice(),
    }
