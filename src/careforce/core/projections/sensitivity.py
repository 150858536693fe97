"""One-way sensitivity: each numeric parameter at a low and a high value, the others as given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import polars as pl

from careforce.core.projections import columns as c
from careforce.core.projections.inputs import NumericParameter, group_inputs, numeric_parameters
from careforce.core.projections.model import project_group
from careforce.core.projections.parameters import ProjectionParameters

SENSITIVITY_FRACTION: Final = 0.10
"""Parameters without declared low/high values are varied by ±10% of their value (issue #5)."""

LABEL: Final = "label"
"""Column of the sensitivity frame with the parameter's short description."""


@dataclass(frozen=True)
class VariedRange:
    """A parameter and the values the sensitivity test tries."""

    parameter: NumericParameter
    low: float
    high: float


def varied_ranges(params: ProjectionParameters) -> list[VariedRange]:
    """Declared ranges, or ±10% of the value kept within the parameter's meaningful limits."""
    declared = {entry.parameter: entry for entry in params.sensitivity}
    ranges = []
    for parameter in numeric_parameters(params):
        if parameter.identifier in declared:
            entry = declared[parameter.identifier]
            ranges.append(VariedRange(parameter, entry.low, entry.high))
            continue
        low, high = sorted(
            (
                parameter.value * (1 - SENSITIVITY_FRACTION),
                parameter.value * (1 + SENSITIVITY_FRACTION),
            )
        )
        if parameter.minimum is not None:
            low = max(low, parameter.minimum)
        if parameter.maximum is not None:
            high = min(high, parameter.maximum)
        ranges.append(VariedRange(parameter, low, high))
    return ranges


def one_way_sensitivity(
    params: ProjectionParameters, *, year: int | None = None, group: str = c.ALL_GROUPS
) -> pl.DataFrame:
    """Total new staff by ``year`` with each parameter at its low and high value.

    Args:
        params: checked parameters.
        year: the year reported; the last report year when None.
        group: a group name, or ``all`` for the sum over groups.

    Returns:
        One row per parameter, largest swing first.

    Raises:
        ValueError: the year is not a projection year, or the group is unknown.
    """
    when = max(params.report_years) if year is None else year
    if when not in params.years[1:]:
        raise ValueError(
            f"year {when} is outside the projection ({params.years[1]} to {params.years[-1]})"
        )
    if group != c.ALL_GROUPS and all(g.name != group for g in params.groups):
        raise ValueError(f"there is no group '{group}'")
    index = when - params.base_year
    chosen = [g for g in params.groups if group in (c.ALL_GROUPS, g.name)]

    def totals(overrides: dict[str, np.ndarray] | None) -> np.ndarray:
        return np.asarray(
            sum(
                project_group(group_inputs(params, g, overrides)).total_new_staff[:, index]
                for g in chosen
            ),
            dtype=np.float64,
        )

    base = float(totals(None)[0])
    rows = []
    for tested in varied_ranges(params):
        values = np.asarray([tested.low, tested.high], dtype=np.float64)
        low, high = totals({tested.parameter.identifier: values}).tolist()
        rows.append(
            {
                c.PARAMETER: tested.parameter.identifier,
                LABEL: tested.parameter.label,
                c.BASE_VALUE: tested.parameter.value,
                c.LOW_VALUE: tested.low,
                c.HIGH_VALUE: tested.high,
                c.RESULT_LOW: low,
                c.RESULT_BASE: base,
                c.RESULT_HIGH: high,
                c.SWING: abs(high - low),
            }
        )
    schema = {c.PARAMETER: pl.String, LABEL: pl.String} | dict.fromkeys(
        (
            c.BASE_VALUE,
            c.LOW_VALUE,
            c.HIGH_VALUE,
            c.RESULT_LOW,
            c.RESULT_BASE,
            c.RESULT_HIGH,
            c.SWING,
        ),
        pl.Float64,
    )
    return (
        pl.DataFrame(rows, schema=schema)
        .with_columns(pl.lit(when, dtype=pl.Int64).alias(c.YEAR), pl.lit(group).alias(c.GROUP))
        .sort(c.SWING, descending=True, maintain_order=True)
    )
