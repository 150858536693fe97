"""A background job survives its web service being killed: the service is started on a free
loopback port with a throwaway data folder, a job is running in it, the whole service is killed
with SIGKILL and started again at once; the restarted service recognises that the job's process
is gone, starts the job again straight away (not after the heartbeat goes stale) and finishes it.

The service is ``careforce.web.backend.service`` (gunicorn, one worker process) run by a small
script that registers a slow job handler for the test before serving.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

SERVER = """
import os, sys, time
from pathlib import Path

from careforce.web.backend import service

data_dir, port, queue = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "queue"
service.configure(service.ServiceOptions(data_dir=data_dir, jobs="manual"))
service.check_and_migrate()

from careforce.web.backend import job_kinds, jobs

def slow(payload, progress):
    marker = Path(payload["marker"])
    with marker.open("a") as stream:
        stream.write(f"started {os.getpid()}\\n")
    for step in range(payload["steps"]):
        progress(f"Step {step + 1}", step, payload["steps"])
        time.sleep(payload["seconds"])
    with marker.open("a") as stream:
        stream.write(f"finished {os.getpid()}\\n")

job_kinds.HANDLERS["test-slow"] = slow
if queue:
    jobs.enqueue("test-slow", payload={"marker": str(data_dir / "marker.txt"), "steps": 8, "seconds": 0.5})
service.use_background_jobs()
service.serve(host="127.0.0.1", port=port, workers=1, threads=2)
"""
"""The service with a slow job kind (the job queued before serving when asked)."""
START_SECONDS = 40
"""How long the service may take to start (migrations included)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def _job(database: Path) -> tuple[str, int, str]:
    """The job's status, attempts and worker ('' before the job exists)."""
    if not database.exists():
        return "", 0, ""
    try:
        with sqlite3.connect(database, timeout=5) as connection:
            row = connection.execute("SELECT status, attempts, worker FROM jobs_job").fetchone()
    except sqlite3.Error:
        return "", 0, ""
    return (str(row[0]), int(row[1]), str(row[2])) if row else ("", 0, "")


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextmanager
def _service(folder: Path, *, queue: bool) -> Iterator[subprocess.Popen[bytes]]:
    script = folder / "server.py"
    script.write_text(SERVER)
    environment = {**os.environ, "CAREFORCE_SECRET_KEY": "e2e-job-crash"}
    environment.pop("DATABASE_URL", None)
    port = _free_port()
    with (folder / f"service-{port}.log").open("w") as log:
        process = subprocess.Popen(
            [sys.executable, str(script), str(folder / "data"), str(port), "queue" if queue else "-"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=environment,
            start_new_session=True,
        )  # fmt: skip
    try:
        _wait(lambda: process.poll() is not None or _healthy(port), START_SECONDS, "the service")
        assert process.poll() is None, (folder / f"service-{port}.log").read_text()
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=20)


class TestJobCrash:
    def test_a_job_killed_with_its_service_finishes_after_a_quick_restart(
        self, tmp_path: Path
    ) -> None:
        database = tmp_path / "data" / "careforce.sqlite3"
        marker = tmp_path / "data" / "marker.txt"
        with _service(tmp_path, queue=True) as first:
            _wait(lambda: _job(database)[0] == "running" and marker.exists(), 20, "the job")
            status, attempts, worker = _job(database)
            assert (status, attempts) == ("running", 1)
            os.killpg(first.pid, signal.SIGKILL)
            first.wait(timeout=20)
        assert marker.read_text().count("finished") == 0
        restarted = time.monotonic()
        with _service(tmp_path, queue=False):
            _wait(lambda: _job(database)[0] == "succeeded", 40, "the job to finish")
            recovered_in = time.monotonic() - restarted
        status, attempts, second_worker = _job(database)
        assert (status, attempts) == ("succeeded", 2)
        assert second_worker != worker
        lines = marker.read_text().split()
        assert lines[0::2] == ["started", "started", "finished"]
        first_pid, second_pid, finishing_pid = lines[1::2]
        assert first_pid != second_pid == finishing_pid
        # Started again because its process was gone, not after its heartbeat went stale.
        assert recovered_in < 45
