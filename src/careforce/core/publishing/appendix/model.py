"""The built appendix: sections of paragraphs, tables and figures whose numbers are cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from careforce.core.publishing.appendix.cells import Cell


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: its text with the values filled in, and the cells it quotes."""

    text: str
    cells: tuple[Cell, ...] = ()


@dataclass(frozen=True)
class Column:
    """A column of a table: its heading and the measure (and period) it shows."""

    heading: str
    measure_id: str
    period: str | None
    comparator: bool = False


@dataclass(frozen=True)
class Row:
    """A row of a table: its label and one cell per column."""

    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table: title, the heading of its label column, columns, rows, source and notes."""

    key: str
    title: str
    label_heading: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    source: str
    periods: tuple[str, ...]
    notes: tuple[str, ...] = ()
    footnote: int = 0
    """Number of the footnote citing the source (numbered through the appendix)."""

    @property
    def cells(self) -> tuple[Cell, ...]:
        """Every cell of the table, row by row."""
        return tuple(cell for row in self.rows for cell in row.cells)


@dataclass(frozen=True)
class Figure:
    """A chart: its Vega-Lite specification, alt text from its data, and its data table."""

    key: str
    title: str
    description: str
    spec: dict[str, Any]
    table: Table


Block = Paragraph | Table | Figure


@dataclass(frozen=True)
class Missing:
    """Measures a section names that no input holds."""

    section: str
    heading: str
    measures: tuple[str, ...]
    all_missing: bool


@dataclass(frozen=True)
class AppendixSection:
    """A built section."""

    key: str
    heading: str
    part: str | None
    blocks: tuple[Block, ...]
    missing: Missing | None = None


@dataclass(frozen=True)
class Appendix:
    """The built appendix."""

    title: str
    introduction: str | None
    area_code: str
    area_name: str
    period: str
    sections: tuple[AppendixSection, ...]
    missing: tuple[Missing, ...] = field(default=())

    @property
    def tables(self) -> tuple[Table, ...]:
        """Every table, the data tables of figures included, in order."""
        found: list[Table] = []
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, Table):
                    found.append(block)
                elif isinstance(block, Figure):
                    found.append(block.table)
        return tuple(found)

    @property
    def cells(self) -> tuple[Cell, ...]:
        """Every cell the appendix prints (paragraphs and tables)."""
        found: list[Cell] = []
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    found += block.cells
        for table in self.tables:
            found += table.cells
        return tuple(found)
