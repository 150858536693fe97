"""The survey's rate limits counted in the database with the sign-in throttle's mechanism:
exact across processes (no per-process cache), a window that starts again, the address never
stored in clear, and submissions arriving at once from many threads."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connections

from careforce.web.backend import survey as backend
from careforce.web.backend import throttle
from careforce.web.models.accounts.models import LoginThrottle
from careforce.web.models.survey.models import SurveyResponse

pytestmark = pytest.mark.integration

T0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)
PARALLEL = 24
"""Submissions sent at once by the concurrency test."""
ANSWERS = {"service_type": ["nursing"]}


class TestTakePlace:
    def test_places_in_a_window_then_refused_until_it_ends(self, db: None) -> None:
        for minute in range(3):
            at = T0 + dt.timedelta(minutes=minute)
            assert throttle.take_place("scope", "c", limit=3, window=HOUR, now=at) is None
        refused = throttle.take_place("scope", "c", limit=3, window=HOUR, now=T0 + HOUR / 2)
        assert refused == T0 + HOUR
        assert throttle.take_place("scope", "c", limit=3, window=HOUR, now=T0 + HOUR) is None
        assert LoginThrottle.objects.get(email="scope").failures == 1

    def test_scopes_and_clients_count_apart(self, db: None) -> None:
        assert throttle.take_place("a", "c", limit=1, window=HOUR, now=T0) is None
        assert throttle.take_place("a", "c", limit=1, window=HOUR, now=T0) is not None
        assert throttle.take_place("b", "c", limit=1, window=HOUR, now=T0) is None
        assert throttle.take_place("a", "d", limit=1, window=HOUR, now=T0) is None


class TestSurveyLimits:
    def test_the_count_is_not_in_the_cache(self, db: None, monkeypatch: pytest.MonkeyPatch) -> None:
        survey_round = backend.create_round("organisations", "2024", user=None)
        monkeypatch.setattr(backend, "SUBMISSIONS_PER_HOUR", 2)
        for _ in range(2):
            backend.submit(survey_round, ANSWERS, client="10.0.0.1")
            cache.clear()  # another worker's cache knows nothing of it
        with pytest.raises(backend.RateLimitedError):
            backend.submit(survey_round, ANSWERS, client="10.0.0.1")
        assert SurveyResponse.objects.count() == 2

    def test_the_address_is_kept_as_a_keyed_hash(self, db: None) -> None:
        survey_round = backend.create_round("organisations", "2024", user=None)
        backend.note_answer(survey_round, client="203.0.113.9")
        row = LoginThrottle.objects.get(email=f"survey-answer:{survey_round.pk}")
        assert row.failures == 1
        assert len(row.ip_address) == 32
        assert "203.0.113.9" not in row.ip_address

    def test_each_round_has_its_own_count(self, db: None, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(backend, "SUBMISSIONS_PER_HOUR", 1)
        first = backend.create_round("organisations", "2024", user=None)
        second = backend.create_round("organisations", "2025", user=None)
        backend.submit(first, ANSWERS, client="10.0.0.1")
        backend.submit(second, ANSWERS, client="10.0.0.1")
        with pytest.raises(backend.RateLimitedError):
            backend.submit(first, ANSWERS, client="10.0.0.1")


@pytest.mark.django_db(transaction=True)
def test_at_most_the_limit_of_concurrent_submissions_are_stored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    survey_round = backend.create_round("organisations", "2024", user=None)
    monkeypatch.setattr(backend, "SUBMISSIONS_PER_HOUR", 5)
    barrier = threading.Barrier(PARALLEL)
    refused: list[int] = []
    lock = threading.Lock()

    def run(_: int) -> None:
        try:
            barrier.wait(timeout=30)
            try:
                backend.submit(survey_round, ANSWERS, client="10.0.0.1")
            except backend.RateLimitedError:
                with lock:
                    refused.append(1)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        list(pool.map(run, range(PARALLEL)))
    assert SurveyResponse.objects.count() == 5
    assert len(refused) == PARALLEL - 5
