"""The Staffordshire demo, recomputed end to end, reproduces the strategy's published figures.

The figures below are those published in the Staffordshire Social Care Workforce Strategy
2022-2027 and its data appendix; the demo data are generated, ingested through the same
services as a provider's upload, and measured with the published (disclosure-controlled) table.
"""

from __future__ import annotations

import html
import itertools
import re
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pypdfium2 as pdfium
import pytest

from careforce.core.publishing.appendix.cells import MeasureRows, format_value
from careforce.core.vocab.demo import DEMO_NOTICE
from careforce.services.appendix import appendix_measures, population_measures
from careforce.services.demo_pipeline import DemoRun, run_demo
from careforce.services.demo_projections import DERIVED_NAME, SUPPLY_NAME
from careforce.services.projections import derive_parameter_file

pytestmark = [pytest.mark.integration, pytest.mark.xdist_group("demo_pipeline")]

PUBLISHED = [
    # (measure, breakdown, value, period, published figure, tolerance)
    ("turnover_rate", "total", "all", "2020/21", 0.282, 0.01),
    ("turnover_rate", "total", "all", "2021/22", 0.322, 0.01),
    ("turnover_rate", "key_role", "registered nurse", "2021/22", 0.554, 0.03),
    ("leavers_remaining_in_sector", "total", "all", "2020/21", 0.64, 0.02),
    ("leavers_remaining_in_sector", "total", "all", "2021/22", 0.59, 0.02),
    ("vacancy_rate", "total", "all", "2020/21", 0.065, 0.01),
    ("vacancy_rate", "total", "all", "2021/22", 0.099, 0.01),
    # About 400 returning locations, one manager each: the returns give 8.6%, every
    # workplace's files 6.1%.
    ("vacancy_rate", "key_role", "registered manager", "2021/22", 0.057, 0.03),
    ("vacancy_rate", "key_role", "senior care worker", "2021/22", 0.135, 0.02),
    ("vacancy_rate", "key_role", "care worker", "2021/22", 0.105, 0.02),
    ("vacancy_rate", "key_role", "registered nurse", "2021/22", 0.16, 0.03),
    ("vacancy_rate", "key_role", "registered manager", "2020/21", 0.074, 0.02),
    ("vacancy_rate", "key_role", "care worker", "2020/21", 0.063, 0.02),
    ("sickness_days_per_worker", "total", "all", "2020/21", 9.0, 0.3),
    ("sickness_days_per_worker", "total", "all", "2021/22", 9.4, 0.3),
    ("years_in_sector_mean", "total", "all", "2020/21", 8.9, 0.3),
    ("years_in_sector_mean", "total", "all", "2021/22", 9.1, 0.3),
    ("experience_10_plus_share", "total", "all", "2021/22", 0.33, 0.03),
    ("average_age", "total", "all", "2021/22", 43, 1.0),
    ("workforce_share", "sex", "Female", "2021/22", 0.86, 0.02),
    ("workforce_share", "sex", "Male", "2021/22", 0.14, 0.02),
    ("workforce_share", "age_group", "under 25", "2021/22", 0.10, 0.02),
    ("workforce_share", "age_group", "25-54", "2021/22", 0.64, 0.02),
    ("workforce_share", "age_group", "55 and over", "2021/22", 0.27, 0.02),
    ("workforce_share", "ethnicity_group", "White", "2021/22", 0.91, 0.02),
    ("workforce_share", "ethnicity_group", "Black and other ethnic groups", "2021/22", 0.09, 0.02),
    ("workforce_share", "nationality_group", "British", "2021/22", 0.93, 0.02),
    ("workforce_share", "nationality_group", "EU", "2021/22", 0.03, 0.01),
    ("workforce_share", "nationality_group", "Outside EU", "2021/22", 0.04, 0.01),
    ("zero_hours_share", "service_group", "residential", "2021/22", 0.06, 0.02),
    ("zero_hours_share", "service_group", "nursing", "2021/22", 0.05, 0.02),
    ("zero_hours_share", "service_group", "home care", "2021/22", 0.42, 0.02),
    ("full_time_share", "service_group", "residential", "2021/22", 0.49, 0.02),
    ("full_time_share", "service_group", "nursing", "2021/22", 0.63, 0.02),
    ("full_time_share", "service_group", "home care", "2021/22", 0.37, 0.02),
    ("contract_share", "service_group/contract", "residential/Permanent", "2021/22", 0.95, 0.02),
    ("contract_share", "service_group/contract", "nursing/Permanent", "2021/22", 0.94, 0.02),
    ("contract_share", "service_group/contract", "home care/Permanent", "2021/22", 0.95, 0.02),
    ("relevant_qualification_share", "total", "all", "2021/22", 0.50, 0.02),
    ("relevant_qualification_share", "job_role_group", "direct care", "2021/22", 0.49, 0.02),
    (
        "relevant_qualification_share",
        "job_role_group",
        "managerial/supervisory",
        "2021/22",
        0.73,
        0.03,
    ),
    ("qualification_level_share", "qualification_level", "level 2", "2021/22", 0.25, 0.02),
    ("qualification_level_share", "qualification_level", "level 3", "2021/22", 0.18, 0.02),
    ("qualification_level_share", "qualification_level", "level 4 or above", "2021/22", 0.08, 0.02),
    ("care_certificate_share", "total", "all", "2021/22", 0.54, 0.02),
    ("care_certificate_share", "job_role_group", "direct care", "2021/22", 0.60, 0.02),
    ("care_certificate_share", "job_role_group", "managerial/supervisory", "2021/22", 0.45, 0.03),
    ("hourly_pay_median", "key_role", "care worker", "2021/22", 9.46, 0.10),
    ("hourly_pay_median", "sector", "independent", "2021/22", 10.25, 0.75),
]
"""Published figures with the tolerance within which the demo must reproduce them."""

ASSUMED = [
    # (measure, breakdown, value, period, assumed figure, tolerance)
    ("workforce_share", "age_band", "25-34", "2021/22", 0.185, 0.01),
    ("workforce_share", "age_band", "35-44", "2021/22", 0.215, 0.01),
    ("workforce_share", "age_band", "45-54", "2021/22", 0.234, 0.01),
    ("turnover_rate", "total", "all", "2022/23", 0.297, 0.01),
    ("turnover_rate", "total", "all", "2023/24", 0.263, 0.01),
    ("vacancy_rate", "total", "all", "2022/23", 0.087, 0.01),
    ("vacancy_rate", "total", "all", "2023/24", 0.071, 0.01),
    ("workforce_share", "sex", "Female", "2023/24", 0.849, 0.01),
    ("workforce_share", "ethnicity_group", "White", "2023/24", 0.869, 0.01),
    ("workforce_share", "nationality_group", "British", "2023/24", 0.882, 0.01),
    ("care_certificate_share", "total", "all", "2020/21", 0.506, 0.01),
    ("care_certificate_share", "total", "all", "2023/24", 0.581, 0.01),
    ("hourly_pay_median", "key_role", "care worker", "2023/24", 10.96, 0.15),
]
"""The national age shape and the assumed continuation years (synthetic/story.py)."""

PERIODS = ["2020/21", "2021/22", "2022/23", "2023/24"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    return run_demo(tmp_path_factory.mktemp("demo"))


def _value(table: pl.DataFrame, measure: str, breakdown: str, value: str, period: str) -> float:
    rows = table.filter(
        (pl.col("measure_id") == measure)
        & (pl.col("breakdown") == breakdown)
        & (pl.col("breakdown_value") == value)
        & (pl.col("period") == period)
    )
    assert rows.height == 1, f"expected one row for {measure} {breakdown}={value} {period}"
    assert rows[0, "symbol"] is None, f"{measure} {value} is {rows[0, 'symbol']}"
    return float(rows[0, "value"])


class TestDemoPipeline:
    def test_every_file_set_is_ingested_without_errors(self, demo: DemoRun) -> None:
        assert sorted(year for _, year in demo.ingested) == [
            "2020-21",
            "2021-22",
            "2022-23",
            "2023-24",
        ]
        assert all(
            result.errors == 0 and result.datasets_written for result in demo.ingested.values()
        )

    def test_measures_are_published_for_both_periods(self, demo: DemoRun) -> None:
        assert sorted(demo.indicators.table["period"].unique().to_list()) == PERIODS
        assert set(demo.indicators.table["area_code"].unique().to_list()) == {"E10000028"}

    def test_districts_come_from_the_lookup(self, demo: DemoRun) -> None:
        districts = set(
            demo.indicators.table.filter(
                (pl.col("measure_id") == "filled_posts") & (pl.col("breakdown") == "district")
            )["breakdown_value"].to_list()
        )
        assert {"Stafford", "Tamworth", "Cannock Chase", "East Staffordshire"} <= districts
        assert "unknown" not in districts

    @pytest.mark.parametrize(
        ("measure", "breakdown", "value", "period", "published", "tolerance"),
        PUBLISHED,
        ids=[f"{m}-{v}-{p}" for m, _, v, p, _, _ in PUBLISHED],
    )
    def test_reproduces_the_published_figure(
        self,
        demo: DemoRun,
        measure: str,
        breakdown: str,
        value: str,
        period: str,
        published: float,
        tolerance: float,
    ) -> None:
        computed = _value(demo.indicators.table, measure, breakdown, value, period)
        assert computed == pytest.approx(published, abs=tolerance)

    def test_some_people_hold_two_posts(self, demo: DemoRun) -> None:
        posts = _value(demo.indicators.table, "filled_posts", "total", "all", "2021/22")
        people = _value(demo.indicators.table, "headcount", "total", "all", "2021/22")
        # 6% of posts are a second post; the other post of some is in a workplace that did
        # not return, so the returns show a little fewer.
        assert 1.03 < posts / people < 1.065

    def test_training_is_mostly_current(self, demo: DemoRun) -> None:
        current = _value(
            demo.indicators.table,
            "training_current_share",
            "training_category",
            "Safeguarding adults",
            "2021/22",
        )
        expired = _value(
            demo.indicators.table,
            "training_expired_share",
            "training_category",
            "Fire safety",
            "2021/22",
        )
        assert current == pytest.approx(0.89, abs=0.02)
        assert expired == pytest.approx(0.08, abs=0.02)

    def test_comparators_give_a_judgement(self, demo: DemoRun) -> None:
        rows = demo.indicators.table.filter(
            (pl.col("measure_id") == "workforce_share")
            & (pl.col("breakdown") == "sex")
            & (pl.col("breakdown_value") == "Female")
        )
        # 86% of the workforce is female against 50.5% of the population
        assert rows["comparator_value"].to_list() == [0.505] * 4
        assert rows["comparison"].to_list() == ["higher"] * 4

    @pytest.mark.parametrize(
        ("year", "known"),
        [
            # true posts, returned posts, estimate, its interval; true people, estimate
            ("2020-21", (18_466, 13_775, 19_215, 18_205, 21_935, 17_404, 18_065)),
            ("2021-22", (18_253, 12_827, 19_110, 18_145, 22_455, 17_203, 17_980)),
            ("2022-23", (18_539, 13_043, 19_415, 18_420, 22_910, 17_470, 18_265)),
            ("2023-24", (18_814, 13_228, 19_860, 18_825, 24_125, 17_728, 18_655)),
        ],
    )
    def test_every_years_register_is_estimated_near_its_truth(
        self, demo: DemoRun, year: str, known: tuple[int, ...]
    ) -> None:
        assert demo.estimated is not None
        (result,) = demo.estimated.of_year(year).values()
        truth = _truth(demo)
        whole = truth[f"filled_posts_{year}"].sum()
        returned = truth.filter(pl.col(f"returned_{year}") == "Y")[f"filled_posts_{year}"].sum()
        people = round(truth[f"people_{year}"].sum())
        period = year.replace("-", "/")
        posts = _row(demo, "filled_posts_estimate", period)
        headcount = _row(demo, "headcount_estimate", period)
        assert (
            whole,
            returned,
            posts["value"],
            posts["lower_ci"],
            posts["upper_ci"],
            people,
            headcount["value"],
        ) == known
        assert result.summary["in_scope_locations"] == 586
        assert result.summary["filled_posts_returned"] == returned
        # As in 2021/22: small home care services that do not return are overestimated a
        # little, so the estimate is above the truth (2023/24's lower bound by 11 posts).
        assert whole < posts["value"] < 1.07 * whole
        assert headcount["lower_ci"] < people < headcount["upper_ci"]
        true_ratio = whole / truth[f"people_{year}"].sum()
        assert result.summary["posts_per_person"] == pytest.approx(true_ratio, abs=0.005)
        assert demo.filled_posts(year) == (returned, result.summary["filled_posts_estimate"])

    def test_outputs_exist(self, demo: DemoRun) -> None:
        names = {path.name for path in Path(demo.indicators_dir).iterdir()}
        assert {
            "indicators.csv",
            "indicators.ods",
            "indicators.xlsx",
            "indicators.parquet",
        } <= names


CHILDREN = [
    # (measure, breakdown value, period, published figure, tolerance)
    ("filled_posts", "children's council staff", "2021/22", 788, 5),
    ("turnover_rate", "children's council staff", "2021/22", 0.16, 0.01),
    ("turnover_rate", "children's council staff", "2020/21", 0.11, 0.01),
    ("average_age", "children's council staff", "2021/22", 43, 1.0),
    ("service_years_mean", "children's council staff", "2021/22", 8.1, 0.3),
    ("full_time_share", "children's council staff", "2021/22", 0.76, 0.02),
    ("zero_hours_share", "children's council staff", "2021/22", 0.06, 0.02),
    ("turnover_rate", "children's independent providers", "2021/22", 0.239, 0.01),
    ("vacancy_rate", "children's independent providers", "2021/22", 0.09, 0.01),
    ("full_time_share", "children's independent providers", "2021/22", 0.67, 0.02),
    ("zero_hours_share", "children's independent providers", "2021/22", 0.03, 0.01),
]
"""Published children's services figures (council staff; the 14 independent providers)."""


def _truth(demo: DemoRun) -> pl.DataFrame:
    return pl.read_csv(demo.data / "truth" / "synthetic-truth-workplaces.csv")


def _row(demo: DemoRun, measure: str, period: str) -> dict[str, Any]:
    return demo.indicators.table.filter(
        (pl.col("measure_id") == measure)
        & (pl.col("breakdown") == "total")
        & (pl.col("period") == period)
    ).row(0, named=True)


def _located(demo: DemoRun) -> pl.DataFrame:
    """The estimated locations beside their true filled posts in 2021/22."""
    assert demo.estimates is not None
    locations = pl.read_csv(demo.estimates.files[0])
    truth = _truth(demo).select("location_id", pl.col("filled_posts_2021-22").alias("truth"))
    return locations.join(truth, on="location_id", how="left", validate="1:1")


class TestEstimates:
    """Only part of the register returns; the estimates are compared with the synthetic truth."""

    def test_returns_cover_about_half_of_the_locations(self, demo: DemoRun) -> None:
        assert demo.estimates is not None
        summary = demo.estimates.summary
        truth = _truth(demo).filter(pl.col("cqc_registered") == "Y")
        returned = truth.filter(pl.col("returned_2021-22") == "Y").height
        # 586 registered since the continuation years moved the workplaces' random stream.
        assert (summary["in_scope_locations"], summary["locations_returned"]) == (586, returned)
        assert returned == 298
        assert summary["coverage_locations_share"] == pytest.approx(298 / 586)
        assert summary["locations_carried_forward"] == 28

    def test_returned_total_is_well_below_the_estimate_near_the_truth(self, demo: DemoRun) -> None:
        assert demo.estimates is not None
        summary = demo.estimates.summary
        truth = _truth(demo)
        returned = truth.filter(pl.col("returned_2021-22") == "Y")["filled_posts_2021-22"].sum()
        whole = truth["filled_posts_2021-22"].sum()
        assert (summary["filled_posts_returned"], whole) == (returned, 18_253)
        assert returned == 12_827
        estimate = float(summary["filled_posts_estimate"])  # type: ignore[arg-type]
        # Small services return least and the register does not say how big they are, so the
        # models (fitted on the larger returning ones) overestimate home care a little.
        assert whole < estimate < 1.07 * whole
        assert demo.filled_posts() == (returned, estimate)

    def test_estimated_total_interval_holds_the_truth(self, demo: DemoRun) -> None:
        row = demo.indicators.table.filter(
            (pl.col("measure_id") == "filled_posts_estimate")
            & (pl.col("breakdown") == "total")
            & (pl.col("period") == "2021/22")
        ).row(0, named=True)
        assert row["lower_ci"] < 18_253 < row["upper_ci"]

    def test_all_roles_mean_pay_of_the_independent_sector_is_the_seeds(self, demo: DemoRun) -> None:
        # The strategy: "The average pay for all independent sector adult social care roles was
        # £10.25 (at March 2022)": hourly rates and salaries over contracted hours, of returns.
        value = _value(
            demo.indicators.table, "hourly_pay_all_mean", "sector", "independent", "2021/22"
        )
        assert round(value, 2) == 10.25

    def test_estimated_headcount_interval_holds_the_true_people(self, demo: DemoRun) -> None:
        truth = _truth(demo)
        people = truth["people_2021-22"].sum()
        row = demo.indicators.table.filter(
            (pl.col("measure_id") == "headcount_estimate")
            & (pl.col("breakdown") == "total")
            & (pl.col("period") == "2021/22")
        ).row(0, named=True)
        # 17,203 people hold the 18,253 true posts; the estimate is 17,980 (17,070 to 21,125).
        assert (people, row["value"]) == (17_203, 17_980)
        assert row["lower_ci"] < people < row["upper_ci"]

    def test_posts_per_person_allow_for_posts_in_workplaces_not_returned(
        self, demo: DemoRun
    ) -> None:
        assert demo.estimates is not None
        summary = demo.estimates.summary
        truth = _truth(demo)
        true_ratio = truth["filled_posts_2021-22"].sum() / truth["people_2021-22"].sum()
        # The returns alone see fewer people with two posts in two workplaces than there are.
        assert summary["posts_per_person_returned"] < summary["posts_per_person"]
        assert summary["posts_per_person"] == pytest.approx(true_ratio, abs=0.005)

    @pytest.mark.parametrize(
        ("group", "tolerance"),
        [("nursing", 0.03), ("residential", 0.03), ("home care", 0.2)],
    )
    def test_service_totals_are_near_the_truth(
        self, demo: DemoRun, group: str, tolerance: float
    ) -> None:
        located = _located(demo).filter(pl.col("service_group") == group)
        assert located["filled_posts"].sum() == pytest.approx(located["truth"].sum(), rel=tolerance)

    def test_location_intervals_hold_the_truth(self, demo: DemoRun) -> None:
        located = _located(demo)
        inside = (pl.col("truth") >= pl.col("lower")) & (pl.col("truth") <= pl.col("upper"))
        assert located.select(inside.mean()).item() > 0.95

    @pytest.mark.parametrize("group", ["nursing", "residential", "home care"])
    def test_published_accuracy_is_the_accuracy_achieved(self, demo: DemoRun, group: str) -> None:
        assert demo.estimates is not None
        published = demo.estimates.accuracy.filter(pl.col("service_group") == group).row(
            0, named=True
        )
        modelled = _located(demo).filter(
            (pl.col("source") == "modelled") & (pl.col("service_group") == group)
        )
        error = pl.col("filled_posts") - pl.col("truth")
        achieved = modelled.select(
            (error**2).mean().sqrt().alias("rmse"),
            (error.abs() <= 10).mean().alias("within_10_posts"),
        ).row(0, named=True)
        # Cross-validation over the returns says how close the models come; the locations
        # that did not return are smaller, so their errors in posts are no larger (their errors
        # in per cent are: see docs/demo-data.md).
        assert achieved["rmse"] < 1.5 * published["rmse"]
        assert achieved["within_10_posts"] == pytest.approx(
            published["within_10_posts_share"], abs=0.15
        )

    def test_measures_carry_the_estimate(self, demo: DemoRun) -> None:
        rows = demo.indicators.table.filter(
            (pl.col("measure_id") == "filled_posts_estimate") & (pl.col("breakdown") == "total")
        )
        # Every year has its own register: the whole sector is estimated every year.
        assert rows["period"].to_list() == PERIODS
        assert rows["value"].to_list() == [19_215.0, 19_110.0, 19_415.0, 19_860.0]

    def test_projections_start_from_the_estimate(self, demo: DemoRun, tmp_path: Path) -> None:
        population = demo.data / "population" / "population.csv"
        derived = derive_parameter_file(demo.indicators_dir, population, tmp_path / "p.toml")
        returned = derive_parameter_file(
            demo.indicators_dir, population, tmp_path / "r.toml", returned_only=True
        )
        # Filled posts plus vacancies: 19,860 + 1,615 estimated for 2023/24, the latest year
        # with a register, as the returns alone are of their latest year.
        assert derived.params.groups[0].base_workforce == 21_475
        assert derived.params.base_year == 2024
        assert returned.params.groups[0].base_workforce == 14_225
        assert "Base workforce: the whole-sector estimates" in derived.text

    def test_outputs_exist(self, demo: DemoRun) -> None:
        assert demo.estimates is not None
        names = {path.name for path in demo.estimates.files}
        assert {"locations.csv", "estimates.csv", "accuracy.csv"} <= names


class TestChildrensServices:
    @pytest.mark.parametrize(
        ("measure", "workforce", "period", "published", "tolerance"),
        CHILDREN,
        ids=[f"{m}-{w.split()[1]}-{p}" for m, w, p, _, _ in CHILDREN],
    )
    def test_reproduces_the_published_figure(
        self,
        demo: DemoRun,
        measure: str,
        workforce: str,
        period: str,
        published: float,
        tolerance: float,
    ) -> None:
        computed = _value(demo.indicators.table, measure, "workforce", workforce, period)
        assert computed == pytest.approx(published, abs=tolerance)

    def test_council_staff_by_role_group(self, demo: DemoRun) -> None:
        value = _value(
            demo.indicators.table,
            "filled_posts",
            "workforce/role_group",
            "children's council staff/Social worker or senior practitioner",
            "2021/22",
        )
        assert value == 330

    def test_provider_shares(self, demo: DemoRun) -> None:
        female = _value(
            demo.indicators.table,
            "workforce_share",
            "workforce/sex",
            "children's independent providers/Female",
            "2021/22",
        )
        assert female == pytest.approx(0.77, abs=0.01)


@pytest.mark.parametrize(
    ("measure", "breakdown", "value", "period", "assumed", "tolerance"),
    ASSUMED,
    ids=[f"{m}-{v}-{p}" for m, _, v, p, _, _ in ASSUMED],
)
def test_reproduces_the_assumed_figure(
    demo: DemoRun,
    measure: str,
    breakdown: str,
    value: str,
    period: str,
    assumed: float,
    tolerance: float,
) -> None:
    computed = _value(demo.indicators.table, measure, breakdown, value, period)
    assert computed == pytest.approx(assumed, abs=tolerance)


def test_shares_move_between_every_two_years(demo: DemoRun) -> None:
    """No share stands still: each differs from the year before by at least 0.2 points."""
    for measure, breakdown, value in (
        ("workforce_share", "sex", "Female"),
        ("workforce_share", "ethnicity_group", "White"),
        ("workforce_share", "nationality_group", "British"),
        ("care_certificate_share", "total", "all"),
        ("relevant_qualification_share", "total", "all"),
        ("zero_hours_share", "service_group", "home care"),
        ("workforce_share", "age_group", "55 and over"),
    ):
        values = [
            _value(demo.indicators.table, measure, breakdown, value, period) for period in PERIODS
        ]
        for before, after in itertools.pairwise(values):
            assert abs(after - before) >= 0.002, (measure, value, values)


class TestDemoOutcomes:
    def test_the_scorecard_uses_the_demo_measures(self, demo: DemoRun) -> None:
        assert demo.outcomes is not None
        scorecard = demo.outcomes.evaluation.scorecard
        row = scorecard.filter(
            (pl.col("measure_code") == "1.1b") & (pl.col("period") == "2021/22")
        ).row(0, named=True)
        assert row["measure_id"] == "vacancy_rate"
        # 2021/22 has whole-sector estimates: the scorecard reads the weighted rate and says so.
        assert row["base"] == "estimated for the whole sector"
        assert row["value"] == _value(
            demo.indicators.table, "vacancy_rate_weighted", "total", "all", "2021/22"
        )
        assert row["previous_period"] == "2020/21"
        # 2020/21 is estimated too: the weighted rates of both years, each with the interval
        # of the returns it is weighted from (6.7% to 10.0%), as the estimated vacancies.
        assert row["direction_since_last"] == "worsening"
        assert row["lower_ci"] < row["value"] < row["upper_ci"]
        vacancies = scorecard.filter(
            (pl.col("measure_code") == "1.I1")
            & (pl.col("measure_id") == "vacancies")
            & (pl.col("period") == "2021/22")
        ).row(0, named=True)
        assert (vacancies["value"], vacancies["direction_since_last"]) == (2115.0, "worsening")

    def test_the_scorecard_has_whole_sector_rows_every_year(self, demo: DemoRun) -> None:
        assert demo.outcomes is not None
        scorecard = demo.outcomes.evaluation.scorecard
        estimated = scorecard.filter(pl.col("base") == "estimated for the whole sector")
        counts = dict(estimated.group_by("period").len().iter_rows())
        # Seven measures of the returns replaced by their whole-sector counterparts, and the
        # estimated filled posts and headcount themselves.
        assert counts == dict.fromkeys(PERIODS, 9)
        posts = estimated.filter(pl.col("measure_id") == "filled_posts").sort("period")
        assert posts["value"].to_list() == [19_215.0, 19_110.0, 19_415.0, 19_860.0]

    def test_the_report_and_scorecard_files_are_written(self, demo: DemoRun) -> None:
        assert demo.outcomes is not None
        names = {path.name for path in demo.outcomes.files}
        assert {
            "progress-report.html",
            "progress-report.pdf",
            "scorecard.csv",
            "actions.csv",
        } <= names
        assert demo.outcomes.report.period == "2023/24"
        assert demo.outcomes.report.flags["detailed_actions"] == 36
        assert demo.outcomes.report.notice == DEMO_NOTICE
        html = (demo.data.parent / "outcomes" / "progress-report.html").read_text("utf-8")
        assert DEMO_NOTICE in html

    def test_every_printed_page_says_the_data_are_synthetic(self, demo: DemoRun) -> None:
        document = pdfium.PdfDocument(demo.data.parent / "outcomes" / "progress-report.pdf")
        pages = [page.get_textpage().get_text_range() for page in document]
        assert len(pages) > 3
        for text in pages:
            assert DEMO_NOTICE in " ".join(text.split())

    def test_later_periods_are_judged_against_the_baseline(self, demo: DemoRun) -> None:
        assert demo.outcomes is not None
        latest = demo.outcomes.evaluation.scorecard.filter(
            (pl.col("period") == "2023/24") & pl.col("value").is_not_null()
        )
        assert latest.height > 10
        assert set(latest["baseline_period"].to_list()) == {"2021/22"}
        vacancies = latest.filter(pl.col("measure_code") == "1.1b").row(0, named=True)
        assert vacancies["measure_id"] == "vacancy_rate"
        # The weighted rate of the estimated whole sector, both years: 7.5% against 10.0%.
        assert vacancies["base"] == "estimated for the whole sector"
        assert vacancies["change_since_baseline"] == pytest.approx(0.075 - 0.0997, abs=0.001)
        assert vacancies["direction"] == "improving"
        directions = set(latest["direction"].to_list())
        assert "not applicable" not in directions  # what the baseline period shows
        assert {"improving", "worsening", "no significant change"} <= directions

    def test_the_action_plan_is_the_demos_at_its_today(self, demo: DemoRun) -> None:
        assert demo.outcomes is not None
        assert demo.outcomes.progress is not None
        progress = demo.outcomes.progress
        assert progress.as_of.isoformat() == "2024-06-30"
        counts = dict(progress.flags.group_by("status").len().iter_rows())
        assert counts == {
            "complete": 10,
            "on track": 18,
            "at risk": 6,
            "off track": 1,
            "not started": 1,
        }
        assert progress.flags["overdue"].sum() == 8


class TestDemoSurvey:
    def test_survey_rounds_are_analysed(self, demo: DemoRun) -> None:
        assert [path.parent.parent.name + "/" + path.parent.name for path in demo.survey] == [
            "2022/organisations",
            "2022/staff",
            "2023/organisations",
            "2023/staff",
            "2024/organisations",
            "2024/staff",
        ]

    @pytest.mark.parametrize(
        ("code", "measure_id"),
        [
            pytest.param("3.2a", "feels_valued_by_employer_share", id="3.2a"),
            pytest.param("3.2b", "feels_valued_by_public_share", id="3.2b"),
            pytest.param("1.2b", "willing_to_change_hours_share", id="1.2b"),
            pytest.param("4.2a", "digital_confidence_share", id="4.2a"),
        ],
    )
    def test_the_scorecard_fills_survey_measures(
        self, demo: DemoRun, code: str, measure_id: str
    ) -> None:
        assert demo.outcomes is not None
        row = demo.outcomes.evaluation.scorecard.filter(
            (pl.col("measure_code") == code) & (pl.col("period") == "2023")
        ).row(0, named=True)
        assert row["measure_id"] == measure_id
        assert row["value"] is not None
        assert row["lower_ci"] < row["value"] < row["upper_ci"]

    def test_the_scorecard_tells_the_survey_story_beside_the_returns(self, demo: DemoRun) -> None:
        # Survey rounds (2022, 2023, 2024) are compared with their own previous round, the
        # returns' years with their previous year: never with a period they were not observed in.
        assert demo.outcomes is not None
        scorecard = demo.outcomes.evaluation.scorecard.filter(pl.col("breakdown") == "total")

        def judged(measure_id: str, period: str) -> tuple[object, ...]:
            row = scorecard.filter(
                (pl.col("measure_id") == measure_id) & (pl.col("period") == period)
            ).row(0, named=True)
            return (row["previous_period"], row["direction_since_last"])

        # Fewer considering leaving each round (19.6%, 18.6%, 16.0%), each step within the
        # sampling error of about 300 answers; fewer organisations struggling to recruit.
        assert judged("considering_leaving_share", "2023") == ("2022", "no significant change")
        assert judged("considering_leaving_share", "2024") == ("2023", "no significant change")
        assert judged("organisations_struggling_to_recruit_share", "2024") == (
            "2023",
            "no significant change",
        )
        assert judged("turnover_rate", "2023/24") == ("2022/23", "improving")
        assert judged("vacancy_rate", "2022/23") == ("2021/22", "improving")


class TestLabourMarket:
    def test_labour_measures_are_written(self, demo: DemoRun) -> None:
        assert demo.labour is not None
        assert {path.name for path in demo.labour.files} >= {
            "labour.csv",
            "labour.ods",
            "labour.xlsx",
            "labour_comparators.csv",
        }
        total = demo.labour.table.filter(
            (pl.col("measure_id") == "postings_total") & (pl.col("breakdown") == "total")
        )
        assert total["value"].to_list() == [32617.0]
        assert total["period"].to_list() == ["2021-09/2022-08"]


class TestDerivedProjection:
    def test_the_projection_is_derived_from_the_demo_measures(self, demo: DemoRun) -> None:
        assert demo.projections is not None
        derived = tomllib.loads(demo.projections.parameters.read_text(encoding="utf-8"))
        assert derived["name"] == DERIVED_NAME
        assert derived["base_year"] == 2024
        # The demo's whole-sector estimate of its latest year, 2023/24, filled posts and
        # vacancies (19,860 + 1,615), not the returns alone.
        assert [g["base_workforce"] for g in derived["groups"]] == [21475]
        assert demo.projections.supply.name == SUPPLY_NAME
        gap = demo.projections.parameters.parent / "supply" / "supply-gap.csv"
        assert gap.read_text(encoding="utf-8").startswith("year,new_staff_in_year,")

    def test_the_priority_training_needs_draw_on_postings_and_survey(self, demo: DemoRun) -> None:
        assert demo.outcomes is not None
        needs = demo.outcomes.report.training_needs
        assert needs is not None
        text = " ".join(cell for row in needs.rows for cell in row)
        assert "asked for in 20% of job postings (2021-09/2022-08)" in text


class TestAppendix:
    """The demo's data appendix: every number traces to a measure row."""

    def test_every_number_traces_to_a_measure_row(self, demo: DemoRun) -> None:
        assert demo.appendix is not None
        built = demo.appendix.appendix
        population = [path for path in demo.appendix.inputs if path.name == "population.csv"]
        frame, _, area = appendix_measures(
            [p for p in demo.appendix.inputs if p.suffix == ".csv" and p not in population],
            [path for path in demo.appendix.inputs if path.suffix != ".csv"],
            area_code=built.area_code,
        )
        people, _ = population_measures(population, area_code=area[0], period=built.period)
        assert people.height
        rows = MeasureRows.of_area(pl.concat([frame, people]), area[0])
        numbers = [cell for cell in built.cells if cell.value is not None]
        assert len(numbers) > 300
        for cell in numbers:
            row = rows.row(cell.key)
            assert row is not None, cell.key
            source = row["comparator_value"] if cell.comparator else row["value"]
            assert cell.text == format_value(source, row["unit"]), cell.key
        page = (demo.appendix.written[0]).read_text(encoding="utf-8")
        cells = re.findall(
            r'<td data-measure="([^"]*)" data-breakdown="([^"]*)" data-value="([^"]*)" '
            r'data-period="([^"]*)">([^<]*)</td>',
            page,
        )
        assert len(cells) > 300
        for measure, breakdown, value, period, text in cells:
            row = rows.row((measure, html.unescape(breakdown), html.unescape(value), period))
            if row is None or row["value"] is None:
                assert text.startswith("["), (measure, breakdown, value, period, text)

    def test_reproduces_the_seed_projection_and_retention_figures(self, demo: DemoRun) -> None:
        assert demo.appendix is not None
        page = demo.appendix.written[0].read_text(encoding="utf-8")
        assert "projected to reach 28,506 by 2032, needing 34,948 new staff" in page
        # The seed's growth of the 65+ population and its 0-17 population, from the demo's
        # population file as measure rows.
        assert (
            "the population aged 65 and over is projected to grow by 3.1% by 2024, 8.5% by "
            "2027 and 18.4% by 2032" in page
        )
        assert "change by 0.2% by 2024, -0.3% by 2027 and -1.8% by 2032" in page
        # Turnover is of the returns (about half the locations, more care homes), as the
        # appendix says; every workplace's files give the seed's 32.2% and 59.0%.
        assert "Turnover was 32.9%, with 59.2% of leavers remaining in the sector." in page
        assert not [gap.section for gap in demo.appendix.appendix.missing]
        tables = {table.key: table for table in demo.appendix.appendix.tables}
        postings = tables["postings-by-title"]
        assert [(r.label, r.cells[0].text) for r in postings.rows[:3]] == [
            ("Support Workers", "1,496"),
            ("Care Assistants", "1,037"),
            ("Health Care Assistants", "439"),
        ]
        children = tables["children-projection"]
        assert [[c.text for c in r.cells] for r in children.rows] == [
            ["110", "274", "540"],
            ["82", "205", "410"],
        ]
        population = tables["population-by-age"]
        assert [r.label for r in population.rows] == ["0-17", "18-64", "65+", "85+"]
        assert [c.text for c in population.rows[0].cells] == [
            "167,600",
            "167,935",
            "167,097",
            "164,583",
        ]
        growth = tables["population-growth"]
        assert [c.text for c in growth.rows[2].cells] == ["3.1%", "8.5%", "18.4%"]
        adult = tables["adult-projection"]
        assert [c.text for c in adult.rows[1].cells] == ["25,575", "2,512", "13,951", "16,462"]
        names = {path.name for path in demo.appendix.written}
        assert {"appendix.html", "appendix.pdf", "appendix.ods", "appendix.xlsx"} <= names

    def test_every_page_of_the_pdf_has_ink(self, demo: DemoRun) -> None:
        assert demo.appendix is not None
        document = pdfium.PdfDocument(demo.appendix.written[1])
        assert len(document) >= 5
        for number, page in enumerate(document, start=1):
            pixels = page.render(scale=0.4).to_numpy()
            ink = np.mean(pixels[..., :3].min(axis=-1) < 200)
            assert ink > 0.002, f"page {number} of the appendix is blank"
