"""Population projections reproduce the published growth and add up across districts."""

from __future__ import annotations

import io

import polars as pl
import pytest

from careforce.synthetic.population import (
    YEARS,
    generate_census_comparators,
    generate_population,
)
from careforce.synthetic.profiles import build_profile
from careforce.synthetic.published import AGED_0_17, AGED_65_PLUS_GROWTH_FROM_2022

pytestmark = pytest.mark.unit


def _read(text: str) -> pl.DataFrame:
    return pl.read_csv(io.BytesIO(text.encode()), infer_schema=False)


@pytest.fixture(scope="module")
def population() -> pl.DataFrame:
    areas = build_profile("staffordshire").areas
    return _read(generate_population(areas)).with_columns(
        pl.col("year").cast(pl.Int64), pl.col("population").cast(pl.Int64)
    )


def _value(frame: pl.DataFrame, code: str, year: int, band: str) -> int:
    return int(
        frame.filter(
            pl.col("area_code") == code, pl.col("year") == year, pl.col("age_band") == band
        )["population"].item()
    )


class TestPopulation:
    @pytest.mark.parametrize("year", sorted(AGED_65_PLUS_GROWTH_FROM_2022))
    def test_65_plus_growth_from_2022(self, population, year) -> None:
        growth = (
            _value(population, "E10000028", year, "65+")
            / _value(population, "E10000028", 2022, "65+")
            - 1
        )
        assert round(growth, 3) == AGED_65_PLUS_GROWTH_FROM_2022[year]

    @pytest.mark.parametrize("year", sorted(AGED_0_17))
    def test_0_to_17(self, population, year) -> None:
        assert _value(population, "E10000028", year, "0-17") == AGED_0_17[year]

    def test_every_year_2018_to_2043(self, population) -> None:
        assert sorted(population["year"].unique()) == list(YEARS)

    def test_districts_add_up_to_the_county(self, population) -> None:
        districts = population.filter(pl.col("geography") == "district")
        assert districts["area_code"].n_unique() == 8
        summed = districts.group_by("year", "age_band").agg(pl.col("population").sum())
        county = population.filter(pl.col("area_code") == "E10000028").select(
            "year", "age_band", pl.col("population").alias("county")
        )
        joined = summed.join(county, on=["year", "age_band"])
        assert (joined["population"] == joined["county"]).all()

    def test_older_bands_nest(self, population) -> None:
        wide = population.pivot(on="age_band", index=["area_code", "year"], values="population")
        assert (wide["85+"] < wide["75+"]).all()
        assert (wide["75+"] < wide["65+"]).all()
        assert (wide["All ages"] == wide["0-17"] + wide["18-64"] + wide["65+"]).all()


class TestCensusComparators:
    def test_staffordshire_shares_are_published(self) -> None:
        frame = _read(generate_census_comparators(build_profile("staffordshire").areas))
        shares = {
            (r["characteristic"], r["category"]): float(r["share"])
            for r in frame.iter_rows(named=True)
        }
        assert shares[("sex", "Female")] == pytest.approx(0.505)
        assert shares[("ethnicity", "White")] == pytest.approx(0.955)
        assert shares[("nationality", "British")] == pytest.approx(0.965)
        residents = frame.group_by("characteristic").agg(pl.col("residents").cast(pl.Int64).sum())
        assert residents["residents"].n_unique() == 1
