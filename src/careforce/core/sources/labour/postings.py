"""Job postings extracts: one row per posting, in careforce's canonical columns or in a vendor's
own columns mapped onto them by a column-mapping file.

The canonical columns are ``posting_id, title, employer, city, local_authority_code,
posted_date, expiry_date, duplicate_of, soc_code, skills``. Dates are ISO (``2021-09-01``, a
time after the date is ignored) or ``DD/MM/YYYY``. ``duplicate_of`` is empty for an original
(unique) posting, else the ``posting_id`` of the posting it duplicates. ``skills`` are separated
by ``;``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import polars as pl

from careforce.core.sources.labour.common import (
    LabourFileError,
    combined,
    find_column,
    findings,
    header_key,
    ragged_rows,
)
from careforce.core.vocab.ascwds_columns import LINE

FILE: Final = "postings"
"""Name of the source in findings."""

POSTING_ID: Final = "posting_id"
TITLE: Final = "title"
EMPLOYER: Final = "employer"
CITY: Final = "city"
LOCAL_AUTHORITY_CODE: Final = "local_authority_code"
POSTED_DATE: Final = "posted_date"
EXPIRY_DATE: Final = "expiry_date"
DUPLICATE_OF: Final = "duplicate_of"
SOC_CODE: Final = "soc_code"
SKILLS: Final = "skills"

CANONICAL_COLUMNS: Final = (
    POSTING_ID,
    TITLE,
    EMPLOYER,
    CITY,
    LOCAL_AUTHORITY_CODE,
    POSTED_DATE,
    EXPIRY_DATE,
    DUPLICATE_OF,
    SOC_CODE,
    SKILLS,
)
"""The canonical columns of a postings extract, in order."""
REQUIRED_COLUMNS: Final = (POSTING_ID, TITLE, POSTED_DATE, EXPIRY_DATE, DUPLICATE_OF)
"""Columns the measures cannot do without; the others are blank when absent."""

MAPPING_COLUMNS: Final = ("column", "source_column")
"""Columns of a column-mapping file: a canonical column and the extract's header for it."""

SKILL_SEPARATOR: Final = ";"
"""Separator of the skills listed on one posting."""


def column_mapping(table: pl.DataFrame) -> dict[str, str]:
    """The canonical-to-source column mapping of a mapping file's rows.

    Raises:
        LabourFileError: a column of the mapping file is missing, a canonical column is unknown
            or mapped twice.
    """
    for name in MAPPING_COLUMNS:
        if find_column(table, name) is None:
            raise LabourFileError(f"the column-mapping file has no column {name}")
    canonical = find_column(table, MAPPING_COLUMNS[0]) or MAPPING_COLUMNS[0]
    source = find_column(table, MAPPING_COLUMNS[1]) or MAPPING_COLUMNS[1]
    mapping: dict[str, str] = {}
    for row in table.iter_rows(named=True):
        target = row[canonical].strip().lower()
        line = row.get(LINE, "?")
        if not target and not row[source].strip():
            continue
        if target not in CANONICAL_COLUMNS:
            raise LabourFileError(
                f"line {line}, column {canonical}: '{row[canonical]}' is not a postings column "
                f"(one of {', '.join(CANONICAL_COLUMNS)})"
            )
        if target in mapping:
            raise LabourFileError(f"line {line}, column {canonical}: '{target}' is mapped twice")
        mapping[target] = row[source].strip()
    return mapping


def mapped(raw: pl.DataFrame, mapping: Mapping[str, str] | None = None) -> pl.DataFrame:
    """The extract with its columns renamed to the canonical names (blank when absent).

    Raises:
        LabourFileError: a mapped source column or a required column is missing.
    """
    columns: dict[str, pl.Expr] = {}
    missing = []
    for name in CANONICAL_COLUMNS:
        wanted = (mapping or {}).get(name, name)
        found = find_column(raw, wanted)
        if found is None and mapping and name in mapping:
            raise LabourFileError(
                f"the column-mapping file maps {name} to '{wanted}', which the extract does not have"
            )
        if found is None and name in REQUIRED_COLUMNS:
            missing.append(name)
        columns[name] = pl.col(found) if found is not None else pl.lit("")
    if missing:
        raise LabourFileError(
            f"the postings extract has no column(s) {', '.join(missing)}"
            + ("" if mapping else "; give a column-mapping file for a vendor's own headers")
        )
    kept = [c for c in raw.columns if header_key(c) in {"field count"}]
    return raw.select(*(expr.alias(name) for name, expr in columns.items()), pl.col(LINE), *kept)


def parsed_date(column: str) -> pl.Expr:
    """An ISO (time ignored) or DD/MM/YYYY date cell as a date; null when it is neither."""
    text = pl.col(column).str.strip_chars()
    iso = text.str.slice(0, 10).str.strptime(pl.Date, "%Y-%m-%d", strict=False)
    british = text.str.strptime(pl.Date, "%d/%m/%Y", strict=False)
    # A time may follow an ISO date (YYYY-MM-DD, then T or a space); nothing else may.
    iso_shaped = (text.str.slice(4, 1) == "-") & (
        (text.str.len_bytes() == 10) | text.str.slice(10, 1).is_in(["T", " "])
    )
    return pl.when(iso_shaped).then(iso).otherwise(british)


_POSTED = "_posted"
_EXPIRY = "_expiry"
_ID = "_id"
_ORIGINAL = "_original"


def _typed(frame: pl.DataFrame) -> pl.DataFrame:
    """The mapped extract with its dates parsed and its ids trimmed, once for both the checks
    and the canonical postings."""
    return frame.with_columns(
        parsed_date(POSTED_DATE).alias(_POSTED),
        parsed_date(EXPIRY_DATE).alias(_EXPIRY),
        pl.col(POSTING_ID).str.strip_chars().alias(_ID),
        pl.col(DUPLICATE_OF).str.strip_chars().alias(_ORIGINAL),
    )


def checked_postings(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The canonical ``postings`` dataset of a mapped extract and the findings on it (what
    :func:`postings_frame` and :func:`posting_rules` give, with the dates parsed once)."""
    typed = _typed(frame)
    return _canonical(typed), _rules(typed)


def posting_rules(frame: pl.DataFrame) -> pl.DataFrame:
    """Findings on a mapped extract."""
    return _rules(_typed(frame))


def _rules(typed: pl.DataFrame) -> pl.DataFrame:
    identity, original = pl.col(_ID), pl.col(_ORIGINAL)
    # A duplicate_of naming no posting: checked on the distinct ids named, not on every row.
    named = typed.select(original.filter(original != "").unique())
    orphans = named.join(typed.select(identity), left_on=_ORIGINAL, right_on=_ID, how="anti")
    posted, expiry = pl.col(_POSTED), pl.col(_EXPIRY)
    checks = [
        ragged_rows(
            typed.drop(_POSTED, _EXPIRY, _ID, _ORIGINAL), file=FILE, code="POSTINGS-ROW-FIELD-COUNT"
        ),
        findings(
            typed,
            identity == "",
            file=FILE,
            column=POSTING_ID,
            code="POSTINGS-ID-BLANK",
            message="posting_id has not been supplied",
        ),
        findings(
            typed,
            (identity != "") & ~identity.is_first_distinct(),
            file=FILE,
            column=POSTING_ID,
            code="POSTINGS-ID-DUPLICATE",
            message="posting_id is not unique: an earlier row has the same id",
        ),
        findings(
            typed,
            posted.is_null(),
            file=FILE,
            column=POSTED_DATE,
            code="POSTINGS-POSTED-DATE",
            message="posted_date must be a date (YYYY-MM-DD or DD/MM/YYYY)",
        ),
        findings(
            typed,
            (pl.col(EXPIRY_DATE).str.strip_chars() != "") & expiry.is_null(),
            file=FILE,
            column=EXPIRY_DATE,
            code="POSTINGS-EXPIRY-DATE",
            message="expiry_date must be a date (YYYY-MM-DD or DD/MM/YYYY) or blank",
        ),
        findings(
            typed,
            expiry < posted,
            file=FILE,
            column=EXPIRY_DATE,
            code="POSTINGS-EXPIRY-BEFORE-POSTED",
            message="expiry_date is before posted_date",
        ),
        findings(
            typed,
            (original != "") & (original == identity),
            file=FILE,
            column=DUPLICATE_OF,
            code="POSTINGS-DUPLICATE-OF-SELF",
            message="a posting cannot be a duplicate of itself",
        ),
        findings(
            typed,
            original.is_in(orphans.to_series().implode()),
            file=FILE,
            column=DUPLICATE_OF,
            code="POSTINGS-DUPLICATE-OF-UNKNOWN",
            message="duplicate_of names no posting in the extract; the row is still "
            "counted as a duplicate",
            severity="warning",
        ),
    ]
    return combined(checks)


def postings_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The canonical ``postings`` dataset of a mapped extract."""
    return _canonical(_typed(frame))


def _canonical(typed: pl.DataFrame) -> pl.DataFrame:
    skills = (
        pl.col(SKILLS)
        .str.split(SKILL_SEPARATOR)
        .list.eval(pl.element().str.strip_chars())
        .list.filter(pl.element() != "")
    )
    text = [
        pl.col(name).str.strip_chars().alias(name)
        for name in (TITLE, EMPLOYER, CITY, LOCAL_AUTHORITY_CODE, SOC_CODE)
    ]
    original = pl.col(_ORIGINAL)
    return typed.select(
        pl.col(_ID).alias(POSTING_ID),
        *text,
        pl.col(_POSTED).alias(POSTED_DATE),
        pl.col(_EXPIRY).alias(EXPIRY_DATE),
        pl.when(original != "").then(original).alias(DUPLICATE_OF),
        skills.alias(SKILLS),
    )
