"""The supply side: new staff needed each year against the training pipeline.

The training data (``year, sector_subject_area, measure, count``; measure ``enrolments`` or
``apprenticeship_starts``) is summed over the chosen sector subject areas. A projection year
uses the latest training year at or before it (training data lags projections), or the
earliest training year when all are later; the year used is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import polars as pl

from careforce.core.projections import columns as c
from careforce.core.projections.input_tables import (
    InputDataError,
    normalise,
    normalised,
    require_columns,
    typed_numbers,
    typed_years,
)
from careforce.core.projections.projection import add_new_staff_in_year
from careforce.core.vocab import published as pub

SUPPLY_COLUMNS: Final = (c.INPUT_YEAR, c.SECTOR_SUBJECT_AREA, c.SUPPLY_MEASURE, c.COUNT)
"""Required columns of a training-supply file."""
AREA_COLUMN: Final = pub.AREA_CODE
"""Optional column of a training-supply file with several areas."""
SUPPLY_MEASURES: Final = (c.ENROLMENTS, c.APPRENTICESHIP_STARTS)
"""Values of the measure column: DfE further education learning-aim enrolments and
apprenticeship starts."""
DEFAULT_SUBJECT_AREAS: Final = ("Health and Social Care",)
"""DfE sector subject area (tier 2) that trains for adult social care, as in the strategy."""
DEFAULT_ENTRY_SHARE: Final = 1.0
"""Share of the pipeline assumed to join the workforce: 1 makes the pipeline an upper bound."""


def supply_counts(
    raw: pl.DataFrame,
    *,
    subject_areas: Sequence[str] = DEFAULT_SUBJECT_AREAS,
    area_code: str | None = None,
) -> pl.DataFrame:
    """Enrolments and apprenticeship starts by year in the chosen subject areas.

    Args:
        raw: the supply file as text columns with ``source_line``.
        subject_areas: sector subject areas to count (compared ignoring case and punctuation).
        area_code: the area to keep when the file has an ``area_code`` column.

    Returns:
        Columns year, enrolments, apprenticeship_starts (0 where a measure has no rows).

    Raises:
        InputDataError: a column is missing or a cell is not usable, or nothing matches.
    """
    require_columns(raw, SUPPLY_COLUMNS)
    frame = raw
    if AREA_COLUMN in frame.columns:
        areas = frame.get_column(AREA_COLUMN).unique(maintain_order=True).to_list()
        if area_code is None and len(areas) > 1:
            raise InputDataError(
                f"the file has several areas ({', '.join(map(str, areas))}); choose one with --area"
            )
        if area_code is not None:
            frame = frame.filter(pl.col(AREA_COLUMN) == area_code)
            if frame.is_empty():
                raise InputDataError(f"no rows for area {area_code}", column=AREA_COLUMN)
    measure = pl.col(c.SUPPLY_MEASURE).str.strip_chars().str.to_lowercase()
    bad = frame.filter(~measure.is_in(SUPPLY_MEASURES))
    if bad.height:
        raise InputDataError(
            f"must be one of {', '.join(SUPPLY_MEASURES)}",
            line=int(bad.get_column(c.SOURCE_LINE)[0]),
            column=c.SUPPLY_MEASURE,
            value=str(bad.get_column(c.SUPPLY_MEASURE)[0]),
        )
    frame = typed_numbers(frame, c.COUNT, allow_empty=False, minimum=0)
    frame = typed_years(frame, c.INPUT_YEAR, into=c.YEAR_NUMBER)
    wanted = [normalise(area) for area in subject_areas]
    chosen = frame.filter(normalised(pl.col(c.SECTOR_SUBJECT_AREA)).is_in(wanted))
    if chosen.is_empty():
        present = frame.get_column(c.SECTOR_SUBJECT_AREA).unique(maintain_order=True).to_list()
        raise InputDataError(
            f"no rows for sector subject area(s) {', '.join(subject_areas)}; the file has "
            f"{', '.join(map(str, present))}",
            column=c.SECTOR_SUBJECT_AREA,
        )
    return (
        chosen.with_columns(measure.alias(c.SUPPLY_MEASURE))
        .pivot(
            on=c.SUPPLY_MEASURE,
            index=c.YEAR_NUMBER,
            values=c.COUNT,
            aggregate_function="sum",
            on_columns=list(SUPPLY_MEASURES),
        )
        .rename({c.YEAR_NUMBER: c.YEAR})
        .with_columns(pl.col(name).fill_null(0.0) for name in SUPPLY_MEASURES)
        .select(c.YEAR, *SUPPLY_MEASURES)
        .sort(c.YEAR)
    )


def supply_gap(
    projection: pl.DataFrame,
    counts: pl.DataFrame,
    *,
    base_year: int,
    groups: Sequence[str] | None = None,
    measures: Sequence[str] = SUPPLY_MEASURES,
    entry_share: float = DEFAULT_ENTRY_SHARE,
) -> pl.DataFrame:
    """New staff needed each year against the pipeline, and the gap.

    Args:
        projection: a projection frame (per group, no totals).
        counts: from :func:`supply_counts`.
        base_year: the projection's base year.
        groups: groups whose needs the pipeline serves; all when None.
        measures: which training measures make the pipeline.
        entry_share: share of the pipeline that joins the workforce.

    Returns:
        Columns year, new_staff_in_year, supply_year, enrolments, apprenticeship_starts,
        pipeline, gap (needed minus pipeline: positive is a shortfall).

    Raises:
        ValueError: a group is unknown or the counts are empty.
    """
    if counts.is_empty():
        raise ValueError("there is no training data to compare with")
    known = projection.get_column(c.GROUP).unique().to_list()
    unknown = [name for name in groups or [] if name not in known]
    if unknown:
        raise ValueError(f"there is no group '{unknown[0]}' (groups: {', '.join(known)})")
    chosen = projection if groups is None else projection.filter(pl.col(c.GROUP).is_in(groups))
    needed = (
        chosen.lazy()
        .group_by(c.YEAR)
        .agg(pl.col(c.TOTAL_NEW_STAFF).sum())
        .with_columns(pl.lit("selected").alias(c.GROUP))
        .pipe(add_new_staff_in_year, base_year=base_year)
        .select(c.YEAR, c.NEW_STAFF_IN_YEAR)
        .sort(c.YEAR)
        .collect()
    )
    supply_years = counts.get_column(c.YEAR).to_list()
    used = [
        max((year for year in supply_years if year <= wanted), default=min(supply_years))
        for wanted in needed.get_column(c.YEAR).to_list()
    ]
    pipeline = pl.sum_horizontal(*[pl.col(name) for name in measures]) * entry_share
    return (
        needed.with_columns(pl.Series(c.SUPPLY_YEAR, used, dtype=pl.Int64))
        .join(counts.rename({c.YEAR: c.SUPPLY_YEAR}), on=c.SUPPLY_YEAR, how="left")
        .with_columns(pipeline.alias(c.PIPELINE))
        .with_columns((pl.col(c.NEW_STAFF_IN_YEAR) - pl.col(c.PIPELINE)).alias(c.GAP))
        .select(
            c.YEAR,
            c.NEW_STAFF_IN_YEAR,
            c.SUPPLY_YEAR,
            *SUPPLY_MEASURES,
            c.PIPELINE,
            c.GAP,
        )
    )
