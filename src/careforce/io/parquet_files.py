"""Writing and reading single Parquet files (datasets of ingestion and measures)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from careforce.io.atomic import replacing


def write_parquet(path: Path, frame: pl.DataFrame) -> None:
    """Write a frame as Parquet atomically."""
    with replacing(path) as temporary:
        frame.write_parquet(temporary)


def read_parquet(path: Path) -> pl.DataFrame:
    """Read a Parquet file."""
    return pl.read_parquet(path)
