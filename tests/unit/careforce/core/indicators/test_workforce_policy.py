"""The 2024–26 policy measures on hand-made canonical datasets, with answers worked out by hand.

Reference date 31/03/2022: the National Living Wage in force is £8.91 (from April 2021) and the
real Living Wage £9.90 (from November 2021). Builders are in conftest.py.
"""

from __future__ import annotations

from types import SimpleNamespace

import polars as pl
import pytest

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.indicators.workforce_policy import (
    FLOOR_WEEKS,
    WEEKS_PER_YEAR,
    floor_cost,
    floor_shortfall,
    hourly_pay_all,
)
from careforce.core.publishing.publish import publish

pytestmark = pytest.mark.unit


def _salaried(hourly: float, hours: float = 37.5) -> dict[str, object]:
    return {
        "pay_interval": "Annually",
        "annual_salary": hourly * WEEKS_PER_YEAR * hours,
        "hourly_rate": None,
        "contracted_hours": hours,
    }


class TestHourlyPayAll:
    @pytest.mark.parametrize(
        ("hourly", "salary", "hours", "expected"),
        [
            (10.5, None, 37.5, 10.5),
            (None, 23_464.29, 37.5, 12.0),
            (None, 11_732.14, 18.75, 12.0),
            (None, 23_464.29, None, 12.0),
            (None, None, 37.5, None),
        ],
        ids=["hourly", "salaried-full-time", "salaried-part-time", "no-hours-37.5", "no-pay"],
    )
    def test_salaries_are_divided_by_52_14_weeks_and_contracted_hours(
        self, hourly: float | None, salary: float | None, hours: float | None, expected: float
    ) -> None:
        frame = pl.DataFrame(
            {"h": [hourly], "s": [salary], "c": [hours]},
            schema={"h": pl.Float64, "s": pl.Float64, "c": pl.Float64},
        )
        value = frame.select(hourly_pay_all(pl.col("h"), pl.col("s"), pl.col("c"))).item()
        assert value == (None if expected is None else pytest.approx(expected, abs=1e-3))

    def test_weeks_per_year_is_365_over_7(self) -> None:
        assert pytest.approx(52.142857, rel=1e-6) == WEEKS_PER_YEAR


class TestFloorCost:
    def test_cost_is_the_sum_of_shortfall_times_hours_times_52(self) -> None:
        frame = pl.DataFrame({"pay": [8.50, 8.00, 10.00], "hours": [20.0, 10.0, 37.5]})
        cost = frame.select(
            floor_cost(floor_shortfall(pl.col("pay"), 8.91), pl.col("hours"))
        ).item()
        assert FLOOR_WEEKS == 52
        assert cost == pytest.approx(0.41 * 20 * 52 + 0.91 * 10 * 52)

    def test_measures_use_the_national_living_wage_of_the_reference_date(
        self, build: SimpleNamespace
    ) -> None:
        staff = [
            build.worker(hourly_rate=8.50, contracted_hours=20.0),
            build.worker(hourly_rate=8.00, contracted_hours=10.0),
            build.worker(hourly_rate=10.00),
            build.worker(**_salaried(8.41, 30.0)),
        ]
        measures = [
            "pay_below_floor_share",
            "pay_floor_cost",
            "pay_below_real_living_wage_all_share",
        ]
        results, _ = build.compute([build.place()], staff, measures=measures)
        below = build.cell(results, "pay_below_floor_share")
        assert (below["numerator"], below["denominator"]) == (3, 4)
        cost = build.cell(results, "pay_floor_cost")
        expected = (0.41 * 20 + 0.91 * 10 + 0.50 * 30) * 52
        assert cost["value"] == pytest.approx(expected, abs=0.01)
        assert cost["denominator"] == 3
        rlw = build.cell(results, "pay_below_real_living_wage_all_share")
        assert rlw["numerator"] == 3


class TestPayOfAllStaff:
    def test_mean_and_median_include_salaried_workers(self, build: SimpleNamespace) -> None:
        staff = [build.worker(hourly_rate=10.0), build.worker(**_salaried(12.0))]
        measures = ["hourly_pay_all_mean", "hourly_pay_all_median", "hourly_pay_mean"]
        results, _ = build.compute([build.place()], staff, measures=measures)
        assert build.cell(results, "hourly_pay_all_mean")["value"] == pytest.approx(11.0)
        assert build.cell(results, "hourly_pay_all_median")["value"] == pytest.approx(11.0)
        assert build.cell(results, "hourly_pay_all_mean")["denominator"] == 2
        # The hourly-paid measure still counts the hourly-paid worker only.
        assert build.cell(results, "hourly_pay_mean")["value"] == pytest.approx(10.0)


class TestHeadcount:
    def test_people_are_counted_once_posts_once_each(self, build: SimpleNamespace) -> None:
        staff = [
            build.worker(person_id="p1", worker_id="a"),
            build.worker(person_id="p1", worker_id="b", role=7),
            build.worker(person_id="p2", worker_id="c"),
        ]
        results, _ = build.compute([build.place()], staff, measures=["headcount", "filled_posts"])
        assert build.cell(results, "headcount")["numerator"] == 2
        assert build.cell(results, "filled_posts")["numerator"] == 3


class TestWorkerShares:
    def test_level_2_certificate_counts_completed_only(self, build: SimpleNamespace) -> None:
        staff = [
            build.worker(level2_care_certificate=answer)
            for answer in ("Yes, completed", "Yes, started", "No", None)
        ]
        results, _ = build.compute([build.place()], staff, measures=["l2_care_certificate_share"])
        cell = build.cell(results, "l2_care_certificate_share")
        assert (cell["numerator"], cell["denominator"]) == (1, 3)

    def test_visa_share_counts_british_workers_as_not_holding_one(
        self, build: SimpleNamespace
    ) -> None:
        abroad = {"nationality_group": "Outside EU", "nationality_code": 356}
        staff = [
            build.worker(health_care_visa="No"),
            build.worker(**abroad, health_care_visa="Yes", recruited_outside_uk="Yes"),
            build.worker(**abroad, health_care_visa="Yes", recruited_outside_uk="No"),
            build.worker(**abroad, health_care_visa="No"),
            build.worker(**abroad, health_care_visa="Don't know"),
            build.worker(health_care_visa=None),
        ]
        measures = ["hcw_visa_share", "recruited_from_abroad_share"]
        results, _ = build.compute([build.place()], staff, measures=measures)
        visa = build.cell(results, "hcw_visa_share")
        assert (visa["numerator"], visa["denominator"]) == (2, 5)
        abroad_share = build.cell(results, "recruited_from_abroad_share")
        assert (abroad_share["numerator"], abroad_share["denominator"]) == (1, 2)

    def test_dha_and_years_since_entry(self, build: SimpleNamespace) -> None:
        staff = [
            build.worker(delegated_healthcare_activities="Yes", year_of_entry=2012),
            build.worker(delegated_healthcare_activities="No", year_of_entry=2020),
            build.worker(delegated_healthcare_activities=None),
        ]
        measures = ["dha_worker_share", "years_since_entry_mean"]
        results, _ = build.compute([build.place()], staff, measures=measures)
        dha = build.cell(results, "dha_worker_share")
        assert (dha["numerator"], dha["denominator"]) == (1, 2)
        assert build.cell(results, "years_since_entry_mean")["value"] == pytest.approx(6.0)

    def test_recruited_locally_uses_the_areas_workplace_districts(
        self, build: SimpleNamespace
    ) -> None:
        staff = [
            build.worker(postcode_district="ST16"),
            build.worker(postcode_district="ST17"),
            build.worker(postcode_district=None),
        ]
        results, _ = build.compute([build.place()], staff, measures=["recruited_locally_share"])
        cell = build.cell(results, "recruited_locally_share")
        assert (cell["numerator"], cell["denominator"]) == (1, 2)

    def test_recruited_locally_uses_the_district_lookup_when_given(
        self, build: SimpleNamespace
    ) -> None:
        staff = [build.worker(postcode_district="ST16"), build.worker(postcode_district="ST17")]
        lookup = pl.LazyFrame(
            {"postcode_district": ["ST16", "ST17"], "district_name": ["Stafford", "Stafford"]}
        )
        results, _ = build.compute(
            [build.place()], staff, measures=["recruited_locally_share"], districts=lookup
        )
        cell = build.cell(results, "recruited_locally_share")
        assert (cell["numerator"], cell["denominator"]) == (2, 2)

    def test_cwp_category_shares_leave_out_dont_know(self, build: SimpleNamespace) -> None:
        staff = [
            build.worker(care_workforce_pathway_category=category)
            for category in ("New to care", "New to care", "Deputy manager", "I do not know")
        ]
        results, _ = build.compute([build.place()], staff, measures=["cwp_category_share"])
        shares = build.values(results, "cwp_category_share", "cwp_category")
        assert shares == pytest.approx({"New to care": 2 / 3, "Deputy manager": 1 / 3})


class TestWorkplaceShares:
    def test_each_workplace_counts_once(self, build: SimpleNamespace) -> None:
        places = [
            build.place(
                "P1",
                enhanced_sick_pay="Yes",
                care_workforce_pathway_awareness="Aware of the aims of the care workforce pathway",
                care_workforce_pathway_use="Yes",
                sleep_ins="Yes",
                sleep_in_pay="Hourly rate",
            ),
            build.place(
                "P2",
                enhanced_sick_pay="No",
                care_workforce_pathway_awareness="Not aware of the care workforce pathway",
                care_workforce_pathway_use="No",
                sleep_ins="Yes",
                sleep_in_pay="Flat rate",
            ),
            build.place(
                "P3",
                enhanced_sick_pay="Don't know",
                care_workforce_pathway_awareness="I do not know how aware our workplace is",
                sleep_ins="No",
                travel_time_pay="We do not pay for travel time between visits",
            ),
        ]
        staff = [build.worker("P1") for _ in range(5)] + [build.worker("P2")]
        measures = [
            "sick_pay_above_statutory_share",
            "cwp_aware_share",
            "cwp_use_share",
            "sleep_in_hourly_pay_share",
            "travel_time_paid_share",
        ]
        results, _ = build.compute(places, staff, measures=measures)
        for measure_id, expected in (
            ("sick_pay_above_statutory_share", (1, 2)),
            ("cwp_aware_share", (1, 2)),
            ("cwp_use_share", (1, 2)),
            ("sleep_in_hourly_pay_share", (1, 2)),
            ("travel_time_paid_share", (0, 1)),
        ):
            cell = build.cell(results, measure_id)
            assert (cell["numerator"], cell["denominator"]) == expected, measure_id
        sick = build.cell(results, "sick_pay_above_statutory_share")
        assert (sick["workers"], sick["workplaces"]) == (6, 2)


class TestDisclosure:
    def test_small_workplace_shares_and_pay_costs_are_suppressed(
        self, build: SimpleNamespace
    ) -> None:
        places = [build.place("P1", enhanced_sick_pay="Yes"), build.place("P2")]
        staff = [build.worker("P1", hourly_rate=8.0) for _ in range(12)]
        staff += [build.worker("P2", hourly_rate=8.0) for _ in range(12)]
        results, _ = build.compute(
            places, staff, measures=["sick_pay_above_statutory_share", "pay_floor_cost"]
        )
        table = publish(results, policy=DisclosurePolicy(), comparators=None, unsuppressed=False)
        total = table.filter(pl.col("breakdown") == "total")
        symbols = dict(zip(total["measure_id"], total["symbol"], strict=True))
        # Two workplaces only: both cells are withheld.
        assert symbols == {"sick_pay_above_statutory_share": "[c]", "pay_floor_cost": "[c]"}
        assert total["value"].to_list() == [None, None]


class TestPaySpreadAndDifferentials:
    def test_deciles_interpolate_between_ranks(self, build: SimpleNamespace) -> None:
        staff = [build.worker(hourly_rate=float(rate)) for rate in range(10, 21)]  # 10 ... 20
        measures = ["hourly_pay_all_lower_decile", "hourly_pay_all_upper_decile"]
        results, _ = build.compute([build.place()], staff, measures=measures)
        assert build.cell(results, "hourly_pay_all_lower_decile")["value"] == pytest.approx(11.0)
        assert build.cell(results, "hourly_pay_all_upper_decile")["value"] == pytest.approx(19.0)

    def test_senior_care_worker_differential(self, build: SimpleNamespace) -> None:
        staff = [build.worker(role=8, hourly_rate=10.0) for _ in range(3)]
        staff += [build.worker(role=7, hourly_rate=11.5) for _ in range(2)]
        results, _ = build.compute(
            [build.place()], staff, measures=["senior_care_worker_pay_differential"]
        )
        cell = build.cell(results, "senior_care_worker_pay_differential")
        assert cell["value"] == pytest.approx(0.15)
        assert cell["workers"] == 2


class TestVisaReliance:
    def test_workplaces_with_a_fifth_of_staff_on_visas(self, build: SimpleNamespace) -> None:
        abroad = {"nationality_group": "Outside EU", "nationality_code": 356}
        places = [build.place("P1"), build.place("P2"), build.place("P3")]
        staff = [build.worker("P1", **abroad, health_care_visa="Yes")]
        staff += [build.worker("P1") for _ in range(4)]  # 1 in 5: reliant
        staff += [build.worker("P2", **abroad, health_care_visa="Yes")]
        staff += [build.worker("P2") for _ in range(5)]  # 1 in 6: not
        staff += [build.worker("P3", **abroad, health_care_visa=None)]  # unknown: left out
        results, _ = build.compute(places, staff, measures=["visa_reliant_workplace_share"])
        cell = build.cell(results, "visa_reliant_workplace_share")
        assert (cell["numerator"], cell["denominator"]) == (1, 2)


class TestWorkplaceMeansAndActivities:
    def test_means_count_each_workplace_once(self, build: SimpleNamespace) -> None:
        places = [
            build.place(
                "P1",
                employer_pension_contribution_percent=5.0,
                holiday_days=28,
                travel_time_hourly_rate=10.0,
            ),
            build.place(
                "P2",
                employer_pension_contribution_percent=8.0,
                holiday_days=33,
                travel_time_hourly_rate=None,
            ),
            build.place("P3", holiday_days=None),
        ]
        staff = [build.worker("P1") for _ in range(5)] + [build.worker("P2")]
        measures = ["pension_contribution_mean", "holiday_days_mean", "travel_time_rate_mean"]
        results, _ = build.compute(places, staff, measures=measures)
        assert build.cell(results, "pension_contribution_mean")["value"] == pytest.approx(0.065)
        holiday = build.cell(results, "holiday_days_mean")
        assert (holiday["value"], holiday["denominator"]) == (pytest.approx(30.5), 2)
        assert build.cell(results, "travel_time_rate_mean")["value"] == pytest.approx(10.0)

    def test_activity_shares_of_workplaces_that_said_which(self, build: SimpleNamespace) -> None:
        places = [
            build.place(
                "P1",
                delegated_healthcare_activities="Yes",
                delegated_healthcare_activity_codes=[1, 7],
            ),
            build.place(
                "P2", delegated_healthcare_activities="Yes", delegated_healthcare_activity_codes=[1]
            ),
            build.place(
                "P3",
                delegated_healthcare_activities="Yes",
                delegated_healthcare_activity_codes=None,
            ),
            build.place("P4", delegated_healthcare_activities="No"),
        ]
        results, _ = build.compute(places, [build.worker("P1")], measures=["dha_activity_share"])
        shares = build.values(results, "dha_activity_share", "dha_activity")
        assert shares == pytest.approx(
            {"Vital signs monitoring": 1.0, "Bladder and bowel care": 0.5}
        )
