"""Staff file: contract type (EMPLSTATUS) and personal details (NINUMBER, POSTCODE, DOB, GENDER,
ETHNICITY)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    blank,
    filled,
    filled_not_one_of,
    text,
    years_between,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    AGE_RANGE,
    BIRTH_DATE,
    CONTRACT,
    HOME_POSTCODE_PATTERN,
    NI_PATTERN,
    error,
    warning,
)
from careforce.core.vocab import staff_codes
from careforce.core.vocab.ascwds_columns import StaffColumn as S

_live = pl.col(LIVE)
_contract = pl.col(CONTRACT)
_birth = pl.col(BIRTH_DATE)

_CONTRACT_BLANK = error(
    "EMPLSTATUS-BLANK",
    S.EMPLSTATUS,
    "EMPLSTATUS has not been supplied",
    "Give the contract type: 1 permanent, 2 temporary, 3 pool/bank, 4 agency, 7 other.",
    1220,
)
_CONTRACT_INVALID = error(
    "EMPLSTATUS-INVALID",
    S.EMPLSTATUS,
    "The code you have entered for EMPLSTATUS is incorrect",
    "Give the contract type: 1 permanent, 2 temporary, 3 pool/bank, 4 agency, 7 other.",
    1220,
)
_NI_FORMAT = error(
    "NINUMBER-FORMAT",
    S.NINUMBER,
    "NINUMBER is incorrectly formatted",
    "A National Insurance number is two letters, six digits and a letter, e.g. QQ123456C.",
    1060,
)
_POSTCODE_BLANK = warning(
    "POSTCODE-BLANK",
    S.POSTCODE,
    "POSTCODE is blank",
    "Give the worker's home postcode if you know it.",
    3070,
)
_POSTCODE_FORMAT = error(
    "POSTCODE-FORMAT",
    S.POSTCODE,
    "POSTCODE is incorrectly formatted",
    "Write the postcode with one space, e.g. ST16 2LX.",
    1070,
)
_DOB_MISSING = warning(
    "DOB-MISSING",
    S.DOB,
    "DOB is missing",
    "Give the date of birth as DD/MM/YYYY.",
    3080,
)
_DOB_FORMAT = warning(
    "DOB-FORMAT",
    S.DOB,
    "The date of birth is incorrectly formatted and will be ignored",
    "Give the date of birth as DD/MM/YYYY.",
    3080,
)
_DOB_RANGE = warning(
    "DOB-RANGE",
    S.DOB,
    f"The date of birth gives an age outside {AGE_RANGE[0]} to {AGE_RANGE[1]} years "
    "at the reference date and will be ignored",
    "Check the date of birth.",
    3080,
)
_GENDER_INVALID = error(
    "GENDER-INVALID",
    S.GENDER,
    "The code you have entered for GENDER is incorrect",
    "Use 1 male, 2 female, 3 don't know, 4 other, or leave blank.",
    1090,
)
_ETHNICITY_INVALID = error(
    "ETHNICITY-INVALID",
    S.ETHNICITY,
    "The code you have entered for ETHNICITY is incorrect",
    "Use an ethnicity code from 31 to 47, 98, or 99 (don't know).",
    1100,
)

RULES: tuple[Rule, ...] = (
    _CONTRACT_BLANK,
    _CONTRACT_INVALID,
    _NI_FORMAT,
    _POSTCODE_BLANK,
    _POSTCODE_FORMAT,
    _DOB_MISSING,
    _DOB_FORMAT,
    _DOB_RANGE,
    _GENDER_INVALID,
    _ETHNICITY_INVALID,
)
"""The rules declared here, in catalogue order."""


def checks(reference_date: dt.date) -> list[Check]:
    """Contract type, NI number, home postcode, date of birth, gender and ethnicity."""
    age = years_between(_birth, pl.lit(reference_date))
    return [
        check(_CONTRACT_BLANK, _live & (_contract.is_null() | (_contract == 0))),
        check(
            _CONTRACT_INVALID,
            _live & (_contract > 0) & ~_contract.is_in(sorted(staff_codes.CONTRACT_TYPE.codes)),
        ),
        check(_NI_FORMAT, _live & filled(S.NINUMBER) & ~text(S.NINUMBER).str.contains(NI_PATTERN)),
        check(_POSTCODE_BLANK, _live & blank(S.POSTCODE)),
        check(
            _POSTCODE_FORMAT,
            _live & filled(S.POSTCODE) & ~text(S.POSTCODE).str.contains(HOME_POSTCODE_PATTERN),
        ),
        check(_DOB_MISSING, _live & blank(S.DOB)),
        check(_DOB_FORMAT, _live & filled(S.DOB) & _birth.is_null()),
        check(_DOB_RANGE, _live & ((age < AGE_RANGE[0]) | (age > AGE_RANGE[1]))),
        check(_GENDER_INVALID, _live & filled_not_one_of(S.GENDER, staff_codes.GENDER.codes)),
        check(
            _ETHNICITY_INVALID, _live & filled_not_one_of(S.ETHNICITY, staff_codes.ETHNICITY.codes)
        ),
    ]
