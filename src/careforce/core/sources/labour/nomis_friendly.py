"""Nomis "user-friendly" CSV downloads (the query tool's web download, not the API): a title
line, ``"ONS Crown Copyright Reserved [from Nomis on …]"``, selection lines such as
``"Gender :","Total"`` or ``"Date :","2023"``, a blank line, a header whose first column names
the geography type (``"local authority: district / unitary (as of April 2023)","mnemonic",…``),
the data, then notes below.

Areas are the ``mnemonic`` column's code beside the first column's name, or a first column
written ``E07000192 : Cannock Chase``. The other columns are categories of the dataset's column
dimension (claimant count: the measure, or months; BRES: industries; UK Business Counts: size
bands; ASHE: the statistic); each selection line becomes a dimension. Which dataset a download
is from is told by its title and selections. The result has the columns of the API readers'
observations, so the same measures are computed from it. Nomis's cell markers are kept as
symbols: ``!`` (withheld as unreliable) ``*`` and ``#`` become ``[c]``, ``-`` and ``..``
``[x]``.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.sources.ascwds.findings import FINDINGS_SCHEMA
from careforce.core.sources.labour.common import LabourFileError, combined, findings, number
from careforce.core.sources.labour.nomis import (
    DATE,
    DATE_CODE,
    FILE,
    GEOGRAPHY_CODE,
    GEOGRAPHY_NAME,
    GEOGRAPHY_TYPE,
    MEASURES,
    MISSING,
    STATUS,
    SUPPRESSED,
    SYMBOL,
    VALUE,
    NomisDataset,
)
from careforce.core.vocab.ascwds_columns import LINE

COPYRIGHT: Final = "crown copyright"
"""Words of the second line of every user-friendly download."""
HEADER_SEARCH_LINES: Final = 30
"""Lines searched for the table's header (title, copyright and selections come first)."""

DATASET_WORDS: Final[tuple[tuple[NomisDataset, tuple[str, ...]], ...]] = (
    (NomisDataset.CLAIMANT_COUNT, ("claimant",)),
    (NomisDataset.BUSINESS_COUNTS, ("business counts",)),
    (NomisDataset.BRES, ("business register and employment survey", "bres")),
    (NomisDataset.ASHE, ("annual survey of hours and earnings", "ashe")),
)
"""Words of the title or selections that tell each dataset (checked in this order)."""
COLUMN_DIMENSION: Final[dict[NomisDataset, str]] = {
    NomisDataset.CLAIMANT_COUNT: "measure",
    NomisDataset.BRES: "industry",
    NomisDataset.BUSINESS_COUNTS: "employment_sizeband",
    NomisDataset.ASHE: "item",
}
"""The dimension across the table's columns when the columns are not dates."""
CATEGORY_CODES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "measure": (("claimant count", "1"), ("claimants as a proportion", "2")),
    "employment_sizeband": (
        ("total", "0"),
        ("micro", "10"),
        ("small", "20"),
        ("medium", "30"),
        ("large", "40"),
    ),
}
"""The API code of a column category, by the words its name starts with (case ignored)."""
SUPPRESSED_MARKS: Final = frozenset({"!", "*", "#"})
"""Cell marks of a figure Nomis withholds."""
MISSING_MARKS: Final = frozenset({"", "-", "..", ":"})
"""Cell marks of a figure Nomis does not have."""

CATEGORY: Final = "_category"


def _cells(row: list[str]) -> list[str]:
    return [cell.strip() for cell in row]


def _is_selection(row: list[str]) -> bool:
    cells = [c for c in _cells(row) if c]
    return len(cells) in (1, 2) and cells[0].endswith(":")


def header_index(rows: list[list[str]]) -> int | None:
    """The line index of the table's header in a user-friendly download, or None when the
    rows are not one (no copyright line in the first lines, or no header after it)."""
    top = rows[:HEADER_SEARCH_LINES]
    marked = [i for i, row in enumerate(top) if COPYRIGHT in " ".join(row).lower()]
    if not marked:
        return None
    for index in range(marked[0] + 1, len(top)):
        cells = [c for c in _cells(top[index]) if c]
        if len(cells) >= 2 and not _is_selection(top[index]):
            return index
    return None


def is_friendly(rows: list[list[str]]) -> bool:
    """Whether the rows are a Nomis user-friendly download."""
    return header_index(rows) is not None


def selections(rows: list[list[str]], header: int) -> dict[str, str]:
    """The selection lines above the header (``Gender :`` -> ``Total``), keys in lower case
    with underscores."""
    found: dict[str, str] = {}
    for row in rows[:header]:
        if _is_selection(row):
            cells = [c for c in _cells(row) if c]
            key = "_".join(cells[0].removesuffix(":").strip().lower().split())
            found[key] = cells[1] if len(cells) > 1 else ""
    return found


def dataset_of(rows: list[list[str]], header: int) -> NomisDataset:
    """Which dataset a user-friendly download is from, by the words above its header.

    Raises:
        LabourFileError: when the words name none of the datasets careforce reads.
    """
    text = " ".join(" ".join(row) for row in rows[:header]).lower()
    for dataset, words in DATASET_WORDS:
        if any(word in text for word in words):
            return dataset
    raise LabourFileError(
        "this Nomis download's title names no dataset careforce reads (claimant count, BRES, "
        "UK Business Counts or ASHE)"
    )


def _table(rows: list[list[str]], header: int) -> pl.DataFrame:
    """The data rows below the header until the first blank or one-cell (notes) row, as text
    columns with the file line of each row."""
    names = _cells(rows[header])
    body: list[tuple[int, list[str]]] = []
    for index in range(header + 1, len(rows)):
        cells = _cells(rows[index])
        if len([c for c in cells if c]) < 2:
            break
        body.append((index + 1, cells))
    columns = {
        f"{position}": [cells[position] if position < len(cells) else "" for _, cells in body]
        for position in range(len(names))
    }
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    return frame.with_columns(pl.Series(LINE, [line for line, _ in body], dtype=pl.Int64))


def _code(dimension: str, name: pl.Expr) -> pl.Expr:
    """The API code of a category name, '' when it has none careforce needs."""
    code: pl.Expr = pl.lit("")
    lowered = name.str.to_lowercase().str.strip_chars()
    for start, value in reversed(CATEGORY_CODES.get(dimension, ())):
        code = pl.when(lowered.str.starts_with(start)).then(pl.lit(value)).otherwise(code)
    return code


def _with_band_totals(frame: pl.DataFrame) -> pl.DataFrame:
    """UK Business Counts without a Total column: each area's total of the bands (empty when
    a band is withheld), as the API's size band 0."""
    band = "employment_sizeband"
    if band not in frame.columns or (frame[band] == "0").any():
        return frame
    keys = [c for c in frame.columns if c not in (band, f"{band}_name", VALUE, SYMBOL, LINE)]
    totals = frame.group_by(keys, maintain_order=True).agg(
        pl.when(pl.col(VALUE).is_null().any())
        .then(None)
        .otherwise(pl.col(VALUE).sum())
        .alias(VALUE),
        pl.col(LINE).min(),
    )
    totals = totals.with_columns(
        pl.lit("0").alias(band),
        pl.lit("Total").alias(f"{band}_name"),
        pl.when(pl.col(VALUE).is_null()).then(pl.lit(MISSING)).alias(SYMBOL),
    )
    return pl.concat([frame, totals.select(frame.columns)])


def friendly_observations(rows: list[list[str]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The observations of a user-friendly download (the columns of
    :func:`careforce.core.sources.labour.nomis.observations`) and the findings on it.

    Raises:
        LabourFileError: the rows are not a user-friendly download careforce reads.
    """
    header = header_index(rows)
    if header is None:
        raise LabourFileError("this is not a Nomis user-friendly download (no copyright line)")
    dataset = dataset_of(rows, header)
    chosen = selections(rows, header)
    names = _cells(rows[header])
    table = _table(rows, header)
    mnemonic = next((i for i, n in enumerate(names) if n.lower() == "mnemonic"), None)
    categories = [
        i for i, name in enumerate(names) if i not in (0, mnemonic) and name and name != "%"
    ]
    if not categories:
        raise LabourFileError("the Nomis download's header has no value columns")
    first = pl.col("0")
    split = first.str.split_exact(" : ", 1)
    code = pl.col(str(mnemonic)) if mnemonic is not None else split.struct.field("field_0")
    name = first if mnemonic is not None else split.struct.field("field_1").fill_null(first)
    long = table.select(
        code.str.strip_chars().alias(GEOGRAPHY_CODE),
        name.str.strip_chars().alias(GEOGRAPHY_NAME),
        LINE,
        *[pl.col(str(i)).alias(names[i]) for i in categories],
    ).unpivot(
        index=[GEOGRAPHY_CODE, GEOGRAPHY_NAME, LINE], variable_name=CATEGORY, value_name="_text"
    )
    month = pl.col(CATEGORY).str.strptime(pl.Date, "%B %Y", strict=False)
    dated = long.select(month.is_not_null().all()).item() if long.height else False
    column_dimension = "date" if dated else COLUMN_DIMENSION[dataset]
    date = pl.col(CATEGORY) if dated else pl.lit(chosen.get("date", ""))
    dims = {key: pl.lit(value) for key, value in chosen.items() if key not in ("date", "units")}
    if not dated:
        dims[column_dimension] = pl.col(CATEGORY)
    text = pl.col("_text").str.strip_chars()
    value = number(pl.col("_text"))
    symbol = (
        pl.when(value.is_not_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(text.is_in(list(SUPPRESSED_MARKS)))
        .then(pl.lit(SUPPRESSED))
        .otherwise(pl.lit(MISSING))
    )
    frame = long.select(
        pl.lit(dataset.value).alias("dataset"),
        date.alias(DATE),
        date.alias(DATE_CODE),
        GEOGRAPHY_CODE,
        GEOGRAPHY_NAME,
        pl.lit(names[0]).alias(GEOGRAPHY_TYPE),
        pl.lit(chosen.get("units", "")).alias(MEASURES),
        *[
            expr
            for key, given in dims.items()
            for expr in (_code(key, given).alias(key), given.alias(f"{key}_name"))
        ],
        value.alias(VALUE),
        pl.lit("").alias(STATUS),
        symbol.alias(SYMBOL),
        LINE,
    )
    bad_values = long.filter(
        value.is_null() & ~text.is_in([*SUPPRESSED_MARKS, *MISSING_MARKS])
    ).select(
        pl.lit(FILE).alias("file"),
        pl.col(LINE).alias("line"),
        pl.col(CATEGORY).alias("column"),
        pl.col("_text").alias("value"),
        pl.lit("NOMIS-OBS-VALUE").alias("code"),
        pl.lit("error").alias("severity"),
        pl.lit("a value must be a number or one of Nomis's marks (! * # - ..)").alias("message"),
    )
    found = combined(
        [
            bad_values.match_to_schema(FINDINGS_SCHEMA),
            findings(
                long.unique(LINE, keep="first", maintain_order=True),
                pl.col(GEOGRAPHY_CODE).fill_null("") == "",
                file=FILE,
                column=GEOGRAPHY_CODE,
                code="NOMIS-GEOGRAPHY-CODE-BLANK",
                message="the area has no code (no mnemonic column and no 'CODE : name')",
            ),
        ]
    )
    return _with_band_totals(frame), found
