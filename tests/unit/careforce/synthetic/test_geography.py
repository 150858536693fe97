"""Tests for Staffordshire's districts and England's councils."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from careforce.synthetic.geography import (
    ENGLAND_COUNCILS,
    POSTCODE_DISTRICTS,
    REGIONS,
    STAFFORDSHIRE_DISTRICTS,
    council_districts,
)

pytestmark = pytest.mark.unit


class TestPostcodeDistricts:
    @pytest.mark.parametrize(
        ("outward", "code", "name"),
        [
            ("WS11", "E07000192", "Cannock Chase"),
            ("WS12", "E07000192", "Cannock Chase"),
            ("DE14", "E07000193", "East Staffordshire"),
            ("WS13", "E07000194", "Lichfield"),
            ("ST5", "E07000195", "Newcastle-under-Lyme"),
            ("ST19", "E07000196", "South Staffordshire"),
            ("ST16", "E07000197", "Stafford"),
            ("ST13", "E07000198", "Staffordshire Moorlands"),
            ("B79", "E07000199", "Tamworth"),
        ],
        ids=lambda v: v if isinstance(v, str) and len(v) < 6 else "",
    )
    def test_outward_code_maps_to_its_district(self, outward, code, name) -> None:
        assert POSTCODE_DISTRICTS[outward].code == code
        assert POSTCODE_DISTRICTS[outward].name == name

    def test_eight_districts_each_with_outward_codes(self) -> None:
        assert len(STAFFORDSHIRE_DISTRICTS) == 8
        assert all(d.outward_codes for d in STAFFORDSHIRE_DISTRICTS)
        assert len(POSTCODE_DISTRICTS) == sum(len(d.outward_codes) for d in STAFFORDSHIRE_DISTRICTS)


class TestEnglandCouncils:
    def test_there_are_153_distinct_councils(self) -> None:
        assert len(ENGLAND_COUNCILS) == 153
        assert len({c.code for c in ENGLAND_COUNCILS}) == 153

    def test_council_types(self) -> None:
        types = Counter(c.code[:3] for c in ENGLAND_COUNCILS)
        assert types == {"E06": 63, "E08": 36, "E09": 33, "E10": 21}

    def test_every_council_is_in_a_region(self) -> None:
        assert {c.region for c in ENGLAND_COUNCILS} == set(REGIONS)
        assert sum(c.population_thousands for c in ENGLAND_COUNCILS) == pytest.approx(
            56_500, rel=0.02
        )

    def test_synthetic_outward_codes_are_valid(self) -> None:
        for council in ENGLAND_COUNCILS:
            for district in council_districts(council):
                for outward in district.outward_codes:
                    assert re.fullmatch(r"[A-Z]{1,2}[0-9]{1,2}", outward)
