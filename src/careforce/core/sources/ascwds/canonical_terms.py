"""Canonical workplace columns for the 2024–26 policy questions: the Care Workforce Pathway,
delegated healthcare activities, pension contributions, sleep-ins and travel time.

Each value is kept only where validation would keep it (the rules in ``workplace_terms.py``
and ``workplace_dha.py`` say when a value "will be ignored"); anything else is left empty.
"""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.cross_file import DESTINATION_KEY
from careforce.core.sources.ascwds.expressions import DONT_KNOW, decimal, integer, items, text
from careforce.core.sources.ascwds.workplace_common import (
    DIFFERENT_TRAVEL_RATE,
    MAIN_SERVICE,
    PAY_GROUP,
    PENSION_CONTRIBUTION_RANGE,
    TRAVEL_RATE_RANGE,
)
from careforce.core.vocab import code_table, workplace_codes
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.enums import labelled

ANSWER_ENUM = pl.Enum(["Yes", "No", "Don't know"])
"""Yes / no / don't know answers (as in the other canonical answer columns)."""

SLEEP_IN_PAY_GROUPS = (1, 2)
"""Pay-and-pensions groups of main services asked about sleep-ins (ASC-WDS table T2)."""
TRAVEL_PAY_GROUP = 1
"""Pay-and-pensions group of main services asked about travel time (ASC-WDS table T2)."""


def _answer(value: pl.Expr) -> pl.Expr:
    return labelled(value, code_table.YES_NO_DONT_KNOW).cast(pl.String).cast(ANSWER_ENUM)


def _codes(column: str, codes: frozenset[int]) -> pl.Expr:
    """The valid codes of a ``;`` list as sorted, distinct small integers (invalid ones left out)."""
    return (
        items(column)
        .list.eval(pl.element().str.to_integer(strict=False))
        .list.eval(pl.element().filter(pl.element().is_in(sorted(codes))))
        .list.unique()
        .list.sort()
        .cast(pl.List(pl.Int16))
    )


def policy_terms_columns() -> list[pl.Expr]:
    """Expressions for the workplace's policy columns, in the order of the establishments columns."""
    cwp = items(W.CWPUSE)
    cwp_use = cwp.list.first().str.to_integer(strict=False)
    dha_yes = integer(W.DHA) == 1
    dha_service = pl.col(MAIN_SERVICE).is_in(sorted(workplace_codes.DHA_SERVICES))
    pension_yes = text(W.PENSION) == "1"
    contribution = decimal(W.ACTUALCONT)
    low, high = PENSION_CONTRIBUTION_RANGE
    sleep_service = pl.col(PAY_GROUP).is_in(list(SLEEP_IN_PAY_GROUPS)).fill_null(False)
    travel_service = (pl.col(PAY_GROUP) == TRAVEL_PAY_GROUP).fill_null(False)
    sleep_ins = integer(W.SLEEPINS)
    travel = integer(W.TRAVELTIME)
    rate = decimal(W.TTDIFFRATE)
    rate_low, rate_high = TRAVEL_RATE_RANGE
    return [
        labelled(integer(W.CWPAWARE), workplace_codes.CWP_AWARENESS).alias(E.CWP_AWARENESS),
        _answer(cwp_use).alias(E.CWP_USE),
        pl.when(cwp_use == 1)
        .then(
            cwp.list.slice(1)
            .list.eval(pl.element().str.to_integer(strict=False))
            .list.eval(
                pl.element().filter(
                    pl.element().is_in(sorted(workplace_codes.CWP_USE_REASON.codes))
                )
            )
            .list.unique()
            .list.sort()
            .cast(pl.List(pl.Int16))
        )
        .alias(E.CWP_USE_REASONS),
        pl.when(dha_yes & dha_service & (text(W.DHAACTIVITIES) != DONT_KNOW))
        .then(_codes(W.DHAACTIVITIES, workplace_codes.DHA_ACTIVITY.codes))
        .alias(E.DHA_ACTIVITIES),
        pl.when(pension_yes & (contribution > low) & (contribution <= high))
        .then(contribution.round(2))
        .alias(E.PENSION_CONTRIBUTION),
        pl.when(sleep_service).then(_answer(sleep_ins)).alias(E.SLEEP_INS),
        pl.when(sleep_service & (sleep_ins == 1))
        .then(labelled(integer(W.SLEEPINPAY), workplace_codes.SLEEP_IN_PAY))
        .alias(E.SLEEP_IN_PAY),
        pl.when(travel_service)
        .then(labelled(travel, workplace_codes.TRAVEL_TIME))
        .alias(E.TRAVEL_TIME_PAY),
        pl.when(
            travel_service
            & (travel == DIFFERENT_TRAVEL_RATE)
            & (rate >= rate_low)
            & (rate <= rate_high)
        )
        .then(rate.round(2))
        .alias(E.TRAVEL_TIME_RATE),
    ]


_WORKPLACE_DHA = "_workplace_dha"
_WORKPLACE_MAIN = "_workplace_main_service"
WORKPLACE_ALLOWS_DHA = (
    pl.col(_WORKPLACE_MAIN).is_in(sorted(workplace_codes.DHA_SERVICES))
    & (pl.col(_WORKPLACE_DHA).cast(pl.String) != "No").fill_null(True)
).fill_null(False)
"""A staff record's DHA is kept only when its workplace's main service may carry out delegated
healthcare activities and the workplace did not answer no (cross_file.py ignores it otherwise)."""


def workplace_dha(establishments: pl.DataFrame) -> pl.DataFrame:
    """Each canonical workplace's DHA answer and main service, keyed as staff rows are."""
    return establishments.select(
        pl.col(E.ESTABLISHMENT_ID).alias(DESTINATION_KEY),
        pl.col(E.DHA).alias(_WORKPLACE_DHA),
        pl.col(E.MAIN_SERVICE_CODE).alias(_WORKPLACE_MAIN),
    )
