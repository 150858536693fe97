"""Staff file: disability, care certificates (CARECERT, L2CARECERT) and recruitment source."""

from __future__ import annotations

import datetime as dt

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    YEAR_PATTERN,
    filled,
    filled_not_one_of,
    items,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    L2_CERTIFICATE_FIRST_YEAR,
    error,
    warning,
)
from careforce.core.vocab import staff_codes
from careforce.core.vocab.ascwds_columns import StaffColumn as S

_live = pl.col(LIVE)

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

RULES: tuple[Rule, ...] = (
    _DISABLED_INVALID,
    _CARECERT_INVALID,
    _L2_INVALID,
    _L2_STARTED_YEAR,
    _L2_NO_YEAR,
    _L2_YEAR_FORMAT,
    _L2_YEAR_EARLY,
    _L2_YEAR_FUTURE,
    _RECSOURCE_INVALID,
)
"""The rules declared here, in catalogue order."""


def checks(today: dt.date) -> list[Check]:
    """Disability, Care Certificate, Level 2 Adult Social Care Certificate, recruitment source."""
    l2 = items(S.L2CARECERT)
    l2_option = l2.list.first()
    l2_year = l2.list.get(1, null_on_oob=True)
    l2_has_year = l2.list.len() == 2
    l2_year_number = l2_year.str.to_integer(strict=False)
    l2_year_valid = l2_year.str.contains(YEAR_PATTERN).fill_null(False)
    return [
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
    ]
