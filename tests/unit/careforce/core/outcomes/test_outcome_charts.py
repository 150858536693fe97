"""The outcome charts: small multiples with a panel per series that has a value, every period on
each panel's axis and labels written as the tables write values."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.outcomes.charts import PANEL_LABEL_CHARACTERS, VALUE_FORMAT, series_chart

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
