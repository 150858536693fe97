"""Workplace file: the workplace's reference and name, and STATUS."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import EMPTY_ROW, status_checks
from careforce.core.sources.ascwds.expressions import (
    blank,
    filled,
    too_long,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.workplace_common import (
    FILE,
    ID_LENGTH,
    NAME_LENGTH,
    WORKPLACE_KEY,
    error,
)
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W

_row = ~pl.col(EMPTY_ROW)

_ID_BLANK = error(
    "LOCALESTID-BLANK",
    W.LOCALESTID,
    "LOCALESTID has not been supplied",
    "Give every workplace your own unique reference in LOCALESTID.",
    1010,
)
_ID_LONG = error(
    "LOCALESTID-TOO-LONG",
    W.LOCALESTID,
    f"LOCALESTID is longer than {ID_LENGTH} characters",
    f"Shorten the workplace reference to {ID_LENGTH} characters or fewer.",
    1010,
)
_ID_DUPLICATE = error(
    "LOCALESTID-DUPLICATE",
    W.LOCALESTID,
    "LOCALESTID is not unique: an earlier row has the same workplace reference",
    "Each workplace must appear once. Remove the repeated row or give it its own reference.",
    998,
)
_NAME_BLANK = error(
    "ESTNAME-BLANK",
    W.ESTNAME,
    "ESTNAME has not been supplied",
    "Give the workplace name.",
    1030,
)
_NAME_LONG = error(
    "ESTNAME-TOO-LONG",
    W.ESTNAME,
    f"ESTNAME is longer than {NAME_LENGTH} characters",
    f"Shorten the workplace name to {NAME_LENGTH} characters or fewer.",
    1030,
)

RULES: tuple[Rule, ...] = (
    _ID_BLANK,
    _ID_LONG,
    _ID_DUPLICATE,
    _NAME_BLANK,
    _NAME_LONG,
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """The workplace's reference (given once in the file), STATUS and name."""
    workplace_key = pl.col(WORKPLACE_KEY)
    return [
        check(_ID_BLANK, _row & blank(W.LOCALESTID)),
        check(_ID_LONG, _row & too_long(W.LOCALESTID, ID_LENGTH)),
        check(
            _ID_DUPLICATE,
            _row & filled(W.LOCALESTID) & ~workplace_key.is_first_distinct(),
        ),
        *status_checks(FILE),
        check(_NAME_BLANK, _row & blank(W.ESTNAME)),
        check(_NAME_LONG, _row & too_long(W.ESTNAME, NAME_LENGTH)),
    ]
