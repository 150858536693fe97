"""``careforce survey`` end to end: analyse an export into measures and a report, refuse a bad
export naming line and column, import into a folder and recognise the file again, write the
2022 baseline."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from careforce.cli.app import app
from careforce.core.vocab import published as pub

pytestmark = pytest.mark.e2e

ENV = {"COLUMNS": "200", "NO_COLOR": "1"}
HEADER = "response_id,working_in_care,job_satisfaction,would_recommend\n"


def export(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "staff.csv"
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner(env=ENV).invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


class TestAnalyse:
    def test_measures_and_report(self, tmp_path: Path) -> None:
        rows = [f"r{i},yes,{'satisfied' if i < 16 else 'dissatisfied'},yes" for i in range(20)]
        code, output = run(
            "survey",
            "analyse",
            "--questionnaire",
            "staff",
            "--responses",
            export(tmp_path, rows),
            "--out",
            tmp_path / "out",
            "--round",
            "2024",
        )
        assert code == 0, output
        measures = pl.read_csv(tmp_path / "out" / "survey_measures.csv")
        total = measures.filter(
            (pl.col(pub.MEASURE_ID) == "job_satisfaction_share")
            & (pl.col(pub.BREAKDOWN) == "total")
        ).row(0, named=True)
        assert (total[pub.NUMERATOR], total[pub.DENOMINATOR], total[pub.VALUE]) == (16.0, 20.0, 0.8)
        report = (tmp_path / "out" / "survey_report.html").read_text(encoding="utf-8")
        assert "Social care workforce survey 2024: results" in report

    def test_bad_export_names_line_and_column(self, tmp_path: Path) -> None:
        path = export(tmp_path, ["r1,yes,content,yes"])
        code, output = run(
            "survey",
            "analyse",
            "--questionnaire",
            "staff",
            "--responses",
            path,
            "--out",
            tmp_path / "out",
            "--round",
            "2024",
        )
        assert code == 2
        assert (
            f"{path}, line 2, column 'job_satisfaction': not an answer of job_satisfaction"
            in output
        )


class TestImport:
    def test_reimport_is_recognised(self, tmp_path: Path) -> None:
        path = export(tmp_path, ["r1,yes,satisfied,yes", "r2,no,,no"])
        args = (
            "survey",
            "import",
            "--questionnaire",
            "staff",
            "--responses",
            path,
            "--into",
            tmp_path / "store",
            "--round",
            "2024",
        )
        assert run(*args)[1].endswith(
            "2 responses added to " + str(tmp_path / "store" / "staff" / "2024") + "\n"
        )
        code, output = run(*args)
        assert code == 0
        assert "before: nothing changed." in output

    def test_needs_one_destination(self, tmp_path: Path) -> None:
        code, _ = run(
            "survey",
            "import",
            "--questionnaire",
            "staff",
            "--responses",
            export(tmp_path, []),
            "--round",
            "2024",
        )
        assert code == 2


class TestBaseline:
    def test_writes_the_2022_round(self, tmp_path: Path) -> None:
        code, _ = run("survey", "baseline", "--out", tmp_path)
        assert code == 0
        measures = pl.read_csv(tmp_path / "survey_measures.csv")
        headline = measures.filter(pl.col(pub.MEASURE_ID) == "would_recommend_share").row(
            0, named=True
        )
        assert (headline[pub.PERIOD], headline[pub.VALUE], headline[pub.DENOMINATOR]) == (
            2022,
            0.6,
            261.0,
        )
