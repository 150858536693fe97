"""The start page, the accessibility statement and the privacy notice."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careforce.web.backend.publications import current_publication


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """What the service is and what each person can do in it."""
    return render(request, "pages/home.html", {"publication": current_publication()})


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (Public Sector Bodies Accessibility Regulations 2018)."""
    return render(request, "pages/accessibility.html")


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """What personal data the service keeps, and its cookies."""
    return render(request, "pages/privacy.html")
