"""Text files: generated text written exactly as given (line endings included), JSON, and
plain UTF-8 text."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careforce.io.atomic import replacing, write_bytes


@dataclass(frozen=True)
class WrittenFile:
    """A file that was written.

    Attributes:
        path: Where it was written.
        bytes: Its size in bytes.
        sha256: Hex SHA-256 of its content.
    """

    path: Path
    bytes: int
    sha256: str


def write_text_file(path: Path, text: str, *, encoding: str = "utf-8") -> WrittenFile:
    """Write text byte for byte (no newline translation), atomically, creating folders.

    The text is written to a temporary file beside ``path`` and moved into place, so a reader
    never sees half a file.

    Args:
        path: File to write.
        text: Its content; line endings are kept as they are (CRLF stays CRLF).
        encoding: Text encoding.

    Returns:
        The path, size and SHA-256 of what was written.
    """
    data = text.encode(encoding)
    write_bytes(path, data)
    return WrittenFile(path=path, bytes=len(data), sha256=hashlib.sha256(data).hexdigest())


def write_json(path: Path, payload: Any) -> None:
    """Write JSON (UTF-8, indented) atomically."""
    write_bytes(path, (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode())


def write_json_records(path: Path, batches: Iterable[list[dict[str, Any]]]) -> None:
    """Write a JSON array of records atomically, one batch at a time, exactly as
    :func:`write_json` writes the whole list (so a long list never has to be held at once)."""
    with (
        replacing(path) as temporary,
        temporary.open("w", encoding="utf-8", newline="\n") as stream,
    ):
        separator = "[\n  "
        for batch in batches:
            for record in batch:
                text = json.dumps(record, indent=2, ensure_ascii=False)
                stream.write(separator + text.replace("\n", "\n  "))
                separator = ",\n  "
        stream.write("[]\n" if separator.startswith("[") else "\n]\n")


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text with LF line endings, creating the folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def read_text(path: Path) -> str:
    """Read a UTF-8 text file."""
    return path.read_text(encoding="utf-8")
