"""Publishing computed measures: catalogue columns, comparators, disclosure control, order."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.indicators.catalogue import MEASURES
from careforce.core.indicators.compute import RESULT_SCHEMA
from careforce.core.publishing.publish import (
    PRIORITY,
    catalogue_columns,
    groupings,
    publish,
    with_comparators,
)
from careforce.core.vocab.published import PUBLISHED_COLUMNS

pytestmark = pytest.mark.unit


# ---------------------------------------------------------------------------------------------
# publish() on hand-made results: disclosure holes
# ---------------------------------------------------------------------------------------------


def _result(
    measure_id: str,
    breakdown: str,
    value: str,
    numerator: float,
    denominator: float | None,
    rate: float,
    interval: tuple[float, float],
    workers: int,
    workplaces: int = 5,
) -> dict[str, Any]:
    return {
        "measure_id": measure_id,
        "period": "2021/22",
        "area_code": "E10000028",
        "area_name": "Staffordshire",
        "breakdown": breakdown,
        "breakdown_value": value,
        "numerator": numerator,
        "denominator": denominator,
        "value": rate,
        "lower_ci": interval[0],
        "upper_ci": interval[1],
        "workers": workers,
        "workplaces": workplaces,
    }


def _publish(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return publish(
        pl.DataFrame(rows, schema=RESULT_SCHEMA),
        policy=DisclosurePolicy(),
        comparators=None,
        unsuppressed=False,
    )


def _byar(k: float) -> tuple[float, float]:
    z = 1.959963984540054
    return (
        k * (1 - 1 / (9 * k) - z / (3 * k**0.5)) ** 3,
        (k + 1) * (1 - 1 / (9 * (k + 1)) + z / (3 * (k + 1) ** 0.5)) ** 3,
    )


class TestPublishDisclosure:
    def test_one_way_contract_breakdown_gets_secondary_suppression(self) -> None:
        # parts of one whole (denominator 89): Pool/Bank has 4 workers
        parts = {"Permanent": 50, "Temporary": 20, "Agency": 15, "Pool/Bank": 4}
        rows = [
            _result("contract_share", "contract", c, n, 89, n / 89, (0.0, 1.0), n)
            for c, n in parts.items()
        ]
        table = _publish(rows)
        symbols = dict(zip(table["breakdown_value"], table["symbol"], strict=True))
        assert symbols["Pool/Bank"] == "[c]"
        assert list(symbols.values()).count("[c]") == 2
        assert symbols["Agency"] == "[c]"  # the smallest other part

    def test_two_way_contract_breakdown_gets_secondary_suppression(self) -> None:
        parts = {"Permanent": 50, "Temporary": 20, "Agency": 15, "Pool/Bank": 4}
        rows = [
            _result(
                "contract_share", "sector/contract", f"independent/{c}", n, 89, n / 89, (0, 1), n
            )
            for c, n in parts.items()
        ]
        table = _publish(rows)
        assert table["symbol"].to_list().count("[c]") == 2

    def test_rounding_hides_the_exact_count_value(self) -> None:
        values = {
            k: _publish(
                [_result("filled_posts", "total", "all", k, None, k, _byar(k), int(k))]
            ).row(0, named=True)["value"]
            for k in (91.0, 92.0)
        }
        assert values == {91.0: 90.0, 92.0: 90.0}

    def test_published_count_cell_does_not_reveal_the_exact_count(self) -> None:
        published = [
            _publish([_result("filled_posts", "total", "all", k, None, k, _byar(k), int(k))])
            for k in (91.0, 92.0)
        ]
        assert published[0].row(0) == published[1].row(0)


def _comparators(*rows: tuple[str, str, str, str, str, float]) -> pl.DataFrame:
    """Comparator rows: (measure, period, area, breakdown, breakdown value, value), in priority order."""
    return pl.DataFrame(
        [
            {
                "measure_id": m,
                "period": p,
                "area_code": a,
                "breakdown": b,
                "breakdown_value": v,
                "comparator_value": x,
            }
            for m, p, a, b, v, x in rows
        ],
        schema={
            "measure_id": pl.String,
            "period": pl.String,
            "area_code": pl.String,
            "breakdown": pl.String,
            "breakdown_value": pl.String,
            "comparator_value": pl.Float64,
        },
    ).with_row_index(PRIORITY)


def _results(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=RESULT_SCHEMA)


class TestComparatorsJoin:
    def test_no_comparators_means_an_empty_column(self) -> None:
        results = _results(
            [_result("vacancy_rate", "total", "all", 10, 100, 0.1, (0.05, 0.2), 100)]
        )
        joined = with_comparators(results, None)
        assert joined["comparator_value"].to_list() == [None]

    def test_first_matching_row_wins_and_blank_matches_everything(self) -> None:
        results = _results(
            [
                _result("vacancy_rate", "total", "all", 10, 100, 0.1, (0.05, 0.2), 100),
                _result("vacancy_rate", "sector", "independent", 8, 80, 0.1, (0.05, 0.2), 80),
            ]
        )
        comparators = _comparators(
            ("vacancy_rate", "2020/21", "", "total", "all", 0.5),
            ("vacancy_rate", "", "E10000028", "total", "all", 0.07),
            ("vacancy_rate", "", "", "total", "all", 0.09),
        )
        joined = with_comparators(results, comparators)
        assert joined["comparator_value"].to_list() == [0.07, None]
        assert joined.columns == [*RESULT_SCHEMA.names(), "comparator_value", "comparator_name"]

    def test_the_comparators_name_comes_with_its_value(self) -> None:
        results = _results(
            [_result("vacancy_rate", "total", "all", 10, 100, 0.1, (0.05, 0.2), 100)]
        )
        comparators = _comparators(
            ("vacancy_rate", "", "", "total", "all", 0.104),
        ).with_columns(pl.lit("West Midlands (April 2022)").alias("comparator_name"))
        joined = with_comparators(results, comparators)
        assert joined.select("comparator_value", "comparator_name").row(0) == (
            0.104,
            "West Midlands (April 2022)",
        )


class TestCatalogueColumns:
    def test_one_row_per_measure_id_in_catalogue_order(self) -> None:
        columns = catalogue_columns()
        ids = list(dict.fromkeys(m.id for m in MEASURES))
        assert columns["measure_id"].to_list() == ids
        assert columns["_order"].to_list() == list(range(len(ids)))

    def test_words_come_from_the_first_entry(self) -> None:
        row = catalogue_columns().filter(pl.col("measure_id") == "turnover_rate").row(0, named=True)
        assert (row["measure_name"], row["unit"], row["polarity"], row["_kind"]) == (
            "Staff turnover rate",
            "rate",
            "low-is-good",
            "workplace rate",
        )


class TestPublishedTable:
    def test_columns_are_the_published_schema(self) -> None:
        table = _publish([_result("vacancy_rate", "total", "all", 10, 100, 0.1, (0.05, 0.2), 100)])
        assert tuple(table.columns) == PUBLISHED_COLUMNS

    def test_order_is_catalogue_then_headline_first(self) -> None:
        table = _publish(
            [
                _result("vacancy_rate", "sector", "independent", 10, 100, 0.1, (0.05, 0.2), 100),
                _result("vacancy_rate", "total", "all", 20, 200, 0.1, (0.05, 0.2), 200),
                _result("filled_posts", "total", "all", 200, None, 200, _byar(200), 200),
            ]
        )
        assert table.select("measure_id", "breakdown").rows() == [
            ("filled_posts", "total"),
            ("vacancy_rate", "total"),
            ("vacancy_rate", "sector"),
        ]

    def test_ordinal_categories_in_natural_order(self) -> None:
        table = _publish(
            [
                _result("workforce_share", "age_group", band, 30, 100, 0.3, (0.2, 0.4), 100)
                for band in ("55 and over", "25-54", "under 25")
            ]
        )
        assert table["breakdown_value"].to_list() == ["under 25", "25-54", "55 and over"]

    def test_comparison_against_polarity(self) -> None:
        table = publish(
            _results([_result("vacancy_rate", "total", "all", 10, 100, 0.1, (0.05, 0.2), 100)]),
            policy=DisclosurePolicy(),
            comparators=_comparators(("vacancy_rate", "", "", "total", "all", 0.3)),
            unsuppressed=False,
        )
        row = table.row(0, named=True)
        assert (row["comparator_value"], row["comparison"], row["symbol"]) == (0.3, "better", None)

    def test_a_suppressed_cell_is_not_compared(self) -> None:
        table = publish(
            _results([_result("vacancy_rate", "total", "all", 1, 5, 0.2, (0.05, 0.6), 5)]),
            policy=DisclosurePolicy(),
            comparators=_comparators(("vacancy_rate", "", "", "total", "all", 0.9)),
            unsuppressed=False,
        )
        row = table.row(0, named=True)
        assert (row["comparator_value"], row["comparison"], row["symbol"]) == (
            None,
            "not-compared",
            "[c]",
        )

    def test_negative_lower_limit_of_a_mean_is_zero(self) -> None:
        table = _publish(
            [_result("sickness_days_per_worker", "total", "all", 30, 20, 1.5, (-0.5, 3.5), 20)]
        )
        assert table.row(0, named=True)["lower_ci"] == 0.0

    def test_a_published_cell_without_a_value_is_not_available(self) -> None:
        row = _publish(
            [
                _result(
                    "pay_above_national_living_wage",
                    "total",
                    "all",
                    float("nan"),
                    50,
                    float("nan"),
                    (float("nan"), float("nan")),
                    50,
                )
            ]
        ).row(0, named=True)
        assert (row["value"], row["symbol"]) == (None, "[x]")

    def test_a_cell_too_small_to_publish_is_confidential_even_without_a_value(self) -> None:
        row = _publish(
            [_result("vacancy_rate", "total", "all", 0, 0, float("nan"), (0, 0), 0, 0)]
        ).row(0, named=True)
        assert (row["value"], row["symbol"]) == (None, "[c]")

    def test_unsuppressed_keeps_small_cells_and_exact_counts(self) -> None:
        table = publish(
            _results([_result("filled_posts", "total", "all", 7, None, 7, _byar(7), 7, 1)]),
            policy=DisclosurePolicy(),
            comparators=None,
            unsuppressed=True,
        )
        row = table.row(0, named=True)
        assert (row["value"], row["numerator"], row["symbol"]) == (7.0, 7.0, None)


def test_groupings_are_rows_and_columns_of_two_way_tables() -> None:
    assert groupings() == [
        ["measure_id", "period", "area_code", "breakdown", "part_of"],
        ["measure_id", "period", "area_code", "breakdown", "category"],
    ]


_CELL = st.tuples(st.integers(0, 40), st.integers(0, 6), st.integers(0, 40))
"""A part of a breakdown: workers, workplaces and vacancies."""


@settings(max_examples=60, deadline=None)
@given(st.lists(_CELL, min_size=1, max_size=6))
def test_publish_never_reveals_a_suppressed_cell(cells: list[tuple[int, int, int]]) -> None:
    policy = DisclosurePolicy()
    rows = []
    for index, (workers, workplaces, vacancies) in enumerate(cells):
        total = workers + vacancies
        rate = vacancies / total if total else float("nan")
        rows.append(
            _result(
                "vacancy_rate",
                "sector",
                f"part {index}",
                float(vacancies),
                float(total),
                rate,
                (0.0, 1.0),
                workers,
                workplaces,
            )
        )
    table = _publish(rows)
    withheld = ["numerator", "denominator", "value", "lower_ci", "upper_ci", "comparator_value"]
    for (workers, workplaces, _), row in zip(cells, table.iter_rows(named=True), strict=True):
        if workers < policy.min_workers or workplaces < policy.min_workplaces:
            assert row["symbol"] == "[c]"
        if row["symbol"] == "[c]":
            assert all(row[column] is None for column in withheld)
            assert row["comparison"] == "not-compared"
        else:
            assert row["numerator"] % policy.rounding_base == 0
    suppressed = table["symbol"].to_list().count("[c]")
    assert suppressed != 1 or len(cells) == 1


# ---------------------------------------------------------------------------------------------
# published rates and shares cannot un-round their counts
# ---------------------------------------------------------------------------------------------

_RATIO_MEASURES = ("vacancy_rate", "turnover_rate", "leavers_remaining_in_sector")
"""A workplace proportion, a workplace rate and a share."""


def _recovered(row: dict[str, Any], base: int) -> set[tuple[int, int]]:
    """The exact (numerator, denominator) pairs an attacker finds from a published row: those
    that round to the published counts and give the published value."""
    half = base // 2
    numerators = range(int(row["numerator"]) - half, int(row["numerator"]) + half + 1)
    denominators = range(int(row["denominator"]) - half, int(row["denominator"]) + half + 1)
    return {
        (n, d)
        for n in numerators
        for d in denominators
        if n >= 0 and d > 0 and abs(n / d - row["value"]) <= 1e-12
    }


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(_RATIO_MEASURES),
    st.integers(20, 3000).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d))),
)
def test_no_rounded_count_is_recovered_from_a_published_rate(
    measure_id: str, counts: tuple[int, int]
) -> None:
    numerator, denominator = counts
    rate = numerator / denominator
    table = _publish(
        [_result(measure_id, "total", "all", numerator, denominator, rate, (0.0, 1.0), denominator)]
    )
    row = table.row(0, named=True)
    base = DisclosurePolicy().rounding_base
    assert row["numerator"] % base == 0
    assert row["denominator"] % base == 0
    # the value is the published numerator over the published denominator
    assert row["value"] == pytest.approx(row["numerator"] / row["denominator"], rel=1e-15)
    assert row["lower_ci"] - 1e-12 <= row["value"] <= row["upper_ci"] + 1e-12
    recovered = _recovered(row, base)
    if (numerator, denominator) != (row["numerator"], row["denominator"]):
        # the published pair always fits, so the exact pair is never the one answer
        assert (row["numerator"], row["denominator"]) in recovered
        assert recovered != {(numerator, denominator)}


def test_the_old_publication_could_be_un_rounded() -> None:
    # what the check above guards against: the exact value beside rounded counts
    row = {"numerator": 45.0, "denominator": 335.0, "value": 43 / 337}
    assert _recovered(row, 5) == {(43, 337)}


@pytest.mark.parametrize(
    ("measure_id", "interval"),
    [
        ("vacancy_rate", "wilson"),
        ("leavers_remaining_in_sector", "wilson"),
        ("turnover_rate", "byar"),
    ],
)
def test_published_interval_comes_from_the_rounded_counts(measure_id: str, interval: str) -> None:
    row = _publish([_result(measure_id, "total", "all", 43, 337, 43 / 337, (0.0, 1.0), 337)]).row(
        0, named=True
    )
    assert (row["numerator"], row["denominator"]) == (45.0, 335.0)
    assert row["value"] == 45 / 335
    if interval == "byar":
        lower, upper = _byar(45.0)
        assert row["lower_ci"] == pytest.approx(lower / 335, rel=1e-12)
        assert row["upper_ci"] == pytest.approx(upper / 335, rel=1e-12)
    else:
        z, p, n = 1.959963984540054, 45 / 335, 335
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5 / (1 + z * z / n)
        assert row["lower_ci"] == pytest.approx(centre - half, rel=1e-9)
        assert row["upper_ci"] == pytest.approx(centre + half, rel=1e-9)
