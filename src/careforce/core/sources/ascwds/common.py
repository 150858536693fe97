"""Rules and derived columns shared by the three files: row shape and STATUS."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.catalogue import rule
from careforce.core.sources.ascwds.expressions import filled
from careforce.core.sources.ascwds.findings import Check, FileKind, Rule, Severity
from careforce.core.vocab.ascwds_columns import FIELD_COUNT

STATUSES = ("NEW", "UPDATE", "NOCHANGE", "UNCHECKED", "DELETE")
"""STATUS values ASC-WDS accepts (case-insensitive)."""

DELETE = "DELETE"
"""The STATUS that removes a record from the snapshot."""

STATUS_UPPER = "_status"
"""Derived: STATUS upper-cased."""

EMPTY_ROW = "_empty"
"""Derived: true where every field of the row is empty."""

LIVE = "_live"
"""Derived: true where the row is a record of the snapshot (not empty, STATUS not DELETE)."""

EXPECTED_FIELDS = "_expected_fields"
"""Derived: number of columns in the header."""

ROW_ID = "_row"
"""Derived: 0-based position of the row in its file."""


def add_row_state(
    frame: pl.LazyFrame, data_columns: list[str], *, has_status: bool
) -> pl.LazyFrame:
    """Add row position, emptiness, upper-cased STATUS and the live flag."""
    empty = pl.all_horizontal([pl.col(c) == "" for c in data_columns])
    frame = frame.with_row_index(ROW_ID).with_columns(
        empty.alias(EMPTY_ROW), pl.lit(len(data_columns)).alias(EXPECTED_FIELDS)
    )
    if has_status:
        frame = frame.with_columns(pl.col("STATUS").str.to_uppercase().alias(STATUS_UPPER))
        live = ~pl.col(EMPTY_ROW) & (pl.col(STATUS_UPPER) != DELETE)
    else:
        live = ~pl.col(EMPTY_ROW)
    return frame.with_columns(live.alias(LIVE))


_WRONG_FIELD_COUNT = {
    file: rule(
        file,
        Severity.ERROR,
        "ROW-FIELD-COUNT",
        "",
        "The row does not have the same number of fields as the header row",
        guidance="Check for a missing or extra comma, or a value with a comma that is not in quotes.",
    )
    for file in FileKind
}
_EMPTY = {
    file: rule(
        file,
        Severity.WARNING,
        "ROW-EMPTY",
        "",
        "The row is empty and has been ignored",
        guidance="Delete empty rows (spreadsheet exports often add rows of commas at the end).",
    )
    for file in FileKind
}
_STATUS_BLANK = {
    file: rule(
        file,
        Severity.ERROR,
        "STATUS-BLANK",
        "STATUS",
        "STATUS is blank",
        guidance="Give NEW, UPDATE, NOCHANGE, UNCHECKED or DELETE.",
        asc=asc,
    )
    for file, asc in ((FileKind.WORKPLACE, 1020), (FileKind.STAFF, 1040))
}
_STATUS_INVALID = {
    file: rule(
        file,
        Severity.ERROR,
        "STATUS-INVALID",
        "STATUS",
        "The STATUS you have entered is not one of NEW, UPDATE, NOCHANGE, UNCHECKED or DELETE",
        guidance="Give NEW, UPDATE, NOCHANGE, UNCHECKED or DELETE.",
        asc=asc,
    )
    for file, asc in ((FileKind.WORKPLACE, 1020), (FileKind.STAFF, 1040))
}

RULES: tuple[Rule, ...] = (
    *_WRONG_FIELD_COUNT.values(),
    *_EMPTY.values(),
    *_STATUS_BLANK.values(),
    *_STATUS_INVALID.values(),
)
"""The rules declared here, in catalogue order (each rule for every file it applies to)."""


def row_shape_checks(file: FileKind) -> list[Check]:
    """Checks on the shape of a row: its number of fields, and empty rows."""
    return [
        Check(
            _WRONG_FIELD_COUNT[file],
            pl.col(FIELD_COUNT) != pl.col(EXPECTED_FIELDS),
            pl.format("{} fields, header has {}", pl.col(FIELD_COUNT), pl.col(EXPECTED_FIELDS)),
        ),
        Check(_EMPTY[file], pl.col(EMPTY_ROW), pl.lit("")),
    ]


def status_checks(file: FileKind) -> list[Check]:
    """STATUS must be one of the five actions."""
    not_empty = ~pl.col(EMPTY_ROW)
    return [
        Check(_STATUS_BLANK[file], not_empty & (pl.col("STATUS") == ""), pl.col("STATUS")),
        Check(
            _STATUS_INVALID[file],
            not_empty & filled("STATUS") & ~pl.col(STATUS_UPPER).is_in(STATUSES),
            pl.col("STATUS"),
        ),
    ]
