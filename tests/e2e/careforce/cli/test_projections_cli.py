"""``careforce projections``: every command end to end through the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careforce.cli.app import app

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "projections"
ROW_KEYS = ["year", "requirement", "extra_demand", "replacement", "total_new_staff"]


def invoke(*args: str) -> tuple[int, str, str]:
    """Run ``careforce projections ARGS``; exit code, stdout and stderr."""
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["projections", *args])
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """
schema_version = "1"
name = "Minimal"
base_year = 2022
report_years = [2024]

[[groups]]
name = "g"
base_workforce = 100
replacement_rate = 0.1
"""


class TestRun:
    def test_table_shows_the_published_adult_table(self) -> None:
        code, out, _ = invoke("run", "staffordshire-2022-adult")
        assert code == 0
        for cells in (
            ("23,063", "23,983", "25,575", "28,506"),
            ("+920", "+2,512", "+5,443"),
            ("+5,416", "+13,951", "+29,505"),
            ("+6,336", "+16,462", "+34,948"),
        ):
            line = next(line for line in out.splitlines() if cells[-1] in line)
            assert all(cell in line for cell in cells), line

    def test_table_shows_the_published_children_table(self) -> None:
        code, out, _ = invoke("run", "staffordshire-2022-children")
        assert code == 0
        totals = [line for line in out.splitlines() if "Total new staff required" in line]
        assert [[cell for cell in line.split() if cell[0] == "+"] for line in totals] == [
            ["+110", "+274", "+540"],
            ["+82", "+205", "+410"],
            ["+192", "+479", "+950"],
        ]

    def test_json_has_exactly_the_documented_shape(self) -> None:
        code, out, _ = invoke("run", "staffordshire-2022-adult", "--format", "json")
        assert code == 0
        payload = json.loads(out)
        assert list(payload) == ["name", "base_year", "groups"]
        assert payload["base_year"] == 2022
        (group,) = payload["groups"]
        assert list(group) == ["name", "rows"]
        assert [row["year"] for row in group["rows"]] == list(range(2023, 2033))
        assert all(list(row) == ROW_KEYS for row in group["rows"])
        row_2027 = group["rows"][4]
        assert row_2027["total_new_staff"] == pytest.approx(16462.3777, abs=1e-3)
        assert row_2027["total_new_staff"] != round(row_2027["total_new_staff"])

    def test_json_with_scenarios_and_details(self) -> None:
        code, out, _ = invoke(
            "run",
            "staffordshire-2022-adult",
            "--format",
            "json",
            "--scenario",
            "reform_posts_2023",
            "--details",
        )
        assert code == 0
        payload = json.loads(out)
        assert list(payload) == ["name", "base_year", "groups", "scenarios", "details"]
        (scenario,) = payload["scenarios"]
        assert scenario["name"] == "reform_posts_2023"
        base_2023 = payload["groups"][0]["rows"][0]["requirement"]
        assert scenario["groups"][0]["rows"][0]["requirement"] == pytest.approx(base_2023 + 215)
        detail = payload["details"]["groups"][0]["rows"][0]
        assert detail["employer_recruitment"] > payload["groups"][0]["rows"][0]["total_new_staff"]

    def test_csv_has_a_row_per_scenario_group_and_year(self) -> None:
        code, out, _ = invoke(
            "run",
            "staffordshire-2022-children",
            "--format",
            "csv",
            "--scenario",
            "turnover_16_percent",
        )
        assert code == 0
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 2 * 2 * 10
        assert {row["scenario"] for row in rows} == {"baseline", "turnover_16_percent"}

    def test_reads_a_file_by_path(self, tmp_path: Path) -> None:
        code, out, _ = invoke("run", str(write(tmp_path / "p.toml", MINIMAL)), "--format", "json")
        assert code == 0
        rows = json.loads(out)["groups"][0]["rows"]
        assert [row["replacement"] for row in rows] == pytest.approx([10.0, 20.0])

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            pytest.param("name = ", "not valid TOML", id="toml"),
            pytest.param(
                MINIMAL.replace("0.1", "-0.1"),
                "groups[0].replacement_rate: must be at least 0, not -0.1",
                id="schema",
            ),
            pytest.param(
                MINIMAL.replace('name = "g"', 'name = "g"\ndemand_driver = "pop"'),
                "groups[0].demand_driver: there is no driver 'pop'",
                id="reference",
            ),
        ],
    )
    def test_bad_file_exits_2_with_one_line(self, tmp_path: Path, text: str, message: str) -> None:
        path = write(tmp_path / "bad.toml", text)
        code, out, err = invoke("run", str(path))
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1
        assert err.startswith(f"careforce: cannot use {path}: ")
        assert message in err

    def test_unknown_scenario_exits_2(self) -> None:
        code, _, err = invoke("run", "staffordshire-2022-adult", "--scenario", "nope")
        assert code == 2
        assert "there is no scenario 'nope' (reform_posts_2023" in err

    def test_unknown_file_names_the_shipped_files(self) -> None:
        code, _, err = invoke("run", "staffordshire-1999")
        assert code == 2
        assert "staffordshire-2022-adult, staffordshire-2022-children" in err


class TestListAndSchema:
    def test_list_names_the_shipped_files(self) -> None:
        code, out, _ = invoke("list")
        assert code == 0
        assert out.splitlines()[0].startswith("staffordshire-2022-adult\t")

    def test_schema_is_versioned_json(self, tmp_path: Path) -> None:
        code, out, _ = invoke("schema")
        assert code == 0
        assert json.loads(out)["$id"].endswith("/projection-parameters/v1.json")
        code, _, _ = invoke("schema", "--out", str(tmp_path / "s.json"))
        assert code == 0
        assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == json.loads(out)


class TestDerive:
    def test_derives_a_file_that_runs(self, tmp_path: Path) -> None:
        out = tmp_path / "derived.toml"
        code, printed, _ = invoke(
            "derive",
            "--indicators",
            str(FIXTURES),
            "--population",
            str(FIXTURES / "population.csv"),
            "--out",
            str(out),
            "--area",
            "E10000028",
            "--elasticity",
            "1.2827",
        )
        assert code == 0
        assert "groups adult" in printed
        code, table, _ = invoke("run", str(out))
        assert code == 0
        assert "+34,948" in table

    def test_several_areas_need_area(self, tmp_path: Path) -> None:
        code, _, err = invoke(
            "derive",
            "--indicators",
            str(FIXTURES),
            "--population",
            str(FIXTURES / "population.csv"),
            "--out",
            str(tmp_path / "d.toml"),
        )
        assert code == 2
        assert "2 areas (E10000028, E10000029); choose one with --area" in err
        assert not (tmp_path / "d.toml").exists()

    def test_bad_report_years(self, tmp_path: Path) -> None:
        code, _, err = invoke(
            "derive",
            "--indicators",
            str(FIXTURES),
            "--population",
            str(FIXTURES / "population.csv"),
            "--out",
            str(tmp_path / "d.toml"),
            "--report-years",
            "2024,soon",
        )
        assert code == 2
        assert "--report-years must be years" in err


class TestAnalyses:
    def test_scenarios_writes_table_and_chart(self, tmp_path: Path) -> None:
        code, out, _ = invoke("scenarios", "staffordshire-2022-adult", "--out", str(tmp_path))
        assert code == 0
        assert "turnover_falls_5_points_by_2027" in out
        for name in (
            "scenarios.csv",
            "scenario-chart.csv",
            "scenario-chart.svg",
            "scenario-chart.png",
        ):
            assert (tmp_path / name).stat().st_size > 0

    def test_sensitivity_writes_tornado(self, tmp_path: Path) -> None:
        code, out, _ = invoke(
            "sensitivity", "staffordshire-2022-adult", "--out", str(tmp_path), "--year", "2027"
        )
        assert code == 0
        assert "groups.adult.turnover_rate" in out
        rows = list(csv.DictReader((tmp_path / "tornado-chart.csv").open(encoding="utf-8")))
        assert {row["year"] for row in rows} == {"2027"}
        assert (tmp_path / "tornado-chart.svg").read_text(encoding="utf-8").startswith("<svg")

    def test_uncertainty_is_reproducible_with_a_seed(self, tmp_path: Path) -> None:
        for run in ("a", "b"):
            code, _, _ = invoke(
                "uncertainty",
                "staffordshire-2022-adult",
                "--out",
                str(tmp_path / run),
                "--draws",
                "400",
                "--seed",
                "11",
            )
            assert code == 0
        first = (tmp_path / "a" / "uncertainty.csv").read_text(encoding="utf-8")
        assert first == (tmp_path / "b" / "uncertainty.csv").read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(first)))
        assert all(float(r["p10"]) <= float(r["p50"]) <= float(r["p90"]) for r in rows)
        assert (tmp_path / "a" / "fan-chart.png").read_bytes().startswith(b"\x89PNG")

    def test_uncertainty_without_distributions_exits_2(self, tmp_path: Path) -> None:
        path = write(tmp_path / "p.toml", MINIMAL)
        code, _, err = invoke("uncertainty", str(path), "--out", str(tmp_path / "out"))
        assert code == 2
        assert "declare no uncertain parameter" in err

    def test_supply_reports_the_gap(self, tmp_path: Path) -> None:
        code, out, _ = invoke(
            "supply",
            "staffordshire-2022-adult",
            "--supply",
            str(FIXTURES / "supply.csv"),
            "--format",
            "json",
            "--entry-share",
            "0.3",
            "--out",
            str(tmp_path),
        )
        assert code == 0
        rows = json.loads(out)
        assert [row["year"] for row in rows] == list(range(2023, 2033))
        assert rows[0]["pipeline"] == pytest.approx(0.3 * (5820 + 1680))
        assert rows[0]["gap"] == pytest.approx(rows[0]["new_staff_in_year"] - rows[0]["pipeline"])
        assert (tmp_path / "supply-gap.csv").exists()

    def test_supply_bad_file_exits_2(self, tmp_path: Path) -> None:
        path = write(
            tmp_path / "s.csv", "year,sector_subject_area,measure,count\n2021,HSC,starts,5\n"
        )
        code, _, err = invoke("supply", "staffordshire-2022-adult", "--supply", str(path))
        assert code == 2
        assert f"{path}, line 2, column measure, value 'starts'" in err

    def test_report_writes_everything(self, tmp_path: Path) -> None:
        code, out, _ = invoke(
            "report",
            "staffordshire-2022-children",
            "--out",
            str(tmp_path),
            "--draws",
            "300",
            "--supply",
            str(FIXTURES / "supply.csv"),
        )
        assert code == 0
        assert "manifest.json" in out
        manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["monte_carlo"]["draws"] == 300
        assert "supply-gap.csv" in manifest["files"]
