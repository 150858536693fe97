"""TOML text written as people write it: scalars and short tables inline, other tables under
their own headers, arrays of tables as ``[[name]]``, and notes as comments above their keys."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_INLINE_TABLES: Final = frozenset({"weights"})
"""Tables keyed by names that are written inline, like year-keyed tables (the ``weights`` of
projection parameter files)."""


def _key(key: str | int) -> str:
    text = str(key)
    return text if _BARE_KEY.match(text) else json.dumps(text, ensure_ascii=False)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.10g}"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _is_inline(key: Any, value: Any) -> bool:
    """Scalars, lists of scalars, year maps and weights are written inline; other tables not."""
    if isinstance(value, dict):
        keyed_by_year = all(isinstance(name, int) for name in value)
        return (keyed_by_year or key in _INLINE_TABLES) and all(
            not isinstance(item, dict | list) for item in value.values()
        )
    if isinstance(value, list):
        return all(not isinstance(item, dict | list) for item in value)
    return True


def _comment(lines: list[str], note: str | None) -> None:
    if note:
        lines.extend(f"# {part}" for part in note.splitlines())


def _table(
    lines: list[str],
    data: Mapping[Any, Any],
    path: tuple[str | int, ...],
    names: tuple[str | int, ...],
    notes: Mapping[tuple[str | int, ...], str],
) -> None:
    """Write a table's inline entries, then its sub-tables and arrays of tables."""
    for key, value in data.items():
        if _is_inline(key, value):
            _comment(lines, notes.get((*path, key)))
            lines.append(f"{_key(key)} = {_scalar(value)}")
    for key, value in data.items():
        if _is_inline(key, value):
            continue
        header = ".".join(_key(name) for name in (*names, key))
        if isinstance(value, list):
            for index, item in enumerate(value):
                lines.append("")
                _comment(lines, notes.get((*path, key, index)))
                lines.append(f"[[{header}]]")
                _table(lines, item, (*path, key, index), (*names, key), notes)
            continue
        if not value or any(_is_inline(name, item) for name, item in value.items()):
            # A table of only sub-tables needs no header of its own.
            lines.append("")
            _comment(lines, notes.get((*path, key)))
            lines.append(f"[{header}]")
        _table(lines, value, (*path, key), (*names, key), notes)


def format_toml(
    data: Mapping[Any, Any],
    *,
    notes: Mapping[tuple[str | int, ...], str],
    header: Sequence[str] = (),
) -> str:
    """Data as TOML text: the header as comment lines first, each note as a comment above its key.

    Args:
        data: The tables, keyed by name (year-keyed tables and ``weights`` are written inline).
        notes: Notes by the path of the key they explain.
        header: Comment lines to put first (without ``#``).
    """
    lines = [f"# {line}" for line in header]
    if lines:
        lines.append("")
    _table(lines, data, (), (), notes)
    return "\n".join(lines) + "\n"
