"""The demo's summary shows the people beside the posts and names its comparators."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.cli.demo import HEADLINES, _comparator, headline_area

pytestmark = pytest.mark.unit


def test_headcount_follows_filled_posts() -> None:
    ids = [measure_id for measure_id, _, _ in HEADLINES]
    assert ids.index("headcount") == ids.index("filled_posts") + 1


def test_the_comparator_is_named() -> None:
    rows = pl.DataFrame(
        {
            "period": ["2021/22", "2020/21"],
            "comparator_value": [0.104, 0.099],
            "comparator_name": ["West Midlands (April 2022)", "West Midlands (April 2021)"],
        }
    )
    assert _comparator(rows, "proportion") == "10.4% (West Midlands (April 2022))"
    assert _comparator(rows.clear(), "proportion") == ""
    unnamed = rows.with_columns(pl.lit(None, dtype=pl.String).alias("comparator_name"))
    assert _comparator(unnamed, "proportion") == "10.4%"


def test_several_areas_show_the_first_named() -> None:
    table = pl.DataFrame(
        {
            "area_code": ["E10000028", "E06000001", "E10000028"],
            "area_name": ["Staffordshire", "Hartlepool", "Staffordshire"],
            "value": [1.0, 2.0, 3.0],
        }
    )
    shown, title = headline_area(table)
    assert shown["value"].to_list() == [2.0]
    assert title.endswith(
        "of Hartlepool, the first of 2 areas (every area's are in indicators.csv)"
    )
    one = table.filter(pl.col("area_code") == "E10000028")
    assert headline_area(one) == (one, "Headline measures (published, after disclosure control)")
