"""Education supply reproduces the published skills supply figures, in the DfE EES layouts."""

from __future__ import annotations

import io

import polars as pl
import pytest

from careforce.synthetic.enrolments import generate_apprenticeship_starts, generate_enrolments
from careforce.synthetic.profiles import build_profile
from careforce.synthetic.published import (
    APPRENTICESHIP_STARTS_2018_19,
    APPRENTICESHIP_STARTS_2020_21,
    LEARNING_AIM_ENROLMENTS_2018_19,
    LEARNING_AIM_ENROLMENTS_2020_21,
)

pytestmark = pytest.mark.unit


def _frame(text: str, subject: str, value: str) -> pl.DataFrame:
    frame = pl.read_csv(io.BytesIO(text.encode()), infer_schema=False)
    return frame.select(
        pl.col("time_period"),
        pl.col(subject).alias("subject"),
        pl.col(value).cast(pl.Int64, strict=False).alias("count"),
        pl.col(value).alias("cell"),
    )


@pytest.fixture(scope="module")
def supply() -> dict[str, pl.DataFrame]:
    areas = build_profile("staffordshire").areas
    return {
        "enrolments": _frame(generate_enrolments(areas), "ssa_t2_desc", "e_and_t_aims_enrolments"),
        "apprenticeships": _frame(generate_apprenticeship_starts(areas), "ssa_tier_2", "starts"),
    }


def _count(frame: pl.DataFrame, period: str, subject: str) -> int:
    rows = frame.filter((pl.col("time_period") == period) & (pl.col("subject") == subject))
    assert rows.height == 1
    return int(rows[0, "count"])


@pytest.mark.parametrize(
    ("kind", "now", "before", "all_change"),
    [
        ("enrolments", LEARNING_AIM_ENROLMENTS_2020_21, LEARNING_AIM_ENROLMENTS_2018_19, -0.19),
        ("apprenticeships", APPRENTICESHIP_STARTS_2020_21, APPRENTICESHIP_STARTS_2018_19, -0.17),
    ],
    ids=["enrolments", "apprenticeships"],
)
class TestSkillsSupply:
    def test_2020_21_counts_and_shares(self, supply, kind, now, before, all_change) -> None:
        frame = supply[kind]
        total = _count(frame, "202021", "Total")
        for subject, published in now.items():
            count = _count(frame, "202021", subject)
            assert count == published.count
            assert round(count / total, 3) == pytest.approx(published.share_of_all)

    def test_changes_since_2018_19(self, supply, kind, now, before, all_change) -> None:
        frame = supply[kind]
        for subject, count in before.items():
            assert _count(frame, "201819", subject) == count
        change = _count(frame, "202021", "Total") / _count(frame, "201819", "Total") - 1
        assert round(change, 2) == all_change

    def test_volumes_rounded_to_ten(self, supply, kind, now, before, all_change) -> None:
        cells = supply[kind]["cell"]
        numbers = cells.cast(pl.Int64, strict=False).drop_nulls()
        assert (numbers % 10 == 0).all()
        assert set(
            cells.filter(
                numbers.is_null() if False else cells.cast(pl.Int64, strict=False).is_null()
            )
        ) <= {"low"}
