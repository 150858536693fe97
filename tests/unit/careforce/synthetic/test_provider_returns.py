"""The children's providers' returns add up to the published survey figures."""

from __future__ import annotations

import io

import polars as pl
import pytest

from careforce.synthetic.profiles import build_profile
from careforce.synthetic.provider_returns import PROVIDER_COLUMNS, generate_provider_returns
from careforce.synthetic.published import PROVIDER_SURVEY

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def returns() -> pl.DataFrame:
    area = build_profile("staffordshire").areas[0]
    text = generate_provider_returns(area, seed=2022)
    frame = pl.read_csv(io.BytesIO(text.encode()), infer_schema=False)
    counts = PROVIDER_COLUMNS[5:36]
    return frame.with_columns(pl.col(c).cast(pl.Int64) for c in counts).with_columns(
        pl.col("hourly_pay_min", "hourly_pay_max").cast(pl.Float64)
    )


def _share(frame: pl.DataFrame, column: str) -> float:
    return frame[column].sum() / frame["headcount"].sum()


class TestProviderReturns:
    def test_fourteen_providers_with_all_columns(self, returns) -> None:
        assert returns.height == PROVIDER_SURVEY.providers
        assert tuple(returns.columns) == PROVIDER_COLUMNS

    def test_breakdowns_add_up_to_headcount(self, returns) -> None:
        groups = [
            ("female", "male"),
            ("age_under_25", "age_25_54", "age_55_plus"),
            ("ethnicity_white", "ethnicity_black_and_other"),
            ("nationality_british", "nationality_eu", "nationality_outside_eu"),
            ("full_time", "part_time"),
            ("permanent", "temporary", "bank_or_pool"),
            ("years_in_role_under_3", "years_in_role_3_to_9", "years_in_role_10_plus"),
            (
                "qualification_none",
                "qualification_entry_or_level_1",
                "qualification_level_2",
                "qualification_level_3",
                "qualification_level_4_plus",
            ),
        ]
        for columns in groups:
            assert (
                returns.select(pl.sum_horizontal(columns)).to_series() == returns["headcount"]
            ).all()

    @pytest.mark.parametrize(
        ("column", "expected"),
        [
            ("female", PROVIDER_SURVEY.female),
            ("age_under_25", 0.11),
            ("age_55_plus", 0.08),
            ("ethnicity_white", PROVIDER_SURVEY.white),
            ("nationality_british", 0.84),
            ("nationality_outside_eu", 0.14),
            ("full_time", PROVIDER_SURVEY.full_time),
            ("permanent", PROVIDER_SURVEY.permanent),
            ("bank_or_pool", 0.04),
            ("zero_hours", 0.03),
            ("years_in_role_under_3", 0.31),
            ("years_in_sector_10_plus", 0.35),
            ("qualification_none", 0.20),
            ("qualification_level_3", 0.51),
            ("leavers", PROVIDER_SURVEY.turnover),
        ],
        ids=lambda value: value if isinstance(value, str) else "",
    )
    def test_pooled_shares_match_the_survey(self, returns, column, expected) -> None:
        assert _share(returns, column) == pytest.approx(expected, abs=0.006)

    def test_vacancy_rate(self, returns) -> None:
        vacancies = returns["vacancies"].sum()
        assert vacancies / (vacancies + returns["headcount"].sum()) == pytest.approx(
            0.09, abs=0.004
        )

    def test_pay_range(self, returns) -> None:
        assert returns["hourly_pay_min"].min() == pytest.approx(10.16)
        assert returns["hourly_pay_max"].max() == pytest.approx(21.00)
        assert (returns["hourly_pay_min"] < returns["hourly_pay_max"]).all()
