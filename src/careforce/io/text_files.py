"""Text files: generated text written exactly as given (line endings included), JSON, and
plain UTF-8 text."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

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


JSON_TABLE_CHUNK_ROWS = 100_000
"""Rows of a table rendered to JSON at a time."""


def _json_literal(name: str, dtype: pl.DataType) -> pl.Expr:
    """A column's values as JSON literals, as ``json.dumps`` writes them."""
    column = pl.col(name)
    if dtype == pl.String:
        # Polars encodes {"v":...}; what follows the 5 characters '{"v":' is the literal.
        literal = pl.struct(column.alias("v")).struct.json_encode().str.slice(5).str.head(-1)
    elif dtype.is_integer():
        literal = column.cast(pl.String)
    else:
        raise TypeError(f"column {name} is {dtype}: only text and integers are written")
    return literal.fill_null("null")


def write_json_table(path: Path, frame: pl.DataFrame) -> None:
    """Write a table of text and integer columns as a JSON list of objects, byte for byte what
    :func:`write_json` writes for ``frame.to_dicts()``, but rendered by Polars and written a
    chunk of rows at a time, so a table of millions of rows is quick and small in memory."""
    parts: list[pl.Expr | str] = []
    for index, (name, dtype) in enumerate(frame.schema.items()):
        key = json.dumps(name, ensure_ascii=False)
        parts += ["{\n    " if index == 0 else ",\n    ", f"{key}: ", _json_literal(name, dtype)]
    record = pl.concat_str([pl.lit(p) if isinstance(p, str) else p for p in [*parts, "\n  }"]])
    with (
        replacing(path) as temporary,
        temporary.open("w", encoding="utf-8", newline="\n") as stream,
    ):
        if frame.height == 0:
            stream.write("[]\n")
            return
        separator = "[\n  "
        for chunk in frame.iter_slices(JSON_TABLE_CHUNK_ROWS):
            stream.write(separator + chunk.select(record.str.join(",\n  ")).item())
            separator = ",\n  "
        stream.write("\n]\n")


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text with LF line endings, creating the folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def read_text(path: Path) -> str:
    """Read a UTF-8 text file."""
    return path.read_text(encoding="utf-8")
