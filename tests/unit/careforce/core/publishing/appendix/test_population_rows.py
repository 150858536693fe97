"""The population as measure rows: levels by age band and year, growth since the base year."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.projections.input_tables import InputDataError
from careforce.core.publishing.appendix.cells import MeasureRows
from careforce.core.publishing.appendix.population_rows import (
    AGE_BAND,
    POPULATION,
    POPULATION_GROWTH,
    population_rows,
)
from careforce.core.vocab import published as pub

pytestmark = pytest.mark.unit

# The strategy's Data Appendix: 0-17 population 167,600 (2022), 167,935 (2024), 167,097 (2027),
# 164,583 (2032): +0.2%, -0.3%, -1.8%; the 65+ population grows 3.1%, 8.5% and 18.4%.
CHILDREN = {2021: 167_000, 2022: 167_600, 2024: 167_935, 2027: 167_097, 2032: 164_583}
OLDER = {2022: 195_300, 2024: 201_374, 2027: 211_880, 2032: 231_235}


def _long(area: str = "E10000028") -> pl.DataFrame:
    rows = [
        (area, "Staffordshire", band, str(year), f"{value}.000")
        for band, series in (("0-17", CHILDREN), ("65+", OLDER))
        for year, value in series.items()
    ]
    rows.append(("E07000192", "Cannock Chase", "65+", "2022", "20000"))
    frame = pl.DataFrame(
        rows, schema=["area_code", "area_name", "age_band", "year", "population"], orient="row"
    )
    return frame.with_columns(pl.Series("source_line", range(2, frame.height + 2)))


def _value(frame: pl.DataFrame, measure: str, band: str, period: str) -> float:
    found = frame.filter(
        (pl.col(pub.MEASURE_ID) == measure)
        & (pl.col(pub.BREAKDOWN_VALUE) == band)
        & (pl.col(pub.PERIOD) == period)
    )
    assert found.height == 1
    return float(found[0, pub.VALUE])


class TestPopulationRows:
    def test_levels_of_every_year_and_band_of_the_area(self) -> None:
        rows = population_rows(_long(), area_code="E10000028", base_year=2022)
        levels = rows.filter(pl.col(pub.MEASURE_ID) == POPULATION)
        assert levels.height == len(CHILDREN) + len(OLDER)
        assert _value(rows, POPULATION, "0-17", "2032") == 164_583
        assert _value(rows, POPULATION, "0-17", "2021") == 167_000
        assert set(rows.get_column(pub.AREA_CODE)) == {"E10000028"}
        assert set(rows.get_column(pub.BREAKDOWN)) == {AGE_BAND}

    @pytest.mark.parametrize(
        ("band", "year", "shown"),
        [
            ("65+", "2024", "3.1%"),
            ("65+", "2027", "8.5%"),
            ("65+", "2032", "18.4%"),
            ("0-17", "2024", "0.2%"),
            ("0-17", "2027", "-0.3%"),
            ("0-17", "2032", "-1.8%"),
            ("0-17", "2022", "0.0%"),
        ],
        ids=str,
    )
    def test_growth_since_the_base_year_as_the_appendix_shows_it(
        self, band: str, year: str, shown: str
    ) -> None:
        rows = population_rows(_long(), area_code="E10000028", base_year=2022)
        cell = MeasureRows.of_area(rows, "E10000028").cell(
            (POPULATION_GROWTH, AGE_BAND, band, year)
        )
        assert cell.text == shown

    def test_growth_only_from_the_base_year_on_named_by_it(self) -> None:
        rows = population_rows(_long(), area_code="E10000028", base_year=2022)
        growth = rows.filter(pl.col(pub.MEASURE_ID) == POPULATION_GROWTH)
        assert sorted(set(growth.get_column(pub.PERIOD))) == ["2022", "2024", "2027", "2032"]
        assert set(growth.get_column(pub.MEASURE_NAME)) == {"Population growth since 2022"}
        assert set(growth.get_column(pub.UNIT)) == {"proportion"}
        assert _value(rows, POPULATION_GROWTH, "65+", "2032") == pytest.approx(
            231_235 / 195_300 - 1
        )

    def test_rows_have_the_published_columns(self) -> None:
        rows = population_rows(_long(), area_code="E10000028", base_year=2022)
        assert rows.schema == pub.PUBLISHED_SCHEMA

    def test_an_area_not_in_the_file_is_refused(self) -> None:
        with pytest.raises(InputDataError, match="no population of area E06000001"):
            population_rows(_long(), area_code="E06000001", base_year=2022)

    def test_a_base_year_not_in_the_file_is_refused(self) -> None:
        with pytest.raises(InputDataError, match=r"age band .0-17.*base year 2019"):
            population_rows(_long(), area_code="E10000028", base_year=2019)

    def test_a_cell_that_is_not_a_number_names_its_line(self) -> None:
        frame = _long().with_columns(
            pl.when(pl.col("source_line") == 3)
            .then(pl.lit("lots"))
            .otherwise(pl.col("population"))
            .alias("population")
        )
        with pytest.raises(InputDataError) as raised:
            population_rows(frame, area_code="E10000028", base_year=2022)
        assert (raised.value.line, raised.value.column, raised.value.value) == (
            3,
            "population",
            "lots",
        )
