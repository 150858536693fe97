"""Workplace file: terms of employment (repeat training, care workforce pathway, sick pay,
pension, holiday, sleep-ins, travel time)."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    decimal,
    equals,
    filled,
    filled_not_one_of,
    items,
    text,
    too_long,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.workplace_common import (
    CWP_OTHER_REASON,
    DIFFERENT_TRAVEL_RATE,
    NAME_LENGTH,
    PAY_GROUP,
    PENSION_CONTRIBUTION_RANGE,
    SICK_PAY_ANSWERS,
    TRAVEL_RATE_RANGE,
    warning,
)
from careforce.core.vocab import code_table, workplace_codes
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W

_live = pl.col(LIVE)


def _invalid_code(column: str, asc: int, allowed: str) -> Rule:
    return warning(
        f"{column}-INVALID",
        column,
        f"The code you have entered for {column} is incorrect and will be ignored",
        f"Use {allowed}, or leave blank.",
        asc,
    )


_REPEAT_INVALID = _invalid_code(W.REPEATTRAINING, 2420, "1, 2, 3 or 4")
_CWPAWARE_INVALID = _invalid_code(W.CWPAWARE, 2480, "1, 2, 3, 4 or 999")
_CWPUSE_INVALID = _invalid_code(W.CWPUSE, 2490, "1, 2 or 999, with reasons after 1 (e.g. 1;4;9)")
_CWPUSE_REASON_INVALID = warning(
    "CWPUSE-REASON-INVALID",
    W.CWPUSE,
    "A reason you have entered in CWPUSE is incorrect and will be ignored",
    "Give reasons 1 to 10 after 1, e.g. 1;4;9.",
    2490,
)
_CWPUSEDESC_LONG = warning(
    "CWPUSEDESC-TOO-LONG",
    W.CWPUSEDESC,
    f"CWPUSEDESC is longer than {NAME_LENGTH} characters and will be ignored",
    f"Shorten CWPUSEDESC to {NAME_LENGTH} characters or fewer.",
    2500,
)
_CWPUSEDESC_IGNORED = warning(
    "CWPUSEDESC-NOT-REQUIRED",
    f"{W.CWPUSE}/{W.CWPUSEDESC}",
    "CWPUSEDESC will be ignored as 10 is not selected as a reason in CWPUSE",
    "Give CWPUSEDESC only with reason 10 (for something else).",
    2500,
)
_SICKPAY_INVALID = _invalid_code(W.SICKPAY, 2450, "1 (yes), 0 (no) or unknown")
_PENSION_INVALID = _invalid_code(W.PENSION, 2460, "1 (yes), 0 (no) or unknown")
_ACTUALCONT_IGNORED = warning(
    "ACTUALCONT-NOT-REQUIRED",
    f"{W.PENSION}/{W.ACTUALCONT}",
    "ACTUALCONT will be ignored as PENSION is not 1 (yes)",
    "Give ACTUALCONT only when PENSION is 1.",
    2541,
)
_ACTUALCONT_RANGE = warning(
    "ACTUALCONT-RANGE",
    W.ACTUALCONT,
    "ACTUALCONT will be ignored as it should be a number above 3 and no more than 100",
    "Give the employer's pension contribution as a percentage, e.g. 5.",
    2540,
)
_OPTOUT_INVALID = _invalid_code(W.OPTOUTPEN, 2550, "1 (yes), 2 (no) or 999 (don't know)")
_HOLIDAY_INVALID = _invalid_code(W.HOLIDAY, 2470, "a whole number of days or unknown")
_SLEEPINS_INVALID = _invalid_code(W.SLEEPINS, 2560, "1 (yes), 2 (no) or 999 (don't know)")
_SLEEPINS_SERVICE = warning(
    "SLEEPINS-SERVICE",
    f"{W.MAINSERVICE}/{W.SLEEPINS}",
    "SLEEPINS will be ignored as the main service does not have sleep-ins",
    "Leave SLEEPINS blank for this main service.",
    2561,
)
_SLEEPINPAY_NO_SLEEPINS = warning(
    "SLEEPINPAY-NOT-REQUIRED",
    f"{W.SLEEPINS}/{W.SLEEPINPAY}",
    "SLEEPINPAY will be ignored as SLEEPINS is not 1 (yes)",
    "Give SLEEPINPAY only when SLEEPINS is 1.",
    2572,
)
_SLEEPINPAY_INVALID = _invalid_code(W.SLEEPINPAY, 2570, "1 (hourly), 2 (flat rate) or 999")
_SLEEPINPAY_SERVICE = warning(
    "SLEEPINPAY-SERVICE",
    f"{W.MAINSERVICE}/{W.SLEEPINPAY}",
    "SLEEPINPAY will be ignored as the main service does not have sleep-ins",
    "Leave SLEEPINPAY blank for this main service.",
    2571,
)
_TRAVEL_INVALID = _invalid_code(W.TRAVELTIME, 2580, "a travel time code 1 to 6 or 999")
_TRAVEL_SERVICE = warning(
    "TRAVELTIME-SERVICE",
    f"{W.MAINSERVICE}/{W.TRAVELTIME}",
    "TRAVELTIME will be ignored as the main service does not involve travel between visits",
    "Leave TRAVELTIME blank for this main service.",
    2581,
)
_TTRATE_IGNORED = warning(
    "TTDIFFRATE-NOT-REQUIRED",
    f"{W.TRAVELTIME}/{W.TTDIFFRATE}",
    "TTDIFFRATE will be ignored as TRAVELTIME is not 3 (a different travel time rate)",
    "Give TTDIFFRATE only when TRAVELTIME is 3.",
    2592,
)
_TTRATE_RANGE = warning(
    "TTDIFFRATE-RANGE",
    W.TTDIFFRATE,
    "TTDIFFRATE will be ignored as it should be between £2.50 and £200",
    "Give the hourly travel time rate in pounds, e.g. 11.50.",
    2590,
)
_TTRATE_SERVICE = warning(
    "TTDIFFRATE-SERVICE",
    f"{W.MAINSERVICE}/{W.TTDIFFRATE}",
    "TTDIFFRATE will be ignored as the main service does not involve travel between visits",
    "Leave TTDIFFRATE blank for this main service.",
    2591,
)

RULES: tuple[Rule, ...] = (
    _REPEAT_INVALID,
    _CWPAWARE_INVALID,
    _CWPUSE_INVALID,
    _CWPUSE_REASON_INVALID,
    _CWPUSEDESC_LONG,
    _CWPUSEDESC_IGNORED,
    _SICKPAY_INVALID,
    _PENSION_INVALID,
    _ACTUALCONT_IGNORED,
    _ACTUALCONT_RANGE,
    _OPTOUT_INVALID,
    _HOLIDAY_INVALID,
    _SLEEPINS_INVALID,
    _SLEEPINS_SERVICE,
    _SLEEPINPAY_NO_SLEEPINS,
    _SLEEPINPAY_INVALID,
    _SLEEPINPAY_SERVICE,
    _TRAVEL_INVALID,
    _TRAVEL_SERVICE,
    _TTRATE_IGNORED,
    _TTRATE_RANGE,
    _TTRATE_SERVICE,
)
"""The rules declared here, in catalogue order."""


def _in_range(value: pl.Expr, low: float, high: float, *, low_inclusive: bool) -> pl.Expr:
    above = value >= low if low_inclusive else value > low
    return above & (value <= high)


def checks() -> list[Check]:
    """Repeat training, care workforce pathway, sick pay, pension, holiday, sleep-ins and travel."""
    cwp_items = items(W.CWPUSE)
    cwp_use = cwp_items.list.first()
    cwp_reasons = cwp_items.list.slice(1)
    reason_codes = sorted(workplace_codes.CWP_USE_REASON.codes)
    bad_reason = cwp_reasons.list.eval(
        ~(
            pl.element().str.contains(r"^[0-9]+$")
            & pl.element().str.to_integer(strict=False).is_in(reason_codes)
        )
    ).list.any()
    has_other_reason = cwp_reasons.list.contains(str(CWP_OTHER_REASON))
    pension_yes = text(W.PENSION) == "1"
    contribution = decimal(W.ACTUALCONT)
    rate = decimal(W.TTDIFFRATE)
    pay_group = pl.col(PAY_GROUP)
    no_sleep_ins = pay_group.is_not_null() & ~pay_group.is_in([1, 2])
    no_travel = pay_group.is_not_null() & (pay_group != 1)
    return [
        check(
            _REPEAT_INVALID,
            _live & filled_not_one_of(W.REPEATTRAINING, workplace_codes.REPEAT_TRAINING.codes),
        ),
        check(
            _CWPAWARE_INVALID,
            _live & filled_not_one_of(W.CWPAWARE, workplace_codes.CWP_AWARENESS.codes),
        ),
        check(
            _CWPUSE_INVALID,
            _live
            & filled(W.CWPUSE)
            & (
                ~cwp_use.is_in([str(c) for c in sorted(code_table.YES_NO_DONT_KNOW.codes)])
                | ((cwp_use != "1") & (cwp_reasons.list.len() > 0))
            ),
        ),
        check(_CWPUSE_REASON_INVALID, _live & (cwp_use == "1") & bad_reason),
        check(_CWPUSEDESC_LONG, _live & too_long(W.CWPUSEDESC, NAME_LENGTH)),
        check(_CWPUSEDESC_IGNORED, _live & filled(W.CWPUSEDESC) & ~has_other_reason),
        check(
            _SICKPAY_INVALID,
            _live & filled(W.SICKPAY) & ~text(W.SICKPAY).str.to_uppercase().is_in(SICK_PAY_ANSWERS),
        ),
        check(
            _PENSION_INVALID,
            _live & filled(W.PENSION) & ~text(W.PENSION).str.to_uppercase().is_in(SICK_PAY_ANSWERS),
        ),
        check(_ACTUALCONT_IGNORED, _live & filled(W.ACTUALCONT) & ~pension_yes),
        check(
            _ACTUALCONT_RANGE,
            _live
            & pension_yes
            & filled(W.ACTUALCONT)
            & ~_in_range(contribution, *PENSION_CONTRIBUTION_RANGE, low_inclusive=False).fill_null(
                False
            ),
        ),
        check(
            _OPTOUT_INVALID,
            _live & filled_not_one_of(W.OPTOUTPEN, code_table.YES_NO_DONT_KNOW.codes),
        ),
        check(
            _HOLIDAY_INVALID,
            _live
            & filled(W.HOLIDAY)
            & ~text(W.HOLIDAY).str.contains(r"^[0-9]+$")
            & (text(W.HOLIDAY).str.to_uppercase() != "UNKNOWN"),
        ),
        check(
            _SLEEPINS_INVALID,
            _live & filled_not_one_of(W.SLEEPINS, code_table.YES_NO_DONT_KNOW.codes),
        ),
        check(_SLEEPINS_SERVICE, _live & filled(W.SLEEPINS) & no_sleep_ins),
        check(_SLEEPINPAY_NO_SLEEPINS, _live & filled(W.SLEEPINPAY) & ~equals(W.SLEEPINS, 1)),
        check(
            _SLEEPINPAY_INVALID,
            _live & filled_not_one_of(W.SLEEPINPAY, workplace_codes.SLEEP_IN_PAY.codes),
        ),
        check(_SLEEPINPAY_SERVICE, _live & filled(W.SLEEPINPAY) & no_sleep_ins),
        check(
            _TRAVEL_INVALID,
            _live & filled_not_one_of(W.TRAVELTIME, workplace_codes.TRAVEL_TIME.codes),
        ),
        check(_TRAVEL_SERVICE, _live & filled(W.TRAVELTIME) & no_travel),
        check(
            _TTRATE_IGNORED,
            _live & filled(W.TTDIFFRATE) & ~equals(W.TRAVELTIME, DIFFERENT_TRAVEL_RATE),
        ),
        check(
            _TTRATE_RANGE,
            _live
            & equals(W.TRAVELTIME, DIFFERENT_TRAVEL_RATE)
            & filled(W.TTDIFFRATE)
            & ~_in_range(rate, *TRAVEL_RATE_RANGE, low_inclusive=True).fill_null(False),
        ),
        check(_TTRATE_SERVICE, _live & filled(W.TTDIFFRATE) & no_travel),
    ]
