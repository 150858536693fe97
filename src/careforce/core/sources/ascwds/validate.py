"""Validate an ASC-WDS file set: every field rule, then every cross-file rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from careforce.core.sources.ascwds.common import add_row_state
from careforce.core.sources.ascwds.cross_file import (
    add_staff_keys,
    staff_cross_findings,
    training_cross_findings,
    workplace_cross_findings,
)
from careforce.core.sources.ascwds.findings import FINDINGS_SCHEMA, FileKind, findings_for
from careforce.core.sources.ascwds.headers import TRAINING_HEADER, qualification_numbers
from careforce.core.sources.ascwds.staff import staff_checks
from careforce.core.sources.ascwds.staff_common import add_staff_columns
from careforce.core.sources.ascwds.training import add_training_columns, training_checks
from careforce.core.sources.ascwds.workplace import workplace_checks
from careforce.core.sources.ascwds.workplace_common import add_workplace_columns
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE

FILE_ORDER = {FileKind.WORKPLACE.value: 0, FileKind.STAFF.value: 1, FileKind.TRAINING.value: 2}
"""Findings are listed workplace file first, then staff, then training."""


@dataclass(frozen=True)
class RawFile:
    """One uploaded file as text: every value a trimmed string.

    Attributes:
        kind: which of the three files it is.
        name: the file's name, for messages.
        frame: one column per header name, plus the physical start line of each row and the
            number of fields the row had.
    """

    kind: FileKind
    name: str
    frame: pl.DataFrame

    @property
    def data_columns(self) -> list[str]:
        """The columns that came from the file's header, named as careforce names them
        (without surrounding spaces, upper case)."""
        return [c.strip().upper() for c in self.frame.columns if c not in (LINE, FIELD_COUNT)]


@dataclass(frozen=True)
class FileSet:
    """The files of one upload: workplace and staff are required, training is optional."""

    workplace: RawFile
    staff: RawFile
    training: RawFile | None = None


@dataclass(frozen=True)
class Validation:
    """What validation found, with the prepared frames canonical output is built from.

    Attributes:
        findings: one row per finding, ordered by file, line and column.
        workplace: the workplace rows with derived columns.
        staff: the staff rows with derived columns and keys.
        training: the training rows with derived columns (empty when there is no training file).
    """

    findings: pl.DataFrame
    workplace: pl.DataFrame
    staff: pl.DataFrame
    training: pl.DataFrame
    staff_columns: frozenset[str]


def _upper_names(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.rename(
        {c: c.strip().upper() for c in frame.columns if c not in (LINE, FIELD_COUNT)}
    )


def prepare_workplace(raw: RawFile) -> pl.LazyFrame:
    """Workplace rows with row state and derived columns."""
    frame = _upper_names(raw.frame).lazy()
    return add_workplace_columns(add_row_state(frame, raw.data_columns, has_status=True))


def prepare_staff(raw: RawFile) -> pl.LazyFrame:
    """Staff rows with row state, derived columns and snapshot keys."""
    frame = _upper_names(raw.frame)
    prepared = add_staff_columns(add_row_state(frame.lazy(), raw.data_columns, has_status=True))
    return add_staff_keys(prepared, set(frame.columns))


def prepare_training(raw: RawFile | None) -> pl.LazyFrame:
    """Training rows with row state and derived columns (no rows without a training file)."""
    if raw is None:
        frame = pl.DataFrame(
            {**{c: [] for c in TRAINING_HEADER}, LINE: [], FIELD_COUNT: []},
            schema={
                **dict.fromkeys(TRAINING_HEADER, pl.String),
                LINE: pl.Int64,
                FIELD_COUNT: pl.Int64,
            },
        )
        columns = list(TRAINING_HEADER)
    else:
        frame = _upper_names(raw.frame)
        columns = raw.data_columns
    return add_training_columns(add_row_state(frame.lazy(), columns, has_status=False))


def validate_file_set(files: FileSet, *, reference_date: dt.date, today: dt.date) -> Validation:
    """Apply every field rule and every cross-file rule to a file set.

    Args:
        files: the workplace, staff and (optional) training files.
        reference_date: the snapshot date (ages are measured at it).
        today: the date against which 'in the future' is judged.

    Returns:
        The findings and the prepared frames.
    """
    staff_columns = set(files.staff.data_columns)
    workplace, staff, training = pl.collect_all(
        [
            prepare_workplace(files.workplace),
            prepare_staff(files.staff),
            prepare_training(files.training),
        ]
    )
    numbers = qualification_numbers(list(staff_columns))
    parts = [
        findings_for(workplace.lazy(), workplace_checks()),
        workplace_cross_findings(workplace.lazy(), staff.lazy()),
        findings_for(
            staff.lazy(),
            staff_checks(staff_columns, numbers, reference_date=reference_date, today=today),
        ),
        staff_cross_findings(workplace.lazy(), staff.lazy(), staff_columns),
    ]
    if files.training is not None:
        parts += [
            findings_for(training.lazy(), training_checks(today=today)),
            training_cross_findings(workplace.lazy(), staff.lazy(), training.lazy()),
        ]
    findings = (
        pl.concat(parts, how="vertical")
        .with_columns(
            pl.col("file").replace_strict(FILE_ORDER, return_dtype=pl.Int8).alias("_order")
        )
        .sort("_order", "line", "column", "code", maintain_order=True)
        .drop("_order")
        .collect()
        .match_to_schema(FINDINGS_SCHEMA)
    )
    return Validation(findings, workplace, staff, training, frozenset(staff_columns))
