"""Background jobs: claiming, running, failing, recovering interrupted jobs, the worker thread."""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import threading
import time
from typing import Any

import pytest
from django.apps import apps

from careforce.web.backend import job_kinds, jobs
from careforce.web.backend.job_processes import WorkerIdentity, is_gone, this_process
from careforce.web.models.indicators.models import Publication
from careforce.web.models.jobs.models import Job
from careforce.web.models.uploads.models import Upload
from web_support import Site, wait_until

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


NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
"""The controlled clock of the sweep tests."""
FAILURES: list[tuple[dict[str, Any], str]] = []


def record_failure(payload: dict[str, Any], message: str) -> None:
    """A failure handler for these tests: remembers what it was told."""
    FAILURES.append((payload, message))


@pytest.fixture
def failure_handlers(monkeypatch: pytest.MonkeyPatch, handlers: None) -> None:
    FAILURES.clear()
    monkeypatch.setitem(job_kinds.ON_FAILURE, "test-record", record_failure)
    monkeypatch.setitem(job_kinds.ON_FAILURE, "test-fail", record_failure)


def _running(
    kind: str = "test-record",
    *,
    heartbeat: dt.datetime = NOW,
    attempts: int = 1,
    worker: str = "",
    payload: dict[str, Any] | None = None,
) -> int:
    job = jobs.enqueue(kind, payload=payload or {})
    Job.objects.filter(pk=job).update(
        status="running", attempts=attempts, heartbeat=heartbeat, worker=worker
    )
    return job


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def _status(job: int) -> str:
    return str(Job.objects.get(pk=job).status)


class TestSweep:
    def test_a_fresh_heartbeat_is_left_running(self, db: None, handlers: None) -> None:
        job = _running(heartbeat=NOW)
        assert jobs.recover_jobs(now=NOW + jobs.STALE_AFTER - dt.timedelta(seconds=1)) == 0
        assert _status(job) == "running"

    def test_a_stale_heartbeat_is_queued_again_and_run(self, db: None, handlers: None) -> None:
        job = _running(heartbeat=NOW, payload={"again": True})
        assert jobs.recover_jobs(now=NOW + jobs.STALE_AFTER + dt.timedelta(seconds=1)) == 1
        found = Job.objects.get(pk=job)
        assert (found.status, found.worker) == ("pending", "")
        assert found.step == "Waiting to start again: its worker stopped reporting"
        assert jobs.run_pending() == 1
        assert CALLS == [{"again": True}]
        found = Job.objects.get(pk=job)
        assert (found.status, found.attempts) == ("succeeded", 2)

    def test_a_second_sweep_finds_nothing(self, db: None, handlers: None) -> None:
        _running(heartbeat=NOW)
        later = NOW + dt.timedelta(minutes=5)
        assert jobs.recover_jobs(now=later) == 1
        assert jobs.recover_jobs(now=later) == 0

    def test_too_many_interruptions_fail_the_job_and_tell_its_kind(
        self, db: None, failure_handlers: None
    ) -> None:
        job = _running(heartbeat=NOW, attempts=jobs.MAX_ATTEMPTS, payload={"upload_id": 7})
        assert jobs.recover_jobs(now=NOW + dt.timedelta(minutes=2)) == 1
        found = Job.objects.get(pk=job)
        assert found.status == "failed"
        assert found.finished == NOW + dt.timedelta(minutes=2)
        assert found.message.startswith(
            "The job was interrupted 3 times (its worker stopped reporting) and has been stopped."
        )
        assert [({"upload_id": 7}, found.message)] == FAILURES
        assert jobs.run_pending() == 0

    def test_a_job_failing_tells_its_kind(self, db: None, failure_handlers: None) -> None:
        jobs.enqueue("test-fail", payload={"publication_id": 3})
        jobs.run_pending()
        assert len(FAILURES) == 1
        assert FAILURES[0][0] == {"publication_id": 3}
        assert "fault in careforce" in FAILURES[0][1]


class TestSupersededRun:
    def test_a_run_queued_again_meanwhile_does_not_record_its_end(
        self, db: None, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def swept_meanwhile(payload: dict[str, Any], progress: jobs.Progress) -> None:
            Job.objects.filter(pk=payload["job"]).update(status="pending", worker="")
            progress("Still going", 1, 2)

        monkeypatch.setitem(job_kinds.HANDLERS, "test-swept", swept_meanwhile)
        job = jobs.enqueue("test-swept", payload={})
        Job.objects.filter(pk=job).update(payload={"job": job})
        assert jobs.run_pending(limit=1) == 1
        found = Job.objects.get(pk=job)
        assert (found.status, found.step, found.attempts) == ("pending", "", 1)


class TestWorkerIdentity:
    def test_a_claimed_job_names_this_process(self, db: None, handlers: None) -> None:
        job = jobs.enqueue("test-record", payload={})
        claimed = jobs._claim()
        assert claimed is not None
        assert claimed.pk == job
        assert WorkerIdentity.parse(claimed.worker) == this_process()

    def test_a_job_of_a_process_that_no_longer_exists_is_queued_again_at_once(
        self, db: None, handlers: None
    ) -> None:
        current = this_process()
        dead = WorkerIdentity(current.host, current.boot, _dead_pid(), "12345")
        job = _running(heartbeat=NOW, worker=str(dead))
        assert jobs.recover_jobs(now=NOW) == 1
        assert Job.objects.get(pk=job).step == "Waiting to start again: its worker process ended"

    def test_a_job_of_an_earlier_boot_is_queued_again_at_once(
        self, db: None, handlers: None
    ) -> None:
        current = this_process()
        earlier = WorkerIdentity(current.host, "an-earlier-boot", current.pid, current.started)
        job = _running(heartbeat=NOW, worker=str(earlier))
        assert jobs.recover_jobs(now=NOW) == 1
        assert _status(job) == "pending"

    def test_a_job_of_this_live_process_is_left_running(self, db: None, handlers: None) -> None:
        job = _running(heartbeat=NOW, worker=str(this_process()))
        assert jobs.recover_jobs(now=NOW) == 0
        assert _status(job) == "running"

    def test_a_job_of_another_host_waits_for_its_heartbeat(self, db: None, handlers: None) -> None:
        elsewhere = WorkerIdentity("another-host", "boot", 1, "1")
        job = _running(heartbeat=NOW, worker=str(elsewhere))
        assert jobs.recover_jobs(now=NOW) == 0
        assert jobs.recover_jobs(now=NOW + dt.timedelta(minutes=2)) == 1
        assert _status(job) == "pending"

    def test_identity_is_stored_and_read_back(self) -> None:
        identity = WorkerIdentity("host", "", 42, "")
        assert WorkerIdentity.parse(str(identity)) == identity
        assert WorkerIdentity.parse("") is None
        assert WorkerIdentity.parse("host boot pid start") is None

    def test_a_process_id_used_again_is_not_the_worker(self) -> None:
        current = this_process()
        assert is_gone(WorkerIdentity(current.host, current.boot, current.pid, "1"))
        assert not is_gone(current)


class TestHeartbeat:
    def test_a_long_job_beats_without_reporting_progress(
        self, transactional_db: None, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(jobs, "HEARTBEAT_SECONDS", 0.05)
        beats: list[dt.datetime | None] = []

        def quiet(payload: dict[str, Any], progress: jobs.Progress) -> None:
            for _ in range(3):
                time.sleep(0.3)
                beats.append(Job.objects.get(pk=payload["job"]).heartbeat)

        monkeypatch.setitem(job_kinds.HANDLERS, "test-quiet", quiet)
        job = jobs.enqueue("test-quiet", payload={})
        Job.objects.filter(pk=job).update(payload={"job": job})
        assert jobs.run_pending() == 1
        assert _status(job) == "succeeded"
        assert all(beat is not None for beat in beats)
        assert beats == sorted(beats)
        assert len(set(beats)) == 3


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


class TestStuckBeforeFailuresWereTold:
    def test_the_migration_fails_uploads_and_publications_whose_job_failed(
        self, db: None, site: Site
    ) -> None:
        migration = importlib.import_module(
            "careforce.web.models.jobs.migrations.0003_fail_stuck_uploads_and_publications"
        )
        failed = Job.objects.create(kind="validate-upload", status="failed")
        running = Job.objects.create(kind="validate-upload", status="running")
        published = Job.objects.create(kind="publish-measures", status="failed")
        Upload.objects.filter(pk=site.upload_a_errors).update(status="validating", job_id=failed.pk)
        Upload.objects.filter(pk=site.upload_b).update(status="validating", job_id=running.pk)
        stuck = Publication.objects.create(status="running", reason="test", job_id=published.pk)
        migration.fail_stuck(apps, None)
        assert Upload.objects.get(pk=site.upload_a_errors).status == "failed"
        assert Upload.objects.get(pk=site.upload_b).status == "validating"
        assert Publication.objects.get(pk=stuck.pk).status == "failed"
        assert Publication.objects.get(pk=site.publication).status == "ready"


class TestTimeLimit:
    def test_a_job_past_its_time_limit_fails_though_its_heartbeat_is_live(
        self, db: None, failure_handlers: None, settings: Any
    ) -> None:
        settings.CAREFORCE_JOB_MINUTES = 30
        job = _running(heartbeat=NOW, payload={"upload_id": 9})
        Job.objects.filter(pk=job).update(started=NOW - dt.timedelta(minutes=30, seconds=1))
        assert jobs.recover_jobs(now=NOW) == 1
        found = Job.objects.get(pk=job)
        assert (found.status, found.finished) == ("failed", NOW)
        assert found.message.startswith("The job was still running after 30 minutes")
        assert [({"upload_id": 9}, found.message)] == FAILURES
        assert jobs.run_pending() == 0

    def test_a_job_within_its_time_limit_is_left_running(
        self, db: None, handlers: None, settings: Any
    ) -> None:
        settings.CAREFORCE_JOB_MINUTES = 30
        job = _running(heartbeat=NOW)
        Job.objects.filter(pk=job).update(started=NOW - dt.timedelta(minutes=29))
        assert jobs.recover_jobs(now=NOW) == 0
        assert _status(job) == "running"

    def test_the_default_limit_is_two_hours(self, settings: Any) -> None:
        del settings.CAREFORCE_JOB_MINUTES
        assert jobs.time_limit() == dt.timedelta(hours=2)

    def test_a_hung_job_is_failed_by_its_heartbeat_and_the_jobs_behind_it_run(
        self,
        transactional_db: None,
        failure_handlers: None,
        settings: Any,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(jobs, "HEARTBEAT_SECONDS", 0.05)
        settings.CAREFORCE_JOB_MINUTES = 0.01  # 0.6 seconds
        settings.CAREFORCE_JOBS = "thread"
        release = threading.Event()

        def hang(payload: dict[str, Any], progress: jobs.Progress) -> None:
            release.wait(30)

        monkeypatch.setitem(job_kinds.HANDLERS, "test-hang", hang)
        monkeypatch.setitem(job_kinds.ON_FAILURE, "test-hang", record_failure)
        try:
            hung = jobs.enqueue("test-hang", payload={"hung": True})
            behind = jobs.enqueue("test-record", payload={"behind": True})
            assert wait_until(lambda: _status(hung) == "failed", timeout=20)
            assert wait_until(lambda: _status(behind) == "succeeded", timeout=20)
        finally:
            release.set()
            jobs.stop_worker()
        assert CALLS == [{"behind": True}]
        assert FAILURES[0][0] == {"hung": True}
        assert _status(hung) == "failed"  # the run that returned late records nothing
