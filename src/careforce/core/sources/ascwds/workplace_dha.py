"""Workplace file: delegated healthcare activities."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    DONT_KNOW,
    equals,
    filled,
    filled_not_one_of,
    items,
    one_of,
    text,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.workplace_common import (
    MAIN_SERVICE,
    warning,
)
from careforce.core.vocab import code_table, workplace_codes
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W

_live = pl.col(LIVE)
_main = pl.col(MAIN_SERVICE)

_DHA_INVALID = warning(
    "DHA-INVALID",
    W.DHA,
    "The code you have entered for DHA is incorrect and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    2510,
)
_DHA_SERVICE = warning(
    "DHA-SERVICE",
    f"{W.DHA}/{W.MAINSERVICE}",
    "DHA will be ignored as the main service cannot do delegated healthcare activities",
    "Leave DHA blank for this main service.",
    2520,
)
_DHA_ACTIVITIES_IGNORED = warning(
    "DHAACTIVITIES-NOT-REQUIRED",
    f"{W.DHA}/{W.DHAACTIVITIES}",
    "DHAACTIVITIES will be ignored as DHA is not 1 (yes)",
    "Give DHAACTIVITIES only when DHA is 1.",
    2530,
)
_DHA_ACTIVITIES_INVALID = warning(
    "DHAACTIVITIES-INVALID",
    W.DHAACTIVITIES,
    "Some codes in DHAACTIVITIES are not valid and will be ignored",
    "Use activity codes 1 to 8, or 999 alone for don't know.",
    2530,
)

RULES: tuple[Rule, ...] = (
    _DHA_INVALID,
    _DHA_SERVICE,
    _DHA_ACTIVITIES_IGNORED,
    _DHA_ACTIVITIES_INVALID,
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """Whether the workplace carries out delegated healthcare activities, and which."""
    activities = items(W.DHAACTIVITIES)
    valid_activity = activities.list.eval(
        pl.element().str.contains(r"^[0-9]+$")
        & pl.element()
        .str.to_integer(strict=False)
        .is_in(sorted(workplace_codes.DHA_ACTIVITY.codes))
    )
    only_dont_know = text(W.DHAACTIVITIES) == DONT_KNOW
    return [
        check(_DHA_INVALID, _live & filled_not_one_of(W.DHA, code_table.YES_NO_DONT_KNOW.codes)),
        check(
            _DHA_SERVICE,
            _live
            & one_of(W.DHA, code_table.YES_NO_DONT_KNOW.codes)
            & _main.is_in(sorted(workplace_codes.SERVICE.codes))
            & ~_main.is_in(sorted(workplace_codes.DHA_SERVICES)),
        ),
        check(
            _DHA_ACTIVITIES_IGNORED,
            _live & filled(W.DHAACTIVITIES) & ~only_dont_know & ~equals(W.DHA, 1),
        ),
        check(
            _DHA_ACTIVITIES_INVALID,
            _live
            & equals(W.DHA, 1)
            & filled(W.DHAACTIVITIES)
            & ~only_dont_know
            & ~valid_activity.list.all(),
        ),
    ]
