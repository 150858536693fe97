"""The support score: each factor, the weights, ties, missing data, and its properties."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careforce.core.benchmarks.support import (
    Factor,
    FactorSetting,
    SupportSettings,
    SupportSettingsError,
    comparator_column,
    organisation_measures,
    points_column,
    service_column,
    support_scores,
    support_settings,
)
from careforce.io.support_files import load_support_settings

pytestmark = pytest.mark.unit

SETTINGS = SupportSettings(
    version="test",
    factors={
        Factor.TURNOVER: FactorSetting(weight=25, full_at=0.2),
        Factor.VACANCY: FactorSetting(weight=20, full_at=0.1),
        Factor.CARE_CERTIFICATE: FactorSetting(weight=15, full_at=0.3),
        Factor.QUALIFIED: FactorSetting(weight=15, full_at=0.3),
        Factor.NO_RECENT_RETURN: FactorSetting(weight=15, full_at=2),
        Factor.DATA_QUALITY: FactorSetting(weight=10, full_at=5),
    },
)
"""The shipped weights, spelt out so hand-computed scores do not move with the file."""
COMPARED = (Factor.TURNOVER, Factor.VACANCY, Factor.CARE_CERTIFICATE, Factor.QUALIFIED)


def provider(organisation_id: int = 1, name: str = "Alder", **values: Any) -> dict[str, Any]:
    """A provider row with no concern at all, changed by ``values``."""
    row: dict[str, Any] = {
        "organisation_id": organisation_id,
        "organisation": name,
        "periods_since_return": 0,
        "errors_per_100": 0.0,
    }
    for factor in COMPARED:
        row[factor.value] = 0.3
        row[comparator_column(factor)] = 0.3
        row[service_column(factor)] = "Domiciliary care services"
    row.update(values)
    return row


def frame(*rows: dict[str, Any]) -> pl.DataFrame:
    schema = {
        "organisation_id": pl.Int64,
        "organisation": pl.String,
        "periods_since_return": pl.Int64,
        "errors_per_100": pl.Float64,
        **{
            column: dtype
            for factor in COMPARED
            for column, dtype in (
                (factor.value, pl.Float64),
                (comparator_column(factor), pl.Float64),
                (service_column(factor), pl.String),
            )
        },
    }
    return pl.DataFrame(list(rows), schema=schema)


def score(**values: Any) -> dict[str, Any]:
    return support_scores(frame(provider(**values)), SETTINGS, period="2023/24").row(0, named=True)


class TestFactors:
    def test_no_concern_scores_nothing(self) -> None:
        result = score()
        assert result["score"] == 0.0
        assert result["reasons"] == []
        assert result["left_out"] == []

    def test_turnover_above_similar_workplaces(self) -> None:
        # 48% against 31%: 17 points of 20 above, so 25 x 0.85 = 21.25 -> 21.2 (one decimal)
        result = score(turnover=0.48, turnover_comparator=0.31)
        assert result[points_column(Factor.TURNOVER)] == pytest.approx(21.25)
        assert result["score"] == pytest.approx(21.2)
        assert result["reasons"] == [
            "Staff turnover 48% against 31% for similar workplaces "
            "(Domiciliary care services) in the area"
        ]

    def test_turnover_below_similar_workplaces_adds_nothing(self) -> None:
        assert score(turnover=0.1, turnover_comparator=0.31)["score"] == 0.0

    def test_vacancy_rate_is_capped_at_full_concern(self) -> None:
        result = score(vacancy=0.5, vacancy_comparator=0.1)
        assert result[points_column(Factor.VACANCY)] == 20.0

    def test_low_care_certificate_share(self) -> None:
        # 40% against 70%: 30 points below = full concern, 15 points
        result = score(care_certificate=0.4, care_certificate_comparator=0.7)
        assert result["score"] == 15.0
        assert result["reasons"][0].startswith("Care Certificate (completed or in progress) 40%")

    def test_low_qualification_share(self) -> None:
        # 10 points below of 30: 15 / 3 = 5
        result = score(qualified=0.5, qualified_comparator=0.6)
        assert result["score"] == 5.0

    def test_no_recent_return(self) -> None:
        assert score(periods_since_return=1)["score"] == 7.5
        assert score(periods_since_return=3)["score"] == 15.0
        never = score(periods_since_return=None)
        assert never["score"] == 15.0
        assert never["reasons"] == ["No accepted return yet (as of 2023/24)"]

    def test_errors_per_100_records(self) -> None:
        result = score(errors_per_100=2.0)
        assert result["score"] == 4.0
        assert result["reasons"] == ["2.0 errors per 100 records in its latest upload"]

    def test_factors_add_up_and_reasons_are_largest_first(self) -> None:
        result = score(errors_per_100=5.0, turnover=0.5, turnover_comparator=0.3)
        assert result["score"] == 35.0
        assert [line.split(" ")[0] for line in result["reasons"]] == ["Staff", "5.0"]

    def test_weights_come_from_the_settings(self) -> None:
        heavy = SupportSettings(
            version="heavy",
            factors={**SETTINGS.factors, Factor.DATA_QUALITY: FactorSetting(50, 5)},
        )
        result = support_scores(frame(provider(errors_per_100=2.5)), heavy, period="2023/24")
        assert result["score"].to_list() == [25.0]


class TestMissingData:
    def test_a_factor_without_data_is_left_out_and_said_so(self) -> None:
        result = score(turnover=None, errors_per_100=None, vacancy=0.2, vacancy_comparator=None)
        assert result[points_column(Factor.TURNOVER)] is None
        assert result[points_column(Factor.VACANCY)] is None
        assert result[points_column(Factor.DATA_QUALITY)] is None
        assert result["score"] == 0.0
        assert result["left_out"] == [
            "Staff turnover: left out, no usable figures in its return",
            "Vacancy rate: left out, too few similar workplaces in the area to compare",
            "Data quality: left out, no checked upload",
        ]

    def test_missing_columns_are_no_data(self) -> None:
        bare = pl.DataFrame(
            {
                "organisation_id": [1],
                "organisation": ["Alder"],
                "periods_since_return": [0],
                "errors_per_100": [None],
            },
            schema_overrides={"errors_per_100": pl.Float64},
        )
        result = support_scores(bare, SETTINGS, period="2023/24").row(0, named=True)
        assert result["score"] == 0.0
        assert len(result["left_out"]) == 5


class TestRanking:
    def test_highest_first_and_ties_share_a_rank(self) -> None:
        rows = frame(
            provider(1, "Cedar", errors_per_100=2.0),
            provider(2, "Birch", periods_since_return=2),
            provider(3, "Alder", errors_per_100=2.0),
            provider(4, "Dale"),
        )
        result = support_scores(rows, SETTINGS, period="2023/24")
        assert result.select("rank", "organisation", "score").rows() == [
            (1, "Birch", 15.0),
            (2, "Alder", 4.0),
            (2, "Cedar", 4.0),
            (4, "Dale", 0.0),
        ]

    def test_no_providers(self) -> None:
        assert support_scores(frame(), SETTINGS, period="2023/24").height == 0


class TestSettings:
    def test_shipped_file(self) -> None:
        shipped = load_support_settings()
        assert shipped.version == "1"
        assert shipped.factors == SETTINGS.factors
        assert shipped.maximum == 100.0

    def test_every_problem_is_named(self) -> None:
        with pytest.raises(SupportSettingsError) as raised:
            support_settings(
                {"turnover": {"weight": -1, "full_at": 0}, "sickness": {}, "vacancy": {"w": 1}}
            )
        message = str(raised.value)
        for expected in (
            "version:",
            "sickness: not a factor",
            "turnover.weight: must be more than 0",
            "turnover.full_at: must be more than 0",
            "vacancy.w: not a setting",
            "data_quality: give its weight and full_at",
        ):
            assert expected in message


class TestOrganisationMeasures:
    def test_like_for_like_against_other_organisations(self) -> None:
        places = pl.DataFrame(
            {
                "snapshot_id": [1] * 5,
                "establishment_id": ["a", "b", "c", "d", "e"],
                "organisation_id": [1, 2, 3, 4, 1],
                "area_code": ["E1"] * 5,
                "main_service": ["Home care"] * 4 + ["Care home"],
                "recorded": [10, 10, 10, 10, 5],
                "direct": [10, 10, 10, 10, 5],
                "leavers": [5.0, 2.0, 3.0, 1.0, 1.0],
                "vacancies": [1.0, 0.0, 1.0, 2.0, 0.0],
                "leavers_state": [None, None, None, None, None],
                "vacancies_state": [None, None, None, None, "no-vacancies"],
            },
            schema_overrides={"leavers_state": pl.String, "vacancies_state": pl.String},
        )
        staff = pl.DataFrame(
            {
                "snapshot_id": [1] * 4,
                "establishment_id": ["a", "a", "b", "c"],
                "care_certificate": [1.0, 0.0, 1.0, None],
                "qualified": [0.0, 0.0, 1.0, 1.0],
            }
        )
        result = organisation_measures(
            places.lazy(), staff.lazy(), min_workplaces=3, min_workers=10
        ).collect()
        first = result.row(0, named=True)
        # Organisation 1's home care workplace: 5 of 10 left; the other three: 6 of 30.
        # Its care home has no other organisation's care home to compare with, so it is left
        # out of both sides (like for like).
        assert first["turnover"] == pytest.approx(0.5)
        assert first["turnover_comparator"] == pytest.approx(0.2)
        assert first["turnover_service"] == "Home care"
        # Vacancies: 1 of 11 against 3 of 33.
        assert first["vacancy"] == pytest.approx(1 / 11)
        assert first["vacancy_comparator"] == pytest.approx(3 / 33)
        # Care Certificate: only two other workplaces have answers: withheld, own share kept.
        assert first["care_certificate"] == pytest.approx(0.5)
        assert first["care_certificate_comparator"] is None
        assert result["organisation_id"].to_list() == [1, 2, 3, 4]


FRACTION = st.floats(min_value=0, max_value=1, allow_nan=False)
MAYBE_FRACTION = st.none() | FRACTION


@st.composite
def providers(draw: st.DrawFn) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for factor in COMPARED:
        values[factor.value] = draw(MAYBE_FRACTION)
        values[comparator_column(factor)] = draw(MAYBE_FRACTION)
    values["periods_since_return"] = draw(st.none() | st.integers(0, 50))
    values["errors_per_100"] = draw(st.none() | st.floats(0, 1000, allow_nan=False))
    return provider(**values)


class TestProperties:
    @settings(max_examples=150, deadline=None)
    @given(st.lists(providers(), max_size=6))
    def test_arbitrary_inputs_score_within_range(self, rows: list[dict[str, Any]]) -> None:
        rows = [{**row, "organisation_id": index} for index, row in enumerate(rows)]
        result = support_scores(frame(*rows), SETTINGS, period="2023/24")
        assert result.height == len(rows)
        assert all(0 <= value <= SETTINGS.maximum for value in result["score"])
        assert result["rank"].to_list() == sorted(result["rank"].to_list())

    @settings(max_examples=150, deadline=None)
    @given(providers(), st.sampled_from(list(Factor)), st.floats(0, 1, allow_nan=False))
    def test_score_is_monotone_in_each_factor(
        self, row: dict[str, Any], factor: Factor, step: float
    ) -> None:
        worse = dict(row)
        if factor in (Factor.TURNOVER, Factor.VACANCY):
            if row[factor.value] is None:
                return
            worse[factor.value] = row[factor.value] + step
        elif factor in (Factor.CARE_CERTIFICATE, Factor.QUALIFIED):
            if row[factor.value] is None:
                return
            worse[factor.value] = row[factor.value] - step
        elif factor is Factor.NO_RECENT_RETURN:
            since = row["periods_since_return"]
            worse["periods_since_return"] = None if since is None else since + int(step * 5)
        else:
            if row["errors_per_100"] is None:
                return
            worse["errors_per_100"] = row["errors_per_100"] + step * 10
        before, after = (
            support_scores(frame(r), SETTINGS, period="2023/24")["score"][0] for r in (row, worse)
        )
        assert after >= before
