"""The whole-sector estimates configured for the web service (``CAREFORCE_ESTIMATES``): their
folder, and for the partnership's analysts the coverage by service group and the in-scope
locations that have not returned."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import polars as pl
from django.conf import settings

from careforce.io.csv_text import UnreadableFileError
from careforce.io.datasets import read_text_table
from careforce.io.text_files import read_text
from careforce.web.backend.access import NotVisibleError, Viewer

LOCATIONS_FILE: Final = "locations.csv"
"""Every in-scope location's estimate, in an estimates folder."""
NOT_RETURNED_FILE: Final = "not_returned.csv"
"""The in-scope locations without a current return, in an estimates folder."""
MANIFEST_FILE: Final = "estimates_manifest.json"
"""The summary of an estimates run."""


def estimates_folder() -> Path | None:
    """The configured estimates folder when it holds estimates, else None."""
    configured = getattr(settings, "CAREFORCE_ESTIMATES", None)
    if not configured:
        return None
    folder = Path(configured)
    return folder if (folder / LOCATIONS_FILE).is_file() else None


@dataclass(frozen=True)
class ServiceCoverage:
    """Coverage of one service group (or ``all``)."""

    service_group: str
    locations: int
    returned: int
    filled_posts: float
    returned_posts: float

    @property
    def share(self) -> float:
        """Share of the locations with a current return."""
        return self.returned / self.locations if self.locations else 0.0

    @property
    def posts_share(self) -> float:
        """Share of the estimated filled posts given by current returns."""
        return self.returned_posts / self.filled_posts if self.filled_posts else 0.0


@dataclass(frozen=True)
class EstimatedTotals:
    """The whole-sector totals of a run: filled posts and the people holding them."""

    filled_posts: float
    headcount: float | None
    headcount_lower: float | None
    headcount_upper: float | None
    posts_per_person: float | None
    posts_per_person_returned: float | None


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _totals(summary: dict[str, Any]) -> EstimatedTotals | None:
    posts = _number(summary.get("filled_posts_estimate"))
    if posts is None:
        return None
    return EstimatedTotals(
        posts,
        _number(summary.get("headcount_estimate")),
        _number(summary.get("headcount_lower")),
        _number(summary.get("headcount_upper")),
        _number(summary.get("posts_per_person")),
        _number(summary.get("posts_per_person_returned")),
    )


@dataclass(frozen=True)
class EstimatesReport:
    """What the analysts' page shows.

    Attributes:
        available: whether estimates are configured and readable.
        reference_date: the date estimated.
        coverage: by service group, then all.
        not_returned: the in-scope locations without a current return (as in the file).
        warnings: the run's warnings.
        totals: the whole-sector filled posts and people (None in a run's files without them).
        notes: how the run's figures are made (e.g. the headcount's method).
        problem: why no estimates are shown, when ``available`` is false.
    """

    available: bool
    reference_date: str = ""
    coverage: list[ServiceCoverage] = field(default_factory=list)
    not_returned: pl.DataFrame = field(default_factory=pl.DataFrame)
    warnings: list[str] = field(default_factory=list)
    problem: str = ""
    totals: EstimatedTotals | None = None
    notes: list[str] = field(default_factory=list)


def _coverage(locations: pl.DataFrame) -> list[ServiceCoverage]:
    frame = locations.with_columns(
        pl.col("filled_posts").cast(pl.Float64, strict=False).fill_null(0.0),
        (pl.col("source") == "returned").alias("_returned"),
    )
    summary = pl.concat(
        [
            frame.group_by("service_group")
            .agg(
                pl.len().alias("locations"),
                pl.col("_returned").sum().alias("returned"),
                pl.col("filled_posts").sum().alias("posts"),
                pl.col("filled_posts").filter(pl.col("_returned")).sum().alias("returned_posts"),
            )
            .sort("service_group"),
            frame.select(
                pl.lit("all").alias("service_group"),
                pl.len().alias("locations"),
                pl.col("_returned").sum().alias("returned"),
                pl.col("filled_posts").sum().alias("posts"),
                pl.col("filled_posts").filter(pl.col("_returned")).sum().alias("returned_posts"),
            ),
        ],
        how="vertical_relaxed",
    )
    return [
        ServiceCoverage(
            r["service_group"], r["locations"], r["returned"], r["posts"], r["returned_posts"]
        )
        for r in summary.iter_rows(named=True)
    ]


def estimates_report(*, viewer: Viewer) -> EstimatesReport:
    """Coverage by service and the locations that have not returned.

    Raises:
        NotVisibleError: the viewer is not an administrator or a partner analyst.
    """
    if not viewer.sees_partnership_overview:
        raise NotVisibleError("only the partnership's administrators and analysts see this")
    folder = estimates_folder()
    if folder is None:
        return EstimatesReport(available=False, problem="No whole-sector estimates are configured.")
    try:
        locations = read_text_table(folder / LOCATIONS_FILE)
        not_returned = read_text_table(folder / NOT_RETURNED_FILE)
        manifest: dict[str, Any] = json.loads(read_text(folder / MANIFEST_FILE))
    except (OSError, UnreadableFileError, ValueError) as error:
        return EstimatesReport(available=False, problem=f"The estimates cannot be read ({error}).")
    return EstimatesReport(
        available=True,
        reference_date=str(manifest.get("reference_date", "")),
        coverage=_coverage(locations),
        not_returned=not_returned,
        warnings=[str(w) for w in manifest.get("warnings", [])],
        totals=_totals(manifest.get("summary", {})),
        notes=[str(n) for n in manifest.get("notes", [])],
    )
