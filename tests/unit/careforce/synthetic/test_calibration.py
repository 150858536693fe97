"""Every calibration target is recovered from the generated raw ASC-WDS records.

Each measure is computed here from the CSV text as a reader would, with the definitions written
in docs/demo-data.md, and compared with the published figure within a stated tolerance.
"""

from __future__ import annotations

import datetime as dt
import itertools

import polars as pl
import pytest

from careforce.core.vocab.groups import JOB_ROLE_GROUP, NATIONALITY_GROUP
from careforce.synthetic import published as pub
from careforce.synthetic import story
from careforce.synthetic.ascwds_returns import calibrated_returns
from careforce.synthetic.profiles import (
    ASCWDS_POSTS_BY_SERVICE,
    CARE_WORKER_HOURLY_INDEPENDENT,
)

SEED = 2022
"""The seed the session's generated areas use (conftest)."""

pytestmark = pytest.mark.unit

YEARS = ("2020-21", "2021-22", "2022-23", "2023-24")
LATEST = "2021-22"

SHARE = 0.006
"""Tolerance on shares published to whole percents (half a point, plus rounding)."""

RATE = 0.003
"""Tolerance on rates published to a tenth of a percent."""


def _known(
    staff: pl.DataFrame, column: str, unknown: tuple[str, ...] = ("", "999")
) -> pl.DataFrame:
    return staff.filter(~pl.col(column).is_in(list(unknown)))


def _share(frame: pl.DataFrame, condition: pl.Expr) -> float:
    return float(frame.select(condition.mean()).item())


def _role_group(frame: pl.DataFrame) -> pl.DataFrame:
    groups = {k: v.value for k, v in JOB_ROLE_GROUP.items()}
    return frame.with_columns(
        pl.col("MAINJOBROLE").cast(pl.Int64).replace_strict(groups).alias("role_group")
    )


def _by_role(workplace: pl.DataFrame, column: str) -> dict[str, int]:
    """Sum of a per-role count column over workplaces that know it, by job role code."""
    exploded = (
        workplace.filter(pl.col(column) != "999")
        .select(pl.col("ALLJOBROLES").str.split(";"), pl.col(column).str.split(";"))
        .explode("ALLJOBROLES", column)
        .filter(pl.col("ALLJOBROLES") != "")
    )
    totals = exploded.group_by("ALLJOBROLES").agg(pl.col(column).cast(pl.Int64).sum())
    return dict(totals.iter_rows())


def _ages(staff: pl.DataFrame, reference_year: int) -> pl.Series:
    dob = staff.select(pl.col("DOB").str.to_date("%d/%m/%Y")).to_series()
    reference = dt.date(reference_year, 3, 31)
    return pl.Series(
        [
            reference.year - d.year - ((reference.month, reference.day) < (d.month, d.day))
            for d in dob
        ]
    )


class TestSize:
    @pytest.mark.parametrize("group", list(ASCWDS_POSTS_BY_SERVICE), ids=str)
    def test_filled_posts_by_service_group(self, staffordshire, group) -> None:
        staff = staffordshire.years[LATEST].staff
        posts = staff.filter(pl.col("SERVICE_GROUP") == group.value).height
        assert posts == pytest.approx(ASCWDS_POSTS_BY_SERVICE[group], rel=0.01)

    def test_local_authority_posts(self, staffordshire) -> None:
        staff = staffordshire.years[LATEST].staff
        posts = staff.filter(pl.col("WP_ESTTYPE").is_in(["1", "3"])).height
        assert posts == pytest.approx(pub.FILLED_POSTS_LOCAL_AUTHORITY, rel=0.1)

    def test_independent_posts(self, staffordshire) -> None:
        staff = staffordshire.years[LATEST].staff
        posts = staff.filter(pl.col("WP_ESTTYPE").is_in(["6", "7", "8"])).height
        assert posts == pytest.approx(pub.FILLED_POSTS_INDEPENDENT, rel=0.02)

    @pytest.mark.parametrize(
        ("size_class", "low", "high"),
        [("micro", 1, 9), ("small", 10, 49), ("medium", 50, 249), ("large", 250, 999)],
        ids=["micro", "small", "medium", "large"],
    )
    def test_workplace_size_shares(self, staffordshire, size_class, low, high) -> None:
        sizes = staffordshire.years[LATEST].workplace["TOTALPERMTEMP"].cast(pl.Int64)
        share = float(sizes.is_between(low, high).mean())
        assert share == pytest.approx(pub.BUSINESS_SIZE_SHARES[size_class], abs=0.012)


class TestDemographics:
    def test_share_female(self, staffordshire) -> None:
        staff = _known(staffordshire.years[LATEST].staff, "GENDER", ("", "3", "4"))
        assert _share(staff, pl.col("GENDER") == "2") == pytest.approx(pub.FEMALE_SHARE, abs=SHARE)

    def test_age_bands_and_average_age(self, staffordshire) -> None:
        ages = _ages(staffordshire.years[LATEST].staff, 2022)
        assert float((ages < 25).mean()) == pytest.approx(0.10, abs=SHARE)
        assert float(ages.is_between(25, 54).mean()) == pytest.approx(0.635, abs=0.008)
        assert float((ages >= 55).mean()) == pytest.approx(0.265, abs=0.008)
        assert float(ages.mean()) == pytest.approx(pub.AVERAGE_AGE, abs=0.3)

    def test_age_profile_has_the_national_shape(self, staffordshire) -> None:
        """25-54 split as Skills for Care's national profile: about 19% aged 25-34, 22% aged
        35-44 and 24% aged 45-54, each band larger than the one before."""
        ages = _ages(staffordshire.years[LATEST].staff, 2022)
        shares = [float(ages.is_between(low, low + 9).mean()) for low in (25, 35, 45)]
        assert shares == pytest.approx([0.186, 0.215, 0.234], abs=SHARE)
        assert shares == sorted(shares)

    def test_share_white(self, staffordshire) -> None:
        staff = _known(staffordshire.years[LATEST].staff, "ETHNICITY", ("", "99"))
        white = pl.col("ETHNICITY").cast(pl.Int64).is_in([31, 32, 33, 34])
        assert _share(staff, white) == pytest.approx(pub.WHITE_SHARE, abs=SHARE)

    @pytest.mark.parametrize("group", list(pub.NATIONALITY_SHARES))
    def test_nationality_groups(self, staffordshire, group) -> None:
        staff = _known(staffordshire.years[LATEST].staff, "NATIONALITY", ("", "998"))
        groups = {k: v.value for k, v in NATIONALITY_GROUP.items()}
        grouped = pl.col("NATIONALITY").cast(pl.Int64).replace_strict(groups)
        assert _share(staff, grouped == group) == pytest.approx(
            pub.NATIONALITY_SHARES[group], abs=SHARE
        )


class TestYearsMove:
    """The shares move between the four years, by the assumed shifts, within realistic bounds."""

    @staticmethod
    def _shares(parsed) -> dict[str, float]:
        staff = parsed.staff
        sexes = _known(staff, "GENDER", ("", "3", "4"))
        ethnic = _known(staff, "ETHNICITY", ("", "99"))
        nationality = _known(staff, "NATIONALITY", ("", "998"))
        certificate = _known(staff, "CARECERT")
        zero = staff.filter(pl.col("ZEROHRCONT").is_in(["1", "2"]))
        ages = _ages(staff, parsed.reference_year)
        qualified = staff.filter(
            pl.col("SCQUAL").is_in(["2"]) | pl.col("SCQUAL").str.starts_with("1;")
        )
        return {
            "relevant qualification": _share(qualified, pl.col("SCQUAL").str.starts_with("1")),
            "female": _share(sexes, pl.col("GENDER") == "2"),
            "white": _share(ethnic, pl.col("ETHNICITY").cast(pl.Int64).is_in([31, 32, 33, 34])),
            "british": _share(nationality, pl.col("NATIONALITY") == "826"),
            "care certificate": _share(certificate, pl.col("CARECERT").is_in(["1", "3"])),
            "zero hours": _share(zero, pl.col("ZEROHRCONT") == "1"),
            "55 and over": float((ages >= 55).mean()),
        }

    def test_every_share_differs_between_consecutive_years(self, staffordshire) -> None:
        shares = [self._shares(staffordshire.years[year]) for year in YEARS]
        for before, after in itertools.pairwise(shares):
            for name in before:
                assert abs(after[name] - before[name]) >= 0.002, name

    def test_shares_stay_within_realistic_bounds(self, staffordshire) -> None:
        bounds = {
            "relevant qualification": (0.45, 0.55),
            "female": (0.80, 0.90),
            "white": (0.80, 0.95),
            "british": (0.85, 0.96),
            "care certificate": (0.45, 0.65),
            "zero hours": (0.10, 0.25),
            "55 and over": (0.24, 0.30),
        }
        for year in YEARS:
            for name, value in self._shares(staffordshire.years[year]).items():
                low, high = bounds[name]
                assert low <= value <= high, (year, name, value)

    def test_later_years_follow_the_assumed_shifts(self, staffordshire) -> None:
        latest = self._shares(staffordshire.years["2023-24"])
        shift = story.YEAR_SHIFTS["2023-24"]
        assert latest["female"] == pytest.approx(pub.FEMALE_SHARE + shift.female, abs=SHARE)
        assert latest["white"] == pytest.approx(pub.WHITE_SHARE + shift.white, abs=SHARE)
        british = pub.NATIONALITY_SHARES["British"] + shift.british
        assert latest["british"] == pytest.approx(british, abs=SHARE)

    def test_filled_posts_grow_a_little_after_the_calibrated_year(self, staffordshire) -> None:
        posts = [staffordshire.years[year].staff.height for year in YEARS]
        assert posts[2] / posts[1] == pytest.approx(1.015, abs=0.015)
        assert posts[3] / posts[2] == pytest.approx(1.015, abs=0.015)


@pytest.mark.parametrize("group", list(pub.CONTRACTS_BY_SERVICE), ids=str)
class TestContractsByService:
    def test_permanent_and_temporary_pool_bank(self, staffordshire, group) -> None:
        figures = pub.CONTRACTS_BY_SERVICE[group]
        staff = staffordshire.years[LATEST].staff.filter(pl.col("SERVICE_GROUP") == group.value)
        assert _share(staff, pl.col("EMPLSTATUS") == "1") == pytest.approx(
            figures.permanent, abs=SHARE
        )
        temporary = pl.col("EMPLSTATUS").is_in(["2", "3"])
        assert _share(staff, temporary) == pytest.approx(figures.temporary_pool_bank, abs=SHARE)

    def test_zero_hours(self, staffordshire, group) -> None:
        figures = pub.CONTRACTS_BY_SERVICE[group]
        staff = staffordshire.years[LATEST].staff.filter(pl.col("SERVICE_GROUP") == group.value)
        known = staff.filter(pl.col("ZEROHRCONT").is_in(["1", "2"]))
        assert _share(known, pl.col("ZEROHRCONT") == "1") == pytest.approx(
            figures.zero_hours, abs=SHARE
        )

    def test_full_time(self, staffordshire, group) -> None:
        figures = pub.CONTRACTS_BY_SERVICE[group]
        staff = staffordshire.years[LATEST].staff.filter(pl.col("SERVICE_GROUP") == group.value)
        hours = staff.select(
            pl.when(pl.col("CONTHOURS") != "")
            .then(pl.col("CONTHOURS"))
            .otherwise(pl.col("AVGHOURS"))
            .alias("hours")
        ).filter(pl.col("hours") != "")
        assert _share(hours, pl.col("hours").cast(pl.Float64) >= 30) == pytest.approx(
            figures.full_time, abs=SHARE
        )


@pytest.mark.parametrize("year", YEARS)
class TestRecruitmentAndRetention:
    def test_turnover(self, staffordshire, year) -> None:
        parsed = staffordshire.years[year]
        leavers = sum(_by_role(parsed.workplace, "LEAVERS").values())
        employed = parsed.staff.filter(
            pl.col("WP_LEAVERS") != "999", pl.col("EMPLSTATUS").is_in(["1", "2"])
        ).height
        assert leavers / employed == pytest.approx(story.RETENTION[year].turnover, abs=RATE)

    def test_registered_nurse_turnover(self, staffordshire, year) -> None:
        parsed = staffordshire.years[year]
        leavers = _by_role(parsed.workplace, "LEAVERS")["16"]
        nurses = parsed.staff.filter(
            pl.col("WP_LEAVERS") != "999",
            pl.col("EMPLSTATUS").is_in(["1", "2"]),
            pl.col("MAINJOBROLE") == "16",
        ).height
        target = story.RETENTION[year].registered_nurse_turnover
        assert leavers / nurses == pytest.approx(target, abs=RATE)

    def test_overall_vacancy_rate(self, staffordshire, year) -> None:
        parsed = staffordshire.years[year]
        vacancies = sum(_by_role(parsed.workplace, "VACANCIES").values())
        filled = parsed.staff.filter(pl.col("WP_VACANCIES") != "999").height
        rate = vacancies / (vacancies + filled)
        assert rate == pytest.approx(story.RETENTION[year].vacancy_rate, abs=RATE)

    @pytest.mark.parametrize("role", [4, 7, 8, 16], ids=["RM", "senior", "care", "nurse"])
    def test_vacancy_rate_by_key_role(self, staffordshire, year, role) -> None:
        parsed = staffordshire.years[year]
        vacancies = _by_role(parsed.workplace, "VACANCIES").get(str(role), 0)
        filled = parsed.staff.filter(
            pl.col("WP_VACANCIES") != "999", pl.col("MAINJOBROLE") == str(role)
        ).height
        rate = vacancies / (vacancies + filled)
        assert rate == pytest.approx(story.RETENTION[year].vacancy_by_role[role], abs=RATE)

    def test_sickness_days_per_worker(self, staffordshire, year) -> None:
        staff = _known(staffordshire.years[year].staff, "DAYSSICK")
        mean = float(staff["DAYSSICK"].cast(pl.Float64).mean())
        assert mean == pytest.approx(story.RETENTION[year].sickness_days_per_worker, abs=0.05)

    def test_average_years_in_sector(self, staffordshire, year) -> None:
        parsed = staffordshire.years[year]
        staff = _known(parsed.staff, "STARTINSECT")
        years = parsed.reference_year - staff["STARTINSECT"].cast(pl.Int64)
        target = story.RETENTION[year].average_years_in_sector
        assert float(years.mean()) == pytest.approx(target, abs=0.05)

    def test_leavers_remaining_in_sector(self, staffordshire, year) -> None:
        """Starters of the last 12 months recruited from adult social care (RECSOURCE 1 or 2)
        among those whose source is known."""
        parsed = staffordshire.years[year]
        first_day = dt.date(parsed.reference_year - 1, 4, 1)
        starters = parsed.staff.filter(
            pl.col("EMPLSTATUS").is_in(["1", "2"]),
            pl.col("STARTDATE") != "",
            ~pl.col("RECSOURCE").is_in(["", "16"]),
        ).filter(pl.col("STARTDATE").str.to_date("%d/%m/%Y") >= first_day)
        share = _share(starters, pl.col("RECSOURCE").is_in(["1", "2"]))
        target = story.RETENTION[year].leavers_remaining_in_sector
        assert share == pytest.approx(target, abs=SHARE)


class TestExperience:
    def test_share_with_more_than_ten_years(self, staffordshire) -> None:
        staff = _known(staffordshire.years[LATEST].staff, "STARTINSECT")
        years = 2022 - staff["STARTINSECT"].cast(pl.Int64)
        assert float((years > 10).mean()) == pytest.approx(
            pub.SHARE_OVER_10_YEARS_IN_SECTOR, abs=0.02
        )


@pytest.mark.parametrize("group", list(pub.QUALIFICATIONS))
class TestQualifications:
    def test_relevant_qualification_by_level(self, staffordshire, group) -> None:
        staff = _role_group(staffordshire.years[LATEST].staff).filter(
            pl.col("SCQUAL").is_in(["2"]) | pl.col("SCQUAL").str.starts_with("1;")
        )
        if group != "all":
            staff = staff.filter(pl.col("role_group") == group)
        level = pl.col("SCQUAL").str.split(";").list.get(1, null_on_oob=True).cast(pl.Int64)
        figures = pub.QUALIFICATIONS[group]
        assert _share(staff, pl.col("SCQUAL").str.starts_with("1")) == pytest.approx(
            figures.any_relevant, abs=0.011 if group == "all" else SHARE
        )
        assert _share(staff, level.is_in([0, 1]).fill_null(False)) == pytest.approx(
            figures.entry_or_level_1, abs=SHARE
        )
        assert _share(staff, (level >= 4).fill_null(False)) == pytest.approx(
            figures.level_4_plus, abs=0.011 if group == "all" else SHARE
        )

    def test_care_certificate(self, staffordshire, group) -> None:
        staff = _role_group(_known(staffordshire.years[LATEST].staff, "CARECERT"))
        if group != "all":
            staff = staff.filter(pl.col("role_group") == group)
        share = _share(staff, pl.col("CARECERT").is_in(["1", "3"]))
        assert share == pytest.approx(pub.QUALIFICATIONS[group].care_certificate, abs=SHARE)


@pytest.mark.parametrize("year", YEARS)
class TestPay:
    def test_care_worker_hourly_pay_independent(self, staffordshire, year) -> None:
        staff = staffordshire.years[year].staff.filter(
            pl.col("WP_ESTTYPE").is_in(["6", "7", "8"]),
            pl.col("MAINJOBROLE") == "8",
            pl.col("SALARYINT") == "3",
        )
        mean = float(staff["HOURLYRATE"].cast(pl.Float64).mean())
        assert mean == pytest.approx(CARE_WORKER_HOURLY_INDEPENDENT[year], abs=0.01)

    def test_care_worker_hourly_pay_local_authority(self, staffordshire, year) -> None:
        staff = staffordshire.years[year].staff.filter(
            pl.col("WP_ESTTYPE").is_in(["1", "3"]),
            pl.col("MAINJOBROLE") == "8",
            pl.col("SALARYINT") == "3",
        )
        mean = float(staff["HOURLYRATE"].cast(pl.Float64).mean())
        target = staffordshire.area.workforce.care_worker_hourly_local_authority[year]
        assert mean == pytest.approx(target, abs=0.02)

    def test_all_roles_hourly_pay_independent(self, staffordshire, year) -> None:
        """Hourly rates, and annual salaries over 52.14 weeks of the contracted hours (37.5
        when not given), of independent-sector staff with known pay in the workplaces that
        return in the calibrated year (the published figure is of ASC-WDS returns)."""
        returning = calibrated_returns(staffordshire.area, seed=SEED)
        staff = staffordshire.years[year].staff.filter(
            pl.col("WP_ESTTYPE").is_in(["6", "7", "8"]),
            pl.col("SALARYINT").is_in(["1", "3"]),
            pl.col("LOCALESTID").is_in(list(returning)),
        )
        hours = pl.when(pl.col("CONTHOURS") != "").then(pl.col("CONTHOURS").cast(pl.Float64))
        hourly = (
            pl.when(pl.col("SALARYINT") == "3")
            .then(pl.col("HOURLYRATE").cast(pl.Float64))
            .otherwise(pl.col("SALARY").cast(pl.Float64) / (365 / 7 * hours.otherwise(37.5)))
        )
        mean = float(staff.select(hourly.mean()).item())
        assert mean == pytest.approx(story.ALL_ROLES_HOURLY_INDEPENDENT[year], abs=0.02)

    def test_hourly_pay_at_least_the_national_living_wage(self, staffordshire, year) -> None:
        staff = staffordshire.years[year].staff.filter(pl.col("SALARYINT") == "3")
        assert float(staff["HOURLYRATE"].cast(pl.Float64).min()) >= pub.NATIONAL_LIVING_WAGE[year]
