"""Demand drivers: interpolation, growth and population forms, weighted age bands."""

from __future__ import annotations

import pytest

from careforce.core.projections.drivers import DriverError, driver_growth, interpolate, last_year
from careforce.core.projections.parameters import Driver

pytestmark = pytest.mark.unit

YEARS = [2022, 2023, 2024]


def drivers(**named: dict[str, object]) -> dict[str, Driver]:
    """Drivers from keyword arguments of raw driver data."""
    return {name: Driver.model_validate(data) for name, data in named.items()}


class TestInterpolate:
    def test_fills_missing_years_linearly(self) -> None:
        result = interpolate({2022: 100.0, 2027: 150.0}, [2022, 2023, 2026, 2027], what="p")
        assert result.tolist() == pytest.approx([100.0, 110.0, 140.0, 150.0])

    @pytest.mark.parametrize(
        "years",
        [
            pytest.param([2021, 2022], id="before-first"),
            pytest.param([2027, 2028], id="after-last"),
        ],
    )
    def test_never_extrapolates(self, years: list[int]) -> None:
        with pytest.raises(DriverError, match="does not extrapolate"):
            interpolate({2022: 1.0, 2027: 2.0}, years, what="drivers.p.population")


class TestDriverGrowth:
    def test_growth_form_starts_at_zero_in_the_base_year(self) -> None:
        found = drivers(p={"growth": {"2024": 0.031}})
        growth = driver_growth(found, "p", base_year=2022, years=YEARS)
        assert growth.tolist() == pytest.approx([0.0, 0.0155, 0.031])

    def test_population_form_is_relative_to_the_base_year(self) -> None:
        found = drivers(p={"population": {"2022": 167600, "2024": 167935}})
        growth = driver_growth(found, "p", base_year=2022, years=YEARS)
        assert growth[-1] == pytest.approx(167935 / 167600 - 1)
        assert growth[1] == pytest.approx((167600 + 167935) / 2 / 167600 - 1)

    def test_weighted_age_bands_combine_populations(self) -> None:
        found = drivers(
            a={"population": {"2022": 100, "2024": 120}},
            b={"population": {"2022": 50, "2024": 70}},
            mix={"weights": {"a": 1.0, "b": 2.0}},
        )
        growth = driver_growth(found, "mix", base_year=2022, years=YEARS)
        # D = a + 2b: 200 in 2022, 260 in 2024.
        assert growth.tolist() == pytest.approx([0.0, 0.15, 0.3])

    def test_none_is_no_growth(self) -> None:
        assert driver_growth({}, "none", base_year=2022, years=YEARS).tolist() == [0.0] * 3

    def test_unknown_driver_is_an_error(self) -> None:
        with pytest.raises(DriverError, match="no driver 'missing'"):
            driver_growth({}, "missing", base_year=2022, years=YEARS)

    def test_weights_need_population_drivers(self) -> None:
        found = drivers(g={"growth": {"2024": 0.1}}, mix={"weights": {"g": 1.0}})
        with pytest.raises(DriverError, match="must be given as population"):
            driver_growth(found, "mix", base_year=2022, years=YEARS)


class TestLastYear:
    def test_weighted_driver_ends_with_its_shortest_component(self) -> None:
        found = drivers(
            a={"population": {"2022": 1, "2030": 2}},
            b={"population": {"2022": 1, "2032": 2}},
            mix={"weights": {"a": 1.0, "b": 1.0}},
        )
        assert last_year(found, "mix") == 2030
