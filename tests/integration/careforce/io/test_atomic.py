"""Atomic writes: the new file whole, or the old file untouched and no temporary file left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careforce.io import atomic
from careforce.io.atomic import replacing, write_bytes, write_text

pytestmark = pytest.mark.integration


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_write_bytes_creates_folders_and_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.bin"
    write_bytes(target, b"first")
    write_bytes(target, b"second\r\n")
    assert target.read_bytes() == b"second\r\n"
    assert _names(target.parent) == ["out.bin"]


def test_write_text_keeps_line_endings_and_encodes(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_text(target, "a,b\r\né,2\r\n")
    assert target.read_bytes() == "a,b\r\né,2\r\n".encode()
    write_text(target, "x\n", encoding="utf-16")
    assert target.read_bytes() == "x\n".encode("utf-16")


def test_a_failure_while_writing_bytes_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def fail(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space left"):
        write_bytes(target, b"new content, only partly written")
    assert target.read_bytes() == b"old"
    assert _names(tmp_path) == ["out.txt"]


def test_a_failure_before_the_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def fail(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(PermissionError):
        write_text(target, "new")
    assert target.read_bytes() == b"old"
    assert _names(tmp_path) == ["out.txt"]


def test_replacing_gives_a_temporary_path_in_the_same_folder(tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    with replacing(target, keep_suffix=True) as temporary:
        assert temporary.parent == tmp_path
        assert temporary.suffix == ".xlsx"
        assert temporary.exists()
        assert not target.exists()
        temporary.write_bytes(b"workbook")
    assert target.read_bytes() == b"workbook"
    assert _names(tmp_path) == ["book.xlsx"]


def test_an_error_in_the_writer_keeps_the_old_file_and_removes_the_temporary(
    tmp_path: Path,
) -> None:
    target = tmp_path / "data.parquet"
    target.write_bytes(b"old")

    def write_half() -> None:
        with replacing(target) as temporary:
            temporary.write_bytes(b"half a fi")
            raise RuntimeError("writer failed")

    with pytest.raises(RuntimeError, match="writer failed"):
        write_half()
    assert target.read_bytes() == b"old"
    assert _names(tmp_path) == ["data.parquet"]


def test_an_interrupted_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def interrupted() -> None:
        with replacing(target) as temporary:
            temporary.write_bytes(b"ne")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert target.read_bytes() == b"old"
    assert _names(tmp_path) == ["out.txt"]
