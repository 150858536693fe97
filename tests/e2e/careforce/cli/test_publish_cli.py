"""``careforce publish appendix`` on small measure files with known answers, and its refusals."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careforce.cli.app import app
from careforce.core.vocab.published import PUBLISHED_COLUMNS

pytestmark = pytest.mark.e2e

TEMPLATE = """\
title: Small appendix
sections:
  - key: retention
    heading: Recruitment and retention
    blocks:
      - text: "Turnover was {turnover_rate}."
      - change: {measure: turnover_rate}
      - table:
          key: turnover
          title: Turnover
          measures: [turnover_rate]
          periods: [all]
          source: ASC-WDS
  - key: projections
    heading: Projections of demand
    blocks:
      - text: "{projected_new_staff|group=adult|period=2032}"
"""


def _indicators(folder: Path) -> Path:
    path = folder / "indicators.csv"
    rows = [
        ("2020/21", "0.282", "0.274", "0.29"),
        ("2021/22", "0.322", "0.314", "0.331"),
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=PUBLISHED_COLUMNS)
        writer.writeheader()
        for period, value, lower, upper in rows:
            writer.writerow(
                {
                    "measure_id": "turnover_rate",
                    "measure_name": "Staff turnover rate",
                    "period": period,
                    "area_code": "E10000028",
                    "area_name": "Staffordshire",
                    "breakdown": "total",
                    "breakdown_value": "all",
                    "value": value,
                    "lower_ci": lower,
                    "upper_ci": upper,
                    "unit": "rate",
                    "polarity": "low-is-good",
                    "comparison": "not-compared",
                }
            )
    return path


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, [str(arg) for arg in args])
    return result.exit_code, result.output


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    template = tmp_path / "template.yaml"
    template.write_text(TEMPLATE, encoding="utf-8")
    return {"indicators": _indicators(tmp_path), "template": template, "out": tmp_path / "out"}


class TestPublishAppendix:
    def test_writes_the_appendix_and_reports_missing_sections(
        self, inputs: dict[str, Path]
    ) -> None:
        code, output = run(
            "publish",
            "appendix",
            "--period",
            "2021/22",
            "--indicators",
            inputs["indicators"],
            "--template",
            inputs["template"],
            "--out",
            inputs["out"],
            "--no-pdf",
        )
        assert code == 0, output
        assert "Data appendix of Staffordshire (E10000028), 2021/22: 2 sections, 1 tables" in output
        assert "Section 'Projections of demand': no figures (projected_new_staff)" in output
        page = (inputs["out"] / "appendix.html").read_text(encoding="utf-8")
        assert "Turnover was 32.2%." in page
        assert "Staff turnover rate rose from 28.2% in 2020/21 to 32.2% in 2021/22." in page
        assert (inputs["out"] / "appendix.ods").is_file()
        assert (inputs["out"] / "appendix.xlsx").is_file()
        assert not (inputs["out"] / "appendix.pdf").exists()

    def test_a_bad_template_is_refused_with_line_and_field(self, inputs: dict[str, Path]) -> None:
        inputs["template"].write_text(TEMPLATE.replace("    heading: Projections of demand\n", ""))
        code, output = run(
            "publish",
            "appendix",
            "--period",
            "2021/22",
            "--indicators",
            inputs["indicators"],
            "--template",
            inputs["template"],
            "--out",
            inputs["out"],
        )
        assert code == 2
        assert "line 14: sections[1].heading: is required but missing" in output
        assert not inputs["out"].exists()

    def test_unsuppressed_measures_are_refused(self, inputs: dict[str, Path]) -> None:
        manifest = inputs["indicators"].with_name("indicators_manifest.json")
        manifest.write_text('{"unsuppressed": true}', encoding="utf-8")
        code, output = run(
            "publish",
            "appendix",
            "--period",
            "2021/22",
            "--indicators",
            inputs["indicators"],
            "--out",
            inputs["out"],
            "--no-pdf",
        )
        assert code == 2
        assert "written without disclosure control" in output.replace("\n", " ")
        assert not inputs["out"].exists()

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            pytest.param(
                ("--period", "2021-22"), "--period must be such as 2021/22", id="bad-period"
            ),
            pytest.param(("--area", "E99999999"), "no measures of that area", id="unknown-area"),
            pytest.param(
                ("--projections", "nowhere"), "no projection.csv here", id="no-projection"
            ),
        ],
    )
    def test_unusable_inputs(
        self, inputs: dict[str, Path], args: tuple[str, ...], message: str
    ) -> None:
        base = ["--period", "2021/22"] if "--period" not in args else []
        code, output = run(
            "publish",
            "appendix",
            *base,
            *args,
            "--indicators",
            inputs["indicators"],
            "--out",
            inputs["out"],
            "--no-pdf",
        )
        assert code == 2
        assert message in output.replace("\n", " ")
