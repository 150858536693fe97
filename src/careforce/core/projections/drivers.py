"""Demand drivers: population series, linear interpolation and weighted combinations of age bands.

Every driver is reduced to its growth since the base year, ``g_y = D_y / D_base - 1``, for each
year of the projection. Missing years are interpolated linearly between the given years; a year
before the first or after the last given year is an error, never an extrapolation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from careforce.core.projections.parameters import NO_DRIVER, Driver

FloatArray = npt.NDArray[np.float64]


class DriverError(ValueError):
    """A driver cannot give a value for a year the projection needs."""


def interpolate(points: Mapping[int, float], years: Sequence[int], *, what: str) -> FloatArray:
    """Values at ``years``, linear between the given points.

    Args:
        points: value by year; at least one.
        years: the years wanted, ascending.
        what: name of the series, for the error message.

    Raises:
        DriverError: a year is before the first or after the last given year.
    """
    known = sorted(points)
    wanted = list(years)
    if not known:
        raise DriverError(f"{what} has no values")
    outside = [year for year in wanted if year < known[0] or year > known[-1]]
    if outside:
        raise DriverError(
            f"{what} has no value for {outside[0]}: it covers {known[0]} to {known[-1]} "
            "and careforce does not extrapolate"
        )
    return np.asarray(
        np.interp(
            np.asarray(wanted, dtype=np.float64),
            np.asarray(known, dtype=np.float64),
            np.asarray([points[year] for year in known], dtype=np.float64),
        ),
        dtype=np.float64,
    )


def _population(
    drivers: Mapping[str, Driver], name: str, years: Sequence[int]
) -> FloatArray | None:
    """Absolute level of a driver by year, or None when it is given as growth only."""
    driver = drivers[name]
    if driver.population is not None:
        return interpolate(driver.population, years, what=f"drivers.{name}.population")
    if driver.weights is not None:
        total = np.zeros(len(years), dtype=np.float64)
        for component, weight in driver.weights.items():
            if component not in drivers:
                raise DriverError(f"drivers.{name}.weights names unknown driver '{component}'")
            if drivers[component].population is None:
                raise DriverError(
                    f"drivers.{name}.weights: driver '{component}' must be given as population"
                )
            level = _population(drivers, component, years)
            assert level is not None  # population drivers always have a level
            total += weight * level
        return total
    return None


def driver_growth(
    drivers: Mapping[str, Driver], name: str, *, base_year: int, years: Sequence[int]
) -> FloatArray:
    """Growth of a driver since the base year, for each of ``years``.

    Args:
        drivers: every driver of the parameters, by name.
        name: the driver wanted, or ``"none"`` (growth 0 every year).
        base_year: the year growth is measured from.
        years: the years wanted, ascending.

    Raises:
        DriverError: the driver is unknown or does not cover the years.
    """
    if name == NO_DRIVER:
        return np.zeros(len(years), dtype=np.float64)
    if name not in drivers:
        raise DriverError(f"there is no driver '{name}'")
    driver = drivers[name]
    if driver.growth is not None:
        points = {year: value for year, value in driver.growth.items() if year >= base_year}
        points[base_year] = 0.0
        return interpolate(points, years, what=f"drivers.{name}.growth")
    levels = _population(drivers, name, [base_year, *years])
    assert levels is not None  # a driver without growth has a population or weights
    if levels[0] <= 0:
        raise DriverError(f"drivers.{name} is zero in the base year {base_year}")
    return np.asarray(levels[1:] / levels[0] - 1.0, dtype=np.float64)


def last_year(drivers: Mapping[str, Driver], name: str) -> int:
    """The last year a driver has a value for (the earliest last year of its components)."""
    driver = drivers[name]
    if driver.growth is not None:
        return max(driver.growth)
    if driver.population is not None:
        return max(driver.population)
    assert driver.weights is not None
    return min(
        last_year(drivers, component) for component in driver.weights if component in drivers
    )
