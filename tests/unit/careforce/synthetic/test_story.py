"""The years each profile generates, and the continuation years' assumptions."""

from __future__ import annotations

import pytest

from careforce.synthetic import published as pub
from careforce.synthetic import story
from careforce.synthetic.ascwds_returns import generate_ascwds_returns
from careforce.synthetic.profiles import PROFILE_YEARS, build_profile

pytestmark = pytest.mark.unit


def test_the_demo_tells_four_years_and_the_national_profile_keeps_two() -> None:
    assert [year.label for year in pub.REFERENCE_YEARS] == [
        "2020-21",
        "2021-22",
        "2022-23",
        "2023-24",
    ]
    assert build_profile("staffordshire", scale=0.01).areas[0].years == 4
    assert {area.years for area in build_profile("england", scale=0.01).areas} == {2}
    assert PROFILE_YEARS == {"staffordshire": 4, "england": 2}


def test_a_national_council_returns_the_two_calibrated_years() -> None:
    area = next(a for a in build_profile("england", scale=0.05).areas if a.code == "E06000018")
    assert [r.year for r in generate_ascwds_returns(area, seed=3)] == ["2020-21", "2021-22"]


def test_2021_22_is_the_calibrated_year_and_every_year_has_its_targets() -> None:
    assert story.YEAR_SHIFTS[story.CALIBRATED_YEAR] == story.YearShift()
    for year in pub.REFERENCE_YEARS:
        assert year.label in story.YEAR_SHIFTS
        assert year.label in story.RETENTION
        assert year.label in story.CARE_WORKER_HOURLY_INDEPENDENT
        assert year.label in story.ALL_ROLES_HOURLY_INDEPENDENT
        assert year.label in pub.NATIONAL_LIVING_WAGE


@pytest.mark.parametrize("year", story.CONTINUATION_YEARS)
def test_continuation_pay_keeps_above_the_wage_floor(year: str) -> None:
    floor = pub.NATIONAL_LIVING_WAGE[year]
    assert floor < story.CARE_WORKER_HOURLY_INDEPENDENT[year] < floor + 1.0


def test_age_bands_sum_to_the_published_shares() -> None:
    shares = story.AGE_BAND_SHARES
    middle = shares["25-34"] + shares["35-44"] + shares["45-54"]
    assert middle == pytest.approx(pub.AGE_BAND_SHARES["25-54"], abs=0.001)
    assert shares["under 25"] == pub.AGE_BAND_SHARES["under 25"]
    assert shares["55 and over"] == pub.AGE_BAND_SHARES["55 and over"]
