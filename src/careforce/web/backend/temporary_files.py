"""Temporary copies of uploaded files: kept in a private folder of the service and never left
behind.

Django writes an uploaded file larger than ``FILE_UPLOAD_MAX_MEMORY_SIZE`` to a temporary file
while the request is read. The service puts those files in ``CAREFORCE_UPLOAD_TEMP_DIR`` (the
data folder's ``tmp``, readable by the service's account only) instead of the system's
temporary folder, and closes (so deletes) them when the upload request ends, whatever happened. A process
killed in the middle of a request (SIGKILL, a worker timeout, the machine stopping) cannot clean
up, so each web process, when it starts, removes the files it finds there, and the half-written
``.incoming.*`` files of the raw store, older than :data:`ABANDONED_AFTER`.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from django.conf import settings

from careforce.io.raw_files import RAW_FOLDER

logger = logging.getLogger(__name__)

ABANDONED_AFTER: Final = dt.timedelta(hours=1)
"""A temporary file this old belongs to no request still running (they time out long before)."""
INCOMING_PREFIX: Final = ".incoming."
"""Names of files of the raw store still being written."""


def temporary_folder() -> Path:
    """The service's private folder for temporary copies of uploads (created when missing)."""
    folder = Path(settings.CAREFORCE_UPLOAD_TEMP_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _candidates() -> Iterable[Path]:
    folder = Path(settings.CAREFORCE_UPLOAD_TEMP_DIR)
    if folder.is_dir():
        yield from (path for path in folder.iterdir() if path.is_file())
    raw = Path(settings.MEDIA_ROOT) / RAW_FOLDER
    if raw.is_dir():
        yield from raw.glob(f"{INCOMING_PREFIX}*")


def remove_abandoned(*, now: float | None = None) -> int:
    """Remove temporary copies of uploads left by processes that ended in a request.

    Args:
        now: the time to judge ages against, in seconds since the epoch (default: now).

    Returns:
        How many files were removed.
    """
    limit = (now if now is not None else time.time()) - ABANDONED_AFTER.total_seconds()
    removed = 0
    for path in _candidates():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # another process removed it first
            continue
    if removed:
        logger.warning("removed %d abandoned temporary upload files", removed)
    return removed
