"""Comparison groups on the estimated whole sector: the published weighted rates of the area
and of the workplace's service group replace the returns' own, every row saying its base."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.benchmarks.bases import on_base
from careforce.core.benchmarks.comparison import RESULT_SCHEMA
from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import Base

pytestmark = pytest.mark.unit

ESTIMATED = "estimated for the whole sector"
RETURNED = "returns only"


def _rows() -> pl.LazyFrame:
    rows = [
        (measure, scope, value, 10.0, 100.0, 6, 80, state)
        for measure, scope, value, state in (
            ("turnover_rate", "workplace", 0.25, None),
            ("turnover_rate", "same-service", None, "too-few-workplaces"),
            ("turnover_rate", "area", 0.30, None),
            ("vacancy_rate", "area", 0.08, None),
            ("sickness_days_per_worker", "area", 9.0, None),
        )
    ]
    return pl.LazyFrame(rows, schema=RESULT_SCHEMA, orient="row")


def _published() -> pl.LazyFrame:
    return pl.LazyFrame(
        {
            pub.MEASURE_ID: ["turnover_rate_weighted"] * 3 + ["vacancy_rate_weighted"],
            pub.BREAKDOWN: ["total", "service_group", "service_group", "total"],
            pub.BREAKDOWN_VALUE: ["all", "residential", "home care", "all"],
            pub.NUMERATOR: [340.0, 120.0, 90.0, None],
            pub.DENOMINATOR: [1000.0, 400.0, 300.0, None],
            pub.VALUE: [0.34, 0.30, 0.30, None],  # the vacancy rate withheld ([c])
        }
    )


def _by(frame: pl.DataFrame) -> dict[tuple[str, str], tuple[float | None, str | None, str]]:
    return {
        (r["measure_id"], r["scope"]): (r["value"], r["state"], r["base"])
        for r in frame.iter_rows(named=True)
    }


class TestOnBase:
    def test_estimated_rates_replace_the_groups_where_published(self) -> None:
        frame = on_base(
            _rows(), _published(), base=Base.ESTIMATED, service_group="residential"
        ).collect()
        found = _by(frame)
        assert found[("turnover_rate", "area")] == (0.34, None, ESTIMATED)
        # The same-service group withheld on the returns is published for the whole sector.
        assert found[("turnover_rate", "same-service")] == (0.30, None, ESTIMATED)
        assert found[("turnover_rate", "workplace")] == (0.25, None, RETURNED)
        # No published value: the returns' figure stays, said so.
        assert found[("vacancy_rate", "area")] == (0.08, None, RETURNED)
        assert found[("sickness_days_per_worker", "area")] == (9.0, None, RETURNED)
        area = frame.filter((pl.col("measure_id") == "turnover_rate") & (pl.col("scope") == "area"))
        assert area.select("numerator", "denominator").row(0) == (340.0, 1000.0)

    def test_returned_base_changes_nothing(self) -> None:
        frame = on_base(
            _rows(), _published(), base=Base.RETURNED, service_group="residential"
        ).collect()
        assert frame.drop("base").equals(_rows().collect())
        assert set(frame["base"]) == {RETURNED}

    def test_nothing_published_is_the_returns(self) -> None:
        frame = on_base(_rows(), None, base=Base.ESTIMATED, service_group=None).collect()
        assert set(frame["base"]) == {RETURNED}
