"""``careforce estimates compute`` end to end: a register in the real layout, returns of part of
its locations ingested with the CLI, and the three files the estimates are published in."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from careforce.cli.app import app
from cqc_register_support import care_home, home_care, row, write_register_ods
from estimates_support import write_ascwds

pytestmark = pytest.mark.e2e

ENV = {"CAREFORCE_SECRET_KEY": "e2e-test-key", "COLUMNS": "120", "NO_COLOR": "1"}

HOMES = [(f"1-1000000{n:02d}", 10 + 2 * n) for n in range(12)]
"""Twelve care homes without nursing; beds 10, 12, ..., 32."""
RETURNING = HOMES[:8]
"""The first eight return, each with 1.5 filled posts a bed."""


def run(*arguments: str) -> Result:
    return CliRunner().invoke(app, list(arguments), env=ENV)


def indicators_with(out: Path, estimates: Path, dest: Path) -> Result:
    """``indicators compute`` on the fixture's ingested returns with ``--estimates``."""
    return run(
        "indicators", "compute", "--ascwds", str(out.parent / "ingested"),
        "--estimates", str(estimates), "--out", str(dest),
    )  # fmt: skip


def recompute(out: Path, dest: Path, *extra: str) -> Result:
    """``estimates compute`` again on the fixture's register and returns."""
    return run(
        "estimates", "compute", "--register",
        str(out.parent / "01_October_2026_HSCA_Active_Locations.ods"),
        "--ascwds", str(out.parent / "ingested"), "--out", str(dest), *extra,
    )  # fmt: skip


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    root = tmp_path_factory.mktemp("estimates")
    register = write_register_ods(
        root / "01_October_2026_HSCA_Active_Locations.ods",
        [
            *(care_home(location_id, beds) for location_id, beds in HOMES),
            home_care("1-200000001", **{"Location Inspection Directorate": "Hospitals"}),
            row("1-300000001", {"Dormant (Y/N)": "Y"}),
        ],
    )
    files = root / "files"
    files.mkdir()
    workplaces = [
        (f"W{n}", location_id, beds * 3 // 2, 2) for n, (location_id, beds) in enumerate(RETURNING)
    ]
    ingested = root / "ingested"
    result = run(
        "ingest",
        "ascwds",
        *map(str, write_ascwds(files, workplaces)),
        "--reference-date",
        "2026-09-30",
        "--out",
        str(ingested),
        "--area-code",
        "E10000028",
        "--area-name",
        "Staffordshire",
    )
    assert result.exit_code == 0, result.output
    out = root / "out"
    result = run(
        "estimates",
        "compute",
        "--register",
        str(register),
        "--ascwds",
        str(ingested),
        "--area",
        "E10000028",
        "--out",
        str(out),
    )
    return out, result


class TestEstimatesCompute:
    def test_exits_0_with_a_summary(self, computed: tuple[Path, Result]) -> None:
        _, result = computed
        assert result.exit_code == 0, result.output
        assert (
            "12 in-scope locations: 8 returned, 0 carried forward, 0 interpolated, 4 modelled"
            in result.output
        )
        assert "coverage: 66.7% of locations" in result.output
        assert (
            "people (headcount): 378 estimated (95% interval 375 to 378), 1.00 posts per person (1.00 in "
            "the returns alone)" in " ".join(result.output.split())
        )

    def test_locations_csv(self, computed: tuple[Path, Result]) -> None:
        out, _ = computed
        rows = read(out / "locations.csv")
        assert list(rows[0]) == [
            "location_id",
            "workplace_ref",
            "area_code",
            "service_group",
            "care_home",
            "beds",
            "filled_posts",
            "lower",
            "upper",
            "source",
        ]
        by_id = {r["location_id"]: r for r in rows}
        assert len(by_id) == 12
        assert (by_id["1-100000000"]["source"], by_id["1-100000000"]["filled_posts"]) == (
            "returned",
            "15.0",
        )
        modelled = by_id["1-100000011"]
        assert modelled["source"] == "modelled"
        # Fewer than ten returns: the homes' own 1.5 posts a bed (32 beds).
        assert float(modelled["filled_posts"]) == pytest.approx(48.0)

    def test_estimates_csv_total_and_coverage(self, computed: tuple[Path, Result]) -> None:
        out, _ = computed
        rows = read(out / "estimates.csv")
        cell = {(r["measure_id"], r["breakdown"], r["breakdown_value"]): r for r in rows}
        # Returned 15+18+...+36 = 204; modelled 1.5 x (26+28+30+32) = 174.
        assert cell[("filled_posts_estimate", "total", "all")]["value"] == "380.0"
        # Each staff record's NI number is its own: as many people as posts (rounded to 5).
        assert cell[("headcount_estimate", "total", "all")]["value"] == "380.0"
        assert cell[("coverage_locations_share", "total", "all")]["numerator"] == "8.0"
        assert cell[("coverage_locations_share", "total", "all")]["denominator"] == "12.0"

    def test_accuracy_csv(self, computed: tuple[Path, Result]) -> None:
        out, _ = computed
        rows = read(out / "accuracy.csv")
        assert list(rows[0]) == [
            "service_group",
            "n",
            "r2",
            "rmse",
            "within_10_posts_share",
            "within_25pct_share",
        ]
        assert [(r["service_group"], r["n"]) for r in rows] == [("residential", "8"), ("all", "8")]
        # Every home has exactly 1.5 posts a bed: the ratio predicts each one exactly.
        assert float(rows[-1]["rmse"]) == pytest.approx(0.0)

    def test_manifest_and_not_returned(self, computed: tuple[Path, Result]) -> None:
        out, _ = computed
        manifest = json.loads((out / "estimates_manifest.json").read_text(encoding="utf-8"))
        assert manifest["summary"]["locations_modelled"] == 4
        assert len(read(out / "not_returned.csv")) == 4

    def test_unreadable_register_exits_2(self, tmp_path: Path) -> None:
        bad = tmp_path / "r.ods"
        bad.write_bytes(b"PK\x03\x04 not really a zip")
        result = run(
            "estimates",
            "compute",
            "--register",
            str(bad),
            "--ascwds",
            str(tmp_path),
            "--out",
            str(tmp_path / "o"),
        )
        assert result.exit_code == 2
        assert "damaged" in result.output


class TestIndicatorsWithEstimates:
    def test_estimates_published_with_the_measures(
        self, computed: tuple[Path, Result], tmp_path: Path
    ) -> None:
        out, _ = computed
        result = indicators_with(out, out, tmp_path)
        assert result.exit_code == 0, result.output
        assert (
            "Coverage of Staffordshire (2026/27): 66.7% of in-scope locations returned, "
            "53.9% of their estimated filled posts in returns" in " ".join(result.output.split())
        )
        assert "Warning" not in result.output  # 8 of 12 locations returned: above 50%
        book = openpyxl.load_workbook(tmp_path / "indicators.xlsx", read_only=True)
        cover = " ".join(str(c) for row in book["Cover"].iter_rows(values_only=True) for c in row)
        assert "Returns cover 66.7% of the in-scope CQC-registered locations" in cover
        rows = read(tmp_path / "indicators.csv")
        pay = [
            r
            for r in rows
            if r["measure_id"] == "hourly_pay_mean_weighted" and r["breakdown"] == "total"
        ]
        assert len(pay) == 1
        estimate = [
            r
            for r in rows
            if r["measure_id"] == "filled_posts_estimate" and r["breakdown"] == "total"
        ]
        assert [r["value"] for r in estimate] == ["380.0"]
        assert any(r["measure_id"] == "filled_posts" for r in rows)

    def test_folder_without_estimates_exits_2(
        self, computed: tuple[Path, Result], tmp_path: Path
    ) -> None:
        out, _ = computed
        result = indicators_with(out, tmp_path, tmp_path / "o")
        assert result.exit_code == 2
        assert "no estimates.csv here" in result.output


class TestCalibrate:
    def test_modelled_homes_raked_to_the_published_total(
        self, computed: tuple[Path, Result], tmp_path: Path
    ) -> None:
        out, _ = computed
        targets = tmp_path / "sfc.csv"
        # Returned homes hold 204 posts: the four modelled homes must make up 246, not 174.
        targets.write_text("area_code,filled_posts\nE10000028,450\n", encoding="utf-8")
        result = recompute(out, tmp_path / "o", "--area", "E10000028", "--calibrate", str(targets))
        assert result.exit_code == 0, result.output
        report = read(tmp_path / "o" / "calibration.csv")
        assert [(r["target"], r["before"]) for r in report] == [("450.0", "378.0")]
        assert float(report[0]["after"]) == pytest.approx(450, rel=1e-3)
        assert float(report[0]["modelled_factor"]) == pytest.approx(246 / 174, rel=1e-3)
        by_id = {r["location_id"]: r for r in read(tmp_path / "o" / "locations.csv")}
        assert by_id["1-100000000"]["filled_posts"] == "15.0"

    def test_bad_target_names_line(self, computed: tuple[Path, Result], tmp_path: Path) -> None:
        out, _ = computed
        targets = tmp_path / "sfc.csv"
        targets.write_text("area_code,filled_posts\nE10000028,lots\n", encoding="utf-8")
        result = recompute(out, tmp_path / "o", "--calibrate", str(targets))
        assert result.exit_code == 2
        assert "line 2" in result.output
