"""Field rules of the staff file (one row per worker record)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from careforce.core.sources.ascwds.catalogue import rule
from careforce.core.sources.ascwds.common import EMPTY_ROW, LIVE, row_shape_checks, status_checks
from careforce.core.sources.ascwds.expressions import (
    DONT_KNOW,
    HALF_HOURS_PATTERN,
    MONEY_PATTERN,
    YEAR_PATTERN,
    blank,
    equals,
    filled,
    filled_not_one_of,
    integer,
    is_integer,
    items,
    lenient_date,
    one_of,
    strict_date,
    text,
    too_long,
    years_between,
)
from careforce.core.sources.ascwds.findings import Check, FileKind, Rule, Severity, check
from careforce.core.vocab import code_table, geography_codes, staff_codes
from careforce.core.vocab.ascwds_columns import StaffColumn as S
from careforce.core.vocab.ascwds_columns import qualification_column, qualification_notes_column

_FILE = FileKind.STAFF

ROLE = "_role"
"""Derived: MAINJOBROLE as an integer."""
CONTRACT = "_contract"
"""Derived: EMPLSTATUS as an integer."""
CONTRACTED_HOURS = "_contracted_hours"
"""Derived: CONTHOURS as a number (null when blank, malformed or 999)."""
AVERAGE_HOURS = "_average_hours"
"""Derived: AVGHOURS as a number (null when blank, malformed or 999)."""
BIRTH_DATE = "_birth_date"
"""Derived: DOB as a date (only in memory; never written)."""
START_DATE = "_start_date"
"""Derived: STARTDATE as a date."""

ID_LENGTH = 50
"""Longest LOCALESTID, UNIQUEWORKERID, CHGUNIQUEWRKID and DISPLAYID ASC-WDS accepts."""
DESCRIPTION_LENGTH = 120
"""Longest MAINJRDESC and qualification note ASC-WDS accepts."""
NI_PATTERN = r"^[A-Za-z]{2}(\s*[0-9]\s*){6}[A-Za-z]?$"
"""National Insurance number: two letters, six digits (spaces allowed), optional final letter."""
HOME_POSTCODE_PATTERN = r"^[A-Za-z]{1,2}[0-9]{1,2}[A-Za-z]? [0-9][A-Za-z]{2}$"
"""A worker's home postcode with exactly one space, as ASC-WDS requires."""
AGE_RANGE = (14, 100)
"""Plausible ages of a worker, in years."""
MINIMUM_WORKING_AGE = 14
"""Nobody starts work, or completes training, before their 14th birthday (ASC-WDS)."""
MAX_HOURS = 75.0
"""Weekly hours above this are implausible (ASC-WDS)."""
MAX_SICK_DAYS = 366.0
"""Days sick in a year cannot exceed the days in a year."""
SALARY_RANGE = (500, 200_000)
"""Annual salary range ASC-WDS accepts (pounds)."""
SENIOR_SALARY_MAX = 250_000
"""Annual salary ceiling for senior management (pounds)."""
L2_CERTIFICATE_FIRST_YEAR = 2024
"""The Level 2 Adult Social Care Certificate was first awarded in 2024."""
QUALIFICATION_YEARS_BACK = 100
"""A qualification year must be within this many years before today."""
YES = 1
"""The 'yes' code of yes/no/don't know questions."""
NO = 2
"""The 'no' code of yes/no/don't know questions."""
ANNUAL = 1
"""SALARYINT code for an annual salary."""
HOURLY = 3
"""SALARYINT code for an hourly rate."""


def _error(slug: str, column: str, message: str, guidance: str, asc: int | None = None) -> Rule:
    return rule(_FILE, Severity.ERROR, slug, column, message, guidance=guidance, asc=asc)


def _warning(slug: str, column: str, message: str, guidance: str, asc: int | None = None) -> Rule:
    return rule(_FILE, Severity.WARNING, slug, column, message, guidance=guidance, asc=asc)


def _hours(column: str) -> pl.Expr:
    valid = text(column).str.contains(HALF_HOURS_PATTERN) & (text(column) != DONT_KNOW)
    return pl.when(valid).then(text(column).cast(pl.Float64, strict=False)).otherwise(None)


def add_staff_columns(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Add the derived columns the staff rules read."""
    return frame.with_columns(
        integer(S.MAINJOBROLE).alias(ROLE),
        integer(S.EMPLSTATUS).alias(CONTRACT),
        _hours(S.CONTHOURS).alias(CONTRACTED_HOURS),
        _hours(S.AVGHOURS).alias(AVERAGE_HOURS),
        lenient_date(S.DOB).alias(BIRTH_DATE),
        strict_date(S.STARTDATE).alias(START_DATE),
    )


_live = pl.col(LIVE)
_row = ~pl.col(EMPTY_ROW)
_role = pl.col(ROLE)
_contract = pl.col(CONTRACT)
_birth = pl.col(BIRTH_DATE)

# --- identity --------------------------------------------------------------------------------

_LOCAL_BLANK = _error(
    "LOCALESTID-BLANK",
    S.LOCALESTID,
    "LOCALESTID has not been supplied",
    "Give the workplace reference (LOCALESTID) this staff record belongs to.",
    1010,
)
_LOCAL_LONG = _error(
    "LOCALESTID-TOO-LONG",
    S.LOCALESTID,
    f"LOCALESTID is longer than {ID_LENGTH} characters",
    f"Use the workplace reference as in the workplace file ({ID_LENGTH} characters or fewer).",
    1010,
)
_WORKER_BLANK = _error(
    "UNIQUEWORKERID-BLANK",
    S.UNIQUEWORKERID,
    "UNIQUEWORKERID has not been supplied",
    "Give every staff record your own unique reference.",
    1020,
)
_WORKER_LONG = _error(
    "UNIQUEWORKERID-TOO-LONG",
    S.UNIQUEWORKERID,
    f"UNIQUEWORKERID is longer than {ID_LENGTH} characters",
    f"Shorten the staff reference to {ID_LENGTH} characters or fewer.",
    1020,
)
_CHANGE_LONG = _error(
    "CHGUNIQUEWRKID-TOO-LONG",
    S.CHGUNIQUEWRKID,
    f"CHGUNIQUEWRKID is longer than {ID_LENGTH} characters",
    f"Shorten the new staff reference to {ID_LENGTH} characters or fewer.",
    1030,
)
_DISPLAY_BLANK = _error(
    "DISPLAYID-BLANK",
    S.DISPLAYID,
    "DISPLAYID is blank",
    "Give a name or ID for the staff record in DISPLAYID.",
    1050,
)
_DISPLAY_LONG = _error(
    "DISPLAYID-TOO-LONG",
    S.DISPLAYID,
    f"DISPLAYID is longer than {ID_LENGTH} characters",
    f"Shorten DISPLAYID to {ID_LENGTH} characters or fewer.",
    1050,
)

# --- personal details ------------------------------------------------------------------------

_CONTRACT_BLANK = _error(
    "EMPLSTATUS-BLANK",
    S.EMPLSTATUS,
    "EMPLSTATUS has not been supplied",
    "Give the contract type: 1 permanent, 2 temporary, 3 pool/bank, 4 agency, 7 other.",
    1220,
)
_CONTRACT_INVALID = _error(
    "EMPLSTATUS-INVALID",
    S.EMPLSTATUS,
    "The code you have entered for EMPLSTATUS is incorrect",
    "Give the contract type: 1 permanent, 2 temporary, 3 pool/bank, 4 agency, 7 other.",
    1220,
)
_NI_FORMAT = _error(
    "NINUMBER-FORMAT",
    S.NINUMBER,
    "NINUMBER is incorrectly formatted",
    "A National Insurance number is two letters, six digits and a letter, e.g. QQ123456C.",
    1060,
)
_POSTCODE_BLANK = _warning(
    "POSTCODE-BLANK",
    S.POSTCODE,
    "POSTCODE is blank",
    "Give the worker's home postcode if you know it.",
    3070,
)
_POSTCODE_FORMAT = _error(
    "POSTCODE-FORMAT",
    S.POSTCODE,
    "POSTCODE is incorrectly formatted",
    "Write the postcode with one space, e.g. ST16 2LX.",
    1070,
)
_DOB_MISSING = _warning(
    "DOB-MISSING",
    S.DOB,
    "DOB is missing",
    "Give the date of birth as DD/MM/YYYY.",
    3080,
)
_DOB_FORMAT = _warning(
    "DOB-FORMAT",
    S.DOB,
    "The date of birth is incorrectly formatted and will be ignored",
    "Give the date of birth as DD/MM/YYYY.",
    3080,
)
_DOB_RANGE = _warning(
    "DOB-RANGE",
    S.DOB,
    f"The date of birth gives an age outside {AGE_RANGE[0]} to {AGE_RANGE[1]} years "
    "at the reference date and will be ignored",
    "Check the date of birth.",
    3080,
)
_GENDER_INVALID = _error(
    "GENDER-INVALID",
    S.GENDER,
    "The code you have entered for GENDER is incorrect",
    "Use 1 male, 2 female, 3 don't know, 4 other, or leave blank.",
    1090,
)
_ETHNICITY_INVALID = _error(
    "ETHNICITY-INVALID",
    S.ETHNICITY,
    "The code you have entered for ETHNICITY is incorrect",
    "Use an ethnicity code from 31 to 47, 98, or 99 (don't know).",
    1100,
)
_NATIONALITY_FORMAT = _error(
    "NATIONALITY-FORMAT",
    S.NATIONALITY,
    "NATIONALITY must be a whole number",
    "Use a nationality code, e.g. 826 for British.",
    1110,
)
_NATIONALITY_INVALID = _error(
    "NATIONALITY-INVALID",
    S.NATIONALITY,
    "The NATIONALITY code is not a valid entry",
    "Use a nationality code from the ASC-WDS list, 998 (don't know) or 999 (other).",
    1110,
)
_CITIZENSHIP_IGNORED = _warning(
    "BRITISHCITIZENSHIP-NOT-REQUIRED",
    f"{S.NATIONALITY}/{S.BRITISHCITIZENSHIP}",
    "BRITISHCITIZENSHIP has been ignored as the worker's nationality is British",
    "Leave BRITISHCITIZENSHIP blank for British nationals.",
    3120,
)
_CITIZENSHIP_INVALID = _error(
    "BRITISHCITIZENSHIP-INVALID",
    S.BRITISHCITIZENSHIP,
    "The BRITISHCITIZENSHIP code is not a valid entry",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    1120,
)
_COUNTRY_FORMAT = _error(
    "COUNTRYOFBIRTH-FORMAT",
    S.COUNTRYOFBIRTH,
    "COUNTRYOFBIRTH must be a whole number",
    "Use a country code, e.g. 826 for the United Kingdom.",
    1130,
)
_COUNTRY_INVALID = _error(
    "COUNTRYOFBIRTH-INVALID",
    S.COUNTRYOFBIRTH,
    "The COUNTRYOFBIRTH code is not a valid entry",
    "Use a country code from the ASC-WDS list, 998 (don't know) or 999 (other).",
    1130,
)
_ENTRY_FORMAT = _error(
    "YEAROFENTRY-FORMAT",
    S.YEAROFENTRY,
    "YEAROFENTRY is incorrectly formatted",
    "Give the year the worker came to the UK as four digits, e.g. 2018.",
    1380,
)
_ENTRY_FUTURE = _error(
    "YEAROFENTRY-FUTURE",
    S.YEAROFENTRY,
    "YEAROFENTRY is in the future",
    "Check the year the worker came to the UK.",
    1380,
)
_ENTRY_BEFORE_BIRTH = _error(
    "YEAROFENTRY-BEFORE-DOB",
    f"{S.YEAROFENTRY}/{S.DOB}",
    "YEAROFENTRY must be the same as or after the year of birth",
    "Check the year of entry and the date of birth.",
    1380,
)
_ENTRY_NO_COUNTRY = _warning(
    "YEAROFENTRY-NO-COUNTRY",
    f"{S.YEAROFENTRY}/{S.COUNTRYOFBIRTH}",
    "Year of entry has been ignored as COUNTRYOFBIRTH is missing",
    "Give the country of birth with the year of entry.",
    3380,
)
_ENTRY_UK_BORN = _warning(
    "YEAROFENTRY-UK-BORN",
    f"{S.YEAROFENTRY}/{S.COUNTRYOFBIRTH}",
    "Year of entry has been ignored as the country of birth is the United Kingdom",
    "Leave YEAROFENTRY blank for workers born in the UK.",
    3380,
)
_DISABLED_INVALID = _error(
    "DISABLED-INVALID",
    S.DISABLED,
    "The code you have entered for DISABLED is incorrect",
    "Use 0 no, 1 yes, 2 undisclosed, 3 don't know, or leave blank.",
    1150,
)
_CARECERT_INVALID = _error(
    "CARECERT-INVALID",
    S.CARECERT,
    "The code you have entered for CARECERT is incorrect",
    "Use 1 completed, 2 no, 3 in progress, or leave blank.",
    1160,
)
_L2_INVALID = _warning(
    "L2CARECERT-INVALID",
    S.L2CARECERT,
    "The code you have entered for L2CARECERT is incorrect and will be ignored",
    "Use 1 (or 1;YYYY) completed, 2 started, 3 no, or leave blank.",
    5590,
)
_L2_STARTED_YEAR = _warning(
    "L2CARECERT-STARTED-YEAR",
    S.L2CARECERT,
    "Option 2 for L2CARECERT cannot have a year achieved; the year will be ignored",
    "Give a year only with option 1 (completed).",
    5600,
)
_L2_NO_YEAR = _warning(
    "L2CARECERT-NO-YEAR",
    S.L2CARECERT,
    "Option 3 for L2CARECERT cannot have a year achieved and will be ignored",
    "Give a year only with option 1 (completed).",
    5610,
)
_L2_YEAR_FORMAT = _warning(
    "L2CARECERT-YEAR-FORMAT",
    S.L2CARECERT,
    "The year achieved for L2CARECERT is invalid; the year will be ignored",
    "Give the year as four digits, e.g. 1;2025.",
    5640,
)
_L2_YEAR_EARLY = _warning(
    "L2CARECERT-YEAR-EARLY",
    S.L2CARECERT,
    f"The year achieved for L2CARECERT cannot be before {L2_CERTIFICATE_FIRST_YEAR}; "
    "the year will be ignored",
    "Check the year the certificate was achieved.",
    5620,
)
_L2_YEAR_FUTURE = _warning(
    "L2CARECERT-YEAR-FUTURE",
    S.L2CARECERT,
    "The year achieved for L2CARECERT cannot be in the future; the year will be ignored",
    "Check the year the certificate was achieved.",
    5630,
)
_RECSOURCE_INVALID = _error(
    "RECSOURCE-INVALID",
    S.RECSOURCE,
    "The code you have entered for RECSOURCE is incorrect",
    "Use a recruitment source code from the ASC-WDS list, or 16 (don't know).",
    1180,
)
_VISA_NOT_REQUIRED = _warning(
    "HANDCVISA-NOT-REQUIRED",
    f"{S.NATIONALITY}/{S.HANDCVISA}",
    "HANDCVISA is not required when the worker is British or has British citizenship",
    "Leave HANDCVISA blank for British nationals and citizens.",
    5570,
)
_VISA_INVALID = _warning(
    "HANDCVISA-INVALID",
    S.HANDCVISA,
    "HANDCVISA is incorrectly formatted and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    5570,
)
_INOUT_NOT_REQUIRED = _warning(
    "INOUTUK-NOT-REQUIRED",
    f"{S.HANDCVISA}/{S.INOUTUK}",
    "INOUTUK is not required when the worker does not have a Health and Care Worker visa",
    "Give INOUTUK only when HANDCVISA is 1.",
    5580,
)
_INOUT_INVALID = _warning(
    "INOUTUK-INVALID",
    S.INOUTUK,
    "INOUTUK is incorrectly formatted and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    5580,
)

# --- employment ------------------------------------------------------------------------------

_START_MISSING = _warning(
    "STARTDATE-MISSING",
    S.STARTDATE,
    "STARTDATE is missing",
    "Give the date the worker started in this job role as DD/MM/YYYY.",
    2000,
)
_START_FORMAT = _warning(
    "STARTDATE-FORMAT",
    S.STARTDATE,
    "STARTDATE is incorrectly formatted and will be ignored",
    "Give the date as DD/MM/YYYY with leading zeros, e.g. 01/04/2015.",
    3190,
)
_START_FUTURE = _warning(
    "STARTDATE-FUTURE",
    S.STARTDATE,
    "STARTDATE is in the future and will be ignored",
    "Check the start date.",
    3190,
)
_START_TOO_YOUNG = _warning(
    "STARTDATE-BEFORE-14",
    f"{S.STARTDATE}/{S.DOB}",
    "STARTDATE is before the worker's 14th birthday and will be ignored",
    "Check the start date and the date of birth.",
    3190,
)
_START_BEFORE_ENTRY = _warning(
    "STARTDATE-BEFORE-ENTRY",
    f"{S.STARTDATE}/{S.YEAROFENTRY}",
    "STARTDATE is before the year of entry to the UK and will be ignored",
    "Check the start date and the year of entry.",
    3190,
)
_SECTOR_MISSING = _warning(
    "STARTINSECT-MISSING",
    S.STARTINSECT,
    "STARTINSECT is missing",
    "Give the year the worker started in adult social care, or 999 if you do not know.",
    3200,
)
_SECTOR_FORMAT = _warning(
    "STARTINSECT-FORMAT",
    S.STARTINSECT,
    "STARTINSECT is incorrectly formatted and will be ignored",
    "Give a four-digit year, or 999 if you do not know.",
    3200,
)
_SECTOR_AFTER_START = _warning(
    "STARTINSECT-AFTER-STARTDATE",
    f"{S.STARTINSECT}/{S.STARTDATE}",
    "STARTINSECT is after STARTDATE and will be ignored",
    "The year started in the sector cannot be after the start in this job.",
    3200,
)
_SECTOR_TOO_YOUNG = _warning(
    "STARTINSECT-BEFORE-14",
    f"{S.STARTINSECT}/{S.DOB}",
    "STARTINSECT is before the worker's 14th birthday and will be ignored",
    "Check the year started in the sector and the date of birth.",
    3200,
)
_DHA_INVALID = _warning(
    "DHA-INVALID",
    S.DHA,
    "The code for DHA is incorrect and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    5660,
)
_APPRENTICE_INVALID = _warning(
    "APPRENTICE-INVALID",
    S.APPRENTICE,
    "The code for APPRENTICE is incorrect and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    3210,
)
_ZERO_INVALID = _error(
    "ZEROHRCONT-INVALID",
    S.ZEROHRCONT,
    "The code you have entered for ZEROHRCONT is incorrect",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    1230,
)
_ZERO_MISSING = _warning(
    "ZEROHRCONT-MISSING",
    f"{S.CONTHOURS}/{S.ZEROHRCONT}",
    "Contracted hours are given but ZEROHRCONT does not say the worker is not on a zero-hours "
    "contract",
    "Give 2 (no) in ZEROHRCONT for workers with contracted hours.",
    3230,
)
_ZERO_WITH_HOURS = _error(
    "ZEROHRCONT-CONTHOURS",
    f"{S.CONTHOURS}/{S.ZEROHRCONT}",
    "CONTHOURS above 0 cannot go with ZEROHRCONT 1 (yes) or 999 (don't know)",
    "A zero-hours worker has no contracted hours: give AVGHOURS instead, or correct ZEROHRCONT.",
    1230,
)
_ZERO_HOURS_NOT_ZERO = _warning(
    "ZEROHRCONT-ZERO-HOURS",
    f"{S.CONTHOURS}/{S.ZEROHRCONT}",
    "CONTHOURS is 0 but ZEROHRCONT is not 1 (yes)",
    "Check whether the worker is on a zero-hours contract.",
    3230,
)
_SICK_INVALID = _warning(
    "DAYSSICK-INVALID",
    S.DAYSSICK,
    "DAYSSICK is out of the valid range and will be ignored",
    "Give days sick in the last 12 months, 0 to 366 in whole or half days, or 999.",
    1240,
)
_PAY_INTERVAL_FORMAT = _error(
    "SALARYINT-FORMAT",
    S.SALARYINT,
    "SALARYINT must be a whole number",
    "Use 1 (annual salary), 3 (hourly rate) or 999 (don't know).",
    1250,
)
_PAY_INTERVAL_INVALID = _error(
    "SALARYINT-INVALID",
    S.SALARYINT,
    "The code you have entered for SALARYINT is incorrect",
    "Use 1 (annual salary), 3 (hourly rate) or 999 (don't know).",
    1250,
)
_SALARY_IGNORED = _warning(
    "SALARY-IGNORED",
    f"{S.SALARYINT}/{S.SALARY}",
    "SALARY will be ignored as SALARYINT is 999",
    "Give SALARYINT 1 with an annual salary.",
    3260,
)
_SALARY_INTERVAL = _error(
    "SALARY-SALARYINT",
    f"{S.SALARYINT}/{S.SALARY}",
    "SALARY is given but SALARYINT is not 1 (annual)",
    "Give SALARYINT 1 with an annual salary, or move an hourly rate to HOURLYRATE.",
    1251,
)
_SALARY_RANGE = _error(
    "SALARY-RANGE",
    S.SALARY,
    f"SALARY must be between £{SALARY_RANGE[0]} and £{SALARY_RANGE[1]} "
    f"(£{SENIOR_SALARY_MAX} for senior management)",
    "Give the annual salary in whole pounds, e.g. 24500.",
    1260,
)
_RATE_IGNORED = _warning(
    "HOURLYRATE-IGNORED",
    f"{S.SALARYINT}/{S.HOURLYRATE}",
    "HOURLYRATE will be ignored as SALARYINT is 999",
    "Give SALARYINT 3 with an hourly rate.",
    3270,
)
_RATE_INTERVAL = _error(
    "HOURLYRATE-SALARYINT",
    f"{S.SALARYINT}/{S.HOURLYRATE}",
    "HOURLYRATE is given but SALARYINT is not 3 (hourly)",
    "Give SALARYINT 3 with an hourly rate, or move an annual salary to SALARY.",
    1252,
)
_RATE_FORMAT = _error(
    "HOURLYRATE-FORMAT",
    S.HOURLYRATE,
    "The value you have entered for HOURLYRATE is incorrect",
    "Give the hourly rate in pounds with at most two decimals, e.g. 12.60.",
    1270,
)
_ROLE_BLANK = _error(
    "MAINJOBROLE-BLANK",
    S.MAINJOBROLE,
    "MAINJOBROLE has not been supplied",
    "Give the code of the worker's main job role.",
    1280,
)
_ROLE_INVALID = _error(
    "MAINJOBROLE-INVALID",
    S.MAINJOBROLE,
    "The code you have entered for MAINJOBROLE is incorrect",
    "Use a job role code from the ASC-WDS job role list.",
    1280,
)
_ROLE_DESC_MISSING = _error(
    "MAINJRDESC-MISSING",
    f"{S.MAINJOBROLE}/{S.MAINJRDESC}",
    "MAINJRDESC has not been supplied for an 'other' job role",
    "Describe the job role in MAINJRDESC for job roles 23 and 27.",
    1290,
)
_ROLE_DESC_LONG = _error(
    "MAINJRDESC-TOO-LONG",
    S.MAINJRDESC,
    f"MAINJRDESC is longer than {DESCRIPTION_LENGTH} characters",
    f"Shorten the description to {DESCRIPTION_LENGTH} characters or fewer.",
    1290,
)
_ROLE_DESC_IGNORED = _warning(
    "MAINJRDESC-NOT-REQUIRED",
    f"{S.MAINJOBROLE}/{S.MAINJRDESC}",
    "MAINJRDESC will be ignored as it is not required for this MAINJOBROLE",
    "Give MAINJRDESC only for job roles 23 and 27.",
    3290,
)
_CONTHOURS_ZERO_HOURS = _warning(
    "CONTHOURS-ZERO-HOURS",
    f"{S.ZEROHRCONT}/{S.CONTHOURS}",
    "CONTHOURS will be ignored as ZEROHRCONT is 1 (yes)",
    "Give average hours in AVGHOURS for zero-hours workers.",
    3300,
)
_CONTHOURS_NOT_EMPLOYED = _warning(
    "CONTHOURS-NOT-EMPLOYED",
    f"{S.EMPLSTATUS}/{S.CONTHOURS}",
    "CONTHOURS will be ignored as EMPLSTATUS is pool/bank, agency or other",
    "Give average hours in AVGHOURS for pool/bank, agency and other workers.",
    3300,
)
_AVGHOURS_EMPLOYED = _warning(
    "AVGHOURS-EMPLOYED",
    f"{S.EMPLSTATUS}/{S.AVGHOURS}",
    "AVGHOURS will be ignored as the staff record is permanent or temporary",
    "Give contracted hours in CONTHOURS for permanent and temporary workers.",
    3310,
)
_HOURS_FORMAT = {
    column: _warning(
        f"{column}-FORMAT",
        column,
        f"The value you have entered for {column} is incorrect and will be ignored",
        "Give weekly hours in whole or half hours, e.g. 37.5, or 999 if you do not know.",
        asc,
    )
    for column, asc in ((S.CONTHOURS, 3300), (S.AVGHOURS, 3310))
}
_HOURS_HIGH = {
    column: _warning(
        f"{column}-TOO-HIGH",
        column,
        f"{column} is greater than 75 and will be ignored",
        "Check the weekly hours.",
        asc,
    )
    for column, asc in ((S.CONTHOURS, 3300), (S.AVGHOURS, 3310))
}
_NMC_MISSING = _warning(
    "NMCREG-MISSING",
    f"{S.MAINJOBROLE}/{S.NMCREG}",
    "NMCREG has not been supplied",
    "Give the nursing register (1 to 5) for registered nurses.",
    3340,
)
_NMC_IGNORED = _warning(
    "NMCREG-NOT-REQUIRED",
    f"{S.MAINJOBROLE}/{S.NMCREG}",
    "NMCREG will be ignored as it is not required for this MAINJOBROLE",
    "Give NMCREG only for registered nurses (job role 16).",
    3340,
)
_NMC_INVALID = _warning(
    "NMCREG-INVALID",
    S.NMCREG,
    "The code you have entered for NMCREG is incorrect and will be ignored",
    "Use 1 adult, 2 mental health, 3 learning disabilities, 4 children's, 5 enrolled.",
    3340,
)
_AMHP_MISSING = _warning(
    "AMHP-MISSING",
    f"{S.MAINJOBROLE}/{S.AMHP}",
    "AMHP has not been supplied",
    "Say whether the social worker is an Approved Mental Health Professional.",
    3380,
)
_AMHP_INVALID = _warning(
    "AMHP-INVALID",
    S.AMHP,
    "The code you have entered for AMHP is incorrect and will be ignored",
    "Use 1 (yes), 2 (no) or 999 (don't know).",
    3380,
)
_AMHP_IGNORED = _warning(
    "AMHP-NOT-REQUIRED",
    f"{S.MAINJOBROLE}/{S.AMHP}",
    "AMHP will be ignored as it is not required for this MAINJOBROLE",
    "Give AMHP only for social workers (job role 6).",
    3380,
)
_SCQUAL_BLANK = _warning(
    "SCQUAL-BLANK",
    S.SCQUAL,
    "SCQUAL is blank",
    "Say whether the worker has a social care qualification: 1;level, 2 or 999.",
    3360,
)
_QUAL_INDICATOR = {
    column: _error(
        f"{column}-INVALID",
        column,
        f"The code you have entered for {column} is incorrect",
        "Use 1;level (e.g. 1;3), 2 (no) or 999 (don't know).",
        asc,
    )
    for column, asc in ((S.SCQUAL, 1360), (S.NONSCQUAL, 1370))
}
_SCQUAL_NO_LEVEL = _error(
    "SCQUAL-NO-LEVEL",
    S.SCQUAL,
    "SCQUAL is 1 (yes) but no qualification level is given",
    "Give the highest level after a semicolon, e.g. 1;3, or 1;999 if you do not know it.",
    1360,
)
_SCQUAL_REGULATED = _warning(
    "SCQUAL-REGULATED-PROFESSION",
    f"{S.MAINJOBROLE}/{S.SCQUAL}",
    "The worker's MAINJOBROLE is a regulated profession, which requires a social care "
    "qualification level",
    "Give the level of the worker's social care qualification.",
    3360,
)
_QUAL_LEVEL = {
    column: _warning(
        f"{column}-LEVEL-INVALID",
        column,
        f"The level you have entered for {column} is not valid and will be ignored",
        "Use a level from 0 (entry) to 8, or 999 (don't know).",
        asc,
    )
    for column, asc in ((S.SCQUAL, 1360), (S.NONSCQUAL, 1370))
}
_CWP_INVALID = _warning(
    "CWPCATEGORY-INVALID",
    S.CWPCATEGORY,
    "The code you have entered for CWPCATEGORY is incorrect and will be ignored",
    "Use a care workforce pathway category 1 to 7, 998 or 999.",
    5650,
)
_QUAL_CODE_FORMAT = _error(
    "QUALACH-CODE-FORMAT",
    "QUALACHnn",
    "The qualification code is not a whole number",
    "Give the qualification as code;year, e.g. 110;2019.",
    5010,
)
_QUAL_CODE_UNKNOWN = _error(
    "QUALACH-CODE-INVALID",
    "QUALACHnn",
    "The qualification code is not in the ASC-WDS qualification list",
    "Use a qualification code from the ASC-WDS list.",
    5010,
)
_QUAL_YEAR_BLANK = _warning(
    "QUALACH-YEAR-BLANK",
    "QUALACHnn",
    "The year achieved for the qualification is blank",
    "Give the year achieved after a semicolon, e.g. 110;2019.",
    5015,
)
_QUAL_YEAR_INVALID = _error(
    "QUALACH-YEAR-INVALID",
    "QUALACHnn",
    f"The year achieved for the qualification is not a year in the last {QUALIFICATION_YEARS_BACK} years",
    "Give the year achieved as four digits, e.g. 110;2019.",
    5015,
)
_QUAL_NOTES_LONG = _warning(
    "QUALACHNOTES-TOO-LONG",
    "QUALACHnnNOTES",
    f"The qualification notes are over {DESCRIPTION_LENGTH} characters and will be ignored",
    f"Shorten the notes to {DESCRIPTION_LENGTH} characters or fewer.",
    5020,
)


def _identity_checks(columns: set[str]) -> list[Check]:
    checks = [
        check(_LOCAL_BLANK, _row & blank(S.LOCALESTID)),
        check(_LOCAL_LONG, _row & too_long(S.LOCALESTID, ID_LENGTH)),
        check(_WORKER_BLANK, _row & blank(S.UNIQUEWORKERID)),
        check(_WORKER_LONG, _row & too_long(S.UNIQUEWORKERID, ID_LENGTH)),
        *status_checks(_FILE),
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


def _personal_checks(reference_date: dt.date, today: dt.date) -> list[Check]:
    age = years_between(_birth, pl.lit(reference_date))
    nationality = integer(S.NATIONALITY)
    citizenship = integer(S.BRITISHCITIZENSHIP)
    entry = integer(S.YEAROFENTRY)
    visa_applies = (
        filled(S.NATIONALITY)
        & ~nationality.is_in(
            [geography_codes.NATIONALITY_BRITISH, geography_codes.NATIONALITY_DONT_KNOW]
        ).fill_null(False)
        & (citizenship != YES).fill_null(True)
    ) | ((nationality == geography_codes.NATIONALITY_DONT_KNOW) & (citizenship == NO)).fill_null(
        False
    )
    visa_yes = equals(S.HANDCVISA, YES)
    l2 = items(S.L2CARECERT)
    l2_option = l2.list.first()
    l2_year = l2.list.get(1, null_on_oob=True)
    l2_has_year = l2.list.len() == 2
    l2_year_number = l2_year.str.to_integer(strict=False)
    l2_year_valid = l2_year.str.contains(YEAR_PATTERN).fill_null(False)
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
        check(_NATIONALITY_FORMAT, _live & filled(S.NATIONALITY) & nationality.is_null()),
        check(
            _NATIONALITY_INVALID,
            _live
            & nationality.is_not_null()
            & ~nationality.is_in(sorted(geography_codes.NATIONALITY.codes)),
        ),
        check(
            _CITIZENSHIP_IGNORED,
            _live
            & (nationality == geography_codes.NATIONALITY_BRITISH)
            & filled(S.BRITISHCITIZENSHIP),
        ),
        check(
            _CITIZENSHIP_INVALID,
            _live & filled_not_one_of(S.BRITISHCITIZENSHIP, code_table.YES_NO_DONT_KNOW.codes),
        ),
        check(_COUNTRY_FORMAT, _live & filled(S.COUNTRYOFBIRTH) & ~is_integer(S.COUNTRYOFBIRTH)),
        check(
            _COUNTRY_INVALID,
            _live
            & is_integer(S.COUNTRYOFBIRTH)
            & ~one_of(S.COUNTRYOFBIRTH, geography_codes.COUNTRY.codes).fill_null(False),
        ),
        check(
            _ENTRY_FORMAT,
            _live & filled(S.YEAROFENTRY) & ~text(S.YEAROFENTRY).str.contains(YEAR_PATTERN),
        ),
        check(_ENTRY_FUTURE, _live & (entry > today.year)),
        check(_ENTRY_BEFORE_BIRTH, _live & (entry < _birth.dt.year())),
        check(_ENTRY_NO_COUNTRY, _live & filled(S.YEAROFENTRY) & blank(S.COUNTRYOFBIRTH)),
        check(
            _ENTRY_UK_BORN,
            _live & filled(S.YEAROFENTRY) & equals(S.COUNTRYOFBIRTH, geography_codes.COUNTRY_UK),
        ),
        check(_DISABLED_INVALID, _live & filled_not_one_of(S.DISABLED, staff_codes.DISABLED.codes)),
        check(
            _CARECERT_INVALID,
            _live & filled_not_one_of(S.CARECERT, staff_codes.CARE_CERTIFICATE.codes),
        ),
        check(
            _L2_INVALID,
            _live
            & filled(S.L2CARECERT)
            & (~l2_option.is_in(["1", "2", "3"]) | (l2.list.len() > 2)),
        ),
        check(_L2_STARTED_YEAR, _live & (l2_option == "2") & l2_has_year),
        check(_L2_NO_YEAR, _live & (l2_option == "3") & l2_has_year),
        check(_L2_YEAR_FORMAT, _live & (l2_option == "1") & l2_has_year & ~l2_year_valid),
        check(
            _L2_YEAR_EARLY,
            _live
            & (l2_option == "1")
            & l2_year_valid
            & (l2_year_number < L2_CERTIFICATE_FIRST_YEAR),
        ),
        check(
            _L2_YEAR_FUTURE,
            _live & (l2_option == "1") & l2_year_valid & (l2_year_number > today.year),
        ),
        check(
            _RECSOURCE_INVALID,
            _live & filled_not_one_of(S.RECSOURCE, staff_codes.RECRUITMENT_SOURCE.codes),
        ),
        check(_VISA_NOT_REQUIRED, _live & filled(S.HANDCVISA) & ~visa_applies),
        check(
            _VISA_INVALID, _live & filled_not_one_of(S.HANDCVISA, code_table.YES_NO_DONT_KNOW.codes)
        ),
        check(_INOUT_NOT_REQUIRED, _live & filled(S.INOUTUK) & ~(visa_yes & visa_applies)),
        check(
            _INOUT_INVALID, _live & filled_not_one_of(S.INOUTUK, code_table.YES_NO_DONT_KNOW.codes)
        ),
    ]


def _employment_checks(today: dt.date) -> list[Check]:
    start = pl.col(START_DATE)
    sector = text(S.STARTINSECT)
    sector_year = integer(S.STARTINSECT)
    sector_valid = sector.str.contains(YEAR_PATTERN) & (sector != DONT_KNOW)
    fourteenth = _birth.dt.offset_by(f"{MINIMUM_WORKING_AGE}y")
    entry = integer(S.YEAROFENTRY)
    hours = pl.col(CONTRACTED_HOURS)
    zero = integer(S.ZEROHRCONT)
    pay_interval = integer(S.SALARYINT)
    salary_text = text(S.SALARY)
    salary = pl.when(salary_text.str.contains(MONEY_PATTERN)).then(
        salary_text.cast(pl.Float64, strict=False)
    )
    salary_max = (
        pl.when(_role == staff_codes.SENIOR_MANAGEMENT)
        .then(SENIOR_SALARY_MAX)
        .otherwise(SALARY_RANGE[1])
    )
    interval_invalid = filled(S.SALARYINT) & ~one_of(
        S.SALARYINT, staff_codes.SALARY_INTERVAL.codes
    ).fill_null(False)
    sick = text(S.DAYSSICK)
    sick_days = pl.when(sick.str.contains(r"^[0-9]+(\.[05])?$")).then(
        sick.cast(pl.Float64, strict=False)
    )
    other_roles = [staff_codes.OTHER_DIRECT_CARE_ROLE, staff_codes.OTHER_NON_CARE_ROLE]
    employed = _contract.is_in(sorted(staff_codes.EMPLOYED_CONTRACTS))
    not_employed = _contract.is_in(sorted(staff_codes.NON_EMPLOYED_CONTRACTS))
    checks = [
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
        check(_PAY_INTERVAL_FORMAT, _live & filled(S.SALARYINT) & ~is_integer(S.SALARYINT)),
        check(
            _PAY_INTERVAL_INVALID,
            _live & is_integer(S.SALARYINT) & interval_invalid,
        ),
        check(_SALARY_IGNORED, _live & filled(S.SALARY) & (pay_interval == int(DONT_KNOW))),
        check(
            _SALARY_INTERVAL,
            _live
            & filled(S.SALARY)
            & ~interval_invalid
            & (pay_interval.is_null() | (pay_interval == HOURLY)),
        ),
        check(
            _SALARY_RANGE,
            _live
            & filled(S.SALARY)
            & (pay_interval == ANNUAL)
            & ~((salary >= SALARY_RANGE[0]) & (salary <= salary_max)).fill_null(False),
        ),
        check(_RATE_IGNORED, _live & filled(S.HOURLYRATE) & (pay_interval == int(DONT_KNOW))),
        check(
            _RATE_INTERVAL,
            _live
            & filled(S.HOURLYRATE)
            & ~interval_invalid
            & (pay_interval.is_null() | (pay_interval == ANNUAL)),
        ),
        check(
            _RATE_FORMAT,
            _live
            & filled(S.HOURLYRATE)
            & (pay_interval == HOURLY)
            & ~text(S.HOURLYRATE).str.contains(MONEY_PATTERN),
        ),
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


def _role_specific_checks() -> list[Check]:
    nurse = _role == staff_codes.REGISTERED_NURSE
    social_worker = _role == staff_codes.SOCIAL_WORKER
    sc = items(S.SCQUAL)
    level_codes = [str(c) for c in sorted(staff_codes.QUALIFICATION_LEVEL.codes)]
    checks = [
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
        check(_SCQUAL_BLANK, _live & blank(S.SCQUAL)),
        check(
            _SCQUAL_NO_LEVEL,
            _live
            & (sc.list.first() == "1")
            & ((sc.list.len() < 2) | (sc.list.get(1, null_on_oob=True) == "")),
        ),
        check(
            _SCQUAL_REGULATED,
            _live
            & _role.is_in(sorted(staff_codes.REGULATED_PROFESSION_ROLES))
            & (sc.list.first() == "1")
            & ((sc.list.len() < 2) | (sc.list.get(1, null_on_oob=True) == "")),
        ),
        check(
            _CWP_INVALID, _live & filled_not_one_of(S.CWPCATEGORY, staff_codes.CWP_CATEGORY.codes)
        ),
    ]
    for column in (S.SCQUAL, S.NONSCQUAL):
        parts = items(column)
        indicator = parts.list.first()
        level = parts.list.get(1, null_on_oob=True)
        checks += [
            check(
                _QUAL_INDICATOR[column],
                _live
                & filled(column)
                & (~indicator.is_in(["1", "2", "999"]) | (parts.list.len() > 2)),
            ),
            check(
                _QUAL_LEVEL[column],
                _live
                & (indicator == "1")
                & (parts.list.len() == 2)
                & (level != "")
                & ~level.is_in(level_codes),
            ),
        ]
    return checks


def _qualification_checks(numbers: list[int], today: dt.date) -> list[Check]:
    qualification_codes = sorted(staff_codes.QUALIFICATION.codes)
    checks: list[Check] = []
    for number in numbers:
        column = qualification_column(number)
        notes = qualification_notes_column(number)
        parts = items(column)
        code_text = parts.list.first()
        year_text = parts.list.get(1, null_on_oob=True)
        code_number = code_text.str.to_integer(strict=False)
        year_number = year_text.str.to_integer(strict=False)
        value = text(column)
        code_is_number = code_text.str.contains(r"^[0-9]+$")
        checks += [
            Check(_QUAL_CODE_FORMAT, _live & filled(column) & ~code_is_number, value, column),
            Check(
                _QUAL_CODE_UNKNOWN,
                _live & filled(column) & code_is_number & ~code_number.is_in(qualification_codes),
                value,
                column,
            ),
            Check(
                _QUAL_YEAR_BLANK,
                _live & filled(column) & ((parts.list.len() < 2) | (year_text == "")),
                value,
                column,
            ),
            Check(
                _QUAL_YEAR_INVALID,
                _live
                & filled(column)
                & (parts.list.len() >= 2)
                & (year_text != "")
                & ~(
                    year_text.str.contains(YEAR_PATTERN)
                    & (year_number >= today.year - QUALIFICATION_YEARS_BACK)
                    & (year_number <= today.year)
                ).fill_null(False),
                value,
                column,
            ),
        ]
        checks.append(
            Check(
                _QUAL_NOTES_LONG,
                _live & too_long(notes, DESCRIPTION_LENGTH),
                pl.format("[{} characters]", text(notes).str.len_chars()),
                notes,
            )
        )
    return checks


def staff_checks(
    columns: set[str], qualification_numbers: list[int], *, reference_date: dt.date, today: dt.date
) -> list[Check]:
    """Every field rule of the staff file, bound to its expressions.

    Args:
        columns: the columns the file has (optional columns may be absent).
        qualification_numbers: the n of every QUALACHnn column in the file.
        reference_date: the snapshot date ages are measured at.
        today: the date against which 'in the future' is judged.
    """
    return [
        *row_shape_checks(_FILE),
        *_identity_checks(columns),
        *_personal_checks(reference_date, today),
        *_employment_checks(today),
        *_role_specific_checks(),
        *_qualification_checks(qualification_numbers, today),
    ]
