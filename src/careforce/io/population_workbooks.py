"""ONS population workbooks read directly: the mid-year estimates (``myebtablesenglandwales…
.xlsx``, sheet ``MYEB1``: title rows, then ``ladcode23, laname23, country, sex, age,
population_2011`` …) and subnational population projections saved as XLSX (``AREA_CODE,
AREA_NAME, COMPONENT, SEX, AGE_GROUP`` then one column per year).

The header is found by name in the first rows of each sheet (the title rows above it vary), and
the rows below it become text columns with the spreadsheet row each came from, as the CSV
readers give them, so findings name the row.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Final

import openpyxl
import polars as pl

from careforce.core.projections import columns as c
from careforce.io.projection_inputs import InputFileError

HEADER_SEARCH_ROWS: Final = 20
"""How many rows of a sheet are searched for the header (ONS puts one to seven title rows)."""
WORKBOOK_SUFFIXES: Final = (".xlsx", ".xlsm")
"""File names read as workbooks rather than CSV."""


def _text(value: object) -> str:
    """A cell as the CSV files write it: whole numbers without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def is_population_header(cells: list[str]) -> bool:
    """Whether a row is the header of an ONS population layout careforce reads."""
    names = {cell.strip().lower() for cell in cells}
    snpp = {"area_code", "age_group"} <= names
    mye = "age" in names and any(n.startswith("ladcode") for n in names)
    return snpp or (mye and any(n.startswith("population_") for n in names))


def _frame(rows: list[list[str]], header_index: int) -> pl.DataFrame:
    header = rows[header_index]
    names: list[str] = []
    for position, cell in enumerate(header, start=1):
        base = cell.strip() or f"column {position}"
        name, count = base, 1
        while name in names:
            count += 1
            name = f"{base} ({count})"
        names.append(name)
    body = rows[header_index + 1 :]
    lines = list(range(header_index + 2, header_index + 2 + len(body)))
    kept = [(line, row) for line, row in zip(lines, body, strict=True) if any(row)]
    columns = {
        name: [row[i] if i < len(row) else "" for _, row in kept] for i, name in enumerate(names)
    }
    frame = pl.DataFrame(columns, schema=dict.fromkeys(names, pl.String))
    return frame.with_columns(pl.Series(c.SOURCE_LINE, [line for line, _ in kept], dtype=pl.Int64))


def read_population_workbook(path: Path) -> pl.DataFrame:
    """The first sheet of an ONS population workbook that has a population header, as text
    columns plus ``source_line`` (the spreadsheet row).

    Raises:
        InputFileError: the file cannot be read as a workbook, or no sheet has the header.
    """
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        raise InputFileError(path, f"cannot be read as an XLSX workbook ({error})") from None
    try:
        for sheet in book.worksheets:
            rows: list[list[str]] = []
            header_index = None
            for values in sheet.iter_rows(values_only=True):
                rows.append([_text(value) for value in values])
                if header_index is None:
                    if is_population_header(rows[-1]):
                        header_index = len(rows) - 1
                    elif len(rows) >= HEADER_SEARCH_ROWS:
                        break
            if header_index is not None:
                return _frame(rows, header_index)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        raise InputFileError(path, f"cannot be read as an XLSX workbook ({error})") from None
    finally:
        book.close()
    raise InputFileError(
        path,
        "no sheet has an ONS population header (AREA_CODE and AGE_GROUP, or ladcode, age and "
        f"population_YYYY) in its first {HEADER_SEARCH_ROWS} rows",
    )


def is_workbook(path: Path) -> bool:
    """Whether a population file is a workbook (by its name)."""
    return path.suffix.lower() in WORKBOOK_SUFFIXES
