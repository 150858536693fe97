"""Estimates on hand-built registers and returns with known answers for every source."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import polars as pl
import pytest

from careforce.core.estimates.calibration import calibrate
from careforce.core.estimates.estimate import _with_ratios, estimate, size_band
from careforce.core.estimates.models import CARE_HOMES, fit, group_model
from careforce.core.estimates.tables import estimate_rows
from careforce.core.vocab.cqc_register import Location, Scope
from estimates_support import REFERENCE, a_return, home, location, register, returns, roles

pytestmark = pytest.mark.unit

DAY = dt.timedelta(days=1)

REGISTER = register(
    [
        home("1-100000001", 10),
        home("1-100000002", 20),
        home("1-100000003", 30),
        home("1-100000004", 40),  # modelled: 1.5 posts a bed from the three returns
        location("1-100000005"),
        location("1-100000006"),
        location("1-100000007"),
        location("1-100000008"),  # modelled: the median of the three agencies' returns
        location("1-100000009"),  # carried forward from a return 200 days before
        location("1-100000010"),  # interpolated between returns 100 days before, 300 after
        location(
            "1-100000011",
            **{
                Location.IN_SCOPE: False,
                Location.SCOPE_REASON: Scope.DORMANT.value,
                Location.DORMANT: True,
            },
        ),
    ]
)
RETURNS = returns(
    [
        a_return("W1", "1-100000001", 15, vacancies=1, service_group="residential"),
        a_return("W2", "1-100000002", 30, vacancies=2, service_group="residential"),
        a_return("W3", "1-100000003", 45, vacancies=3, service_group="residential"),
        a_return("W5", "1-100000005", 10, vacancies=1),
        a_return("W6", "1-100000006", 20, vacancies=0),
        a_return("W7", "1-100000007", 30, vacancies=2),
        a_return("W9", "1-100000009", 12, snapshot=1, day=REFERENCE - 200 * DAY),
        a_return("W10", "1-100000010", 10, snapshot=1, day=REFERENCE - 100 * DAY),
        a_return("W10", "1-100000010", 30, snapshot=2, day=REFERENCE + 300 * DAY),
        a_return("W11", "1-100000011", 8),  # a dormant location: out of scope
        a_return("W12", None, 7, sector="local authority"),  # not regulated by CQC
        a_return("W13", "1-999999999", 5),  # not on the register
        a_return("W14", "1-100000005", 4),  # claims W5's location
    ]
)
ROLES = roles(
    [
        ("W1", 0, "direct care", 12),
        ("W1", 0, "managerial", 3),
        ("W2", 0, "direct care", 24),
        ("W2", 0, "managerial", 6),
        ("W3", 0, "direct care", 36),
        ("W3", 0, "managerial", 9),
    ]
)


@pytest.fixture(scope="module")
def result():
    return estimate(REGISTER, RETURNS, ROLES, reference_date=REFERENCE)


def _row(result, location_id: str) -> dict:
    return result.locations.filter(pl.col("location_id") == location_id).row(0, named=True)


class TestSources:
    @pytest.mark.parametrize(
        ("location_id", "source", "posts", "workplace"),
        [
            ("1-100000001", "returned", 15, "W1"),
            ("1-100000005", "returned", 10, "W5"),
            ("1-100000004", "modelled", 60, None),
            ("1-100000008", "modelled", 20, None),
            ("1-100000009", "carried_forward", 12, "W9"),
            ("1-100000010", "interpolated", 15, "W10"),
        ],
        ids=[
            "returned-home",
            "returned-agency",
            "modelled-home",
            "modelled-agency",
            "carried",
            "interpolated",
        ],
    )
    def test_known_answer(self, result, location_id, source, posts, workplace) -> None:
        row = _row(result, location_id)
        assert (row["source"], row["workplace_ref"]) == (source, workplace)
        assert row["filled_posts"] == pytest.approx(posts)

    def test_only_in_scope_locations(self, result) -> None:
        assert result.locations.height == 10

    def test_returned_interval_is_the_return(self, result) -> None:
        row = _row(result, "1-100000002")
        assert (row["lower"], row["upper"]) == (30, 30)

    def test_modelled_interval_contains_the_estimate(self, result) -> None:
        row = _row(result, "1-100000004")
        assert row["lower"] <= 60 <= row["upper"]
        assert row["lower"] >= 1

    def test_vacancies_of_a_modelled_home_from_the_ratio(self, result) -> None:
        # 6 vacancies over 90 filled posts in returned residential homes.
        assert _row(result, "1-100000004")["vacancies"] == pytest.approx(60 * 6 / 90)

    def test_roles_of_a_modelled_home_from_the_group_shares(self, result) -> None:
        split = dict(
            result.roles.filter(pl.col("location_id") == "1-100000004")
            .select("job_role_group", "posts")
            .iter_rows()
        )
        assert split == pytest.approx({"direct care": 48.0, "managerial": 12.0})


class TestMismatches:
    def test_findings(self, result) -> None:
        found = {(f["code"], f["value"]) for f in result.findings.iter_rows(named=True)}
        assert found == {
            ("EST-LOCATION-OUT-OF-SCOPE", "1-100000011 (workplace W11)"),
            ("EST-LOCATION-UNKNOWN", "1-999999999 (workplace W13)"),
            ("EST-LOCATION-CLAIMED-TWICE", "1-100000005 (workplace W14)"),
        }

    def test_unregistered_population_keeps_every_unmatched_current_return(self, result) -> None:
        assert sorted(result.unregistered["establishment_id"].to_list()) == [
            "W11",
            "W12",
            "W13",
            "W14",
        ]


class TestRidge:
    def test_recovers_a_linear_relation(self) -> None:
        rng = np.random.default_rng(1)
        beds = rng.integers(10, 80, 200).astype(float)
        x = np.column_stack([beds, rng.integers(0, 2, 200).astype(float)])
        model = fit(x, 2.0 * beds + 5.0)
        assert model.predict(np.array([[50.0, 0.0]]))[0] == pytest.approx(105.0, rel=0.01)

    def test_fallback_below_minimum_training(self) -> None:
        x = np.zeros((3, 2))
        y = np.array([15.0, 30.0, 45.0])
        beds = np.array([10.0, 20.0, 30.0])
        model = group_model(x, y, beds, group=CARE_HOMES)
        assert model.fitted is None
        assert model.predict(np.zeros((1, 2)), np.array([40.0]))[0] == 60.0


class TestRows:
    def test_totals_coverage_and_intervals(self, result) -> None:
        rows = estimate_rows(result)
        cell = {
            (r["measure_id"], r["breakdown"], r["breakdown_value"]): r
            for r in rows.iter_rows(named=True)
        }
        # Locations: 15+30+45+60 + 10+20+30+20 + 12+15 = 257; unregistered: 8+7+5+4 = 24.
        total = cell[("filled_posts_estimate", "total", "all")]
        assert total["value"] == pytest.approx(281)
        assert total["lower_ci"] <= 281 <= total["upper_ci"]
        assert cell[("filled_posts_estimate", "population", "registered locations")][
            "value"
        ] == pytest.approx(257)
        assert cell[("filled_posts_estimate", "service_group", "residential")][
            "value"
        ] == pytest.approx(150)
        coverage = cell[("coverage_locations_share", "total", "all")]
        assert (coverage["numerator"], coverage["denominator"]) == (6, 10)
        posts = cell[("coverage_posts_share", "total", "all")]
        assert posts["value"] == pytest.approx(150 / 257)

    def test_weighted_vacancy_rate_counts_every_location(self, result) -> None:
        rows = estimate_rows(result)
        rate = rows.filter(
            (pl.col("measure_id") == "vacancy_rate_weighted") & (pl.col("breakdown") == "total")
        ).row(0, named=True)
        located = result.locations
        vacancies = located["vacancies"].sum()
        # The unregistered workplaces' vacancies are not known: they are left out.
        assert rate["value"] == pytest.approx(
            vacancies / (located["filled_posts"].sum() + vacancies)
        )
        assert rate["numerator"] == pytest.approx(vacancies)

    def test_weighted_rate_interval_is_wilsons_on_the_returns(self, result) -> None:
        rows = estimate_rows(result)
        rate = rows.filter(
            (pl.col("measure_id") == "vacancy_rate_weighted") & (pl.col("breakdown") == "total")
        ).row(0, named=True)
        returned = result.locations.filter(pl.col("source") == "returned")
        # The sample is what the returns observed: their posts and vacancies.
        n = returned["filled_posts"].sum() + returned["vacancies"].sum()
        p, z = rate["value"], 1.959963984540054
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        assert (rate["lower_ci"], rate["upper_ci"]) == pytest.approx((centre - half, centre + half))
        assert rate["lower_ci"] < rate["value"] < rate["upper_ci"]


class TestSizeBand:
    @pytest.mark.parametrize(
        ("posts", "band"),
        [(1, "micro"), (9, "micro"), (10, "small"), (49, "small"), (50, "medium"), (250, "large")],
    )
    def test_bands(self, posts: int, band: str) -> None:
        frame = pl.DataFrame({"p": [posts]})
        assert frame.select(size_band(pl.col("p"))).item() == band

    def test_ratio_of_the_same_service_and_size(self) -> None:
        known = pl.DataFrame(
            {
                "service_group": ["home care", "home care"],
                "filled_posts": [5.0, 100.0],
                "vacancies": [1.0, 1.0],
                "starters": [None, None],
                "leavers": [None, None],
            }
        )
        frame = pl.DataFrame(
            {"service_group": ["home care", "home care"], "filled_posts": [8.0, 300.0]}
        )
        found = _with_ratios(frame, known)
        # A micro agency takes the micro agency's ratio; a large one (no large return) the
        # ratio of every returned agency: 2 vacancies over 105 posts.
        assert found["vacancies_ratio"].to_list() == pytest.approx([0.2, 2 / 105])
        # No returned agency knows its starters: they stay unknown, not zero.
        assert found["starters_ratio"].to_list() == [None, None]


class TestCalibrate:
    def test_rakes_modelled_locations_to_every_margin(self, result) -> None:
        targets = pl.DataFrame(
            {
                "area_code": ["E10000028", "E10000028"],
                "breakdown": ["total", "service_group"],
                "breakdown_value": ["all", "residential"],
                "filled_posts": [300.0, 170.0],
            }
        )
        calibrated, report = calibrate(result, targets)
        # Returned and carried figures stay: 90 residential, 87 other locations and 24 posts of
        # workplaces not on the register. The modelled home (60) and agency (20) take the rest:
        # 170 - 90 = 80 and 300 - 170 - 87 - 24 = 19.
        assert _row(calibrated, "1-100000004")["filled_posts"] == pytest.approx(80, rel=5e-3)
        assert _row(calibrated, "1-100000008")["filled_posts"] == pytest.approx(19, rel=5e-3)
        assert _row(calibrated, "1-100000001")["filled_posts"] == 15
        assert report["after"].to_list() == pytest.approx([300, 170], rel=2e-3)
        assert report["before"].to_list() == pytest.approx([281, 150])
