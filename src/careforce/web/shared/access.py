"""Access decorators for views: who may open a page at all. Object-level checks (whose
records) are in the services, which every view calls with the viewer."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from careforce.web.backend.access import Viewer
from careforce.web.models.accounts.terms import Role

if TYPE_CHECKING:
    from careforce.web.models.accounts.models import User

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def viewer_of(request: HttpRequest) -> Viewer:
    """Who is asking."""
    return Viewer.of(getattr(request, "user", None))


def signed_in_user(request: HttpRequest) -> User:
    """The signed-in user of a request to a page only signed-in users may open."""
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to open this page.")
    return user


def client_address(request: HttpRequest) -> str:
    """The address of the client that sent the request (throttling and the audit log use it).

    Without trusted proxies (``CAREFORCE_TRUSTED_PROXIES`` 0, the default) it is the address
    the web server saw, and ``X-Forwarded-For`` is ignored: anyone can send that header. Behind
    N trusted proxies, each appending the address it was reached from, the client's address is
    the N-th from the right of the header (what the client wrote itself is further left and
    never used); when the header is shorter or not an address, the server's view is kept.
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = int(getattr(settings, "CAREFORCE_TRUSTED_PROXIES", 0))
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
    ]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def roles_required(*roles: Role) -> Callable[[View], View]:
    """Let only signed-in users with one of the roles in; send others to sign in (or 403)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if Role(request.user.role) not in roles:
                raise PermissionDenied("Your account does not give access to this page.")
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate


def sign_in_required(view: View) -> View:
    """Let any signed-in user in; send others to sign in."""
    return roles_required(*Role)(view)
