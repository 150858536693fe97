"""The published table layout and rounding, and the chart specifications."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from careforce.core.projections import columns as c
from careforce.core.projections.charts import (
    SCENARIO_LABEL,
    fan_chart,
    scenario_chart,
    supply_chart,
    tornado_chart,
)
from careforce.core.projections.parameters import parameters_json_schema
from careforce.core.projections.projection import project
from careforce.core.projections.sensitivity import one_way_sensitivity
from careforce.core.projections.tables import (
    ALL_GROUPS_LABEL,
    format_count,
    published_tables,
    round_half_up,
)
from careforce.core.projections.validation import parse_parameters

pytestmark = pytest.mark.unit

PARAMS = parse_parameters(
    {
        "schema_version": "1",
        "name": "t",
        "base_year": 2022,
        "report_years": [2024, 2027],
        "groups": [
            {
                "name": "sw",
                "label": "Social workers",
                "base_workforce": 402,
                "leavers_per_year": 55,
            },
            {"name": "other", "base_workforce": 386, "leavers_per_year": 41},
        ],
    },
    parameters_json_schema(),
)


class TestRounding:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [(0.5, 1), (1.5, 2), (2.5, 3), (-2.5, -3), (16462.3, 16462), (2.4999, 2)],
        ids=["0.5", "1.5", "2.5", "-2.5", "16462.3", "2.4999"],
    )
    def test_halves_round_away_from_zero(self, value: float, expected: int) -> None:
        assert round_half_up(value) == expected

    @pytest.mark.parametrize(
        ("value", "signed", "text"),
        [(23982.9, False, "23,983"), (5416.04, True, "+5,416"), (0.2, True, "0")],
        ids=["plain", "signed", "zero"],
    )
    def test_format_count(self, value: float, signed: bool, text: str) -> None:
        assert format_count(value, signed=signed) == text


class TestPublishedTables:
    def test_one_block_per_group_and_one_for_all(self) -> None:
        blocks = published_tables(PARAMS, project(PARAMS))
        assert [block.title for block in blocks] == ["Social workers", "other", ALL_GROUPS_LABEL]
        assert blocks[0].header == ["", "2022 (base)", "2024", "2027"]

    def test_rows_are_the_four_measures_with_base_requirement(self) -> None:
        total = published_tables(PARAMS, project(PARAMS))[2]
        assert total.rows[0][1:] == ["788", "788", "788"]
        assert total.rows[3][1:] == ["", "+192", "+480"]


def _sensitivity() -> pl.DataFrame:
    return one_way_sensitivity(PARAMS)


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


class TestCharts:
    def test_fan_chart_has_band_median_and_central(self) -> None:
        table = pl.DataFrame(
            {
                c.YEAR: [2023, 2024],
                c.CENTRAL: [1.0, 2.0],
                c.P10: [0.5, 1.5],
                c.P50: [1.0, 2.0],
                c.P90: [1.5, 2.5],
            }
        )
        spec = fan_chart(table, title="Fan", measure_label="People")
        marks = [layer["mark"]["type"] for layer in _layers(spec)]
        assert marks == ["area", "line", "line"]
        assert spec["title"] == "Fan"
        assert "10th to the 90th percentile" in spec["description"]

    def test_scenario_chart_has_a_line_per_scenario(self) -> None:
        table = pl.DataFrame(
            {
                SCENARIO_LABEL: ["Baseline", "Better"],
                c.YEAR: [2023, 2023],
                c.TOTAL_NEW_STAFF: [3.0, 2.0],
            }
        )
        spec = scenario_chart(table, title="S", measure_label="People")
        assert spec["encoding"]["color"]["field"] == SCENARIO_LABEL
        assert len(spec["data"]["values"]) == 2

    def test_tornado_chart_orders_parameters_by_swing(self) -> None:
        frame = _sensitivity()
        spec = tornado_chart(frame, title="T", measure_label="People")
        bars = _layers(spec)[0]
        assert bars["encoding"]["y"]["sort"] == frame.get_column("label").to_list()
        assert len(bars["data"]["values"]) == 2 * frame.height

    def test_supply_chart_compares_need_and_pipeline(self) -> None:
        gap = pl.DataFrame({c.YEAR: [2023], c.NEW_STAFF_IN_YEAR: [10.0], c.PIPELINE: [7.0]})
        spec = supply_chart(gap, title="Supply")
        series = {row["series"] for row in spec["data"]["values"]}
        assert series == {"New staff needed in the year", "Training pipeline"}
