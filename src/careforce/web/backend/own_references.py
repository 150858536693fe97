"""A provider's own references on its own pages: its staff records by the worker references it
uploaded, and its findings by the workplace and worker references of each line.

The references are read from the organisation's own uploaded files (kept byte for byte, see
:mod:`careforce.web.backend.uploads`) when one of its own users asks, and are shown to no one
else: not to another organisation, not to administrators or analysts, and never in shared data
or in anyone else's download, where the pseudonymous key stays the only identifier of a worker.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl

from careforce.core.sources.ascwds.own_references import (
    LINE_NUMBER,
    LINE_SCHEMA,
    STAFF_SCHEMA,
    WORKER_REFERENCE,
    WORKPLACE_REFERENCE,
    line_references,
    staff_references,
)
from careforce.core.sources.ascwds.validate import RawFile
from careforce.io.ascwds_files import UnusableInputError, parse_ascwds_bytes
from careforce.io.datasets import read_text_table
from careforce.io.downloads import csv_bytes
from careforce.io.raw_files import stored_path
from careforce.io.secret_key import load_secret
from careforce.services.ascwds import write_findings_xlsx
from careforce.web.backend.access import Viewer
from careforce.web.backend.uploads import media_root
from careforce.web.models.accounts.terms import Role
from careforce.web.models.uploads.models import Upload, UploadFile
from careforce.web.models.uploads.terms import FileRole


def sees_own_references(viewer: Viewer, upload: Upload) -> bool:
    """Whether the viewer is a user of the organisation that uploaded the files (or of an
    organisation above it): only they see the references in them."""
    if viewer.role is not Role.PROVIDER or viewer.organisation_id is None:
        return False
    return upload.organisation_id in (viewer.organisation_id, *viewer.subsidiary_ids)


def _raw(upload: Upload, role: FileRole) -> RawFile | None:
    kept = UploadFile.objects.filter(upload=upload, role=role.value).order_by("position").first()
    if kept is None:
        return None
    try:
        data = stored_path(media_root(), kept.stored).read_bytes()
        return parse_ascwds_bytes(data, name=kept.name).raw
    except (OSError, UnusableInputError):
        return None


def own_staff_references(viewer: Viewer, upload: Upload) -> pl.DataFrame:
    """The worker references of the upload's staff records by pseudonymous key (no rows unless
    the viewer sees the upload's own references)."""
    if not sees_own_references(viewer, upload):
        return pl.DataFrame(schema=STAFF_SCHEMA)
    raw = _raw(upload, FileRole.STAFF)
    if raw is None:
        return pl.DataFrame(schema=STAFF_SCHEMA)
    return staff_references(raw, secret=load_secret())


def own_line_references(viewer: Viewer, upload: Upload, file: str) -> pl.DataFrame:
    """The workplace and worker references on each line of one of the upload's files
    (``workplace``, ``staff`` or ``training``; no rows unless the viewer sees them)."""
    if not sees_own_references(viewer, upload) or file not in {r.value for r in FileRole}:
        return pl.DataFrame(schema=LINE_SCHEMA)
    raw = _raw(upload, FileRole(file))
    if raw is None:
        return pl.DataFrame(schema=LINE_SCHEMA)
    return line_references(raw).unique(LINE_NUMBER, keep="first")


def _own_findings(viewer: Viewer, upload: Upload, path: Path) -> pl.DataFrame | None:
    """The findings CSV of an upload read back with the workplace and worker references of each
    line beside its line (None unless the viewer sees the upload's own references)."""
    if not sees_own_references(viewer, upload):
        return None
    findings = read_text_table(path)
    parts = []
    for file in findings["file"].unique(maintain_order=True).to_list():
        part = findings.filter(pl.col("file") == file).with_columns(
            pl.col("line").cast(pl.Int64, strict=False).alias("_line")
        )
        references = own_line_references(viewer, upload, file).rename({LINE_NUMBER: "_line"})
        parts.append(part.join(references, on="_line", how="left", maintain_order="left"))
    if not parts:
        return findings.with_columns(
            pl.lit(None, pl.String).alias(WORKPLACE_REFERENCE),
            pl.lit(None, pl.String).alias(WORKER_REFERENCE),
        ).select(*_FIRST, *(c for c in findings.columns if c not in _FIRST))
    joined = pl.concat(parts, how="diagonal_relaxed").with_columns(
        pl.col(WORKPLACE_REFERENCE, WORKER_REFERENCE).fill_null("")
    )
    return joined.select(*_FIRST, *(c for c in findings.columns if c not in _FIRST))


_FIRST = ("file", "line", WORKPLACE_REFERENCE, WORKER_REFERENCE)
"""The findings download's first columns when it carries the references."""


def own_findings_csv(viewer: Viewer, upload: Upload, path: Path) -> bytes | None:
    """The findings CSV of an upload with the workplace and worker references of each line
    beside its line, for the organisation that uploaded the files (None for anyone else, who
    downloads the findings as they were written)."""
    findings = _own_findings(viewer, upload, path)
    return None if findings is None else csv_bytes(findings)


def own_findings_xlsx(viewer: Viewer, upload: Upload, path: Path) -> bytes | None:
    """The findings workbook of an upload with the same reference columns as its own findings
    CSV (``path`` is the findings CSV), for the organisation that uploaded the files (None for
    anyone else, who downloads the workbook as it was written)."""
    findings = _own_findings(viewer, upload, path)
    if findings is None:
        return None
    findings = findings.with_columns(pl.col("line").cast(pl.Int64, strict=False))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "findings.xlsx"
        write_findings_xlsx(target, findings, reference_date=upload.reference_date)
        return target.read_bytes()
