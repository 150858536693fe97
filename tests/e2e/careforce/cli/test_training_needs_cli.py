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

    def test_labour_and_survey_outputs_add_their_needs(self, tmp_path: Path) -> None:
        indicators = tmp_path / "indicators.csv"
        indicators.write_text(
            HEADER
            + ROWS
            + "training_current_share,T,2024/25,E1,Area,training_category,Dementia care,100,"
            "1000,0.1,,,proportion,high-is-good,,,\n"
            "headcount,H,2024/25,E1,Area,total,all,2000,,2000,,,count,no-judgement,,,\n",
            encoding="utf-8",
        )
        labour = tmp_path / "labour"
        labour.mkdir()
        (labour / "labour.csv").write_text(
            HEADER
            + "skills_in_demand,S,2024-01/2024-12,E1,Area,skill,Dementia Care,125,500,0.25,,,"
            "proportion,no-judgement,,,\n"
            "skills_in_demand,S,2024-01/2024-12,E1,Area,skill,Fire Safety,50,500,0.1,,,"
            "proportion,no-judgement,,,\n",
            encoding="utf-8",
        )
        survey = tmp_path / "survey_measures.csv"
        survey.write_text(
            HEADER + "digital_confidence_share,D,2025,E1,Area,total,all,140,200,0.7,0.63,0.75,"
            "proportion,high-is-good,,,\n",
            encoding="utf-8",
        )
        out = tmp_path / "out"
        code, _, err = invoke(
            "training-needs",
            "--indicators",
            str(indicators),
            "--labour",
            str(labour),
            "--survey",
            str(survey),
            "--out",
            str(out),
        )
        assert code == 0, err
        with (out / "training-needs.csv").open(encoding="utf-8", newline="") as stream:
            needs = {n["need"]: n for n in csv.DictReader(stream)}
        # 70% agree, at most 75%: 0.25 of the 2,000 people of the headcount.
        digital = needs["Digital skills: using technology to do the job well"]
        assert (digital["rank"], float(digital["score"])) == ("1", pytest.approx(500.0))
        assert float(needs["Current mandatory training: Fire safety"]["score"]) == pytest.approx(
            55 * 1.1
        )
        dementia = needs["Current training in a skill employers ask for: Dementia care"]
        assert float(dementia["score"]) == pytest.approx(150 * 1.25)
        assert dementia["kind"] == "skill in demand"

    def test_a_missing_labour_folder_exits_2(self, tmp_path: Path) -> None:
        indicators = tmp_path / "indicators.csv"
        indicators.write_text(HEADER + ROWS, encoding="utf-8")
        code, _, err = invoke(
            "training-needs",
            "--indicators",
            str(indicators),
            "--labour",
            str(tmp_path / "none"),
            "--out",
            str(tmp_path / "out"),
        )
        assert code == 2
        assert "no labour.csv here" in err

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
        # The report is of the demo's latest year, 2023/24, after the Oliver McGowan training
        # began (November 2022): two thirds have it current, among the three lowest topics.
        heading = "Priority training needs, 2023/24: the 9 highest ranked"
        assert heading in page
        needs = page.split(heading, 1)[1].split("Current mandatory training: ")[1:4]
        assert [need.split(" ", 1)[0] for need in needs] == ["Assisting", "Basic", "Oliver"]

    def test_the_reports_needs_are_weighted_by_the_labour_measures(self, tmp_path: Path) -> None:
        labour = tmp_path / "labour"
        labour.mkdir()
        (labour / "labour.csv").write_text(
            HEADER
            + "skills_in_demand,S,2021-09/2022-08,E10000028,Staffordshire,skill,Safeguarding,"
            "400,1000,0.4,,,proportion,no-judgement,,,\n",
            encoding="utf-8",
        )
        code, _, err = invoke(
            "report",
            "--indicators",
            str(DEMO_INDICATORS),
            "--labour",
            str(labour),
            "--as-of",
            "2022-06-30",
            "--out",
            str(tmp_path / "out"),
        )
        assert code == 0, err
        page = " ".join((tmp_path / "out" / "progress-report.html").read_text("utf-8").split())
        assert "asked for in 40% of job postings (2021-09/2022-08)" in page
