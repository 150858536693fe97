"""Token authentication for the JSON API (``Authorization: Token <secret>``), and keeping
signed-in sessions alive while they are used."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from careforce.web.backend.accounts import user_for_token

API_PREFIX = "/api/"
"""Only API requests may use tokens."""
SCHEME = "Token"
"""The authorization scheme."""


class TokenAuthenticationMiddleware:
    """Signs API requests in with their token; an invalid token is refused with 401."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        """Wrap the next handler."""
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Authenticate by token when the request carries one."""
        header = request.headers.get("Authorization", "")
        if request.path.startswith(API_PREFIX) and header:
            scheme, _, secret = header.partition(" ")
            user = user_for_token(secret.strip()) if scheme == SCHEME and secret.strip() else None
            if user is None:
                response = JsonResponse({"detail": "The API token is not valid."}, status=401)
                response["WWW-Authenticate"] = SCHEME
                return response
            request.user = user
            # A token, not a cookie, authenticates this request: no cross-site request can forge it.
            request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
        return self.get_response(request)


ACTIVITY_KEY = "_careforce_activity"
"""Session key holding when the session's expiry was last pushed back (seconds since the epoch)."""
ACTIVITY_SECONDS = 60
"""A signed-in session's expiry is pushed back at most this often: often enough for a 30-minute
idle timeout, without writing the session on every request."""


class SessionActivityMiddleware:
    """Keeps signed-in sessions alive while they are used: each request more than a minute
    after the last pushes the expiry back by the full idle timeout."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        """Wrap the next handler."""
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Mark the session changed when its expiry is due to be pushed back."""
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if (
            session is not None
            and user is not None
            and user.is_authenticated
            and not session.is_empty()
        ):
            now = int(time.time())
            if now - int(session.get(ACTIVITY_KEY, 0)) >= ACTIVITY_SECONDS:
                session[ACTIVITY_KEY] = now
        return response
