"""Shared views: the branding stylesheet, a health check and the error pages."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

ERROR_PAGES = {
    400: (
        "Sorry, there is a problem with the request",
        "The page could not understand what was sent.",
    ),
    403: ("You do not have access to this page", "Your account does not give access to this page."),
    404: ("Page not found", "If you typed the web address, check it is correct."),
    500: ("Sorry, there is a problem with the service", "Try again later."),
}
"""Title and explanation of each error page."""


def _api(request: HttpRequest) -> bool:
    return str(request.path).startswith("/api/")


def _error(request: HttpRequest, status: int, detail: str = "") -> HttpResponse:
    title, explanation = ERROR_PAGES[status]
    if _api(request):
        return JsonResponse({"detail": detail or title}, status=status)
    return render(
        request,
        "shared/error.html",
        {"title": title, "explanation": detail or explanation, "status": status},
        status=status,
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400."""
    return _error(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403, with the reason the view gave."""
    return _error(request, 403, str(exception) if exception and str(exception) else "")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 (also what another organisation's records answer)."""
    return _error(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500."""
    return _error(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form was sent without its security token (often: the page was open too long)."""
    return _error(
        request,
        403,
        "The form could not be sent because it had expired. Go back, reload the page and try again.",
    )


@require_GET
@cache_control(max_age=3600, public=True)
def branding_stylesheet(request: HttpRequest) -> HttpResponse:
    """The council's colours as CSS custom properties (no inline styles are allowed)."""
    branding = settings.CAREFORCE_BRANDING
    css = (
        ":root{"
        f"--careforce-header-background:{branding.header_colour};"
        f"--careforce-header-text:{branding.header_text_colour};"
        f"--govuk-brand-colour:{branding.brand_colour};"
        "}\n"
    )
    return HttpResponse(css, content_type="text/css; charset=utf-8")


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: the service answers and its database does."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
