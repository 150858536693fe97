"""The appendix's blocks as the page shows them: paragraphs, GOV.UK tables and charts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from careforce.core.publishing.appendix.model import (
    AppendixSection,
    Figure,
    Paragraph,
    Table,
)
from careforce.web.shared.components import table as govuk_table


@dataclass(frozen=True)
class PageBlock:
    """One block of a section: ``text``, ``table`` or ``chart`` (a chart has its table too)."""

    kind: str
    text: str = ""
    table: dict[str, Any] | None = None
    chart: dict[str, Any] | None = None
    key: str = ""
    source: str = ""


def table_parameters(table: Table, *, caption: str | None = None) -> dict[str, Any]:
    """A table of the appendix as GOV.UK table parameters (numbers right-aligned)."""
    return govuk_table(
        caption=caption or table.title,
        head=[table.label_heading, *(column.heading for column in table.columns)],
        rows=[[row.label, *(cell.text for cell in row.cells)] for row in table.rows],
        numeric=range(1, len(table.columns) + 1),
        caption_size="s",
    )


def _source(table: Table) -> str:
    notes = "".join(f" Note: {note}" for note in table.notes)
    return f"Source: {table.source}. Period: {', '.join(table.periods)}.{notes}"


def page_blocks(section: AppendixSection) -> list[PageBlock]:
    """A section's blocks for the page."""
    blocks: list[PageBlock] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            blocks.append(PageBlock("text", text=block.text))
        elif isinstance(block, Figure):
            blocks.append(
                PageBlock(
                    "chart",
                    text=block.description,
                    chart=block.spec,
                    table=table_parameters(
                        block.table, caption=f"Data of the chart: {block.title}"
                    ),
                    key=block.key,
                    source=_source(block.table),
                )
            )
        elif isinstance(block, Table):
            blocks.append(
                PageBlock(
                    "table", table=table_parameters(block), key=block.key, source=_source(block)
                )
            )
    return blocks
