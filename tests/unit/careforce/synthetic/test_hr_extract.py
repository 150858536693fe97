"""The council HR extract reproduces the published children's services figures."""

from __future__ import annotations

import datetime as dt
import io

import polars as pl
import pytest

from careforce.synthetic import published as pub
from careforce.synthetic.hr_extract import HR_COLUMNS, generate_hr_extract
from careforce.synthetic.profiles import build_profile

pytestmark = pytest.mark.unit

EXTRACT_DATE = dt.date(2022, 3, 31)


@pytest.fixture(scope="module")
def extract() -> pl.DataFrame:
    area = build_profile("staffordshire").areas[0]
    text = generate_hr_extract(area, seed=2022)
    frame = pl.read_csv(io.BytesIO(text.encode()), infer_schema=False).fill_null("")
    dates = ["start_date_in_role", "start_date_with_council", "leaving_date", "date_of_birth"]
    return frame.with_columns(pl.col(c).str.to_date(strict=False).alias(f"_{c}") for c in dates)


@pytest.fixture(scope="module")
def in_post(extract: pl.DataFrame) -> pl.DataFrame:
    return extract.filter(pl.col("_leaving_date").is_null()).with_columns(
        ((pl.lit(EXTRACT_DATE) - pl.col("_date_of_birth")).dt.total_days() / 365.25)
        .floor()
        .alias("age"),
        (
            (pl.lit(EXTRACT_DATE) - pl.col("_start_date_with_council")).dt.total_days() / 365.25
        ).alias("service"),
    )


def _safeguarding(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(
        pl.col("role") == "Social worker", pl.col("team").str.starts_with("Safeguarding")
    )


class TestSchema:
    def test_columns_and_dates(self, extract) -> None:
        assert tuple(c for c in extract.columns if not c.startswith("_")) == HR_COLUMNS
        assert extract["_date_of_birth"].null_count() == 0
        assert extract["_start_date_with_council"].null_count() == 0
        assert extract["employee_ref"].is_unique().all()

    def test_role_starts_after_joining_and_leaving_has_a_reason(self, extract) -> None:
        assert (extract["_start_date_in_role"] >= extract["_start_date_with_council"]).all()
        leavers = extract.filter(pl.col("_leaving_date").is_not_null())
        assert (leavers["leaving_reason"] != "").all()
        assert (leavers["_leaving_date"] > leavers["_start_date_with_council"]).all()


class TestCalibration:
    def test_staff_by_role(self, in_post) -> None:
        assert in_post.height == pub.CHILDREN_STAFF_TOTAL
        counts = dict(in_post.group_by("role_group").len().iter_rows())
        for group, number in pub.CHILDREN_STAFF_BY_ROLE.items():
            assert counts[group] == number
        qualified = in_post.filter(pl.col("qualified_social_worker") == "Y").height
        assert qualified == pub.CHILDREN_QUALIFIED_SOCIAL_WORKER_ROLES

    def test_female_share(self, in_post) -> None:
        assert float((in_post["sex"] == "F").mean()) == pytest.approx(
            pub.CHILDREN_FEMALE_SHARE, abs=0.006
        )

    def test_ages(self, in_post) -> None:
        assert float(in_post["age"].mean()) == pytest.approx(pub.CHILDREN_AVERAGE_AGE, abs=0.3)
        safeguarding = _safeguarding(in_post)
        assert float(safeguarding["age"].mean()) == pytest.approx(
            pub.CHILDREN_SAFEGUARDING_SW_AVERAGE_AGE, abs=0.5
        )
        ages = in_post["age"]
        assert float((ages < 25).mean()) == pytest.approx(0.03, abs=0.006)
        assert float((ages >= 55).mean()) == pytest.approx(0.18, abs=0.006)

    def test_service_years(self, in_post) -> None:
        assert float(in_post["service"].mean()) == pytest.approx(
            pub.CHILDREN_AVERAGE_SERVICE_YEARS, abs=0.15
        )
        assert float(_safeguarding(in_post)["service"].mean()) == pytest.approx(
            pub.CHILDREN_SAFEGUARDING_SW_SERVICE_YEARS, abs=0.2
        )

    @pytest.mark.parametrize(
        ("year_end", "turnover"),
        [
            (dt.date(2021, 3, 31), pub.CHILDREN_TURNOVER["2020-21"]),
            (dt.date(2022, 3, 31), pub.CHILDREN_TURNOVER["2021-22"]),
        ],
        ids=["2020-21", "2021-22"],
    )
    def test_turnover(self, extract, year_end, turnover) -> None:
        year_start = year_end.replace(year=year_end.year - 1) + dt.timedelta(1)
        leavers = extract.filter(pl.col("_leaving_date").is_between(year_start, year_end)).height
        headcount = extract.filter(
            pl.col("_start_date_with_council") <= year_end,
            pl.col("_leaving_date").is_null() | (pl.col("_leaving_date") > year_end),
        ).height
        assert leavers / headcount == pytest.approx(turnover, abs=0.003)

    def test_ethnicity_and_nationality(self, in_post) -> None:
        unknown_ethnicity = in_post["ethnicity"].is_in(["Not known", "Prefer not to say"])
        white = in_post["ethnicity"].str.starts_with("White")
        assert float(white.mean()) == pytest.approx(0.73, abs=0.006)
        assert float(unknown_ethnicity.mean()) == pytest.approx(0.15, abs=0.006)
        british = in_post["nationality"] == "British"
        unknown = in_post["nationality"].is_in(["", "Not known"])
        assert float(british.mean()) == pytest.approx(0.38, abs=0.006)
        assert float(unknown.mean()) == pytest.approx(0.61, abs=0.006)

    def test_contracts(self, in_post) -> None:
        assert float((in_post["contract_type"] == "Permanent").mean()) == pytest.approx(
            0.90, abs=0.006
        )
        assert float((in_post["fte"] == "1.00").mean()) == pytest.approx(0.76, abs=0.006)
        assert float((in_post["zero_hours"] == "Y").mean()) == pytest.approx(0.06, abs=0.006)
