"""Staff file: contract type and personal details (NI number, home postcode, date of birth, gender,
ethnicity, nationality, citizenship, country of birth, year of entry, disability, care
certificates, recruitment source, Health and Care Worker visa)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    YEAR_PATTERN,
    blank,
    equals,
    filled,
    filled_not_one_of,
    integer,
    is_integer,
    items,
    one_of,
    text,
    years_between,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    AGE_RANGE,
    BIRTH_DATE,
    CONTRACT,
    HOME_POSTCODE_PATTERN,
    L2_CERTIFICATE_FIRST_YEAR,
    NI_PATTERN,
    NO,
    YES,
    error,
    warning,
)
from careforce.core.vocab import code_table, geography_codes, staff_codes
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
_NATIONALITY_FORMAT = error(
    "NATIONALITY-FORMAT",
    S.NATIONALITY,
    "NATIONALITY must be a whole number",
    "Use a nationality code, e.g. 826 for British.",
    1110,
)
_NATIONALITY_INVALID = error(
    "NATIONALITY-INVALID",
    S.NATIONALITY,
    "The NATIONALITY code is not a valid entry",
    "Use a nationality code from the ASC-WDS list, 998 (don't know) or 999 (other).",
    1110,
)
_CITIZENSHIP_IGNORED = warning(
    "BRITISHCITIZENSHIP-NOT-REQUIRED",
    f"{S.NATIONALITY}/{S.BRITISHCITIZENSHIP}",
    "BRITISHCITIZENSHIP has been ignored as the worker's nationality is British",
    "Leave BRITISHCITIZENSHIP blank for British nationals.",
    3120,
)
_CITIZENSHIP_INVALID = error(
    "BRITISHCITIZENSHIP-INVALID",
    S.BRITISHCITIZENSHIP,
    "The BRITISHCITIZENSHIP code is not a valid entry",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    1120,
)
_COUNTRY_FORMAT = error(
    "COUNTRYOFBIRTH-FORMAT",
    S.COUNTRYOFBIRTH,
    "COUNTRYOFBIRTH must be a whole number",
    "Use a country code, e.g. 826 for the United Kingdom.",
    1130,
)
_COUNTRY_INVALID = error(
    "COUNTRYOFBIRTH-INVALID",
    S.COUNTRYOFBIRTH,
    "The COUNTRYOFBIRTH code is not a valid entry",
    "Use a country code from the ASC-WDS list, 998 (don't know) or 999 (other).",
    1130,
)
_ENTRY_FORMAT = error(
    "YEAROFENTRY-FORMAT",
    S.YEAROFENTRY,
    "YEAROFENTRY is incorrectly formatted",
    "Give the year the worker came to the UK as four digits, e.g. 2018.",
    1380,
)
_ENTRY_FUTURE = error(
    "YEAROFENTRY-FUTURE",
    S.YEAROFENTRY,
    "YEAROFENTRY is in the future",
    "Check the year the worker came to the UK.",
    1380,
)
_ENTRY_BEFORE_BIRTH = error(
    "YEAROFENTRY-BEFORE-DOB",
    f"{S.YEAROFENTRY}/{S.DOB}",
    "YEAROFENTRY must be the same as or after the year of birth",
    "Check the year of entry and the date of birth.",
    1380,
)
_ENTRY_NO_COUNTRY = warning(
    "YEAROFENTRY-NO-COUNTRY",
    f"{S.YEAROFENTRY}/{S.COUNTRYOFBIRTH}",
    "Year of entry has been ignored as COUNTRYOFBIRTH is missing",
    "Give the country of birth with the year of entry.",
    3380,
)
_ENTRY_UK_BORN = warning(
    "YEAROFENTRY-UK-BORN",
    f"{S.YEAROFENTRY}/{S.COUNTRYOFBIRTH}",
    "Year of entry has been ignored as the country of birth is the United Kingdom",
    "Leave YEAROFENTRY blank for workers born in the UK.",
    3380,
)
_DISABLED_INVALID = error(
    "DISABLED-INVALID",
    S.DISABLED,
    "The code you have entered for DISABLED is incorrect",
    "Use 0 no, 1 yes, 2 undisclosed, 3 don't know, or leave blank.",
    1150,
)
_CARECERT_INVALID = error(
    "CARECERT-INVALID",
    S.CARECERT,
    "The code you have entered for CARECERT is incorrect",
    "Use 1 completed, 2 no, 3 in progress, or leave blank.",
    1160,
)
_L2_INVALID = warning(
    "L2CARECERT-INVALID",
    S.L2CARECERT,
    "The code you have entered for L2CARECERT is incorrect and will be ignored",
    "Use 1 (or 1;YYYY) completed, 2 started, 3 no, or leave blank.",
    5590,
)
_L2_STARTED_YEAR = warning(
    "L2CARECERT-STARTED-YEAR",
    S.L2CARECERT,
    "Option 2 for L2CARECERT cannot have a year achieved; the year will be ignored",
    "Give a year only with option 1 (completed).",
    5600,
)
_L2_NO_YEAR = warning(
    "L2CARECERT-NO-YEAR",
    S.L2CARECERT,
    "Option 3 for L2CARECERT cannot have a year achieved and will be ignored",
    "Give a year only with option 1 (completed).",
    5610,
)
_L2_YEAR_FORMAT = warning(
    "L2CARECERT-YEAR-FORMAT",
    S.L2CARECERT,
    "The year achieved for L2CARECERT is invalid; the year will be ignored",
    "Give the year as four digits, e.g. 1;2025.",
    5640,
)
_L2_YEAR_EARLY = warning(
    "L2CARECERT-YEAR-EARLY",
    S.L2CARECERT,
    f"The year achieved for L2CARECERT cannot be before {L2_CERTIFICATE_FIRST_YEAR}; "
    "the year will be ignored",
    "Check the year the certificate was achieved.",
    5620,
)
_L2_YEAR_FUTURE = warning(
    "L2CARECERT-YEAR-FUTURE",
    S.L2CARECERT,
    "The year achieved for L2CARECERT cannot be in the future; the year will be ignored",
    "Check the year the certificate was achieved.",
    5630,
)
_RECSOURCE_INVALID = error(
    "RECSOURCE-INVALID",
    S.RECSOURCE,
    "The code you have entered for RECSOURCE is incorrect",
    "Use a recruitment source code from the ASC-WDS list, or 16 (don't know).",
    1180,
)
_VISA_NOT_REQUIRED = warning(
    "HANDCVISA-NOT-REQUIRED",
    f"{S.NATIONALITY}/{S.HANDCVISA}",
    "HANDCVISA is not required when the worker is British or has British citizenship",
    "Leave HANDCVISA blank for British nationals and citizens.",
    5570,
)
_VISA_INVALID = warning(
    "HANDCVISA-INVALID",
    S.HANDCVISA,
    "HANDCVISA is incorrectly formatted and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    5570,
)
_INOUT_NOT_REQUIRED = warning(
    "INOUTUK-NOT-REQUIRED",
    f"{S.HANDCVISA}/{S.INOUTUK}",
    "INOUTUK is not required when the worker does not have a Health and Care Worker visa",
    "Give INOUTUK only when HANDCVISA is 1.",
    5580,
)
_INOUT_INVALID = warning(
    "INOUTUK-INVALID",
    S.INOUTUK,
    "INOUTUK is incorrectly formatted and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    5580,
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
    _NATIONALITY_FORMAT,
    _NATIONALITY_INVALID,
    _CITIZENSHIP_IGNORED,
    _CITIZENSHIP_INVALID,
    _COUNTRY_FORMAT,
    _COUNTRY_INVALID,
    _ENTRY_FORMAT,
    _ENTRY_FUTURE,
    _ENTRY_BEFORE_BIRTH,
    _ENTRY_NO_COUNTRY,
    _ENTRY_UK_BORN,
    _DISABLED_INVALID,
    _CARECERT_INVALID,
    _L2_INVALID,
    _L2_STARTED_YEAR,
    _L2_NO_YEAR,
    _L2_YEAR_FORMAT,
    _L2_YEAR_EARLY,
    _L2_YEAR_FUTURE,
    _RECSOURCE_INVALID,
    _VISA_NOT_REQUIRED,
    _VISA_INVALID,
    _INOUT_NOT_REQUIRED,
    _INOUT_INVALID,
)
"""The rules declared here, in catalogue order."""


def checks(reference_date: dt.date, today: dt.date) -> list[Check]:
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
