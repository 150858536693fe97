"""Sign-in throttling: an account is locked for an address after repeated failures.

Five failed attempts within 15 minutes from one address for one email address lock sign-in
for that pair for 15 minutes after the fifth (the numbers are the ``CAREFORCE_LOGIN_*``
settings). Attempts refused while locked are not counted, so the lock always ends; a
successful sign-in clears the count.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from careforce.web.models.accounts.models import LoginAttempt


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=settings.CAREFORCE_LOGIN_LOCK_MINUTES)


def locked_until(email: str, ip_address: str) -> dt.datetime | None:
    """When sign-in unlocks for this email and address (None when it is not locked)."""
    now = timezone.now()
    window = _window()
    limit = settings.CAREFORCE_LOGIN_ATTEMPTS
    attempts = LoginAttempt.objects.filter(
        email=email, ip_address=ip_address, created__gte=now - 2 * window
    )
    last_success = (
        attempts.filter(succeeded=True)
        .order_by("-created")
        .values_list("created", flat=True)
        .first()
    )
    failures = attempts.filter(succeeded=False)
    if last_success is not None:
        failures = failures.filter(created__gt=last_success)
    times = sorted(failures.values_list("created", flat=True))
    for index in range(limit - 1, len(times)):
        if times[index] - times[index - limit + 1] <= window and now < times[index] + window:
            until: dt.datetime = times[index] + window
            return until
    return None


def record_attempt(email: str, ip_address: str, *, succeeded: bool) -> None:
    """Remember an attempt (refused attempts while locked are not recorded)."""
    LoginAttempt.objects.create(email=email, ip_address=ip_address, succeeded=succeeded)
