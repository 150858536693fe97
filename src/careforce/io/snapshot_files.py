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
from careforce.io.parquet_files import write_parquet

DATASETS = ("establishments", "workers", "training")
"""The canonical datasets of an ASC-WDS snapshot."""
MANIFEST = "manifest.json"
"""The ingestion manifest beside the datasets."""


def dataset_path(directory: Path, name: str) -> Path:
    """Where a dataset of a snapshot folder is."""
    return directory / f"{name}.parquet"


def scan_snapshot_dataset(directory: Path, name: str) -> pl.LazyFrame:
    """A dataset of a snapshot folder, lazily (raises FileNotFoundError when missing)."""
    path = dataset_path(directory, name)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing")
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
    for name in DATASETS:
        path = dataset_path(source, name)
        if not path.exists():
            continue
        frame = pl.scan_parquet(path).filter(pl.col(E.ESTABLISHMENT_ID).is_in(keep)).collect()
        write_parquet(dataset_path(target, name), frame)
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def read_table(path: Path) -> pl.DataFrame:
    """A Parquet table (a published table, for instance)."""
    return pl.read_parquet(path)
