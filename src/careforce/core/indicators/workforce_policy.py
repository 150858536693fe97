"""Inputs of the 2024–26 policy measures: the Level 2 Adult Social Care Certificate, Health and
Care Worker visas, delegated healthcare activities, pay of all staff against a floor, headcount
and local recruitment.

The worker frame (``frames.worker_measure_frame``) adds :func:`policy_worker_columns`; the
aggregation (``compute``) adds :func:`policy_aggregations`. Definitions are in
docs/methodology.md ("Pay of all staff and pay floors", "The 2024–26 policy measures").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import polars as pl

from careforce.core.indicators.pay_thresholds import NATIONAL_LIVING_WAGE, REAL_LIVING_WAGE
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.canonical_columns import Worker as WK
from careforce.core.vocab.published import AREA_CODE

WEEKS_PER_YEAR = 365 / 7
"""Weeks in a year (52.14) for turning an annual salary into an hourly rate: Skills for Care's
conversion divides the annual salary by the weeks in a year and the contracted weekly hours."""
STANDARD_WEEKLY_HOURS = 37.5
"""Weekly hours assumed for a salaried worker without contracted hours (a full-time week)."""
FLOOR_WEEKS = 52
"""Weeks a year of the floor cost: Σ shortfall × weekly hours × 52."""
BRITISH = "British"
"""Nationality group whose members are not asked about Health and Care Worker visas."""

HOURLY_PAY_ALL = "hourly_pay_all"
"""Worker frame column: hourly pay of an hourly-paid or salaried worker."""
WEEKLY_HOURS = "weekly_hours"
"""Worker frame column: contracted hours, or average hours for other contracts."""
NLW_SHORTFALL = "nlw_shortfall"
"""Worker frame column: pounds an hour below the National Living Wage (0 when at or above it)."""
HOME_DISTRICT = "home_district"
"""Worker frame column: the worker's home postcode district."""
RECRUITED_LOCALLY = "recruited_locally"
"""Worker frame column: the home postcode district lies in the area (null when unknown)."""
CWP_CATEGORY = "cwp_category"
"""Worker frame column (and breakdown): the Care Workforce Pathway role category."""

POLICY_SHARE_INPUTS: dict[str, str] = {
    "l2_care_certificate_share": "l2_care_certificate",
    "hcw_visa_share": "hcw_visa",
    "recruited_from_abroad_share": "recruited_from_abroad",
    "dha_worker_share": "dha_worker",
    "pay_below_floor_share": "below_nlw",
    "pay_below_real_living_wage_all_share": "below_rlw_all",
    "recruited_locally_share": RECRUITED_LOCALLY,
}
"""Share measures of this module and the true/false/null column each is the share of."""
POLICY_MEAN_INPUTS: dict[str, str] = {
    "hourly_pay_all_mean": HOURLY_PAY_ALL,
    "years_since_entry_mean": "years_since_entry",
}
"""Mean measures of this module and their input columns."""
POLICY_MEDIAN_INPUTS: dict[str, str] = {"hourly_pay_all_median": HOURLY_PAY_ALL}
"""Median measures of this module and their input columns."""
POLICY_SUMS = ("headcount", "pay_floor_cost")
"""Measures aggregated here by :func:`policy_aggregations` (not from a single input column)."""


def _rate(rates: tuple[tuple[dt.date, float], ...], day: pl.Expr) -> pl.Expr:
    expression: pl.Expr = pl.lit(None, dtype=pl.Float64)
    for start, value in rates:
        expression = pl.when(day >= pl.lit(start)).then(pl.lit(value)).otherwise(expression)
    return expression


def hourly_pay_all(
    hourly_rate: pl.Expr, annual_salary: pl.Expr, contracted_hours: pl.Expr
) -> pl.Expr:
    """Hourly pay of every paid worker: the hourly rate, or the annual salary divided by the
    weeks in a year and the contracted weekly hours (37.5 when none are recorded)."""
    hours = pl.when(contracted_hours > 0).then(contracted_hours).otherwise(STANDARD_WEEKLY_HOURS)
    return pl.coalesce(hourly_rate, annual_salary / (WEEKS_PER_YEAR * hours))


def floor_shortfall(pay: pl.Expr, floor: pl.Expr | float) -> pl.Expr:
    """Pounds an hour needed to bring pay up to a floor (0 when pay is at or above it)."""
    floor_expr = floor if isinstance(floor, pl.Expr) else pl.lit(floor)
    return (floor_expr - pay).clip(0.0, None)


def floor_cost(shortfall: pl.Expr, weekly_hours: pl.Expr) -> pl.Expr:
    """Annual cost of raising everyone to the floor: Σ shortfall × weekly hours × 52."""
    return (shortfall * weekly_hours * FLOOR_WEEKS).sum()


def _known(column: str, yes: Collection[str], no: Collection[str]) -> pl.Expr:
    value = pl.col(column).cast(pl.String)
    return pl.when(value.is_in(list(yes))).then(True).when(value.is_in(list(no))).then(False)


def policy_worker_columns(reference: pl.Expr) -> list[pl.Expr]:
    """Worker frame columns of this module's measures (the canonical workers joined with their
    workplace; ``reference`` is the snapshot's reference date)."""
    pay = hourly_pay_all(
        pl.col(WK.HOURLY_RATE), pl.col(WK.ANNUAL_SALARY), pl.col(WK.CONTRACTED_HOURS)
    )
    nlw = _rate(NATIONAL_LIVING_WAGE, reference)
    british = pl.col(WK.NATIONALITY_GROUP).cast(pl.String) == BRITISH
    visa = pl.col(WK.HEALTH_CARE_VISA).cast(pl.String)
    entry = pl.col(WK.YEAR_OF_ENTRY).cast(pl.Int32)
    return [
        pl.col(WK.WORKER_ID),
        _known(WK.L2_CARE_CERTIFICATE, yes=("Yes, completed",), no=("Yes, started", "No")).alias(
            "l2_care_certificate"
        ),
        pl.when(british.fill_null(False))
        .then(False)
        .when(visa == "Yes")
        .then(True)
        .when(visa == "No")
        .then(False)
        .alias("hcw_visa"),
        pl.when((visa == "Yes") & ~british.fill_null(False))
        .then(_known(WK.RECRUITED_OUTSIDE_UK, yes=("Yes",), no=("No",)))
        .alias("recruited_from_abroad"),
        _known(WK.DHA, yes=("Yes",), no=("No",)).alias("dha_worker"),
        pl.when(entry <= reference.dt.year())
        .then((reference.dt.year() - entry).cast(pl.Float64))
        .alias("years_since_entry"),
        pay.alias(HOURLY_PAY_ALL),
        pl.coalesce(pl.col(WK.CONTRACTED_HOURS), pl.col(WK.AVERAGE_HOURS)).alias(WEEKLY_HOURS),
        pl.when(pay.is_not_null()).then(pay < nlw).alias("below_nlw"),
        pl.when(pay.is_not_null())
        .then(pay < _rate(REAL_LIVING_WAGE, reference))
        .alias("below_rlw_all"),
        floor_shortfall(pay, nlw).alias(NLW_SHORTFALL),
        pl.col(WK.POSTCODE_DISTRICT).alias(HOME_DISTRICT),
        pl.col(WK.CWP_CATEGORY)
        .cast(pl.String)
        .replace({"I do not know": None})
        .alias(CWP_CATEGORY),
    ]


def add_recruited_locally(
    frame: pl.LazyFrame, establishments: pl.LazyFrame, *, districts: pl.LazyFrame | None
) -> pl.LazyFrame:
    """Whether each worker's home postcode district lies in the area.

    The area's postcode districts are those of the district lookup when one is given (within
    the same area when it has an ``area_code`` column), otherwise those of the area's own
    workplaces. Workers without a home postcode district are unknown (null).
    """
    if districts is not None:
        names = districts.collect_schema().names()
        by_area = AREA_CODE in names
        local = districts.select(
            *([pl.col(AREA_CODE)] if by_area else []),
            pl.col("postcode_district").alias(HOME_DISTRICT),
        )
    else:
        by_area = True
        local = establishments.select(
            pl.col(E.AREA_CODE).fill_null("unknown").alias(AREA_CODE),
            pl.col(E.POSTCODE_DISTRICT).alias(HOME_DISTRICT),
        )
    keys = [AREA_CODE, HOME_DISTRICT] if by_area else [HOME_DISTRICT]
    local = (
        local.filter(pl.col(HOME_DISTRICT).is_not_null())
        .with_columns(pl.col(keys).cast(pl.String))
        .unique()
        .with_columns(pl.lit(True).alias("_local"))
    )
    joined = frame.with_columns(pl.col(keys).cast(pl.String).name.suffix("_key")).join(
        local.rename({k: f"{k}_key" for k in keys}),
        on=[f"{k}_key" for k in keys],
        how="left",
        maintain_order="left",
    )
    return joined.with_columns(
        pl.when(pl.col(HOME_DISTRICT).is_not_null())
        .then(pl.col("_local").fill_null(False))
        .alias(RECRUITED_LOCALLY)
    ).drop("_local", *(f"{k}_key" for k in keys))


LOWER_DECILE = 0.1
"""Quantile of the lower decile of pay (the 10th percentile)."""
UPPER_DECILE = 0.9
"""Quantile of the upper decile of pay (the 90th percentile)."""


def _role_pay(role: str) -> pl.Expr:
    return pl.col(HOURLY_PAY_ALL).filter(pl.col("key_role").cast(pl.String) == role)


def policy_aggregations(wanted: Collection[str]) -> list[pl.Expr]:
    """Aggregations of the measures this module computes itself (headcount, floor cost, pay
    deciles and the senior care worker differential)."""
    pay = pl.col(HOURLY_PAY_ALL)
    parts: list[pl.Expr] = []
    for name, quantile in (
        ("hourly_pay_all_lower_decile", LOWER_DECILE),
        ("hourly_pay_all_upper_decile", UPPER_DECILE),
    ):
        if name in wanted:
            parts += [
                pay.quantile(quantile, interpolation="linear").alias(f"{name}__value"),
                pay.count().alias(f"{name}__den"),
            ]
    if "senior_care_worker_pay_differential" in wanted:
        senior, care = _role_pay("senior care worker"), _role_pay("care worker")
        parts += [
            (senior.median() / care.median() - 1).alias(
                "senior_care_worker_pay_differential__value"
            ),
            (senior.count() + care.count()).alias("senior_care_worker_pay_differential__den"),
            pl.min_horizontal(senior.count(), care.count()).alias(
                "senior_care_worker_pay_differential__workers"
            ),
        ]
    if "headcount" in wanted:
        parts.append(pl.col(WK.PERSON_ID).n_unique().alias("headcount__num"))
    if "pay_floor_cost" in wanted:
        costed = (pl.col(NLW_SHORTFALL) > 0) & pl.col(WEEKLY_HOURS).is_not_null()
        parts += [
            floor_cost(pl.col(NLW_SHORTFALL), pl.col(WEEKLY_HOURS).fill_null(0.0)).alias(
                "pay_floor_cost__value"
            ),
            costed.sum().alias("pay_floor_cost__den"),
            (pl.col(HOURLY_PAY_ALL).is_not_null() & pl.col(WEEKLY_HOURS).is_not_null())
            .sum()
            .alias("pay_floor_cost__workers"),
        ]
    return parts
