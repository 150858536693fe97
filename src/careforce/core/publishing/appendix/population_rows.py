"""The population the demand projections are driven by, as tidy measure rows, so that the
appendix cites the growth of the older population as it cites any other measure: the
population of each age band by year, and its growth since the appendix's base year.

The input is careforce's long population layout (``area_code, area_name, age_band, year,
population`` as text with ``source_line``), which ONS subnational population projections and
mid-year estimates are turned into by :func:`careforce.core.sources.population.population_long`.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.projections import columns as c
from careforce.core.projections.input_tables import (
    InputDataError,
    require_columns,
    typed_numbers,
    typed_years,
)
from careforce.core.publishing.appendix.plain_rows import plain_rows
from careforce.core.vocab import published as pub
from careforce.core.vocab.published import Unit

AGE_BAND: Final = "age_band"
"""Breakdown of population rows: the age band (0-17, 18-64, 65+, 75+, 85+, All ages)."""
POPULATION: Final = "population"
"""Measure id of the population of an age band in a year."""
POPULATION_GROWTH: Final = "population_growth"
"""Measure id of the growth of an age band's population since the base year."""
POPULATION_MEASURE_NOTES: Final = {
    POPULATION: "Residents of the age band in the year: mid-year estimates for past years, "
    "subnational projections for later ones (the population file given).",
    POPULATION_GROWTH: "Growth of the age band's population since the base year (the calendar "
    "year the appendix period ends in: 2022 for 2021/22), as a share of the base year's "
    "population; 0 in the base year itself.",
}
"""What each population measure is, for the measure catalogue page."""
_COLUMNS: Final = (pub.AREA_CODE, pub.AREA_NAME, AGE_BAND, c.INPUT_YEAR, POPULATION)


def _rows(
    frame: pl.DataFrame, *, measure: str, name: str, value: pl.Expr, unit: Unit
) -> pl.DataFrame:
    return plain_rows(
        frame,
        measure=measure,
        name=name,
        period=pl.col(c.YEAR_NUMBER).cast(pl.String),
        area=(pl.col(pub.AREA_CODE), pl.col(pub.AREA_NAME)),
        breakdown=AGE_BAND,
        breakdown_value=pl.col(AGE_BAND).str.strip_chars(),
        value=value,
        unit=unit,
    )


def population_rows(population: pl.DataFrame, *, area_code: str, base_year: int) -> pl.DataFrame:
    """An area's population by age band and year, and its growth since ``base_year``, as rows
    of the published table.

    Population is rounded to whole people; growth is a fraction (0.031 is 3.1%) for the base
    year and every later year. The template names the source (the population file's) under
    the tables and in the sentences that cite them.

    Args:
        population: The long population layout (text columns with ``source_line``).
        area_code: ONS code of the area.
        base_year: The year growth is counted from.

    Raises:
        InputDataError: a column is missing, a cell is not a number or a year, the area is not
            in the file, or an age band has no population in the base year.
    """
    require_columns(population, _COLUMNS)
    frame = population.filter(pl.col(pub.AREA_CODE).str.strip_chars() == area_code)
    if frame.is_empty():
        raise InputDataError(f"no population of area {area_code}", column=pub.AREA_CODE)
    frame = typed_numbers(frame, POPULATION, allow_empty=False, minimum=0)
    frame = typed_years(frame, c.INPUT_YEAR, into=c.YEAR_NUMBER)
    frame = frame.group_by(pub.AREA_CODE, AGE_BAND, c.YEAR_NUMBER, maintain_order=True).agg(
        pl.col(pub.AREA_NAME).first(), pl.col(POPULATION).sum()
    )
    base = frame.filter(pl.col(c.YEAR_NUMBER) == base_year).select(
        AGE_BAND, pl.col(POPULATION).alias("_base")
    )
    bands = frame.get_column(AGE_BAND).unique(maintain_order=True)
    lacking = [band for band in bands.to_list() if band not in base.get_column(AGE_BAND)]
    if lacking:
        raise InputDataError(
            f"no population of age band {lacking[0]!r} for area {area_code} in the base "
            f"year {base_year}",
            column=c.INPUT_YEAR,
        )
    later = (
        frame.filter(pl.col(c.YEAR_NUMBER) >= base_year)
        .join(base, on=AGE_BAND)
        .sort(AGE_BAND, c.YEAR_NUMBER, maintain_order=True)
    )
    return pl.concat(
        [
            _rows(
                frame.sort(c.YEAR_NUMBER, maintain_order=True),
                measure=POPULATION,
                name="Population",
                value=pl.col(POPULATION).round(0),
                unit=Unit.COUNT,
            ),
            _rows(
                later,
                measure=POPULATION_GROWTH,
                name=f"Population growth since {base_year}",
                value=pl.when(pl.col("_base") > 0)
                .then(pl.col(POPULATION) / pl.col("_base") - 1)
                .otherwise(None),
                unit=Unit.PROPORTION,
            ),
        ],
        how="vertical",
    )
