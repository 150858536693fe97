"""Checking a framework's sources against the measure catalogue and the published measures."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from careforce.core.outcomes.framework import Framework, framework_json_schema, parse_framework
from careforce.core.publishing.frameworks import catalogue_breakdowns, framework_problems
from careforce.core.vocab.published import PUBLISHED_SCHEMA

pytestmark = pytest.mark.unit


def framework(*sources: tuple[str, str, str]) -> Framework:
    data: dict[str, Any] = {
        "schema_version": "1",
        "name": "Small",
        "baseline_period": "2021/22",
        "outcomes": [
            {
                "code": "1",
                "title": "More resilience",
                "indicators": [
                    {
                        "code": "R1",
                        "title": "Vacancies",
                        "sources": [
                            {"measure_id": m, "breakdown": b, "breakdown_value": v}
                            for m, b, v in sources
                        ],
                    }
                ],
            }
        ],
    }
    return parse_framework(data, framework_json_schema())


def results(*keys: tuple[str, str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"measure_id": m, "breakdown": b, "breakdown_value": v} for m, b, v in keys],
        schema={
            name: PUBLISHED_SCHEMA[name] for name in ("measure_id", "breakdown", "breakdown_value")
        },
    )


class TestCatalogueBreakdowns:
    def test_one_way_measure(self) -> None:
        assert {"total", "sector", "sex"} <= catalogue_breakdowns()["filled_posts"]

    def test_category_share_is_broken_down_by_its_categories_and_two_ways(self) -> None:
        allowed = catalogue_breakdowns()["contract_share"]
        assert "contract" in allowed
        assert "sector/contract" in allowed
        assert "total" not in allowed
        assert "total/contract" not in allowed

    def test_every_measure_id_once(self) -> None:
        assert set(catalogue_breakdowns()) >= {"workforce_share", "vacancy_rate", "turnover_rate"}


class TestFrameworkProblems:
    def test_a_good_framework_has_no_problems(self) -> None:
        assert framework_problems(framework(("vacancy_rate", "total", "all"))) == ([], [])

    def test_unknown_measure_suggests_the_nearest(self) -> None:
        problems, _ = framework_problems(framework(("turnover_rat", "total", "all")))
        assert [p.field for p in problems] == ["outcomes[0].indicators[0].sources[0].measure_id"]
        assert "did you mean 'turnover_rate'?" in problems[0].message

    def test_breakdown_not_published(self) -> None:
        problems, _ = framework_problems(framework(("vacancy_rate", "sex", "Female")))
        assert [p.field for p in problems] == ["outcomes[0].indicators[0].sources[0].breakdown"]
        assert problems[0].message.startswith("vacancy_rate is not published by 'sex'")

    def test_missing_rows_are_a_warning(self) -> None:
        problems, warnings = framework_problems(
            framework(("vacancy_rate", "sector", "independent")),
            available=results(("vacancy_rate", "total", "all")),
        )
        assert problems == []
        assert warnings == [
            "R1 source 1: the indicator results have no rows for vacancy_rate with sector = "
            "'independent'; it is shown as [x]"
        ]

    def test_a_measure_only_in_the_results_is_accepted(self) -> None:
        problems, warnings = framework_problems(
            framework(("survey_feels_valued", "total", "all")),
            available=results(("survey_feels_valued", "total", "all")),
        )
        assert (problems, warnings) == ([], [])
