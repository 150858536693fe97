"""Staff file: employment (start dates, DHA, apprenticeship, zero-hours contract, days sick)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    DONT_KNOW,
    YEAR_PATTERN,
    blank,
    filled,
    filled_not_one_of,
    integer,
    text,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    BIRTH_DATE,
    CONTRACTED_HOURS,
    MAX_SICK_DAYS,
    MINIMUM_WORKING_AGE,
    NO,
    START_DATE,
    YES,
    error,
    warning,
)
from careforce.core.vocab import code_table
from careforce.core.vocab.ascwds_columns import StaffColumn as S

_live = pl.col(LIVE)
_birth = pl.col(BIRTH_DATE)

_START_MISSING = warning(
    "STARTDATE-MISSING",
    S.STARTDATE,
    "STARTDATE is missing",
    "Give the date the worker started in this job role as DD/MM/YYYY.",
    2000,
)
_START_FORMAT = warning(
    "STARTDATE-FORMAT",
    S.STARTDATE,
    "STARTDATE is incorrectly formatted and will be ignored",
    "Give the date as DD/MM/YYYY with leading zeros, e.g. 01/04/2015.",
    3190,
)
_START_FUTURE = warning(
    "STARTDATE-FUTURE",
    S.STARTDATE,
    "STARTDATE is in the future and will be ignored",
    "Check the start date.",
    3190,
)
_START_TOO_YOUNG = warning(
    "STARTDATE-BEFORE-14",
    f"{S.STARTDATE}/{S.DOB}",
    "STARTDATE is before the worker's 14th birthday and will be ignored",
    "Check the start date and the date of birth.",
    3190,
)
_START_BEFORE_ENTRY = warning(
    "STARTDATE-BEFORE-ENTRY",
    f"{S.STARTDATE}/{S.YEAROFENTRY}",
    "STARTDATE is before the year of entry to the UK and will be ignored",
    "Check the start date and the year of entry.",
    3190,
)
_SECTOR_MISSING = warning(
    "STARTINSECT-MISSING",
    S.STARTINSECT,
    "STARTINSECT is missing",
    "Give the year the worker started in adult social care, or 999 if you do not know.",
    3200,
)
_SECTOR_FORMAT = warning(
    "STARTINSECT-FORMAT",
    S.STARTINSECT,
    "STARTINSECT is incorrectly formatted and will be ignored",
    "Give a four-digit year, or 999 if you do not know.",
    3200,
)
_SECTOR_AFTER_START = warning(
    "STARTINSECT-AFTER-STARTDATE",
    f"{S.STARTINSECT}/{S.STARTDATE}",
    "STARTINSECT is after STARTDATE and will be ignored",
    "The year started in the sector cannot be after the start in this job.",
    3200,
)
_SECTOR_TOO_YOUNG = warning(
    "STARTINSECT-BEFORE-14",
    f"{S.STARTINSECT}/{S.DOB}",
    "STARTINSECT is before the worker's 14th birthday and will be ignored",
    "Check the year started in the sector and the date of birth.",
    3200,
)
_DHA_INVALID = warning(
    "DHA-INVALID",
    S.DHA,
    "The code for DHA is incorrect and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    5660,
)
_APPRENTICE_INVALID = warning(
    "APPRENTICE-INVALID",
    S.APPRENTICE,
    "The code for APPRENTICE is incorrect and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    3210,
)
_ZERO_INVALID = error(
    "ZEROHRCONT-INVALID",
    S.ZEROHRCONT,
    "The code you have entered for ZEROHRCONT is incorrect",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    1230,
)
_ZERO_MISSING = warning(
    "ZEROHRCONT-MISSING",
    f"{S.CONTHOURS}/{S.ZEROHRCONT}",
    "Contracted hours are given but ZEROHRCONT does not say the worker is not on a zero-hours "
    "contract",
    "Give 2 (no) in ZEROHRCONT for workers with contracted hours.",
    3230,
)
_ZERO_WITH_HOURS = error(
    "ZEROHRCONT-CONTHOURS",
    f"{S.CONTHOURS}/{S.ZEROHRCONT}",
    "CONTHOURS above 0 cannot go with ZEROHRCONT 1 (yes) or 999 (don't know)",
    "A zero-hours worker has no contracted hours: give AVGHOURS instead, or correct ZEROHRCONT.",
    1230,
)
_ZERO_HOURS_NOT_ZERO = warning(
    "ZEROHRCONT-ZERO-HOURS",
    f"{S.CONTHOURS}/{S.ZEROHRCONT}",
    "CONTHOURS is 0 but ZEROHRCONT is not 1 (yes)",
    "Check whether the worker is on a zero-hours contract.",
    3230,
)
_SICK_INVALID = warning(
    "DAYSSICK-INVALID",
    S.DAYSSICK,
    "DAYSSICK is out of the valid range and will be ignored",
    "Give days sick in the last 12 months, 0 to 366 in whole or half days, or 999.",
    1240,
)

RULES: tuple[Rule, ...] = (
    _START_MISSING,
    _START_FORMAT,
    _START_FUTURE,
    _START_TOO_YOUNG,
    _START_BEFORE_ENTRY,
    _SECTOR_MISSING,
    _SECTOR_FORMAT,
    _SECTOR_AFTER_START,
    _SECTOR_TOO_YOUNG,
    _DHA_INVALID,
    _APPRENTICE_INVALID,
    _ZERO_INVALID,
    _ZERO_MISSING,
    _ZERO_WITH_HOURS,
    _ZERO_HOURS_NOT_ZERO,
    _SICK_INVALID,
)
"""The rules declared here, in catalogue order."""


def checks(today: dt.date) -> list[Check]:
    """Start dates, DHA, apprenticeship, zero-hours contract and days sick."""
    start = pl.col(START_DATE)
    sector = text(S.STARTINSECT)
    sector_year = integer(S.STARTINSECT)
    sector_valid = sector.str.contains(YEAR_PATTERN) & (sector != DONT_KNOW)
    fourteenth = _birth.dt.offset_by(f"{MINIMUM_WORKING_AGE}y")
    entry = integer(S.YEAROFENTRY)
    hours = pl.col(CONTRACTED_HOURS)
    zero = integer(S.ZEROHRCONT)
    sick = text(S.DAYSSICK)
    sick_days = pl.when(sick.str.contains(r"^[0-9]+(\.[05])?$")).then(
        sick.cast(pl.Float64, strict=False)
    )
    return [
        check(_START_MISSING, _live & blank(S.STARTDATE)),
        check(_START_FORMAT, _live & filled(S.STARTDATE) & start.is_null()),
        check(_START_FUTURE, _live & (start > pl.lit(today))),
        check(_START_TOO_YOUNG, _live & (start < fourteenth)),
        check(_START_BEFORE_ENTRY, _live & (start.dt.year() < entry)),
        check(_SECTOR_MISSING, _live & blank(S.STARTINSECT)),
        check(
            _SECTOR_FORMAT,
            _live
            & filled(S.STARTINSECT)
            & ~sector.str.contains(YEAR_PATTERN)
            & (sector != DONT_KNOW),
        ),
        check(_SECTOR_AFTER_START, _live & sector_valid & (sector_year > start.dt.year())),
        check(
            _SECTOR_TOO_YOUNG,
            _live & sector_valid & (sector_year < _birth.dt.year() + MINIMUM_WORKING_AGE),
        ),
        check(_DHA_INVALID, _live & filled_not_one_of(S.DHA, code_table.YES_NO_DONT_KNOW.codes)),
        check(
            _APPRENTICE_INVALID,
            _live & filled_not_one_of(S.APPRENTICE, code_table.YES_NO_DONT_KNOW.codes),
        ),
        check(
            _ZERO_INVALID,
            _live & filled_not_one_of(S.ZEROHRCONT, code_table.YES_NO_DONT_KNOW.codes),
        ),
        check(_ZERO_MISSING, _live & (hours > 0) & blank(S.ZEROHRCONT)),
        check(_ZERO_WITH_HOURS, _live & (hours > 0) & zero.is_in([YES, int(DONT_KNOW)])),
        check(_ZERO_HOURS_NOT_ZERO, _live & (hours == 0) & (zero == NO)),
        check(
            _SICK_INVALID,
            _live
            & filled(S.DAYSSICK)
            & (sick != DONT_KNOW)
            & ~(sick_days <= MAX_SICK_DAYS).fill_null(False),
        ),
    ]
