"""How API responses are written: JSON, errors as ``{"detail": ...}``, pages of results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, Final, TypeVar
from urllib.parse import urlencode

import polars as pl
from django.http import HttpRequest, HttpResponse, JsonResponse

from careforce.web.backend.access import Viewer
from careforce.web.models.accounts.terms import Role
from careforce.web.shared.access import viewer_of

DEFAULT_PAGE_SIZE: Final = 100
"""Results per page unless ``page_size`` says otherwise."""
MAX_PAGE_SIZE: Final = 1000
"""The most results one page may hold."""

RECORD_ROLES: Final = (Role.ADMINISTRATOR, Role.PROVIDER)
"""Roles that may see uploads, snapshots and benchmarks (each its own organisation's)."""

View = TypeVar("View", bound=Callable[..., HttpResponse])


class BadParameterError(ValueError):
    """A query parameter cannot be used."""


def problem(status: int, detail: str) -> JsonResponse:
    """An error response."""
    response = JsonResponse({"detail": detail}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = "Token"
    return response


def api_view(*, roles: Sequence[Role] | None = None) -> Callable[[View], View]:
    """A GET endpoint of the API.

    Args:
        roles: roles that may use it (None: everyone, including the public). Others get 401
            when not signed in and 403 when their role has no access.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in ("GET", "HEAD"):
                response = problem(405, "Only GET is allowed.")
                response["Allow"] = "GET, HEAD"
                return response
            viewer = viewer_of(request)
            if roles is not None:
                if viewer.is_public:
                    return problem(
                        401, "Sign in, or send an API token: Authorization: Token <token>."
                    )
                if viewer.role not in roles:
                    return problem(403, "Your account does not give access to this resource.")
            try:
                return view(request, viewer, *args, **kwargs)
            except BadParameterError as error:
                return problem(400, str(error))

        return wrapped  # type: ignore[return-value]

    return decorate


def integer_parameter(request: HttpRequest, name: str, *, default: int, low: int, high: int) -> int:
    """An integer query parameter within bounds."""
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as error:
        raise BadParameterError(f"{name} must be a whole number") from error
    if not low <= value <= high:
        raise BadParameterError(f"{name} must be between {low} and {high}")
    return value


def choice_parameter(request: HttpRequest, name: str, choices: Sequence[str]) -> str | None:
    """A query parameter that must be one of some values."""
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return None
    if raw not in choices:
        raise BadParameterError(f"{name} must be one of: {', '.join(choices)}")
    return str(raw)


def paginated(
    request: HttpRequest,
    items: Any,
    serialise: Callable[[Any], dict[str, Any]],
    *,
    about: dict[str, Any] | None = None,
) -> JsonResponse:
    """A page of results: ``count``, ``page``, ``page_size``, ``next``, ``previous``, ``results``.

    Args:
        request: the request (``page`` and ``page_size`` are read from it).
        items: a query set or a list.
        serialise: turns one item into JSON.
        about: further members of the answer, before ``results`` (what the results are of).
    """
    page_size = integer_parameter(
        request, "page_size", default=DEFAULT_PAGE_SIZE, low=1, high=MAX_PAGE_SIZE
    )
    page = integer_parameter(request, "page", default=1, low=1, high=10**9)
    count = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    start = (page - 1) * page_size
    chunk = items[start : start + page_size]

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return f"{request.path}?{urlencode(sorted(query.items()))}"

    return JsonResponse(
        {
            "count": count,
            "page": page,
            "page_size": page_size,
            "next": link(page + 1) if start + page_size < count else None,
            "previous": link(page - 1) if page > 1 and start - page_size < count else None,
            **(about or {}),
            "results": [serialise(item) for item in chunk],
        }
    )


def frame_rows(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """A table's rows as JSON-ready objects: not-a-number as null, dates as ISO 8601 text."""
    rows = frame.with_columns(pl.col(pl.Float32, pl.Float64).fill_nan(None)).to_dicts()
    return [
        {
            key: value.isoformat() if isinstance(value, dt.date) else value
            for key, value in row.items()
        }
        for row in rows
    ]


def same(row: dict[str, Any]) -> dict[str, Any]:
    """A row already in its JSON form (for :func:`paginated`)."""
    return row


def viewer_label(viewer: Viewer) -> str:
    """Who the API answered, for the index."""
    return "public" if viewer.is_public else str(viewer.role)
