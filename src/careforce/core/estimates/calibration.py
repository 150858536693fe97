"""Optional calibration of the estimates to published totals (e.g. Skills for Care's local
authority estimates) by raking: the modelled locations' filled posts are scaled, margin by
margin, until every target is met; returned, carried and interpolated figures stay as they are."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

import numpy as np
import polars as pl

from careforce.core.estimates.columns import (
    AREA_CODE,
    FILLED_POSTS,
    LEAVERS,
    LOCATION_ID,
    LOWER,
    POSTS,
    SERVICE_GROUP,
    SOURCE,
    STARTERS,
    UPPER,
    VACANCIES,
    Source,
)
from careforce.core.estimates.estimate import Estimates, Replicates

TARGET_COLUMNS: Final = (AREA_CODE, FILLED_POSTS)
"""Columns a calibration file must have; ``breakdown`` (``total`` or ``service_group``) and
``breakdown_value`` are optional (a row without them is the area's total)."""
MAX_ITERATIONS: Final = 100
"""Raking rounds at most (a few are enough when the margins agree with each other)."""
TOLERANCE: Final = 0.0001
"""Raking stops when every margin is within 0.01% of its target."""
FACTOR_BOUNDS: Final = (0.2, 5.0)
"""A modelled location's figure is scaled by at most 5 or at least 0.2: a larger adjustment
says the target and the register disagree, and is reported rather than forced."""
FACTOR: Final = "calibration_factor"
"""Column of the factor each location's figure was scaled by."""

REPORT_SCHEMA: Final = pl.Schema(
    {
        AREA_CODE: pl.String(),
        "breakdown": pl.String(),
        "breakdown_value": pl.String(),
        "target": pl.Float64(),
        "before": pl.Float64(),
        "after": pl.Float64(),
        "modelled_factor": pl.Float64(),
    }
)
"""Columns of ``calibration.csv``: each target, the estimate before and after, and the mean
factor applied to its modelled locations."""


def _cell(frame: pl.DataFrame, area: str, breakdown: str, value: str) -> pl.Series:
    mask = frame[AREA_CODE] == area
    if breakdown == SERVICE_GROUP:
        mask = mask & (frame[SERVICE_GROUP] == value)
    return mask


def calibrate(estimates: Estimates, targets: pl.DataFrame) -> tuple[Estimates, pl.DataFrame]:
    """Rake the modelled locations to the targets.

    Args:
        estimates: a run's estimates.
        targets: ``area_code``, ``breakdown`` (``total`` or ``service_group``),
            ``breakdown_value`` and ``filled_posts`` (the target), one row per margin.

    Returns:
        The calibrated estimates (filled posts, intervals, counts, job roles and replicates of
        modelled locations scaled) and the report (:data:`REPORT_SCHEMA`).
    """
    locations = estimates.locations
    # Published totals count workplaces not regulated by CQC too: their returns are fixed.
    everything = pl.concat(
        [
            locations.select(AREA_CODE, SERVICE_GROUP, FILLED_POSTS, SOURCE),
            estimates.unregistered.select(
                pl.col(AREA_CODE).cast(pl.String),
                pl.col(SERVICE_GROUP).cast(pl.String),
                pl.col(FILLED_POSTS).cast(pl.Float64),
                pl.lit(Source.RETURNED.value).alias(SOURCE),
            ),
        ]
    )
    posts = everything[FILLED_POSTS].fill_null(0.0).to_numpy().astype(np.float64)
    adjustable = (everything[SOURCE] == Source.MODELLED.value).to_numpy()
    factor = np.ones(everything.height)
    cells = [
        (
            row,
            _cell(everything, row[AREA_CODE], row["breakdown"], row["breakdown_value"])
            .fill_null(False)
            .to_numpy(),
        )
        for row in targets.iter_rows(named=True)
    ]
    low, high = FACTOR_BOUNDS
    for _ in range(MAX_ITERATIONS):
        worst = 0.0
        for row, mask in cells:
            target = float(row[FILLED_POSTS])
            current = posts * factor
            fixed = current[mask & ~adjustable].sum()
            moving = current[mask & adjustable].sum()
            if moving <= 0 or target <= 0:
                continue
            worst = max(worst, abs(fixed + moving - target) / target)
            ratio = max(target - fixed, 0.0) / moving
            cell = mask & adjustable
            factor[cell] = np.clip(factor[cell] * ratio, low, high)
        if worst <= TOLERANCE:
            break
    after = posts * factor
    report = pl.DataFrame(
        [
            {
                AREA_CODE: row[AREA_CODE],
                "breakdown": row["breakdown"],
                "breakdown_value": row["breakdown_value"],
                "target": float(row[FILLED_POSTS]),
                "before": float(posts[mask].sum()),
                "after": float(after[mask].sum()),
                "modelled_factor": (
                    float(after[mask & adjustable].sum() / posts[mask & adjustable].sum())
                    if posts[mask & adjustable].sum() > 0
                    else None
                ),
            }
            for row, mask in cells
        ],
        schema=REPORT_SCHEMA,
    )
    scaled = locations.with_columns(pl.Series(FACTOR, factor[: locations.height])).with_columns(
        (pl.col(c) * pl.col(FACTOR)).alias(c)
        for c in (FILLED_POSTS, LOWER, UPPER, VACANCIES, STARTERS, LEAVERS)
    )
    by_location = scaled.select(LOCATION_ID, FACTOR)
    roles = (
        estimates.roles.join(by_location, on=LOCATION_ID, how="left")
        .with_columns((pl.col(POSTS) * pl.col(FACTOR).fill_null(1.0)).alias(POSTS))
        .drop(FACTOR)
    )
    order = pl.DataFrame(
        {LOCATION_ID: estimates.replicates.location_ids}, schema={LOCATION_ID: pl.String}
    )
    column_factor = (
        order.join(by_location, on=LOCATION_ID, how="left", maintain_order="left")[FACTOR]
        .fill_null(1.0)
        .to_numpy()
    )
    replicates = Replicates(
        estimates.replicates.location_ids,
        estimates.replicates.values * column_factor[np.newaxis, :],
    )
    calibrated = replace(
        estimates, locations=scaled.drop(FACTOR), roles=roles, replicates=replicates
    )
    return calibrated, report
