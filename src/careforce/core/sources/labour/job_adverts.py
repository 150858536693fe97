"""ONS online job advert tables (Textkernel data): "Labour demand volumes by Standard Occupation
Classification (SOC 2020), UK", ``labourdemandbyoccupation.xlsx``.

Tables 2 (local authority), 4 (local authority × SOC 3-digit) and 5 (local authority × SOC
4-digit, quarterly) are read; the header row is found by name (row 5 in the published file),
columns by name in any order, and every period column is read: quarters (``2026Q2``), months
(``2024-01``, ``January 2024`` or a date cell). Cells count new adverts; ``[x]`` (suppressed) is
kept as a symbol. London's single region row has no local authority code and is kept under the
region's name.
"""

from __future__ import annotations

import re
from typing import Final

import polars as pl

from careforce.core.sources.ascwds.findings import FINDINGS_SCHEMA
from careforce.core.sources.labour.common import (
    LabourFileError,
    combined,
    find_column,
    number,
)
from careforce.core.vocab.ascwds_columns import LINE

FILE: Final = "job_adverts"
"""Name of the source in findings."""

HEADER_MARKERS: Final = ("local authority code", "local authority district", "country")
"""Cells that mark the header row of a table."""
SYMBOLS: Final = {"[x]": "[x]", "[c]": "[c]", "[z]": "[z]"}
"""Symbols kept as they are."""

_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}


def period_label(header: str) -> str | None:
    """``2026Q2`` for a quarter, ``YYYY-MM`` for a month, None when the header is no period."""
    text = header.strip()
    if re.fullmatch(r"\d{4} ?Q[1-4]", text):
        return text.replace(" ", "")
    found = re.fullmatch(r"(\d{4})-(\d{2})(-\d{2}( 00:00:00)?)?", text)
    if found:
        return f"{found.group(1)}-{found.group(2)}"
    words = text.lower().split()
    if len(words) == 2 and words[0][:3] in {m[:3] for m in _MONTHS} and words[1].isdigit():
        month = next(n for m, n in _MONTHS.items() if m.startswith(words[0][:3]))
        return f"{words[1]}-{month:02d}"
    return None


def header_row(rows: list[list[str]]) -> int:
    """The index of a table's header row (the first row naming a marker column).

    Raises:
        LabourFileError: when no row does.
    """
    for index, row in enumerate(rows[:20]):
        cells = {cell.strip().lower() for cell in row}
        if cells & set(HEADER_MARKERS):
            return index
    raise LabourFileError("no header row naming 'Local Authority Code' or 'Country' was found")


def advert_rows(raw: pl.DataFrame, *, table: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """New online job adverts by area, occupation and period, and the findings on the table.

    Args:
        raw: the table below its header, as text columns with the row number in ``line``.
        table: the sheet's name (reported in findings).

    Raises:
        LabourFileError: the table has no period columns or no area column.
    """
    periods = {c: label for c in raw.columns if (label := period_label(c)) is not None}
    if not periods:
        raise LabourFileError(f"{table}: no period columns such as 2026Q2 or 2024-01")
    code = find_column(raw, "Local Authority Code", "Country Code")
    name = find_column(raw, "Local Authority District", "Country", "Region")
    region = find_column(raw, "Region")
    if code is None and name is None:
        raise LabourFileError(f"{table}: no Local Authority Code or Country column")
    soc = find_column(raw, "SOC 4 digit code", "SOC 3 digit code", "SOC code")
    soc_label = find_column(raw, "SOC 4 digit label", "SOC 3 digit label", "SOC label")
    area_code = pl.col(code).str.strip_chars() if code else pl.lit("")
    area_name = pl.col(name).str.strip_chars() if name else pl.lit("")
    if region is not None:
        area_name = (
            pl.when(area_name == "").then(pl.col(region).str.strip_chars()).otherwise(area_name)
        )
    occupation = (
        pl.concat_str(
            pl.col(soc).str.strip_chars(), pl.lit(" "), pl.col(soc_label).str.strip_chars()
        )
        if soc and soc_label
        else (pl.col(soc).str.strip_chars() if soc else pl.lit(None, dtype=pl.String))
    )
    base = raw.filter((area_code != "") | (area_name != "")).select(
        area_code.alias("area_code"),
        area_name.alias("area_name"),
        occupation.alias("occupation"),
        pl.col(LINE),
        *periods,
    )
    long = base.unpivot(
        index=["area_code", "area_name", "occupation", LINE],
        variable_name="_column",
        value_name="_cell",
    ).with_columns(
        pl.col("_column").replace_strict(periods).alias("period"),
        number(pl.col("_cell")).alias("value"),
        pl.col("_cell").str.strip_chars().replace_strict(SYMBOLS, default=None).alias("symbol"),
    )
    bad = pl.col("value").is_null() & pl.col("symbol").is_null()
    found = long.filter(bad & (pl.col("_cell").str.strip_chars() != "")).select(
        pl.lit(f"{FILE}:{table}").alias("file"),
        pl.col(LINE).cast(pl.Int64).alias("line"),
        pl.col("_column").alias("column"),
        pl.col("_cell").alias("value"),
        pl.lit("ADVERTS-VALUE").alias("code"),
        pl.lit("error").alias("severity"),
        pl.lit("must be a number of adverts or [x]").alias("message"),
    )
    checks = [found.match_to_schema(FINDINGS_SCHEMA)]
    return long.drop("_column", "_cell"), combined(checks)
