"""Staff file: pay (SALARYINT, SALARY, HOURLYRATE)."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    DONT_KNOW,
    MONEY_PATTERN,
    filled,
    integer,
    is_integer,
    one_of,
    text,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    ANNUAL,
    HOURLY,
    ROLE,
    SALARY_RANGE,
    SENIOR_SALARY_MAX,
    error,
    warning,
)
from careforce.core.vocab import staff_codes
from careforce.core.vocab.ascwds_columns import StaffColumn as S

_live = pl.col(LIVE)
_role = pl.col(ROLE)

_PAY_INTERVAL_FORMAT = error(
    "SALARYINT-FORMAT",
    S.SALARYINT,
    "SALARYINT must be a whole number",
    "Use 1 (annual salary), 3 (hourly rate) or 999 (don't know).",
    1250,
)
_PAY_INTERVAL_INVALID = error(
    "SALARYINT-INVALID",
    S.SALARYINT,
    "The code you have entered for SALARYINT is incorrect",
    "Use 1 (annual salary), 3 (hourly rate) or 999 (don't know).",
    1250,
)
_SALARY_IGNORED = warning(
    "SALARY-IGNORED",
    f"{S.SALARYINT}/{S.SALARY}",
    "SALARY will be ignored as SALARYINT is 999",
    "Give SALARYINT 1 with an annual salary.",
    3260,
)
_SALARY_INTERVAL = error(
    "SALARY-SALARYINT",
    f"{S.SALARYINT}/{S.SALARY}",
    "SALARY is given but SALARYINT is not 1 (annual)",
    "Give SALARYINT 1 with an annual salary, or move an hourly rate to HOURLYRATE.",
    1251,
)
_SALARY_RANGE = error(
    "SALARY-RANGE",
    S.SALARY,
    f"SALARY must be between £{SALARY_RANGE[0]} and £{SALARY_RANGE[1]} "
    f"(£{SENIOR_SALARY_MAX} for senior management)",
    "Give the annual salary in whole pounds, e.g. 24500.",
    1260,
)
_RATE_IGNORED = warning(
    "HOURLYRATE-IGNORED",
    f"{S.SALARYINT}/{S.HOURLYRATE}",
    "HOURLYRATE will be ignored as SALARYINT is 999",
    "Give SALARYINT 3 with an hourly rate.",
    3270,
)
_RATE_INTERVAL = error(
    "HOURLYRATE-SALARYINT",
    f"{S.SALARYINT}/{S.HOURLYRATE}",
    "HOURLYRATE is given but SALARYINT is not 3 (hourly)",
    "Give SALARYINT 3 with an hourly rate, or move an annual salary to SALARY.",
    1252,
)
_RATE_FORMAT = error(
    "HOURLYRATE-FORMAT",
    S.HOURLYRATE,
    "The value you have entered for HOURLYRATE is incorrect",
    "Give the hourly rate in pounds with at most two decimals, e.g. 12.60.",
    1270,
)

RULES: tuple[Rule, ...] = (
    _PAY_INTERVAL_FORMAT,
    _PAY_INTERVAL_INVALID,
    _SALARY_IGNORED,
    _SALARY_INTERVAL,
    _SALARY_RANGE,
    _RATE_IGNORED,
    _RATE_INTERVAL,
    _RATE_FORMAT,
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """Pay interval, annual salary and hourly rate."""
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
    return [
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
    ]
