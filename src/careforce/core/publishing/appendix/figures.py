"""Figures: a chart drawn from its data table (so the two cannot disagree), with alt text
written from the same data."""

from __future__ import annotations

import polars as pl

from careforce.core.labour.charts import bar_chart, line_chart
from careforce.core.publishing.appendix.model import Figure, Table
from careforce.core.publishing.appendix.template import ChartKind, ChartSpec
from careforce.core.publishing.appendix.words import bar_description, line_description
from careforce.core.vocab.published import FRACTION_UNITS


def _percent(table: Table) -> bool:
    return any(cell.unit in FRACTION_UNITS for cell in table.cells)


def figure(spec: ChartSpec, table: Table) -> Figure:
    """The chart of a table: bars of its first column, or lines of its columns over periods."""
    if spec.kind is ChartKind.BAR:
        labels = [row.label for row in table.rows]
        cells = [row.cells[0] for row in table.rows]
        description = bar_description(spec.title, labels, cells)
        value = table.columns[0].heading
        frame = pl.DataFrame(
            {table.label_heading: labels, value: [cell.value for cell in cells]},
            schema={table.label_heading: pl.String, value: pl.Float64},
        )
        chart = bar_chart(
            frame,
            category=table.label_heading,
            value=value,
            title=spec.title,
            description=description,
            percent=_percent(table),
        )
        return Figure(spec.key, spec.title, description, chart, table)
    series = [
        (column.heading, [row.cells[index] for row in table.rows])
        for index, column in enumerate(table.columns)
    ]
    description = line_description(spec.title, series)
    frame = pl.DataFrame(
        {
            table.label_heading: [row.label for row in table.rows],
            **{name: [cell.value for cell in cells] for name, cells in series},
        },
        schema={table.label_heading: pl.String, **{name: pl.Float64 for name, _ in series}},
    )
    chart = line_chart(
        frame,
        x=table.label_heading,
        values=[name for name, _ in series],
        title=spec.title,
        description=description,
        percent=_percent(table),
    )
    return Figure(spec.key, spec.title, description, chart, table)
