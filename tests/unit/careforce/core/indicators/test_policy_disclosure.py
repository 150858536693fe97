"""Disclosure control on the breakdowns of the 2024–26 policy and training measures: every cell
carries the workers and workplaces it is built on, and a published table withholds every cell
built on fewer than 10 workers or 3 workplaces (and a second part of a group with one)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.indicators.catalogue import MEASURES
from careforce.core.indicators.catalogue_policy import POLICY_MEASURES
from careforce.core.indicators.compute import WORKERS, WORKPLACES
from careforce.core.indicators.frames import worker_measure_frame
from careforce.core.indicators.training import training_measures
from careforce.core.publishing.publish import publish
from careforce.core.vocab.published import BREAKDOWN, BREAKDOWN_VALUE, MEASURE_ID, SYMBOL, VALUE

pytestmark = pytest.mark.unit

POLICY_IDS = {m.id for m in POLICY_MEASURES} | {"headcount"}
"""The 2024–26 policy measures (headcount, certificates, pathway, visas, pay and terms,
training)."""
KEYS = [MEASURE_ID, BREAKDOWN, BREAKDOWN_VALUE]
ABROAD = {"nationality_group": "Outside EU", "nationality_code": 356}


def _worker(build: SimpleNamespace, place: str, number: int) -> dict[str, Any]:
    """A varied staff record: every fourth a senior care worker, some salaried, some on a
    visa, some doing delegated healthcare activities."""
    visa = number % 5 == 0
    return build.worker(
        place,
        role=7 if number % 4 == 0 else 8,
        worker_id=f"{place}-{number}",
        hourly_rate=8.5 + (number % 7) * 0.5,
        level2_care_certificate="Yes, completed" if number % 3 else "No",
        delegated_healthcare_activities="Yes" if number % 2 else "No",
        care_workforce_pathway_category="New to care" if number % 3 == 0 else None,
        health_care_visa="Yes" if visa else "No",
        recruited_outside_uk="Yes" if visa else None,
        year_of_entry=2019 if visa else None,
        postcode_district="ST16" if number % 2 else "WS1",
        **(ABROAD if visa else {}),
    )


def _training(workers: list[dict[str, Any]]) -> pl.LazyFrame:
    rows = [
        {
            "snapshot": 0,
            "worker_id": w["worker_id"],
            "establishment_id": w["establishment_id"],
            "reference_date": dt.date(2022, 3, 31),
            "category_code": code,
            "does_not_expire": False,
            "date_completed": dt.date(2021, 6, 1),
            "expiry_date": None,
        }
        for index, w in enumerate(workers)
        for code in ((6, 51, 22) if index % 2 else (6,))
    ]
    return pl.DataFrame(
        rows,
        schema={
            "snapshot": pl.Int32,
            "worker_id": pl.String,
            "establishment_id": pl.String,
            "reference_date": pl.Date,
            "category_code": pl.Int16,
            "does_not_expire": pl.Boolean,
            "date_completed": pl.Date,
            "expiry_date": pl.Date,
        },
    ).lazy()


def _results(build: SimpleNamespace, sizes: dict[str, int]) -> pl.DataFrame:
    """The policy and training measures, unsuppressed, of workplaces with these staff numbers
    (P1 a care home, the others home care)."""
    places = [
        build.place(name, service=2 if name == "P1" else 8, enhanced_sick_pay="Yes")
        for name in sizes
    ]
    staff = [_worker(build, name, n) for name, size in sizes.items() for n in range(size)]
    results, _ = build.compute(places, staff, measures=sorted(POLICY_IDS))
    workers, establishments = build.frames(places, staff)
    frame = worker_measure_frame(workers, establishments)
    wanted = [m for m in MEASURES if m.id in POLICY_IDS]
    training = training_measures(frame, _training(staff), wanted).collect()
    return pl.concat([results, training], how="vertical_relaxed")


class TestEveryCellCarriesItsCounts:
    def test_workers_and_workplaces_are_counted_in_every_breakdown(
        self, build: SimpleNamespace
    ) -> None:
        results = _results(build, {"P1": 30, "P2": 12, "P3": 4, "P4": 3})
        found = results.filter(pl.col(MEASURE_ID).is_in(POLICY_IDS))
        # The demo's data has a cell of each new measure; these hand-made rows have most.
        assert len(set(found[MEASURE_ID])) >= 20
        assert found.filter(pl.col(BREAKDOWN) != "total").height > 100
        uncounted = found.filter(pl.col(WORKERS).is_null() | pl.col(WORKPLACES).is_null())
        assert uncounted.select(KEYS).rows() == []


class TestPublishedBreakdowns:
    def test_cells_of_few_workers_or_workplaces_are_withheld(self, build: SimpleNamespace) -> None:
        results = _results(build, {"P1": 30, "P2": 12, "P3": 4, "P4": 3})
        table = publish(results, policy=DisclosurePolicy(), comparators=None, unsuppressed=False)
        counts = results.select(*KEYS, WORKERS, WORKPLACES)
        cells = table.filter(pl.col(MEASURE_ID).is_in(POLICY_IDS)).join(counts, on=KEYS, how="left")
        small = cells.filter(
            (pl.col(WORKERS) < 10) | (pl.col(WORKPLACES).is_not_null() & (pl.col(WORKPLACES) < 3))
        )
        assert small.height > 20
        assert set(small[SYMBOL]) == {"[c]"}
        assert small[VALUE].null_count() == small.height
        # Some breakdown cells are large enough to publish.
        shown = cells.filter(pl.col(SYMBOL).is_null() | (pl.col(SYMBOL) == ""))
        assert shown.filter(pl.col(BREAKDOWN) != "total").height > 10

    def test_a_lone_withheld_part_takes_a_second_part_with_it(self, build: SimpleNamespace) -> None:
        # P1 (care home) has 30 staff in one workplace: its service group is withheld
        # (1 workplace); home care (three workplaces, 19 staff) would give it away as the
        # total minus home care, so it is withheld too.
        results = _results(build, {"P1": 30, "P2": 12, "P3": 4, "P4": 3})
        table = publish(results, policy=DisclosurePolicy(), comparators=None, unsuppressed=False)
        headcount = table.filter(
            (pl.col(MEASURE_ID) == "headcount") & (pl.col(BREAKDOWN) == "service_group")
        )
        assert set(headcount[SYMBOL]) == {"[c]"}
        assert headcount.height == 2

    def test_two_workplaces_publish_nothing(self, build: SimpleNamespace) -> None:
        results = _results(build, {"P1": 30, "P2": 30})
        table = publish(results, policy=DisclosurePolicy(), comparators=None, unsuppressed=False)
        cells = table.filter(pl.col(MEASURE_ID).is_in(POLICY_IDS))
        assert cells.height > 0
        assert set(cells[SYMBOL]) <= {"[c]", "[x]"}
        assert cells[VALUE].null_count() == cells.height
