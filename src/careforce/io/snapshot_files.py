"""Reading and writing the canonical datasets of snapshots (Parquet, written by validation).

A snapshot's folder is the output of ``ingest_ascwds`` and is never changed once accepted.
When later data replaces part of a snapshot, the part still in force is written to a new
folder for the measures instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.io.atomic import write_bytes
from careforce.io.datasets import check_datasets, dataset_records, read_manifest
from careforce.io.parquet_files import write_parquet

DATASETS = ("establishments", "workers", "training")
"""The canonical datasets of an ASC-WDS snapshot."""
MANIFEST = "manifest.json"
"""The ingestion manifest beside the datasets."""


def dataset_path(directory: Path, name: str) -> Path:
    """Where a dataset of a snapshot folder is."""
    return directory / f"{name}.parquet"


def scan_snapshot_dataset(directory: Path, name: str) -> pl.LazyFrame:
    """A dataset of a snapshot folder, lazily, checked against the folder's manifest.

    Raises:
        FileNotFoundError: the dataset or the manifest is missing.
        careforce.io.datasets.UnusableOutputError: the dataset does not match the manifest.
    """
    path = dataset_path(directory, name)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing")
    check_datasets(directory, read_manifest(directory), (name,))
    return pl.scan_parquet(path)


def read_establishments(directory: Path) -> pl.DataFrame:
    """The establishments dataset of a snapshot folder."""
    return scan_snapshot_dataset(directory, "establishments").collect()


def write_part(source: Path, target: Path, *, establishment_ids: Iterable[str]) -> None:
    """Write the rows of some workplaces of a snapshot folder (with its manifest) to another folder.

    Args:
        source: the snapshot's folder.
        target: the folder to write.
        establishment_ids: the workplaces to keep.
    """
    keep = sorted(set(establishment_ids))
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in DATASETS:
        path = dataset_path(source, name)
        if not path.exists():
            continue
        frame = scan_snapshot_dataset(source, name)
        write_parquet(
            dataset_path(target, name),
            frame.filter(pl.col(E.ESTABLISHMENT_ID).is_in(keep)).collect(),
        )
        written.append(name)
    # The manifest of the part records the part's own datasets, so a reader can check them.
    manifest = read_manifest(source) | dataset_records(target, written)
    write_bytes(target / MANIFEST, (json.dumps(manifest, indent=2) + "\n").encode())


def read_table(path: Path) -> pl.DataFrame:
    """A Parquet table (a published table, for instance)."""
    return pl.read_parquet(path)
