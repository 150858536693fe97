"""Which process runs a background job, and whether that process still exists.

A worker writes its identity on every job it claims: the host name, the machine's boot id
(``/proc/sys/kernel/random/boot_id``), the process id and the process's start time (from
``/proc/<pid>/stat``, so that a process id used again by another process is not mistaken for
the worker). A process on the same host can then tell that the worker of a running job is gone
(the machine was restarted, or no such process exists any more, or it is a zombie) and start
the job again at once, without waiting for its heartbeat to go stale. Jobs claimed on another
host are never judged this way: only their heartbeat tells.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Final

BOOT_ID: Final = Path("/proc/sys/kernel/random/boot_id")
"""Changes each time the machine starts (Linux)."""
SEPARATOR: Final = " "
"""Separates the parts of an identity as stored on a job."""
_START_FIELD: Final = 19
"""Index of the start time among the fields of ``/proc/<pid>/stat`` after the command name."""


@dataclass(frozen=True)
class WorkerIdentity:
    """A process that claimed a job.

    Attributes:
        host: the host name.
        boot: the boot id of the machine ('' where unknown).
        pid: the process id.
        started: when the process started, in clock ticks since boot ('' where unknown).
    """

    host: str
    boot: str
    pid: int
    started: str

    def __str__(self) -> str:
        return SEPARATOR.join((self.host, self.boot or "-", str(self.pid), self.started or "-"))

    @classmethod
    def parse(cls, text: str) -> WorkerIdentity | None:
        """The identity stored on a job (None when there is none or it cannot be read)."""
        parts = text.split(SEPARATOR)
        if len(parts) != 4 or not parts[2].isdigit():
            return None
        host, boot, pid, started = parts
        return cls(host, "" if boot == "-" else boot, int(pid), "" if started == "-" else started)


def _boot_id() -> str:
    try:
        return BOOT_ID.read_text().strip()
    except OSError:
        return ""


def _process_state(pid: int) -> tuple[str, str] | None:
    """A process's state letter and start time from ``/proc`` (None when it has no entry)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[-1].split()
    if len(fields) <= _START_FIELD:
        return None
    return fields[0], fields[_START_FIELD]


def this_process() -> WorkerIdentity:
    """The identity of this process."""
    pid = os.getpid()
    state = _process_state(pid)
    return WorkerIdentity(socket.gethostname(), _boot_id(), pid, state[1] if state else "")


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_gone(worker: WorkerIdentity, *, current: WorkerIdentity | None = None) -> bool:
    """Whether the process is certainly gone (only a process on the same host can tell).

    Args:
        worker: the process that claimed a job.
        current: the process asking (default: this one).
    """
    asking = current if current is not None else this_process()
    if worker.host != asking.host:
        return False
    if worker.boot and asking.boot and worker.boot != asking.boot:
        return True
    if worker.pid == asking.pid:
        return worker.started != asking.started
    if Path("/proc/self/stat").exists():
        state = _process_state(worker.pid)
        if state is None:
            return True
        letter, started = state
        return letter in ("Z", "X") or bool(worker.started and started != worker.started)
    return not _exists(worker.pid)
