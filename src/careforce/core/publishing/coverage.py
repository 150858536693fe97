"""The coverage of the returns as every output says it: the share of in-scope registered
locations that returned and of their estimated filled posts, with a warning below a threshold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import polars as pl

from careforce.core.estimates.tables import COVERAGE_LOCATIONS, COVERAGE_POSTS
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    MEASURE_ID,
    PERIOD,
    TOTAL,
    UNIT,
    VALUE,
    Unit,
)

COVERAGE_WARNING: Final = 0.5
"""Below this share of in-scope locations returning, outputs warn that figures of the returns
alone cover less than half the sector and the estimates lean on models (docs/methodology.md)."""


@dataclass(frozen=True)
class CoverageSummary:
    """The coverage of one area and period."""

    area_code: str
    area_name: str
    period: str
    locations_share: float | None
    posts_share: float | None

    @property
    def warning(self) -> str:
        """The warning when fewer locations returned than the threshold, else empty."""
        if self.locations_share is None or self.locations_share >= COVERAGE_WARNING:
            return ""
        return (
            f"Fewer than {COVERAGE_WARNING:.0%} of the area's registered locations returned: "
            "figures of the returns alone cover less than half the sector."
        )

    def sentence(self) -> str:
        """The coverage in one sentence."""
        locations = (
            f"{self.locations_share:.1%}"
            if self.locations_share is not None
            else "an unknown share"
        )
        posts = (
            f" and {self.posts_share:.1%} of their estimated filled posts"
            if self.posts_share is not None
            else ""
        )
        return (
            f"Returns cover {locations} of the in-scope CQC-registered locations{posts} in "
            f"{self.area_name}, {self.period}."
        )

    def table(self) -> pl.DataFrame:
        """The coverage as rows for a download: item, value (a fraction), unit and note."""
        return pl.DataFrame(
            {
                "coverage": [
                    "In-scope registered locations with a return",
                    "Estimated filled posts of those locations given by returns",
                    "Warning",
                ],
                VALUE: [self.locations_share, self.posts_share, None],
                UNIT: [Unit.PROPORTION.value, Unit.PROPORTION.value, None],
                "note": [
                    f"{COVERAGE_LOCATIONS}, {self.area_name}, {self.period}",
                    f"{COVERAGE_POSTS}, {self.area_name}, {self.period}",
                    self.warning or f"None: at least {COVERAGE_WARNING:.0%} of locations returned.",
                ],
            },
            schema={"coverage": pl.String, VALUE: pl.Float64, UNIT: pl.String, "note": pl.String},
        )


def coverage_summaries(table: pl.DataFrame) -> list[CoverageSummary]:
    """The coverage of every area and period of a published table that holds it."""
    shares = table.filter(
        pl.col(MEASURE_ID).is_in([COVERAGE_LOCATIONS, COVERAGE_POSTS])
        & (pl.col(BREAKDOWN) == TOTAL)
    )
    found: dict[tuple[str, str], dict[str, object]] = {}
    for row in shares.sort(AREA_CODE, PERIOD).iter_rows(named=True):
        key = (str(row[AREA_CODE]), str(row[PERIOD]))
        entry = found.setdefault(key, {AREA_NAME: row.get(AREA_NAME) or row[AREA_CODE]})
        entry[row[MEASURE_ID]] = row[VALUE]
    return [
        CoverageSummary(
            area_code=area,
            area_name=str(entry[AREA_NAME]),
            period=period,
            locations_share=_number(entry.get(COVERAGE_LOCATIONS)),
            posts_share=_number(entry.get(COVERAGE_POSTS)),
        )
        for (area, period), entry in found.items()
    ]


def coverage_for(table: pl.DataFrame, *, area_code: str, period: str) -> CoverageSummary | None:
    """The coverage of one area and period, or None when the table does not hold it."""
    for summary in coverage_summaries(
        table.filter((pl.col(AREA_CODE) == area_code) & (pl.col(PERIOD) == period))
    ):
        return summary
    return None


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None
