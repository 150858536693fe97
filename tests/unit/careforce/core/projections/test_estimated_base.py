"""The projection base from the whole-sector estimates."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.projections.estimated_base import with_estimated_base

pytestmark = pytest.mark.unit


def _rows(rows: list[tuple[str, str, str, float | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "measure_id": m,
                "period": p,
                "area_code": "E10000028",
                "breakdown": "total",
                "breakdown_value": "all",
                "value": v,
                "line": i + 2,
            }
            for i, (m, p, _, v) in enumerate(rows)
        ],
        schema={
            "measure_id": pl.String,
            "period": pl.String,
            "area_code": pl.String,
            "breakdown": pl.String,
            "breakdown_value": pl.String,
            "value": pl.Float64,
            "line": pl.Int64,
        },
    )


class TestWithEstimatedBase:
    def test_estimates_replace_the_returns_base(self) -> None:
        rows = _rows(
            [
                ("filled_posts", "2021/22", "", 8096.0),
                ("vacancies", "2021/22", "", 500.0),
                ("turnover_rate", "2021/22", "", 0.3),
                ("filled_posts_estimate", "2021/22", "", 18255.0),
                ("vacancies_estimate", "2021/22", "", 1100.0),
                ("filled_posts", "2020/21", "", 8000.0),
            ]
        )
        found, used = with_estimated_base(rows)
        assert used
        assert found.select("measure_id", "period", "value", "line").rows() == [
            ("turnover_rate", "2021/22", 0.3, 4),
            ("filled_posts", "2021/22", 18255.0, 5),
            ("vacancies", "2021/22", 1100.0, 6),
            ("filled_posts", "2020/21", 8000.0, 7),
        ]

    def test_the_base_is_the_latest_estimated_period(self) -> None:
        rows = _rows(
            [
                ("filled_posts_estimate", "2021/22", "", 18255.0),
                ("vacancies_estimate", "2021/22", "", 1100.0),
                ("filled_posts", "2023/24", "", 9000.0),
                ("vacancies", "2023/24", "", 600.0),
                ("turnover_rate", "2023/24", "", 0.3),
            ]
        )
        found, used = with_estimated_base(rows)
        assert used
        assert found.select("measure_id", "period", "value").rows() == [
            ("filled_posts", "2021/22", 18255.0),
            ("vacancies", "2021/22", 1100.0),
            ("turnover_rate", "2023/24", 0.3),
        ]

    def test_half_an_estimate_is_not_used(self) -> None:
        rows = _rows(
            [
                ("filled_posts", "2021/22", "", 8096.0),
                ("vacancies", "2021/22", "", 500.0),
                ("filled_posts_estimate", "2021/22", "", 18255.0),
                ("vacancies_estimate", "2021/22", "", None),
            ]
        )
        found, used = with_estimated_base(rows)
        assert not used
        assert found.equals(rows)
