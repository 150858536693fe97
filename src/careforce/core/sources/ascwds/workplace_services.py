"""Workplace file: services (main and all services, capacity and utilisation, service users)."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    any_item_not_in,
    any_item_not_integer,
    filled,
    integer_items,
    item_count,
    items,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.workplace_common import (
    MAIN_SERVICE,
    MAX_CAPACITY,
    NAME_LENGTH,
    SERVICE_COUNT,
    error,
    warning,
)
from careforce.core.vocab import workplace_codes
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W

_live = pl.col(LIVE)
_main = pl.col(MAIN_SERVICE)

_MAIN_BLANK = error(
    "MAINSERVICE-BLANK",
    W.MAINSERVICE,
    "MAINSERVICE has not been supplied",
    "Give the code of the workplace's main service.",
    1000,
)
_MAIN_INVALID = error(
    "MAINSERVICE-INVALID",
    W.MAINSERVICE,
    "The code you have entered for MAINSERVICE is incorrect",
    "Use a service code from the ASC-WDS service list.",
    1000,
)
_ALL_MISSING_MAIN = error(
    "ALLSERVICES-MISSING-MAIN",
    f"{W.MAINSERVICE}/{W.ALLSERVICES}",
    "MAINSERVICE is not included in ALLSERVICES",
    "List the main service in ALLSERVICES as well as any other services.",
    1120,
)
_ALL_ZERO_WITH_OTHERS = error(
    "ALLSERVICES-ZERO-WITH-OTHERS",
    W.ALLSERVICES,
    "ALLSERVICES is 0 (none) but contains services other than the MAINSERVICE",
    "Use 0 only with the main service alone, e.g. 72;0.",
    1121,
)
_ALL_NOT_INTEGER = error(
    "ALLSERVICES-ITEM-FORMAT",
    W.ALLSERVICES,
    "There is an empty or non-numeric element in ALLSERVICES",
    "Separate service codes with semicolons, e.g. 8;13.",
    1120,
)
_ALL_UNKNOWN = error(
    "ALLSERVICES-INVALID",
    W.ALLSERVICES,
    "ALLSERVICES contains a code that is not a service",
    "Use service codes from the ASC-WDS service list.",
    1120,
)
_CAPACITY_FORMAT = {
    column: error(
        f"{column}-FORMAT",
        column,
        f"All items of {column} must be whole numbers less than {MAX_CAPACITY}",
        f"Give {column} as semicolon-separated whole numbers, one per service (blank if none).",
        1140,
    )
    for column in (W.CAPACITY, W.UTILISATION)
}
_CAPACITY_UTILISATION_COUNT = error(
    "CAPACITY-UTILISATION-COUNT",
    f"{W.CAPACITY}/{W.UTILISATION}",
    "CAPACITY and UTILISATION do not have the same number of items",
    "Give one capacity and one utilisation item per service, separated by semicolons.",
    1140,
)
_SERVICE_ITEMS_COUNT = {
    column: error(
        f"{column}-SERVICE-COUNT",
        f"{W.ALLSERVICES}/{column}",
        f"ALLSERVICES and {column} do not have the same number of items",
        f"Give one {column} item per service in ALLSERVICES (items may be blank: ';').",
        1120 if column == W.SERVICEDESC else 1140,
    )
    for column in (W.CAPACITY, W.UTILISATION, W.SERVICEDESC)
}
_SERVICEDESC_LONG = error(
    "SERVICEDESC-TOO-LONG",
    W.SERVICEDESC,
    f"An item of SERVICEDESC is longer than {NAME_LENGTH} characters",
    f"Shorten each service description to {NAME_LENGTH} characters or fewer.",
    1120,
)
_USERS_FORMAT = warning(
    "SERVICEUSERS-ITEM-FORMAT",
    W.SERVICEUSERS,
    "An entry in SERVICEUSERS is not a number and will be ignored",
    "Separate service user codes with semicolons, e.g. 1;2.",
    2130,
)
_USERS_UNKNOWN = warning(
    "SERVICEUSERS-INVALID",
    W.SERVICEUSERS,
    "An entry in SERVICEUSERS is not a service user code and will be ignored",
    "Use service user codes from the ASC-WDS list.",
    1130,
)
_USERS_DESC_COUNT = error(
    "OTHERUSERDESC-COUNT",
    f"{W.SERVICEUSERS}/{W.OTHERUSERDESC}",
    "SERVICEUSERS and OTHERUSERDESC do not have the same number of items",
    "Give one OTHERUSERDESC item per service user group (items may be blank: ';').",
    1130,
)
_USERS_DESC_MISSING = warning(
    "OTHERUSERDESC-MISSING",
    f"{W.SERVICEUSERS}/{W.OTHERUSERDESC}",
    "OTHERUSERDESC has not been supplied for an 'other' service user group",
    "Describe each 'other' service user group in OTHERUSERDESC.",
    2130,
)
_USERS_DESC_LONG = error(
    "OTHERUSERDESC-TOO-LONG",
    W.OTHERUSERDESC,
    f"An item of OTHERUSERDESC is longer than {NAME_LENGTH} characters",
    f"Shorten each description to {NAME_LENGTH} characters or fewer.",
    1130,
)

RULES: tuple[Rule, ...] = (
    _MAIN_BLANK,
    _MAIN_INVALID,
    _ALL_MISSING_MAIN,
    _ALL_ZERO_WITH_OTHERS,
    _ALL_NOT_INTEGER,
    _ALL_UNKNOWN,
    *_CAPACITY_FORMAT.values(),
    _CAPACITY_UTILISATION_COUNT,
    *_SERVICE_ITEMS_COUNT.values(),
    _SERVICEDESC_LONG,
    _USERS_FORMAT,
    _USERS_UNKNOWN,
    _USERS_DESC_COUNT,
    _USERS_DESC_MISSING,
    _USERS_DESC_LONG,
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """Main and other services, capacity, utilisation and service users."""
    service_codes = workplace_codes.SERVICE.codes
    service_items = integer_items(W.ALLSERVICES)
    service_count = pl.col(SERVICE_COUNT)
    checks = [
        check(_MAIN_BLANK, _live & ~pl.col(W.MAINSERVICE).str.contains(r"^[0-9]+$")),
        check(_MAIN_INVALID, _live & _main.is_not_null() & ~_main.is_in(sorted(service_codes))),
        check(
            _ALL_MISSING_MAIN,
            _live & _main.is_not_null() & ~service_items.list.contains(_main),
        ),
        check(
            _ALL_ZERO_WITH_OTHERS,
            _live & service_items.list.contains(0) & (service_count > 1),
        ),
        check(
            _ALL_NOT_INTEGER, _live & filled(W.ALLSERVICES) & any_item_not_integer(W.ALLSERVICES)
        ),
        check(_ALL_UNKNOWN, _live & any_item_not_in(W.ALLSERVICES, {0, *service_codes})),
    ]
    for column in (W.CAPACITY, W.UTILISATION):
        bad_item = items(column).list.eval(
            (pl.element() != "")
            & ~(
                pl.element().str.contains(r"^[0-9]{1,4}$")
                & (pl.element().str.to_integer(strict=False) < MAX_CAPACITY)
            )
        )
        checks.append(check(_CAPACITY_FORMAT[column], _live & bad_item.list.any()))
    checks.append(
        check(
            _CAPACITY_UTILISATION_COUNT,
            _live
            & filled(W.CAPACITY)
            & filled(W.UTILISATION)
            & (item_count(W.CAPACITY) != item_count(W.UTILISATION)),
        )
    )
    for column, found in _SERVICE_ITEMS_COUNT.items():
        checks.append(
            check(
                found,
                _live
                & filled(column)
                & filled(W.ALLSERVICES)
                & (item_count(column) != service_count),
            )
        )
    checks.append(
        check(
            _SERVICEDESC_LONG,
            _live
            & items(W.SERVICEDESC).list.eval(pl.element().str.len_chars() > NAME_LENGTH).list.any(),
        )
    )
    user_items = integer_items(W.SERVICEUSERS)
    other_users = sorted(workplace_codes.OTHER_SERVICE_USERS)
    descriptions = items(W.OTHERUSERDESC)
    is_other = user_items.list.eval(pl.element().is_in(other_users))
    missing_description = (
        pl.when(
            filled(W.OTHERUSERDESC) & (item_count(W.OTHERUSERDESC) == item_count(W.SERVICEUSERS))
        )
        .then(
            pl.struct(is_other.alias("other"), descriptions.alias("desc")).map_elements(
                lambda row: any(
                    o and d == "" for o, d in zip(row["other"], row["desc"], strict=False)
                ),
                return_dtype=pl.Boolean,
            )
        )
        .otherwise(is_other.list.any())
    )
    checks += [
        check(_USERS_FORMAT, _live & filled(W.SERVICEUSERS) & any_item_not_integer(W.SERVICEUSERS)),
        check(
            _USERS_UNKNOWN,
            _live & any_item_not_in(W.SERVICEUSERS, workplace_codes.SERVICE_USER.codes),
        ),
        check(
            _USERS_DESC_COUNT,
            _live
            & filled(W.OTHERUSERDESC)
            & (item_count(W.OTHERUSERDESC) != item_count(W.SERVICEUSERS)),
        ),
        check(_USERS_DESC_MISSING, _live & filled(W.SERVICEUSERS) & missing_description),
        check(
            _USERS_DESC_LONG,
            _live & descriptions.list.eval(pl.element().str.len_chars() > NAME_LENGTH).list.any(),
        ),
    ]
    return checks
