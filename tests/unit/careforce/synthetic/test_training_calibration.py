"""Training records: recorded by most workplaces, mandatory topics refreshed on a cycle, so the
shares of current and expired training are plausible (see docs/demo-data.md)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from careforce.synthetic.training import MANDATORY_REFRESH

pytestmark = pytest.mark.unit

LATEST = "2021-22"
REFERENCE = dt.date(2022, 3, 31)


def _states(staffordshire) -> tuple[pl.DataFrame, int]:
    """Each (worker, category) of the latest year, current or not; and the staff of the
    workplaces that record training (the measures' denominator)."""
    year = staffordshire.years[LATEST]
    training = year.training.with_columns(
        pl.col("DATECOMPLETED").str.to_date("%d/%m/%Y").alias("_done"),
        pl.col("VALIDITY").cast(pl.Int64, strict=False).alias("_months"),
    ).with_columns(
        pl.when(pl.col("_months").is_not_null())
        .then(pl.col("_done").dt.offset_by(pl.format("{}mo", pl.col("_months"))))
        .alias("_expires")
    )
    states = training.group_by("LOCALESTID", "UNIQUEWORKERID", "CATEGORY").agg(
        (pl.col("_expires").is_null() | (pl.col("_expires") >= REFERENCE)).any().alias("current"),
        pl.len().alias("records"),
    )
    recording = year.staff.join(training.select("LOCALESTID").unique(), on="LOCALESTID", how="semi")
    return states, recording.height


# The draws of the four years' workforce (a few tenths of a point from the two-year demo's).
@pytest.mark.parametrize(
    ("category", "current", "expired"),
    [
        ("20", 0.885, 0.020),  # safeguarding adults, refreshed every 3 years
        ("6", 0.806, 0.080),  # fire safety, every year
        ("10", 0.818, 0.080),  # infection prevention and control, every year
        ("14", 0.756, 0.018),  # mental capacity and liberty safeguards
    ],
)
def test_current_and_expired_shares(staffordshire, category, current, expired) -> None:
    states, staff = _states(staffordshire)
    topic = states.filter(pl.col("CATEGORY") == category)
    assert topic["current"].sum() / staff == pytest.approx(current, abs=0.005)
    assert (~topic["current"]).sum() / staff == pytest.approx(expired, abs=0.005)


def test_one_record_per_mandatory_topic(staffordshire) -> None:
    states, _ = _states(staffordshire)
    mandatory = states.filter(pl.col("CATEGORY").cast(pl.Int64).is_in(list(MANDATORY_REFRESH)))
    assert mandatory["records"].max() == 1


def test_no_oliver_mcgowan_training_before_its_launch(staffordshire) -> None:
    training = staffordshire.years[LATEST].training
    assert training.filter(pl.col("CATEGORY") == "41").height == 0


def test_most_workplaces_record_training_and_every_council_one(staffordshire) -> None:
    year = staffordshire.years[LATEST]
    recording = set(year.training["LOCALESTID"])
    council = year.workplace.filter(pl.col("ESTTYPE").is_in(["1", "3"]))
    independent = year.workplace.filter(~pl.col("ESTTYPE").is_in(["1", "3"]))
    assert set(council["LOCALESTID"]) <= recording
    share = independent["LOCALESTID"].is_in(list(recording)).mean()
    assert share == pytest.approx(0.7, abs=0.05)


def test_other_records_of_the_calibrated_year_do_not_wait_for_later_years(staffordshire) -> None:
    """Records of other categories are dated by the calibrated year (about 1.1 a worker), and
    each later year in post adds a few more, never fewer."""
    per_worker = {}
    for label, year in staffordshire.years.items():
        other = year.training.filter(
            ~pl.col("CATEGORY").cast(pl.Int64).is_in(list(MANDATORY_REFRESH))
        )
        per_worker[label] = other.height / year.staff.height
    assert per_worker[LATEST] == pytest.approx(0.8, abs=0.05)
    assert list(per_worker.values()) == sorted(per_worker.values())
