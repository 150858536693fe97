"""Reading the outputs of ingestion (manifests and Parquet datasets) and small CSV inputs.

An ingestion output folder is one set: ``manifest.json`` records the row count
(``datasets``) and SHA-256 (``dataset_checksums``) of each Parquet dataset written beside it, and
a reader refuses a folder whose datasets do not match its manifest (:class:`UnusableOutputError`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import polars as pl

from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.io.csv_text import UnreadableFileError, read_csv_table

LINE_NUMBER = "line"
"""Column added by :func:`read_text_table` with ``keep_lines``: the row's line in its file."""


OUTPUT_DATASETS = ("establishments", "workers", "training")
"""The canonical datasets an ingestion output folder may hold."""
MANIFEST_NAME = "manifest.json"
"""The manifest of an ingestion output folder."""
ROW_COUNTS = "datasets"
"""Manifest key: each dataset written and its row count (``null`` when none was written)."""
CHECKSUMS = "dataset_checksums"
"""Manifest key: each dataset written and the SHA-256 of its Parquet file."""


class MissingDatasetError(FileNotFoundError):
    """A directory does not hold the dataset asked for."""


class UnusableOutputError(ValueError):
    """An ingestion output folder cannot be used: its manifest is missing, invalid or does not
    match its datasets, or a dataset is not a readable Parquet file."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parquet_rows(path: Path) -> int:
    """The number of rows of a Parquet file (raises :class:`UnusableOutputError` when it is not
    a readable Parquet file, a truncated one for instance)."""
    try:
        rows: int = pl.scan_parquet(path).select(pl.len()).collect().item()
    except (OSError, pl.exceptions.PolarsError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise UnusableOutputError(f"{path}: not a readable Parquet file ({message})") from error
    return rows


def dataset_records(directory: Path, names: Iterable[str]) -> dict[str, dict[str, Any]]:
    """What a manifest records of the named datasets of a folder: ``{ROW_COUNTS: {name: rows},
    CHECKSUMS: {name: sha256}}``."""
    names = list(names)
    return {
        ROW_COUNTS: {name: parquet_rows(directory / f"{name}.parquet") for name in names},
        CHECKSUMS: {name: _sha256(directory / f"{name}.parquet") for name in names},
    }


def _recorded(directory: Path, manifest: dict[str, Any]) -> tuple[dict[str, int], dict[str, str]]:
    counts, checksums = manifest.get(ROW_COUNTS, "missing"), manifest.get(CHECKSUMS)
    if counts is None:
        return {}, {}
    if (
        not isinstance(counts, dict)
        or not isinstance(checksums, dict)
        or set(counts) != set(checksums)
        or not set(counts) <= set(OUTPUT_DATASETS)
        or not all(isinstance(n, int) and not isinstance(n, bool) for n in counts.values())
        or not all(isinstance(s, str) for s in checksums.values())
    ):
        raise UnusableOutputError(
            f"{directory}: {MANIFEST_NAME} does not record the datasets' row counts and "
            "SHA-256 (is it an output of this version of careforce ingest?)"
        )
    return counts, checksums


def check_datasets(directory: Path, manifest: dict[str, Any], names: Iterable[str] = ()) -> None:
    """Refuse a folder whose datasets do not match its manifest.

    Args:
        directory: the ingestion output folder.
        manifest: its manifest.
        names: the datasets to check (all the manifest lists when empty); a dataset the manifest
            does not list must not be in the folder.

    Raises:
        UnusableOutputError: one line naming the folder and the mismatch.
    """
    counts, checksums = _recorded(directory, manifest)
    for name in list(names) or OUTPUT_DATASETS:
        path = directory / f"{name}.parquet"
        if name not in counts:
            if path.exists():
                raise UnusableOutputError(
                    f"{directory}: {path.name} is not in {MANIFEST_NAME} (a mix of two runs?)"
                )
            continue
        if not path.is_file():
            raise UnusableOutputError(
                f"{directory}: {MANIFEST_NAME} lists {path.name} but it is missing"
            )
        if _sha256(path) != checksums[name]:
            raise UnusableOutputError(
                f"{directory}: {path.name} does not match the SHA-256 in {MANIFEST_NAME} "
                "(changed or from another run)"
            )
        rows = parquet_rows(path)
        if rows != counts[name]:
            raise UnusableOutputError(
                f"{directory}: {path.name} has {rows} rows, {MANIFEST_NAME} says {counts[name]}"
            )


def read_manifest(directory: Path) -> dict[str, Any]:
    """The ``manifest.json`` of an ingestion output directory.

    Raises:
        MissingDatasetError: there is no manifest.
        UnusableOutputError: the manifest is not readable JSON of an object.
    """
    path = directory / MANIFEST_NAME
    if not path.exists():
        raise MissingDatasetError(
            f"{directory}: no {MANIFEST_NAME} (is it an output of careforce ingest?)"
        )
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise UnusableOutputError(f"{path}: not a readable manifest ({error})") from error
    if not isinstance(loaded, dict):
        raise UnusableOutputError(f"{path}: not a manifest (a JSON object is expected)")
    return loaded


def scan_dataset(directory: Path, name: str) -> pl.LazyFrame:
    """A canonical dataset written by ingestion, lazily."""
    path = directory / f"{name}.parquet"
    if not path.exists():
        raise MissingDatasetError(
            f"{directory}: no {name}.parquet (the ingestion found errors; see findings.csv)"
        )
    # Read now rather than scan: hundreds of file sets would otherwise hold hundreds of files open.
    try:
        return pl.read_parquet(path).lazy()
    except (OSError, pl.exceptions.PolarsError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise UnusableOutputError(f"{path}: not a readable Parquet file ({message})") from error


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
    """The manifest and the named datasets of each ingestion output directory, in order.

    Raises:
        MissingDatasetError: a folder has no manifest or lacks a dataset asked for.
        UnusableOutputError: a folder's datasets do not match its manifest.
    """

    def read_one(directory: Path) -> tuple[dict[str, Any], dict[str, pl.DataFrame]]:
        manifest = read_manifest(directory)
        for name in names:
            if not (directory / f"{name}.parquet").exists() and manifest.get(ROW_COUNTS) is None:
                scan_dataset(directory, name)  # the usual message: no datasets were written
        check_datasets(directory, manifest, names)
        frames = {name: scan_dataset(directory, name).collect() for name in names}
        return manifest, frames

    with ThreadPoolExecutor(max_workers=READ_THREADS) as pool:
        return list(pool.map(read_one, directories))
