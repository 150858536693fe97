"""Staff file: qualifications (SCQUAL, NONSCQUAL, CWPCATEGORY, QUALACHnn)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    YEAR_PATTERN,
    blank,
    filled,
    filled_not_one_of,
    items,
    text,
    too_long,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    DESCRIPTION_LENGTH,
    QUALIFICATION_YEARS_BACK,
    ROLE,
    error,
    warning,
)
from careforce.core.vocab import staff_codes
from careforce.core.vocab.ascwds_columns import StaffColumn as S
from careforce.core.vocab.ascwds_columns import qualification_column, qualification_notes_column

_role = pl.col(ROLE)

_live = pl.col(LIVE)

_SCQUAL_BLANK = warning(
    "SCQUAL-BLANK",
    S.SCQUAL,
    "SCQUAL is blank",
    "Say whether the worker has a social care qualification: 1;level, 2 or 999.",
    3360,
)
_QUAL_INDICATOR = {
    column: error(
        f"{column}-INVALID",
        column,
        f"The code you have entered for {column} is incorrect",
        "Use 1;level (e.g. 1;3), 2 (no) or 999 (don't know).",
        asc,
    )
    for column, asc in ((S.SCQUAL, 1360), (S.NONSCQUAL, 1370))
}
_SCQUAL_NO_LEVEL = error(
    "SCQUAL-NO-LEVEL",
    S.SCQUAL,
    "SCQUAL is 1 (yes) but no qualification level is given",
    "Give the highest level after a semicolon, e.g. 1;3, or 1;999 if you do not know it.",
    1360,
)
_SCQUAL_REGULATED = warning(
    "SCQUAL-REGULATED-PROFESSION",
    f"{S.MAINJOBROLE}/{S.SCQUAL}",
    "The worker's MAINJOBROLE is a regulated profession, which requires a social care "
    "qualification level",
    "Give the level of the worker's social care qualification.",
    3360,
)
_QUAL_LEVEL = {
    column: warning(
        f"{column}-LEVEL-INVALID",
        column,
        f"The level you have entered for {column} is not valid and will be ignored",
        "Use a level from 0 (entry) to 8, or 999 (don't know).",
        asc,
    )
    for column, asc in ((S.SCQUAL, 1360), (S.NONSCQUAL, 1370))
}
_CWP_INVALID = warning(
    "CWPCATEGORY-INVALID",
    S.CWPCATEGORY,
    "The code you have entered for CWPCATEGORY is incorrect and will be ignored",
    "Use a care workforce pathway category 1 to 7, 998 or 999.",
    5650,
)
_QUAL_CODE_FORMAT = error(
    "QUALACH-CODE-FORMAT",
    "QUALACHnn",
    "The qualification code is not a whole number",
    "Give the qualification as code;year, e.g. 110;2019.",
    5010,
)
_QUAL_CODE_UNKNOWN = error(
    "QUALACH-CODE-INVALID",
    "QUALACHnn",
    "The qualification code is not in the ASC-WDS qualification list",
    "Use a qualification code from the ASC-WDS list.",
    5010,
)
_QUAL_YEAR_BLANK = warning(
    "QUALACH-YEAR-BLANK",
    "QUALACHnn",
    "The year achieved for the qualification is blank",
    "Give the year achieved after a semicolon, e.g. 110;2019.",
    5015,
)
_QUAL_YEAR_INVALID = error(
    "QUALACH-YEAR-INVALID",
    "QUALACHnn",
    f"The year achieved for the qualification is not a year in the last {QUALIFICATION_YEARS_BACK} years",
    "Give the year achieved as four digits, e.g. 110;2019.",
    5015,
)
_QUAL_NOTES_LONG = warning(
    "QUALACHNOTES-TOO-LONG",
    "QUALACHnnNOTES",
    f"The qualification notes are over {DESCRIPTION_LENGTH} characters and will be ignored",
    f"Shorten the notes to {DESCRIPTION_LENGTH} characters or fewer.",
    5020,
)

RULES: tuple[Rule, ...] = (
    _SCQUAL_BLANK,
    *_QUAL_INDICATOR.values(),
    _SCQUAL_NO_LEVEL,
    _SCQUAL_REGULATED,
    *_QUAL_LEVEL.values(),
    _CWP_INVALID,
    _QUAL_CODE_FORMAT,
    _QUAL_CODE_UNKNOWN,
    _QUAL_YEAR_BLANK,
    _QUAL_YEAR_INVALID,
    _QUAL_NOTES_LONG,
)
"""The rules declared here, in catalogue order."""


def _social_care_checks() -> list[Check]:
    sc = items(S.SCQUAL)
    level_codes = [str(c) for c in sorted(staff_codes.QUALIFICATION_LEVEL.codes)]
    checks = [
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


def _achieved_checks(numbers: list[int], today: dt.date) -> list[Check]:
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


def checks(qualification_numbers: list[int], today: dt.date) -> list[Check]:
    """Social care and other qualifications, then every QUALACHnn column and its notes."""
    return [*_social_care_checks(), *_achieved_checks(qualification_numbers, today)]
