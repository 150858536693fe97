"""The coverage of the returns as outputs say it, with the warning below 50% of locations."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.publishing.coverage import coverage_for, coverage_summaries

pytestmark = pytest.mark.unit


def _table(locations: float, posts: float | None) -> pl.DataFrame:
    rows = [("coverage_locations_share", locations), ("coverage_posts_share", posts)]
    return pl.DataFrame(
        {
            "measure_id": [m for m, _ in rows] + ["coverage_locations_share"],
            "period": ["2021/22", "2021/22", "2021/22"],
            "area_code": ["E10000028", "E10000028", "E10000028"],
            "area_name": ["Staffordshire"] * 3,
            "breakdown": ["total", "total", "service_group"],
            "value": [v for _, v in rows] + [0.1],
        },
        schema_overrides={"value": pl.Float64},
    )


class TestCoverageSummaries:
    def test_shares_and_no_warning_at_half(self) -> None:
        (summary,) = coverage_summaries(_table(0.5, 0.62))
        assert (summary.locations_share, summary.posts_share) == (0.5, 0.62)
        assert summary.warning == ""
        assert summary.sentence() == (
            "Returns cover 50.0% of the in-scope CQC-registered locations and 62.0% of their "
            "estimated filled posts in Staffordshire, 2021/22."
        )

    def test_warning_below_half(self) -> None:
        summary = coverage_for(_table(0.443, None), area_code="E10000028", period="2021/22")
        assert summary is not None
        assert summary.warning.startswith("Fewer than 50% of the area's registered locations")
        table = summary.table()
        assert table["value"].to_list() == [0.443, None, None]
        assert table["note"][2] == summary.warning

    def test_nothing_without_coverage(self) -> None:
        assert coverage_for(_table(0.5, 0.6), area_code="E10000028", period="2020/21") is None
