"""What share of the sector a measure's figures stand on: the coverage of the returns, said
next to every measure when whole-sector estimates are published with the measures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import polars as pl

from careforce.core.indicators.catalogue import Measure
from careforce.core.publishing.coverage import COVERAGE_WARNING, coverage_for
from careforce.core.vocab.published import (
    AREA_CODE,
    BREAKDOWN,
    MEASURE_ID,
    PERIOD,
    TOTAL,
    VALUE,
)
from careforce.web.apps.indicators.presentation import Filters
from careforce.web.backend.downloads import DownloadTable
from careforce.web.backend.publications import Published

ESTIMATES_SOURCE: Final = "estimates"
"""Source of the measures that are whole-sector estimates (the catalogue's word)."""


@dataclass(frozen=True)
class Coverage:
    """The coverage said on a measure's page.

    Attributes:
        text: one sentence on what the figures stand on.
        warning: a warning when coverage is low (empty otherwise).
    """

    text: str
    warning: str


def coverage_download(published: Published, filters: Filters) -> DownloadTable | None:
    """The coverage of the area and period as a table of a download, or None without
    estimates."""
    summary = coverage_for(published.table, area_code=filters.area_code, period=filters.period)
    if summary is None:
        return None
    title = f"Coverage of the returns: {summary.sentence()}"
    return DownloadTable("Coverage", title, summary.table())


def _share(table: pl.DataFrame, measure_id: str, filters: Filters) -> float | None:
    row = table.filter(
        (pl.col(MEASURE_ID) == measure_id)
        & (pl.col(PERIOD) == filters.period)
        & (pl.col(AREA_CODE) == filters.area_code)
        & (pl.col(BREAKDOWN) == TOTAL)
    )
    if row.height == 0:
        return None
    value = row[0, VALUE]
    return float(value) if value is not None else None


def coverage_of(published: Published, measure: Measure, filters: Filters) -> Coverage | None:
    """The coverage to show beside a measure, or None when no estimates are published for the
    period and area."""
    locations = _share(published.table, "coverage_locations_share", filters)
    posts = _share(published.table, "coverage_posts_share", filters)
    if locations is None:
        return None
    posts_text = f" and {posts:.1%} of their estimated filled posts" if posts is not None else ""
    cover = (
        f"Returns cover {locations:.1%} of the in-scope CQC-registered locations{posts_text} "
        f"in {filters.area_name}, {filters.period}."
    )
    if ESTIMATES_SOURCE in measure.sources:
        text = (
            f"{cover} This is a whole-sector estimate: each location's figure is its return, an "
            "earlier or later return carried forward or interpolated, or a model's estimate."
        )
    else:
        text = f"{cover} This measure counts the returns only, not the whole sector."
    warning = ""
    if locations < COVERAGE_WARNING:
        warning = (
            f"Fewer than {COVERAGE_WARNING:.0%} of the area's registered locations returned: "
            "figures of the returns alone cover less than half the sector."
        )
    return Coverage(text, warning)
