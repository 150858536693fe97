"""``careforce projections supply`` on DfE Explore Education Statistics files and the demo's
own enrolments file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careforce.cli.app import app
from labour_support import enrolments_csv

pytestmark = pytest.mark.e2e

APPRENTICESHIPS = (
    "time_period,time_identifier,geographic_level,country_code,country_name,"
    "new_la_code,la_name,apps_level,ssa_tier_2,starts\n"
    "202021,Academic year,Local authority,E92000001,England,E10000028,Staffordshire,Total,"
    "Health and Social Care,1680\n"
    "202021,Academic year,Local authority,E92000001,England,E10000028,Staffordshire,Total,"
    "Engineering,x\n"
)


def supply(*files: Path) -> list[dict[str, float]]:
    args = ["projections", "supply", "staffordshire-2022-adult", "--format", "json"]
    for path in files:
        args += ["--supply", str(path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ees_enrolments_and_apprenticeships(tmp_path: Path) -> None:
    enrolments = tmp_path / "enrol.csv"
    enrolments.write_text(enrolments_csv(old=False), encoding="utf-8")
    apprenticeships = tmp_path / "apps.csv"
    apprenticeships.write_text(APPRENTICESHIPS, encoding="utf-8")
    gap = supply(enrolments, apprenticeships)
    # Every projection year uses the 2020/21 training year (the latest, ending in 2021).
    assert {row["supply_year"] for row in gap} == {2021}
    assert gap[0]["enrolments"] == 5820
    assert gap[0]["apprenticeship_starts"] == 1680
    assert gap[0]["pipeline"] == 5820 + 1680


def test_demo_enrolments_layout(tmp_path: Path) -> None:
    path = tmp_path / "enrolments.csv"
    path.write_text(
        "area_code,area_name,academic_year,measure,sector_subject_area,count\n"
        "E10000028,Staffordshire,2020/21,learning_aim_enrolments,Health and Social Care,5820\n"
        "E10000028,Staffordshire,2020/21,apprenticeship_starts,Health and Social Care,1680\n",
        encoding="utf-8",
    )
    gap = supply(path)
    assert gap[0]["pipeline"] == 7500


def test_bad_ees_count_named_by_line(tmp_path: Path) -> None:
    path = tmp_path / "enrol.csv"
    path.write_text(enrolments_csv(old=True).replace("Total,5820", "Total,58z0"), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["projections", "supply", "staffordshire-2022-adult", "--supply", str(path)]
    )
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "58z0" in text
    assert "line 8, column e_and_t_aims_enrolments" in text
