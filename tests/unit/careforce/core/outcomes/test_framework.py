"""Framework data is checked against the JSON Schema, by the models and across fields, and
every problem names its field."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from careforce.core.configuration import Problem
from careforce.core.outcomes.bindings import framework_sources, manual_values
from careforce.core.outcomes.framework import (
    FRAMEWORK_SCHEMA_ID,
    FRAMEWORK_SCHEMA_VERSION,
    framework_json_schema,
    parse_framework,
)
from careforce.core.outcomes.validation import ConfigurationError

pytestmark = pytest.mark.unit

SCHEMA = framework_json_schema()

VALID: dict[str, Any] = {
    "schema_version": "1",
    "name": "Test framework",
    "baseline_period": "2021/22",
    "outcomes": [
        {
            "code": "1",
            "title": "More resilience",
            "sub_outcomes": [
                {
                    "code": "1.1",
                    "title": "Capacity",
                    "measures": [
                        {
                            "code": "1.1b",
                            "title": "Full complement",
                            "polarity": "low-is-good",
                            "sources": [{"measure_id": "vacancy_rate"}],
                            "target": {"value": 0.08, "year": 2027},
                        },
                        {"code": "1.1c", "title": "Wellbeing", "no_data_source": "Survey."},
                    ],
                }
            ],
            "indicators": [
                {
                    "code": "1.I4",
                    "title": "Care arrangements",
                    "sources": [
                        {
                            "manual": {
                                "label": "In target time",
                                "unit": "proportion",
                                "values": [
                                    {
                                        "period": "2022/23",
                                        "value": 0.8,
                                        "lower_ci": 0.75,
                                        "upper_ci": 0.85,
                                        "evidence": "Brokerage report",
                                    }
                                ],
                            }
                        }
                    ],
                }
            ],
        }
    ],
}

MEASURE = ("outcomes", 0, "sub_outcomes", 0, "measures", 0)
MANUAL_VALUE = ("outcomes", 0, "indicators", 0, "sources", 0, "manual", "values", 0)


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


def problems(data: Any) -> list[Problem]:
    with pytest.raises(ConfigurationError) as caught:
        parse_framework(data, SCHEMA)
    return caught.value.problems


class TestSchema:
    def test_id_carries_the_version(self) -> None:
        assert SCHEMA["$id"] == FRAMEWORK_SCHEMA_ID
        assert f"/v{FRAMEWORK_SCHEMA_VERSION}." in SCHEMA["$id"]

    def test_every_property_has_a_description(self) -> None:
        missing: list[str] = []

        def walk(node: Any, where: str) -> None:
            if isinstance(node, dict):
                for name, value in node.get("properties", {}).items():
                    if not value.get("description"):
                        missing.append(f"{where}.{name}")
                for key, value in node.items():
                    walk(value, f"{where}.{key}")
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    walk(value, f"{where}[{index}]")

        walk(SCHEMA, "$")
        assert missing == []


class TestParse:
    def test_valid_framework_parses(self) -> None:
        framework = parse_framework(copy.deepcopy(VALID), SCHEMA)
        assert framework.baseline_period == "2021/22"
        assert framework.outcomes[0].indicators[0].code == "1.I4"

    def test_sources_resolve_settings(self) -> None:
        framework = parse_framework(copy.deepcopy(VALID), SCHEMA)
        sources = framework_sources(framework)
        assert sources.select(
            "measure_code", "source_status", "baseline_period", "target"
        ).rows() == [
            ("1.1b", "indicators", "2021/22", 0.08),
            ("1.1c", "no data source yet", "2021/22", None),
            ("1.I4", "manual", "2021/22", None),
        ]
        manual = manual_values(framework)
        assert manual.select("order", "period", "value").rows() == [(2, "2022/23", 0.8)]

    @pytest.mark.parametrize(
        ("path", "value", "field", "words"),
        [
            pytest.param(("name",), ..., "name", "is required", id="missing-name"),
            pytest.param(
                ("baseline_period",), 2021, "baseline_period", "must be text", id="int-period"
            ),
            pytest.param(
                ("baseline_period",), "2021-22", "baseline_period", "a period", id="bad-period"
            ),
            pytest.param(("schema_version",), "2", "schema_version", 'must be "1"', id="version"),
            pytest.param(
                (*MEASURE, "polarity"),
                "lower-is-better",
                "outcomes[0].sub_outcomes[0].measures[0].polarity",
                "must be one of",
                id="polarity",
            ),
            pytest.param(
                (*MEASURE, "colour"),
                "red",
                "outcomes[0].sub_outcomes[0].measures[0].colour",
                "is not a known field",
                id="unknown-field",
            ),
            pytest.param(
                (*MEASURE, "no_data_source"),
                "Also nothing.",
                "outcomes[0].sub_outcomes[0].measures[0]",
                "give only one of sources, no_data_source",
                id="both-sources-and-none",
            ),
            pytest.param(
                (*MEASURE, "sources"),
                ...,
                "outcomes[0].sub_outcomes[0].measures[0]",
                "give one of sources, no_data_source",
                id="neither",
            ),
            pytest.param(
                (*MEASURE, "sources", 0, "manual"),
                {"label": "x", "unit": "count", "values": [{"period": "2022", "evidence": "e"}]},
                "outcomes[0].sub_outcomes[0].measures[0].sources[0]",
                "give only one of measure_id, manual",
                id="source-both",
            ),
            pytest.param(
                (*MEASURE, "target", "year"),
                1800,
                "outcomes[0].sub_outcomes[0].measures[0].target.year",
                "at least 1990",
                id="target-year",
            ),
            pytest.param(
                (*MANUAL_VALUE, "value"),
                float("nan"),
                "outcomes[0].indicators[0].sources[0].manual.values[0].value",
                "finite",
                id="nan",
            ),
            pytest.param(
                (*MANUAL_VALUE, "evidence"),
                ...,
                "outcomes[0].indicators[0].sources[0].manual.values[0].evidence",
                "is required",
                id="evidence-required",
            ),
        ],
    )
    def test_problem_names_the_field(
        self, path: tuple[str | int, ...], value: Any, field: str, words: str
    ) -> None:
        found = problems(changed(path, value))
        assert any(p.field == field and words in p.message for p in found), found

    def test_not_a_mapping(self) -> None:
        assert [str(p) for p in problems(["a list"])] == [
            "(file): must be a mapping of field: value, not a list"
        ]

    def test_key_that_is_not_text(self) -> None:
        found = problems({1: "x"})
        assert found[0].message == "the key 1 must be a field name (text)"


class TestCrossChecks:
    def test_duplicate_codes(self) -> None:
        found = problems(changed(("outcomes", 0, "indicators", 0, "code"), "1.1b"))
        assert [str(p) for p in found] == [
            "outcomes[0].indicators[0].code: outcome, sub-outcome or measure code '1.1b' is "
            "already used at outcomes[0].sub_outcomes[0].measures[0].code"
        ]

    def test_target_of_a_measure_with_several_sources(self) -> None:
        data = changed(
            (*MEASURE, "sources"), [{"measure_id": "vacancy_rate"}, {"measure_id": "vacancies"}]
        )
        found = problems(data)
        assert [p.field for p in found] == ["outcomes[0].sub_outcomes[0].measures[0].target"]

    def test_same_source_twice(self) -> None:
        data = changed(
            (*MEASURE, "sources"), [{"measure_id": "vacancy_rate"}, {"measure_id": "vacancy_rate"}]
        )
        data = changed_in(data, (*MEASURE, "target"), ...)
        found = problems(data)
        assert "already used" in found[0].message

    def test_outcome_without_measures(self) -> None:
        data = changed(("outcomes", 0, "sub_outcomes"), [])
        data = changed_in(data, ("outcomes", 0, "indicators"), [])
        assert [p.message for p in problems(data)] == ["give sub_outcomes or indicators (or both)"]

    @pytest.mark.parametrize(
        ("lower", "upper", "words"),
        [
            pytest.param(0.75, ..., "give both lower_ci and upper_ci", id="one-limit"),
            pytest.param(0.9, 0.85, "is above upper_ci", id="reversed"),
            pytest.param(0.81, 0.85, "outside its interval", id="value-outside"),
        ],
    )
    def test_manual_intervals(self, lower: float, upper: Any, words: str) -> None:
        data = changed((*MANUAL_VALUE, "lower_ci"), lower)
        data = changed_in(data, (*MANUAL_VALUE, "upper_ci"), upper)
        assert any(words in p.message for p in problems(data))

    def test_manual_source_has_no_breakdown(self) -> None:
        data = changed(("outcomes", 0, "indicators", 0, "sources", 0, "breakdown"), "sex")
        assert [p.field for p in problems(data)] == [
            "outcomes[0].indicators[0].sources[0].breakdown"
        ]


def changed_in(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """``data`` with the value at ``path`` replaced (or removed when value is ...)."""
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data
