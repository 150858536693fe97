"""ONS population files in their published layouts, turned into careforce's long population
layout (``area_code, area_name, age_band, year, population``) with the age bands the
projections use.

- Subnational population projections (SNPP, e.g. ``2018 SNPP Population persons.csv``):
  ``AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP`` then one column per year; ``AGE_GROUP``
  is ``0`` … ``89``, ``90 and over`` and ``All ages``. The ``persons`` rows are used (males and
  females summed when there are none).
- Mid-year estimates (``MYEB1``: ``ladcode23, laname23, country, sex, age, population_2011`` …):
  local authority districts by sex and single year of age (90 means 90 and over).

Counties are added up from their districts with a lookup (``lad_code, county_code,
county_name``) for every county all of whose districts are in the file.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.sources.labour.common import LabourFileError, find_column, number

AREA_CODE: Final = "area_code"
AREA_NAME: Final = "area_name"
AGE_BAND: Final = "age_band"
YEAR: Final = "year"
POPULATION: Final = "population"
SOURCE_LINE: Final = "source_line"
"""Columns of the long population layout (see ``core/projections/derivation.py``)."""

BANDS: Final = (
    ("0-17", 0, 17),
    ("18-64", 18, 64),
    ("65+", 65, 200),
    ("75+", 75, 200),
    ("85+", 85, 200),
    ("All ages", 0, 200),
)
"""Age bands written and their first and last year of age (the oldest ages are open)."""


def layout_of(raw: pl.DataFrame) -> str:
    """``snpp``, ``mye`` or ``long`` (careforce's own layout)."""
    if find_column(raw, "AGE_GROUP") and find_column(raw, "AREA_CODE"):
        return "snpp"
    if find_column(raw, "age") and any(c.lower().startswith("population_") for c in raw.columns):
        return "mye"
    return "long"


def _age(text: pl.Expr) -> pl.Expr:
    """A single year of age from ``0`` … ``89``, ``90 and over`` or ``90+``; null for totals."""
    return text.str.strip_chars().str.extract(r"^(\d+)", 1).cast(pl.Int64, strict=False)


def _banded(frame: pl.DataFrame) -> pl.DataFrame:
    """Single years (area_code, area_name, year, age, population, source_line) summed into
    the bands."""
    parts = [
        frame.filter(pl.col("age").is_between(low, high))
        .group_by(AREA_CODE, AREA_NAME, YEAR)
        .agg(pl.col(POPULATION).sum(), pl.col(SOURCE_LINE).min())
        .with_columns(pl.lit(band).alias(AGE_BAND))
        for band, low, high in BANDS
    ]
    return pl.concat(parts).select(AREA_CODE, AREA_NAME, AGE_BAND, YEAR, POPULATION, SOURCE_LINE)


def snpp_long(raw: pl.DataFrame) -> pl.DataFrame:
    """The SNPP layout as single years of age, persons.

    Raises:
        LabourFileError: a column is missing or a value is not a number.
    """
    code, name = find_column(raw, "AREA_CODE"), find_column(raw, "AREA_NAME")
    age, sex = find_column(raw, "AGE_GROUP"), find_column(raw, "SEX")
    component = find_column(raw, "COMPONENT")
    if code is None or age is None:
        raise LabourFileError("the population projection has no AREA_CODE or AGE_GROUP column")
    years = [c for c in raw.columns if c.strip().isdigit() and len(c.strip()) == 4]
    if not years:
        raise LabourFileError("the population projection has no year columns such as 2018")
    frame = raw
    if component is not None:
        frame = frame.filter(pl.col(component).str.strip_chars().str.to_lowercase() == "population")
    if sex is not None:
        sexes = pl.col(sex).str.strip_chars().str.to_lowercase()
        persons = frame.filter(sexes == "persons")
        frame = (
            persons
            if persons.height
            else frame.filter(sexes.is_in(["males", "females", "male", "female"]))
        )
    long = (
        frame.select(
            pl.col(code).alias(AREA_CODE),
            (pl.col(name) if name else pl.col(code)).alias(AREA_NAME),
            _age(pl.col(age)).alias("age"),
            pl.col("source_line").alias(SOURCE_LINE),
            *years,
        )
        .filter(pl.col("age").is_not_null())
        .unpivot(
            index=[AREA_CODE, AREA_NAME, "age", SOURCE_LINE], variable_name=YEAR, value_name="_text"
        )
    )
    return _checked(long)


def mye_long(raw: pl.DataFrame) -> pl.DataFrame:
    """The mid-year estimates layout as single years of age, both sexes.

    Raises:
        LabourFileError: a column is missing or a value is not a number.
    """
    code = next((c for c in raw.columns if c.lower().startswith("ladcode")), None)
    name = next((c for c in raw.columns if c.lower().startswith("laname")), None)
    age = find_column(raw, "age")
    years = [c for c in raw.columns if c.lower().startswith("population_")]
    if code is None or age is None:
        raise LabourFileError("the mid-year estimates have no ladcode or age column")
    long = raw.select(
        pl.col(code).alias(AREA_CODE),
        (pl.col(name) if name else pl.col(code)).alias(AREA_NAME),
        _age(pl.col(age)).alias("age"),
        pl.col("source_line").alias(SOURCE_LINE),
        *years,
    ).unpivot(
        index=[AREA_CODE, AREA_NAME, "age", SOURCE_LINE], variable_name=YEAR, value_name="_text"
    )
    long = long.with_columns(pl.col(YEAR).str.extract(r"(\d{4})", 1))
    return _checked(long)


def _checked(long: pl.DataFrame) -> pl.DataFrame:
    value = number(pl.col("_text"))
    bad = long.filter(value.is_null())
    if bad.height:
        row = bad.row(0, named=True)
        raise LabourFileError(
            f"line {row[SOURCE_LINE]}, column {row[YEAR]}: {row['_text']!r} is not a number"
        )
    return long.with_columns(value.alias(POPULATION)).drop("_text")


def with_counties(single_years: pl.DataFrame, lookup: pl.DataFrame) -> pl.DataFrame:
    """Single years plus a county row for every county of the lookup all of whose districts are
    in the file (and which the file does not already hold)."""
    present = set(single_years.get_column(AREA_CODE).unique().to_list())
    counties = []
    for (county, county_name), members in lookup.group_by("county_code", "county_name"):
        districts = set(members.get_column("lad_code").to_list())
        if county in present or not districts <= present:
            continue
        counties.append(
            single_years.filter(pl.col(AREA_CODE).is_in(list(districts)))
            .group_by(YEAR, "age")
            .agg(pl.col(POPULATION).sum(), pl.col(SOURCE_LINE).min())
            .with_columns(pl.lit(county).alias(AREA_CODE), pl.lit(county_name).alias(AREA_NAME))
        )
    if not counties:
        return single_years
    return pl.concat([single_years, *counties], how="diagonal_relaxed")


def population_long(raw: pl.DataFrame, lookup: pl.DataFrame) -> pl.DataFrame:
    """An ONS population file (SNPP or mid-year estimates) in the long layout, as text
    columns with ``source_line`` as the projections read it (``long`` files are returned as
    they are).

    Raises:
        LabourFileError: the file cannot be read as its layout.
    """
    layout = layout_of(raw)
    if layout == "long":
        return raw
    single = snpp_long(raw) if layout == "snpp" else mye_long(raw)
    banded = _banded(with_counties(single, lookup))
    return banded.sort(AREA_CODE, AGE_BAND, YEAR).select(
        pl.col(AREA_CODE),
        pl.col(AREA_NAME),
        pl.col(AGE_BAND),
        pl.col(YEAR).cast(pl.String),
        pl.col(POPULATION).round(3).cast(pl.String),
        pl.col(SOURCE_LINE),
    )
