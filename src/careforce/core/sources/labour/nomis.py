"""Nomis API CSV downloads (``…/dataset/NM_…/data.csv``): claimant count (NM_162_1), BRES
employment by industry (NM_189_1), UK Business Counts (NM_141_1, NM_142_1) and ASHE workplace
earnings (NM_99_1).

Each dimension X of a dataset gives the columns ``X, X_NAME, X_CODE, X_TYPE, X_TYPECODE,
X_SORTORDER``; then ``MEASURES, MEASURES_NAME, OBS_VALUE, OBS_STATUS, OBS_STATUS_NAME, OBS_CONF,
…``. Columns are found by name, in any order, and ``&select=`` downloads with fewer columns are
accepted as long as the code or name of each dimension is there. Which dataset a file is from is
told by its dimensions. A blank value keeps its status as a symbol: ``[c]`` when Nomis says the
figure is suppressed, ``[x]`` when it is missing.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

import polars as pl

from careforce.core.sources.labour.common import (
    LabourFileError,
    combined,
    find_column,
    findings,
    number,
    ragged_rows,
)
from careforce.core.vocab.ascwds_columns import LINE

FILE: Final = "nomis"
"""Name of the source in findings."""


class NomisDataset(StrEnum):
    """The Nomis datasets careforce reads, told apart by their dimensions."""

    CLAIMANT_COUNT = "claimant_count"
    BRES = "bres"
    BUSINESS_COUNTS = "business_counts"
    ASHE = "ashe"


DATASET_DIMENSIONS: Final[dict[NomisDataset, tuple[str, ...]]] = {
    NomisDataset.BUSINESS_COUNTS: ("EMPLOYMENT_SIZEBAND",),
    NomisDataset.BRES: ("INDUSTRY", "EMPLOYMENT_STATUS"),
    NomisDataset.ASHE: ("ITEM", "PAY"),
    NomisDataset.CLAIMANT_COUNT: ("GENDER", "AGE", "MEASURE"),
}
"""Dimensions that identify each dataset (checked in this order: business counts also have
``INDUSTRY``)."""

FIXED: Final = frozenset({"DATE", "GEOGRAPHY", "MEASURES", "OBS_STATUS", "OBS_CONF", "OBS_VALUE"})
"""Columns that every Nomis download has and that are not dataset dimensions."""
SUFFIXES: Final = ("_NAME", "_CODE", "_TYPE", "_TYPECODE", "_SORTORDER")
"""Suffixes of the columns each dimension gives."""

DATE: Final = "date"
DATE_CODE: Final = "date_code"
GEOGRAPHY_CODE: Final = "geography_code"
GEOGRAPHY_NAME: Final = "geography_name"
GEOGRAPHY_TYPE: Final = "geography_type"
MEASURES: Final = "measures"
VALUE: Final = "value"
STATUS: Final = "status"
SYMBOL: Final = "symbol"
"""Canonical columns of ``nomis_observations`` (dimensions add ``<dim>`` and ``<dim>_name``)."""

SUPPRESSED: Final = "[c]"
"""Symbol of a figure Nomis withholds (``OBS_STATUS_NAME`` says it is suppressed)."""
MISSING: Final = "[x]"
"""Symbol of a figure Nomis does not have (``OBS_STATUS`` ``Q``, or a blank value)."""


def dimensions(header: list[str]) -> list[str]:
    """The dataset dimensions of a Nomis header, upper case, in header order."""
    names = [name.strip().upper() for name in header]
    found: list[str] = []
    for name in names:
        base = name
        for suffix in SUFFIXES:
            if name.endswith(suffix):
                base = name.removesuffix(suffix)
                break
        ignored = base in FIXED or base == "URN" or base.startswith("RECORD")
        if base and not ignored and base not in found:
            found.append(base)
    return found


def dataset_of(header: list[str]) -> NomisDataset:
    """Which dataset a download is from.

    Raises:
        LabourFileError: when the dimensions match none of the datasets careforce reads.
    """
    present = set(dimensions(header))
    for dataset, needed in DATASET_DIMENSIONS.items():
        if set(needed) <= present:
            return dataset
    raise LabourFileError(
        "this is not a Nomis claimant count, BRES, UK Business Counts or ASHE download "
        f"(dimensions found: {', '.join(sorted(present)) or 'none'})"
    )


def _text(frame: pl.DataFrame, *names: str) -> pl.Expr:
    column = find_column(frame, *names)
    return pl.col(column) if column is not None else pl.lit("")


def observations(raw: pl.DataFrame, header: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The canonical observations of a Nomis download and the findings on it.

    Args:
        raw: the file as text columns with the line each row starts on.
        header: the file's header row.

    Returns:
        The observations (dataset, date, geography, each dimension's code and name, value,
        status, symbol, line) and the findings.

    Raises:
        LabourFileError: the file is not a Nomis download careforce reads.
    """
    dataset = dataset_of(header)
    value_column = find_column(raw, "OBS_VALUE")
    geography = find_column(raw, "GEOGRAPHY_CODE")
    when = find_column(raw, "DATE_NAME", "DATE")
    if value_column is None or geography is None or when is None:
        raise LabourFileError(
            "the Nomis download must have the columns OBS_VALUE, GEOGRAPHY_CODE and DATE_NAME"
        )
    status_name = _text(raw, "OBS_STATUS_NAME").str.to_lowercase()
    value = number(pl.col(value_column))
    blank = pl.col(value_column).str.strip_chars() == ""
    symbol = (
        pl.when(~blank)
        .then(pl.lit(None, dtype=pl.String))
        .when(status_name.str.contains("suppress"))
        .then(pl.lit(SUPPRESSED))
        .otherwise(pl.lit(MISSING))
    )
    dims = []
    for dim in dimensions(header):
        code = find_column(raw, dim, f"{dim}_CODE")
        name = find_column(raw, f"{dim}_NAME")
        dims.append((pl.col(code) if code else pl.lit("")).alias(dim.lower()))
        dims.append((pl.col(name) if name else pl.lit("")).alias(f"{dim.lower()}_name"))
    frame = raw.select(
        pl.lit(dataset.value).alias("dataset"),
        pl.col(when).alias(DATE),
        _text(raw, "DATE_CODE", "DATE").alias(DATE_CODE),
        pl.col(geography).alias(GEOGRAPHY_CODE),
        _text(raw, "GEOGRAPHY_NAME").alias(GEOGRAPHY_NAME),
        _text(raw, "GEOGRAPHY_TYPE").alias(GEOGRAPHY_TYPE),
        _text(raw, "MEASURES", "MEASURES_NAME").alias(MEASURES),
        *dims,
        value.alias(VALUE),
        _text(raw, "OBS_STATUS").alias(STATUS),
        symbol.alias(SYMBOL),
        pl.col(LINE),
    )
    found = combined(
        [
            ragged_rows(raw, file=FILE, code="NOMIS-ROW-FIELD-COUNT"),
            findings(
                raw,
                ~blank & value.is_null(),
                file=FILE,
                column=value_column,
                code="NOMIS-OBS-VALUE",
                message="OBS_VALUE must be a number or blank",
            ),
            findings(
                raw,
                pl.col(geography).str.strip_chars() == "",
                file=FILE,
                column=geography,
                code="NOMIS-GEOGRAPHY-CODE-BLANK",
                message="GEOGRAPHY_CODE has not been supplied",
            ),
        ]
    )
    return frame, found
