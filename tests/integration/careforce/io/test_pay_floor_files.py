"""The shipped pay floors table: every rate has a source and the measures use the same rates."""

from __future__ import annotations

import pytest

from careforce.core.indicators.pay_thresholds import NATIONAL_LIVING_WAGE, REAL_LIVING_WAGE
from careforce.io.pay_floor_files import floor_rates, shipped_pay_floors

pytestmark = pytest.mark.integration


class TestShippedPayFloors:
    def test_the_measures_use_the_shipped_rates(self) -> None:
        table = shipped_pay_floors()
        assert floor_rates(table, "National Living Wage") == NATIONAL_LIVING_WAGE
        assert floor_rates(table, "real Living Wage") == REAL_LIVING_WAGE

    def test_every_rate_names_its_source(self) -> None:
        table = shipped_pay_floors()
        assert table["source"].null_count() == 0
        assert set(table["floor"]) == {"National Living Wage", "real Living Wage"}
        assert (
            table.filter(table["floor"] == "National Living Wage")["pounds_per_hour"][-1] == 12.71
        )
