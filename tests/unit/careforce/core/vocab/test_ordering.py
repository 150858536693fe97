"""The natural order of ordinal categories: one source for tables, charts and downloads."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.vocab.ordering import (
    ORDINAL_CATEGORIES,
    category_rank,
    ordered,
    sort_columns,
    sort_key,
)

pytestmark = pytest.mark.unit


def test_age_bands_youngest_first() -> None:
    assert ordered("age_band", ["20-24", "65 and over", "under 20", "35-44"]) == [
        "under 20",
        "20-24",
        "35-44",
        "65 and over",
    ]


def test_years_qualifications_and_sizes_in_natural_order() -> None:
    assert ordered("years_in_role", ["10 years or more", "3 to 9 years", "under 3 years"]) == [
        "under 3 years",
        "3 to 9 years",
        "10 years or more",
    ]
    assert ordered(
        "qualification_level", ["level 4 or above", "entry or level 1", "no relevant qualification"]
    ) == ["no relevant qualification", "entry or level 1", "level 4 or above"]
    assert ordered("size_band", ["large", "micro", "small", "medium"]) == [
        "micro",
        "small",
        "medium",
        "large",
    ]


def test_other_breakdowns_and_unknown_values_alphabetical_after_known() -> None:
    assert ordered("sector", ["local authority", "independent"]) == [
        "independent",
        "local authority",
    ]
    assert ordered("age_group", ["not known", "55 and over", "under 25"]) == [
        "under 25",
        "55 and over",
        "not known",
    ]
    assert category_rank("district", "Tamworth") is None


def test_crossed_breakdowns_group_by_the_first_part_then_natural_order() -> None:
    values = ["local authority/25-54", "independent/under 25", "independent/55 and over"]
    assert sorted(values, key=lambda v: sort_key("sector/age_group", v)) == [
        "independent/under 25",
        "independent/55 and over",
        "local authority/25-54",
    ]


def test_every_ordinal_breakdown_lists_each_category_once() -> None:
    for categories in ORDINAL_CATEGORIES.values():
        assert len(set(categories)) == len(categories)


def test_polars_sort_matches_the_python_order() -> None:
    rows = [
        ("age_group", "55 and over"),
        ("age_group", "under 25"),
        ("age_group", "25-54"),
        ("sector/age_group", "local authority/under 25"),
        ("sector/age_group", "independent/55 and over"),
        ("sector/age_group", "independent/under 25"),
        ("sector", "local authority"),
        ("sector", "independent"),
    ]
    frame = pl.DataFrame(rows, schema=["breakdown", "breakdown_value"], orient="row")
    result = frame.sort(["breakdown", *sort_columns("breakdown", "breakdown_value")]).rows()
    expected = sorted(rows, key=lambda r: (r[0], sort_key(*r)))
    assert result == expected
    assert result[:3] == [
        ("age_group", "under 25"),
        ("age_group", "25-54"),
        ("age_group", "55 and over"),
    ]


def test_bracketed_explanations_do_not_change_a_categorys_rank() -> None:
    bands = ["large (250 or more)", "medium (50 to 249)", "micro (0 to 9)", "small (10 to 49)"]
    expected = ["micro (0 to 9)", "small (10 to 49)", "medium (50 to 249)", "large (250 or more)"]
    assert ordered("size_band", bands) == expected
    frame = pl.DataFrame({"breakdown": ["size_band"] * 4, "value": bands})
    by_columns = frame.sort(sort_columns("breakdown", "value"))["value"].to_list()
    assert by_columns == expected
