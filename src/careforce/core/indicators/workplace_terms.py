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
from careforce.core.intervals import Z_95
from careforce.core.vocab import workplace_codes
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

WORKPLACE_MEAN_INPUTS: dict[str, pl.Expr] = {
    "pension_contribution_mean": pl.col(E.PENSION_CONTRIBUTION).cast(pl.Float64) / 100,
    "holiday_days_mean": pl.col(E.HOLIDAY_DAYS).cast(pl.Float64),
    "travel_time_rate_mean": pl.col(E.TRAVEL_TIME_RATE).cast(pl.Float64),
}
"""Workplace mean measures and the answer each is the mean of."""
DHA_ACTIVITIES = "_dha_activities"
"""Column: the delegated healthcare activities of a workplace that carries them out."""


def workplace_terms_frame(
    workers: pl.LazyFrame, establishments: pl.LazyFrame, *, districts: pl.LazyFrame | None = None
) -> pl.LazyFrame:
    """One row per workplace: its breakdowns, staff records and each share's answer."""
    places = place_columns(establishments, districts=districts)
    answers = establishments.select(
        pl.col(SNAPSHOT),
        pl.col(E.ESTABLISHMENT_ID),
        *(answer.alias(name) for name, answer in WORKPLACE_SHARE_INPUTS.items()),
        *(value.alias(name) for name, value in WORKPLACE_MEAN_INPUTS.items()),
        pl.when(
            (pl.col(E.DHA).cast(pl.String) == "Yes") & (pl.col(E.DHA_ACTIVITIES).list.len() > 0)
        )
        .then(pl.col(E.DHA_ACTIVITIES))
        .alias(DHA_ACTIVITIES),
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
        if measure.kind is Kind.WORKPLACE_SHARE and measure.categories is Dimension.DHA_ACTIVITY:
            parts += _activity_shares(frame, measure)
            continue
        if measure.kind not in (Kind.WORKPLACE_SHARE, Kind.WORKPLACE_MEAN):
            continue
        if measure.id not in columns:
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
                answer.cast(pl.Float64).std().alias("_std"),
                pl.col("_staff").filter(answer.is_not_null()).sum().cast(pl.Int64).alias(WORKERS),
                pl.col(PLACE)
                .filter(answer.is_not_null())
                .n_unique()
                .cast(pl.Int64)
                .alias(WORKPLACES),
            )
            numerator, denominator = pl.col(NUMERATOR), pl.col(DENOMINATOR)
            value: pl.Expr = pl.when(denominator > 0).then(numerator / denominator)
            lower: pl.Expr
            upper: pl.Expr
            if measure.kind is Kind.WORKPLACE_MEAN:
                spread = Z_95 * pl.col("_std") / denominator.sqrt()
                lower = pl.when(denominator > 1).then(value - spread)
                upper = pl.when(denominator > 1).then(value + spread)
            else:
                lower = wilson_lower(numerator, denominator)
                upper = wilson_upper(numerator, denominator)
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
                    value.alias(VALUE),
                    lower.alias(LOWER),
                    upper.alias(UPPER),
                    pl.col(WORKERS),
                    pl.col(WORKPLACES),
                    pl.lit(None, dtype=pl.String).alias(PART_OF),
                    breakdown_value.cast(pl.String).alias(CATEGORY),
                )
            )
    if not parts:
        return pl.LazyFrame(schema=RESULT_SCHEMA)
    return pl.concat(parts, how="vertical").match_to_schema(RESULT_SCHEMA)


def _activity_shares(frame: pl.LazyFrame, measure: Measure) -> list[pl.LazyFrame]:
    """Share of the workplaces carrying out delegated healthcare activities (and saying which)
    that carry out each activity; a workplace may carry out several."""
    labels = workplace_codes.DHA_ACTIVITY.labels
    codes = sorted(labels)
    known = frame.filter(pl.col(DHA_ACTIVITIES).is_not_null())
    exploded = known.explode(DHA_ACTIVITIES).with_columns(
        pl.col(DHA_ACTIVITIES)
        .replace_strict(codes, [labels[c] for c in codes], default=None, return_dtype=pl.String)
        .alias("_activity")
    )
    parts = []
    for dimension in measure.breakdowns:
        keys = [PERIOD, AREA_CODE, AREA_NAME]
        base, rows = known, exploded
        if dimension is not Dimension.TOTAL:
            keys.append(dimension.value)
            base = known.filter(pl.col(dimension.value).is_not_null())
            rows = exploded.filter(pl.col(dimension.value).is_not_null())
        totals = base.group_by(keys).agg(
            pl.len().cast(pl.Float64).alias(DENOMINATOR), pl.col("_staff").sum().alias("_all_staff")
        )
        counts = rows.group_by([*keys, "_activity"]).agg(
            pl.col(PLACE).n_unique().cast(pl.Float64).alias(NUMERATOR),
            pl.col("_staff").sum().cast(pl.Int64).alias(WORKERS),
        )
        joined = counts.with_columns(pl.col(keys).cast(pl.String)).join(
            totals.with_columns(pl.col(keys).cast(pl.String)), on=keys, how="inner"
        )
        numerator, denominator = pl.col(NUMERATOR), pl.col(DENOMINATOR)
        activity = pl.col("_activity")
        if dimension is Dimension.TOTAL:
            breakdown = pl.lit(Dimension.DHA_ACTIVITY.value)
            label, part_of = activity, pl.lit(None, dtype=pl.String)
        else:
            breakdown = pl.lit(f"{dimension.value}/{Dimension.DHA_ACTIVITY.value}")
            label = pl.concat_str([pl.col(dimension.value), activity], separator="/")
            part_of = pl.col(dimension.value)
        parts.append(
            joined.select(
                pl.lit(measure.id).alias(MEASURE_ID),
                pl.col(PERIOD),
                pl.col(AREA_CODE),
                pl.col(AREA_NAME),
                breakdown.alias(BREAKDOWN),
                label.alias(BREAKDOWN_VALUE),
                numerator,
                denominator,
                (numerator / denominator).alias(VALUE),
                wilson_lower(numerator, denominator).alias(LOWER),
                wilson_upper(numerator, denominator).alias(UPPER),
                pl.col(WORKERS),
                numerator.cast(pl.Int64).alias(WORKPLACES),
                part_of.alias(PART_OF),
                activity.alias(CATEGORY),
            )
        )
    return parts
