"""ASC-WDS bulk-upload code tables: the table type and the conventions every file shares.

The codes are the "BUDI" codes that providers write in the workplace, staff and training files of
an Adult Social Care Workforce Data Set (ASC-WDS) bulk upload; the labels are the names ASC-WDS
gives them. The tables themselves are split by the file that uses them: :mod:`workplace_codes`,
:mod:`staff_codes`, :mod:`geography_codes` (nationalities and countries of birth) and
:mod:`training_codes`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

_TABLE_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


class UnknownCodeError(KeyError):
    """A code is not in the code table it was looked up in."""

    def __init__(self, table: str, code: object) -> None:
        """Record the table name and the offending code."""
        super().__init__(f"{code!r} is not a code of the {table} table")
        self.table = table
        self.code = code

    def __str__(self) -> str:
        """Return the message without the quoting ``KeyError`` adds."""
        return str(self.args[0])


@dataclass(frozen=True)
class CodeTable:
    """An immutable table of BUDI codes and their labels.

    Attributes:
        name: Snake-case name of the table, e.g. ``"job_role"``.
        labels: BUDI code as written in the file -> human label.
    """

    name: str
    labels: Mapping[int, str]
    _codes: frozenset[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Validate the table and freeze its labels."""
        if not _TABLE_NAME.fullmatch(self.name):
            raise ValueError(f"code table name must be snake_case, got {self.name!r}")
        if not self.labels:
            raise ValueError(f"code table {self.name!r} has no codes")
        for code, label in self.labels.items():
            if type(code) is not int:
                raise TypeError(f"code table {self.name!r}: code {code!r} is not an int")
            if not label.strip():
                raise ValueError(f"code table {self.name!r}: code {code} has an empty label")
        object.__setattr__(self, "labels", MappingProxyType(dict(self.labels)))
        object.__setattr__(self, "_codes", frozenset(self.labels))

    def __hash__(self) -> int:
        """Hash by name and contents."""
        return hash((self.name, frozenset(self.labels.items())))

    def __contains__(self, code: object) -> bool:
        """Return True if ``code`` is an int code of this table (bools are not codes)."""
        return type(code) is int and code in self._codes

    def label(self, code: int) -> str:
        """Return the label of ``code``.

        Raises:
            UnknownCodeError: If ``code`` is not a code of this table.
        """
        if code not in self:
            raise UnknownCodeError(self.name, code)
        return self.labels[code]

    @property
    def codes(self) -> frozenset[int]:
        """All codes of the table."""
        return self._codes


# --------------------------------------------------------------------------------------------
# Shared conventions
# --------------------------------------------------------------------------------------------

DONT_KNOW: Final = 999
"""ASC-WDS bulk-upload guidance, common conventions: 999 means "don't know" in numeric fields."""

YES_NO_DONT_KNOW: Final = CodeTable("yes_no_dont_know", {1: "Yes", 2: "No", 999: "Don't know"})
"""ASC-WDS bulk-upload guidance, common conventions: the usual yes/no/don't know triple."""

PERMISSION: Final = CodeTable("permission", {1: "Yes", 0: "No"})
"""ASC-WDS bulk-upload guidance, common conventions: PERMCQC/PERMLA sharing permissions."""
