"""Staff file: the record's references (LOCALESTID, UNIQUEWORKERID, CHGUNIQUEWRKID, DISPLAYID) and
STATUS."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import EMPTY_ROW, status_checks
from careforce.core.sources.ascwds.expressions import (
    blank,
    text,
    too_long,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    FILE,
    ID_LENGTH,
    error,
)
from careforce.core.vocab.ascwds_columns import StaffColumn as S

_row = ~pl.col(EMPTY_ROW)

_LOCAL_BLANK = error(
    "LOCALESTID-BLANK",
    S.LOCALESTID,
    "LOCALESTID has not been supplied",
    "Give the workplace reference (LOCALESTID) this staff record belongs to.",
    1010,
)
_LOCAL_LONG = error(
    "LOCALESTID-TOO-LONG",
    S.LOCALESTID,
    f"LOCALESTID is longer than {ID_LENGTH} characters",
    f"Use the workplace reference as in the workplace file ({ID_LENGTH} characters or fewer).",
    1010,
)
_WORKER_BLANK = error(
    "UNIQUEWORKERID-BLANK",
    S.UNIQUEWORKERID,
    "UNIQUEWORKERID has not been supplied",
    "Give every staff record your own unique reference.",
    1020,
)
_WORKER_LONG = error(
    "UNIQUEWORKERID-TOO-LONG",
    S.UNIQUEWORKERID,
    f"UNIQUEWORKERID is longer than {ID_LENGTH} characters",
    f"Shorten the staff reference to {ID_LENGTH} characters or fewer.",
    1020,
)
_CHANGE_LONG = error(
    "CHGUNIQUEWRKID-TOO-LONG",
    S.CHGUNIQUEWRKID,
    f"CHGUNIQUEWRKID is longer than {ID_LENGTH} characters",
    f"Shorten the new staff reference to {ID_LENGTH} characters or fewer.",
    1030,
)
_DISPLAY_BLANK = error(
    "DISPLAYID-BLANK",
    S.DISPLAYID,
    "DISPLAYID is blank",
    "Give a name or ID for the staff record in DISPLAYID.",
    1050,
)
_DISPLAY_LONG = error(
    "DISPLAYID-TOO-LONG",
    S.DISPLAYID,
    f"DISPLAYID is longer than {ID_LENGTH} characters",
    f"Shorten DISPLAYID to {ID_LENGTH} characters or fewer.",
    1050,
)

RULES: tuple[Rule, ...] = (
    _LOCAL_BLANK,
    _LOCAL_LONG,
    _WORKER_BLANK,
    _WORKER_LONG,
    _CHANGE_LONG,
    _DISPLAY_BLANK,
    _DISPLAY_LONG,
)
"""The rules declared here, in catalogue order."""


def checks(columns: set[str]) -> list[Check]:
    """The record's references, STATUS and DISPLAYID (CHGUNIQUEWRKID only when the file has it)."""
    checks = [
        check(_LOCAL_BLANK, _row & blank(S.LOCALESTID)),
        check(_LOCAL_LONG, _row & too_long(S.LOCALESTID, ID_LENGTH)),
        check(_WORKER_BLANK, _row & blank(S.UNIQUEWORKERID)),
        check(_WORKER_LONG, _row & too_long(S.UNIQUEWORKERID, ID_LENGTH)),
        *status_checks(FILE),
        check(_DISPLAY_BLANK, _row & blank(S.DISPLAYID)),
        Check(
            _DISPLAY_LONG,
            _row & too_long(S.DISPLAYID, ID_LENGTH),
            pl.format("[{} characters]", text(S.DISPLAYID).str.len_chars()),
            value_is_safe=True,
        ),
    ]
    if S.CHGUNIQUEWRKID in columns:
        checks.append(check(_CHANGE_LONG, _row & too_long(S.CHGUNIQUEWRKID, ID_LENGTH)))
    return checks
