"""``careforce outcomes``: every command end to end on a hand-made indicators folder."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careforce.cli.app import app

pytestmark = pytest.mark.e2e

FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "outcomes" / "indicators"


def invoke(*args: str) -> tuple[int, str, str]:
    """Run ``careforce outcomes ARGS``; exit code, stdout and stderr."""
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["outcomes", *args])
    return result.exit_code, result.stdout, result.stderr


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


class TestEvaluate:
    def test_writes_the_scorecard(self, tmp_path: Path) -> None:
        code, out, err = invoke("evaluate", "--indicators", str(FIXTURE), "--out", str(tmp_path))
        assert code == 0, err
        assert "2022/23" in out
        assert "scorecard.xlsx" in out
        table = rows(tmp_path / "scorecard.csv")
        vacancy = next(r for r in table if r["measure_code"] == "1.1b" and r["period"] == "2022/23")
        assert vacancy["value"] == "0.08"
        assert vacancy["baseline_period"] == "2021/22"
        assert vacancy["baseline_value"] == "0.099"
        assert vacancy["significant"] == "true"
        assert vacancy["direction"] == "improving"
        assert vacancy["source_status"] == "indicators"
        suppressed = next(
            r for r in table if r["measure_code"] == "1.I6" and r["period"] == "2022/23"
        )
        assert (suppressed["value"], suppressed["symbol"], suppressed["direction"]) == (
            "",
            "[c]",
            "cannot be calculated",
        )
        gap = next(r for r in table if r["measure_code"] == "4.1b" and r["period"] == "2022/23")
        assert gap["source_status"] == "no data source yet"
        manifest = json.loads((tmp_path / "scorecard_manifest.json").read_text(encoding="utf-8"))
        assert manifest["area_code"] == "E10000028"
        assert "warning: 1.1a source 3" in err

    def test_own_framework(self, tmp_path: Path) -> None:
        framework = tmp_path / "mine.yaml"
        framework.write_text(
            """
schema_version: "1"
name: Our framework
baseline_period: "2020/21"
outcomes:
  - code: A
    title: Fewer vacancies
    indicators:
      - code: A1
        title: Vacancy rate
        sources: [{measure_id: vacancy_rate}]
        target: {value: 0.05, year: 2027}
""",
            encoding="utf-8",
        )
        code, _, err = invoke(
            "evaluate",
            "--framework",
            str(framework),
            "--indicators",
            str(FIXTURE / "indicators.csv"),
            "--out",
            str(tmp_path / "out"),
        )
        assert code == 0, err
        latest = rows(tmp_path / "out" / "scorecard.csv")[-1]
        assert (latest["measure_code"], latest["period"]) == ("A1", "2022/23")
        assert latest["target_status"] == "not yet met"
        # From 6.5% at the baseline towards 5%, the rate rose to 8.0%: as far the wrong way.
        assert float(latest["progress_to_target"]) == pytest.approx(-1.0)

    def test_bad_framework_exits_2_with_the_line(self, tmp_path: Path) -> None:
        framework = tmp_path / "bad.yaml"
        framework.write_text(
            'schema_version: "1"\nname: Bad\nbaseline_period: 2021\noutcomes: []\n',
            encoding="utf-8",
        )
        code, _, err = invoke(
            "evaluate",
            "--framework",
            str(framework),
            "--indicators",
            str(FIXTURE),
            "--out",
            str(tmp_path / "out"),
        )
        assert code == 2
        assert f"careforce: {framework}: line 3: baseline_period: must be text" in err
        assert "Traceback" not in err
        assert not (tmp_path / "out").exists()

    def test_missing_indicators_exit_2(self, tmp_path: Path) -> None:
        code, _, err = invoke(
            "evaluate", "--indicators", str(tmp_path), "--out", str(tmp_path / "out")
        )
        assert code == 2
        assert "run careforce indicators compute" in err


class TestActions:
    def test_lists_actions_with_flags(self, tmp_path: Path) -> None:
        code, out, err = invoke("actions", "--as-of", "2023-06-30", "--out", str(tmp_path))
        assert code == 0, err
        assert "36 detailed actions: 3 overdue, 36 stale." in out
        table = rows(tmp_path / "actions.csv")
        assert len(table) == 36
        first = table[0]
        assert (first["code"], first["overdue"], first["stale"]) == ("1.1", "true", "true")
        assert first["next_due"] == "2023-03-31"

    def test_before_anything_is_due(self) -> None:
        code, out, _ = invoke("actions", "--as-of", "2022-06-30")
        assert code == 0
        assert "36 detailed actions: 0 overdue, 0 stale." in out

    def test_bad_date_exits_2(self) -> None:
        code, _, err = invoke("actions", "--as-of", "30/06/2023")
        assert code == 2
        assert "--as-of must be a date written YYYY-MM-DD" in err


class TestReport:
    def test_writes_html_and_pdf(self, tmp_path: Path) -> None:
        indicators = tmp_path / "indicators"
        shutil.copytree(FIXTURE, indicators)
        out = tmp_path / "report"
        code, stdout, err = invoke(
            "report", "--indicators", str(indicators), "--as-of", "2023-06-30", "--out", str(out)
        )
        assert code == 0, err
        assert "Annual progress report 2022/23" in stdout
        for name in (
            "progress-report.html",
            "progress-report.pdf",
            "scorecard.csv",
            "actions.csv",
            "charts/outcome-1.svg",
            "charts/outcome-1.csv",
        ):
            assert (out / name).is_file(), name
        assert (out / "progress-report.pdf").read_bytes().startswith(b"%PDF-")
        page = (out / "progress-report.html").read_text(encoding="utf-8")
        assert '<html lang="en-GB">' in page
        assert "36 detailed actions, 3 are overdue" in " ".join(page.split())


class TestSchema:
    @pytest.mark.parametrize("name", ["framework", "action-plan"])
    def test_prints_the_versioned_schema(self, name: str) -> None:
        code, out, _ = invoke("schema", name)
        assert code == 0
        assert json.loads(out)["$id"].endswith(
            f"/{name.replace('framework', 'outcomes-framework')}/v1.json"
        )

    def test_writes_the_schema(self, tmp_path: Path) -> None:
        code, _, _ = invoke("schema", "framework", "--out", str(tmp_path / "s.json"))
        assert code == 0
        assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["title"] == (
            "careforce outcomes framework"
        )


WEIGHTED_ROW = (
    "vacancy_rate_weighted,Vacancy rate (weighted to the whole sector),2022/23,E10000028,"
    "Staffordshire,total,all,,,0.09,,,proportion,low-is-good,,not-compared,\n"
)
"""The whole-sector vacancy rate of the latest period, as ``estimates compute`` publishes it."""


def with_estimates(tmp_path: Path) -> Path:
    """The hand-made indicators with the whole-sector vacancy rate of 2022/23 beside them."""
    folder = tmp_path / "indicators"
    folder.mkdir()
    text = (FIXTURE / "indicators.csv").read_text(encoding="utf-8")
    (folder / "indicators.csv").write_text(text + WEIGHTED_ROW, encoding="utf-8")
    return folder


class TestEvaluateBase:
    def test_estimated_base_by_default_and_said(self, tmp_path: Path) -> None:
        folder = with_estimates(tmp_path)
        code, out, err = invoke("evaluate", "--indicators", str(folder), "--out", str(tmp_path))
        assert code == 0, err
        assert "estimated for the whole sector where the results hold the estimate" in out
        table = rows(tmp_path / "scorecard.csv")
        vacancy = next(r for r in table if r["measure_code"] == "1.1b" and r["period"] == "2022/23")
        assert (vacancy["value"], vacancy["base"]) == ("0.09", "estimated for the whole sector")
        earlier = next(r for r in table if r["measure_code"] == "1.1b" and r["period"] == "2021/22")
        assert (earlier["value"], earlier["base"]) == ("0.099", "returns only")
        manifest = json.loads((tmp_path / "scorecard_manifest.json").read_text(encoding="utf-8"))
        assert manifest["base"] == "estimated"

    def test_returned_only_is_one_option_away(self, tmp_path: Path) -> None:
        folder = with_estimates(tmp_path)
        code, out, err = invoke(
            "evaluate", "--indicators", str(folder), "--out", str(tmp_path), "--returned-only"
        )
        assert code == 0, err
        assert "Base: returns only" in out
        table = rows(tmp_path / "scorecard.csv")
        vacancy = next(r for r in table if r["measure_code"] == "1.1b" and r["period"] == "2022/23")
        assert (vacancy["value"], vacancy["base"]) == ("0.08", "returns only")

    def test_without_estimates_the_base_is_the_returns(self, tmp_path: Path) -> None:
        code, out, err = invoke("evaluate", "--indicators", str(FIXTURE), "--out", str(tmp_path))
        assert code == 0, err
        assert "Base: returns only; no whole-sector estimates are in the results" in out


class TestEvaluateComparator:
    def test_the_comparator_is_named_in_every_output(self, tmp_path: Path) -> None:
        folder = tmp_path / "indicators"
        folder.mkdir()
        lines = (FIXTURE / "indicators.csv").read_text(encoding="utf-8").splitlines()
        named = [lines[0] + ",comparator_name"]
        for line in lines[1:]:
            if line.startswith("vacancy_rate,Vacancy rate,2022/23,E10000028,Staffordshire,total"):
                fields = line.split(",")
                fields[14], fields[15] = "0.104", "better"
                named.append(",".join(fields) + ',"West Midlands (April 2022)"')
            else:
                named.append(line + ",")
        (folder / "indicators.csv").write_text("\n".join(named) + "\n", encoding="utf-8")
        code, out, err = invoke("evaluate", "--indicators", str(folder), "--out", str(tmp_path))
        assert code == 0, err
        # The table folds long cells across lines: the name is there, in its column.
        assert "West" in out
        assert "Midlands" in out
        table = rows(tmp_path / "scorecard.csv")
        vacancy = next(r for r in table if r["measure_code"] == "1.1b" and r["period"] == "2022/23")
        assert (vacancy["comparator_value"], vacancy["comparator_name"], vacancy["comparison"]) == (
            "0.104",
            "West Midlands (April 2022)",
            "better",
        )
        report = tmp_path / "report"
        code, _, err = invoke(
            "report", "--indicators", str(folder), "--out", str(report), "--as-of", "2023-06-30"
        )
        assert code == 0, err
        html = next(report.glob("*.html")).read_text(encoding="utf-8")
        assert "better than the comparator: West Midlands (April 2022), 10.4%" in html
