"""Published values as the pages show them, for downloads: rounded per unit, counts whole,
percentages written with a percent sign in CSV and given a percentage format in workbooks."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.publishing.shown import as_shown, as_text, number_formats

pytestmark = pytest.mark.unit


def _frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "numerator": [18255.0, 12.0, None, 40.0],
            "value": [0.3220121381886088, 18255.0, 11.5234, 9.87],
            "lower_ci": [0.30049, 18000.2, 11.1, None],
            "unit": ["proportion", "count", "pounds per hour", "days"],
        }
    )


def test_values_rounded_as_shown_and_counts_whole() -> None:
    shown = as_shown(_frame())
    assert shown["value"].to_list() == [0.322, 18255.0, 11.52, 9.9]
    assert shown["lower_ci"].to_list() == [0.3, 18000.0, 11.1, None]
    assert shown["numerator"].dtype == pl.Int64
    assert shown["numerator"].to_list() == [18255, 12, None, 40]


def test_csv_text_as_the_page_writes_it() -> None:
    text = as_text(_frame())
    assert text["value"].to_list() == ["32.2%", "18255", "11.52", "9.9"]
    assert text["lower_ci"].to_list() == ["30.0%", "18000", "11.1", None]


def test_number_formats_by_unit() -> None:
    frame = as_shown(_frame())
    formats = number_formats(frame)
    picked = frame.select(value=formats["value"], numerator=formats["numerator"])
    assert picked["value"].to_list() == ["percent", "integer", "pounds2", "decimal1"]
    assert picked["numerator"].to_list() == ["integer"] * 4


def test_tables_without_a_unit_are_left_alone() -> None:
    frame = pl.DataFrame({"value": [0.123456]})
    assert as_shown(frame).equals(frame)
    assert number_formats(frame) == {}
