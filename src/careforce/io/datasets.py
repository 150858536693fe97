"""Reading the outputs of ingestion (manifests and Parquet datasets) and small CSV inputs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import polars as pl

from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.io.csv_text import UnreadableFileError, read_csv_table

LINE_NUMBER = "line"
"""Column added by :func:`read_text_table` with ``keep_lines``: the row's line in its file."""


class MissingDatasetError(FileNotFoundError):
    """A directory does not hold the dataset asked for."""


def read_manifest(directory: Path) -> dict[str, Any]:
    """The ``manifest.json`` of an ingestion output directory."""
    path = directory / "manifest.json"
    if not path.exists():
        raise MissingDatasetError(
            f"{directory}: no manifest.json (is it an output of careforce ingest?)"
        )
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def scan_dataset(directory: Path, name: str) -> pl.LazyFrame:
    """A canonical dataset written by ingestion, lazily."""
    path = directory / f"{name}.parquet"
    if not path.exists():
        raise MissingDatasetError(
            f"{directory}: no {name}.parquet (the ingestion found errors; see findings.csv)"
        )
    # Read now rather than scan: hundreds of file sets would otherwise hold hundreds of files open.
    return pl.read_parquet(path).lazy()


def read_text_table(path: Path, *, keep_lines: bool = False) -> pl.DataFrame:
    """A small CSV input (any encoding careforce accepts) as a frame of strings.

    With ``keep_lines`` the frame keeps a ``line`` column: the line of the file each row is on.
    """
    try:
        frame = read_csv_table(path.read_bytes()).frame
    except (OSError, UnreadableFileError) as error:
        raise UnreadableFileError(f"{path}: {error}") from error
    frame = frame.drop(FIELD_COUNT)
    return frame.rename({LINE: LINE_NUMBER}) if keep_lines else frame.drop(LINE)


READ_THREADS = 4
"""Files are read on this many threads (Parquet decoding releases the interpreter lock)."""


def read_snapshots(
    directories: Sequence[Path], names: Sequence[str]
) -> list[tuple[dict[str, Any], dict[str, pl.DataFrame]]]:
    """The manifest and the named datasets of each ingestion output directory, in order."""

    def read_one(directory: Path) -> tuple[dict[str, Any], dict[str, pl.DataFrame]]:
        manifest = read_manifest(directory)
        frames = {name: scan_dataset(directory, name).collect() for name in names}
        return manifest, frames

    with ThreadPoolExecutor(max_workers=READ_THREADS) as pool:
        return list(pool.map(read_one, directories))
