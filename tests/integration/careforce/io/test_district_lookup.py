"""The shipped lookup of postcode districts to Staffordshire's districts and boroughs: ONS codes
and names, one district per postcode district, its source and date beside it, and the same places
as the demo data."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.io.package_data import package_data_path
from careforce.synthetic.geography import POSTCODE_DISTRICTS

pytestmark = pytest.mark.integration


def _lookup() -> pl.DataFrame:
    return pl.read_csv(package_data_path("geography", "postcode_districts.csv"), infer_schema=False)


def test_eight_districts_with_their_ons_codes() -> None:
    districts = dict(_lookup().select("district_code", "district_name").unique().iter_rows())
    assert districts == {
        "E07000192": "Cannock Chase",
        "E07000193": "East Staffordshire",
        "E07000194": "Lichfield",
        "E07000195": "Newcastle-under-Lyme",
        "E07000196": "South Staffordshire",
        "E07000197": "Stafford",
        "E07000198": "Staffordshire Moorlands",
        "E07000199": "Tamworth",
    }
    assert set(_lookup()["area_code"]) == {"E10000028"}


def test_each_postcode_district_in_one_district_as_in_the_demo() -> None:
    lookup = _lookup()
    assert lookup["postcode_district"].is_unique().all()
    assert {
        row[0]: row[1] for row in lookup.select("postcode_district", "district_code").iter_rows()
    } == {outward: district.code for outward, district in POSTCODE_DISTRICTS.items()}


def test_source_and_date_are_shipped_beside_it() -> None:
    source = package_data_path("geography", "SOURCE.md").read_text(encoding="utf-8")
    assert "ONS local authority districts, April 2023" in source
    assert "As of" in source
