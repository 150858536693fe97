"""Which synthetic workplaces return: by sector, service and size, never at random."""

from __future__ import annotations

import csv
import io
import random

import pytest

from careforce.synthetic.ascwds_returns import (
    area_response,
    area_truth,
    render_returns,
    simulate_area,
)
from careforce.synthetic.profiles import build_profile
from careforce.synthetic.response import draw_response, response_propensity

pytestmark = pytest.mark.unit

SEED = 2022


@pytest.fixture(scope="module")
def staffing():
    area = build_profile("staffordshire").areas[0]
    return simulate_area(area, seed=SEED)


def _one(staffing, **wanted):
    return next(
        w
        for w in staffing.workplaces
        if all(getattr(w, name) == value for name, value in wanted.items())
    )


class TestPropensity:
    def test_council_and_unregistered_workplaces_always_return(self, staffing) -> None:
        council = [w for w in staffing.workplaces if w.local_authority]
        unregistered = [w for w in staffing.workplaces if not w.regulated]
        assert council
        assert unregistered
        assert {response_propensity(w) for w in council + unregistered} == {1.0}

    @pytest.mark.parametrize(
        ("service", "size", "chance"),
        [
            (1, "medium", 0.85),  # nursing home, 0.68 x 1.25
            (2, "micro", 0.384),  # residential home, 0.64 x 0.6
            (2, "small", 0.64),
            (8, "micro", 0.30),  # home care, 0.50 x 0.6
            (8, "large", 0.70),
            (61, "micro", 0.228),  # community learning disability, 0.38 x 0.6
        ],
    )
    def test_independent_locations_by_service_and_size(
        self, staffing, service, size, chance
    ) -> None:
        workplace = _one(staffing, main_service=service, size_class=size, employer_type=6)
        assert response_propensity(workplace) == pytest.approx(chance)


class TestDraw:
    def test_latest_returners_returned_earlier_too(self, staffing) -> None:
        response = draw_response(staffing.workplaces, random.Random(1))
        assert response.returned[2] < response.returned[1]

    def test_years_after_the_calibrated_one_keep_its_returns(self, staffing) -> None:
        response = area_response(staffing, area_code="E10000028", seed=SEED)
        assert sorted(response.returned) == [1, 2, 3, 4]
        assert response.returned[2] < response.returned[1]
        assert response.returned[2] == response.returned[3] == response.returned[4]

    def test_same_rng_same_draw(self, staffing) -> None:
        first = draw_response(staffing.workplaces, random.Random(5))
        second = draw_response(staffing.workplaces, random.Random(5))
        assert first.returned == second.returned

    def test_about_half_of_registered_locations_return(self, staffing) -> None:
        response = area_response(staffing, area_code="E10000028", seed=SEED)
        registered = [w for w in staffing.workplaces if w.regulated]
        returned = [w for w in registered if w.index in response.returned[2]]
        # 586 since the continuation years' workplace sizes are drawn (the workplaces' random
        # stream moved); the response model is unchanged.
        assert len(registered) == 586
        assert len(returned) == 298  # 51%
        micro = [w for w in registered if w.size_class == "micro" and not w.local_authority]
        micro_returned = [w for w in micro if w.index in response.returned[2]]
        assert len(micro_returned) / len(micro) < 0.4 < len(returned) / len(registered)


class TestFiles:
    def test_returned_files_hold_only_returning_workplaces_rows_unchanged(self, staffing) -> None:
        response = area_response(staffing, area_code="E10000028", seed=SEED)
        every = render_returns(staffing, area_code="E10000028", seed=SEED)
        some = render_returns(staffing, area_code="E10000028", seed=SEED, response=response)
        for snapshot, (full, part) in enumerate(zip(every, some, strict=True), start=1):
            refs = {
                w.local_id for w in staffing.workplaces if w.index in response.returned[snapshot]
            }
            for kind in ("workplace", "staff", "training"):
                lines = full.files[kind].split("\r\n")
                kept = [lines[0], *(x for x in lines[1:-1] if x.split(",", 1)[0] in refs), ""]
                assert part.files[kind] == "\r\n".join(kept)

    def test_truth_counts_every_post(self, staffing) -> None:
        response = area_response(staffing, area_code="E10000028", seed=SEED)
        rows = list(csv.DictReader(io.StringIO(area_truth(staffing, response, area_code="X"))))
        assert len(rows) == len(staffing.workplaces)
        assert sum(int(r["filled_posts_2021-22"]) for r in rows) == len(staffing.present(2))
        assert sum(int(r["filled_posts_2020-21"]) for r in rows) == len(staffing.present(1))
        assert {r["returned_2021-22"] for r in rows if r["council"] == "Y"} == {"Y"}

    def test_truth_people_add_up_to_the_distinct_people(self, staffing) -> None:
        response = area_response(staffing, area_code="E10000028", seed=SEED)
        rows = list(csv.DictReader(io.StringIO(area_truth(staffing, response, area_code="X"))))
        present = staffing.present(2)
        distinct = len({w.ni for w in present if w.ni}) + sum(1 for w in present if not w.ni)
        people = sum(float(r["people_2021-22"]) for r in rows)
        assert people == pytest.approx(distinct, abs=0.001 * len(rows))
        assert distinct < len(present)
