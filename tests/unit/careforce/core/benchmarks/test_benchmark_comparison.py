"""Benchmarks of one workplace against comparison groups, from small hand-made frames."""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from careforce.core.benchmarks.comparison import Scope, benchmark, group_sizes
from careforce.core.benchmarks.inputs import worker_inputs, workplace_inputs

pytestmark = pytest.mark.unit

JOB_ROLES = pl.List(
    pl.Struct(
        {
            "job_role_code": pl.Int16,
            "starters": pl.Int32,
            "leavers": pl.Int32,
            "vacancies": pl.Int32,
        }
    )
)


def _places(rows: list[tuple[str, int, str, int, int | None, int | None]]) -> pl.LazyFrame:
    """Workplaces: (reference, organisation, main service, declared staff, leavers, vacancies)."""
    return pl.LazyFrame(
        {
            "snapshot_id": [1] * len(rows),
            "establishment_id": [r[0] for r in rows],
            "organisation_id": [r[1] for r in rows],
            "name": [f"Workplace {r[0]}" for r in rows],
            "area_code": ["E10000028"] * len(rows),
            "main_service": [r[2] for r in rows],
            "total_staff": [r[3] for r in rows],
            "leavers_total": [r[4] for r in rows],
            "vacancies_total": [r[5] for r in rows],
        },
        schema_overrides={
            "total_staff": pl.Int32,
            "leavers_total": pl.Int32,
            "vacancies_total": pl.Int32,
        },
    )


def _workers(counts: dict[str, int], *, hourly: float = 10.0) -> pl.LazyFrame:
    references = [ref for ref, n in counts.items() for _ in range(n)]
    size = len(references)
    return pl.LazyFrame(
        {
            "snapshot_id": [1] * size,
            "establishment_id": references,
            "contract": ["Permanent"] * size,
            "key_role": ["care worker"] * size,
            "days_sick": [2.0] * size,
            "hourly_rate": [hourly] * size,
            "annual_salary": [None] * size,
            "contracted_hours": [37.5] * size,
            "social_care_qualification": ["Yes", "No"] * (size // 2) + ["Yes"] * (size % 2),
            "care_certificate": ["No"] * size,
        },
        schema_overrides={"annual_salary": pl.Float64},
    )


@pytest.fixture
def area() -> tuple[pl.LazyFrame, pl.LazyFrame]:
    places = _places(
        [
            ("OWN", 1, "Care home", 10, 2, 1),
            ("P1", 2, "Care home", 10, 4, 0),
            ("P2", 3, "Care home", 10, 1, 2),
            ("P3", 4, "Care home", 10, None, 0),
            ("H1", 5, "Home care", 12, 6, 3),
            ("OWN2", 1, "Home care", 10, 3, 1),
        ]
    )
    workers = _workers({"OWN": 10, "P1": 10, "P2": 10, "P3": 10, "H1": 12, "OWN2": 10})
    return workplace_inputs(workers, places.with_columns(pl.col("name"))), worker_inputs(workers)


def _row(result: pl.DataFrame, measure: str, scope: Scope) -> dict[str, object]:
    return result.filter((pl.col("measure_id") == measure) & (pl.col("scope") == scope.value)).row(
        0, named=True
    )


class TestBenchmark:
    def test_own_turnover_and_same_service_peers(
        self, area: tuple[pl.LazyFrame, pl.LazyFrame]
    ) -> None:
        places, staff = area
        result = benchmark(
            places, staff, snapshot_id=1, establishment_id="OWN", min_workers=10, min_workplaces=2
        ).collect()
        own = _row(result, "turnover_rate", Scope.WORKPLACE)
        assert own["value"] == pytest.approx(0.2)
        peers = _row(result, "turnover_rate", Scope.SAME_SERVICE)
        # P3 has unknown leavers (no-leavers) and is left out: (4 + 1) / (10 + 10).
        assert peers["value"] == pytest.approx(0.25)
        assert peers["workplaces"] == 2

    def test_own_organisations_other_workplaces_are_not_peers(
        self, area: tuple[pl.LazyFrame, pl.LazyFrame]
    ) -> None:
        places, _ = area
        sizes = group_sizes(places, snapshot_id=1, establishment_id="OWN").collect()
        expected = pl.DataFrame(
            {
                "scope": ["workplace", "same-service", "area"],
                "workplaces": [1, 3, 4],
                "workers": [10, 30, 42],
            }
        )
        assert_frame_equal(sizes, expected)

    def test_small_groups_are_withheld(self, area: tuple[pl.LazyFrame, pl.LazyFrame]) -> None:
        places, staff = area
        result = benchmark(
            places, staff, snapshot_id=1, establishment_id="OWN", min_workers=10, min_workplaces=3
        ).collect()
        peers = _row(result, "turnover_rate", Scope.SAME_SERVICE)
        assert peers["state"] == "too-few-workplaces"
        assert peers["value"] is None
        assert peers["numerator"] is None
        assert _row(result, "turnover_rate", Scope.AREA)["state"] is None

    def test_groups_with_too_few_workers_are_withheld(
        self, area: tuple[pl.LazyFrame, pl.LazyFrame]
    ) -> None:
        places, staff = area
        result = benchmark(
            places, staff, snapshot_id=1, establishment_id="OWN", min_workers=100, min_workplaces=1
        ).collect()
        assert _row(result, "sickness_days_per_worker", Scope.AREA)["state"] == "too-few-workers"

    def test_data_quality_state_replaces_own_number(
        self, area: tuple[pl.LazyFrame, pl.LazyFrame]
    ) -> None:
        places, staff = area
        result = benchmark(
            places, staff, snapshot_id=1, establishment_id="P3", min_workers=1, min_workplaces=1
        ).collect()
        own = _row(result, "turnover_rate", Scope.WORKPLACE)
        assert own["state"] == "no-leavers"
        assert own["value"] is None

    def test_declared_staff_not_matching_records_is_mismatch(self) -> None:
        places = _places([("A", 1, "Care home", 15, 2, 0)])
        workers = _workers({"A": 10})
        result = benchmark(
            workplace_inputs(workers, places),
            worker_inputs(workers),
            snapshot_id=1,
            establishment_id="A",
            min_workers=1,
            min_workplaces=1,
        ).collect()
        assert _row(result, "turnover_rate", Scope.WORKPLACE)["state"] == "mismatch-workers"
        assert _row(result, "vacancy_rate", Scope.WORKPLACE)["value"] == pytest.approx(0.0)

    def test_pay_is_the_median_of_the_role(self, area: tuple[pl.LazyFrame, pl.LazyFrame]) -> None:
        places, staff = area
        result = benchmark(
            places, staff, snapshot_id=1, establishment_id="OWN", min_workers=1, min_workplaces=1
        ).collect()
        assert _row(result, "care_worker_hourly_pay", Scope.WORKPLACE)["value"] == pytest.approx(
            10.0
        )
        nurses = _row(result, "registered_nurse_hourly_pay", Scope.WORKPLACE)
        assert nurses["state"] == "no-hourly-pay"

    def test_vacancy_rate_counts_vacancies_in_the_base(
        self, area: tuple[pl.LazyFrame, pl.LazyFrame]
    ) -> None:
        places, staff = area
        result = benchmark(
            places, staff, snapshot_id=1, establishment_id="OWN", min_workers=1, min_workplaces=1
        ).collect()
        assert _row(result, "vacancy_rate", Scope.WORKPLACE)["value"] == pytest.approx(1 / 11)

    def test_shares_of_answers(self, area: tuple[pl.LazyFrame, pl.LazyFrame]) -> None:
        places, staff = area
        result = benchmark(
            places, staff, snapshot_id=1, establishment_id="OWN", min_workers=1, min_workplaces=1
        ).collect()
        assert _row(result, "relevant_qualification_share", Scope.WORKPLACE)[
            "value"
        ] == pytest.approx(0.5)
        assert _row(result, "care_certificate_share", Scope.WORKPLACE)["value"] == pytest.approx(
            0.0
        )
