"""Cross-validation and its metrics on hand-computed cases."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest

from careforce.core.estimates.accuracy import accuracy_table, fold_of, metrics, out_of_fold
from careforce.core.estimates.models import COMMUNITY

pytestmark = pytest.mark.unit


class TestMetrics:
    def test_hand_computed(self) -> None:
        found = metrics(np.array([10.0, 20, 30, 40]), np.array([13.0, 18, 30, 44]))
        assert found == pytest.approx(
            {
                "n": 4,
                "r2": 1 - 29 / 500,
                "rmse": math.sqrt(29 / 4),
                "within_10_posts_share": 1.0,
                "within_25pct_share": 0.75,
            }
        )

    def test_nothing_to_validate(self) -> None:
        assert metrics(np.array([5.0]), np.array([np.nan]))["n"] == 0


class TestOutOfFold:
    def test_leave_one_out_medians(self) -> None:
        y = np.array([10.0, 20, 30, 40, 50])
        found = out_of_fold(np.zeros((5, 1)), y, np.zeros(5), group=COMMUNITY, folds=5)
        assert found.tolist() == [35.0, 35.0, 30.0, 25.0, 25.0]

    def test_folds_are_balanced_and_seeded(self) -> None:
        fold = fold_of(23, folds=5)
        assert sorted(np.bincount(fold.astype(int)).tolist()) == [4, 4, 5, 5, 5]
        assert fold.tolist() == fold_of(23, folds=5).tolist()


def test_accuracy_table_by_service_group_and_all() -> None:
    validated = pl.DataFrame(
        {
            "service_group": ["home care", "home care", "residential", "residential"],
            "actual": [10.0, 20.0, 30.0, 40.0],
            "predicted": [13.0, 18.0, 30.0, 44.0],
        }
    )
    table = accuracy_table(validated)
    assert table["service_group"].to_list() == ["home care", "residential", "all"]
    assert table["n"].to_list() == [2, 2, 4]
    assert table["rmse"].to_list() == pytest.approx(
        [math.sqrt(13 / 2), math.sqrt(16 / 2), math.sqrt(29 / 4)]
    )
