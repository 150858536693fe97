"""Pay floor scenarios on hand-made canonical datasets (reference date 31/03/2022)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from careforce.core.indicators.frames import worker_measure_frame
from careforce.core.indicators.pay_floors import Floor
from careforce.core.indicators.pay_thresholds import NATIONAL_LIVING_WAGE
from careforce.core.publishing.pay_floors import pay_floor_scenarios

pytestmark = pytest.mark.unit


def scenarios(build: SimpleNamespace, places: list, staff: list, floors: list[Floor]) -> dict:
    workers, establishments = build.frames(places, staff)
    frame = worker_measure_frame(workers, establishments)
    table = pay_floor_scenarios(
        frame, floors, min_workers=10, min_workplaces=3, rounding_base=1
    ).collect()
    return {
        (row["floor"], row["breakdown"], row["breakdown_value"]): row
        for row in table.iter_rows(named=True)
    }


class TestPayFloorScenarios:
    def test_share_below_and_cost_of_a_user_floor(self, build: SimpleNamespace) -> None:
        places = [build.place(f"P{i}") for i in range(3)]
        staff = [build.worker(f"P{i % 3}", hourly_rate=10.0) for i in range(9)]
        staff.append(build.worker("P0", hourly_rate=12.0, contracted_hours=20.0))
        rows = scenarios(build, places, staff, [Floor("£11", rate=11.0)])
        total = rows[("£11", "total", "all")]
        assert (total["workers_with_pay"], total["workers_below"]) == (10, 9)
        assert total["share_below"] == pytest.approx(0.9)
        assert total["annual_cost"] == pytest.approx(9 * 1.0 * 37.5 * 52)
        assert total["symbol"] is None

    def test_the_floor_in_force_at_the_reference_date(self, build: SimpleNamespace) -> None:
        places = [build.place(f"P{i}") for i in range(3)]
        staff = [build.worker(f"P{i % 3}", hourly_rate=8.50) for i in range(10)]
        rows = scenarios(
            build, places, staff, [Floor("National Living Wage", rates=NATIONAL_LIVING_WAGE)]
        )
        total = rows[("National Living Wage", "total", "all")]
        assert total["floor_rate"] == 8.91
        assert total["annual_cost"] == pytest.approx(10 * 0.41 * 37.5 * 52)

    def test_small_cells_are_withheld(self, build: SimpleNamespace) -> None:
        places = [build.place("P1"), build.place("P2")]
        staff = [build.worker("P1", hourly_rate=8.0) for _ in range(12)]
        rows = scenarios(build, places, staff, [Floor("£11", rate=11.0)])
        total = rows[("£11", "total", "all")]
        assert total["symbol"] == "[c]"
        assert (total["workers_below"], total["annual_cost"], total["share_below"]) == (
            None,
            None,
            None,
        )

    def test_a_lone_withheld_part_of_a_breakdown_takes_a_second_with_it(
        self, build: SimpleNamespace
    ) -> None:
        # Four care homes (residential) with 24 staff and one home care workplace with 11:
        # home care is withheld (one workplace), so residential, which with the total would give
        # it away, is withheld too; the total is published.
        places = [build.place(f"R{i}") for i in range(4)] + [build.place("H", service=8)]
        staff = [build.worker(f"R{i % 4}", hourly_rate=8.0) for i in range(24)]
        staff += [build.worker("H", hourly_rate=8.0) for _ in range(11)]
        rows = scenarios(build, places, staff, [Floor("£11", rate=11.0)])
        groups = {key[2]: row["symbol"] for key, row in rows.items() if key[1] == "service_group"}
        assert groups == {"residential": "[c]", "home care": "[c]"}
        assert rows[("£11", "service_group", "residential")]["annual_cost"] is None
        total = rows[("£11", "total", "all")]
        assert (total["symbol"], total["workers_with_pay"]) == (None, 35)
