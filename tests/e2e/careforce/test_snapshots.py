"""Whole-output snapshots: the demo's measures, trends and scorecard, the projections of both
shipped parameter files and the findings of a faulty ASC-WDS file set, compared with the
outputs kept in ``tests/snapshots/expected``.

They pin every result a restructuring of the code must leave unchanged. Text cells must be
identical; numbers may differ only in the last bits of floating point (Polars sums in
parallel, so the order of additions, and so the last bit, can change between runs).

When a change is *meant* to alter an output, regenerate the snapshots with
``CAREFORCE_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/e2e/careforce/test_snapshots.py`` and
review the diff before committing it.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careforce.cli.app import app

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("snapshots")]

SNAPSHOTS = Path(__file__).resolve().parents[2] / "snapshots"
EXPECTED = SNAPSHOTS / "expected"
FAULTY_SET = SNAPSHOTS / "inputs" / "faulty-ascwds"
UPDATE = os.environ.get("CAREFORCE_UPDATE_SNAPSHOTS") == "1"
RELATIVE_TOLERANCE = 1e-9
"""Numbers agree when they differ by less than this share (the last bits of a double)."""
SHIPPED_PROJECTIONS = ("staffordshire-2022-adult", "staffordshire-2022-children")
SECRET = "snapshot-tests-fixed-key-0123456789abcdef"
"""A fixed pseudonymisation key, so the outputs do not depend on the machine's key file."""


def invoke(*args: str | Path) -> str:
    """Run ``careforce ARGS`` and return its standard output (a non-zero exit other than 1,
    findings with errors, fails the test)."""
    result = CliRunner(env={"COLUMNS": "200", "CAREFORCE_SECRET_KEY": SECRET}).invoke(
        app, [str(arg) for arg in args]
    )
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def _number(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def _same_cell(actual: str, expected: str) -> bool:
    if actual == expected:
        return True
    left, right = _number(actual), _number(expected)
    if left is None or right is None:
        return False
    return math.isclose(left, right, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-12)


def assert_same_csv(actual: Path, name: str) -> None:
    """``actual`` has the same header and rows, in the same order, as the kept snapshot."""
    expected = EXPECTED / name
    if UPDATE:
        shutil.copyfile(actual, expected)
    got = list(csv.reader(io.StringIO(actual.read_text(encoding="utf-8-sig"))))
    kept = list(csv.reader(io.StringIO(expected.read_text(encoding="utf-8-sig"))))
    assert got[0] == kept[0], f"{name}: header differs"
    assert len(got) == len(kept), f"{name}: {len(got) - 1} rows, snapshot has {len(kept) - 1}"
    for number, (row, kept_row) in enumerate(zip(got, kept, strict=True), start=1):
        differing = [
            f"{column}: {cell!r} != {kept_cell!r}"
            for column, cell, kept_cell in zip(got[0], row, kept_row, strict=True)
            if not _same_cell(cell, kept_cell)
        ]
        assert not differing, f"{name} line {number}: " + "; ".join(differing)


def _same_json(actual: object, expected: object, where: str) -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        assert sorted(actual) == sorted(expected), f"{where}: keys differ"
        for key, value in expected.items():
            _same_json(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), where
        assert len(actual) == len(expected), f"{where}: length differs"
        for index, (left, right) in enumerate(zip(actual, expected, strict=True)):
            _same_json(left, right, f"{where}[{index}]")
    elif isinstance(expected, float) and isinstance(actual, float | int):
        assert math.isclose(actual, expected, rel_tol=RELATIVE_TOLERANCE), where
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def assert_same_json(text: str, name: str) -> None:
    """``text`` is JSON equal to the kept snapshot (numbers to the tolerance)."""
    expected = EXPECTED / name
    if UPDATE:
        expected.write_text(text, encoding="utf-8")
    _same_json(json.loads(text), json.loads(expected.read_text(encoding="utf-8")), name)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Staffordshire demo run end to end by ``careforce demo run``."""
    out = tmp_path_factory.mktemp("snapshot-demo")
    invoke("demo", "run", "--out", out)
    return out


class TestDemoSnapshot:
    @pytest.mark.parametrize(
        ("output", "name"),
        [
            ("indicators/indicators.csv", "demo-indicators.csv"),
            ("indicators/trends.csv", "demo-trends.csv"),
            ("indicators/data_quality.csv", "demo-data-quality.csv"),
            ("outcomes/scorecard.csv", "demo-scorecard.csv"),
        ],
        ids=["indicators", "trends", "data-quality", "scorecard"],
    )
    def test_output_is_unchanged(self, demo: Path, output: str, name: str) -> None:
        assert_same_csv(demo / output, name)


class TestProjectionsSnapshot:
    @pytest.mark.parametrize("params", SHIPPED_PROJECTIONS)
    def test_json_is_unchanged(self, params: str) -> None:
        text = invoke("projections", "run", params, "--format", "json", "--details")
        assert_same_json(text, f"projections-{params}.json")


class TestFindingsSnapshot:
    def test_findings_of_a_faulty_set_are_unchanged(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        invoke(
            "ingest", "ascwds",
            FAULTY_SET / "workplace.csv", FAULTY_SET / "staff.csv", FAULTY_SET / "training.csv",
            "--reference-date", "2022-03-31", "--out", out,
        )  # fmt: skip
        assert_same_csv(out / "findings.csv", "faulty-ascwds-findings.csv")
        assert_same_json(
            (out / "findings.json").read_text(encoding="utf-8"), "faulty-ascwds-findings.json"
        )
