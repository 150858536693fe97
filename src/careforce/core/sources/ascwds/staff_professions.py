"""Staff file: what only registered nurses (NMCREG) and social workers (AMHP) are asked."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    blank,
    filled,
    filled_not_one_of,
    is_integer,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    ROLE,
    warning,
)
from careforce.core.vocab import code_table, staff_codes
from careforce.core.vocab.ascwds_columns import StaffColumn as S

_live = pl.col(LIVE)
_role = pl.col(ROLE)

_NMC_MISSING = warning(
    "NMCREG-MISSING",
    f"{S.MAINJOBROLE}/{S.NMCREG}",
    "NMCREG has not been supplied",
    "Give the nursing register (1 to 5) for registered nurses.",
    3340,
)
_NMC_IGNORED = warning(
    "NMCREG-NOT-REQUIRED",
    f"{S.MAINJOBROLE}/{S.NMCREG}",
    "NMCREG will be ignored as it is not required for this MAINJOBROLE",
    "Give NMCREG only for registered nurses (job role 16).",
    3340,
)
_NMC_INVALID = warning(
    "NMCREG-INVALID",
    S.NMCREG,
    "The code you have entered for NMCREG is incorrect and will be ignored",
    "Use 1 adult, 2 mental health, 3 learning disabilities, 4 children's, 5 enrolled.",
    3340,
)
_AMHP_MISSING = warning(
    "AMHP-MISSING",
    f"{S.MAINJOBROLE}/{S.AMHP}",
    "AMHP has not been supplied",
    "Say whether the social worker is an Approved Mental Health Professional.",
    3380,
)
_AMHP_INVALID = warning(
    "AMHP-INVALID",
    S.AMHP,
    "The code you have entered for AMHP is incorrect and will be ignored",
    "Use 1 (yes), 2 (no) or 999 (don't know).",
    3380,
)
_AMHP_IGNORED = warning(
    "AMHP-NOT-REQUIRED",
    f"{S.MAINJOBROLE}/{S.AMHP}",
    "AMHP will be ignored as it is not required for this MAINJOBROLE",
    "Give AMHP only for social workers (job role 6).",
    3380,
)

RULES: tuple[Rule, ...] = (
    _NMC_MISSING,
    _NMC_IGNORED,
    _NMC_INVALID,
    _AMHP_MISSING,
    _AMHP_INVALID,
    _AMHP_IGNORED,
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """NMCREG for registered nurses, AMHP for social workers."""
    nurse = _role == staff_codes.REGISTERED_NURSE
    social_worker = _role == staff_codes.SOCIAL_WORKER
    return [
        check(_NMC_MISSING, _live & nurse & ~is_integer(S.NMCREG)),
        check(_NMC_IGNORED, _live & _role.is_not_null() & ~nurse & filled(S.NMCREG)),
        check(
            _NMC_INVALID,
            _live
            & nurse
            & filled_not_one_of(S.NMCREG, staff_codes.NMC_REGISTER.codes)
            & is_integer(S.NMCREG),
        ),
        check(_AMHP_MISSING, _live & social_worker & blank(S.AMHP)),
        check(
            _AMHP_INVALID,
            _live & social_worker & filled_not_one_of(S.AMHP, code_table.YES_NO_DONT_KNOW.codes),
        ),
        check(_AMHP_IGNORED, _live & _role.is_not_null() & ~social_worker & filled(S.AMHP)),
    ]
