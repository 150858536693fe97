"""Training measures from the ASC-WDS training records: current, expired and not recorded
training by category, mandatory training, current digital-skills and person-centred training,
and records per worker.

The denominator of every training measure is the staff records of workplaces that record any
training in the snapshot: a workplace that does not use the training file says nothing about
its staff's training.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from careforce.core.indicators.catalogue import MEASURES, Dimension, Measure
from careforce.core.indicators.compute import (
    CATEGORY,
    PART_OF,
    RESULT_SCHEMA,
    WORKERS,
    WORKPLACES,
)
from careforce.core.indicators.frames import PLACE, SNAPSHOT
from careforce.core.indicators.intervals import wilson_lower, wilson_upper
from careforce.core.intervals import Z_95
from careforce.core.vocab import training_codes
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.canonical_columns import Training as TR
from careforce.core.vocab.canonical_columns import Worker as WK
from careforce.core.vocab.mandatory_training import (
    DIGITAL_CATEGORIES,
    MANDATORY_TRAINING,
    PERSON_CENTRED_CATEGORIES,
)
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

TRAINING_CATEGORY = Dimension.TRAINING_CATEGORY.value
"""Column and breakdown: the training category (its ASC-WDS label)."""
_CURRENT = "_current"
_EXPIRED = "_expired"
GROUP_SHARES = {
    "digital_training_share": ("_digital", DIGITAL_CATEGORIES),
    "person_centred_training_share": ("_person_centred", PERSON_CENTRED_CATEGORIES),
}
"""Shares of workers current in any category of a group: the measure, its working column and
the group's ASC-WDS categories."""


def record_states(training: pl.LazyFrame) -> pl.LazyFrame:
    """One row per (snapshot, worker, category): whether any record is current and whether the
    category has expired (records, none current, one expired), at the reference date."""
    reference = pl.col(TR.REFERENCE_DATE)
    completed = pl.col(TR.DATE_COMPLETED)
    expiry = pl.col(TR.EXPIRY_DATE)
    current = (
        (completed <= reference)
        & (pl.col(TR.DOES_NOT_EXPIRE) | expiry.is_null() | (expiry >= reference))
    ).fill_null(False)
    labels = training_codes.TRAINING_CATEGORY.labels
    codes = sorted(labels)
    return (
        training.filter(pl.col(TR.CATEGORY_CODE).is_not_null())
        .group_by(SNAPSHOT, TR.WORKER_ID, TR.CATEGORY_CODE)
        .agg(current.any().alias(_CURRENT), (expiry < reference).any().alias("_any_expired"))
        .with_columns(
            (~pl.col(_CURRENT) & pl.col("_any_expired").fill_null(False)).alias(_EXPIRED),
            pl.col(TR.CATEGORY_CODE)
            .replace_strict(codes, [labels[c] for c in codes], default=None, return_dtype=pl.String)
            .alias(TRAINING_CATEGORY),
        )
        .drop("_any_expired")
    )


def training_worker_frame(worker_frame: pl.LazyFrame, training: pl.LazyFrame) -> pl.LazyFrame:
    """The worker frame of workplaces recording training, with each worker's records, and
    whether they are current in every mandatory topic."""
    reporting = training.select(SNAPSHOT, pl.col(TR.ESTABLISHMENT_ID).alias(E.ESTABLISHMENT_ID))
    states = record_states(training)
    current_codes = states.filter(pl.col(_CURRENT)).select(SNAPSHOT, TR.WORKER_ID, TR.CATEGORY_CODE)
    met = [
        current_codes.filter(pl.col(TR.CATEGORY_CODE).is_in(list(codes)))
        .select(SNAPSHOT, TR.WORKER_ID)
        .unique()
        .with_columns(pl.lit(1).alias("_met"))
        for _, codes in MANDATORY_TRAINING
    ]
    mandatory = (
        pl.concat(met)
        .group_by(SNAPSHOT, TR.WORKER_ID)
        .agg(pl.col("_met").sum())
        .select(
            SNAPSHOT,
            pl.col(TR.WORKER_ID).alias(WK.WORKER_ID),
            (pl.col("_met") == len(MANDATORY_TRAINING)).alias("_mandatory"),
        )
    )
    records = training.group_by(SNAPSHOT, pl.col(TR.WORKER_ID).alias(WK.WORKER_ID)).agg(
        pl.len().cast(pl.Float64).alias("_records"),
    )
    groups = current_codes.group_by(SNAPSHOT, pl.col(TR.WORKER_ID).alias(WK.WORKER_ID)).agg(
        pl.col(TR.CATEGORY_CODE).is_in(list(codes)).any().alias(column)
        for column, codes in GROUP_SHARES.values()
    )
    keys = [SNAPSHOT, WK.WORKER_ID]
    return (
        worker_frame.join(reporting.unique(), on=[SNAPSHOT, E.ESTABLISHMENT_ID], how="semi")
        .join(mandatory, on=keys, how="left")
        .join(records, on=keys, how="left")
        .join(groups, on=keys, how="left")
        .with_columns(
            pl.col("_mandatory").fill_null(False),
            pl.col("_records").fill_null(0.0),
            *(pl.col(column).fill_null(False) for column, _ in GROUP_SHARES.values()),
        )
    )


def _keys(dimension: Dimension) -> list[str]:
    base = [PERIOD, AREA_CODE, AREA_NAME]
    return base if dimension is Dimension.TOTAL else [*base, dimension.value]


def _row(
    measure_id: str,
    dimension: Dimension,
    *,
    numerator: pl.Expr,
    denominator: pl.Expr,
    value: pl.Expr,
    lower: pl.Expr,
    upper: pl.Expr,
    category: pl.Expr | None = None,
) -> list[pl.Expr]:
    group = None if dimension is Dimension.TOTAL else pl.col(dimension.value).cast(pl.String)
    if category is None:
        breakdown = pl.lit(dimension.value)
        label = pl.lit(ALL) if group is None else group
        part_of = pl.lit(None, dtype=pl.String)
        last = label
    elif group is None:
        breakdown, label, part_of, last = pl.lit(TRAINING_CATEGORY), category, None, category
    else:
        breakdown = pl.lit(f"{dimension.value}/{TRAINING_CATEGORY}")
        label = pl.concat_str([group, category], separator="/")
        part_of, last = group, category
    return [
        pl.lit(measure_id).alias(MEASURE_ID),
        pl.col(PERIOD).cast(pl.String),
        pl.col(AREA_CODE).cast(pl.String),
        pl.col(AREA_NAME).cast(pl.String),
        breakdown.alias(BREAKDOWN),
        label.cast(pl.String).alias(BREAKDOWN_VALUE),
        numerator.cast(pl.Float64).alias(NUMERATOR),
        denominator.cast(pl.Float64).alias(DENOMINATOR),
        value.alias(VALUE),
        lower.alias(LOWER),
        upper.alias(UPPER),
        (part_of if part_of is not None else pl.lit(None, dtype=pl.String)).alias(PART_OF),
        last.cast(pl.String).alias(CATEGORY),
    ]


def training_measures(
    worker_frame: pl.LazyFrame,
    training: pl.LazyFrame,
    measures: Sequence[Measure] = MEASURES,
) -> pl.LazyFrame:
    """Every training measure of the catalogue for each of its breakdowns (tidy, unsuppressed).

    Args:
        worker_frame: the worker frame (``frames.worker_measure_frame``).
        training: the canonical training records, tagged by ``snapshot``.
        measures: the measures wanted (those not from training are ignored).
    """
    wanted = {m.id: m for m in measures if m.from_training}
    if not wanted:
        return pl.LazyFrame(schema=RESULT_SCHEMA)
    workers = training_worker_frame(worker_frame, training)
    states = record_states(training).join(
        workers.select(
            pl.exclude("_mandatory", "_records", *(c for c, _ in GROUP_SHARES.values()))
        ),
        left_on=[SNAPSHOT, TR.WORKER_ID],
        right_on=[SNAPSHOT, WK.WORKER_ID],
        how="inner",
    )
    parts: list[pl.LazyFrame] = []
    dimensions = dict.fromkeys(d for m in wanted.values() for d in m.breakdowns)
    for dimension in dimensions:
        keys = _keys(dimension)
        source = workers
        if dimension is not Dimension.TOTAL:
            source = workers.filter(pl.col(dimension.value).is_not_null())
        bases = source.group_by(keys).agg(
            pl.len().alias("_staff"),
            pl.col(PLACE).n_unique().alias("_places"),
            pl.col("_mandatory").sum().alias("_mandatory"),
            pl.col("_records").sum().alias("_records_sum"),
            pl.col("_records").std().alias("_records_std"),
            *(pl.col(column).sum().alias(column) for column, _ in GROUP_SHARES.values()),
        )
        staff = pl.col("_staff").cast(pl.Float64)
        for measure_id in (
            "mandatory_training_share",
            *GROUP_SHARES,
            "training_records_per_worker",
        ):
            if measure_id not in wanted or dimension not in wanted[measure_id].breakdowns:
                continue
            if measure_id != "training_records_per_worker":
                flag = GROUP_SHARES[measure_id][0] if measure_id in GROUP_SHARES else "_mandatory"
                numerator = pl.col(flag).cast(pl.Float64)
                value = pl.when(staff > 0).then(numerator / staff)
                lower, upper = wilson_lower(numerator, staff), wilson_upper(numerator, staff)
            else:
                numerator = pl.col("_records_sum")
                value = pl.when(staff > 0).then(numerator / staff)
                spread = Z_95 * pl.col("_records_std") / staff.sqrt()
                lower = pl.when(staff > 1).then((value - spread).clip(0.0, None))
                upper = pl.when(staff > 1).then(value + spread)
            parts.append(
                bases.select(
                    *_row(
                        measure_id,
                        dimension,
                        numerator=numerator,
                        denominator=staff,
                        value=value,
                        lower=lower,
                        upper=upper,
                    ),
                    pl.col("_staff").cast(pl.Int64).alias(WORKERS),
                    pl.col("_places").cast(pl.Int64).alias(WORKPLACES),
                )
            )
        by_category = states.filter(pl.col(TRAINING_CATEGORY).is_not_null())
        if dimension is not Dimension.TOTAL:
            by_category = by_category.filter(pl.col(dimension.value).is_not_null())
        counts = (
            by_category.group_by([*keys, TRAINING_CATEGORY])
            .agg(
                pl.col(_CURRENT).sum().alias("_n_current"),
                pl.col(_EXPIRED).sum().alias("_n_expired"),
                pl.len().alias("_n_recorded"),
                pl.col(PLACE).filter(pl.col(_CURRENT)).n_unique().alias("_p_current"),
                pl.col(PLACE).filter(pl.col(_EXPIRED)).n_unique().alias("_p_expired"),
            )
            .with_columns(pl.col(keys).cast(pl.String))
            .join(bases.with_columns(pl.col(keys).cast(pl.String)), on=keys, how="inner")
        )
        for measure_id, count, places in (
            ("training_current_share", pl.col("_n_current"), pl.col("_p_current")),
            ("training_expired_share", pl.col("_n_expired"), pl.col("_p_expired")),
            ("training_not_recorded_share", staff - pl.col("_n_recorded"), pl.col("_places")),
        ):
            if measure_id not in wanted or dimension not in wanted[measure_id].breakdowns:
                continue
            numerator = count.cast(pl.Float64)
            parts.append(
                counts.filter(numerator > 0).select(
                    *_row(
                        measure_id,
                        dimension,
                        numerator=numerator,
                        denominator=staff,
                        value=numerator / staff,
                        lower=wilson_lower(numerator, staff),
                        upper=wilson_upper(numerator, staff),
                        category=pl.col(TRAINING_CATEGORY),
                    ),
                    numerator.cast(pl.Int64).alias(WORKERS),
                    places.cast(pl.Int64).alias(WORKPLACES),
                )
            )
    if not parts:
        return pl.LazyFrame(schema=RESULT_SCHEMA)
    return pl.concat(parts, how="vertical").match_to_schema(RESULT_SCHEMA)
