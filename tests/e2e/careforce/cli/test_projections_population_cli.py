"""``careforce projections derive`` from an ONS subnational population projection of the
districts: the county's population is added up from its districts with the shipped lookup."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careforce.cli.app import app

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "projections"
DISTRICTS = [f"E0700019{n}" for n in range(2, 10)]


def snpp_of_districts(path: Path) -> Path:
    """The fixture's Staffordshire 65+ population, all of it aged 70 in the first district."""
    with (FIXTURES / "population.csv").open(encoding="utf-8") as handle:
        rows = [
            r
            for r in csv.DictReader(handle)
            if r["area_code"] == "E10000028" and r["age_band"] == "65+"
        ]
    years = [r["year"] for r in rows]
    older = {r["year"]: float(r["population"]) for r in rows}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["AREA_CODE", "AREA_NAME", "COMPONENT", "SEX", "AGE_GROUP", *years])
    for index, code in enumerate(DISTRICTS):
        for age in [str(a) for a in range(90)] + ["90 and over", "All ages"]:
            values = [
                older[y] if index == 0 and age == "70" else (100.0 if age in ("30", "10") else 0.0)
                for y in years
            ]
            writer.writerow(
                [code, code, "Population", "persons", age, *(f"{v:.3f}" for v in values)]
            )
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_derive_from_district_projection(tmp_path: Path) -> None:
    out = tmp_path / "derived.toml"
    result = CliRunner().invoke(
        app,
        [
            "projections",
            "derive",
            "--indicators",
            str(FIXTURES),
            "--population",
            str(snpp_of_districts(tmp_path / "snpp.csv")),
            "--out",
            str(out),
            "--area",
            "E10000028",
            "--elasticity",
            "1.2827",
        ],
    )
    assert result.exit_code == 0, result.output
    run = CliRunner().invoke(app, ["projections", "run", str(out)])
    assert run.exit_code == 0, run.output
    assert "+34,948" in run.output
