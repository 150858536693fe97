"""Workplace file: the workplace's address."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    blank,
    filled,
    text,
    too_long,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.workplace_common import (
    ADDRESS_LENGTH,
    POSTCODE_LENGTH,
    UK_POSTCODE_PATTERN,
    error,
)
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W

_live = pl.col(LIVE)

_ADDRESS1_BLANK = error(
    "ADDRESS1-BLANK",
    W.ADDRESS1,
    "ADDRESS1 is blank",
    "Give the first line of the workplace address.",
    1040,
)
_ADDRESS_LONG = {
    column: error(
        f"{column}-TOO-LONG",
        column,
        f"{column} is longer than {ADDRESS_LENGTH} characters",
        f"Shorten {column} to {ADDRESS_LENGTH} characters or fewer.",
        asc,
    )
    for column, asc in (
        (W.ADDRESS1, 1040),
        (W.ADDRESS2, 1045),
        (W.ADDRESS3, 1050),
        (W.POSTTOWN, 1055),
    )
}
_POSTCODE_BLANK = error(
    "POSTCODE-BLANK",
    W.POSTCODE,
    "POSTCODE has not been supplied",
    "Give the workplace postcode, e.g. ST16 2LX.",
    1060,
)
_POSTCODE_LONG = error(
    "POSTCODE-TOO-LONG",
    W.POSTCODE,
    f"POSTCODE is longer than {POSTCODE_LENGTH} characters",
    "Give just the postcode, e.g. ST16 2LX.",
    1060,
)
_POSTCODE_FORMAT = error(
    "POSTCODE-FORMAT",
    W.POSTCODE,
    "POSTCODE is not a valid UK postcode",
    "Check the postcode, e.g. ST16 2LX.",
    1060,
)

RULES: tuple[Rule, ...] = (
    _ADDRESS1_BLANK,
    *_ADDRESS_LONG.values(),
    _POSTCODE_BLANK,
    _POSTCODE_LONG,
    _POSTCODE_FORMAT,
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """The address lines and the postcode."""
    sanitised = text(W.POSTCODE).str.replace_all(r"[^A-Za-z0-9]", "").str.to_uppercase()
    return [
        check(_ADDRESS1_BLANK, _live & blank(W.ADDRESS1)),
        *(
            check(found, _live & too_long(column, ADDRESS_LENGTH))
            for column, found in _ADDRESS_LONG.items()
        ),
        check(_POSTCODE_BLANK, _live & blank(W.POSTCODE)),
        check(_POSTCODE_LONG, _live & too_long(W.POSTCODE, POSTCODE_LENGTH)),
        check(
            _POSTCODE_FORMAT,
            _live
            & filled(W.POSTCODE)
            & ~too_long(W.POSTCODE, POSTCODE_LENGTH)
            & ~sanitised.str.contains(UK_POSTCODE_PATTERN),
        ),
    ]
