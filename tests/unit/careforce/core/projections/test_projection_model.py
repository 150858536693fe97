"""The projection equations: hand-computed cases for each timing and replacement form, and
properties that must hold for any parameters."""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careforce.core.projections import columns as c
from careforce.core.projections.model import (
    GroupInputs,
    LeaverReplacement,
    RateReplacement,
    cumulative_leavers,
    project_group,
)
from careforce.core.projections.parameters import ProjectionParameters, Timing
from careforce.core.projections.projection import (
    add_group_totals,
    add_new_staff_in_year,
    project,
)

pytestmark = pytest.mark.unit


def make_params(
    groups: list[dict[str, Any]],
    *,
    drivers: dict[str, Any] | None = None,
    report_years: list[int] | None = None,
    **extra: Any,
) -> ProjectionParameters:
    """Parameters with base year 2022 (not cross-checked: the model must not need it)."""
    return ProjectionParameters.model_validate(
        {
            "schema_version": "1",
            "name": "test",
            "base_year": 2022,
            "report_years": report_years or [2024],
            "drivers": drivers or {},
            "groups": groups,
            **extra,
        }
    )


def values(frame: pl.DataFrame, column: str, group: str | None = None) -> list[float]:
    """A column's values in year order (for one group when given)."""
    if group is not None:
        frame = frame.filter(pl.col(c.GROUP) == group)
    return frame.sort(c.YEAR).get_column(column).to_list()


GROWING = {"pop": {"growth": {"2023": 0.1, "2024": 0.2}}}
"""W = 100, 110, 120 for a base workforce of 100 and elasticity 1."""


class TestRequirement:
    def test_follows_the_driver_with_the_elasticity(self) -> None:
        params = make_params(
            [
                {
                    "name": "g",
                    "base_workforce": 100,
                    "demand_driver": "pop",
                    "demand_elasticity": 0.5,
                }
            ],
            drivers=GROWING,
        )
        frame = project(params)
        assert values(frame, c.REQUIREMENT) == pytest.approx([105.0, 110.0])
        assert values(frame, c.EXTRA_DEMAND) == pytest.approx([5.0, 10.0])

    def test_stays_at_base_without_a_driver(self) -> None:
        frame = project(make_params([{"name": "g", "base_workforce": 402}]))
        assert values(frame, c.REQUIREMENT) == [402.0, 402.0]
        assert values(frame, c.TOTAL_NEW_STAFF) == [0.0, 0.0]

    def test_adds_policy_posts_in_their_years(self) -> None:
        params = make_params(
            [
                {
                    "name": "g",
                    "base_workforce": 100,
                    "replacement_rate": 0.1,
                    "policy_posts": [{"name": "p", "posts": 5, "from_year": 2023, "to_year": 2023}],
                }
            ]
        )
        frame = project(params)
        assert values(frame, c.REQUIREMENT) == pytest.approx([105.0, 100.0])
        assert values(frame, c.POLICY_POSTS) == pytest.approx([5.0, 0.0])
        assert values(frame, c.EXTRA_DEMAND) == pytest.approx([5.0, 0.0])
        # Leavers from the 105 posts of 2023 are replaced in 2024 (start-of-year timing).
        assert values(frame, c.REPLACEMENT) == pytest.approx([10.0, 20.5])

    def test_vacancies_filled_linearly_add_to_extra_demand(self) -> None:
        params = make_params(
            [
                {
                    "name": "g",
                    "base_workforce": 100,
                    "base_vacancies": 10,
                    "vacancies_closed_by": 2024,
                }
            ],
            report_years=[2025],
        )
        frame = project(params)
        assert values(frame, c.VACANCIES_FILLED) == pytest.approx([5.0, 10.0, 10.0])
        assert values(frame, c.EXTRA_DEMAND) == pytest.approx([5.0, 10.0, 10.0])
        assert values(frame, c.REQUIREMENT) == pytest.approx([100.0, 100.0, 100.0])


class TestReplacementByRate:
    @pytest.mark.parametrize(
        ("timing", "expected"),
        [
            pytest.param("start_of_year", [10.0, 21.0], id="start-of-year: r*W_2022, +r*W_2023"),
            pytest.param("mid_year", [10.5, 22.0], id="mid-year: r*(W_y+W_y+1)/2"),
            pytest.param("end_of_year", [11.0, 23.0], id="end-of-year: r*W_2023, +r*W_2024"),
        ],
    )
    def test_timing_conventions(self, timing: str, expected: list[float]) -> None:
        params = make_params(
            [
                {
                    "name": "g",
                    "base_workforce": 100,
                    "demand_driver": "pop",
                    "replacement_rate": 0.1,
                    "replacement_timing": timing,
                }
            ],
            drivers=GROWING,
        )
        frame = project(params)
        assert values(frame, c.REPLACEMENT) == pytest.approx(expected)
        assert values(frame, c.TOTAL_NEW_STAFF) == pytest.approx(
            [extra + replaced for extra, replaced in zip([10.0, 20.0], expected, strict=True)]
        )

    def test_rate_path_is_linear_then_held(self) -> None:
        params = make_params(
            [
                {
                    "name": "g",
                    "base_workforce": 100,
                    "replacement_rate": 0.1,
                    "replacement_rate_path": {"2024": 0.2},
                }
            ],
            report_years=[2025],
        )
        # Rates 0.1 (2022), 0.15 (2023), 0.2 (2024 on) on a constant 100.
        assert values(project(params), c.REPLACEMENT) == pytest.approx([10.0, 25.0, 45.0])

    def test_turnover_and_share_give_sector_and_employer_leavers(self) -> None:
        params = make_params(
            [
                {
                    "name": "g",
                    "base_workforce": 100,
                    "turnover_rate": 0.3,
                    "leaving_sector_share": 0.5,
                }
            ]
        )
        frame = project(params)
        assert values(frame, c.REPLACEMENT) == pytest.approx([15.0, 30.0])
        assert values(frame, c.EMPLOYER_REPLACEMENT) == pytest.approx([30.0, 60.0])
        assert values(frame, c.EMPLOYER_RECRUITMENT) == pytest.approx([30.0, 60.0])

    def test_turnover_path_moves_the_sector_rate_at_the_same_share(self) -> None:
        params = make_params(
            [
                {
                    "name": "g",
                    "base_workforce": 100,
                    "turnover_rate": 0.3,
                    "leaving_sector_share": 0.5,
                    "turnover_rate_path": {"2024": 0.1},
                }
            ]
        )
        frame = project(params)
        # Turnover 0.3 in 2022, 0.2 in 2023: sector rates 0.15 and 0.1.
        assert values(frame, c.REPLACEMENT) == pytest.approx([15.0, 25.0])
        assert values(frame, c.EMPLOYER_REPLACEMENT) == pytest.approx([30.0, 50.0])

    def test_employer_columns_are_null_without_turnover(self) -> None:
        frame = project(make_params([{"name": "g", "base_workforce": 10, "replacement_rate": 0.1}]))
        assert frame.get_column(c.EMPLOYER_RECRUITMENT).null_count() == frame.height


class TestReplacementByLeavers:
    def test_cumulative_leavers_scaled_by_population(self) -> None:
        params = make_params(
            [
                {
                    "name": "g",
                    "base_workforce": 402,
                    "leavers_per_year": 10,
                    "replacement_population_adjustment": "kids",
                }
            ],
            drivers={"kids": {"population": {"2022": 100, "2024": 110}}},
        )
        # 2023: 10 * 1 * 105/100 (interpolated); 2024: 10 * 2 * 110/100.
        assert values(project(params), c.REPLACEMENT) == pytest.approx([10.5, 22.0])

    def test_without_adjustment_is_leavers_times_years(self) -> None:
        params = make_params(
            [{"name": "g", "base_workforce": 386, "leavers_per_year": 41}], report_years=[2032]
        )
        frame = project(params)
        assert values(frame, c.REPLACEMENT)[-1] == pytest.approx(410.0)
        assert values(frame, c.EXTRA_DEMAND) == [0.0] * 10


class TestGroupTotals:
    def test_sums_groups_and_nulls_partial_employer_totals(self) -> None:
        params = make_params(
            [
                {"name": "a", "base_workforce": 100, "turnover_rate": 0.2, "replacement_rate": 0.1},
                {"name": "b", "base_workforce": 50, "leavers_per_year": 5},
            ]
        )
        totals = add_group_totals(project(params).lazy()).collect()
        all_rows = totals.filter(pl.col(c.GROUP) == c.ALL_GROUPS)
        assert values(all_rows, c.REPLACEMENT) == pytest.approx([15.0, 30.0])
        assert all_rows.get_column(c.EMPLOYER_RECRUITMENT).null_count() == 2

    def test_new_staff_in_year_is_the_yearly_difference(self) -> None:
        params = make_params([{"name": "g", "base_workforce": 100, "replacement_rate": 0.1}])
        frame = add_new_staff_in_year(project(params).lazy(), base_year=2022).collect()
        assert values(frame, c.NEW_STAFF_IN_YEAR) == pytest.approx([10.0, 10.0])


class TestCumulativeLeavers:
    def test_is_zero_in_the_base_year(self) -> None:
        workforce = np.array([[100.0, 110.0, 120.0]])
        rates = np.array([[0.1, 0.1]])
        result = cumulative_leavers(workforce, rates, Timing.START_OF_YEAR)
        assert result[0].tolist() == pytest.approx([0.0, 10.0, 21.0])


def _inputs(
    *, base: float, elasticity: float, growth: list[float], rate: float, timing: Timing
) -> GroupInputs:
    years = len(growth)
    return GroupInputs(
        base_workforce=np.array([base]),
        demand_elasticity=np.array([elasticity]),
        growth=np.array([growth]),
        policy_posts=np.zeros((1, years)),
        base_vacancies=np.zeros(1),
        vacancy_fill=np.zeros(years),
        replacement=RateReplacement(rates=np.full((1, years - 1), rate), timing=timing),
    )


growth_paths = st.lists(
    st.floats(min_value=-0.3, max_value=0.5, allow_nan=False), min_size=1, max_size=12
).map(lambda tail: [0.0, *tail])
non_negative_paths = st.lists(
    st.floats(min_value=0.0, max_value=0.5, allow_nan=False), min_size=1, max_size=12
).map(lambda tail: [0.0, *tail])
bases = st.floats(min_value=0.0, max_value=1e6, allow_nan=False)
elasticities = st.floats(min_value=0.0, max_value=2.0, allow_nan=False)
rates = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
timings = st.sampled_from(list(Timing))


class TestProperties:
    @settings(max_examples=60, deadline=None)
    @given(bases, elasticities, growth_paths, rates, rates, timings)
    def test_higher_replacement_rate_never_lowers_total(
        self,
        base: float,
        elasticity: float,
        growth: list[float],
        first: float,
        second: float,
        timing: Timing,
    ) -> None:
        low, high = sorted((first, second))
        lower = project_group(
            _inputs(base=base, elasticity=elasticity, growth=growth, rate=low, timing=timing)
        )
        higher = project_group(
            _inputs(base=base, elasticity=elasticity, growth=growth, rate=high, timing=timing)
        )
        assert np.all(higher.total_new_staff >= lower.total_new_staff - 1e-9 * max(base, 1))

    @settings(max_examples=30, deadline=None)
    @given(bases, elasticities, st.integers(min_value=1, max_value=15), timings)
    def test_zero_growth_and_zero_replacement_need_no_new_staff(
        self, base: float, elasticity: float, years: int, timing: Timing
    ) -> None:
        result = project_group(
            _inputs(
                base=base,
                elasticity=elasticity,
                growth=[0.0] * (years + 1),
                rate=0.0,
                timing=timing,
            )
        )
        assert np.all(result.total_new_staff == 0.0)

    @settings(max_examples=60, deadline=None)
    @given(bases, elasticities, elasticities, non_negative_paths, rates, timings)
    def test_monotone_in_elasticity_when_growth_is_not_negative(
        self,
        base: float,
        first: float,
        second: float,
        growth: list[float],
        rate: float,
        timing: Timing,
    ) -> None:
        low, high = sorted((first, second))
        lower = project_group(
            _inputs(base=base, elasticity=low, growth=growth, rate=rate, timing=timing)
        )
        higher = project_group(
            _inputs(base=base, elasticity=high, growth=growth, rate=rate, timing=timing)
        )
        assert np.all(higher.total_new_staff >= lower.total_new_staff - 1e-9 * max(base, 1))

    @settings(max_examples=40, deadline=None)
    @given(bases, elasticities, non_negative_paths, rates)
    def test_start_mid_end_of_year_are_ordered_when_growing(
        self, base: float, elasticity: float, growth: list[float], rate: float
    ) -> None:
        increasing = list(np.maximum.accumulate(growth))
        start, middle, end = (
            project_group(
                _inputs(base=base, elasticity=elasticity, growth=increasing, rate=rate, timing=t)
            ).replacement
            for t in (Timing.START_OF_YEAR, Timing.MID_YEAR, Timing.END_OF_YEAR)
        )
        slack = 1e-9 * max(base, 1)
        assert np.all(start <= middle + slack)
        assert np.all(middle <= end + slack)

    @settings(max_examples=30, deadline=None)
    @given(
        st.floats(min_value=0.0, max_value=1000.0, allow_nan=False),
        st.integers(min_value=1, max_value=12),
    )
    def test_leavers_form_is_linear_in_leavers(self, leavers: float, years: int) -> None:
        inputs = GroupInputs(
            base_workforce=np.array([100.0]),
            demand_elasticity=np.array([1.0]),
            growth=np.zeros((1, years + 1)),
            policy_posts=np.zeros((1, years + 1)),
            base_vacancies=np.zeros(1),
            vacancy_fill=np.zeros(years + 1),
            replacement=LeaverReplacement(
                leavers_per_year=np.array([leavers]), adjustment=np.ones((1, years + 1))
            ),
        )
        result = project_group(inputs)
        assert result.replacement[0, -1] == pytest.approx(leavers * years)
