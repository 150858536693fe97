"""The published table: rounded, report years as columns, as the strategy shows it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

import polars as pl

from careforce.core.projections import columns as c
from careforce.core.projections.parameters import ProjectionParameters

ROW_LABELS: Final = {
    c.REQUIREMENT: "Estimated workforce requirement",
    c.EXTRA_DEMAND: "Extra staff needed due to increased demand",
    c.REPLACEMENT: "Replacement of staff leaving the sector",
    c.TOTAL_NEW_STAFF: "Total new staff required",
}
"""Row labels, after the strategy's column headings."""
ALL_GROUPS_LABEL: Final = "All groups"
"""Title of the block summing every group."""


def round_half_up(value: float) -> int:
    """Round to the nearest whole number, halves away from zero (as spreadsheets do)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def format_count(value: float, *, signed: bool) -> str:
    """A rounded count with thousands separators, e.g. ``23,983`` or ``+5,416``."""
    number = round_half_up(value)
    return f"{number:+,}" if signed and number else f"{number:,}"


@dataclass(frozen=True)
class TableBlock:
    """One group's table: a title, a header row and labelled rows of formatted cells."""

    title: str
    header: list[str]
    rows: list[list[str]]


def published_tables(params: ProjectionParameters, frame: pl.DataFrame) -> list[TableBlock]:
    """One table per group (and one for all groups when there are several).

    Every cell is the unrounded value rounded, so a total may differ by one from the sum of its
    rounded parts (the strategy's appendix rounds this way: 16,462 for 2027).

    Args:
        params: the parameters projected.
        frame: their projection (one scenario), without group totals.
    """
    header = ["", f"{params.base_year} (base)", *[str(year) for year in params.report_years]]
    blocks: list[tuple[str, str, float]] = [
        (g.name, g.display_name, g.base_workforce) for g in params.groups
    ]
    if len(params.groups) > 1:
        blocks.append(
            (c.ALL_GROUPS, ALL_GROUPS_LABEL, sum(g.base_workforce for g in params.groups))
        )
    totals = (
        frame.lazy()
        .filter(pl.col(c.YEAR).is_in(params.report_years))
        .group_by(c.YEAR)
        .agg(pl.col(measure).sum() for measure in c.ROW_MEASURES)
        .with_columns(pl.lit(c.ALL_GROUPS).alias(c.GROUP))
    )
    cells = pl.concat(
        [
            frame.lazy()
            .filter(pl.col(c.YEAR).is_in(params.report_years))
            .select(c.GROUP, c.YEAR, *c.ROW_MEASURES),
            totals.select(c.GROUP, c.YEAR, *c.ROW_MEASURES),
        ]
    ).collect()
    values = {
        (group, year, measure): value
        for row in cells.iter_rows(named=True)
        for measure in c.ROW_MEASURES
        for group, year, value in [(row[c.GROUP], row[c.YEAR], row[measure])]
    }
    tables = []
    for name, title, base in blocks:
        rows = []
        for measure in c.ROW_MEASURES:
            first = format_count(base, signed=False) if measure == c.REQUIREMENT else ""
            rows.append(
                [
                    ROW_LABELS[measure],
                    first,
                    *[
                        format_count(values[(name, year, measure)], signed=measure != c.REQUIREMENT)
                        for year in params.report_years
                    ],
                ]
            )
        tables.append(TableBlock(title=title, header=header, rows=rows))
    return tables
