"""Monte Carlo ranges: draw uncertain parameters from their distributions, project every draw.

Draws are independent between parameters, made with ``numpy.random.default_rng(seed)`` in the
order the file lists them, so a seed reproduces a run exactly. Every draw is projected at once
(the equations are vectorised over draws); P10, P50 and P90 are taken per group, year and
measure, and for the sum over groups draw by draw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Final

import numpy as np
import polars as pl
from scipy.special import ndtr, ndtri

from careforce.core.projections import columns as c
from careforce.core.projections.drivers import FloatArray
from careforce.core.projections.inputs import NumericParameter, group_inputs, numeric_parameters
from careforce.core.projections.model import (
    GroupInputs,
    GroupProjection,
    RateReplacement,
    project_group,
)
from careforce.core.projections.parameters import (
    DistributionKind,
    ProjectionParameters,
    UncertainParameter,
)

PERCENTILES: Final = (10.0, 50.0, 90.0)
"""Percentiles reported: P10 and P90 bound the central 80% of draws, as in fan charts."""
SUMMARY_SCHEMA: Final = pl.Schema(
    {
        c.GROUP: pl.String,
        c.YEAR: pl.Int64,
        c.MEASURE: pl.String,
        **dict.fromkeys((c.CENTRAL, c.MEAN, c.P10, c.P50, c.P90), pl.Float64),
    }
)
"""Schema of the Monte Carlo summary."""


class NoUncertaintyError(ValueError):
    """The parameters declare no uncertain parameter, so there is nothing to simulate."""


@dataclass(frozen=True)
class Simulation:
    """Every draw's results.

    Attributes:
        years: the projection years after the base year.
        draws: the number of draws.
        seed: the seed used.
        results: by group name (and ``all``), by measure, an array of shape (draws, years).
        central: the same with every parameter at its value in the file, shape (1, years).
    """

    years: list[int]
    draws: int
    seed: int
    results: dict[str, dict[str, FloatArray]]
    central: dict[str, dict[str, FloatArray]]


def _as_floats(values: object) -> FloatArray:
    return np.asarray(values, dtype=np.float64)


def _given(entry: UncertainParameter, name: str) -> float:
    value = getattr(entry, name)
    if value is None:
        raise ValueError(
            f"{entry.parameter}: a {entry.distribution.value} distribution needs {name}"
        )
    return float(value)


def draw(
    entry: UncertainParameter,
    parameter: NumericParameter,
    size: int,
    rng: np.random.Generator,
) -> FloatArray:
    """Draw ``size`` values of a parameter from its declared distribution.

    A normal distribution is truncated to its declared bounds and to the parameter's meaningful
    limits (a rate is never negative) by inverse-CDF sampling.
    """
    if entry.distribution is DistributionKind.UNIFORM:
        return rng.uniform(_given(entry, "low"), _given(entry, "high"), size)
    if entry.distribution is DistributionKind.TRIANGULAR:
        low, mode, high = (_given(entry, name) for name in ("low", "mode", "high"))
        if low == high:
            return np.full(size, low, dtype=np.float64)
        return rng.triangular(low, mode, high, size)
    mean, sd = _given(entry, "mean"), _given(entry, "sd")
    if sd == 0:
        return np.full(size, mean, dtype=np.float64)
    low = max(v for v in (entry.low, parameter.minimum, -math.inf) if v is not None)
    high = min(v for v in (entry.high, parameter.maximum, math.inf) if v is not None)
    lower = float(_as_floats(ndtr((low - mean) / sd)))
    upper = float(_as_floats(ndtr((high - mean) / sd)))
    uniform = rng.uniform(lower, upper, size)
    return _as_floats(np.clip(mean + sd * _as_floats(ndtri(uniform)), low, high))


def _measures(result: GroupProjection) -> dict[str, FloatArray]:
    return {
        c.REQUIREMENT: result.requirement[:, 1:],
        c.EXTRA_DEMAND: result.extra_demand[:, 1:],
        c.REPLACEMENT: result.replacement[:, 1:],
        c.TOTAL_NEW_STAFF: result.total_new_staff[:, 1:],
    }


def _sector_only(inputs: GroupInputs) -> GroupInputs:
    """The inputs without turnover: simulations report sector measures, not employer ones."""
    if isinstance(inputs.replacement, RateReplacement) and inputs.replacement.turnover is not None:
        return replace(inputs, replacement=replace(inputs.replacement, turnover=None))
    return inputs


def _with_total(
    params: ProjectionParameters, results: dict[str, dict[str, FloatArray]]
) -> dict[str, dict[str, FloatArray]]:
    """Add the sum over groups (the group's own arrays when there is one group)."""
    if len(params.groups) == 1:
        results[c.ALL_GROUPS] = results[params.groups[0].name]
        return results
    results[c.ALL_GROUPS] = {
        measure: _as_floats(np.sum([results[g.name][measure] for g in params.groups], axis=0))
        for measure in c.HEADLINE_MEASURES
    }
    return results


def simulate(params: ProjectionParameters, *, draws: int, seed: int) -> Simulation:
    """Project ``draws`` parameter sets drawn from the declared distributions.

    Raises:
        NoUncertaintyError: the file declares no ``[[uncertainty]]`` entry.
    """
    if not params.uncertainty:
        raise NoUncertaintyError(
            "the parameters declare no uncertain parameter: add [[uncertainty]] entries"
        )
    known = {item.identifier: item for item in numeric_parameters(params)}
    rng = np.random.default_rng(seed)
    overrides = {
        entry.parameter: draw(entry, known[entry.parameter], draws, rng)
        for entry in params.uncertainty
    }
    results: dict[str, dict[str, FloatArray]] = {}
    central: dict[str, dict[str, FloatArray]] = {}
    for group in params.groups:
        results[group.name] = _measures(
            project_group(_sector_only(group_inputs(params, group, overrides)))
        )
        central[group.name] = _measures(project_group(_sector_only(group_inputs(params, group))))
    return Simulation(
        years=params.years[1:],
        draws=draws,
        seed=seed,
        results=_with_total(params, results),
        central=_with_total(params, central),
    )


def summarise(simulation: Simulation) -> pl.DataFrame:
    """P10, P50, P90 and mean of every group, year and measure, next to the central projection.

    Returns:
        Columns group, year, measure, central, mean, p10, p50, p90.
    """
    years = np.asarray(simulation.years, dtype=np.int64)
    blocks: list[pl.DataFrame] = []
    done: dict[int, tuple[FloatArray, FloatArray]] = {}
    for group, measures in simulation.results.items():
        names = list(measures)
        key = id(measures[names[0]])
        if key not in done:
            # One call per group, on draws laid out contiguously: partitioning along the last
            # axis is several times faster than along the draws axis of (draws, years).
            stacked = np.ascontiguousarray(
                np.stack([measures[name] for name in names]).transpose(0, 2, 1)
            )
            done[key] = (
                np.percentile(stacked, PERCENTILES, axis=-1),
                stacked.mean(axis=-1),
            )
        percentiles, means = done[key]
        central = np.stack([simulation.central[group][name][0] for name in names])
        blocks.append(
            pl.DataFrame(
                {
                    c.GROUP: np.full(len(names) * len(years), group),
                    c.YEAR: np.tile(years, len(names)),
                    c.MEASURE: np.repeat(names, len(years)),
                    c.CENTRAL: central.ravel(),
                    c.MEAN: means.ravel(),
                    c.P10: percentiles[0].ravel(),
                    c.P50: percentiles[1].ravel(),
                    c.P90: percentiles[2].ravel(),
                },
                schema=SUMMARY_SCHEMA,
            )
        )
    return pl.concat(blocks)
