"""The demo's own projection: derived from measures and a population projection as
``careforce projections derive`` does, with its supply file and supply against need."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from careforce.services.demo_projections import (
    DERIVED_NAME,
    DERIVED_STEM,
    SUPPLY_NAME,
    write_demo_projections,
)
from careforce.services.projections import ProjectionInputError

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "projections"


def _write(out: Path) -> object:
    return write_demo_projections(
        indicators=FIXTURES / "indicators.csv",
        population=FIXTURES / "population.csv",
        enrolments=FIXTURES / "supply.csv",
        out=out,
        area_code="E10000028",
    )


class TestDemoProjections:
    def test_derived_file_supply_file_and_supply_against_need(self, tmp_path: Path) -> None:
        _write(tmp_path)
        parameters = tmp_path / f"{DERIVED_STEM}.toml"
        derived = tomllib.loads(parameters.read_text(encoding="utf-8"))
        assert derived["name"] == DERIVED_NAME
        assert derived["base_year"] == 2022
        # Filled posts 21,000 + vacancies 2,063 of 2021/22 in the measures.
        assert [g["base_workforce"] for g in derived["groups"]] == [23063]
        assert (tmp_path / SUPPLY_NAME).read_bytes() == (FIXTURES / "supply.csv").read_bytes()
        gap = (tmp_path / "supply" / "supply-gap.csv").read_text(encoding="utf-8").splitlines()
        assert gap[0] == (
            "year,new_staff_in_year,supply_year,enrolments,apprenticeship_starts,pipeline,gap"
        )
        # The 2021/22 pipeline: 5,820 enrolments + 1,680 apprenticeship starts.
        assert gap[1].split(",")[2:6] == ["2021", "5820.0", "1680.0", "7500.0"]
        assert (tmp_path / "supply" / "supply-chart.svg").stat().st_size > 0

    def test_a_second_run_replaces_the_files(self, tmp_path: Path) -> None:
        _write(tmp_path)
        _write(tmp_path)
        assert sorted(p.name for p in tmp_path.glob("*.toml")) == [f"{DERIVED_STEM}.toml"]

    def test_measures_of_another_area_cannot_be_derived(self, tmp_path: Path) -> None:
        with pytest.raises(ProjectionInputError):
            write_demo_projections(
                indicators=FIXTURES / "indicators.csv",
                population=FIXTURES / "population.csv",
                enrolments=FIXTURES / "supply.csv",
                out=tmp_path,
                area_code="E99999999",
            )
