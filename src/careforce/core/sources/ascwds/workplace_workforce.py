"""Workplace file: staff numbers, job roles, starters, leavers, vacancies and reasons for leaving."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    DONT_KNOW,
    any_item_not_in,
    any_item_not_integer,
    blank,
    filled,
    integer,
    integer_items,
    item_count,
    text,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.workplace_common import (
    CQC_REGISTERED,
    LEAVERS_TOTAL,
    MAIN_SERVICE,
    MAX_COUNT,
    REGISTRATION,
    error,
    warning,
)
from careforce.core.vocab import staff_codes, workplace_codes
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W

_live = pl.col(LIVE)
_main = pl.col(MAIN_SERVICE)
_regtype = pl.col(REGISTRATION)

_TOTAL_INVALID = error(
    "TOTALPERMTEMP-INVALID",
    W.TOTALPERMTEMP,
    f"TOTALPERMTEMP must be a whole number from 0 to {MAX_COUNT}",
    "Give the total number of staff at the workplace.",
    1200,
)
_TOTAL_ZERO = error(
    "TOTALPERMTEMP-ZERO",
    f"{W.TOTALPERMTEMP}/{W.MAINSERVICE}",
    "TOTALPERMTEMP cannot be 0 except when MAINSERVICE is head office (72)",
    "Give the total number of staff at the workplace.",
    1200,
)
_ROLES_BLANK = error(
    "ALLJOBROLES-BLANK",
    W.ALLJOBROLES,
    "ALLJOBROLES cannot be blank as STARTERS, LEAVERS or VACANCIES are greater than zero",
    "List the job roles (semicolon-separated) that the starters, leavers and vacancies refer to.",
    1280,
)
_ROLES_FORMAT = error(
    "ALLJOBROLES-ITEM-FORMAT",
    W.ALLJOBROLES,
    "All job roles in ALLJOBROLES must be whole numbers",
    "Separate job role codes with semicolons, e.g. 4;8.",
    1280,
)
_ROLES_UNKNOWN = error(
    "ALLJOBROLES-INVALID",
    W.ALLJOBROLES,
    "ALLJOBROLES contains a code that is not a job role",
    "Use job role codes from the ASC-WDS job role list.",
    1280,
)
_RM_VACANCY = warning(
    "VACANCIES-REGISTERED-MANAGER",
    f"{W.ALLJOBROLES}/{W.VACANCIES}",
    "A vacancy for a registered manager will be ignored as the workplace is not CQC-regulated",
    "Record registered manager vacancies only for CQC-regulated workplaces.",
    2180,
)
_SLV_ASC = {W.STARTERS: 1310, W.LEAVERS: 1320, W.VACANCIES: 1300}
_SLV_COUNT = {
    column: error(
        f"{column}-COUNT",
        f"{W.ALLJOBROLES}/{column}",
        f"ALLJOBROLES and {column} do not have the same number of items",
        f"Give one {column} number per job role in ALLJOBROLES, or 999 alone for don't know.",
        asc,
    )
    for column, asc in _SLV_ASC.items()
}
_SLV_FORMAT = {
    column: error(
        f"{column}-ITEM-FORMAT",
        column,
        f"{column} values must be whole numbers from 0 to {MAX_COUNT}",
        f"Give {column} as semicolon-separated whole numbers, or 999 alone for don't know.",
        asc,
    )
    for column, asc in _SLV_ASC.items()
}
_REASONS_FORMAT = error(
    "REASONS-ITEM-FORMAT",
    W.REASONS,
    "The REASONS you have supplied have an incorrect code",
    "Give reasons for leaving as semicolon-separated whole-number codes.",
    1360,
)
_REASONNOS_COUNT = error(
    "REASONNOS-COUNT",
    f"{W.REASONS}/{W.REASONNOS}",
    "REASONS and REASONNOS do not have the same number of items",
    "Give one number of leavers per reason.",
    1360,
)
_REASONNOS_FORMAT = error(
    "REASONNOS-ITEM-FORMAT",
    W.REASONNOS,
    "REASONNOS values must be whole numbers, 0 or more",
    "Give the number of leavers for each reason.",
    1360,
)
_REASONNOS_TOTAL = error(
    "REASONNOS-TOTAL",
    f"{W.REASONNOS}/{W.LEAVERS}",
    "The total of REASONNOS does not equal the total number of LEAVERS",
    "Make the leavers counted by reason add up to the leavers in LEAVERS.",
    1360,
)

RULES: tuple[Rule, ...] = (
    _TOTAL_INVALID,
    _TOTAL_ZERO,
    _ROLES_BLANK,
    _ROLES_FORMAT,
    _ROLES_UNKNOWN,
    _RM_VACANCY,
    *_SLV_COUNT.values(),
    *_SLV_FORMAT.values(),
    _REASONS_FORMAT,
    _REASONNOS_COUNT,
    _REASONNOS_FORMAT,
    _REASONNOS_TOTAL,
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """Staff numbers, job roles, starters, leavers, vacancies and reasons for leaving."""
    total = integer(W.TOTALPERMTEMP)
    role_count = item_count(W.ALLJOBROLES)
    any_positive = pl.any_horizontal(
        integer_items(column)
        .list.eval((pl.element() > 0) & (pl.element() != int(DONT_KNOW)))
        .list.any()
        for column in _SLV_ASC
    )
    checks = [
        check(
            _TOTAL_INVALID,
            _live & (total.is_null() | (total > MAX_COUNT)),
        ),
        check(
            _TOTAL_ZERO,
            _live
            & (total == 0)
            & _main.is_not_null()
            & (_main != workplace_codes.HEAD_OFFICE_SERVICE),
        ),
        check(_ROLES_BLANK, _live & blank(W.ALLJOBROLES) & any_positive),
        check(_ROLES_FORMAT, _live & filled(W.ALLJOBROLES) & any_item_not_integer(W.ALLJOBROLES)),
        check(_ROLES_UNKNOWN, _live & any_item_not_in(W.ALLJOBROLES, staff_codes.JOB_ROLE.codes)),
    ]
    for column in _SLV_ASC:
        dont_know = text(column) == DONT_KNOW
        out_of_range = integer_items(column).list.eval(
            pl.element().is_null() | (pl.element() > MAX_COUNT)
        )
        checks += [
            check(
                _SLV_COUNT[column],
                _live
                & filled(column)
                & filled(W.ALLJOBROLES)
                & ~dont_know
                & (item_count(column) != role_count),
            ),
            check(_SLV_FORMAT[column], _live & filled(column) & out_of_range.list.any()),
        ]
    rm_vacancy = pl.struct(
        integer_items(W.ALLJOBROLES).alias("roles"), integer_items(W.VACANCIES).alias("n")
    ).map_elements(
        lambda row: any(
            role == staff_codes.REGISTERED_MANAGER and (n or 0) > 0 and n != int(DONT_KNOW)
            for role, n in zip(row["roles"] or [], row["n"] or [], strict=False)
        ),
        return_dtype=pl.Boolean,
    )
    checks.append(
        check(
            _RM_VACANCY,
            _live
            & filled(W.ALLJOBROLES)
            & _regtype.is_not_null()
            & (_regtype != CQC_REGISTERED)
            & rm_vacancy,
        )
    )
    reasons_apply = _live & (pl.col(LEAVERS_TOTAL) > 0) & filled(W.REASONS)
    checks += [
        check(_REASONS_FORMAT, reasons_apply & any_item_not_integer(W.REASONS)),
        check(
            _REASONNOS_COUNT,
            reasons_apply & (item_count(W.REASONNOS) != item_count(W.REASONS)),
        ),
        check(
            _REASONNOS_FORMAT,
            reasons_apply & filled(W.REASONNOS) & any_item_not_integer(W.REASONNOS),
        ),
        check(
            _REASONNOS_TOTAL,
            reasons_apply
            & ~any_item_not_integer(W.REASONNOS)
            & (integer_items(W.REASONNOS).list.sum() != pl.col(LEAVERS_TOTAL)),
        ),
    ]
    return checks
