"""Every unusable input exits 2 with one line naming it, never 3 ("internal error"): the
``careforce`` entry point is run as a user runs it, with its exit status and standard error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from careforce.cli.app import main

pytestmark = pytest.mark.e2e


def _unusable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: object
) -> str:
    """Run ``careforce ARGS``; it must exit 2 with one line on standard error, returned."""
    monkeypatch.setattr(sys, "argv", ["careforce", *map(str, args)])
    monkeypatch.setenv("CAREFORCE_SECRET_KEY", "e2e-test-key")
    monkeypatch.setenv("COLUMNS", "400")
    with pytest.raises(SystemExit) as stopped:
        main()
    error = capsys.readouterr().err
    assert stopped.value.code == 2, error
    lines = [line for line in error.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert "internal error" not in lines[0]
    return lines[0]


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    path = tmp_path / "a-file.txt"
    path.write_text("not a folder\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("arrays.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n"),
        ("tables.toml", "[" + ".".join(["a"] * 3000) + "]\nx = 1\n"),
        ("nested.toml", "[" + ".".join(["a"] * 100) + "]\nx = 1\n"),
    ],
)
def test_a_deeply_nested_parameter_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    text: str,
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    line = _unusable(capsys, monkeypatch, "projections", "run", path)
    assert line.startswith(f"careforce: cannot use {path}: ")
    assert "nested" in line


def test_an_existing_file_as_the_ingestion_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, a_file: Path
) -> None:
    line = _unusable(
        capsys,
        monkeypatch,
        "ingest",
        "ascwds",
        a_file,
        a_file,
        "--reference-date",
        "2022-03-31",
        "--out",
        a_file,
    )
    assert line == f"careforce: cannot use {a_file}: is a file; --out must be a folder"


def test_an_existing_file_as_the_demo_data_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, a_file: Path
) -> None:
    line = _unusable(capsys, monkeypatch, "demo-data", "generate", "--out", a_file)
    assert line.startswith(f"careforce: cannot use {a_file}")


def test_an_existing_file_as_the_projection_report_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, a_file: Path
) -> None:
    line = _unusable(
        capsys, monkeypatch, "projections", "report", "staffordshire-2022-adult", "--out", a_file
    )
    assert line.startswith(f"careforce: cannot use {a_file}: ")


@pytest.mark.parametrize(
    "command",
    [
        ("docs", "ascwds-rules", "--out"),
        ("outcomes", "schema", "framework", "--out"),
        ("projections", "schema", "--out"),
    ],
)
def test_a_folder_as_the_file_to_write(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: tuple[str, ...],
) -> None:
    line = _unusable(capsys, monkeypatch, *command, tmp_path)
    assert line == f"careforce: cannot use {tmp_path}: Is a directory"


def test_an_unreadable_input_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "staff.csv"
    folder.mkdir()
    line = _unusable(
        capsys,
        monkeypatch,
        "ingest",
        "ascwds",
        folder,
        folder,
        "--reference-date",
        "2022-03-31",
        "--out",
        tmp_path / "out",
    )
    assert line.startswith(f"careforce: cannot use {folder}: cannot be read")
    assert not (tmp_path / "out").exists()


def test_an_unreadable_parameter_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "params.toml"
    path.write_bytes(b"\xff\xfe not utf-8 \x80")
    line = _unusable(capsys, monkeypatch, "projections", "run", path)
    assert line.startswith(f"careforce: cannot use {path}: ")
