"""Checking parameter data: JSON Schema, then the models, then references between fields.

Every problem names the field by its dotted path (``groups[0].replacement_rate``) and says what
is wrong in plain words.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any, Final

from pydantic import ValidationError

from careforce.core.configuration import Problem, Wording, parse_checked, pydantic_problems
from careforce.core.projections.drivers import DriverError, last_year
from careforce.core.projections.inputs import NumericParameter, numeric_parameters
from careforce.core.projections.parameters import (
    NAME_PATTERN,
    NO_DRIVER,
    YEAR_KEY_PATTERN,
    DistributionKind,
    Group,
    ParameterError,
    ProjectionParameters,
    SensitivityRange,
    UncertainParameter,
    merge_scenario,
)

WORDING: Final = Wording(
    mapping="a table",
    mapping_type="a table",
    text="text in quotes",
    patterns={
        NAME_PATTERN: "a name: a letter, then letters, digits, '_' or '-'",
        YEAR_KEY_PATTERN: "a year of four digits",
    },
    text_keys=False,
)
"""How messages about TOML parameter files name things."""


def _driver_problems(params: ProjectionParameters) -> Iterator[Problem]:
    base = params.base_year
    for name, driver in params.drivers.items():
        where: tuple[str | int, ...] = ("drivers", name)
        if name == NO_DRIVER:
            yield Problem(where, f"'{NO_DRIVER}' is reserved for groups without a driver")
        if driver.growth is not None and driver.growth.get(base, 0.0) != 0.0:
            yield Problem(
                (*where, "growth", str(base)), "growth in the base year must be 0 (or left out)"
            )
        if driver.population is not None and base not in driver.population:
            yield Problem((*where, "population"), f"must include the base year {base}")
        if driver.weights is not None:
            if not any(driver.weights.values()):
                yield Problem((*where, "weights"), "at least one weight must be more than 0")
            for component in driver.weights:
                if component not in params.drivers:
                    yield Problem(
                        (*where, "weights", component), f"there is no driver '{component}'"
                    )
                elif params.drivers[component].population is None:
                    yield Problem(
                        (*where, "weights", component),
                        f"driver '{component}' must be given as population to be weighted",
                    )


def _driver_reference(
    params: ProjectionParameters, name: str, where: tuple[str | int, ...]
) -> Iterator[Problem]:
    if name not in params.drivers:
        known = ", ".join(params.drivers) or "none are defined"
        yield Problem(where, f"there is no driver '{name}' (drivers: {known})")
        return
    end = max(params.report_years)
    try:
        covered = last_year(params.drivers, name)
    except (DriverError, ValueError):
        return  # the driver's own problems are reported under drivers
    if covered < end:
        yield Problem(
            where,
            f"driver '{name}' ends in {covered} but the projection runs to {end}; "
            "careforce does not extrapolate",
        )


def _replacement_problems(group: Group, where: tuple[str | int, ...]) -> Iterator[Problem]:
    rate, turnover, share = group.replacement_rate, group.turnover_rate, group.leaving_sector_share
    if group.leavers_per_year is not None:
        for field in (
            "replacement_rate",
            "turnover_rate",
            "leaving_sector_share",
            "replacement_rate_path",
            "turnover_rate_path",
            "replacement_timing",
        ):
            if field in group.model_fields_set:
                yield Problem(
                    (*where, field), "cannot be combined with leavers_per_year: give one form"
                )
    elif group.replacement_population_adjustment is not None:
        yield Problem(
            (*where, "replacement_population_adjustment"), "applies only with leavers_per_year"
        )
    if rate is not None and share is not None:
        yield Problem(
            (*where, "leaving_sector_share"),
            "give replacement_rate, or turnover_rate with leaving_sector_share, not both",
        )
    if share is not None and turnover is None:
        yield Problem((*where, "leaving_sector_share"), "needs turnover_rate")
    if turnover is not None and rate is None and share is None:
        yield Problem(
            (*where, "turnover_rate"),
            "needs replacement_rate or leaving_sector_share, so the sector's leavers are known",
        )
    if rate is not None and turnover is not None and rate > turnover:
        yield Problem(
            (*where, "replacement_rate"),
            f"{rate} is more than turnover_rate {turnover}: leavers from the sector are "
            "a part of all leavers",
        )
    if group.replacement_rate_path is not None and group.turnover_rate_path is not None:
        yield Problem(
            (*where, "turnover_rate_path"),
            "give replacement_rate_path or turnover_rate_path, not both",
        )
    if group.turnover_rate_path is not None and turnover is None:
        yield Problem((*where, "turnover_rate_path"), "needs turnover_rate")
    if group.replacement_rate_path is not None and rate is None and turnover is None:
        yield Problem((*where, "replacement_rate_path"), "needs a replacement rate")


def _group_problems(params: ProjectionParameters) -> Iterator[Problem]:
    base = params.base_year
    seen: set[str] = set()
    for index, group in enumerate(params.groups):
        where: tuple[str | int, ...] = ("groups", index)
        if group.name in seen:
            yield Problem((*where, "name"), f"group name '{group.name}' is used twice")
        seen.add(group.name)
        if group.demand_driver != NO_DRIVER:
            yield from _driver_reference(params, group.demand_driver, (*where, "demand_driver"))
        if group.replacement_population_adjustment is not None:
            yield from _driver_reference(
                params,
                group.replacement_population_adjustment,
                (*where, "replacement_population_adjustment"),
            )
        yield from _replacement_problems(group, where)
        for field in ("replacement_rate_path", "turnover_rate_path"):
            for year in getattr(group, field) or {}:
                if year <= base:
                    yield Problem((*where, field, str(year)), f"must be after the base year {base}")
        if group.base_vacancies > group.base_workforce:
            yield Problem(
                (*where, "base_vacancies"),
                f"{group.base_vacancies} is more than base_workforce {group.base_workforce}",
            )
        if group.vacancies_closed_by is not None and group.vacancies_closed_by <= base:
            yield Problem((*where, "vacancies_closed_by"), f"must be after the base year {base}")
        yield from _policy_posts_problems(group, where, base)


def _policy_posts_problems(
    group: Group, where: tuple[str | int, ...], base: int
) -> Iterator[Problem]:
    names: set[str] = set()
    for number, posts in enumerate(group.policy_posts):
        at = (*where, "policy_posts", number)
        if posts.name in names:
            yield Problem((*at, "name"), f"'{posts.name}' is used twice in this group")
        names.add(posts.name)
        if posts.from_year <= base:
            yield Problem((*at, "from_year"), f"must be after the base year {base}")
        if posts.to_year is not None and posts.to_year < posts.from_year:
            yield Problem((*at, "to_year"), "must not be before from_year")


def _range_problems(
    where: tuple[str | int, ...], known: NumericParameter, low: float, high: float
) -> Iterator[Problem]:
    if low > high:
        yield Problem((*where, "low"), f"{low} is more than high {high}")
    if known.minimum is not None and low < known.minimum:
        yield Problem((*where, "low"), f"must be at least {known.minimum} for this parameter")
    if known.maximum is not None and high > known.maximum:
        yield Problem((*where, "high"), f"must be at most {known.maximum} for this parameter")


def _distribution_problems(
    where: tuple[str | int, ...], entry: UncertainParameter, known: NumericParameter
) -> Iterator[Problem]:
    used = {
        DistributionKind.NORMAL: {"mean", "sd", "low", "high"},
        DistributionKind.TRIANGULAR: {"low", "mode", "high"},
        DistributionKind.UNIFORM: {"low", "high"},
    }[entry.distribution]
    for field in ("mean", "sd", "mode", "low", "high"):
        if field not in used and getattr(entry, field) is not None:
            yield Problem(
                (*where, field), f"is not used by a {entry.distribution.value} distribution"
            )
    if entry.distribution is DistributionKind.NORMAL:
        bottom = max(v for v in (entry.low, known.minimum, -math.inf) if v is not None)
        top = min(v for v in (entry.high, known.maximum, math.inf) if v is not None)
        if bottom >= top:
            yield Problem(where, f"the bounds leave no values: low {bottom}, high {top}")
        return
    if entry.low is None or entry.high is None:
        return  # reported as missing by the schema
    yield from _range_problems(where, known, entry.low, entry.high)
    if entry.mode is not None and not entry.low <= entry.mode <= entry.high:
        yield Problem(
            (*where, "mode"), f"{entry.mode} is not between low {entry.low} and high {entry.high}"
        )


def _variation_problems(params: ProjectionParameters) -> Iterator[Problem]:
    known = {item.identifier: item for item in numeric_parameters(params)}
    listing = ", ".join(known)
    sections: list[tuple[str, list[SensitivityRange | UncertainParameter]]] = [
        ("sensitivity", [*params.sensitivity]),
        ("uncertainty", [*params.uncertainty]),
    ]
    for section, entries in sections:
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            where: tuple[str | int, ...] = (section, index)
            if entry.parameter not in known:
                yield Problem(
                    (*where, "parameter"),
                    f"'{entry.parameter}' is not a numeric parameter of this file "
                    f"(parameters: {listing})",
                )
                continue
            if entry.parameter in seen:
                yield Problem((*where, "parameter"), f"'{entry.parameter}' is listed twice")
            seen.add(entry.parameter)
            if isinstance(entry, UncertainParameter):
                yield from _distribution_problems(where, entry, known[entry.parameter])
            else:
                yield from _range_problems(where, known[entry.parameter], entry.low, entry.high)


def _scenario_problems(params: ProjectionParameters) -> Iterator[Problem]:
    for name, scenario in params.scenarios.items():
        unknown = [
            group for group in scenario.groups if all(g.name != group for g in params.groups)
        ]
        for group in unknown:
            yield Problem(("scenarios", name, "groups", group), f"there is no group '{group}'")
        if unknown:
            continue
        try:
            merged = merge_scenario(params, name)
        except ValidationError as error:
            for problem in pydantic_problems(error):
                yield Problem(("scenarios", name), f"makes {problem}")
            continue
        for problem in check_parameters(merged):
            yield Problem(("scenarios", name), f"makes {problem}")


def check_parameters(params: ProjectionParameters) -> list[Problem]:
    """Problems in the references between fields of parameters that passed the schema."""
    base = params.base_year
    problems = [
        Problem(("report_years", index), f"{year} must be after the base year {base}")
        for index, year in enumerate(params.report_years)
        if year <= base
    ]
    if params.report_years != sorted(params.report_years):
        problems.append(Problem(("report_years",), "must be in ascending order"))
    problems += _driver_problems(params)
    problems += _group_problems(params)
    if not problems:
        problems += _variation_problems(params)
        problems += _scenario_problems(params)
    return problems


def parse_parameters(data: Mapping[str, Any], schema: Mapping[str, Any]) -> ProjectionParameters:
    """Validate raw parameter data (as read from TOML) and build the parameters.

    Args:
        data: the parsed file.
        schema: the parameter-file JSON Schema.

    Raises:
        ParameterError: with every problem found, each naming its field.
    """
    return parse_checked(
        data, schema, WORDING, ProjectionParameters, check_parameters, ParameterError
    )
