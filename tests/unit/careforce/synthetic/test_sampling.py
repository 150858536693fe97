"""Tests for the seeded sampling helpers."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from careforce.synthetic.sampling import (
    Pick,
    allocate,
    derive_seed,
    exact_counts,
    fill_to_shares,
    nudge_to_total,
    uk_date,
    weighted_sample,
    whole_years,
    years_before,
)

pytestmark = pytest.mark.unit


class TestDeriveSeed:
    def test_is_stable_across_runs(self) -> None:
        assert derive_seed(2022, "staff", "E10000028") == derive_seed(2022, "staff", "E10000028")
        assert derive_seed(1, "a") == 13771330872463629691

    def test_differs_by_label_and_seed(self) -> None:
        assert derive_seed(1, "a") != derive_seed(1, "b")
        assert derive_seed(1, "a") != derive_seed(2, "a")


class TestExactCounts:
    @pytest.mark.parametrize(
        ("total", "weights", "expected"),
        [
            (10, [0.5, 0.5], [5, 5]),
            (10, [0.52, 0.37, 0.09, 0.01], [5, 4, 1, 0]),
            (3, [1, 1, 1], [1, 1, 1]),
            (0, [1, 2], [0, 0]),
        ],
        ids=["halves", "sizes", "thirds", "zero"],
    )
    def test_counts_add_up_and_follow_weights(self, total, weights, expected) -> None:
        assert exact_counts(total, weights) == expected

    def test_rejects_weights_without_mass(self) -> None:
        with pytest.raises(ValueError, match="positive"):
            exact_counts(5, [0, 0])


class TestAllocate:
    def test_counts_are_exact(self) -> None:
        drawn = allocate(random.Random(1), 1000, ["a", "b", "c"], [0.86, 0.1, 0.04])
        assert Counter(drawn) == {"a": 860, "b": 100, "c": 40}


class TestFillToShares:
    def test_new_items_make_up_what_existing_lack(self) -> None:
        existing = ["f"] * 90 + ["m"] * 10
        new = fill_to_shares(random.Random(1), existing, 100, {"f": 0.86, "m": 0.14})
        assert Counter(existing + new) == {"f": 172, "m": 28}

    def test_gets_as_close_as_it_can(self) -> None:
        existing = ["f"] * 60 + ["m"] * 40
        new = fill_to_shares(random.Random(1), existing, 100, {"f": 0.86, "m": 0.14})
        assert Counter(new) == {"f": 100}

    def test_no_new_items(self) -> None:
        assert fill_to_shares(random.Random(1), ["a"], 0, {"a": 1.0}) == []


class TestWeightedSample:
    def test_draws_distinct_indices(self) -> None:
        chosen = weighted_sample(random.Random(3), [1.0] * 50, 20)
        assert len(set(chosen)) == 20

    def test_prefers_heavier_items(self) -> None:
        rng = random.Random(4)
        hits = Counter(i for _ in range(400) for i in weighted_sample(rng, [1, 1, 20], 1))
        assert hits[2] > hits[0] + hits[1]


class TestNudgeToTotal:
    def test_reaches_the_target_within_bounds(self) -> None:
        values = [5, 5, 5, 5]
        nudge_to_total(random.Random(1), values, range(4), [4] * 4, [8] * 4, 26)
        assert sum(values) == 26
        assert all(4 <= v <= 8 for v in values)

    def test_stops_at_the_bounds(self) -> None:
        values = [5, 5]
        nudge_to_total(random.Random(1), values, range(2), [5, 5], [6, 6], 20)
        assert values == [6, 6]


class TestPick:
    def test_follows_weights_and_seed(self) -> None:
        pick = Pick(("x", "y"), (0.9, 0.1))
        first = [pick(random.Random(5)) for _ in range(3)]
        assert first == [pick(random.Random(5)) for _ in range(3)]
        rng = random.Random(6)
        draws = Counter(pick(rng) for _ in range(2000))
        assert 0.85 < draws["x"] / 2000 < 0.95

    def test_rejects_empty(self) -> None:
        with pytest.raises(ValueError, match="at least one"):
            Pick(())


class TestDates:
    def test_uk_date_is_zero_padded(self) -> None:
        assert uk_date(dt.date(2021, 3, 1)) == "01/03/2021"

    def test_years_before_handles_29_february(self) -> None:
        assert years_before(dt.date(2020, 2, 29), 1) == dt.date(2019, 2, 28)

    def test_whole_years_counts_birthdays(self) -> None:
        assert whole_years(dt.date(2000, 4, 1), dt.date(2022, 3, 31)) == 21
        assert whole_years(dt.date(2000, 3, 31), dt.date(2022, 3, 31)) == 22
