"""Grouping an area's workplaces into the organisations that run them."""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from careforce.core.organisations.grouping import group_by_provider

pytestmark = pytest.mark.unit


def _establishments(rows: list[tuple[str, str, str, str | None]]) -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            "establishment_id": [r[0] for r in rows],
            "name": [r[1] for r in rows],
            "sector": [r[2] for r in rows],
            "cqc_provider_id": [r[3] for r in rows],
        }
    )


class TestGroupByProvider:
    def test_groups_by_council_provider_and_standalone(self) -> None:
        frame = _establishments(
            [
                ("W1", "Fern Care - Ash Grange", "independent", "1-100"),
                ("W2", "Fern Care - Beech Hall", "independent", "1-100"),
                ("W3", "Staffordshire County Council - Day Centre", "local authority", "1-900"),
                ("W4", "Holly Community Support", "independent", None),
                ("W5", "Oak Homecare Ltd", "independent", "1-200"),
            ]
        )
        result = group_by_provider(frame, council_name="Staffordshire County Council").collect()
        expected = pl.DataFrame(
            {
                "establishment_id": ["W1", "W2", "W3", "W4", "W5"],
                "group_key": ["cqc:1-100", "cqc:1-100", "council", "workplace:W4", "cqc:1-200"],
                "group_name": [
                    "Fern Care",
                    "Fern Care",
                    "Staffordshire County Council",
                    "Holly Community Support",
                    "Oak Homecare Ltd",
                ],
                "group_kind": ["provider", "provider", "council", "provider", "provider"],
            }
        )
        assert_frame_equal(result, expected)

    def test_different_prefixes_fall_back_to_the_first_name(self) -> None:
        frame = _establishments(
            [
                ("A", "Zed Care - One", "independent", "1-5"),
                ("B", "Ash Care - Two", "independent", "1-5"),
            ]
        )
        names = group_by_provider(frame, council_name="C").collect()["group_name"].to_list()
        assert names == ["Ash Care - Two", "Ash Care - Two"]
