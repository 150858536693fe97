"""Background jobs: validation and publishing run outside the request that asked for them.

Jobs are rows of the web database. A worker thread started by the web process claims pending
jobs one at a time (an atomic conditional update, so several processes can share one database)
and records progress as it goes, which the pages show. No message broker is needed.

Jobs survive crashes. The claiming process writes its identity on the job (see
:mod:`careforce.web.backend.job_processes`) and, while the job runs, touches its ``heartbeat``
every :data:`HEARTBEAT_SECONDS` whether or not the job reports progress. Every worker, when it
starts and at every poll, sweeps the running jobs (:func:`recover_jobs`): a job whose heartbeat
is older than :data:`STALE_AFTER`, or whose process is gone (same host, no such process or an
earlier boot), is queued again, or failed with a clear message once it has been started
:data:`MAX_ATTEMPTS` times. A job still running after its time limit (``CAREFORCE_JOB_MINUTES``,
see :func:`time_limit`) hangs even though its heartbeat is live: it is failed, not queued again
(it would hang again), by the sweep and by its own heartbeat thread, and the process's worker
thread is replaced so that the jobs queued behind it still run. A failed job tells its upload or
publication (the kind's failure handler in :mod:`careforce.web.backend.job_kinds`), which then
shows a failed state that can be tried again, never "running" for ever.

How jobs run is set by ``CAREFORCE_JOBS`` in the Django settings:

- ``thread`` (the service): a worker thread of the web process runs them;
- ``inline``: they run in the process that queued them, as soon as its transaction commits;
- ``manual``: they wait until :func:`run_pending` is called (tests use this).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from django.conf import settings
from django.db import close_old_connections, connection, connections, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from careforce.web.backend.job_processes import WorkerIdentity, is_gone, this_process
from careforce.web.models.jobs.models import Job
from careforce.web.models.jobs.terms import JobStatus

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""Called by a job with (step description, steps done, steps in all)."""


class JobMode(StrEnum):
    """How queued jobs are run (the ``CAREFORCE_JOBS`` setting)."""

    THREAD = "thread"
    INLINE = "inline"
    MANUAL = "manual"


class JobKind(StrEnum):
    """What a job does (its handler is in :data:`careforce.web.backend.job_kinds.HANDLERS`)."""

    VALIDATE_UPLOAD = "validate-upload"
    PUBLISH_MEASURES = "publish-measures"
    PROGRESS_REPORT = "progress-report"
    PUBLISH_APPENDIX = "publish-appendix"


Handler = Callable[[dict[str, Any], Progress], None]
"""What a kind of job runs: called with the job's payload and a progress callback."""
FailureHandler = Callable[[dict[str, Any], str], None]
"""Told that a job of its kind failed for good: called with the payload and a message."""

POLL_SECONDS: Final = 2.0
"""The worker looks for jobs queued by other processes this often."""
PROGRESS_SECONDS: Final = 0.5
"""Progress is written to the database at most this often (a new step is always written)."""
HEARTBEAT_SECONDS: Final = 10.0
"""A running job's worker touches its heartbeat this often (besides each progress report)."""
STALE_AFTER: Final = dt.timedelta(seconds=60)
"""A running job whose heartbeat is older than this was interrupted (its process ended or
hangs): it is queued again."""
MAX_ATTEMPTS: Final = 3
"""An interrupted job is started at most this many times in all; then it fails."""
INTERRUPTED_MESSAGE: Final = (
    "The job was interrupted {attempts} times ({reason}) and has been stopped. Try again; "
    "if it fails again, an administrator has the details."
)
"""The message of a job failed after too many interruptions."""
OVERRUN_MESSAGE: Final = (
    "The job was still running after {minutes} minutes, much longer than this work takes, and "
    "has been stopped. Try again; if it happens again, an administrator has the details."
)
"""The message of a job failed for running past its time limit."""
DEFAULT_TIME_LIMIT: Final = dt.timedelta(minutes=120)
"""How long a job may run when ``CAREFORCE_JOB_MINUTES`` is not set (the largest valid upload,
1.4 million staff records, takes about a minute)."""


class UnknownJobKindError(KeyError):
    """A job names a kind no handler is registered for."""


@dataclass(frozen=True)
class JobState:
    """A job's progress as pages show it."""

    id: int
    kind: str
    status: JobStatus
    step: str
    done: int
    total: int
    message: str

    @property
    def finished(self) -> bool:
        """Whether the job has stopped (successfully or not)."""
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)

    @property
    def percent(self) -> int:
        """How far it has got, 0-100."""
        if self.status is JobStatus.SUCCEEDED:
            return 100
        return int(100 * self.done / self.total) if self.total else 0


def failure_text(state: JobState, *, prefix: str, fault: str) -> str:
    """Why a job failed, in words for a page ('' unless it failed): the message of a failure
    its handler expected (the part after ``prefix``), else ``fault``."""
    if state.status is not JobStatus.FAILED:
        return ""
    if state.message.startswith(prefix):
        return state.message.removeprefix(prefix)
    return fault


def mode() -> JobMode:
    """How jobs run in this process."""
    return JobMode(getattr(settings, "CAREFORCE_JOBS", JobMode.THREAD.value))


def time_limit() -> dt.timedelta:
    """How long a job may run before it is taken to hang (``CAREFORCE_JOB_MINUTES``)."""
    minutes = getattr(settings, "CAREFORCE_JOB_MINUTES", None)
    return dt.timedelta(minutes=minutes) if minutes else DEFAULT_TIME_LIMIT


def _overran(job: Job, now: dt.datetime) -> bool:
    """Whether a running job has run past its time limit."""
    return job.started is not None and job.started < now - time_limit()


def _fail_overrun(job: Job, now: dt.datetime) -> bool:
    """Fail a job that ran past its time limit (if this run still holds it) and tell its kind.

    Returns:
        Whether the job was failed here.
    """
    minutes = round(time_limit().total_seconds() / 60)
    message = OVERRUN_MESSAGE.format(minutes=minutes)
    if not _this_run(job).update(status=JobStatus.FAILED, finished=now, message=message):
        return False
    logger.error("job %s (%s) failed: still running after %s minutes", job.pk, job.kind, minutes)
    _tell_failure(job, message)
    return True


def enqueue(kind: JobKind, *, payload: dict[str, Any]) -> int:
    """Queue a job; it starts once the current transaction (if any) commits.

    Returns:
        The job's id.

    Raises:
        UnknownJobKindError: no handler runs jobs of this kind.
    """
    if kind not in _handlers():
        raise UnknownJobKindError(kind)
    job = Job.objects.create(kind=kind, payload=payload)
    transaction.on_commit(_dispatch)
    return int(job.pk)


def _dispatch() -> None:
    current = mode()
    if current is JobMode.INLINE:
        recover_jobs()
        run_pending()
    elif current is JobMode.THREAD:
        start_worker()
        _worker.wake.set()


def job_state(job_id: int | None) -> JobState | None:
    """The state of a job, or None when there is no such job."""
    if job_id is None:
        return None
    job = Job.objects.filter(pk=job_id).first()
    if job is None:
        return None
    return JobState(
        id=job.pk,
        kind=job.kind,
        status=JobStatus(job.status),
        step=job.step,
        done=job.done,
        total=job.total,
        message=job.message,
    )


def _claim() -> Job | None:
    jobs = Job.objects
    candidates = list(
        jobs.filter(status=JobStatus.PENDING)
        .order_by("created", "id")
        .values_list("pk", flat=True)[:10]
    )
    worker = str(this_process())
    for pk in candidates:
        now = timezone.now()
        claimed = jobs.filter(pk=pk, status=JobStatus.PENDING).update(
            status=JobStatus.RUNNING,
            started=now,
            heartbeat=now,
            worker=worker,
            attempts=F("attempts") + 1,
        )
        if claimed:
            return jobs.get(pk=pk)
    return None


def _handlers() -> Mapping[JobKind, Handler]:
    # The handlers queue jobs themselves (an accepted upload queues a publication), so their
    # registry imports this module and is looked up only once a job is queued or run.
    from careforce.web.backend.job_kinds import HANDLERS  # noqa: PLC0415

    return HANDLERS


def _handler(kind: str) -> Handler:
    for known, handler in _handlers().items():
        if known == kind:
            return handler
    raise UnknownJobKindError(kind)


def _tell_failure(job: Job, message: str) -> None:
    """Let the job's upload or publication know it failed (its kind's failure handler)."""
    from careforce.web.backend.job_kinds import ON_FAILURE  # noqa: PLC0415

    for known, handler in ON_FAILURE.items():
        if known == job.kind:
            try:
                handler(job.payload, message)
            except Exception:  # the job is failed already; the worker must go on
                logger.exception("could not record the failure of job %s", job.pk)


def _this_run(job: Job) -> QuerySet[Job]:
    """The job's row while this run of it holds it (a sweep may have queued it again, and
    another worker claimed it, if this run stopped beating for too long)."""
    return Job.objects.filter(
        pk=job.pk, status=JobStatus.RUNNING, worker=job.worker, attempts=job.attempts
    )


def _beat(job: Job, stopping: threading.Event, runner: threading.Thread) -> None:
    try:
        while not stopping.wait(HEARTBEAT_SECONDS):
            try:
                now = timezone.now()
                if _overran(job, now):
                    if _fail_overrun(job, now):
                        _worker.abandon(runner)
                    return
                _this_run(job).update(heartbeat=now)
            except Exception:  # a missed beat is not fatal: the next one may succeed
                logger.exception("could not record the heartbeat of job %s", job.pk)
    finally:
        connections.close_all()  # this thread's own connections


@contextmanager
def _heartbeat(job: Job) -> Iterator[None]:
    """Touch the job's heartbeat from a thread of its own while the job runs.

    A job run inside an outer transaction (tests) is invisible to other connections, so it
    has no heartbeat.
    """
    if connection.in_atomic_block:
        yield
        return
    stopping = threading.Event()
    beater = threading.Thread(
        target=_beat,
        args=(job, stopping, threading.current_thread()),
        name=f"careforce-job-{job.pk}",
        daemon=True,
    )
    beater.start()
    try:
        yield
    finally:
        stopping.set()
        beater.join(HEARTBEAT_SECONDS)


def _run(job: Job) -> None:
    last = 0.0
    last_step = ""

    def progress(step: str, done: int, total: int) -> None:
        nonlocal last, last_step
        now = time.monotonic()
        if step != last_step or now - last >= PROGRESS_SECONDS:
            _this_run(job).update(step=step, done=done, total=total, heartbeat=timezone.now())
            last, last_step = now, step

    try:
        with _heartbeat(job):
            _handler(job.kind)(job.payload, progress)
    except Exception as error:  # a failed job must not stop the worker: it is recorded instead
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        failed = _this_run(job).update(
            status=JobStatus.FAILED,
            finished=timezone.now(),
            message=f"{type(error).__name__}: {error}",
        )
        if failed:
            _tell_failure(
                job,
                "The work could not be finished because of a fault in careforce. "
                "Try again; an administrator has the details.",
            )
        return
    _this_run(job).update(
        status=JobStatus.SUCCEEDED, finished=timezone.now(), step="Done", done=F("total")
    )


def run_pending(*, limit: int | None = None) -> int:
    """Run pending jobs in this thread, oldest first.

    Args:
        limit: stop after this many jobs (default: until none is pending).

    Returns:
        The number of jobs run.
    """
    ran = 0
    while limit is None or ran < limit:
        job = _claim()
        if job is None:
            break
        _run(job)
        ran += 1
    return ran


def _interruption(job: Job, now: dt.datetime, current: WorkerIdentity) -> str:
    """Why a running job is taken to be interrupted ('' when it is not)."""
    if job.heartbeat is None or job.heartbeat < now - STALE_AFTER:
        return "its worker stopped reporting"
    worker = WorkerIdentity.parse(job.worker)
    if worker is not None and is_gone(worker, current=current):
        return "its worker process ended"
    return ""


def recover_jobs(*, now: dt.datetime | None = None) -> int:
    """Queue again the running jobs that were interrupted, or fail them after
    :data:`MAX_ATTEMPTS` (telling their upload or publication).

    A job is interrupted when its heartbeat is older than :data:`STALE_AFTER` or its worker
    process is certainly gone. Several processes may sweep at once: each change is a
    conditional update of the job as it was seen, so only one of them makes it.

    Args:
        now: the time to judge heartbeats against (default: now).

    Returns:
        How many jobs were queued again or failed.
    """
    now = now if now is not None else timezone.now()
    current = this_process()
    recovered = 0
    for job in Job.objects.filter(status=JobStatus.RUNNING):
        if _overran(job, now):
            recovered += _fail_overrun(job, now)
            continue
        reason = _interruption(job, now, current)
        if not reason:
            continue
        seen = _this_run(job)
        if job.attempts >= MAX_ATTEMPTS:
            message = INTERRUPTED_MESSAGE.format(attempts=job.attempts, reason=reason)
            if seen.update(status=JobStatus.FAILED, finished=now, message=message):
                logger.warning("job %s (%s) failed: %s", job.pk, job.kind, message)
                _tell_failure(job, message)
                recovered += 1
        elif seen.update(
            status=JobStatus.PENDING, worker="", step=f"Waiting to start again: {reason}"
        ):
            logger.warning("job %s (%s) queued again: %s", job.pk, job.kind, reason)
            recovered += 1
    return recovered


class _Worker:
    """This process's worker thread and the events that drive it."""

    def __init__(self) -> None:
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.pid: int | None = None

    def current(self, thread: threading.Thread) -> bool:
        """Whether ``thread`` is still this process's worker (not stopped or replaced)."""
        return self.thread is thread and not self.stopping.is_set()

    def work(self) -> None:
        me = threading.current_thread()
        try:
            while self.current(me):
                try:
                    recover_jobs()
                    # One job at a time, so a thread replaced while its job hung stops there.
                    while self.current(me) and run_pending(limit=1):
                        pass
                except Exception:  # e.g. the database is briefly unavailable: try again
                    logger.exception("the job worker could not look for jobs")
                finally:
                    close_old_connections()
                self.wake.wait(POLL_SECONDS)
                self.wake.clear()
        finally:
            # The thread's own database connections end with it.
            connections.close_all()

    def start(self) -> None:
        with self.lock:
            if self.thread is not None and self.thread.is_alive() and self.pid == os.getpid():
                return
            self.stopping.clear()
            self.thread = threading.Thread(target=self.work, name="careforce-jobs", daemon=True)
            self.pid = os.getpid()
            self.thread.start()

    def abandon(self, runner: threading.Thread) -> None:
        """Start a new worker thread in place of ``runner``, whose job hangs; ``runner`` stops
        by itself if its job ever returns."""
        with self.lock:
            if self.thread is not runner or self.stopping.is_set():
                return
            self.thread = None
        logger.error("the job worker thread is replaced: its job ran past its time limit")
        self.start()

    def stop(self, timeout: float) -> None:
        with self.lock:
            thread, self.thread = self.thread, None
        if thread is None:
            return
        self.stopping.set()
        self.wake.set()
        thread.join(timeout)


_worker = _Worker()


def start_worker() -> None:
    """Start this process's worker thread (once per process; safe to call again)."""
    _worker.start()


def stop_worker(*, timeout: float = 10.0) -> None:
    """Stop the worker thread after its current job (used by tests and shutdown)."""
    _worker.stop(timeout)
