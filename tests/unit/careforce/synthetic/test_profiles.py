"""Tests for the demo data profiles."""

from __future__ import annotations

import pytest

from careforce.synthetic.profiles import (
    TOTAL_ENGLAND_FILLED_POSTS,
    UnknownProfileError,
    build_profile,
)
from careforce.synthetic.published import (
    FILLED_POSTS_INDEPENDENT,
    FILLED_POSTS_LOCAL_AUTHORITY,
)

pytestmark = pytest.mark.unit


class TestBuildProfile:
    def test_staffordshire_is_one_calibrated_county(self) -> None:
        profile = build_profile("staffordshire")
        (area,) = profile.areas
        assert area.code == "E10000028"
        expected = FILLED_POSTS_INDEPENDENT + FILLED_POSTS_LOCAL_AUTHORITY
        assert area.workforce.filled_posts == pytest.approx(expected, rel=0.005)
        assert area.children_staff == 788

    def test_england_adds_up_to_the_national_total(self) -> None:
        profile = build_profile("england")
        assert len(profile.areas) == 153
        total = sum(a.workforce.filled_posts for a in profile.areas)
        assert total == pytest.approx(TOTAL_ENGLAND_FILLED_POSTS, rel=0.01)

    def test_england_varies_by_region(self) -> None:
        areas = {a.code: a for a in build_profile("england").areas}
        london = areas["E09000008"].workforce
        durham = areas["E06000047"].workforce
        assert london.nationality["British"] < durham.nationality["British"] - 0.2
        assert london.white < durham.white
        assert (
            london.care_worker_hourly_independent["2021-22"]
            > durham.care_worker_hourly_independent["2021-22"]
        )

    def test_scale_shrinks_every_area(self) -> None:
        small = build_profile("staffordshire", scale=0.1).areas[0]
        assert small.workforce.filled_posts == pytest.approx(1820, rel=0.01)

    def test_unknown_profile_is_refused(self) -> None:
        with pytest.raises(UnknownProfileError, match="wales"):
            build_profile("wales")

    def test_scale_must_be_positive(self) -> None:
        with pytest.raises(ValueError, match="positive"):
            build_profile("staffordshire", scale=0)
