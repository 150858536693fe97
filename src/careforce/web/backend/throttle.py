"""Counting attempts in the database, exactly across processes: the one mechanism behind the
sign-in throttle and the survey's rate limits.

A count is one :class:`LoginThrottle` row per scope and client (the model's ``email`` column
holds the scope, ``ip_address`` the client), changed only by conditional ``UPDATE`` statements,
which the database applies one at a time to a row. An attempt takes a place only while the
count is under the limit, so however many attempts arrive at once, from however many server
processes, at most the limit of them are let through in a window (on SQLite and PostgreSQL
alike). A window that has run its course, and is not locked, starts again at the next attempt.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from careforce.web.models.accounts.models import LoginThrottle


def _not_locked(now: dt.datetime) -> Q:
    return Q(locked_until__isnull=True) | Q(locked_until__lte=now)


def counter(scope: str, client: str) -> QuerySet[LoginThrottle]:
    """The row counting one client's attempts in one scope (the query, maybe empty)."""
    return LoginThrottle.objects.filter(email=scope, ip_address=client)


def take_place(
    scope: str,
    client: str,
    *,
    limit: int,
    window: dt.timedelta,
    now: dt.datetime | None = None,
) -> dt.datetime | None:
    """Take one of ``limit`` places in the current window for a client in a scope.

    Args:
        scope: what is counted (e.g. an email address for sign-in).
        client: who is counted (a client address, or a keyed hash of one).
        limit: places in a window.
        window: how long a window lasts from its first attempt.
        now: the time of the attempt (default: now).

    Returns:
        None when a place was taken; otherwise when the client may try again (the attempt is
        refused and not counted).
    """
    now = now if now is not None else timezone.now()
    row, _ = LoginThrottle.objects.get_or_create(email=scope, ip_address=client)
    one = LoginThrottle.objects.filter(pk=row.pk)
    one.filter(_not_locked(now)).filter(
        Q(window_start__isnull=True) | Q(window_start__lte=now - window)
    ).update(failures=0, window_start=now, locked_until=None)
    if one.filter(_not_locked(now), failures__lt=limit).update(failures=F("failures") + 1):
        return None
    locked, started = one.values_list("locked_until", "window_start").get()
    if locked is not None and locked > now:
        until: dt.datetime = locked
        return until
    return (started or now) + window
