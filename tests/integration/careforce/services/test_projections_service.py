"""Projection use cases end to end through files: derivation from measures and population,
the full report, the supply gap; and the documentation of the parameter schema."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from careforce.core.projections.parameters import parameters_json_schema
from careforce.io.projection_files import parse_parameter_text
from careforce.services.projections import (
    ProjectionInputError,
    derive_parameter_file,
    load_parameters,
    run_projection,
    supply_gap_table,
    write_report,
)

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[4]
FIXTURES = ROOT / "tests" / "fixtures" / "projections"
DOCS = ROOT / "docs"


class TestDeriveParameterFile:
    def test_derived_file_reproduces_the_published_table(self, tmp_path: Path) -> None:
        out = tmp_path / "derived.toml"
        derived = derive_parameter_file(
            FIXTURES,
            FIXTURES / "population.csv",
            out,
            area_code="E10000028",
            elasticity=1.2827,
        )
        assert out.read_text(encoding="utf-8") == derived.text
        run = run_projection(load_parameters(out).params)
        rows = {
            row["year"]: row
            for row in run.scenario("baseline").to_dicts()
            if row["year"] in (2024, 2027, 2032)
        }
        assert [round(rows[y]["total_new_staff"]) for y in (2024, 2027, 2032)] == [
            6336,
            16462,
            34948,
        ]

    def test_every_number_has_its_source_in_a_comment(self, tmp_path: Path) -> None:
        text = derive_parameter_file(
            FIXTURES / "indicators.csv",
            FIXTURES / "population.csv",
            tmp_path / "p.toml",
            area_code="E10000028",
        ).text
        for key in (
            "base_year",
            "base_workforce",
            "turnover_rate",
            "leaving_sector_share",
            "population",
        ):
            assert re.search(rf"# [^\n]+\n{key} = ", text), key
        assert "indicators.csv line 3" in text
        assert "replacement rate = 0.302 x 0.385 = 0.11627" in text

    def test_one_group_per_breakdown_value(self, tmp_path: Path) -> None:
        derived = derive_parameter_file(
            FIXTURES,
            FIXTURES / "population.csv",
            tmp_path / "p.toml",
            area_code="E10000028",
            breakdown="service_group",
        )
        assert [g.name for g in derived.params.groups] == ["residential", "domiciliary_care"]
        assert "Left out of the service_group groups: Day care: no vacancies value" in derived.text

    def test_refuses_to_overwrite(self, tmp_path: Path) -> None:
        out = tmp_path / "p.toml"
        out.write_text("keep me", encoding="utf-8")
        with pytest.raises(ProjectionInputError, match="already exists"):
            derive_parameter_file(FIXTURES, FIXTURES / "population.csv", out, area_code="E10000028")
        assert out.read_text(encoding="utf-8") == "keep me"

    def test_bad_input_names_the_file(self, tmp_path: Path) -> None:
        folder = tmp_path / "measures"
        folder.mkdir()
        text = (FIXTURES / "indicators.csv").read_text(encoding="utf-8")
        (folder / "indicators.csv").write_text(text.replace(",0.322,", ",high,"), encoding="utf-8")
        with pytest.raises(ProjectionInputError) as caught:
            derive_parameter_file(
                folder, FIXTURES / "population.csv", tmp_path / "p.toml", area_code="E10000028"
            )
        assert str(folder / "indicators.csv") in str(caught.value)
        assert "column value, value 'high': is not a number" in str(caught.value)


class TestWriteReport:
    def test_writes_every_output_and_a_manifest(self, tmp_path: Path) -> None:
        loaded = load_parameters("staffordshire-2022-adult")
        written = write_report(loaded, tmp_path, draws=500, seed=1, supply=FIXTURES / "supply.csv")
        names = {path.name for path in written}
        for stem in ("scenario-chart", "tornado-chart", "fan-chart", "supply-chart"):
            assert {f"{stem}.csv", f"{stem}.svg", f"{stem}.png"} <= names
        assert {"projection.csv", "projection.json", "scenarios.csv", "uncertainty.csv"} <= names
        manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["parameters"]["sha256"] == loaded.sha256
        assert manifest["monte_carlo"] == {"draws": 500, "seed": 1}
        assert all((tmp_path / name).stat().st_size > 0 for name in names)


class TestSupplyGapTable:
    def test_children_against_child_development_courses(self) -> None:
        params = load_parameters("staffordshire-2022-children").params
        gap = supply_gap_table(
            params,
            FIXTURES / "supply.csv",
            subject_areas=["Child Development and Well Being"],
            entry_share=0.1,
        )
        assert gap.get_column("pipeline").to_list() == pytest.approx([99.0] * 10)
        assert gap.get_column("supply_year").unique().to_list() == [2021]

    def test_missing_file_is_one_line(self, tmp_path: Path) -> None:
        params = load_parameters("staffordshire-2022-adult").params
        with pytest.raises(ProjectionInputError, match="cannot be read"):
            supply_gap_table(params, tmp_path / "none.csv")

    def test_unknown_group(self, tmp_path: Path) -> None:
        shutil.copy(FIXTURES / "supply.csv", tmp_path / "s.csv")
        params = load_parameters("staffordshire-2022-adult").params
        with pytest.raises(ProjectionInputError, match="no group 'nobody'"):
            supply_gap_table(params, tmp_path / "s.csv", groups=["nobody"])


PREFIXES = {
    "ProjectionParameters": "",
    "Driver": "drivers.<name>.",
    "Group": "groups[].",
    "PolicyPosts": "groups[].policy_posts[].",
    "Scenario": "scenarios.<name>.",
    "GroupOverride": "scenarios.<name>.groups.<group>.",
    "SensitivityRange": "sensitivity[].",
    "UncertainParameter": "uncertainty[].",
    "MonteCarlo": "monte_carlo.",
}
"""Where each part of the schema is documented in docs/projections.md."""


def _documented_fields() -> list[str]:
    schema: dict[str, Any] = parameters_json_schema()
    fields = []
    for name, prefix in PREFIXES.items():
        part = schema if name == "ProjectionParameters" else schema["$defs"][name]
        fields += [f"{prefix}{key}" for key in part["properties"]]
    return fields


class TestParameterDocumentation:
    def test_documented_example_file_is_valid(self) -> None:
        page = (DOCS / "projections.md").read_text(encoding="utf-8")
        example = page.split("This is the smallest useful form:", 1)[1]
        text = example.split("```toml\n", 1)[1].split("```", 1)[0]
        params = parse_parameter_text(text, source="docs/projections.md")
        assert [group.name for group in params.groups] == ["adult", "children_social_workers"]

    def test_every_part_of_the_schema_has_a_place(self) -> None:
        with_fields = {
            name for name, part in parameters_json_schema()["$defs"].items() if "properties" in part
        }
        assert with_fields | {"ProjectionParameters"} == set(PREFIXES)

    @pytest.mark.parametrize("field", _documented_fields())
    def test_every_field_is_documented(self, field: str) -> None:
        page = (DOCS / "projections.md").read_text(encoding="utf-8")
        assert f"`{field}`" in page, f"{field} is missing from docs/projections.md"
