"""The outcome charts: small multiples with a panel per series that has a value, every period on
each panel's axis and labels written as the tables write values."""

from __future__ import annotations

import re

import polars as pl
import pytest

from careforce.core.outcomes.charts import PANEL_LABEL_CHARACTERS, VALUE_FORMAT, series_chart
from careforce.io.charts import render_svg

pytestmark = pytest.mark.unit


def _points() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "series": ["A (%)", "A (%)", "B (£)", "B (£)", "C (count)", "C (count)"],
            "period": ["2020/21", "2021/22", "2020/21", "2021/22", "2020/21", "2021/22"],
            "shown_value": [32.2, 33.6, 10.5, None, None, None],
            "shown_lower": [30.0, 31.0, 10.0, None, None, None],
            "shown_upper": [34.0, 35.0, 11.0, None, None, None],
        }
    )


def test_no_panel_for_a_series_without_values() -> None:
    spec = series_chart(_points(), title="t", description="d")
    assert spec["facet"]["sort"] == ["A (%)", "B (£)"]
    assert {row["series"] for row in spec["data"]["values"]} == {"A (%)", "B (£)"}


def test_every_panel_shares_the_periods_and_labels_values_as_tables_do() -> None:
    spec = series_chart(_points(), title="t", description="d")
    line = spec["spec"]["layer"][1]["encoding"]
    assert line["x"]["scale"]["domain"] == ["2020/21", "2021/22"]
    assert line["y"]["axis"]["format"] == VALUE_FORMAT == ",.1~f"


def test_a_panel_of_small_values_labels_its_ticks_apart() -> None:
    # A share near 0% (e.g. a newly mandatory training, 0.02% to 0.06% current): ticks such as
    # 0.02 and 0.04 must not all read "0".
    points = pl.DataFrame(
        {
            "series": ["A (%)", "A (%)", "B (%)", "B (%)"],
            "period": ["2020/21", "2021/22", "2020/21", "2021/22"],
            "shown_value": [0.02, 0.06, 32.2, 35.6],
            "shown_lower": [0.01, 0.04, 30.0, 33.0],
            "shown_upper": [0.03, 0.08, 34.0, 38.0],
        }
    )
    svg = render_svg(series_chart(points, title="t", description="d"))
    labels = re.findall(r"<text[^>]*>([0-9.,]+)</text>", svg)
    assert "0.04" in labels
    assert "34" in labels or "35" in labels
    assert not [label for label in labels if re.fullmatch(r"[0-9.,]*\.[0-9]{3,}", label)]


def test_a_long_panel_label_is_wrapped_never_cut_short() -> None:
    label = "3.1a Level 2 Adult Social Care Certificate completed or in progress (%)"
    points = _points().with_columns(pl.lit(label).alias("series"))
    spec = series_chart(points, title="t", description="d")
    header = spec["facet"]["header"]
    assert header["labelLimit"] == 0
    assert header["labelExpr"] == "split(datum.value, '\\n')"
    (panel,) = spec["facet"]["sort"]
    lines = panel.split("\n")
    assert " ".join(lines) == label
    assert all(len(line) <= PANEL_LABEL_CHARACTERS for line in lines)
    assert len(lines) == 3
