"""Workplace shares: terms and conditions (sick pay, pension, sleep-ins, travel time), the Care
Workforce Pathway and delegated healthcare activities, as answered by each workplace.

One row per workplace (the canonical establishments with their breakdown columns); each share
is workplaces answering yes ÷ workplaces answering yes or no, with a Wilson interval.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from careforce.core.indicators.catalogue import MEASURES, Dimension, Kind, Measure
from careforce.core.indicators.compute import (
    CATEGORY,
    PART_OF,
    RESULT_SCHEMA,
    WORKERS,
    WORKPLACES,
)
from careforce.core.indicators.frames import PLACE, SNAPSHOT, place_columns
from careforce.core.indicators.intervals import wilson_lower, wilson_upper
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.canonical_columns import Worker as WK
from careforce.core.vocab.published import (
    ALL,
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    DENOMINATOR,
    LOWER,
    MEASURE_ID,
    NUMERATOR,
    PERIOD,
    UPPER,
    VALUE,
)

CWP_AWARE = (
    "Aware of how the care workforce pathway works in practice",
    "Aware of the aims of the care workforce pathway",
    "Aware of the term 'care workforce pathway'",
)
"""CWPAWARE answers that count as aware of the pathway (4, not aware, is the 'no')."""
CWP_NOT_AWARE = ("Not aware of the care workforce pathway",)
"""CWPAWARE answer that counts as not aware; 999 (don't know) is left out."""
TRAVEL_PAID = (
    "The same rate for travel time as for visits",
    "Minimum wage",
    "A different travel time rate",
    "We pay for travel time in a different way",
)
"""TRAVELTIME answers that mean travel time between visits is paid."""
TRAVEL_NOT_PAID = ("We do not pay for travel time between visits",)
"""TRAVELTIME answer that means it is not; 6 (no travel) and 999 are left out."""


VISA_RELIANCE = 0.2
"""A workplace counts as reliant on visa holders when at least a fifth of its staff records of
known visa status hold a Health and Care Worker visa (an assumption, stated in the methodology)."""
VISA_RELIANT = "visa_reliant_workplace_share"
"""Column (and measure): the workplace is reliant on visa holders."""


def _answer(column: str, yes: Sequence[str], no: Sequence[str]) -> pl.Expr:
    value = pl.col(column).cast(pl.String)
    return pl.when(value.is_in(list(yes))).then(True).when(value.is_in(list(no))).then(False)


WORKPLACE_SHARE_INPUTS: dict[str, pl.Expr] = {
    "sick_pay_above_statutory_share": _answer(E.SICK_PAY, ("Yes",), ("No",)),
    "pension_above_statutory_share": _answer(E.PENSION, ("Yes",), ("No",)),
    "cwp_aware_share": _answer(E.CWP_AWARENESS, CWP_AWARE, CWP_NOT_AWARE),
    "cwp_use_share": _answer(E.CWP_USE, ("Yes",), ("No",)),
    "dha_workplace_share": _answer(E.DHA, ("Yes",), ("No",)),
    "sleep_in_hourly_pay_share": pl.when(pl.col(E.SLEEP_INS).cast(pl.String) == "Yes").then(
        _answer(E.SLEEP_IN_PAY, ("Hourly rate",), ("Flat rate",))
    ),
    "travel_time_paid_share": _answer(E.TRAVEL_TIME_PAY, TRAVEL_PAID, TRAVEL_NOT_PAID),
}
"""Workplace share measures and the true/false/null answer each is the share of."""


def workplace_terms_frame(
    workers: pl.LazyFrame, establishments: pl.LazyFrame, *, districts: pl.LazyFrame | None = None
) -> pl.LazyFrame:
    """One row per workplace: its breakdowns, staff records and each share's answer."""
    places = place_columns(establishments, districts=districts)
    answers = establishments.select(
        pl.col(SNAPSHOT),
        pl.col(E.ESTABLISHMENT_ID),
        *(answer.alias(name) for name, answer in WORKPLACE_SHARE_INPUTS.items()),
    )
    british = (pl.col(WK.NATIONALITY_GROUP).cast(pl.String) == "British").fill_null(False)
    visa = pl.col(WK.HEALTH_CARE_VISA).cast(pl.String)
    holds = (
        pl.when(british).then(False).when(visa == "Yes").then(True).when(visa == "No").then(False)
    )
    staff = workers.group_by(SNAPSHOT, pl.col(WK.ESTABLISHMENT_ID).alias(E.ESTABLISHMENT_ID)).agg(
        pl.len().alias("_staff"),
        holds.sum().alias("_visa_yes"),
        holds.count().alias("_visa_known"),
    )
    keys = [SNAPSHOT, E.ESTABLISHMENT_ID]
    return (
        places.join(answers, on=keys, how="left")
        .join(staff, on=keys, how="left")
        .with_columns(
            pl.col("_staff").fill_null(0),
            pl.struct(SNAPSHOT, E.ESTABLISHMENT_ID).hash().alias(PLACE),
            pl.when(pl.col("_visa_known") > 0)
            .then(pl.col("_visa_yes") / pl.col("_visa_known") >= VISA_RELIANCE)
            .alias(VISA_RELIANT),
        )
    )


def workplace_shares(frame: pl.LazyFrame, measures: Sequence[Measure] = MEASURES) -> pl.LazyFrame:
    """Every workplace share measure for each of its breakdowns (tidy, unsuppressed).

    The hidden ``workers`` column is the staff records of the workplaces in the denominator, so
    a share of few or small workplaces is suppressed like any other cell.
    """
    parts = []
    columns = set(frame.collect_schema().names())
    for measure in measures:
        if measure.kind is not Kind.WORKPLACE_SHARE or measure.id not in columns:
            continue
        answer = pl.col(measure.id)
        for dimension in measure.breakdowns:
            keys = [PERIOD, AREA_CODE, AREA_NAME]
            source = frame
            if dimension is not Dimension.TOTAL:
                keys.append(dimension.value)
                source = frame.filter(pl.col(dimension.value).is_not_null())
            aggregated = source.group_by(keys).agg(
                answer.sum().cast(pl.Float64).alias(NUMERATOR),
                answer.count().cast(pl.Float64).alias(DENOMINATOR),
                pl.col("_staff").filter(answer.is_not_null()).sum().cast(pl.Int64).alias(WORKERS),
                pl.col(PLACE)
                .filter(answer.is_not_null())
                .n_unique()
                .cast(pl.Int64)
                .alias(WORKPLACES),
            )
            numerator, denominator = pl.col(NUMERATOR), pl.col(DENOMINATOR)
            breakdown_value = (
                pl.lit(ALL) if dimension is Dimension.TOTAL else pl.col(dimension.value)
            )
            parts.append(
                aggregated.select(
                    pl.lit(measure.id).alias(MEASURE_ID),
                    pl.col(PERIOD).cast(pl.String),
                    pl.col(AREA_CODE).cast(pl.String),
                    pl.col(AREA_NAME).cast(pl.String),
                    pl.lit(dimension.value).alias(BREAKDOWN),
                    breakdown_value.cast(pl.String).alias(BREAKDOWN_VALUE),
                    numerator,
                    denominator,
                    pl.when(denominator > 0).then(numerator / denominator).alias(VALUE),
                    wilson_lower(numerator, denominator).alias(LOWER),
                    wilson_upper(numerator, denominator).alias(UPPER),
                    pl.col(WORKERS),
                    pl.col(WORKPLACES),
                    pl.lit(None, dtype=pl.String).alias(PART_OF),
                    breakdown_value.cast(pl.String).alias(CATEGORY),
                )
            )
    if not parts:
        return pl.LazyFrame(schema=RESULT_SCHEMA)
    return pl.concat(parts, how="vertical").match_to_schema(RESULT_SCHEMA)
