"""Headcount of the estimated whole sector: estimated filled posts times the people per post of
the returns, on a hand-built run with known answers."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from careforce.core.estimates.estimate import Estimates, Replicates
from careforce.core.estimates.people import headcount_rows, people_per_post

pytestmark = pytest.mark.unit

AREA = "E10000028"


def _estimates() -> Estimates:
    # Residential: a returned home of 4 posts (W1) and a modelled one of 1. Home care: a
    # returned agency of 2 posts (W3). Nursing: a modelled home of 1 post, no returns. The
    # returns hold 6 of the 8 estimated posts: coverage 0.75.
    locations = pl.DataFrame(
        {
            "location_id": ["L1", "L2", "L3", "L4"],
            "area_code": [AREA] * 4,
            "service_group": ["residential", "residential", "home care", "nursing"],
            "sector": ["independent", "not returned", "independent", "not returned"],
            "source": ["returned", "modelled", "returned", "modelled"],
            "filled_posts": [4.0, 1.0, 2.0, 1.0],
            "vacancies": [0.0, 0.0, 0.0, 0.0],
            "starters": [0.0, 0.0, 0.0, 0.0],
            "leavers": [0.0, 0.0, 0.0, 0.0],
            "workplace_ref": ["W1", None, "W3", None],
            "snapshot": [1, None, 1, None],
        }
    )
    unregistered = pl.DataFrame(
        schema={
            "area_code": pl.String,
            "service_group": pl.String,
            "sector": pl.String,
            "filled_posts": pl.Float64,
            "vacancies": pl.Float64,
            "starters": pl.Float64,
            "leavers": pl.Float64,
            "establishment_id": pl.String,
            "snapshot": pl.Int64,
        }
    )
    replicates = Replicates(["L2", "L4"], np.array([[0.8, 0.5], [1.0, 1.0], [1.2, 1.5]]))
    return Estimates(
        locations=locations,
        unregistered=unregistered,
        roles=pl.DataFrame(),
        accuracy=pl.DataFrame(),
        replicates=replicates,
        findings=pl.DataFrame(),
    )


def _people() -> pl.DataFrame:
    # P1 holds two posts at W1; P2 one at W1 and one at W3; W9 is no return the estimates use.
    return pl.DataFrame(
        {
            "establishment_id": ["W1", "W1", "W1", "W1", "W3", "W3", "W9"],
            "snapshot": [1] * 7,
            "person_id": ["P1", "P1", "P2", "P3", "P2", "P4", "P9"],
        }
    )


def _row(rows: pl.DataFrame, breakdown_value: str) -> dict[str, object]:
    return rows.filter(pl.col("breakdown_value") == breakdown_value).row(0, named=True)


# P2's posts at W1 and W3 each count 1 - (1 - 1/2) / 0.75 = 1/3 of a person once corrected for
# the quarter of posts whose people are not seen.
P2 = 1 - 0.5 / 0.75
RESIDENTIAL = (0.5 + 0.5 + P2 + 1) / 4
HOME_CARE = (P2 + 1) / 2
AREA_RATIO = (0.5 + 0.5 + P2 + 1 + P2 + 1) / 6


class TestPeoplePerPost:
    def test_each_record_carries_its_share_of_a_person(self) -> None:
        ratios = people_per_post(_estimates(), _people())
        seen = dict(zip(ratios["service_group"], ratios["seen_people_per_post"], strict=True))
        # W1: P1 ½ + ½, P2 ½, P3 1 = 2.5 people in 4 records; W3: P2 ½, P4 1 = 1.5 in 2;
        # the area: 4 distinct people in 6 records.
        assert seen == pytest.approx({"all": 4 / 6, "home care": 0.75, "residential": 0.625})
        assert ratios.filter(pl.col("service_group") == "all")["records"].item() == 6

    def test_people_across_workplaces_corrected_for_coverage(self) -> None:
        ratios = people_per_post(_estimates(), _people())
        used = dict(zip(ratios["service_group"], ratios["people_per_post"], strict=True))
        assert used == pytest.approx(
            {"all": AREA_RATIO, "home care": HOME_CARE, "residential": RESIDENTIAL}
        )


class TestHeadcountRows:
    def test_total_is_the_posts_times_people_per_post(self) -> None:
        rows = headcount_rows(_estimates(), _people())
        total = _row(rows, "all")
        # Nursing has no staff records: it takes the area's people per post.
        assert total["measure_id"] == "headcount_estimate"
        assert total["value"] == pytest.approx(
            4 * RESIDENTIAL + 1 * RESIDENTIAL + 2 * HOME_CARE + 1 * AREA_RATIO
        )

    def test_sector_and_service_rows(self) -> None:
        rows = headcount_rows(_estimates(), _people())
        assert _row(rows, "home care")["value"] == pytest.approx(2 * HOME_CARE)
        assert _row(rows, "independent")["value"] == pytest.approx(4 * RESIDENTIAL + 2 * HOME_CARE)

    def test_interval_scales_the_modelled_replicates(self) -> None:
        total = _row(headcount_rows(_estimates(), _people()), "all")
        sums = np.array([0.8, 1.0, 1.2]) * RESIDENTIAL + np.array([0.5, 1.0, 1.5]) * AREA_RATIO
        fixed = 4 * RESIDENTIAL + 2 * HOME_CARE
        assert total["lower_ci"] == pytest.approx(fixed + np.percentile(sums, 2.5))
        assert total["upper_ci"] == pytest.approx(fixed + np.percentile(sums, 97.5))

    def test_no_staff_records_is_no_figure(self) -> None:
        rows = headcount_rows(_estimates(), _people().filter(pl.col("establishment_id") == "W9"))
        assert _row(rows, "all")["value"] is None
