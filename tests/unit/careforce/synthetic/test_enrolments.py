"""Education supply reproduces the published skills supply figures."""

from __future__ import annotations

import io

import polars as pl
import pytest

from careforce.synthetic.enrolments import generate_enrolments
from careforce.synthetic.profiles import build_profile
from careforce.synthetic.published import (
    APPRENTICESHIP_STARTS_2018_19,
    APPRENTICESHIP_STARTS_2020_21,
    LEARNING_AIM_ENROLMENTS_2020_21,
)

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def enrolments() -> pl.DataFrame:
    text = generate_enrolments(build_profile("staffordshire").areas)
    return pl.read_csv(io.BytesIO(text.encode()), infer_schema=False).with_columns(
        pl.col("count").cast(pl.Int64)
    )


def _count(frame: pl.DataFrame, year: str, measure: str, subject: str | None = None) -> int:
    rows = frame.filter(pl.col("academic_year") == year, pl.col("measure") == measure)
    if subject is not None:
        rows = rows.filter(pl.col("sector_subject_area") == subject)
    return int(rows["count"].sum())


@pytest.mark.parametrize(
    ("measure", "figures"),
    [
        ("learning_aim_enrolments", LEARNING_AIM_ENROLMENTS_2020_21),
        ("apprenticeship_starts", APPRENTICESHIP_STARTS_2020_21),
    ],
    ids=["enrolments", "apprenticeships"],
)
class TestSkillsSupply2020To21:
    def test_counts_and_shares(self, enrolments, measure, figures) -> None:
        total = _count(enrolments, "2020/21", measure)
        for subject, published in figures.items():
            count = _count(enrolments, "2020/21", measure, subject)
            assert count == published.count
            assert round(count / total, 3) == pytest.approx(published.share_of_all, abs=0.0015)


class TestApprenticeshipChange:
    def test_changes_since_2018_19(self, enrolments) -> None:
        for subject, count in APPRENTICESHIP_STARTS_2018_19.items():
            assert _count(enrolments, "2018/19", "apprenticeship_starts", subject) == count
        before = _count(enrolments, "2018/19", "apprenticeship_starts")
        after = _count(enrolments, "2020/21", "apprenticeship_starts")
        assert after / before - 1 == pytest.approx(-0.17, abs=0.005)
