"""Recognising the three files by their header rows and checking those headers."""

from __future__ import annotations

import re

from careforce.core.sources.ascwds.findings import FileKind
from careforce.core.vocab.ascwds_columns import (
    StaffColumn,
    TrainingColumn,
    WorkplaceColumn,
    qualification_column,
    qualification_notes_column,
)

WORKPLACE_HEADER: tuple[str, ...] = tuple(c.value for c in WorkplaceColumn)
"""The 44 workplace columns in order."""

TRAINING_HEADER: tuple[str, ...] = tuple(c.value for c in TrainingColumn)
"""The 12 training columns in order."""

_OPTIONAL_STAFF = (StaffColumn.CHGUNIQUEWRKID.value, StaffColumn.TRANSFERSTAFFRECORD.value)

STAFF_BASE_HEADER: tuple[str, ...] = (
    *(c.value for c in StaffColumn if c.value not in _OPTIONAL_STAFF),
    *(name for n in (1, 2, 3) for name in (qualification_column(n), qualification_notes_column(n))),
)
"""The 44 base staff columns in order (without the optional inserted columns)."""

STAFF_HEADER_VARIANTS: tuple[tuple[str, ...], ...] = tuple(
    (*STAFF_BASE_HEADER[:2], *inserted, *STAFF_BASE_HEADER[2:])
    for inserted in ((), ("CHGUNIQUEWRKID",), ("TRANSFERSTAFFRECORD",), _OPTIONAL_STAFF)
)
"""The four accepted staff headers: base, with CHGUNIQUEWRKID, with TRANSFERSTAFFRECORD, with both."""

MAX_QUALIFICATIONS = 99
"""ASC-WDS reads qualification columns QUALACH01 to QUALACH99."""

_WORKPLACE_SIGNATURE = "LOCALESTID,STATUS,ESTNAME,ADDRESS1,ADDRESS2,ADDRES"
_TRAINING_SIGNATURE = "LOCALESTID,UNIQUEWORKERID,CATEGORY,"


def _normalise(header: list[str]) -> list[str]:
    return [name.strip().upper() for name in header]


def detect_file_kind(header: list[str]) -> FileKind | None:
    """Recognise a file from its header row (workplace, then staff, then training).

    Names are compared without surrounding spaces and case-insensitively.
    """
    names = _normalise(header)
    line = ",".join(names)
    if _WORKPLACE_SIGNATURE in line:
        return FileKind.WORKPLACE
    for variant in STAFF_HEADER_VARIANTS:
        signature = ",".join(variant[: variant.index("DISPLAYID") + 1])
        if signature in line:
            return FileKind.STAFF
    if line.startswith(_TRAINING_SIGNATURE):
        return FileKind.TRAINING
    return None


def _first_difference(found: list[str], expected: tuple[str, ...]) -> str:
    for position, (got, want) in enumerate(zip(found, expected, strict=False), start=1):
        if got != want:
            return f"column {position} is '{got}' but should be '{want}'"
    if len(found) < len(expected):
        return f"it stops after column {len(found)}; '{expected[len(found)]}' is missing"
    return f"it has {len(found) - len(expected)} column(s) too many after '{expected[-1]}'"


def header_problem(kind: FileKind, header: list[str]) -> str | None:
    """Say what is wrong with a header row for its kind of file, or None when it is right."""
    names = _normalise(header)
    if kind is FileKind.WORKPLACE:
        expected = WORKPLACE_HEADER
    elif kind is FileKind.TRAINING:
        expected = TRAINING_HEADER
    else:
        return _staff_header_problem(names)
    if tuple(names) == expected:
        return None
    return _first_difference(names, expected)


def _staff_header_problem(names: list[str]) -> str | None:
    variant = STAFF_HEADER_VARIANTS[0]
    for candidate in STAFF_HEADER_VARIANTS:
        if tuple(names[: len(candidate)]) == candidate:
            variant = candidate
            break
    else:
        best = max(
            STAFF_HEADER_VARIANTS,
            key=lambda v: sum(1 for a, b in zip(names, v, strict=False) if a == b),
        )
        return _first_difference(names[: len(best)], best)
    extra = names[len(variant) :]
    if len(extra) % 2:
        return "the extra qualification columns must come in QUALACHnn,QUALACHnnNOTES pairs"
    for index in range(0, len(extra), 2):
        number = 4 + index // 2
        if number > MAX_QUALIFICATIONS:
            return f"there are more than {MAX_QUALIFICATIONS} qualification columns"
        pair = (qualification_column(number), qualification_notes_column(number))
        if (extra[index], extra[index + 1]) != pair:
            position = len(variant) + index + 1
            return f"column {position} should be '{pair[0]}' followed by '{pair[1]}'"
    return None


def qualification_numbers(header: list[str]) -> list[int]:
    """The qualification numbers (1, 2, 3, ...) for which a staff header has QUALACHnn columns."""
    numbers = []
    for name in _normalise(header):
        match = re.fullmatch(r"QUALACH([0-9]{2})", name)
        if match:
            numbers.append(int(match.group(1)))
    return numbers
