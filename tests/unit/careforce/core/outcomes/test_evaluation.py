"""Evaluating the framework on hand-built series: direction against polarity, significance,
missing and suppressed values, manual values, targets and the scorecard's shape."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.framework import SignificanceTest
from careforce.core.vocab import published as pub

pytestmark = pytest.mark.unit

BASE = "2020/21"
LATEST = "2021/22"


def measure(**fields: Any) -> dict[str, Any]:
    """A framework measure bound to vacancy_rate unless told otherwise."""
    return {"code": "1.1b", "title": "A workforce at full complement"} | (
        fields or {"sources": [{"measure_id": "vacancy_rate"}]}
    )


def row(
    scorecard: pl.DataFrame, period: str, code: str = "1.1b", number: int = 1
) -> dict[str, Any]:
    """The scorecard row of a measure, source and period."""
    found = scorecard.filter(
        (pl.col(c.MEASURE_CODE) == code)
        & (pl.col(c.SOURCE_NUMBER) == number)
        & (pl.col(pub.PERIOD) == period)
    )
    assert found.height == 1, found
    return found.row(0, named=True)


class TestDirection:
    @pytest.mark.parametrize(
        ("polarity", "latest", "expected"),
        [
            pytest.param("low-is-good", 0.07, "improving", id="low-is-good-falls"),
            pytest.param("low-is-good", 0.13, "worsening", id="low-is-good-rises"),
            pytest.param("high-is-good", 0.07, "worsening", id="high-is-good-falls"),
            pytest.param("high-is-good", 0.13, "improving", id="high-is-good-rises"),
            pytest.param("no-judgement", 0.13, "increasing", id="no-judgement-rises"),
            pytest.param("no-judgement", 0.07, "decreasing", id="no-judgement-falls"),
        ],
    )
    def test_significant_change_is_judged_against_polarity(
        self, build: SimpleNamespace, polarity: str, latest: float, expected: str
    ) -> None:
        rows = build.rows(
            "vacancy_rate",
            {BASE: (0.10, 0.09, 0.11, None), LATEST: (latest, latest - 0.01, latest + 0.01, None)},
        )
        data = build.framework(measure(polarity=polarity, sources=[{"measure_id": "vacancy_rate"}]))
        got = row(build.score(data, rows), LATEST)
        assert got[c.DIRECTION] == expected
        assert got[c.SIGNIFICANT] is True
        assert got[c.CHANGE_SINCE_BASELINE] == pytest.approx(latest - 0.10)
        assert got[pub.POLARITY] == polarity

    def test_polarity_defaults_to_the_indicator_results(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancy_rate",
            {BASE: (0.10, 0.09, 0.11, None), LATEST: (0.07, 0.06, 0.08, None)},
            polarity="low-is-good",
        )
        got = row(build.score(build.framework(measure()), rows), LATEST)
        assert (got[pub.POLARITY], got[c.DIRECTION]) == ("low-is-good", "improving")

    def test_a_source_overrides_the_measure_polarity(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "leavers_remaining_in_sector",
            {BASE: (0.65, 0.62, 0.68, None), LATEST: (0.55, 0.52, 0.58, None)},
        )
        data = build.framework(
            measure(
                polarity="low-is-good",
                sources=[{"measure_id": "leavers_remaining_in_sector", "polarity": "high-is-good"}],
            )
        )
        assert row(build.score(data, rows), LATEST)[c.DIRECTION] == "worsening"

    def test_small_change_is_no_significant_change(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancy_rate",
            {BASE: (0.100, 0.090, 0.110, None), LATEST: (0.104, 0.094, 0.114, None)},
        )
        got = row(build.score(build.framework(measure()), rows), LATEST)
        assert got[c.SIGNIFICANT] is False
        assert got[c.DIRECTION] == "no significant change"
        assert got[c.CHANGE_SINCE_BASELINE] == pytest.approx(0.004)


# Intervals overlap (0.105 < 0.110), but the z-test on the difference is significant:
# se = 0.01 / 1.96 each, z = 0.015 / (0.0051 * sqrt 2) = 2.08 > 1.96.
OVERLAPPING = {BASE: (0.100, 0.090, 0.110, None), LATEST: (0.115, 0.105, 0.125, None)}


class TestSignificance:
    @pytest.mark.parametrize(
        ("test", "significant", "direction"),
        [
            pytest.param(SignificanceTest.Z_TEST, True, "worsening", id="z-test"),
            pytest.param(
                SignificanceTest.INTERVAL_OVERLAP, False, "no significant change", id="overlap"
            ),
        ],
    )
    def test_the_framework_chooses_the_test(
        self,
        build: SimpleNamespace,
        test: SignificanceTest,
        significant: bool,
        direction: str,
    ) -> None:
        data = build.framework(measure()) | {"significance_test": test.value}
        got = row(build.score(data, build.rows("vacancy_rate", OVERLAPPING)), LATEST)
        assert (got[c.SIGNIFICANT], got[c.DIRECTION]) == (significant, direction)

    def test_one_interval_compares_the_other_value_with_it(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancy_rate", {BASE: (0.10, 0.09, 0.11, None), LATEST: (0.12, None, None, None)}
        )
        got = row(build.score(build.framework(measure()), rows), LATEST)
        assert (got[c.SIGNIFICANT], got[c.DIRECTION]) == (True, "worsening")

    def test_no_interval_cannot_be_judged(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "pay_above_national_living_wage",
            {BASE: (0.28, None, None, None), LATEST: (0.59, None, None, None)},
            polarity="high-is-good",
            unit="pounds per hour",
        )
        data = build.framework(measure(sources=[{"measure_id": "pay_above_national_living_wage"}]))
        got = row(build.score(data, rows), LATEST)
        assert got[c.CHANGE_SINCE_BASELINE] == pytest.approx(0.31)
        assert got[c.SIGNIFICANT] is None
        assert got[c.DIRECTION] == "cannot be calculated"

    def test_exact_values_need_no_interval(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancies",
            {BASE: (250.0, None, None, None), LATEST: (240.0, None, None, None)},
            unit="count",
        )
        data = build.framework(measure(sources=[{"measure_id": "vacancies", "exact": True}]))
        got = row(build.score(data, rows), LATEST)
        assert (got[c.SIGNIFICANT], got[c.DIRECTION]) == (True, "improving")


class TestMissingValues:
    def test_suppressed_value_stays_empty_with_its_symbol(self, build: SimpleNamespace) -> None:
        # A number beside [c] is never shown, even if a file carries one.
        rows = build.rows(
            "vacancy_rate", {BASE: (0.10, 0.09, 0.11, None), LATEST: (0.07, 0.06, 0.08, "[c]")}
        )
        got = row(build.score(build.framework(measure()), rows), LATEST)
        assert got[pub.VALUE] is None
        assert got[pub.LOWER] is None
        assert got[pub.UPPER] is None
        assert got[pub.SYMBOL] == "[c]"
        assert got[c.CHANGE_SINCE_BASELINE] is None
        assert got[c.DIRECTION] == "cannot be calculated"
        assert got[c.DIRECTION_SINCE_LAST] == "cannot be calculated"

    def test_suppressed_baseline_leaves_every_later_change_uncalculated(
        self, build: SimpleNamespace
    ) -> None:
        rows = build.rows(
            "vacancy_rate", {BASE: (None, None, None, "[c]"), LATEST: (0.07, 0.06, 0.08, None)}
        )
        got = row(build.score(build.framework(measure()), rows), LATEST)
        assert (got[c.BASELINE_VALUE], got[c.BASELINE_SYMBOL]) == (None, "[c]")
        assert got[pub.VALUE] == pytest.approx(0.07)
        assert got[c.DIRECTION] == "cannot be calculated"

    def test_missing_period_is_not_available(self, build: SimpleNamespace) -> None:
        rows = build.rows("vacancy_rate", {BASE: (0.10, 0.09, 0.11, None)}) + build.rows(
            "turnover_rate", {LATEST: (0.3, 0.28, 0.32, None)}
        )
        got = row(build.score(build.framework(measure()), rows), LATEST)
        assert (got[pub.VALUE], got[pub.SYMBOL]) == (None, "[x]")
        assert got[c.DIRECTION] == "cannot be calculated"

    def test_not_a_number_is_not_a_value(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancy_rate",
            {BASE: (0.10, 0.09, 0.11, None), LATEST: (float("nan"), None, None, None)},
        )
        got = row(build.score(build.framework(measure()), rows), LATEST)
        assert (got[pub.VALUE], got[pub.SYMBOL]) == (None, "[x]")

    def test_measure_absent_from_the_results_is_all_not_available(
        self, build: SimpleNamespace
    ) -> None:
        rows = build.rows("turnover_rate", {BASE: (0.3, 0.28, 0.32, None)})
        scorecard = build.score(build.framework(measure()), rows)
        series = scorecard.filter(pl.col(c.MEASURE_CODE) == "1.1b")
        assert series.get_column(pub.VALUE).null_count() == series.height
        assert set(series.get_column(pub.SYMBOL)) == {"[x]"}
        assert series.get_column(c.SOURCE_LABEL).to_list() == ["vacancy_rate"] * series.height

    def test_empty_symbol_is_no_symbol(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancy_rate", {BASE: (0.10, 0.09, 0.11, ""), LATEST: (None, None, None, " ")}
        )
        scorecard = build.score(build.framework(measure()), rows)
        assert row(scorecard, BASE)[pub.SYMBOL] is None
        assert row(scorecard, LATEST)[pub.SYMBOL] == "[x]"

    def test_interval_without_value_is_dropped(self, build: SimpleNamespace) -> None:
        rows = build.rows("vacancy_rate", {BASE: (None, 0.09, 0.11, None)})
        got = row(build.score(build.framework(measure()), rows), BASE)
        assert (got[pub.LOWER], got[pub.UPPER], got[pub.SYMBOL]) == (None, None, "[x]")


class TestPeriods:
    def test_too_few_points_cannot_be_calculated(self, build: SimpleNamespace) -> None:
        rows = build.rows("vacancy_rate", {LATEST: (0.07, 0.06, 0.08, None)})
        scorecard = build.score(build.framework(measure()), rows)
        got = row(scorecard, LATEST)
        assert got[c.BASELINE_SYMBOL] == "[x]"
        assert got[c.DIRECTION] == "cannot be calculated"
        assert got[c.DIRECTION_SINCE_LAST] == "cannot be calculated"

    def test_baseline_period_and_earlier_are_not_applicable(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancy_rate",
            {
                "2019/20": (0.08, 0.07, 0.09, None),
                BASE: (0.10, 0.09, 0.11, None),
                LATEST: (0.07, 0.06, 0.08, None),
            },
        )
        scorecard = build.score(build.framework(measure()), rows)
        assert row(scorecard, "2019/20")[c.DIRECTION] == "not applicable"
        assert row(scorecard, BASE)[c.DIRECTION] == "not applicable"
        assert row(scorecard, BASE)[c.CHANGE_SINCE_BASELINE] is None
        # ... but the change since the previous period is judged for the baseline period itself.
        assert row(scorecard, BASE)[c.DIRECTION_SINCE_LAST] == "worsening"
        assert row(scorecard, "2019/20")[c.DIRECTION_SINCE_LAST] == "not applicable"

    def test_change_since_last_uses_the_previous_period(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancy_rate",
            {
                "2019/20": (0.08, 0.07, 0.09, None),
                BASE: (0.10, 0.09, 0.11, None),
                LATEST: (0.101, 0.091, 0.111, None),
                "2022/23": (0.07, 0.06, 0.08, None),
            },
        )
        got = row(build.score(build.framework(measure()), rows), "2022/23")
        assert got[c.PREVIOUS_PERIOD] == LATEST
        assert got[c.PREVIOUS_VALUE] == pytest.approx(0.101)
        assert got[c.CHANGE_SINCE_LAST] == pytest.approx(-0.031)
        assert got[c.DIRECTION_SINCE_LAST] == "improving"

    def test_change_since_last_skips_periods_the_series_was_not_observed_in(
        self, build: SimpleNamespace
    ) -> None:
        # Survey rounds ("2022", "2023") sit between the returns' financial years: each series
        # is compared with its own last observation, not with a period it has no value for.
        returns = build.rows(
            "vacancy_rate",
            {BASE: (0.10, 0.09, 0.11, None), LATEST: (0.08, 0.07, 0.09, None)},
        )
        survey = build.rows(
            "considering_leaving_share",
            {"2021": (0.25, 0.2, 0.3, None), "2022": (0.18, 0.16, 0.2, None)},
        )
        framework = build.framework(
            measure(),
            measure(
                code="1.1a", title="Turnover", sources=[{"measure_id": "considering_leaving_share"}]
            ),
        )
        scorecard = build.score(framework, returns + survey)
        got = row(scorecard, LATEST)
        assert (got[c.PREVIOUS_PERIOD], got[c.DIRECTION_SINCE_LAST]) == (BASE, "improving")
        assert got[c.CHANGE_SINCE_LAST] == pytest.approx(-0.02)
        asked = row(scorecard, "2022", code="1.1a")
        assert (asked[c.PREVIOUS_PERIOD], asked[c.DIRECTION_SINCE_LAST]) == ("2021", "improving")
        assert asked[c.CHANGE_SINCE_LAST] == pytest.approx(-0.07)
        first = row(scorecard, "2021", code="1.1a")
        assert first[c.PREVIOUS_PERIOD] == BASE
        assert first[c.DIRECTION_SINCE_LAST] == "cannot be calculated"

    def test_baseline_without_data_still_gets_its_row(self, build: SimpleNamespace) -> None:
        rows = build.rows("vacancy_rate", {LATEST: (0.07, 0.06, 0.08, None)})
        scorecard = build.score(build.framework(measure(), baseline="2018/19"), rows)
        assert scorecard.get_column(pub.PERIOD).unique().sort().to_list() == ["2018/19", LATEST]
        assert row(scorecard, "2018/19")[pub.SYMBOL] == "[x]"


class TestSources:
    def test_no_data_source_has_a_row_for_every_period(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancy_rate", {BASE: (0.10, 0.09, 0.11, None), LATEST: (0.07, 0.06, 0.08, None)}
        )
        data = build.framework(
            measure(),
            {"code": "1.2a", "title": "Flexible skills", "no_data_source": "Survey planned."},
        )
        scorecard = build.score(data, rows)
        gap = scorecard.filter(pl.col(c.MEASURE_CODE) == "1.2a")
        expected = pl.DataFrame(
            {
                pub.PERIOD: [BASE, LATEST],
                c.SOURCE_STATUS: ["no data source yet"] * 2,
                pub.VALUE: [None, None],
                pub.SYMBOL: ["[x]", "[x]"],
                c.DIRECTION: ["cannot be calculated"] * 2,
                c.NOTE: ["Survey planned."] * 2,
            },
            schema_overrides={pub.VALUE: pl.Float64},
        )
        assert_frame_equal(gap.select(expected.columns), expected)

    def test_manual_values_are_evaluated_with_their_evidence(self, build: SimpleNamespace) -> None:
        manual = {
            "label": "Care arrangements in target time",
            "unit": "proportion",
            "values": [
                {"period": BASE, "value": 0.80, "evidence": "Brokerage report 2021"},
                {
                    "period": LATEST,
                    "value": 0.86,
                    "evidence": "Brokerage report 2022",
                    "evidence_url": "https://example.org/b22",
                },
            ],
        }
        data = build.framework(
            measure(
                code="1.I4",
                title="Care arrangements",
                polarity="high-is-good",
                sources=[{"manual": manual, "exact": True}],
            )
        )
        got = row(build.score(data, []), LATEST, code="1.I4")
        assert got[c.SOURCE_STATUS] == "manual"
        assert got[c.SOURCE_LABEL] == "Care arrangements in target time"
        assert got[pub.UNIT] == "proportion"
        assert got[pub.VALUE] == pytest.approx(0.86)
        assert got[c.DIRECTION] == "improving"
        assert (got[c.EVIDENCE], got[c.EVIDENCE_URL]) == (
            "Brokerage report 2022",
            "https://example.org/b22",
        )

    def test_manual_value_left_out_keeps_its_symbol(self, build: SimpleNamespace) -> None:
        manual = {
            "label": "Caseloads within the standard",
            "unit": "proportion",
            "values": [{"period": LATEST, "symbol": "[z]", "evidence": "Not collected"}],
        }
        data = build.framework(
            measure(code="1.I5", title="Caseloads", sources=[{"manual": manual}])
        )
        got = row(build.score(data, []), LATEST, code="1.I5")
        assert (got[pub.VALUE], got[pub.SYMBOL]) == (None, "[z]")

    def test_breakdown_selects_the_row(self, build: SimpleNamespace) -> None:
        rows = build.rows("zero_hours_share", {LATEST: (0.17, 0.16, 0.18, None)}) + build.rows(
            "zero_hours_share",
            {LATEST: (0.42, 0.39, 0.45, None)},
            breakdown="service_group",
            breakdown_value="home care",
        )
        data = build.framework(
            measure(
                code="1.I6",
                title="Zero hours in home care",
                sources=[
                    {
                        "measure_id": "zero_hours_share",
                        "breakdown": "service_group",
                        "breakdown_value": "home care",
                    }
                ],
            )
        )
        got = row(build.score(data, rows), LATEST, code="1.I6")
        assert got[pub.VALUE] == pytest.approx(0.42)
        assert got[c.SOURCE_LABEL] == "Zero hours share: home care"


class TestTargets:
    @pytest.mark.parametrize(
        ("latest", "progress", "status"),
        [
            pytest.param(0.09, 0.5, "not yet met", id="halfway"),
            pytest.param(0.08, 1.0, "met", id="reached"),
            pytest.param(0.07, 1.5, "met", id="passed"),
            pytest.param(0.11, -0.5, "not yet met", id="moving-away"),
        ],
    )
    def test_progress_from_baseline_to_target(
        self, build: SimpleNamespace, latest: float, progress: float, status: str
    ) -> None:
        rows = build.rows(
            "vacancy_rate",
            {BASE: (0.10, 0.09, 0.11, None), LATEST: (latest, latest - 0.01, latest + 0.01, None)},
        )
        data = build.framework(
            measure(sources=[{"measure_id": "vacancy_rate"}], target={"value": 0.08, "year": 2027})
        )
        got = row(build.score(data, rows), LATEST)
        assert got[c.PROGRESS_TO_TARGET] == pytest.approx(progress)
        assert got[c.TARGET_STATUS] == status
        assert (got[c.TARGET], got[c.TARGET_YEAR]) == (0.08, 2027)

    def test_no_target(self, build: SimpleNamespace) -> None:
        rows = build.rows("vacancy_rate", {BASE: (0.10, 0.09, 0.11, None)})
        got = row(build.score(build.framework(measure()), rows), BASE)
        assert (got[c.PROGRESS_TO_TARGET], got[c.TARGET_STATUS]) == (None, "no target")

    def test_before_the_baseline_progress_is_not_applicable(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancy_rate",
            {"2019/20": (0.07, 0.06, 0.08, None), BASE: (0.10, 0.09, 0.11, None)},
        )
        data = build.framework(
            measure(sources=[{"measure_id": "vacancy_rate"}], target={"value": 0.08, "year": 2027})
        )
        got = row(build.score(data, rows), "2019/20")
        assert (got[c.PROGRESS_TO_TARGET], got[c.TARGET_STATUS]) == (None, "not applicable")


class TestScorecardShape:
    def test_columns_and_order(self, build: SimpleNamespace) -> None:
        rows = build.rows(
            "vacancy_rate", {LATEST: (0.07, 0.06, 0.08, None), BASE: (0.10, 0.09, 0.11, None)}
        )
        data = build.framework(
            {"code": "1.1c", "title": "Wellbeing", "no_data_source": "Later."}, measure()
        )
        scorecard = build.score(data, rows)
        assert scorecard.columns == list(c.SCORECARD_COLUMNS)
        assert scorecard.select(c.MEASURE_CODE, pub.PERIOD).rows() == [
            ("1.1c", BASE),
            ("1.1c", LATEST),
            ("1.1b", BASE),
            ("1.1b", LATEST),
        ]
        assert set(scorecard.get_column(pub.AREA_CODE)) == {"E10000028"}
