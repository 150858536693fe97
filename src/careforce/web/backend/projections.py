"""The workforce demand projections the web service publishes.

The shipped parameter files (which reproduce the strategy's tables) and the parameter files in
the ``CAREFORCE_PROJECTIONS`` directory (``projections`` in the data folder unless set; for
example those written by ``careforce projections derive`` from the latest measures, and the
demo's) are run with every scenario they declare, their one-way sensitivity and, when they
declare uncertain parameters, their Monte Carlo ranges. When the ``CAREFORCE_PROJECTIONS_SUPPLY``
supply file exists (``projections/supply.csv`` in the data folder unless set), new staff needed
are set against the training pipeline. Results are kept in memory until a file changes.

Projections hold no personal or organisation data: they are public, like the measures.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import polars as pl
from django.conf import settings

from careforce.core.projections import columns as c
from careforce.core.projections.parameters import ProjectionParameters
from careforce.core.projections.scenarios import scenario_label
from careforce.services.projections import (
    ConfigurationFileError,
    ParameterFile,
    ProjectionChart,
    ProjectionInputError,
    load_parameters,
    scenario_chart_of,
    scenario_frame,
    sensitivity_of,
    shipped_parameter_files,
    supply_chart_of,
    supply_gap_table,
    uncertainty_of,
)

SHIPPED: Final = "shipped"
"""Origin of a parameter file shipped with careforce."""
DERIVED: Final = "derived"
"""Origin of a parameter file in the ``CAREFORCE_PROJECTIONS`` directory."""
KEPT: Final = 16
"""Projection results kept in memory."""


class UnknownProjectionError(LookupError):
    """No parameter file has the name."""


@dataclass(frozen=True)
class ProjectionFile:
    """A parameter file the service publishes.

    Attributes:
        name: its file name without ``.toml`` (the URL's name).
        origin: ``shipped`` or ``derived``.
        loaded: the validated file (None when it cannot be used).
        problem: why it cannot be used (empty when it can).
    """

    name: str
    origin: str
    path: Path
    loaded: ParameterFile | None
    problem: str = ""

    @property
    def params(self) -> ProjectionParameters:
        """The parameters (only for a usable file)."""
        assert self.loaded is not None
        return self.loaded.params

    @property
    def title(self) -> str:
        """The projection's name, or the file's when it cannot be used."""
        return self.loaded.params.name if self.loaded is not None else self.name


@dataclass(frozen=True)
class ProjectionResults:
    """A parameter file run: every scenario side by side, sensitivity, ranges and supply.

    Attributes:
        file: the parameter file.
        scenarios: every scenario's projection (``baseline`` first) with group totals.
        labels: each scenario's label, ``baseline`` first.
        scenario_chart: total new staff needed by scenario.
        sensitivity: the one-way sensitivity table and tornado chart.
        ranges: P10/P50/P90 by group, year and measure (None without uncertain parameters).
        fan_chart: the fan chart of total new staff (None without uncertain parameters).
        supply: new staff needed against the training pipeline (None without a supply file).
        supply_chart: its chart.
    """

    file: ProjectionFile
    scenarios: pl.DataFrame
    labels: dict[str, str]
    scenario_chart: ProjectionChart
    sensitivity: ProjectionChart
    ranges: pl.DataFrame | None
    fan_chart: ProjectionChart | None
    supply: pl.DataFrame | None
    supply_chart: ProjectionChart | None

    def baseline(self) -> pl.DataFrame:
        """The baseline projection, every group and ``all``."""
        return self.scenarios.filter(pl.col(c.SCENARIO) == c.BASELINE).drop(c.SCENARIO)


_cache: dict[tuple[object, ...], ProjectionResults] = {}
_lock = threading.Lock()


def derived_directory() -> Path | None:
    """The configured directory of further parameter files (None: only the shipped ones)."""
    configured: str | None = getattr(settings, "CAREFORCE_PROJECTIONS", None)
    return Path(configured) if configured else None


def supply_file() -> Path | None:
    """The configured supply file (None: no supply against need)."""
    configured: str | None = getattr(settings, "CAREFORCE_PROJECTIONS_SUPPLY", None)
    return Path(configured) if configured else None


def _file(name: str, origin: str, path: Path) -> ProjectionFile:
    try:
        return ProjectionFile(name, origin, path, load_parameters(path))
    except ConfigurationFileError as error:
        return ProjectionFile(name, origin, path, None, str(error))


def projection_files() -> list[ProjectionFile]:
    """The shipped parameter files, then those of the configured directory, by name (a
    derived file with a shipped file's name is left out)."""
    shipped = shipped_parameter_files()
    found = [_file(name, SHIPPED, path) for name, path in shipped.items()]
    directory = derived_directory()
    if directory is not None and directory.is_dir():
        found += [
            _file(path.stem, DERIVED, path)
            for path in sorted(directory.glob("*.toml"))
            if path.stem not in shipped
        ]
    return found


def projection_file(name: str) -> ProjectionFile:
    """One usable parameter file by name.

    Raises:
        UnknownProjectionError: no usable file has the name.
    """
    for found in projection_files():
        if found.name == name and found.loaded is not None:
            return found
    raise UnknownProjectionError(name)


def projection_results(name: str) -> ProjectionResults:
    """A parameter file run with everything it declares (kept in memory until it changes).

    Raises:
        UnknownProjectionError: no usable file has the name.
        ProjectionInputError: the file or the supply file cannot be run (one line).
    """
    found = projection_file(name)
    supply = supply_file()
    key = (
        str(found.path),
        found.loaded.sha256 if found.loaded else "",
        str(supply),
        supply.stat().st_mtime_ns if supply is not None and supply.exists() else None,
    )
    with _lock:
        kept = _cache.get(key)
    if kept is not None:
        return kept
    results = _run(found, supply)
    with _lock:
        if len(_cache) >= KEPT:
            _cache.clear()
        _cache[key] = results
    return results


def _run(found: ProjectionFile, supply: Path | None) -> ProjectionResults:
    params = found.params
    scenarios = scenario_frame(params)
    names = scenarios.get_column(c.SCENARIO).unique(maintain_order=True).to_list()
    ranges = fan = None
    if params.uncertainty:
        ranges, fan = uncertainty_of(params)
    gap = gap_chart = None
    if supply is not None and supply.exists():
        gap = supply_gap_table(params, supply)
        gap_chart = supply_chart_of(params, gap)
    return ProjectionResults(
        file=found,
        scenarios=scenarios,
        labels={name: scenario_label(params, name) for name in names},
        scenario_chart=scenario_chart_of(params, scenarios),
        sensitivity=sensitivity_of(params),
        ranges=ranges,
        fan_chart=fan,
        supply=gap,
        supply_chart=gap_chart,
    )


__all__ = [
    "DERIVED",
    "SHIPPED",
    "ProjectionFile",
    "ProjectionInputError",
    "ProjectionResults",
    "UnknownProjectionError",
    "projection_file",
    "projection_files",
    "projection_results",
]
