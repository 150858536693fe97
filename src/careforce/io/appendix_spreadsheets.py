"""The appendix's spreadsheet release, after the Analysis Function's "Releasing statistics in
spreadsheets": a cover sheet, a contents sheet, a notes sheet, then one table per sheet with
a single header row, no merged cells and no blank rows; notes marked ``[note n]`` in titles;
sheet names in words, no longer than 31 characters; every number stored as a number with the
format that shows it as the page does, and a GSS symbol as text where there is no number.
"""

from __future__ import annotations

import re
from typing import Final

import polars as pl

from careforce.core.publishing.appendix.model import Appendix, Table
from careforce.core.vocab.published import SYMBOL_NOTES
from careforce.io.spreadsheets import SHEET_NAME_LIMIT, Sheet, Workbook

COVER: Final = "Cover"
CONTENTS: Final = "Contents"
NOTES: Final = "Notes"
_NOT_IN_NAMES: Final = re.compile(r"[\[\]:*?/\\]")
"""Characters spreadsheet programs refuse in sheet names."""


def sheet_name(table: Table, taken: set[str]) -> str:
    """A sheet name in words from the table's key (``pay-by-sector`` → ``Pay by sector``),
    at most 31 characters and unique in the workbook."""
    words = _NOT_IN_NAMES.sub(" ", table.key.replace("-", " ")).strip()
    base = (words[:1].upper() + words[1:])[:SHEET_NAME_LIMIT].strip() or "Table"
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" {number}"
        name = base[: SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix
        number += 1
    taken.add(name.lower())
    return name


def table_frame(table: Table, *, as_text: bool = False) -> pl.DataFrame:
    """A table as a frame: its label column, then one column per column of the table, holding
    numbers at the precision shown (or the text shown, symbols included, when ``as_text``)."""
    data: dict[str, list[object]] = {table.label_heading: [row.label for row in table.rows]}
    schema: dict[str, pl.DataType] = {table.label_heading: pl.String()}
    for index, column in enumerate(table.columns):
        heading = column.heading
        while heading in data:
            heading += " "
        cells = [row.cells[index] for row in table.rows]
        data[heading] = [cell.text if as_text else cell.value for cell in cells]
        schema[heading] = pl.String() if as_text else pl.Float64()
    return pl.DataFrame(data, schema=schema)


def _per_row(texts: list[str | None]) -> pl.Expr:
    return pl.lit(pl.Series(texts, dtype=pl.String))


def _column_formats(table: Table, frame: pl.DataFrame) -> dict[str, pl.Expr]:
    """Each numeric column's number format, row by row (by each cell's unit)."""
    return {
        heading: _per_row([row.cells[index].number_format for row in table.rows])
        for index, heading in enumerate(frame.columns[1:])
    }


def _symbols(table: Table, frame: pl.DataFrame) -> dict[str, pl.Expr]:
    """Each numeric column's symbols, row by row, where a cell has no number."""
    return {
        heading: _per_row(
            [
                row.cells[index].text if row.cells[index].value is None else None
                for row in table.rows
            ]
        )
        for index, heading in enumerate(frame.columns[1:])
    }


def appendix_workbook(appendix: Appendix) -> Workbook:
    """The appendix's tables as a workbook: cover, contents, notes, one sheet per table."""
    taken = {COVER.lower(), CONTENTS.lower(), NOTES.lower()}
    notes: list[str] = []
    sheets: list[Sheet] = []
    contents: list[dict[str, str]] = []
    for table in appendix.tables:
        name = sheet_name(table, taken)
        markers = []
        for note in table.notes:
            notes.append(note)
            markers.append(f"[note {len(notes)}]")
        title = " ".join([f"{table.title}, {appendix.area_name}", *markers])
        frame = table_frame(table)
        sheets.append(
            Sheet(
                name=name,
                title=title,
                lines=(
                    f"Source: {table.source}.",
                    f"Period: {', '.join(table.periods)}.",
                    "Cells without a number hold a symbol: see the cover sheet.",
                ),
                table=frame,
                formats=_column_formats(table, frame),
                symbols=_symbols(table, frame),
            )
        )
        contents.append(
            {
                "Sheet name": name,
                "Table title": title,
                "Period": ", ".join(table.periods),
                "Source": table.source,
            }
        )
    cover = Sheet(
        name=COVER,
        title=f"{appendix.title}: {appendix.area_name}, {appendix.period}",
        lines=(
            "The tables of the annual data appendix, one per sheet; the contents sheet lists them.",
            "Numbers are shown as in the appendix: percentages to one decimal place, counts "
            "rounded as published, pay in pounds.",
            "Notes are marked [note n] in table titles and explained on the notes sheet.",
            *(f"{symbol.value}: {meaning}" for symbol, meaning in SYMBOL_NOTES.items()),
        ),
    )
    contents_sheet = Sheet(
        name=CONTENTS,
        title="Contents",
        lines=("Each table is on its own sheet.",),
        table=pl.DataFrame(
            contents,
            schema=dict.fromkeys(("Sheet name", "Table title", "Period", "Source"), pl.String),
        ),
    )
    notes_sheet = Sheet(
        name=NOTES,
        title="Notes",
        lines=("Notes referred to as [note n] in the table titles.",),
        table=pl.DataFrame(
            {
                "Note number": [f"note {n}" for n in range(1, len(notes) + 1)],
                "Note text": notes,
            },
            schema={"Note number": pl.String, "Note text": pl.String},
        ),
    )
    return Workbook([cover, contents_sheet, notes_sheet, *sheets])
