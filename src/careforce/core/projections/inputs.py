"""From parameters to the arrays the equations take, with any numeric parameter replaced.

Every numeric parameter has an identifier (``groups.adult.replacement_rate``,
``groups.adult.policy_posts.reform_2023``, ``drivers.pop65.growth_scale``). Sensitivity tests
and Monte Carlo simulation replace parameters by arrays of values, one per row of the batch;
the same code builds the inputs for a plain projection, so all three agree by construction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import numpy as np

from careforce.core.projections.drivers import FloatArray, driver_growth
from careforce.core.projections.model import (
    GroupInputs,
    LeaverReplacement,
    RateReplacement,
)
from careforce.core.projections.parameters import (
    MAX_TURNOVER_RATE,
    NO_DRIVER,
    Group,
    ProjectionParameters,
)

GROWTH_SCALE: Final = "growth_scale"
"""Pseudo-parameter of every driver in use: a multiplier on its growth (1 in the file)."""

Overrides = Mapping[str, FloatArray]
"""Replacement values by parameter identifier, each of shape (n,)."""


@dataclass(frozen=True)
class NumericParameter:
    """A numeric parameter that sensitivity tests and simulations may vary.

    Attributes:
        identifier: e.g. ``groups.adult.replacement_rate``.
        label: short text for charts, e.g. ``Adult social care: replacement rate``.
        value: its value in the file.
        minimum: lowest meaningful value, if any.
        maximum: highest meaningful value, if any.
    """

    identifier: str
    label: str
    value: float
    minimum: float | None = None
    maximum: float | None = None


def _group_parameters(group: Group) -> list[NumericParameter]:
    prefix = f"groups.{group.name}"
    title = group.display_name

    def make(
        field: str, value: float, low: float | None = None, high: float | None = None
    ) -> NumericParameter:
        return NumericParameter(
            f"{prefix}.{field}", f"{title}: {field.replace('_', ' ')}", value, low, high
        )

    found = [make("base_workforce", group.base_workforce, 0.0)]
    if group.vacancies_closed_by is not None:
        found.append(make("base_vacancies", group.base_vacancies, 0.0))
    if group.demand_driver != NO_DRIVER:
        found.append(make("demand_elasticity", group.demand_elasticity))
    if group.replacement_rate is not None:
        found.append(make("replacement_rate", group.replacement_rate, 0.0, MAX_TURNOVER_RATE))
    if group.turnover_rate is not None:
        found.append(make("turnover_rate", group.turnover_rate, 0.0, MAX_TURNOVER_RATE))
    if group.leaving_sector_share is not None:
        found.append(make("leaving_sector_share", group.leaving_sector_share, 0.0, 1.0))
    if group.leavers_per_year is not None:
        found.append(make("leavers_per_year", group.leavers_per_year, 0.0))
    found.extend(
        NumericParameter(
            f"{prefix}.policy_posts.{posts.name}", f"{title}: {posts.name} posts", posts.posts
        )
        for posts in group.policy_posts
    )
    return found


def drivers_in_use(params: ProjectionParameters) -> list[str]:
    """Drivers a group uses directly (as demand driver or population adjustment), in file order."""
    used: list[str] = []
    for group in params.groups:
        for name in (group.demand_driver, group.replacement_population_adjustment):
            if name is not None and name != NO_DRIVER and name not in used:
                used.append(name)
    return used


def numeric_parameters(params: ProjectionParameters) -> list[NumericParameter]:
    """Every numeric parameter that affects the results, in file order."""
    found = [item for group in params.groups for item in _group_parameters(group)]
    found.extend(
        NumericParameter(f"drivers.{name}.{GROWTH_SCALE}", f"{name}: growth scale", 1.0)
        for name in drivers_in_use(params)
    )
    return found


def batch_size(overrides: Overrides | None) -> int:
    """Rows in the batch: the common length of the override arrays, 1 without overrides.

    Raises:
        ValueError: the arrays differ in length.
    """
    sizes = {len(values) for values in (overrides or {}).values()}
    if len(sizes) > 1:
        raise ValueError(f"override arrays differ in length: {sorted(sizes)}")
    return sizes.pop() if sizes else 1


class _Values:
    """Reads a parameter's value: its override array, or its file value repeated."""

    def __init__(self, overrides: Overrides | None, size: int) -> None:
        self.overrides = overrides or {}
        self.size = size

    def get(self, identifier: str, value: float) -> FloatArray:
        if identifier in self.overrides:
            return np.asarray(self.overrides[identifier], dtype=np.float64)
        return np.full(self.size, value, dtype=np.float64)


def _path(
    anchor: float, points: Mapping[int, float] | None, base: int, years: list[int]
) -> FloatArray:
    """A yearly rate: linear from the anchor in the base year to each given year, then held."""
    known = {base: anchor, **{year: value for year, value in (points or {}).items() if year > base}}
    order = sorted(known)
    return np.interp(
        np.asarray(years, dtype=np.float64),
        np.asarray(order, dtype=np.float64),
        np.asarray([known[year] for year in order], dtype=np.float64),
    )


def _rates(
    group: Group, values: _Values, base: int, rate_years: list[int]
) -> tuple[FloatArray, FloatArray | None]:
    """Sector replacement rates and (if known) turnover rates, shape (n, years - 1)."""
    prefix = f"groups.{group.name}"
    turnover = group.turnover_rate
    if group.replacement_rate is not None:
        rate = group.replacement_rate
        if group.turnover_rate_path is not None and turnover:
            turnover_path = _path(turnover, group.turnover_rate_path, base, rate_years)
            rate_path = turnover_path * (rate / turnover)
        else:
            rate_path = _path(rate, group.replacement_rate_path, base, rate_years)
            turnover_path = (
                rate_path * (turnover / rate)
                if turnover is not None and rate > 0
                else np.full(len(rate_years), turnover or 0.0)
            )
        # A varied rate shifts the whole path, so a scenario's fall in points is kept.
        sector = np.maximum(
            rate_path[None, :] + (values.get(f"{prefix}.replacement_rate", rate) - rate)[:, None],
            0.0,
        )
        if turnover is None:
            return sector, None
        employer = np.maximum(
            turnover_path[None, :]
            + (values.get(f"{prefix}.turnover_rate", turnover) - turnover)[:, None],
            0.0,
        )
        return sector, employer
    share = group.leaving_sector_share
    if turnover is None or share is None:
        raise ValueError(f"group {group.name}: no replacement rate can be formed")
    if group.replacement_rate_path is not None and share > 0:
        turnover_path = (
            _path(turnover * share, group.replacement_rate_path, base, rate_years) / share
        )
    else:
        turnover_path = _path(turnover, group.turnover_rate_path, base, rate_years)
    employer = np.maximum(
        turnover_path[None, :]
        + (values.get(f"{prefix}.turnover_rate", turnover) - turnover)[:, None],
        0.0,
    )
    sector = employer * values.get(f"{prefix}.leaving_sector_share", share)[:, None]
    return sector, employer


def _growth(
    params: ProjectionParameters, name: str | None, values: _Values, years: list[int]
) -> FloatArray:
    if name is None or name == NO_DRIVER:
        return np.zeros((values.size, len(years)), dtype=np.float64)
    central = driver_growth(params.drivers, name, base_year=params.base_year, years=years)
    scale = values.get(f"drivers.{name}.{GROWTH_SCALE}", 1.0)
    return scale[:, None] * central[None, :]


def group_inputs(
    params: ProjectionParameters, group: Group, overrides: Overrides | None = None
) -> GroupInputs:
    """The equations' inputs for one group, with any overridden parameters.

    Raises:
        DriverError: a driver does not cover the projection years.
        ValueError: override arrays differ in length.
    """
    size = batch_size(overrides)
    values = _Values(overrides, size)
    years = params.years
    base = params.base_year
    prefix = f"groups.{group.name}"
    year_array = np.asarray(years, dtype=np.float64)
    posts = np.zeros((size, len(years)), dtype=np.float64)
    for policy in group.policy_posts:
        active = (year_array >= policy.from_year) & (
            year_array <= (policy.to_year if policy.to_year is not None else years[-1])
        )
        amount = values.get(f"{prefix}.policy_posts.{policy.name}", policy.posts)
        posts += amount[:, None] * active[None, :]
    if group.vacancies_closed_by is not None:
        fill = np.clip((year_array - base) / (group.vacancies_closed_by - base), 0.0, 1.0)
    else:
        fill = np.zeros(len(years), dtype=np.float64)
    replacement: RateReplacement | LeaverReplacement | None = None
    if group.leavers_per_year is not None:
        adjustment = 1.0 + _growth(params, group.replacement_population_adjustment, values, years)
        replacement = LeaverReplacement(
            leavers_per_year=values.get(f"{prefix}.leavers_per_year", group.leavers_per_year),
            adjustment=adjustment,
        )
    elif group.replacement_rate is not None or group.turnover_rate is not None:
        sector, employer = _rates(group, values, base, years[:-1])
        replacement = RateReplacement(
            rates=sector, timing=group.replacement_timing, turnover=employer
        )
    return GroupInputs(
        base_workforce=values.get(f"{prefix}.base_workforce", group.base_workforce),
        demand_elasticity=values.get(f"{prefix}.demand_elasticity", group.demand_elasticity),
        growth=_growth(params, group.demand_driver, values, years),
        policy_posts=posts,
        base_vacancies=values.get(f"{prefix}.base_vacancies", group.base_vacancies),
        vacancy_fill=fill,
        replacement=replacement,
    )
