"""An ingestion's output folder is one set: written whole or not at all, and refused by its
readers when its datasets do not match its manifest (exit 2, one line naming the folder)."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from test_indicators_cli import run, write_file_set
from typer.testing import Result

from careforce.services import ascwds as ascwds_service
from injection_support import INJECTIONS

pytestmark = pytest.mark.e2e


def _run_ingest(files: list[Path], out: Path, reference_date: str = "2022-03-31") -> Result:
    return run(
        "ingest", "ascwds", *map(str, files), "--reference-date", reference_date, "--out", str(out)
    )


def _ingest(files: list[Path], out: Path) -> None:
    result = _run_ingest(files, out)
    assert result.exit_code == 0, result.output


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "files"
    folder.mkdir()
    return write_file_set(folder)


@pytest.fixture
def ingested(files: list[Path], tmp_path: Path) -> Path:
    out = tmp_path / "ingested"
    _ingest(files, out)
    return out


def _compute(folder: Path, tmp_path: Path) -> list[str]:
    """The lines ``indicators compute`` prints to standard error; it must exit 2."""
    result = run("indicators", "compute", "--ascwds", str(folder), "--out", str(tmp_path / "m"))
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


class TestManifest:
    def test_records_each_datasets_rows_and_sha256(self, ingested: Path) -> None:
        manifest = json.loads((ingested / "manifest.json").read_text(encoding="utf-8"))
        for name in ("establishments", "workers", "training"):
            path = ingested / f"{name}.parquet"
            assert manifest["datasets"][name] == pl.read_parquet(path).height
            assert manifest["dataset_checksums"][name] == (
                hashlib.sha256(path.read_bytes()).hexdigest()
            )
        assert manifest["datasets"] == {"establishments": 4, "workers": 48, "training": 0}


class TestOneSet:
    def test_an_interrupted_run_leaves_the_previous_folder_whole(
        self, files: list[Path], ingested: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        before = _snapshot(ingested)
        calls = []

        def interrupted(path: Path, payload: object) -> None:
            calls.append(path.name)
            if path.name == "manifest.json":
                raise KeyboardInterrupt

        monkeypatch.setattr(ascwds_service, "write_json", interrupted)
        files[1].write_text(
            files[1].read_text(encoding="utf-8").replace("Worker 1,", "Worker 9,"),
            encoding="utf-8",
        )
        result = _run_ingest(files, ingested, "2023-03-31")
        assert result.exit_code != 0
        assert calls == ["manifest.json"]
        assert _snapshot(ingested) == before
        assert sorted(p.name for p in ingested.parent.iterdir()) == ["files", "ingested"]

    def test_a_new_run_replaces_the_folder(self, files: list[Path], ingested: Path) -> None:
        before = json.loads((ingested / "manifest.json").read_text(encoding="utf-8"))
        result = _run_ingest(files, ingested, "2023-03-31")
        assert result.exit_code == 0, result.output
        after = json.loads((ingested / "manifest.json").read_text(encoding="utf-8"))
        assert (before["reference_date"], after["reference_date"]) == ("2022-03-31", "2023-03-31")
        assert sorted(p.name for p in ingested.parent.iterdir()) == ["files", "ingested"]

    def test_an_existing_file_as_out_exits_2(self, files: list[Path], tmp_path: Path) -> None:
        out = tmp_path / "out.txt"
        out.write_text("keep me", encoding="utf-8")
        result = _run_ingest(files, out, "2022-03-31")
        assert result.exit_code == 2
        assert " ".join(result.stderr.split()) == (
            f"careforce: cannot use {out}: is a file; --out must be a folder"
        )
        assert out.read_text(encoding="utf-8") == "keep me"

    def test_a_folder_of_other_files_as_out_exits_2(self, files: list[Path]) -> None:
        out = files[0].parent
        before = _snapshot(out)
        result = _run_ingest(files, out, "2022-03-31")
        assert result.exit_code == 2
        message = " ".join(result.stderr.split())
        assert message.startswith(f"careforce: cannot use {out}: holds staff.csv")
        assert _snapshot(out) == before


class TestReadersRefuseAMismatch:
    def test_a_dataset_of_another_run(self, ingested: Path, tmp_path: Path) -> None:
        workers = ingested / "workers.parquet"
        frame = pl.read_parquet(workers)
        frame.head(10).write_parquet(workers)
        (line,) = _compute(ingested, tmp_path)
        assert str(ingested) in line
        assert "workers.parquet does not match the SHA-256 in manifest.json" in line

    def test_a_manifest_of_another_run(self, ingested: Path, tmp_path: Path) -> None:
        path = ingested / "manifest.json"
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["datasets"]["workers"] = 47
        path.write_text(json.dumps(manifest), encoding="utf-8")
        (line,) = _compute(ingested, tmp_path)
        assert line.endswith("workers.parquet has 48 rows, manifest.json says 47")

    def test_a_truncated_parquet(self, ingested: Path, tmp_path: Path) -> None:
        workers = ingested / "workers.parquet"
        workers.write_bytes(workers.read_bytes()[:200])
        (line,) = _compute(ingested, tmp_path)
        assert str(ingested) in line

    def test_a_dataset_the_manifest_does_not_list(self, ingested: Path, tmp_path: Path) -> None:
        path = ingested / "manifest.json"
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["datasets"].pop("training")
        manifest["dataset_checksums"].pop("training")
        path.write_text(json.dumps(manifest), encoding="utf-8")
        shutil.copy(ingested / "workers.parquet", ingested / "training.parquet")
        result = run(
            "indicators", "compute", "--ascwds", str(ingested), "--out", str(tmp_path / "m")
        )
        assert result.exit_code == 0, result.output  # the measures do not read training

    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            ("{not json", "not a readable manifest"),
            ("[1, 2]", "not a manifest (a JSON object is expected)"),
            ('{"datasets": {"workers": 48}}', "does not record the datasets' row counts"),
        ],
    )
    def test_an_invalid_manifest(
        self, ingested: Path, tmp_path: Path, content: str, expected: str
    ) -> None:
        (ingested / "manifest.json").write_text(content, encoding="utf-8")
        (line,) = _compute(ingested, tmp_path)
        assert str(ingested) in line
        assert expected in line

    def test_a_missing_manifest(self, ingested: Path, tmp_path: Path) -> None:
        (ingested / "manifest.json").unlink()
        (line,) = _compute(ingested, tmp_path)
        assert (
            line
            == f"careforce: {ingested}: no manifest.json (is it an output of careforce ingest?)"
        )


@pytest.mark.parametrize("payload", INJECTIONS)
def test_findings_of_typed_formulas_are_safe_to_open(
    files: list[Path], tmp_path: Path, payload: str
) -> None:
    staff = files[1].read_text(encoding="utf-8")
    quoted = '"' + payload.replace('"', '""') + '"'
    files[1].write_text(staff.replace(",10.00,", f",{quoted},", 1), encoding="utf-8")
    out = tmp_path / "out"
    assert _run_ingest(files, out).exit_code == 1
    typed = payload.strip()
    with (out / "findings.csv").open(newline="", encoding="utf-8") as stream:
        values = [row["value"] for row in csv.DictReader(stream) if typed in row["value"]]
    assert values == ["'" + typed]
    sheet = openpyxl.load_workbook(out / "findings.xlsx")["Findings"]
    cells = [c for row in sheet.iter_rows() for c in row if typed in str(c.value or "")]
    assert [(c.value, c.data_type) for c in cells] == [("'" + typed, "s")]
    # JSON is not a spreadsheet: it keeps the value as typed
    raw = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert [f["value"] for f in raw if typed in f["value"]] == [typed]
