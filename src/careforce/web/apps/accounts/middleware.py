"""Token authentication for the JSON API (``Authorization: Token <secret>``)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from careforce.web.apps.accounts.tokens import user_for_token

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
            request._dont_enforce_csrf_checks = True
        return self.get_response(request)
