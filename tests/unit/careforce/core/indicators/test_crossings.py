"""Crossed breakdowns: measures for combinations of sector, service group and job role, with
known answers, and their disclosure control when published."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.indicators.catalogue import MEASURES
from careforce.core.indicators.compute import RESULT_SCHEMA
from careforce.core.indicators.crossings import CROSSINGS, crossed_measures, crossing_name
from careforce.core.indicators.frames import worker_measure_frame, workplace_role_frame
from careforce.core.publishing.publish import publish

_MEASURES = ("filled_posts", "care_certificate_share", "vacancies")


def _example(build: SimpleNamespace) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Five workplaces.

    P1 independent residential: 12 care workers, 1 registered manager; care worker vacancies 2
    P2 independent home care: 5 care workers (2 without the Care Certificate); vacancies 2
    P3 local authority home care: 3 care workers; vacancies 0
    P4 independent home care: 4 care workers; vacancies 1
    P5 independent home care: 2 care workers; vacancies 0
    and one senior care worker in each of P2, P4 and P5.
    """
    places = [
        build.place("P1", service=2, employer=6, job_roles=[build.job_role(8, vacancies=2)]),
        build.place("P2", service=8, employer=6, job_roles=[build.job_role(8, vacancies=2)]),
        build.place("P3", service=8, employer=1, job_roles=[build.job_role(8, vacancies=0)]),
        build.place("P4", service=8, employer=6, job_roles=[build.job_role(8, vacancies=1)]),
        build.place("P5", service=8, employer=6, job_roles=[build.job_role(8, vacancies=0)]),
    ]
    staff = [
        *(build.worker("P1", 8) for _ in range(12)),
        build.worker("P1", 4),
        *(build.worker("P2", 8) for _ in range(3)),
        *(build.worker("P2", 8, care_certificate="No") for _ in range(2)),
        *(build.worker("P3", 8) for _ in range(3)),
        *(build.worker("P4", 8) for _ in range(4)),
        *(build.worker("P5", 8) for _ in range(2)),
        *(build.worker(place, 7) for place in ("P2", "P4", "P5")),
    ]
    return places, staff


@pytest.fixture(scope="module")
def crossed(build: SimpleNamespace) -> pl.DataFrame:
    places, staff = _example(build)
    workers, establishments = build.frames(places, staff)
    selected = [m for m in MEASURES if m.id in _MEASURES]
    return crossed_measures(
        worker_measure_frame(workers, establishments),
        workplace_role_frame(workers, establishments),
        selected,
    ).collect()


class TestCrossedMeasures:
    def test_has_the_result_schema(self, crossed: pl.DataFrame) -> None:
        assert crossed.schema == RESULT_SCHEMA

    def test_every_crossing_is_computed(self, crossed: pl.DataFrame) -> None:
        names = set(crossed.filter(pl.col("measure_id") == "filled_posts")["breakdown"])
        assert names == {crossing_name(c) for c in CROSSINGS}

    @pytest.mark.parametrize(
        ("breakdown", "value", "posts", "workplaces"),
        [
            ("sector/service_group/key_role", "independent/home care/care worker", 11, 3),
            ("sector/service_group/key_role", "independent/home care/senior care worker", 3, 3),
            ("sector/service_group/key_role", "independent/residential/care worker", 12, 1),
            ("sector/service_group/key_role", "local authority/home care/care worker", 3, 1),
            ("sector/service_group/job_role_group", "independent/home care/direct care", 14, 3),
            ("sector/key_role", "independent/care worker", 23, 4),
            ("service_group/key_role", "home care/care worker", 14, 4),
            ("service_group/job_role_group", "residential/managerial/supervisory", 1, 1),
            ("sector/service_group", "independent/home care", 14, 3),
        ],
    )
    def test_filled_posts(
        self,
        build: SimpleNamespace,
        crossed: pl.DataFrame,
        breakdown: str,
        value: str,
        posts: int,
        workplaces: int,
    ) -> None:
        row = build.cell(crossed, "filled_posts", breakdown, value)
        assert (row["value"], row["workers"], row["workplaces"]) == (posts, posts, workplaces)

    def test_a_cell_is_part_of_the_cell_without_its_last_dimension(
        self, build: SimpleNamespace, crossed: pl.DataFrame
    ) -> None:
        row = build.cell(
            crossed,
            "filled_posts",
            "sector/service_group/key_role",
            "independent/home care/care worker",
        )
        assert (row["part_of"], row["category"]) == ("independent/home care", "care worker")

    def test_share(self, build: SimpleNamespace, crossed: pl.DataFrame) -> None:
        # care workers in independent home care: 11, of whom 2 have not started the certificate
        row = build.cell(
            crossed,
            "care_certificate_share",
            "sector/service_group/key_role",
            "independent/home care/care worker",
        )
        assert (row["numerator"], row["denominator"]) == (9, 11)
        assert row["value"] == pytest.approx(9 / 11)

    def test_workplace_reported_vacancies(
        self, build: SimpleNamespace, crossed: pl.DataFrame
    ) -> None:
        # P2 2 + P4 1 + P5 0 care worker vacancies in independent home care
        row = build.cell(
            crossed,
            "vacancies",
            "sector/service_group/key_role",
            "independent/home care/care worker",
        )
        assert (row["value"], row["workplaces"]) == (3, 3)
        assert build.cell(crossed, "vacancies", "sector/key_role", "independent/care worker")[
            "value"
        ] == (5)


@pytest.fixture(scope="module")
def table(crossed: pl.DataFrame) -> pl.DataFrame:
    return publish(crossed, policy=DisclosurePolicy(), comparators=None, unsuppressed=False)


class TestPublishedCrossings:
    def _row(self, table: pl.DataFrame, breakdown: str, value: str) -> dict[str, Any]:
        rows = table.filter(
            (pl.col("measure_id") == "filled_posts")
            & (pl.col("breakdown") == breakdown)
            & (pl.col("breakdown_value") == value)
        )
        assert rows.height == 1
        return rows.row(0, named=True)

    def test_a_cell_of_enough_workers_and_workplaces_is_published_rounded(
        self, table: pl.DataFrame
    ) -> None:
        row = self._row(
            table, "sector/service_group/job_role_group", "independent/home care/direct care"
        )
        assert (row["value"], row["symbol"]) == (15, None)

    def test_one_workplace_is_withheld_whatever_its_size(self, table: pl.DataFrame) -> None:
        row = self._row(
            table, "sector/service_group/key_role", "independent/residential/care worker"
        )
        assert (row["value"], row["numerator"], row["symbol"]) == (None, None, "[c]")

    def test_few_workers_are_withheld(self, table: pl.DataFrame) -> None:
        row = self._row(
            table, "sector/service_group/key_role", "local authority/home care/care worker"
        )
        assert row["symbol"] == "[c]"

    def test_a_lone_withheld_part_takes_a_second_part_with_it(self, table: pl.DataFrame) -> None:
        # independent home care is published (14); its senior care workers (3) are withheld, so
        # its care workers (11) are withheld too, or they would give the seniors by difference
        senior = self._row(
            table, "sector/service_group/key_role", "independent/home care/senior care worker"
        )
        care = self._row(
            table, "sector/service_group/key_role", "independent/home care/care worker"
        )
        assert (senior["symbol"], care["symbol"]) == ("[c]", "[c]")


class TestPostcodeDistrictDetail:
    def test_postcode_districts_are_the_detail_of_their_council_district(
        self, build: SimpleNamespace
    ) -> None:
        places = [
            build.place("P1", postcode_district="ST16"),
            build.place("P2", postcode_district="ST17"),
            build.place("P3", postcode_district="B77"),
        ]
        staff = [
            *(build.worker("P1") for _ in range(4)),
            *(build.worker("P2") for _ in range(3)),
            *(build.worker("P3") for _ in range(2)),
        ]
        districts = pl.LazyFrame(
            {
                "postcode_district": ["ST16", "ST17", "B77"],
                "district_name": ["Stafford", "Stafford", "Tamworth"],
            }
        )
        workers, establishments = build.frames(places, staff)
        selected = [m for m in MEASURES if m.id == "filled_posts"]
        crossed = crossed_measures(
            worker_measure_frame(workers, establishments, districts=districts),
            workplace_role_frame(workers, establishments, districts=districts),
            selected,
        ).collect()
        detail = crossed.filter(pl.col("breakdown") == "district/workplace_postcode_district")
        assert dict(zip(detail["breakdown_value"], detail["value"], strict=True)) == {
            "Stafford/ST16": 4,
            "Stafford/ST17": 3,
            "Tamworth/B77": 2,
        }
        assert set(detail["part_of"]) == {"Stafford", "Tamworth"}
