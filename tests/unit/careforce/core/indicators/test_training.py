"""Training measures on hand-made canonical datasets (reference date 31/03/2022)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest

from careforce.core.indicators.catalogue import MEASURES
from careforce.core.indicators.frames import worker_measure_frame
from careforce.core.indicators.training import training_measures
from careforce.core.vocab.mandatory_training import MANDATORY_TRAINING

pytestmark = pytest.mark.unit

REFERENCE = dt.date(2022, 3, 31)


def record(
    worker: str,
    category: int,
    *,
    place: str = "P1",
    completed: dt.date | None = dt.date(2021, 6, 1),
    expiry: dt.date | None = None,
    never: bool = False,
) -> dict[str, Any]:
    return {
        "snapshot": 0,
        "worker_id": worker,
        "establishment_id": place,
        "reference_date": REFERENCE,
        "category_code": category,
        "does_not_expire": never,
        "date_completed": completed,
        "expiry_date": expiry,
    }


def training(rows: list[dict[str, Any]]) -> pl.LazyFrame:
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


def compute(build: SimpleNamespace, places: list[Any], staff: list[Any], rows: list[Any]) -> Any:
    workers, establishments = build.frames(places, staff)
    frame = worker_measure_frame(workers, establishments)
    return training_measures(frame, training(rows), MEASURES).collect()


FIRE, SAFEGUARDING = 6, 20


class TestTrainingByCategory:
    def test_current_expired_and_not_recorded(self, build: SimpleNamespace) -> None:
        staff = [build.worker(worker_id=f"w{i}") for i in range(4)]
        rows = [
            record("w0", FIRE, expiry=dt.date(2022, 6, 1)),  # current
            record("w1", FIRE, expiry=dt.date(2022, 1, 1)),  # expired
            record("w1", FIRE, completed=dt.date(2022, 4, 2)),  # completed after the date
            record("w2", FIRE, never=True, completed=dt.date(2015, 1, 1)),  # current
            record("w2", SAFEGUARDING, expiry=dt.date(2022, 3, 31)),  # expires that day: current
        ]
        results = compute(build, [build.place()], staff, rows)
        current = build.values(results, "training_current_share", "training_category")
        assert current == pytest.approx({"Fire safety": 2 / 4, "Safeguarding adults": 1 / 4})
        expired = build.values(results, "training_expired_share", "training_category")
        assert expired == pytest.approx({"Fire safety": 1 / 4})
        missing = build.values(results, "training_not_recorded_share", "training_category")
        assert missing == pytest.approx({"Fire safety": 1 / 4, "Safeguarding adults": 3 / 4})
        records = build.cell(results, "training_records_per_worker")
        assert (records["numerator"], records["denominator"]) == (5, 4)

    def test_workplaces_without_training_records_are_left_out(self, build: SimpleNamespace) -> None:
        places = [build.place("P1"), build.place("P2")]
        staff = [build.worker("P1", worker_id="a"), build.worker("P2", worker_id="b")]
        results = compute(build, places, staff, [record("a", FIRE)])
        cell = build.cell(results, "training_current_share", "training_category", "Fire safety")
        assert (cell["numerator"], cell["denominator"]) == (1, 1)

    def test_breakdown_by_role_group(self, build: SimpleNamespace) -> None:
        staff = [build.worker(worker_id="a"), build.worker(worker_id="b", role=4)]
        results = compute(build, [build.place()], staff, [record("a", FIRE), record("b", FIRE)])
        shares = build.values(
            results, "training_current_share", "job_role_group/training_category", "part_of"
        )
        assert shares == {
            "direct care/Fire safety": "direct care",
            "managerial/supervisory/Fire safety": "managerial/supervisory",
        }


class TestMandatoryTraining:
    def test_every_topic_must_be_current(self, build: SimpleNamespace) -> None:
        complete = [codes[0] for _, codes in MANDATORY_TRAINING]
        rows = [record("a", code) for code in complete]
        # b has every topic but fire safety expired; Oliver McGowan met by tier 1 (42).
        rows += [record("b", code) for code in complete if code not in (FIRE, 41)]
        rows += [record("b", FIRE, expiry=dt.date(2021, 12, 1)), record("b", 42)]
        rows += [record("c", 42)]
        staff = [build.worker(worker_id=w) for w in ("a", "b", "c")]
        results = compute(build, [build.place()], staff, rows)
        cell = build.cell(results, "mandatory_training_share")
        assert (cell["numerator"], cell["denominator"]) == (1, 3)

    def test_the_default_list_has_nine_topics(self) -> None:
        assert len(MANDATORY_TRAINING) == 9
        assert dict(MANDATORY_TRAINING)["Fire safety"] == (FIRE,)


class TestDigitalAndPersonCentredTraining:
    def test_current_training_in_any_category_of_the_group_counts(
        self, build: SimpleNamespace
    ) -> None:
        rows = [
            record("a", 51),  # working with digital technology: digital
            record("a", 22),  # dignity and person-centred care: person-centred
            record("b", 26, expiry=dt.date(2022, 1, 1)),  # GDPR expired: not current
            record("b", 28),  # communication: person-centred
            record("c", 46),  # assisted digital: digital
            record("c", 49),  # online safety: digital (c counts once)
            record("d", FIRE),  # neither group
        ]
        staff = [build.worker(worker_id=w) for w in ("a", "b", "c", "d")]
        results = compute(build, [build.place()], staff, rows)
        digital = build.cell(results, "digital_training_share")
        assert (digital["numerator"], digital["denominator"]) == (2, 4)
        assert digital["value"] == pytest.approx(0.5)
        person = build.cell(results, "person_centred_training_share")
        assert (person["numerator"], person["denominator"]) == (2, 4)
        by_role = build.values(results, "digital_training_share", "job_role_group")
        assert by_role == pytest.approx({"direct care": 0.5})
