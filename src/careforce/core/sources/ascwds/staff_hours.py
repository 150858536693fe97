"""Staff file: weekly hours (CONTHOURS, AVGHOURS) and the contract they go with."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    DONT_KNOW,
    HALF_HOURS_PATTERN,
    filled,
    integer,
    text,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    CONTRACT,
    MAX_HOURS,
    YES,
    warning,
)
from careforce.core.vocab import staff_codes
from careforce.core.vocab.ascwds_columns import StaffColumn as S

_live = pl.col(LIVE)
_contract = pl.col(CONTRACT)

_CONTHOURS_ZERO_HOURS = warning(
    "CONTHOURS-ZERO-HOURS",
    f"{S.ZEROHRCONT}/{S.CONTHOURS}",
    "CONTHOURS will be ignored as ZEROHRCONT is 1 (yes)",
    "Give average hours in AVGHOURS for zero-hours workers.",
    3300,
)
_CONTHOURS_NOT_EMPLOYED = warning(
    "CONTHOURS-NOT-EMPLOYED",
    f"{S.EMPLSTATUS}/{S.CONTHOURS}",
    "CONTHOURS will be ignored as EMPLSTATUS is pool/bank, agency or other",
    "Give average hours in AVGHOURS for pool/bank, agency and other workers.",
    3300,
)
_AVGHOURS_EMPLOYED = warning(
    "AVGHOURS-EMPLOYED",
    f"{S.EMPLSTATUS}/{S.AVGHOURS}",
    "AVGHOURS will be ignored as the staff record is permanent or temporary",
    "Give contracted hours in CONTHOURS for permanent and temporary workers.",
    3310,
)
_HOURS_FORMAT = {
    column: warning(
        f"{column}-FORMAT",
        column,
        f"The value you have entered for {column} is incorrect and will be ignored",
        "Give weekly hours in whole or half hours, e.g. 37.5, or 999 if you do not know.",
        asc,
    )
    for column, asc in ((S.CONTHOURS, 3300), (S.AVGHOURS, 3310))
}
_HOURS_HIGH = {
    column: warning(
        f"{column}-TOO-HIGH",
        column,
        f"{column} is greater than 75 and will be ignored",
        "Check the weekly hours.",
        asc,
    )
    for column, asc in ((S.CONTHOURS, 3300), (S.AVGHOURS, 3310))
}

RULES: tuple[Rule, ...] = (
    _CONTHOURS_ZERO_HOURS,
    _CONTHOURS_NOT_EMPLOYED,
    _AVGHOURS_EMPLOYED,
    *_HOURS_FORMAT.values(),
    *_HOURS_HIGH.values(),
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """Contracted and average weekly hours."""
    zero = integer(S.ZEROHRCONT)
    employed = _contract.is_in(sorted(staff_codes.EMPLOYED_CONTRACTS))
    not_employed = _contract.is_in(sorted(staff_codes.NON_EMPLOYED_CONTRACTS))
    checks = [
        check(_CONTHOURS_ZERO_HOURS, _live & filled(S.CONTHOURS) & (zero == YES)),
        check(_CONTHOURS_NOT_EMPLOYED, _live & filled(S.CONTHOURS) & not_employed),
        check(
            _AVGHOURS_EMPLOYED,
            _live & filled(S.AVGHOURS) & employed & (zero != YES).fill_null(True),
        ),
    ]
    for column in (S.CONTHOURS, S.AVGHOURS):
        value = text(column)
        checks += [
            check(
                _HOURS_FORMAT[column],
                _live
                & filled(column)
                & (value != DONT_KNOW)
                & ~value.str.contains(HALF_HOURS_PATTERN),
            ),
            check(
                _HOURS_HIGH[column],
                _live
                & (value != DONT_KNOW)
                & (value.str.contains(HALF_HOURS_PATTERN))
                & (value.cast(pl.Float64, strict=False) > MAX_HOURS),
            ),
        ]
    return checks
