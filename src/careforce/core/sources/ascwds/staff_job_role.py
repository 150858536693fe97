"""Staff file: main job role and its description."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    blank,
    filled,
    too_long,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    DESCRIPTION_LENGTH,
    ROLE,
    error,
    warning,
)
from careforce.core.vocab import staff_codes
from careforce.core.vocab.ascwds_columns import StaffColumn as S

_live = pl.col(LIVE)
_role = pl.col(ROLE)

_ROLE_BLANK = error(
    "MAINJOBROLE-BLANK",
    S.MAINJOBROLE,
    "MAINJOBROLE has not been supplied",
    "Give the code of the worker's main job role.",
    1280,
)
_ROLE_INVALID = error(
    "MAINJOBROLE-INVALID",
    S.MAINJOBROLE,
    "The code you have entered for MAINJOBROLE is incorrect",
    "Use a job role code from the ASC-WDS job role list.",
    1280,
)
_ROLE_DESC_MISSING = error(
    "MAINJRDESC-MISSING",
    f"{S.MAINJOBROLE}/{S.MAINJRDESC}",
    "MAINJRDESC has not been supplied for an 'other' job role",
    "Describe the job role in MAINJRDESC for job roles 23 and 27.",
    1290,
)
_ROLE_DESC_LONG = error(
    "MAINJRDESC-TOO-LONG",
    S.MAINJRDESC,
    f"MAINJRDESC is longer than {DESCRIPTION_LENGTH} characters",
    f"Shorten the description to {DESCRIPTION_LENGTH} characters or fewer.",
    1290,
)
_ROLE_DESC_IGNORED = warning(
    "MAINJRDESC-NOT-REQUIRED",
    f"{S.MAINJOBROLE}/{S.MAINJRDESC}",
    "MAINJRDESC will be ignored as it is not required for this MAINJOBROLE",
    "Give MAINJRDESC only for job roles 23 and 27.",
    3290,
)

RULES: tuple[Rule, ...] = (
    _ROLE_BLANK,
    _ROLE_INVALID,
    _ROLE_DESC_MISSING,
    _ROLE_DESC_LONG,
    _ROLE_DESC_IGNORED,
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """Main job role and its description."""
    other_roles = [staff_codes.OTHER_DIRECT_CARE_ROLE, staff_codes.OTHER_NON_CARE_ROLE]
    return [
        check(_ROLE_BLANK, _live & _role.is_null()),
        check(
            _ROLE_INVALID,
            _live & _role.is_not_null() & ~_role.is_in(sorted(staff_codes.JOB_ROLE.codes)),
        ),
        check(_ROLE_DESC_MISSING, _live & _role.is_in(other_roles) & blank(S.MAINJRDESC)),
        check(_ROLE_DESC_LONG, _live & too_long(S.MAINJRDESC, DESCRIPTION_LENGTH)),
        check(
            _ROLE_DESC_IGNORED,
            _live & _role.is_not_null() & ~_role.is_in(other_roles) & filled(S.MAINJRDESC),
        ),
    ]
