"""Background jobs: claiming, running, failing, recovering interrupted jobs, the worker thread."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from careforce.web.backend import job_kinds, jobs
from careforce.web.models.jobs.models import Job
from web_support import wait_until

pytestmark = pytest.mark.integration

CALLS: list[dict[str, Any]] = []


def record_call(payload: dict[str, Any], progress: jobs.Progress) -> None:
    """A job handler for these tests: remembers its payload and reports two steps."""
    progress("First step", 0, 2)
    progress("Second step", 1, 2)
    CALLS.append(payload)


def fail(payload: dict[str, Any], progress: jobs.Progress) -> None:
    """A job handler that fails."""
    raise ValueError("no good")


@pytest.fixture
def handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    CALLS.clear()
    monkeypatch.setitem(job_kinds.HANDLERS, "test-record", record_call)
    monkeypatch.setitem(job_kinds.HANDLERS, "test-fail", fail)


class TestRunning:
    def test_pending_jobs_run_oldest_first(self, db: None, handlers: None) -> None:
        first = jobs.enqueue("test-record", payload={"n": 1})
        second = jobs.enqueue("test-record", payload={"n": 2})
        assert jobs.run_pending() == 2
        assert CALLS == [{"n": 1}, {"n": 2}]
        state = jobs.job_state(first)
        assert state is not None
        assert state.status is jobs.JobStatus.SUCCEEDED
        assert state.percent == 100
        assert jobs.job_state(second).finished  # type: ignore[union-attr]

    def test_failure_is_recorded_not_raised(self, db: None, handlers: None) -> None:
        job = jobs.enqueue("test-fail", payload={})
        jobs.run_pending()
        state = jobs.job_state(job)
        assert state is not None
        assert state.status is jobs.JobStatus.FAILED
        assert state.message == "ValueError: no good"

    def test_unknown_kind_is_refused(self, db: None) -> None:
        with pytest.raises(jobs.UnknownJobKindError):
            jobs.enqueue("no-such-kind", payload={})

    def test_a_claimed_job_is_not_run_twice(self, db: None, handlers: None) -> None:
        job = jobs.enqueue("test-record", payload={})
        Job.objects.filter(pk=job).update(status="running")
        assert jobs.run_pending() == 0
        assert CALLS == []


class TestInterruptedJobs:
    def test_stale_running_job_is_started_again(self, db: None, handlers: None) -> None:
        job = jobs.enqueue("test-record", payload={"again": True})
        Job.objects.filter(pk=job).update(
            status="running", attempts=1, heartbeat=timezone.now() - dt.timedelta(minutes=30)
        )
        assert jobs.requeue_interrupted() == 1
        jobs.run_pending()
        assert CALLS == [{"again": True}]

    def test_job_interrupted_too_often_fails(self, db: None, handlers: None) -> None:
        job = jobs.enqueue("test-record", payload={})
        Job.objects.filter(pk=job).update(
            status="running",
            attempts=jobs.MAX_ATTEMPTS,
            heartbeat=timezone.now() - dt.timedelta(hours=1),
        )
        jobs.requeue_interrupted()
        assert Job.objects.get(pk=job).status == "failed"


class TestWorkerThread:
    def test_worker_runs_jobs_queued_after_commit(
        self, transactional_db: None, handlers: None, settings: Any
    ) -> None:
        settings.CAREFORCE_JOBS = "thread"
        try:
            job = jobs.enqueue("test-record", payload={"threaded": True})
            assert wait_until(lambda: jobs.job_state(job).finished, timeout=20)  # type: ignore[union-attr]
        finally:
            jobs.stop_worker()
        assert CALLS == [{"threaded": True}]
