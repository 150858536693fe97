"""Suppression of survey groups under 10 respondents, with the secondary cell."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.survey import columns as c
from careforce.core.survey.disclosure import suppress_small_groups

pytestmark = pytest.mark.unit


def table(rows: list[tuple[str, str, int]]) -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            c.BREAKDOWN: [r[0] for r in rows],
            c.GROUP: [r[1] for r in rows],
            c.RESPONDENTS: [r[2] for r in rows],
            c.CHOSEN: [r[2] // 2 for r in rows],
            c.SHARE: [0.5] * len(rows),
            c.EFFECTIVE_N: [float(r[2]) for r in rows],
            c.LOWER: [0.4] * len(rows),
            c.UPPER: [0.6] * len(rows),
        }
    )


class TestSuppressSmallGroups:
    def test_primary_and_secondary(self) -> None:
        rows = [
            ("total", "all", 60),
            ("role_group", "direct-care", 35),
            ("role_group", "managerial-supervisory", 15),
            ("role_group", "other", 9),
            ("sector", "independent", 50),
            ("sector", "local-authority", 10),
        ]
        out = suppress_small_groups(table(rows)).collect()
        assert out.get_column(c.SUPPRESSED).to_list() == [False, False, True, True, False, False]
        assert out.get_column(c.SHARE).to_list() == [0.5, 0.5, None, None, 0.5, 0.5]
        assert out.get_column(c.RESPONDENTS).to_list() == [60, 35, 15, 9, 50, 10]

    def test_two_small_groups_need_no_secondary(self) -> None:
        rows = [("size", "micro", 4), ("size", "small", 5), ("size", "large", 40)]
        out = suppress_small_groups(table(rows)).collect()
        assert out.get_column(c.SUPPRESSED).to_list() == [True, True, False]

    def test_a_small_total_is_withheld(self) -> None:
        out = suppress_small_groups(table([("total", "all", 9)])).collect()
        assert out.get_column(c.SUPPRESSED).to_list() == [True]
