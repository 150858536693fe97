"""Keeping uploaded files byte for byte, named by their SHA-256.

A file is streamed to a temporary name while its hash is computed, then moved to
``raw/<first two hex digits>/<sha256>``. The same content is stored once however often it is
uploaded; a stored file is never changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

RAW_FOLDER = "raw"
"""Folder (under the media root) of the stored files."""


@dataclass(frozen=True)
class StoredFile:
    """A stored file.

    Attributes:
        relative: its path relative to the media root, with forward slashes.
        sha256: hex SHA-256 of the content.
        size: size in bytes.
    """

    relative: str
    sha256: str
    size: int


def store_chunks(root: Path, chunks: Iterable[bytes]) -> StoredFile:
    """Store content arriving in chunks under ``root`` and return where it is.

    Args:
        root: the media root.
        chunks: the content, in order.
    """
    folder = root / RAW_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".incoming.")
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                stream.write(chunk)
        sha256 = digest.hexdigest()
        relative = f"{RAW_FOLDER}/{sha256[:2]}/{sha256}"
        target = root / relative
        if target.exists():
            Path(temporary).unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, target)
            target.chmod(0o440)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return StoredFile(relative=relative, sha256=sha256, size=size)


def stored_path(root: Path, relative: str) -> Path:
    """The path of a stored file (raises FileNotFoundError when it is missing)."""
    path = root / relative
    if not path.is_file():
        raise FileNotFoundError(f"stored file {relative} is missing")
    return path


def link_as(root: Path, relative: str, target: Path) -> Path:
    """Give a stored file another name (a hard link, or a copy where links are not possible).

    Validation reads the files under the names people gave them, so its messages use those.
    """
    source = stored_path(root, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
    return target


READ_CHUNK_BYTES = 1024 * 1024
"""Files are read in chunks of this size when they are uploaded from disk."""


def file_chunks(path: Path) -> Iterable[bytes]:
    """The content of a file on disk, in chunks (to store it as an upload)."""
    with path.open("rb") as stream:
        while chunk := stream.read(READ_CHUNK_BYTES):
            yield chunk
