"""Staff file: nationality, British citizenship, country of birth and year of entry to the UK."""

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
    one_of,
    text,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    BIRTH_DATE,
    error,
    warning,
)
from careforce.core.vocab import code_table, geography_codes
from careforce.core.vocab.ascwds_columns import StaffColumn as S

_live = pl.col(LIVE)
_birth = pl.col(BIRTH_DATE)

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

RULES: tuple[Rule, ...] = (
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
)
"""The rules declared here, in catalogue order."""


def checks(today: dt.date) -> list[Check]:
    """Nationality, citizenship, country of birth and year of entry."""
    nationality = integer(S.NATIONALITY)
    entry = integer(S.YEAROFENTRY)
    return [
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
    ]
