"""Sign-in throttling with the database: the count per email and address, its window and lock
(with a controlled clock), and attempts arriving at once from many threads."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import reverse

from careforce.web.backend import accounts
from careforce.web.models.accounts.models import AuditEvent, User
from careforce.web.models.accounts.terms import Role

pytestmark = pytest.mark.integration

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
"""The controlled clock's start."""
EMAIL = "guessed@test.example"
ADDRESS = "192.0.2.50"
PARALLEL = 48
"""Wrong passwords sent at once by the concurrency tests."""


def _fail(at: dt.datetime, address: str = ADDRESS) -> dt.datetime | None:
    """One failed attempt at a time; returns what begin_sign_in answered."""
    refused = accounts.begin_sign_in(EMAIL, address, now=at)
    if refused is None:
        accounts.end_sign_in(EMAIL, address, succeeded=False, now=at)
    return refused


def _minutes(n: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=n)


class TestThrottleClock:
    def test_the_sixth_attempt_is_refused_until_fifteen_minutes_after_the_fifth(
        self, db: None
    ) -> None:
        for n in range(settings.CAREFORCE_LOGIN_ATTEMPTS):
            assert _fail(_minutes(n)) is None
        assert _fail(_minutes(5)) == _minutes(4 + 15)
        assert _fail(_minutes(18.9)) == _minutes(4 + 15)
        assert _fail(_minutes(19)) is None

    def test_failures_spread_beyond_the_window_do_not_lock(self, db: None) -> None:
        for n in range(4):
            assert _fail(_minutes(n)) is None
        assert _fail(_minutes(16)) is None
        for n in range(17, 21):
            assert _fail(_minutes(n)) is None
        assert _fail(_minutes(21)) == _minutes(20 + 15)

    def test_a_success_clears_the_count(self, db: None) -> None:
        for n in range(4):
            _fail(_minutes(n))
        assert accounts.begin_sign_in(EMAIL, ADDRESS, now=_minutes(4)) is None
        accounts.end_sign_in(EMAIL, ADDRESS, succeeded=True, now=_minutes(4))
        for n in range(5, 10):
            assert _fail(_minutes(n)) is None

    def test_another_address_has_its_own_count(self, db: None) -> None:
        for n in range(5):
            _fail(_minutes(n))
        assert _fail(_minutes(5)) is not None
        assert _fail(_minutes(5), address="192.0.2.51") is None

    def test_places_taken_by_attempts_being_checked_refuse_others(self, db: None) -> None:
        for _ in range(settings.CAREFORCE_LOGIN_ATTEMPTS):
            assert accounts.begin_sign_in(EMAIL, ADDRESS, now=T0) is None
        assert accounts.begin_sign_in(EMAIL, ADDRESS, now=_minutes(1)) == _minutes(15)


def _at_once(attempt: Any) -> None:
    barrier = threading.Barrier(PARALLEL)

    def run(_: int) -> None:
        try:
            barrier.wait(timeout=30)
            attempt()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        list(pool.map(run, range(PARALLEL)))


@pytest.mark.django_db(transaction=True)
class TestConcurrentAttempts:
    def test_at_most_the_limit_reach_the_password_check(self) -> None:
        checks: list[int] = []
        lock = threading.Lock()

        def attempt() -> None:
            if accounts.begin_sign_in(EMAIL, ADDRESS) is None:
                with lock:
                    checks.append(1)
                accounts.end_sign_in(EMAIL, ADDRESS, succeeded=False)

        _at_once(attempt)
        assert len(checks) == settings.CAREFORCE_LOGIN_ATTEMPTS

    def test_parallel_wrong_passwords_through_the_sign_in_page(self) -> None:
        User.objects.create_user(
            email=EMAIL,
            password="a long and proper passphrase",
            full_name="Guessed",
            role=Role.ANALYST,
        )

        def attempt() -> None:
            Client(REMOTE_ADDR=ADDRESS).post(
                reverse("accounts:session-create"), {"email": EMAIL, "password": "wrong guess"}
            )

        _at_once(attempt)
        events = AuditEvent.objects.filter(actor=EMAIL)
        assert events.filter(action="sign-in-failed").count() == settings.CAREFORCE_LOGIN_ATTEMPTS
        assert events.filter(action="sign-in-locked").count() == (
            PARALLEL - settings.CAREFORCE_LOGIN_ATTEMPTS
        )
