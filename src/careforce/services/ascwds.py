"""Use case: ingest an ASC-WDS file set into validated, pseudonymised canonical datasets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from careforce import __version__
from careforce.core.sources.ascwds.canonical import Area, Exclusions, canonical_datasets
from careforce.core.sources.ascwds.findings import FileKind
from careforce.core.sources.ascwds.rules import all_rules
from careforce.core.sources.ascwds.skipping import exclude_invalid_rows
from careforce.core.sources.ascwds.validate import FILE_ORDER, FileSet, validate_file_set
from careforce.io.ascwds_files import InputFile, UnusableInputError, read_ascwds_file, sort_file_set
from careforce.io.atomic import replacing_folder
from careforce.io.csv_text import write_csv
from careforce.io.datasets import (
    CHECKSUMS,
    MANIFEST_NAME,
    OUTPUT_DATASETS,
    ROW_COUNTS,
    dataset_records,
)
from careforce.io.parquet_files import write_parquet
from careforce.io.secret_key import load_secret
from careforce.io.spreadsheets import write_findings_workbook
from careforce.io.text_files import write_json, write_json_table

__all__ = ["Area", "IngestResult", "UnusableInputError", "ingest_ascwds"]

Progress = Callable[[str, int, int], None]
"""Called with (step description, steps done, steps in all)."""

_STEPS = ("Reading files", "Validating", "Building canonical datasets", "Writing outputs")


@dataclass(frozen=True)
class IngestResult:
    """What an ingestion produced.

    Attributes:
        manifest: the contents of ``manifest.json``.
        findings: every finding, in file and line order.
        datasets_written: whether the canonical Parquet files were written.
    """

    manifest: dict[str, Any]
    findings: pl.DataFrame
    datasets_written: bool

    @property
    def errors(self) -> int:
        """Number of error findings."""
        return self.findings.filter(pl.col("severity") == "error").height

    @property
    def warnings(self) -> int:
        """Number of warning findings."""
        return self.findings.filter(pl.col("severity") == "warning").height


def _with_guidance(findings: pl.DataFrame) -> pl.DataFrame:
    guidance = {code: found.guidance for code, found in all_rules().items()}
    return findings.with_columns(
        pl.col("code")
        .replace_strict(guidance, default="", return_dtype=pl.String)
        .alias("guidance")
    )


def write_findings_xlsx(
    path: Path, findings: pl.DataFrame, *, reference_date: dt.date | None
) -> None:
    """Write validation findings as the XLSX workbook people download: a cover, then the
    findings with the guidance of each rule (and whatever reference columns they carry)."""
    title = "ASC-WDS validation findings"
    if reference_date is not None:
        title += f", reference date {reference_date.isoformat()}"
    write_findings_workbook(path, _with_guidance(findings), title=title)


def _manifest(
    files: dict[FileKind, InputFile],
    findings: pl.DataFrame,
    *,
    reference_date: dt.date,
    skip_invalid_rows: bool,
    area: Area,
    datasets: dict[str, dict[str, Any]] | None,
) -> dict[str, Any]:
    counts = findings.group_by("file", "severity").len()
    by_file: dict[str, dict[str, int]] = {}
    for file, severity, number in counts.iter_rows():
        by_file.setdefault(file, {})[severity] = number
    return {
        "careforce_version": __version__,
        "source": "ascwds",
        "reference_date": reference_date.isoformat(),
        "area_code": area.code,
        "area_name": area.name,
        "skip_invalid_rows": skip_invalid_rows,
        "inputs": [
            {
                "file": kind.value,
                "name": Path(file.path).name,
                "sha256": file.sha256,
                "bytes": file.size,
                "encoding": file.encoding,
                "rows": file.rows,
                "errors": by_file.get(kind.value, {}).get("error", 0),
                "warnings": by_file.get(kind.value, {}).get("warning", 0),
            }
            for kind, file in sorted(files.items(), key=lambda item: FILE_ORDER[item[0].value])
        ],
        "findings": {
            "error": findings.filter(pl.col("severity") == "error").height,
            "warning": findings.filter(pl.col("severity") == "warning").height,
        },
        ROW_COUNTS: datasets[ROW_COUNTS] if datasets else None,
        CHECKSUMS: datasets[CHECKSUMS] if datasets else None,
    }


OUTPUT_FILES = frozenset(
    {"findings.csv", "findings.json", "findings.xlsx", MANIFEST_NAME}
    | {f"{name}.parquet" for name in OUTPUT_DATASETS}
)
"""The files of an ingestion output folder (a run replaces the folder whole)."""


def _check_out(out: Path) -> None:
    """Refuse an output path that is a file, or a folder holding anything but an earlier
    ingestion's outputs (the run replaces the whole folder)."""
    if out.exists() and not out.is_dir():
        raise UnusableInputError(out, "is a file; --out must be a folder")
    if out.is_dir():
        others = sorted(entry.name for entry in out.iterdir() if entry.name not in OUTPUT_FILES)
        if others:
            raise UnusableInputError(
                out,
                f"holds {others[0]}, which is not an ingestion output; the folder is replaced "
                "whole, so give a new or empty folder",
            )


def ingest_ascwds(
    paths: Sequence[Path],
    *,
    reference_date: dt.date,
    out: Path,
    skip_invalid_rows: bool = False,
    today: dt.date | None = None,
    secret: bytes | None = None,
    area: Area | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Validate an ASC-WDS file set and write findings, a manifest and (when valid) datasets.

    Writes ``findings.csv``, ``findings.json``, ``findings.xlsx`` and ``manifest.json`` always;
    ``establishments.parquet``, ``workers.parquet`` and ``training.parquet`` when there are no
    errors, or with ``skip_invalid_rows`` for the valid rows only. The files are written as one
    set to a temporary folder beside ``out`` that replaces ``out`` at the end, so an interrupted
    run leaves the previous output whole; the manifest records each dataset's rows and SHA-256.

    Raises:
        UnusableInputError: an input cannot be used at all, or ``out`` is a file or a folder
            holding other files; nothing is written.
    """

    def step(index: int) -> None:
        if progress is not None:
            progress(_STEPS[index], index, len(_STEPS))

    _check_out(out)
    step(0)
    files = sort_file_set([read_ascwds_file(Path(p)) for p in paths])
    file_set = FileSet(
        workplace=files[FileKind.WORKPLACE].raw,
        staff=files[FileKind.STAFF].raw,
        training=files[FileKind.TRAINING].raw if FileKind.TRAINING in files else None,
    )
    step(1)
    validation = validate_file_set(
        file_set, reference_date=reference_date, today=today or dt.date.today()
    )
    findings = validation.findings
    has_errors = findings.filter(pl.col("severity") == "error").height > 0
    datasets: dict[str, pl.DataFrame] | None = None
    step(2)
    if not has_errors or skip_invalid_rows:
        exclusions = Exclusions()
        if has_errors:
            exclusions, notes = exclude_invalid_rows(validation)
            findings = (
                pl.concat([findings, notes])
                .with_columns(
                    pl.col("file").replace_strict(FILE_ORDER, return_dtype=pl.Int8).alias("_o")
                )
                .sort("_o", "line", maintain_order=True)
                .drop("_o")
            )
        canonical = canonical_datasets(
            validation,
            reference_date=reference_date,
            today=today or dt.date.today(),
            secret=secret if secret is not None else load_secret(),
            exclusions=exclusions,
            area=area or Area(),
        )
        datasets = {
            "establishments": canonical.establishments,
            "workers": canonical.workers,
            "training": canonical.training,
        }
    step(3)
    with replacing_folder(out) as folder:
        write_csv(folder / "findings.csv", findings)
        write_json_table(folder / "findings.json", findings)
        write_findings_xlsx(folder / "findings.xlsx", findings, reference_date=reference_date)
        for name, frame in (datasets or {}).items():
            write_parquet(folder / f"{name}.parquet", frame)
        manifest = _manifest(
            files,
            findings,
            reference_date=reference_date,
            skip_invalid_rows=skip_invalid_rows,
            area=area or Area(),
            datasets=dataset_records(folder, datasets) if datasets else None,
        )
        write_json(folder / MANIFEST_NAME, manifest)
    return IngestResult(manifest=manifest, findings=findings, datasets_written=datasets is not None)
