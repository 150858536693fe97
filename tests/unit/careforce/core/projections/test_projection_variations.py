"""Scenarios, one-way sensitivity and Monte Carlo uncertainty."""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl
import pytest

from careforce.core.projections import columns as c
from careforce.core.projections.inputs import numeric_parameters
from careforce.core.projections.parameters import (
    ParameterError,
    ProjectionParameters,
    UncertainParameter,
    parameters_json_schema,
)
from careforce.core.projections.projection import add_group_totals, project
from careforce.core.projections.scenarios import (
    UnknownScenarioError,
    apply_scenario,
    scenario_projections,
)
from careforce.core.projections.sensitivity import (
    SENSITIVITY_FRACTION,
    one_way_sensitivity,
    varied_ranges,
)
from careforce.core.projections.uncertainty import (
    NoUncertaintyError,
    draw,
    simulate,
    summarise,
)
from careforce.core.projections.validation import parse_parameters

pytestmark = pytest.mark.unit

DATA: dict[str, Any] = {
    "schema_version": "1",
    "name": "Test",
    "base_year": 2022,
    "report_years": [2024, 2027],
    "drivers": {"pop65": {"growth": {"2027": 0.1}}},
    "groups": [
        {
            "name": "adult",
            "base_workforce": 1000,
            "demand_driver": "pop65",
            "demand_elasticity": 1.2,
            "turnover_rate": 0.3,
            "leaving_sector_share": 0.4,
        },
        {"name": "other", "base_workforce": 100, "leavers_per_year": 10},
    ],
    "scenarios": {
        "retention": {
            "label": "Better retention",
            "groups": {"adult": {"turnover_rate_path": {"2027": 0.25}}},
        },
        "proportional": {"groups": {"adult": {"demand_elasticity": 1.0}}},
        "reform": {
            "groups": {"adult": {"policy_posts": [{"name": "r", "posts": 20, "from_year": 2023}]}}
        },
    },
    "sensitivity": [{"parameter": "groups.adult.turnover_rate", "low": 0.25, "high": 0.35}],
    "uncertainty": [
        {
            "parameter": "groups.adult.turnover_rate",
            "distribution": "triangular",
            "low": 0.25,
            "mode": 0.3,
            "high": 0.35,
        },
        {
            "parameter": "drivers.pop65.growth_scale",
            "distribution": "normal",
            "mean": 1.0,
            "sd": 0.2,
            "low": 0.8,
            "high": 1.2,
        },
        {
            "parameter": "groups.other.leavers_per_year",
            "distribution": "uniform",
            "low": 8,
            "high": 12,
        },
    ],
}
PARAMS = parse_parameters(DATA, parameters_json_schema())


def total(frame: pl.DataFrame, *, scenario: str, year: int, group: str = "adult") -> float:
    return float(
        frame.filter(
            (pl.col(c.SCENARIO) == scenario) & (pl.col(c.YEAR) == year) & (pl.col(c.GROUP) == group)
        )
        .get_column(c.TOTAL_NEW_STAFF)
        .item()
    )


class TestScenarios:
    def test_projects_baseline_then_each_scenario(self) -> None:
        frame = scenario_projections(PARAMS)
        assert frame.get_column(c.SCENARIO).unique(maintain_order=True).to_list() == [
            c.BASELINE,
            "retention",
            "proportional",
            "reform",
        ]

    def test_retention_lowers_and_reform_raises_new_staff(self) -> None:
        frame = scenario_projections(PARAMS)
        base = total(frame, scenario=c.BASELINE, year=2027)
        assert total(frame, scenario="retention", year=2027) < base
        assert total(frame, scenario="proportional", year=2027) < base
        assert total(frame, scenario="reform", year=2027) > base + 20

    def test_scenario_leaves_other_groups_alone(self) -> None:
        frame = scenario_projections(PARAMS, ["retention"])
        assert total(frame, scenario="retention", year=2027, group="other") == total(
            frame, scenario=c.BASELINE, year=2027, group="other"
        )

    def test_apply_scenario_replaces_only_the_given_fields(self) -> None:
        applied = apply_scenario(PARAMS, "proportional")
        assert applied.group("adult").demand_elasticity == 1.0
        assert applied.group("adult").turnover_rate == 0.3
        assert applied.scenarios == {}

    def test_unknown_scenario_lists_the_declared_ones(self) -> None:
        with pytest.raises(UnknownScenarioError, match="retention, proportional, reform"):
            scenario_projections(PARAMS, ["nonsense"])

    def test_scenario_that_breaks_the_parameters_is_refused(self) -> None:
        data = {**DATA, "scenarios": {"bad": {"groups": {"adult": {"leavers_per_year": 1}}}}}
        params = ProjectionParameters.model_validate(data)
        with pytest.raises(ParameterError, match=r"^scenarios\.bad: makes groups\[0\]"):
            apply_scenario(params, "bad")


class TestSensitivity:
    def test_every_numeric_parameter_is_tested(self) -> None:
        tested = {item.parameter.identifier for item in varied_ranges(PARAMS)}
        assert tested == {item.identifier for item in numeric_parameters(PARAMS)}
        assert tested == {
            "groups.adult.base_workforce",
            "groups.adult.demand_elasticity",
            "groups.adult.turnover_rate",
            "groups.adult.leaving_sector_share",
            "groups.other.base_workforce",
            "groups.other.leavers_per_year",
            "drivers.pop65.growth_scale",
        }

    def test_declared_range_or_ten_percent(self) -> None:
        ranges = {item.parameter.identifier: item for item in varied_ranges(PARAMS)}
        assert (
            ranges["groups.adult.turnover_rate"].low,
            ranges["groups.adult.turnover_rate"].high,
        ) == (
            0.25,
            0.35,
        )
        elasticity = ranges["groups.adult.demand_elasticity"]
        assert elasticity.low == pytest.approx(1.2 * (1 - SENSITIVITY_FRACTION))
        assert elasticity.high == pytest.approx(1.2 * (1 + SENSITIVITY_FRACTION))

    def test_ten_percent_stays_within_limits(self) -> None:
        data = {**DATA, "sensitivity": []}
        data["groups"] = [{**DATA["groups"][0], "leaving_sector_share": 0.95}, DATA["groups"][1]]
        params = parse_parameters(data, parameters_json_schema())
        share = next(
            item
            for item in varied_ranges(params)
            if item.parameter.identifier == "groups.adult.leaving_sector_share"
        )
        assert share.high == 1.0

    def test_results_match_projections_with_the_parameter_changed(self) -> None:
        frame = one_way_sensitivity(PARAMS)
        row = frame.filter(pl.col(c.PARAMETER) == "groups.adult.turnover_rate").row(0, named=True)
        changed = {
            **DATA,
            "groups": [{**DATA["groups"][0], "turnover_rate": 0.35}, DATA["groups"][1]],
        }
        expected = (
            add_group_totals(project(parse_parameters(changed, parameters_json_schema())).lazy())
            .collect()
            .filter((pl.col(c.GROUP) == c.ALL_GROUPS) & (pl.col(c.YEAR) == 2027))
            .get_column(c.TOTAL_NEW_STAFF)
            .item()
        )
        assert row[c.RESULT_HIGH] == pytest.approx(expected)
        assert row[c.SWING] == pytest.approx(abs(row[c.RESULT_HIGH] - row[c.RESULT_LOW]))

    def test_largest_swing_first(self) -> None:
        swings = one_way_sensitivity(PARAMS).get_column(c.SWING).to_list()
        assert swings == sorted(swings, reverse=True)

    def test_one_group_and_year(self) -> None:
        frame = one_way_sensitivity(PARAMS, year=2024, group="other")
        row = frame.filter(pl.col(c.PARAMETER) == "groups.other.leavers_per_year").row(
            0, named=True
        )
        assert (row[c.RESULT_LOW], row[c.RESULT_BASE], row[c.RESULT_HIGH]) == pytest.approx(
            (18.0, 20.0, 22.0)
        )
        untouched = frame.filter(pl.col(c.PARAMETER) == "groups.adult.turnover_rate")
        assert untouched.get_column(c.SWING).item() == 0.0

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            pytest.param({"year": 2040}, "outside the projection", id="year"),
            pytest.param({"group": "nobody"}, "no group", id="group"),
        ],
    )
    def test_rejects_unknown_year_or_group(self, options: dict[str, Any], message: str) -> None:
        with pytest.raises(ValueError, match=message):
            one_way_sensitivity(PARAMS, **options)


class TestUncertainty:
    def test_same_seed_same_draws(self) -> None:
        first = simulate(PARAMS, draws=500, seed=7)
        second = simulate(PARAMS, draws=500, seed=7)
        other = simulate(PARAMS, draws=500, seed=8)
        a = first.results[c.ALL_GROUPS][c.TOTAL_NEW_STAFF]
        assert np.array_equal(a, second.results[c.ALL_GROUPS][c.TOTAL_NEW_STAFF])
        assert not np.array_equal(a, other.results[c.ALL_GROUPS][c.TOTAL_NEW_STAFF])

    def test_percentiles_are_ordered(self) -> None:
        summary = summarise(simulate(PARAMS, draws=2000, seed=1))
        assert summary.height == 3 * 5 * 4
        assert summary.filter(
            (pl.col(c.P10) > pl.col(c.P50)) | (pl.col(c.P50) > pl.col(c.P90))
        ).is_empty()
        spread = summary.filter(
            (pl.col(c.GROUP) == c.ALL_GROUPS) & (pl.col(c.MEASURE) == c.TOTAL_NEW_STAFF)
        )
        assert (spread.get_column(c.P90) > spread.get_column(c.P10)).all()

    def test_all_groups_is_summed_draw_by_draw(self) -> None:
        simulation = simulate(PARAMS, draws=300, seed=3)
        summed = (
            simulation.results["adult"][c.TOTAL_NEW_STAFF]
            + simulation.results["other"][c.TOTAL_NEW_STAFF]
        )
        assert np.allclose(simulation.results[c.ALL_GROUPS][c.TOTAL_NEW_STAFF], summed)

    def test_zero_width_distributions_reproduce_the_central_projection(self) -> None:
        data = {
            **DATA,
            "uncertainty": [
                {
                    "parameter": "groups.adult.turnover_rate",
                    "distribution": "uniform",
                    "low": 0.3,
                    "high": 0.3,
                },
                {
                    "parameter": "drivers.pop65.growth_scale",
                    "distribution": "normal",
                    "mean": 1.0,
                    "sd": 0.0,
                },
            ],
        }
        params = parse_parameters(data, parameters_json_schema())
        central = project(params).filter(pl.col(c.GROUP) == "adult").sort(c.YEAR)
        draws = simulate(params, draws=10, seed=0).results["adult"][c.TOTAL_NEW_STAFF]
        assert np.allclose(draws, central.get_column(c.TOTAL_NEW_STAFF).to_numpy()[None, :])

    def test_needs_declared_distributions(self) -> None:
        params = ProjectionParameters.model_validate({**DATA, "uncertainty": []})
        with pytest.raises(NoUncertaintyError, match=r"\[\[uncertainty\]\]"):
            simulate(params, draws=10, seed=0)


class TestDraw:
    @pytest.mark.parametrize(
        ("entry", "low", "high", "mean"),
        [
            pytest.param(
                {"distribution": "normal", "mean": 0.1, "sd": 0.1},
                0.0,
                1.0,
                None,
                id="normal-truncated-at-zero",
            ),
            pytest.param(
                {"distribution": "normal", "mean": 0.5, "sd": 0.1, "low": 0.45, "high": 0.6},
                0.45,
                0.6,
                None,
                id="normal-with-bounds",
            ),
            pytest.param(
                {"distribution": "triangular", "low": 0.2, "mode": 0.3, "high": 0.5},
                0.2,
                0.5,
                (0.2 + 0.3 + 0.5) / 3,
                id="triangular",
            ),
            pytest.param(
                {"distribution": "uniform", "low": 0.2, "high": 0.4}, 0.2, 0.4, 0.3, id="uniform"
            ),
        ],
    )
    def test_values_stay_in_bounds(
        self, entry: dict[str, Any], low: float, high: float, mean: float | None
    ) -> None:
        parameter = next(
            item
            for item in numeric_parameters(PARAMS)
            if item.identifier == "groups.adult.leaving_sector_share"
        )
        values = draw(
            UncertainParameter.model_validate({"parameter": parameter.identifier, **entry}),
            parameter,
            20_000,
            np.random.default_rng(5),
        )
        assert values.min() >= low
        assert values.max() <= high
        if mean is not None:
            assert values.mean() == pytest.approx(mean, abs=0.005)
