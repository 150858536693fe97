"""Charts render to non-empty SVG and PNG, each written with its data table."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from careforce.core.projections import columns as c
from careforce.core.projections.charts import fan_chart
from careforce.io.charts import render_png, render_svg, write_chart

pytestmark = pytest.mark.integration

TABLE = pl.DataFrame(
    {
        c.YEAR: [2023, 2024, 2025],
        c.CENTRAL: [100.0, 200.0, 300.0],
        c.P10: [90.0, 170.0, 250.0],
        c.P50: [101.0, 199.0, 305.0],
        c.P90: [110.0, 230.0, 350.0],
    }
)
SPEC = fan_chart(TABLE, title="Total new staff needed", measure_label="People")


class TestRender:
    def test_svg_has_the_title(self) -> None:
        svg = render_svg(SPEC)
        assert svg.startswith("<svg")
        assert "Total new staff needed" in svg

    def test_png_is_an_image(self) -> None:
        png = render_png(SPEC)
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(png) > 1000


class TestWriteChart:
    def test_writes_table_svg_and_png(self, tmp_path: Path) -> None:
        written = write_chart(tmp_path / "out", "fan-chart", SPEC, TABLE)
        assert [path.name for path in written] == [
            "fan-chart.csv",
            "fan-chart.svg",
            "fan-chart.png",
        ]
        assert all(path.stat().st_size > 0 for path in written)
        assert (tmp_path / "out" / "fan-chart.csv").read_text(encoding="utf-8").splitlines()[0] == (
            "year,central,p10,p50,p90"
        )
