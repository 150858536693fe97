"""Deriving a parameter file from the latest workforce measures and a population projection.

Action 1.2 of the strategy: update the projection at least annually. The base workforce is
filled posts plus vacancies in the latest period; the replacement rate is the average turnover
times the average share of leavers who leave the sector (1 - share remaining), over the periods
that have both; the demand driver is the area's population in one age band. Every number is
returned with a note saying where it came from, written as a comment beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import polars as pl

from careforce.core.projections import columns as c
from careforce.core.projections.input_tables import (
    InputDataError,
    require_columns,
    typed_numbers,
    typed_years,
)
from careforce.core.projections.parameters import SCHEMA_VERSION, Timing
from careforce.core.vocab import published as pub
from careforce.core.vocab.published import ALL, REQUIRED_COLUMNS, TOTAL

POPULATION_COLUMNS: Final = (pub.AREA_CODE, pub.AREA_NAME, c.AGE_BAND, c.INPUT_YEAR, c.POPULATION)
"""Columns of the long population projection file."""
FILLED_POSTS: Final = "filled_posts"
"""Measure id: filled posts (count)."""
VACANCIES: Final = "vacancies"
"""Measure id: vacant posts (count)."""
TURNOVER_RATE: Final = "turnover_rate"
"""Measure id: leavers in 12 months / directly employed staff (fraction)."""
LEAVERS_REMAINING: Final = "leavers_remaining_in_sector"
"""Measure id: share of leavers who stay in the sector (fraction)."""
MEASURES_USED: Final = (FILLED_POSTS, VACANCIES, TURNOVER_RATE, LEAVERS_REMAINING)
"""The measures a derivation reads."""
HEADLINE: Final = (TOTAL, ALL)
"""(breakdown, breakdown_value) of headline rows."""
DEFAULT_DRIVER_BAND: Final = "65+"
"""Adult social care demand follows the population aged 65 and over (the strategy's driver)."""
DEFAULT_ELASTICITY: Final = 1.0
"""Requirement proportional to the driver (the strategy's fitted 1.2827 fits its 2022 table)."""
REPORT_OFFSETS: Final = (2, 5, 10)
"""Report years are the base year + 2, 5 and 10, as in the strategy's table."""
SCENARIO_OFFSET: Final = 5
"""Scenarios reach their target this many years after the base year (the strategy's 5 years)."""
TURNOVER_FALL: Final = 0.05
"""Retention scenario: turnover five percentage points lower by the scenario year (issue #5)."""
DEFAULT_GROUP_NAME: Final = "adult"
"""Name of the group derived from headline measures."""
DEFAULT_GROUP_LABEL: Final = "Adult social care"
"""Label of the group derived from headline measures."""

Path = tuple[str | int, ...]


@dataclass
class Derivation:
    """A derived parameter file: its data and a note for any key saying where it came from.

    Attributes:
        data: the parameter structure, as it will be written to TOML.
        notes: comments by key path, e.g. ``("groups", 0, "base_workforce")``.
        header: comment lines for the top of the file.
    """

    data: dict[str, Any]
    notes: dict[Path, str] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Cell:
    value: float
    period: str
    line: int


def _show(value: float) -> str:
    return f"{value:.10g}"


def _choose_area(frame: pl.DataFrame, area_code: str | None) -> pl.DataFrame:
    codes = frame.get_column(pub.AREA_CODE).unique(maintain_order=True).to_list()
    if area_code is None:
        if len(codes) != 1:
            raise InputDataError(
                f"{len(codes)} areas ({', '.join(map(str, codes[:10]))}); choose one with --area"
            )
        return frame
    chosen = frame.filter(pl.col(pub.AREA_CODE) == area_code)
    if chosen.is_empty():
        raise InputDataError(
            f"no rows for area {area_code}; the file has {', '.join(map(str, codes[:10]))}",
            column=pub.AREA_CODE,
        )
    return chosen


def _check_unique(frame: pl.DataFrame, keys: Sequence[str]) -> None:
    repeated = frame.filter(pl.struct(keys).is_duplicated()).sort(c.SOURCE_LINE)
    if repeated.height:
        row = repeated.row(1, named=True)
        first = repeated.row(0, named=True)
        described = ", ".join(f"{key} {row[key]}" for key in keys)
        raise InputDataError(
            f"{described} is given twice (also on line {first[c.SOURCE_LINE]})",
            line=row[c.SOURCE_LINE],
        )


def _cells(frame: pl.DataFrame, measure: str) -> list[_Cell]:
    rows = frame.filter((pl.col(pub.MEASURE_ID) == measure) & pl.col(pub.VALUE).is_not_null())
    return [
        _Cell(value, period, line)
        for value, period, line in rows.sort(c.PERIOD_END)
        .select(pub.VALUE, pub.PERIOD, c.SOURCE_LINE)
        .iter_rows()
    ]


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "_", text.strip()).strip("_").lower()
    return slug if slug[:1].isalpha() else f"group_{slug}"


@dataclass(frozen=True)
class _GroupFigures:
    name: str
    label: str
    filled: _Cell
    vacancies: _Cell
    turnover: list[_Cell]
    remaining: list[_Cell]


def _group_figures(
    frame: pl.DataFrame, *, name: str, label: str, base_period: str
) -> _GroupFigures:
    """The cells a group needs, or an error naming what is missing."""
    filled = [cell for cell in _cells(frame, FILLED_POSTS) if cell.period == base_period]
    vacancies = [cell for cell in _cells(frame, VACANCIES) if cell.period == base_period]
    for measure, cells in ((FILLED_POSTS, filled), (VACANCIES, vacancies)):
        if not cells:
            raise InputDataError(f"{label}: no {measure} value for {base_period}")
    base_end = frame.filter(pl.col(pub.PERIOD) == base_period).get_column(c.PERIOD_END)[0]
    usable = set(frame.filter(pl.col(c.PERIOD_END) <= base_end).get_column(pub.PERIOD).to_list())
    turnover = {cell.period: cell for cell in _cells(frame, TURNOVER_RATE)}
    remaining = {cell.period: cell for cell in _cells(frame, LEAVERS_REMAINING)}
    periods = [p for p in turnover if p in remaining and p in usable]
    if not periods:
        raise InputDataError(
            f"{label}: no period with both {TURNOVER_RATE} and {LEAVERS_REMAINING}"
        )
    return _GroupFigures(
        name=name,
        label=label,
        filled=filled[0],
        vacancies=vacancies[0],
        turnover=[turnover[p] for p in periods],
        remaining=[remaining[p] for p in periods],
    )


def _cells_note(cells: Sequence[_Cell], source: str) -> str:
    return ", ".join(
        f"{cell.period} {_show(cell.value)} ({source} line {cell.line})" for cell in cells
    )


def _typed_indicators(indicators: pl.DataFrame) -> pl.DataFrame:
    require_columns(indicators, REQUIRED_COLUMNS)
    frame = indicators.filter(pl.col(pub.MEASURE_ID).is_in(MEASURES_USED))
    frame = typed_numbers(frame, pub.VALUE, allow_empty=True, minimum=0)
    frame = typed_years(frame, pub.PERIOD, into=c.PERIOD_END)
    for measure, highest in ((TURNOVER_RATE, 9.95), (LEAVERS_REMAINING, 1.0)):
        too_high = frame.filter((pl.col(pub.MEASURE_ID) == measure) & (pl.col(pub.VALUE) > highest))
        if too_high.height:
            raise InputDataError(
                f"{measure} must be a fraction of at most {highest} (rates are fractions)",
                line=too_high.get_column(c.SOURCE_LINE)[0],
                column=pub.VALUE,
                value=_show(too_high.get_column(pub.VALUE)[0]),
            )
    return frame


def _population_series(
    population: pl.DataFrame, *, area_code: str, band: str, base_year: int
) -> tuple[dict[int, float], list[int], str]:
    require_columns(population, POPULATION_COLUMNS)
    frame = _choose_area(population, area_code)
    bands = frame.get_column(c.AGE_BAND).unique(maintain_order=True).to_list()
    frame = frame.filter(pl.col(c.AGE_BAND).str.strip_chars() == band)
    if frame.is_empty():
        raise InputDataError(
            f"no age band {band!r} for area {area_code}; the file has {', '.join(map(str, bands))}",
            column=c.AGE_BAND,
        )
    frame = typed_numbers(frame, c.POPULATION, allow_empty=False, minimum=0)
    frame = typed_years(frame, c.INPUT_YEAR, into=c.YEAR_NUMBER)
    _check_unique(frame, [c.AGE_BAND, c.YEAR_NUMBER])
    series = dict(frame.sort(c.YEAR_NUMBER).select(c.YEAR_NUMBER, c.POPULATION).iter_rows())
    lines = frame.sort(c.YEAR_NUMBER).get_column(c.SOURCE_LINE).to_list()
    if base_year not in series:
        raise InputDataError(
            f"no {band} population for area {area_code} in the base year {base_year}"
        )
    kept = {year: value for year, value in series.items() if year >= base_year}
    name = str(frame.get_column(pub.AREA_NAME)[0])
    return kept, lines, name


def _indicator_figures(
    frame: pl.DataFrame, *, breakdown: str | None
) -> tuple[str, int, list[_GroupFigures], list[str]]:
    """The base period and year, each group's figures, and groups left out (with why)."""
    area = str(frame.get_column(pub.AREA_CODE)[0])
    if breakdown is None:
        frame = frame.filter(
            (pl.col(pub.BREAKDOWN) == HEADLINE[0]) & (pl.col(pub.BREAKDOWN_VALUE) == HEADLINE[1])
        )
    else:
        frame = frame.filter(pl.col(pub.BREAKDOWN) == breakdown)
    if frame.is_empty():
        which = "headline (total/all)" if breakdown is None else f"breakdown {breakdown!r}"
        raise InputDataError(f"no {which} rows for area {area}")
    _check_unique(frame, [pub.MEASURE_ID, pub.PERIOD, pub.BREAKDOWN_VALUE])
    filled = frame.filter(
        (pl.col(pub.MEASURE_ID) == FILLED_POSTS) & pl.col(pub.VALUE).is_not_null()
    ).sort(c.PERIOD_END)
    if filled.is_empty():
        raise InputDataError(f"no {FILLED_POSTS} value for area {area}")
    base_period = str(filled.get_column(pub.PERIOD)[-1])
    base_year = int(filled.get_column(c.PERIOD_END)[-1])

    figures: list[_GroupFigures] = []
    left_out: list[str] = []
    if breakdown is None:
        figures.append(
            _group_figures(
                frame,
                name=DEFAULT_GROUP_NAME,
                label=DEFAULT_GROUP_LABEL,
                base_period=base_period,
            )
        )
    else:
        for value in frame.get_column(pub.BREAKDOWN_VALUE).unique(maintain_order=True).to_list():
            try:
                figures.append(
                    _group_figures(
                        frame.filter(pl.col(pub.BREAKDOWN_VALUE) == value),
                        name=_slug(str(value)),
                        label=str(value),
                        base_period=base_period,
                    )
                )
            except InputDataError as error:
                left_out.append(error.message)
        if not figures:
            raise InputDataError(f"no {breakdown} value has every measure needed")

    return base_period, base_year, figures, left_out


def driver_name(band: str) -> str:
    """Driver name for an age band: ``65+`` gives ``pop65_plus``, ``0-17`` gives ``pop0_17``."""
    return "pop" + re.sub(r"[^0-9a-z]+", "_", band.lower().replace("+", "_plus")).strip("_")


def _report_years(chosen: Sequence[int] | None, *, base_year: int, last: int) -> list[int]:
    """The report years: the base year + 2, 5 and 10 (as far as the population goes) when
    none are chosen, else the chosen years, each after the base year and covered."""
    if chosen is None:
        offsets = [base_year + offset for offset in REPORT_OFFSETS if base_year + offset <= last]
        return offsets or [last]
    years = sorted(chosen)
    beyond = [year for year in years if year > last or year <= base_year]
    if beyond:
        raise InputDataError(
            f"report year {beyond[0]} is outside {base_year + 1} to {last}, the years the "
            f"population file covers after the base year"
        )
    return years


def _group_uncertainty(group: _GroupFigures, leaving: list[float]) -> list[dict[str, Any]]:
    """A triangular distribution for each of the group's rates that varied over the periods."""
    uncertainty: list[dict[str, Any]] = []
    for parameter, values in (
        ("turnover_rate", [cell.value for cell in group.turnover]),
        ("leaving_sector_share", leaving),
    ):
        if min(values) < max(values):
            uncertainty.append(
                {
                    "parameter": f"groups.{group.name}.{parameter}",
                    "distribution": "triangular",
                    "low": min(values),
                    "mode": sum(values) / len(values),
                    "high": max(values),
                    "source": "lowest, mean and highest of the periods averaged",
                }
            )
    return uncertainty


def derive_parameters(
    indicators: pl.DataFrame,
    population: pl.DataFrame,
    *,
    indicators_source: str = "indicators.csv",
    population_source: str = "population.csv",
    area_code: str | None = None,
    driver_band: str = DEFAULT_DRIVER_BAND,
    elasticity: float = DEFAULT_ELASTICITY,
    report_years: Sequence[int] | None = None,
    breakdown: str | None = None,
    name: str | None = None,
) -> Derivation:
    """Build parameter data, with notes, from measures and a population projection.

    Args:
        indicators: ``indicators.csv`` as text columns with ``source_line``.
        population: the population file as text columns with ``source_line``.
        indicators_source: how to name the indicators file in notes.
        population_source: how to name the population file in notes.
        area_code: the area, needed when the files have several.
        driver_band: the population age band that drives demand.
        elasticity: demand elasticity written for every group.
        report_years: report years; the base year + 2, 5 and 10 (as far as the population
            goes) when None.
        breakdown: a breakdown of the measures (e.g. ``service_group``) to derive one group per
            value; headline measures when None.
        name: the projection's name.

    Raises:
        InputDataError: a file lacks what the derivation needs, naming what and where.
    """
    try:
        frame = _choose_area(_typed_indicators(indicators), area_code)
        area = str(frame.get_column(pub.AREA_CODE)[0])
        area_name = str(frame.get_column(pub.AREA_NAME)[0])
        base_period, base_year, figures, left_out = _indicator_figures(frame, breakdown=breakdown)
    except InputDataError as error:
        raise error.in_file(indicators_source) from None
    try:
        series, lines, _ = _population_series(
            population, area_code=area, band=driver_band, base_year=base_year
        )
    except InputDataError as error:
        raise error.in_file(population_source) from None
    years = _report_years(report_years, base_year=base_year, last=max(series))
    driver = driver_name(driver_band)
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "name": name or f"{area_name} adult social care, {base_year} base",
        "source": f"{indicators_source}; {population_source}",
        "area_code": area,
        "area_name": area_name,
        "base_year": base_year,
        "report_years": years,
        "drivers": {
            driver: {
                "description": f"Population aged {driver_band} in {area_name}",
                "source": population_source,
                "population": series,
            }
        },
        "groups": [],
    }
    notes: dict[Path, str] = {
        ("base_year",): (
            f"End year of {base_period}, the latest period with {FILLED_POSTS} in "
            f"{indicators_source}"
        ),
        ("report_years",): (
            "Base year + 2, 5 and 10 years, as in the strategy"
            if report_years is None
            else "Chosen with --report-years"
        ),
        ("drivers", driver, "population"): (
            f"{population_source}, age band {driver_band}, area {area}, lines "
            f"{min(lines)}-{max(lines)}; years from the base year on"
        ),
    }
    scenario_year = min(base_year + SCENARIO_OFFSET, years[-1])
    fall: dict[str, Any] = {}
    close: dict[str, Any] = {}
    uncertainty: list[dict[str, Any]] = []
    for index, group in enumerate(figures):
        at: Path = ("groups", index)
        turnover = sum(cell.value for cell in group.turnover) / len(group.turnover)
        leaving = [1.0 - cell.value for cell in group.remaining]
        share = sum(leaving) / len(leaving)
        base = group.filled.value + group.vacancies.value
        data["groups"].append(
            {
                "name": group.name,
                "label": group.label,
                "base_workforce": base,
                "base_vacancies": group.vacancies.value,
                "demand_driver": driver,
                "demand_elasticity": elasticity,
                "turnover_rate": turnover,
                "leaving_sector_share": share,
                "replacement_timing": Timing.START_OF_YEAR.value,
            }
        )
        notes[(*at, "base_workforce")] = (
            f"{FILLED_POSTS} {_show(group.filled.value)} ({indicators_source} line "
            f"{group.filled.line}) + {VACANCIES} {_show(group.vacancies.value)} (line "
            f"{group.vacancies.line}), {base_period}"
        )
        notes[(*at, "base_vacancies")] = f"{VACANCIES}, {base_period}"
        notes[(*at, "demand_elasticity")] = (
            "Default: requirement proportional to the driver"
            if elasticity == DEFAULT_ELASTICITY
            else "Chosen with --elasticity"
        )
        notes[(*at, "turnover_rate")] = (
            f"Mean {TURNOVER_RATE} of {_cells_note(group.turnover, indicators_source)}"
        )
        notes[(*at, "leaving_sector_share")] = (
            f"1 - mean {LEAVERS_REMAINING} of {_cells_note(group.remaining, indicators_source)}; "
            f"replacement rate = {_show(turnover)} x {_show(share)} = {_show(turnover * share)}"
        )
        notes[(*at, "replacement_timing")] = "The strategy's convention"
        fall[group.name] = {"turnover_rate_path": {scenario_year: max(turnover - TURNOVER_FALL, 0)}}
        close[group.name] = {"vacancies_closed_by": scenario_year}
        uncertainty += _group_uncertainty(group, leaving)
    points = round(TURNOVER_FALL * 100)
    data["scenarios"] = {
        f"turnover_falls_{points}_points_by_{scenario_year}": {
            "label": f"Turnover {points} points lower by {scenario_year}",
            "description": (
                f"Turnover falls linearly by {points} percentage points from {base_year} to "
                f"{scenario_year}, then stays; the share leaving the sector is unchanged."
            ),
            "groups": fall,
        },
        f"vacancies_filled_by_{scenario_year}": {
            "label": f"Vacancies filled by {scenario_year}",
            "description": f"Today's vacancies are filled linearly by {scenario_year}.",
            "groups": close,
        },
    }
    if elasticity != 1.0:
        data["scenarios"]["demand_proportional"] = {
            "label": "Demand proportional to population",
            "description": "Demand elasticity 1: requirement grows with the driver.",
            "groups": {group.name: {"demand_elasticity": 1.0} for group in figures},
        }
    if uncertainty:
        data["uncertainty"] = uncertainty
    header = [
        f"Projection parameters for {area_name} ({area}), derived by `careforce projections "
        "derive`.",
        f"Measures: {indicators_source}. Population: {population_source}.",
        "Each number's source is in the comment above it. Review before use; see "
        "docs/projections.md.",
    ]
    header += [f"Left out of the {breakdown} groups: {reason}" for reason in left_out]
    return Derivation(data=data, notes=notes, header=header)
