"""The demo's labour-market section against the strategy's data appendix, table by table.

The demo data are in the public layouts (Nomis API CSVs, Census 2021 bulk CSVs, DfE EES CSVs,
a canonical postings extract) and go through the same computation as real downloads.
"""

from __future__ import annotations

import polars as pl
import pytest

from careforce.services.demo_data import generate_demo_data
from careforce.services.demo_pipeline import demo_labour
from careforce.services.labour import LabourResult

pytestmark = pytest.mark.integration

STAFFORDSHIRE = "E10000028"
ENGLAND = "E92000001"

TITLES = {
    # title: (total, unique, intensity, median days), Sep 2021 - Aug 2022
    "Support Workers": (5724, 1496, 4, 33),
    "Care Assistants": (3901, 1037, 4, 34),
    "Health Care Assistants": (1532, 439, 3, 35),
    "Staff Nurses": (2384, 415, 6, 35),
    "Registered Nurses": (1480, 389, 4, 33),
    "Night Assistants": (842, 267, 3, 35),
    "Registered General Nurses": (1411, 246, 6, 35),
    "Residential Support Workers": (556, 156, 4, 33),
    "Care Workers": (650, 138, 5, 36),
    "Night Nurses": (1007, 128, 8, 39),
}
CITIES = {
    "Stafford": (8312, 1957, 4, 34),
    "Burton upon Trent": (4923, 1270, 4, 35),
    "Cannock": (2950, 819, 4, 35),
    "Tamworth": (2116, 621, 3, 34),
    "Lichfield": (2624, 595, 4, 35),
    "Leek": (2128, 447, 5, 35),
    "Newcastle-under-Lyme": (956, 411, 2, 35),
    "Uttoxeter": (1264, 288, 4, 33),
    "Rugeley": (1057, 284, 4, 35),
    "Burntwood": (732, 253, 3, 35),
}


@pytest.fixture(scope="module")
def labour(tmp_path_factory: pytest.TempPathFactory) -> LabourResult:
    out = tmp_path_factory.mktemp("labour")
    generate_demo_data("staffordshire", out / "data", seed=2022, scale=0.02)
    result = demo_labour(out / "data", out / "labour", areas={STAFFORDSHIRE: "Staffordshire"})
    assert result.findings.filter(pl.col("severity") == "error").is_empty()
    return result


@pytest.fixture(scope="module")
def table(labour: LabourResult) -> pl.DataFrame:
    return labour.table


def value(
    table: pl.DataFrame,
    measure: str,
    period: str,
    breakdown_value: str = "all",
    area: str = STAFFORDSHIRE,
    column: str = "value",
) -> float:
    rows = table.filter(
        (pl.col("measure_id") == measure)
        & (pl.col("period") == period)
        & (pl.col("area_code") == area)
        & (pl.col("breakdown_value") == breakdown_value)
    )
    assert rows.height == 1, (measure, period, breakdown_value, rows)
    return float(rows[0, column])


def top_ten(table: pl.DataFrame, breakdown: str) -> dict[str, tuple[int, int, int, int]]:
    rows = table.filter(
        (pl.col("breakdown") == breakdown) & (pl.col("period") == "2021-09/2022-08")
    )
    wide = (
        rows.pivot(on="measure_id", index="breakdown_value", values="value")
        .sort("postings_unique", descending=True)
        .head(10)
    )
    return {
        r["breakdown_value"]: (
            int(r["postings_total"]),
            int(r["postings_unique"]),
            round(r["posting_intensity"]),
            int(r["posting_duration_median"]),
        )
        for r in wide.iter_rows(named=True)
    }


class TestPostings:
    def test_titles_table_exactly_as_published(self, table: pl.DataFrame) -> None:
        assert top_ten(table, "job_title") == TITLES

    def test_cities_table_exactly_as_published(self, table: pl.DataFrame) -> None:
        assert top_ten(table, "city") == CITIES


class TestClaimants:
    def test_april_2022(self, table: pl.DataFrame) -> None:
        assert value(table, "claimant_count", "2022-04") == 15515
        assert value(table, "claimant_count_change", "2022-04") == -495
        assert round(value(table, "claimant_count_change_rate", "2022-04"), 3) == -0.031
        assert (
            round(
                value(table, "claimant_count_change_rate", "2022-04", column="comparator_value"), 3
            )
            == -0.035
        )
        assert value(table, "claimant_rate", "2022-04") == pytest.approx(0.029)


class TestSectorSize:
    def test_employment_2020(self, table: pl.DataFrame) -> None:
        assert value(table, "sector_employment", "2020") == 13500
        assert round(value(table, "sector_employment_share", "2020"), 3) == 0.038
        assert (
            round(value(table, "sector_employment_share", "2020", column="comparator_value"), 3)
            == 0.043
        )
        assert (
            value(table, "sector_employment", "2019") - value(table, "sector_employment", "2020")
            == 200
        )
        assert (
            value(table, "sector_employment", "2019") - value(table, "sector_employment", "2015")
            == 525
        )
        england = (
            value(table, "sector_employment", "2020", area=ENGLAND)
            / value(table, "sector_employment", "2019", area=ENGLAND)
            - 1
        )
        assert round(england, 3) == -0.031

    def test_district_range(self, table: pl.DataFrame) -> None:
        shares = table.filter(
            (pl.col("measure_id") == "sector_employment_share")
            & (pl.col("period") == "2020")
            & pl.col("area_code").str.starts_with("E07")
        )["value"]
        assert shares.len() == 8
        assert (round(shares.min(), 3), round(shares.max(), 3)) == (0.023, 0.06)

    def test_largest_sub_sectors(self, table: pl.DataFrame) -> None:
        assert (
            value(table, "sector_employment", "2020", "8790 : Other residential care activities")
            == 3500
        )
        assert (
            value(table, "sector_employment", "2020", "8710 : Residential nursing care activities")
            == 3500
        )

    def test_business_sizes_2021(self, table: pl.DataFrame) -> None:
        shares = {
            band: round(value(table, "business_count_share", "2021", band), 2)
            for band in (
                "micro (0 to 9)",
                "small (10 to 49)",
                "medium (50 to 249)",
                "large (250 or more)",
            )
        }
        assert list(shares.values()) == [0.52, 0.37, 0.09, 0.01]

    def test_pay_2021(self, table: pl.DataFrame) -> None:
        assert value(table, "hourly_pay_all_sectors", "2021") == 13.56
        assert value(table, "annual_pay_all_sectors_full_time", "2021") == 28162


class TestSkillsSupply:
    @pytest.mark.parametrize(
        ("measure", "subject", "count", "share", "change", "rate"),
        [
            ("enrolments", "Health and Social Care", 5820, 0.225, 30, 0.005),
            ("enrolments", "Child Development and Well Being", 510, 0.020, 160, 0.46),
            ("apprenticeship_starts", "Health and Social Care", 1680, 0.218, 10, 0.006),
            ("apprenticeship_starts", "Child Development and Well Being", 480, 0.062, -70, -0.13),
        ],
        ids=["enrol-hsc", "enrol-cd", "apps-hsc", "apps-cd"],
    )
    def test_2020_21_and_change_since_2018_19(
        self, table, measure, subject, count, share, change, rate
    ) -> None:
        assert value(table, measure, "2020/21", subject) == count
        assert round(value(table, f"{measure}_share", "2020/21", subject), 3) == share
        since = "2018/19 to 2020/21"
        assert value(table, f"{measure}_change", since, subject, column="numerator") == change
        assert (
            round(value(table, f"{measure}_change", since, subject), 3 if abs(rate) < 0.1 else 2)
            == rate
        )

    @pytest.mark.parametrize(
        ("measure", "rate"),
        [("enrolments", -0.19), ("apprenticeship_starts", -0.17)],
        ids=["all-aims", "all-starts"],
    )
    def test_all_subjects_decline(self, table: pl.DataFrame, measure: str, rate: float) -> None:
        assert round(value(table, f"{measure}_change", "2018/19 to 2020/21"), 2) == rate


class TestCensusComparators:
    @pytest.mark.parametrize(
        ("group", "share"),
        [
            ("Female", 0.505),
            ("Male", 0.495),
            ("under 25", 0.119),
            ("25-54", 0.607),
            ("55 and over", 0.275),
            ("White", 0.955),
            ("Black and other ethnic groups", 0.045),
            ("British", 0.965),
            ("EU", 0.021),
            ("Outside EU", 0.015),
        ],
    )
    def test_shares(self, table: pl.DataFrame, group: str, share: float) -> None:
        assert round(value(table, "census_share", "2021", group), 3) == share


def test_every_comparator_is_named(labour: LabourResult) -> None:
    keys = ["measure_id", "period", "area_code", "breakdown", "breakdown_value"]
    compared = labour.table.filter(pl.col("comparator_value").is_not_null()).select(keys)
    named = labour.comparators.filter(pl.col("comparator") != "").select(keys)
    assert compared.height > 0
    assert compared.join(named, on=keys, how="anti").is_empty()
    census = labour.comparators.filter(pl.col("measure_id") == "workforce_share")
    assert set(census["comparator"]) >= {
        "Census 2021 residents (TS008), Staffordshire",
        "Census 2021 residents aged 16-64 (TS007), Staffordshire",
    }
