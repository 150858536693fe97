"""Disclosure control: primary and secondary suppression, rounding and symbols."""

from __future__ import annotations

import random

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from careforce.core.disclosure.policy import (
    MIN_WORKERS,
    MIN_WORKPLACES,
    ROUNDING_BASE,
    DisclosurePolicy,
)
from careforce.core.disclosure.suppression import (
    SUPPRESSED,
    flag_primary_suppression,
    flag_secondary_suppression,
    protect,
    rounded,
)
from careforce.core.vocab.published import SYMBOL, SYMBOL_NOTES, Symbol

pytestmark = pytest.mark.unit

POLICY = DisclosurePolicy()


def _cells(rows: list[tuple[str, str, int | None, int | None]]) -> pl.LazyFrame:
    """Cells (group, part, workers, workplaces)."""
    return pl.LazyFrame(
        rows,
        schema={"group": pl.String, "part": pl.String, "workers": pl.Int64, "workplaces": pl.Int64},
        orient="row",
    )


def _suppressed_parts(frame: pl.LazyFrame) -> dict[str, bool]:
    collected = frame.collect()
    return dict(zip(collected["part"].to_list(), collected[SUPPRESSED].to_list(), strict=True))


def _secondary(rows: list[tuple[str, str, int | None, int | None]]) -> dict[str, bool]:
    primary = flag_primary_suppression(_cells(rows), policy=POLICY)
    return _suppressed_parts(flag_secondary_suppression(primary, group=["group"], order=["part"]))


class TestPolicy:
    def test_defaults(self) -> None:
        assert (MIN_WORKERS, MIN_WORKPLACES, ROUNDING_BASE) == (10, 3, 5)
        assert DisclosurePolicy() == DisclosurePolicy(
            min_workers=10, min_workplaces=3, rounding_base=5
        )

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            ({"min_workers": -1}, "negative"),
            ({"min_workplaces": -1}, "negative"),
            ({"rounding_base": 0}, "at least 1"),
        ],
        ids=["negative-workers", "negative-workplaces", "zero-rounding-base"],
    )
    def test_rejects_nonsense(self, arguments: dict[str, int], message: str) -> None:
        with pytest.raises(ValueError, match=message):
            DisclosurePolicy(**arguments)

    def test_every_symbol_has_a_note(self) -> None:
        assert set(SYMBOL_NOTES) == set(Symbol)
        assert Symbol.CONFIDENTIAL.value == "[c]"
        assert Symbol.NOT_AVAILABLE.value == "[x]"
        assert Symbol.NOT_APPLICABLE.value == "[z]"


class TestPrimarySuppression:
    @pytest.mark.parametrize(
        ("workers", "workplaces", "suppressed"),
        [
            (9, 3, True),  # fewer than 10 workers
            (10, 3, False),  # exactly at both thresholds
            (10, 2, True),  # fewer than 3 workplaces
            (500, 2, True),  # large but from two employers
            (0, 0, True),
            (None, 5, True),  # unknown size: suppressed
            (50, None, False),  # one employer's own records: no employer threshold
            (9, None, True),  # ... but the worker threshold still applies
            (1000, 40, False),
        ],
        ids=[
            "9-workers",
            "at-thresholds",
            "2-workplaces",
            "large-2-workplaces",
            "empty",
            "null-workers",
            "null-workplaces",
            "null-workplaces-few-workers",
            "large",
        ],
    )
    def test_thresholds(
        self, workers: int | None, workplaces: int | None, suppressed: bool
    ) -> None:
        frame = flag_primary_suppression(_cells([("g", "a", workers, workplaces)]), policy=POLICY)
        assert frame.collect()[SUPPRESSED].to_list() == [suppressed]

    def test_policy_thresholds_are_used(self) -> None:
        policy = DisclosurePolicy(min_workers=5, min_workplaces=1)
        frame = flag_primary_suppression(
            _cells([("g", "a", 5, 1), ("g", "b", 4, 1), ("g", "c", 5, 0)]), policy=policy
        )
        assert _suppressed_parts(frame) == {"a": False, "b": True, "c": True}


class TestSecondarySuppression:
    def test_large_cell_beside_a_small_one_is_suppressed_too(self) -> None:
        # the total is published: 504 − 500 would give the small cell away
        assert _secondary([("g", "small", 4, 3), ("g", "large", 500, 30)]) == {
            "small": True,
            "large": True,
        }

    def test_total_with_one_suppressed_part_gets_a_second(self) -> None:
        found = _secondary(
            [("g", "a", 5, 3), ("g", "b", 40, 5), ("g", "c", 12, 4), ("g", "d", 30, 6)]
        )
        # the smallest published part (c, 12 workers) goes with a
        assert found == {"a": True, "b": False, "c": True, "d": False}

    def test_ties_are_broken_by_the_order_columns(self) -> None:
        rows = [("g", "a", 5, 3), ("g", "c", 20, 5), ("g", "b", 20, 5), ("g", "d", 25, 5)]
        expected = {"a": True, "b": True, "c": False, "d": False}
        assert _secondary(rows) == expected

    @pytest.mark.parametrize("seed", range(5), ids=lambda s: f"shuffle-{s}")
    def test_choice_does_not_depend_on_row_order(self, seed: int) -> None:
        rows = [("g", "a", 5, 3), ("g", "c", 20, 5), ("g", "b", 20, 5), ("g", "d", 25, 5)]
        random.Random(seed).shuffle(rows)
        assert _secondary(rows) == {"a": True, "b": True, "c": False, "d": False}

    def test_a_group_with_two_suppressed_parts_is_left_alone(self) -> None:
        found = _secondary([("g", "a", 5, 3), ("g", "b", 7, 3), ("g", "c", 40, 5)])
        assert found == {"a": True, "b": True, "c": False}

    def test_a_group_without_suppressed_parts_is_left_alone(self) -> None:
        found = _secondary([("g", "a", 15, 3), ("g", "b", 70, 3)])
        assert found == {"a": False, "b": False}

    def test_a_single_part_group_has_nothing_to_add(self) -> None:
        assert _secondary([("g", "a", 5, 3)]) == {"a": True}

    def test_groups_are_independent(self) -> None:
        found = _secondary(
            [
                ("g1", "a", 5, 3),
                ("g1", "b", 50, 5),
                ("g2", "c", 11, 3),
                ("g2", "d", 60, 5),
            ]
        )
        assert found == {"a": True, "b": True, "c": False, "d": False}

    def test_several_order_columns(self) -> None:
        frame = pl.LazyFrame(
            {
                "group": ["g"] * 4,
                "part": ["a", "b", "c", "d"],
                "rank": [0, 2, 1, 3],
                "workers": [1, 30, 30, 30],
                SUPPRESSED: [True, False, False, False],
            }
        )
        found = flag_secondary_suppression(frame, group=["group"], order=["rank", "part"])
        # b, c and d tie on workers; c has the lowest rank
        assert _suppressed_parts(found) == {"a": True, "b": False, "c": True, "d": False}


class TestRounded:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (0, 0),
            (2, 0),
            (2.5, 5),  # halves round up
            (7, 5),
            (7.5, 10),
            (12, 10),
            (13, 15),
            (90, 90),
            (91, 90),
            (93, 95),
            (1234, 1235),
        ],
        ids=str,
    )
    def test_nearest_five(self, value: float, expected: float) -> None:
        assert pl.select(rounded(pl.lit(value, dtype=pl.Float64), base=5)).item() == expected

    def test_base_one_leaves_values_alone(self) -> None:
        assert pl.select(rounded(pl.lit(12.3), base=1)).item() == 12.3

    def test_other_bases(self) -> None:
        assert pl.select(rounded(pl.lit(1234.0), base=100)).item() == 1200
        assert pl.select(rounded(pl.lit(1250.0), base=100)).item() == 1300

    def test_null_stays_null(self) -> None:
        assert pl.select(rounded(pl.lit(None, dtype=pl.Float64), base=5)).item() is None


def _table() -> pl.LazyFrame:
    """Four cells of one breakdown: a rate each, its counts and its size."""
    return pl.LazyFrame(
        {
            "group": ["g", "g", "g", "h"],
            "part": ["small", "medium", "large", "missing"],
            "numerator": [3.0, 12.0, 91.0, None],
            "denominator": [8.0, 37.0, 400.0, 20.0],
            "value": [3 / 8, 12 / 37, 91 / 400, None],
            "workers": [8, 37, 400, 20],
            "workplaces": [3, 4, 20, 5],
        }
    )


def _protected(frame: pl.LazyFrame, policy: DisclosurePolicy = POLICY) -> pl.DataFrame:
    return (
        protect(
            frame,
            policy=policy,
            groups=[["group"]],
            order=["part"],
            withheld=["numerator", "denominator", "value"],
            counts=["numerator", "denominator"],
            missing=pl.col("value").is_null(),
        )
        .collect()
        .sort("part")
    )


class TestProtect:
    def test_table(self) -> None:
        expected = pl.DataFrame(
            {
                "group": ["g", "g", "h", "g"],
                "part": ["large", "medium", "missing", "small"],
                # 91 → 90 and 400 → 400; the rate is still 91/400, computed before rounding
                "numerator": [90.0, None, None, None],
                "denominator": [400.0, None, 20.0, None],
                "value": [91 / 400, None, None, None],
                "workers": [400, 37, 20, 8],
                "workplaces": [20, 4, 5, 3],
                # small: 8 workers; medium: the smallest other part of its group
                SUPPRESSED: [False, True, False, True],
                SYMBOL: ["", "[c]", "[x]", "[c]"],
            }
        )
        assert_frame_equal(_protected(_table()), expected)

    def test_rates_are_computed_before_rounding(self) -> None:
        frame = pl.LazyFrame(
            {
                "group": ["g"],
                "part": ["a"],
                "numerator": [12.0],
                "denominator": [37.0],
                "value": [12 / 37],
                "workers": [37],
                "workplaces": [3],
            }
        )
        row = _protected(frame).row(0, named=True)
        assert (row["numerator"], row["denominator"]) == (10.0, 35.0)
        assert row["value"] == pytest.approx(12 / 37)
        assert row["value"] != pytest.approx(10 / 35)
        assert row[SYMBOL] == ""

    def test_suppressed_beats_missing(self) -> None:
        frame = pl.LazyFrame(
            {
                "group": ["g"],
                "part": ["a"],
                "numerator": [None],
                "denominator": [4.0],
                "value": [None],
                "workers": [4],
                "workplaces": [1],
            },
            schema_overrides={"numerator": pl.Float64, "value": pl.Float64},
        )
        row = _protected(frame).row(0, named=True)
        assert row[SYMBOL] == "[c]"
        assert row["denominator"] is None

    def test_no_rounding_with_base_one(self) -> None:
        table = _protected(_table(), DisclosurePolicy(rounding_base=1))
        assert table.filter(pl.col("part") == "large")["numerator"].item() == 91.0


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

_part = st.tuples(st.integers(0, 60), st.integers(0, 8))
_groups = st.lists(st.lists(_part, min_size=1, max_size=8), min_size=1, max_size=5)
_policies = st.builds(
    DisclosurePolicy,
    min_workers=st.integers(0, 20),
    min_workplaces=st.integers(0, 5),
    rounding_base=st.sampled_from([1, 2, 5, 10]),
)


def _random_table(groups: list[list[tuple[int, int]]]) -> pl.LazyFrame:
    rows = [
        (f"g{g}", f"p{p}", workers, workplaces, float(workers))
        for g, parts in enumerate(groups)
        for p, (workers, workplaces) in enumerate(parts)
    ]
    return pl.LazyFrame(
        rows,
        schema={
            "group": pl.String,
            "part": pl.String,
            "workers": pl.Int64,
            "workplaces": pl.Int64,
            "numerator": pl.Float64,
        },
        orient="row",
    ).with_columns(
        pl.when(pl.col("workers") > 0).then(pl.col("numerator") / 100).alias("value"),
    )


def _protect_random(groups: list[list[tuple[int, int]]], policy: DisclosurePolicy) -> pl.DataFrame:
    return protect(
        _random_table(groups),
        policy=policy,
        groups=[["group"]],
        order=["part"],
        withheld=["numerator", "value"],
        counts=["numerator"],
        missing=pl.col("value").is_null(),
    ).collect()


class TestProperties:
    @settings(max_examples=150, deadline=None)
    @given(groups=_groups, policy=_policies)
    def test_no_group_has_exactly_one_suppressed_part(
        self, groups: list[list[tuple[int, int]]], policy: DisclosurePolicy
    ) -> None:
        table = _protect_random(groups, policy)
        counts = table.group_by("group").agg(
            pl.len().alias("parts"), pl.col(SUPPRESSED).sum().alias("suppressed")
        )
        # a lone suppressed part could be worked out as the total minus the published parts
        several = counts.filter(pl.col("parts") > 1)
        assert several.filter(pl.col("suppressed") == 1).height == 0

    @settings(max_examples=150, deadline=None)
    @given(groups=_groups, policy=_policies)
    def test_published_cells_meet_the_thresholds(
        self, groups: list[list[tuple[int, int]]], policy: DisclosurePolicy
    ) -> None:
        table = _protect_random(groups, policy)
        published = table.filter(pl.col(SYMBOL) != "[c]")
        assert (published["workers"] >= policy.min_workers).all()
        assert (published["workplaces"] >= policy.min_workplaces).all()
        withheld = table.filter(pl.col(SYMBOL) == "[c]")
        assert withheld["numerator"].null_count() == withheld.height
        assert withheld["value"].null_count() == withheld.height

    @settings(max_examples=150, deadline=None)
    @given(groups=_groups, policy=_policies)
    def test_published_counts_are_rounded(
        self, groups: list[list[tuple[int, int]]], policy: DisclosurePolicy
    ) -> None:
        table = _protect_random(groups, policy)
        counts = table.filter(pl.col(SYMBOL) != "[c]")["numerator"].drop_nulls()
        assert (counts % policy.rounding_base == 0).all()
        # and within half a base of the true count
        published = table.filter(pl.col(SYMBOL) != "[c]").drop_nulls("numerator")
        assert (
            (published["numerator"] - published["workers"]).abs() <= policy.rounding_base / 2
        ).all()

    @settings(max_examples=100, deadline=None)
    @given(groups=_groups)
    def test_secondary_suppression_adds_at_most_one_cell_per_group(
        self, groups: list[list[tuple[int, int]]]
    ) -> None:
        table = _protect_random(groups, POLICY)
        primary = _random_table(groups).pipe(flag_primary_suppression, policy=POLICY).collect()
        before = primary.group_by("group").agg(pl.col(SUPPRESSED).sum().alias("before"))
        after = table.group_by("group").agg(pl.col(SUPPRESSED).sum().alias("after"))
        joined = before.join(after, on="group")
        assert (joined["after"] - joined["before"]).is_between(0, 1).all()
        # every cell suppressed by primary suppression stays suppressed
        kept = primary.join(table, on=["group", "part"], suffix="_after")
        assert kept.filter(pl.col(SUPPRESSED) & ~pl.col(f"{SUPPRESSED}_after")).height == 0
