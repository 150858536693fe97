"""Parameter data is checked against the JSON Schema and across fields, and every problem
names its field."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from careforce.core.configuration import Problem
from careforce.core.projections.parameters import (
    SCHEMA_ID,
    SCHEMA_VERSION,
    ParameterError,
    parameters_json_schema,
)
from careforce.core.projections.validation import parse_parameters

pytestmark = pytest.mark.unit

SCHEMA = parameters_json_schema()

VALID: dict[str, Any] = {
    "schema_version": "1",
    "name": "Test projection",
    "base_year": 2022,
    "report_years": [2024, 2027],
    "drivers": {
        "pop65": {"growth": {"2024": 0.031, "2027": 0.085}},
        "pop0_17": {"population": {"2022": 167600, "2027": 167097}},
    },
    "groups": [
        {
            "name": "adult",
            "base_workforce": 23063,
            "demand_driver": "pop65",
            "demand_elasticity": 1.2826,
            "replacement_rate": 0.116204,
            "replacement_timing": "start_of_year",
        },
        {
            "name": "children_social_workers",
            "base_workforce": 402,
            "demand_driver": "none",
            "leavers_per_year": 55,
            "replacement_population_adjustment": "pop0_17",
        },
    ],
}


def changed(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """VALID with the value at ``path`` replaced (or removed when value is ...)."""
    data = copy.deepcopy(VALID)
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def problems(data: dict[str, Any]) -> list[Problem]:
    with pytest.raises(ParameterError) as caught:
        parse_parameters(data, SCHEMA)
    return caught.value.problems


class TestSchema:
    def test_id_carries_the_version(self) -> None:
        assert SCHEMA["$id"] == SCHEMA_ID
        assert f"/v{SCHEMA_VERSION}." in SCHEMA["$id"]

    def test_every_property_has_a_description(self) -> None:
        missing = []

        def walk(node: Any, where: str) -> None:
            if isinstance(node, dict):
                for name, value in node.get("properties", {}).items():
                    if not str(value.get("description", "")).strip():
                        missing.append(f"{where}.{name}")
                for key, value in node.items():
                    walk(value, f"{where}/{key}")
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    walk(value, f"{where}[{index}]")

        walk(SCHEMA, "#")
        assert missing == []

    def test_accepts_the_documented_example(self) -> None:
        params = parse_parameters(VALID, SCHEMA)
        assert [group.name for group in params.groups] == ["adult", "children_social_workers"]
        assert params.drivers["pop65"].growth == {2024: 0.031, 2027: 0.085}


MALFORMED = [
    pytest.param(changed(("name",), ...), "name", "is required", id="missing-name"),
    pytest.param(changed(("schema_version",), "2"), "schema_version", 'must be "1"', id="version"),
    pytest.param(changed(("base_year",), "2022"), "base_year", "whole number", id="year-as-text"),
    pytest.param(
        changed(("groups", 0, "replacement_rate"), -0.1),
        "groups[0].replacement_rate",
        "at least 0",
        id="negative-rate",
    ),
    pytest.param(
        changed(("groups", 0, "replacement_timing"), "sometimes"),
        "groups[0].replacement_timing",
        "must be one of",
        id="bad-timing",
    ),
    pytest.param(
        changed(("groups", 1, "bogus"), 1),
        "groups[1].bogus",
        "not a known field",
        id="unknown-field",
    ),
    pytest.param(
        changed(("drivers", "pop65", "growth"), {"20x4": 0.1}),
        "drivers.pop65.growth.20x4",
        "year of four digits",
        id="bad-year-key",
    ),
    pytest.param(
        changed(("drivers", "pop65", "population"), {"2022": 1}),
        "drivers.pop65",
        "only one of growth, population, weights",
        id="two-driver-forms",
    ),
    pytest.param(
        changed(("drivers", "pop65"), {}), "drivers.pop65", "give one of", id="no-driver-form"
    ),
    pytest.param(
        changed(("groups", 0, "base_workforce"), float("nan")),
        "groups[0].base_workforce",
        "finite",
        id="nan",
    ),
    pytest.param(changed(("groups",), []), "groups", "at least 1 item", id="no-groups"),
    pytest.param(
        changed(("report_years",), [2021]), "report_years[0]", "after the base year", id="early"
    ),
    pytest.param(
        changed(("report_years",), [2027, 2024]), "report_years", "ascending", id="unsorted"
    ),
    pytest.param(
        changed(("groups", 0, "demand_driver"), "pop66"),
        "groups[0].demand_driver",
        "no driver 'pop66'",
        id="unknown-driver",
    ),
    pytest.param(
        changed(("report_years",), [2024, 2030]),
        "groups[0].demand_driver",
        "ends in 2027",
        id="driver-too-short",
    ),
    pytest.param(
        changed(("groups", 1, "replacement_rate"), 0.1),
        "groups[1].replacement_rate",
        "cannot be combined with leavers_per_year",
        id="two-replacement-forms",
    ),
    pytest.param(
        changed(("groups", 0, "leaving_sector_share"), 0.4),
        "groups[0].leaving_sector_share",
        "not both",
        id="rate-and-share",
    ),
    pytest.param(
        changed(("groups", 0, "turnover_rate"), 0.05),
        "groups[0].replacement_rate",
        "more than turnover_rate",
        id="rate-above-turnover",
    ),
    pytest.param(
        changed(("groups", 1, "name"), "adult"),
        "groups[1].name",
        "used twice",
        id="duplicate-group",
    ),
    pytest.param(
        changed(("drivers", "pop0_17", "population"), {"2023": 1, "2027": 2}),
        "drivers.pop0_17.population",
        "must include the base year 2022",
        id="population-without-base",
    ),
    pytest.param(
        changed(("groups", 0, "policy_posts"), [{"name": "p", "posts": 5, "from_year": 2022}]),
        "groups[0].policy_posts[0].from_year",
        "after the base year",
        id="posts-in-base-year",
    ),
    pytest.param(
        changed(("scenarios",), {"s": {"groups": {"nobody": {"base_workforce": 1}}}}),
        "scenarios.s.groups.nobody",
        "no group 'nobody'",
        id="scenario-unknown-group",
    ),
    pytest.param(
        changed(("scenarios",), {"s": {"groups": {"adult": {"leavers_per_year": 5}}}}),
        "scenarios.s",
        "cannot be combined with leavers_per_year",
        id="scenario-makes-invalid",
    ),
    pytest.param(
        changed(
            ("uncertainty",),
            [{"parameter": "groups.adult.replacement_rate", "distribution": "normal", "mean": 1}],
        ),
        "uncertainty[0].sd",
        "is required",
        id="normal-without-sd",
    ),
    pytest.param(
        changed(
            ("uncertainty",),
            [
                {
                    "parameter": "groups.adult.replacement_rate",
                    "distribution": "triangular",
                    "low": 0.1,
                    "mode": 0.3,
                    "high": 0.2,
                }
            ],
        ),
        "uncertainty[0].mode",
        "not between",
        id="mode-outside",
    ),
    pytest.param(
        changed(
            ("uncertainty",),
            [{"parameter": "groups.adult.wages", "distribution": "uniform", "low": 1, "high": 2}],
        ),
        "uncertainty[0].parameter",
        "not a numeric parameter",
        id="unknown-parameter",
    ),
    pytest.param(
        changed(
            ("sensitivity",),
            [{"parameter": "groups.adult.replacement_rate", "low": -0.1, "high": 0.2}],
        ),
        "sensitivity[0].low",
        "at least 0.0",
        id="sensitivity-below-limit",
    ),
]


class TestParseParameters:
    @pytest.mark.parametrize(("data", "field", "message"), MALFORMED)
    def test_rejects_malformed_data_naming_the_field(
        self, data: dict[str, Any], field: str, message: str
    ) -> None:
        found = problems(data)
        assert any(p.field == field and message in p.message for p in found), [
            str(p) for p in found
        ]

    def test_error_message_is_one_line_with_a_count(self) -> None:
        data = changed(("groups", 0, "replacement_rate"), -1)
        data["groups"][1]["base_workforce"] = -5
        with pytest.raises(ParameterError) as caught:
            parse_parameters(data, SCHEMA)
        text = str(caught.value)
        assert "\n" not in text
        assert text.startswith("groups[0].replacement_rate: must be at least 0")
        assert text.endswith("(and 1 more problem)")

    def test_problem_gives_a_json_pointer(self) -> None:
        problem = Problem(("groups", 0, "replacement_rate"), "x")
        assert problem.pointer == "/groups/0/replacement_rate"
        assert problem.field == "groups[0].replacement_rate"
