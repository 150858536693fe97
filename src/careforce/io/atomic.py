"""Writing a file atomically: a reader sees the old file or the new one, never half of one.

The content goes to a temporary file in the same folder (so the rename stays on one file
system), is flushed to disk, and the temporary file is renamed over the target with
:func:`os.replace`. If anything fails before the rename, the temporary file is removed and the
old file is left as it was. Folders are created as needed. A set of files written as one (an
ingestion's output folder) goes to a temporary folder beside the target, renamed into place
(:func:`replacing_folder`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _temporary_beside(path: Path, suffix: str) -> tuple[int, Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    return handle, Path(temporary)


def _sync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_bytes(path: Path, data: bytes) -> None:
    """Write bytes to ``path`` atomically."""
    handle, temporary = _temporary_beside(path, "")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write text to ``path`` atomically, byte for byte (line endings are kept as given)."""
    write_bytes(path, text.encode(encoding))


@contextmanager
def replacing(path: Path, *, keep_suffix: bool = False) -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer that needs a file name (xlsxwriter,
    Parquet); when the block ends without an error the file written there replaces ``path``.

    Args:
        path: The file to write.
        keep_suffix: Give the temporary file the target's suffix (for writers that choose the
            format by the suffix).

    Yields:
        The temporary path to write to (it exists, empty).
    """
    handle, temporary = _temporary_beside(path, path.suffix if keep_suffix else "")
    os.close(handle)
    try:
        yield temporary
        _sync(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class NotAFolderError(NotADirectoryError):
    """The path to write a folder to is an existing file."""


@contextmanager
def replacing_folder(path: Path) -> Iterator[Path]:
    """A temporary folder beside ``path`` for writing a set of files as one; when the block ends
    without an error the folder replaces ``path`` whole.

    The previous folder is renamed aside, the new one renamed into place and the previous one
    removed, so an interrupted run leaves the previous folder whole (or, if stopped between the
    two renames, beside ``path`` under a ``.NAME.old-`` name), never a mix of old and new files.

    Raises:
        NotAFolderError: ``path`` is an existing file.
    """
    if path.exists() and not path.is_dir():
        raise NotAFolderError(f"{path}: is a file, not a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.new-"))
    try:
        yield temporary
        for written in temporary.iterdir():
            if written.is_file():
                _sync(written)
        if path.exists():
            previous = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.old-"))
            os.replace(path, previous)
            os.replace(temporary, path)
            shutil.rmtree(previous, ignore_errors=True)
        else:
            os.replace(temporary, path)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
