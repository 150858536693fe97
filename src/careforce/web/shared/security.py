"""Security headers on every response, including a strict Content-Security-Policy.

No page has inline script or style: scripts and styles come from the service's own static
files, charts are drawn by vega-embed with its expression interpreter (no ``eval``), and the
chart specifications travel in JSON data blocks, which browsers never execute.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from django.http import HttpRequest, HttpResponse

CONTENT_SECURITY_POLICY: Final = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
"""Only the service's own files; no inline code, no eval, no framing, forms post only here."""

PERMISSIONS_POLICY: Final = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
"""The pages use none of these browser features."""


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and related headers to every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        """Wrap the next handler."""
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Add the headers (a view may set a stricter policy of its own)."""
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # Pages with someone's data must not be kept by shared caches or the back button.
            response.headers.setdefault("Cache-Control", "no-store")
        return response
