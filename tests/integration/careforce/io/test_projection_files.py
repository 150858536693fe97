"""Parameter files: the shipped files reproduce the strategy's published tables cell by cell;
the shipped schema is current; bad files are refused with one line naming the problem."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careforce.core.projections import columns as c
from careforce.core.projections.derivation import Derivation
from careforce.core.projections.parameters import parameters_json_schema
from careforce.core.projections.projection import project
from careforce.core.projections.tables import published_tables, round_half_up
from careforce.io.config_files import ConfigurationFileError as ParameterFileError
from careforce.io.projection_files import (
    format_parameter_toml,
    load_schema,
    parse_parameter_text,
    read_parameter_file,
    schema_path,
    shipped_parameter_files,
)

pytestmark = pytest.mark.integration

# The strategy's published tables (Staffordshire Social Care Workforce Strategy 2022-2027 and its
# Data Appendix). The 2027 adult total is 16,462 in the appendix and 16,463 in the strategy.
PUBLISHED_ADULT = {
    2024: {"requirement": 23983, "extra_demand": 920, "replacement": 5416, "total_new_staff": 6336},
    2027: {
        "requirement": 25575,
        "extra_demand": 2512,
        "replacement": 13951,
        "total_new_staff": 16462,
    },
    2032: {
        "requirement": 28506,
        "extra_demand": 5443,
        "replacement": 29505,
        "total_new_staff": 34948,
    },
}
PUBLISHED_CHILDREN = {
    "children_social_workers": {2024: 110, 2027: 274, 2032: 540},
    "children_other_roles": {2024: 82, 2027: 205, 2032: 410},
    "all": {2024: 192, 2027: 479, 2032: 950},
}
ADULT_CELLS = [
    pytest.param(year, measure, value, id=f"{year}-{measure}")
    for year, row in PUBLISHED_ADULT.items()
    for measure, value in row.items()
]
CHILDREN_CELLS = [
    pytest.param(group, year, value, id=f"{group}-{year}")
    for group, row in PUBLISHED_CHILDREN.items()
    for year, value in row.items()
]


@pytest.fixture(scope="module")
def adult() -> pl.DataFrame:
    return project(read_parameter_file("staffordshire-2022-adult").params)


@pytest.fixture(scope="module")
def children() -> pl.DataFrame:
    return project(read_parameter_file("staffordshire-2022-children").params)


def cell(frame: pl.DataFrame, group: str, year: int, measure: str) -> float:
    rows = frame.filter(pl.col(c.YEAR) == year)
    if group != c.ALL_GROUPS:
        rows = rows.filter(pl.col(c.GROUP) == group)
    return float(rows.get_column(measure).sum())


class TestShippedAdultFile:
    @pytest.mark.parametrize(("year", "measure", "published"), ADULT_CELLS)
    def test_reproduces_the_published_cell(
        self, adult: pl.DataFrame, year: int, measure: str, published: int
    ) -> None:
        assert round_half_up(cell(adult, "adult", year, measure)) == published

    def test_strategy_2027_total_is_the_sum_of_rounded_parts(self, adult: pl.DataFrame) -> None:
        parts = sum(
            round_half_up(cell(adult, "adult", 2027, m)) for m in (c.EXTRA_DEMAND, c.REPLACEMENT)
        )
        assert parts == 16463

    def test_table_prints_the_published_values(self, adult: pl.DataFrame) -> None:
        params = read_parameter_file("staffordshire-2022-adult").params
        (block,) = published_tables(params, adult)
        assert [row[2:] for row in block.rows] == [
            ["23,983", "25,575", "28,506"],
            ["+920", "+2,512", "+5,443"],
            ["+5,416", "+13,951", "+29,505"],
            ["+6,336", "+16,462", "+34,948"],
        ]

    def test_reform_posts_are_a_scenario_not_the_baseline(self) -> None:
        params = read_parameter_file("staffordshire-2022-adult").params
        assert params.group("adult").policy_posts == []
        posts = params.scenarios["reform_posts_2023"].groups["adult"].policy_posts or []
        assert sum(item.posts for item in posts) == 215


class TestShippedChildrenFile:
    @pytest.mark.parametrize(("group", "year", "published"), CHILDREN_CELLS)
    def test_reproduces_the_published_cell(
        self, children: pl.DataFrame, group: str, year: int, published: int
    ) -> None:
        assert round_half_up(cell(children, group, year, c.TOTAL_NEW_STAFF)) == published

    def test_base_staffing_is_published(self) -> None:
        params = read_parameter_file("staffordshire-2022-children").params
        assert [g.base_workforce for g in params.groups] == [402, 386]


class TestSchemaFile:
    def test_shipped_schema_is_generated_from_the_models(self) -> None:
        assert load_schema() == parameters_json_schema(), (
            "the shipped schema is out of date: run `careforce projections schema --out "
            "src/careforce/core/projections/schema/projection-parameters.v1.schema.json`"
        )

    def test_shipped_schema_file_ends_with_a_newline(self) -> None:
        assert schema_path().read_text(encoding="utf-8").endswith("}\n")


class TestReadParameterFile:
    def test_shipped_files_by_name(self) -> None:
        assert list(shipped_parameter_files()) == [
            "staffordshire-2022-adult",
            "staffordshire-2022-children",
        ]
        by_name = read_parameter_file("staffordshire-2022-children.toml")
        assert by_name.path == shipped_parameter_files()["staffordshire-2022-children"]
        assert len(by_name.sha256) == 64

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            pytest.param(b"name = \n", "not valid TOML: Invalid value (at line 1", id="toml"),
            pytest.param(b"\xff\xfe\x00name", "is not UTF-8 text", id="encoding"),
            pytest.param(b'schema_version = "1"\n', "name: is required but missing", id="schema"),
        ],
    )
    def test_bad_files_are_refused_in_one_line(
        self, tmp_path: Path, content: bytes, message: str
    ) -> None:
        path = tmp_path / "bad.toml"
        path.write_bytes(content)
        with pytest.raises(ParameterFileError) as caught:
            read_parameter_file(path)
        assert message in caught.value.reason
        assert "\n" not in str(caught.value)
        assert caught.value.path == str(path)

    def test_missing_file_lists_the_shipped_names(self, tmp_path: Path) -> None:
        with pytest.raises(ParameterFileError, match="staffordshire-2022-adult"):
            read_parameter_file(tmp_path / "nowhere.toml")

    @settings(max_examples=60, deadline=None)
    @given(st.binary(max_size=300))
    def test_arbitrary_bytes_are_refused_cleanly(
        self, tmp_path_factory: pytest.TempPathFactory, data: bytes
    ) -> None:
        path = tmp_path_factory.getbasetemp() / "arbitrary.toml"
        path.write_bytes(data)
        with pytest.raises(ParameterFileError):
            read_parameter_file(path)


class TestFormatParameterToml:
    def test_round_trips_with_notes_as_comments(self) -> None:
        data = {
            "schema_version": "1",
            "name": 'Quote " and ünïcode',
            "base_year": 2022,
            "report_years": [2024],
            "drivers": {
                "pop": {"population": {2022: 100.0, 2024: 110.5}},
                "mix": {"weights": {"pop": 1.0}},
            },
            "groups": [
                {
                    "name": "g",
                    "base_workforce": 23063.0,
                    "demand_driver": "mix",
                    "replacement_rate": 0.30200000000000005,
                    "policy_posts": [{"name": "p", "posts": 5, "from_year": 2023}],
                }
            ],
            "scenarios": {"s": {"groups": {"g": {"vacancies_closed_by": 2024}}}},
        }
        text = format_parameter_toml(
            Derivation(
                data=data,
                notes={("groups", 0, "base_workforce"): "filled posts + vacancies"},
                header=["Derived for a test"],
            )
        )
        assert text.startswith("# Derived for a test\n")
        assert "# filled posts + vacancies\nbase_workforce = 23063\n" in text
        assert "replacement_rate = 0.302\n" in text
        assert "[scenarios.s.groups.g]\nvacancies_closed_by = 2024\n" in text
        params = parse_parameter_text(text, source="round-trip.toml")
        assert params.name == data["name"]
        assert params.drivers["pop"].population == {2022: 100.0, 2024: 110.5}
        assert params.group("g").policy_posts[0].posts == 5
        assert json.loads(json.dumps(params.model_dump(mode="json")))["base_year"] == 2022
