"""What the workplace file's field rules share: derived columns, limits, and declaring a rule."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.catalogue import rule
from careforce.core.sources.ascwds.expressions import (
    DONT_KNOW,
    integer,
    integer_items,
    key,
)
from careforce.core.sources.ascwds.findings import FileKind, Rule, Severity
from careforce.core.vocab import workplace_codes
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W

FILE = FileKind.WORKPLACE
"""The file these rules are reported against."""
"""The file these rules are reported against."""

MAIN_SERVICE = "_main_service"
"""Derived: MAINSERVICE as an integer."""
REGISTRATION = "_regtype"
"""Derived: REGTYPE as an integer."""
PAY_GROUP = "_pay_group"
"""Derived: pay-and-pensions group of the main service (1 sleep-ins and travel time, 2 sleep-ins only, 3 neither)."""
SERVICE_COUNT = "_service_count"
"""Derived: number of services in ALLSERVICES, not counting the 0 that means 'no other services'."""
WORKPLACE_KEY = "_workplace_key"
"""Derived: LOCALESTID with whitespace removed."""
LEAVERS_TOTAL = "_leavers_total"
"""Derived: sum of the known LEAVERS items (999 = don't know is left out)."""
STARTERS_TOTAL = "_starters_total"
"""Derived: sum of the known STARTERS items."""
VACANCIES_TOTAL = "_vacancies_total"
"""Derived: sum of the known VACANCIES items."""

ID_LENGTH = 50
"""Longest LOCALESTID ASC-WDS accepts."""
NAME_LENGTH = 120
"""Longest ESTNAME, SERVICEDESC, OTHERUSERDESC and CWPUSEDESC item ASC-WDS accepts."""
ADDRESS_LENGTH = 40
"""Longest address line or town ASC-WDS accepts."""
POSTCODE_LENGTH = 10
"""Longest POSTCODE ASC-WDS accepts."""
OTHER_TYPE_LENGTH = 240
"""Longest OTHERTYPE ASC-WDS accepts."""
CQC_ID_PATTERN = r"^[0-9]-[0-9]{8,12}$"
"""CQC provider and location identifiers: one digit, a hyphen and 8 to 12 digits."""
UK_POSTCODE_PATTERN = r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$"
"""A UK postcode once spaces and punctuation are removed and letters upper-cased."""
MAX_COUNT = 999
"""Largest staff, starters, leavers or vacancies count ASC-WDS accepts."""
MAX_CAPACITY = 9999
"""Capacities and utilisations must be below this number."""
OTHER_EMPLOYER_TYPE = 8
"""ESTTYPE code 'Other', which needs OTHERTYPE."""
CQC_REGISTERED = 2
"""REGTYPE code for a CQC-regulated workplace."""
NOT_REGISTERED = 0
"""REGTYPE code for a workplace not regulated by CQC."""
PENSION_CONTRIBUTION_RANGE = (3.0, 100.0)
"""ACTUALCONT must be above 3 and no more than 100 (per cent)."""
TRAVEL_RATE_RANGE = (2.5, 200.0)
"""TTDIFFRATE must be between £2.50 and £200 an hour."""
DIFFERENT_TRAVEL_RATE = 3
"""TRAVELTIME code 'A different travel time rate', which needs TTDIFFRATE."""
CWP_OTHER_REASON = 10
"""CWPUSE reason 'For something else', which CWPUSEDESC describes."""
SICK_PAY_ANSWERS = ("0", "1", "UNKNOWN")
"""SICKPAY and PENSION answers: 0 No, 1 Yes, unknown Don't know."""


def error(slug: str, column: str, message: str, guidance: str, asc: int | None = None) -> Rule:
    """Declare an error of the workplace file."""
    return rule(FILE, Severity.ERROR, slug, column, message, guidance=guidance, asc=asc)


def warning(slug: str, column: str, message: str, guidance: str, asc: int | None = None) -> Rule:
    """Declare a warning of the workplace file."""
    return rule(FILE, Severity.WARNING, slug, column, message, guidance=guidance, asc=asc)


def add_workplace_columns(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Add the derived columns the workplace rules read."""
    pay_groups = workplace_codes.SERVICE_PAY_GROUP
    return frame.with_columns(
        integer(W.MAINSERVICE).alias(MAIN_SERVICE),
        integer(W.REGTYPE).alias(REGISTRATION),
        integer(W.MAINSERVICE)
        .replace_strict(list(pay_groups), list(pay_groups.values()), default=None)
        .alias(PAY_GROUP),
        integer_items(W.ALLSERVICES)
        .list.eval((pl.element() != 0).fill_null(True))
        .list.sum()
        .alias(SERVICE_COUNT),
        key(W.LOCALESTID).alias(WORKPLACE_KEY),
        *(
            _known_total(column).alias(name)
            for column, name in (
                (W.STARTERS, STARTERS_TOTAL),
                (W.LEAVERS, LEAVERS_TOTAL),
                (W.VACANCIES, VACANCIES_TOTAL),
            )
        ),
    )


def _known_total(column: str) -> pl.Expr:
    known = integer_items(column).list.eval(pl.element().filter(pl.element() != int(DONT_KNOW)))
    return known.list.sum()
