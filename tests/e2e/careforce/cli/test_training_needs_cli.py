"""``careforce outcomes training-needs`` end to end on a hand-made indicators file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careforce.cli.app import app

pytestmark = pytest.mark.e2e

HEADER = (
    "measure_id,measure_name,period,area_code,area_name,breakdown,breakdown_value,numerator,"
    "denominator,value,lower_ci,upper_ci,unit,polarity,comparator_value,comparison,symbol\n"
)
ROWS = (
    "relevant_qualification_share,Q,2024/25,E1,Area,job_role_group,direct care,400,1000,0.4,,,"
    "proportion,high-is-good,0.46,,\n"
    "training_current_share,T,2024/25,E1,Area,training_category,Fire safety,1045,1100,0.95,,,"
    "proportion,high-is-good,,,\n"
    "care_certificate_share,C,2024/25,E1,Area,total,all,,,,,,proportion,high-is-good,0.48,,[c]\n"
)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["outcomes", *args])
    return result.exit_code, result.stdout, result.stderr


class TestTrainingNeeds:
    def test_writes_the_ranked_list(self, tmp_path: Path) -> None:
        indicators = tmp_path / "indicators.csv"
        indicators.write_text(HEADER + ROWS, encoding="utf-8")
        out = tmp_path / "out"
        code, stdout, err = invoke(
            "training-needs", "--indicators", str(indicators), "--out", str(out)
        )
        assert code == 0, err
        with (out / "training-needs.csv").open(encoding="utf-8", newline="") as stream:
            needs = list(csv.DictReader(stream))
        assert [(n["rank"], n["need"]) for n in needs] == [
            ("1", "Relevant social care qualification: direct care"),
            ("2", "Current mandatory training: Fire safety"),
        ]
        assert [float(n["score"]) for n in needs] == pytest.approx([60.0, 55.0])
        assert (out / "training-needs.ods").is_file()
        assert (out / "training-needs.xlsx").is_file()
        assert "about 60 workers short" in stdout

    def test_unusable_results_exit_2(self, tmp_path: Path) -> None:
        bad = tmp_path / "indicators.csv"
        bad.write_text("measure_id\nx\n", encoding="utf-8")
        code, _, err = invoke("training-needs", "--indicators", str(bad), "--out", str(tmp_path))
        assert code == 2
        assert "not indicator results" in err


DEMO_INDICATORS = (
    Path(__file__).resolve().parents[3] / "snapshots" / "expected" / "demo-indicators.csv"
)
"""The demo's published measures (kept as a snapshot)."""


class TestProgressReport:
    def test_the_report_has_a_priority_training_needs_section(self, tmp_path: Path) -> None:
        code, _, err = invoke(
            "report",
            "--indicators",
            str(DEMO_INDICATORS),
            "--as-of",
            "2022-06-30",
            "--out",
            str(tmp_path),
        )
        assert code == 0, err
        page = " ".join((tmp_path / "progress-report.html").read_text(encoding="utf-8").split())
        assert '<a href="#training-needs">Priority training needs</a>' in page
        # The demo's years precede the Oliver McGowan training (November 2022): nobody has it,
        # so the annual refreshers lead.
        assert "Priority training needs, 2021/22: the 9 highest ranked" in page
        assert "Current mandatory training: Assisting and moving people" in page
