"""Every measure of the catalogue on hand-made canonical datasets, with answers worked out by hand.

Reference date 31/03/2022 (period 2021/22) unless a test says otherwise. Builders are in
conftest.py (the ``build`` fixture): by default a worker is a permanent, hourly-paid (£10.00)
female care worker aged 40, White British, with 37.5 contracted hours, and a workplace is an
independent residential care home in postcode district ST16.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from careforce.core.indicators.catalogue import MEASURES, Kind
from careforce.core.indicators.compute import QUALITY_SCHEMA, RESULT_SCHEMA, all_measures
from careforce.core.indicators.frames import (
    OTHER_ROLES,
    period_label,
    worker_measure_frame,
    workplace_role_frame,
)
from careforce.core.indicators.intervals import median_rank_bounds
from careforce.core.sources.ascwds.canonical import Exclusions, canonical_datasets
from careforce.core.sources.ascwds.validate import FileSet, validate_file_set
from careforce.io.ascwds_files import parse_ascwds_bytes

pytestmark = pytest.mark.unit

Z = 1.959963984540054
PERIOD = "2021/22"


def wilson(k: float, n: float, z: float = Z) -> tuple[float, float]:
    """Wilson score interval, written out independently of the code under test."""
    p = k / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    scale = 1 + z * z / n
    return max(0.0, (centre - half) / scale), min(1.0, (centre + half) / scale)


def byar(k: float, z: float = Z) -> tuple[float, float]:
    """Byar's approximation to the exact Poisson interval of a count."""
    lower = 0.0 if k == 0 else k * (1 - 1 / (9 * k) - z / (3 * math.sqrt(k))) ** 3
    upper = (k + 1) * (1 - 1 / (9 * (k + 1)) + z / (3 * math.sqrt(k + 1))) ** 3
    return lower, upper


# ---------------------------------------------------------------------------------------------
# Guard: the builders make frames exactly like canonical ingestion
# ---------------------------------------------------------------------------------------------

# Two workplaces and three staff records that validate without findings (the worked example of
# the format reference plus a non-CQC day centre; see tests/.../sources/ascwds/conftest.py).
_WORKPLACE = (
    "LOCALESTID,STATUS,ESTNAME,ADDRESS1,ADDRESS2,ADDRESS3,POSTTOWN,POSTCODE,ESTTYPE,OTHERTYPE,"
    "PERMCQC,PERMLA,REGTYPE,PROVNUM,LOCATIONID,MAINSERVICE,ALLSERVICES,CAPACITY,UTILISATION,"
    "SERVICEDESC,SERVICEUSERS,OTHERUSERDESC,DHA,DHAACTIVITIES,TOTALPERMTEMP,ALLJOBROLES,"
    "STARTERS,LEAVERS,VACANCIES,REASONS,REASONNOS,REPEATTRAINING,CWPAWARE,CWPUSE,CWPUSEDESC,"
    "SICKPAY,PENSION,ACTUALCONT,OPTOUTPEN,HOLIDAY,SLEEPINS,SLEEPINPAY,TRAVELTIME,TTDIFFRATE\n"
    "WP1,UPDATE,Sunset Care,1 High Street,,,Leeds,LS1 1AA,6,,1,1,2,1-101234567,1-1000210669,"
    "8,8;13,;,;,;,1;2,;,1,1;7,2,4;8,0;1,0;1,0;1,,,1,1,1;2;10,Induction planning,1,1,5,2,28,2,,"
    "3,11.50\n"
    "WP2,NEW,Riverside Day Centre,2 Mill Lane,,,Bradford,BD1 1AA,7,,0,1,0,,,6,6,20,15,,1,,2,,"
    "1,8,0,0,0,,,2,4,2,,unknown,0,,999,28,,,,\n"
)
_STAFF = (
    "LOCALESTID,UNIQUEWORKERID,STATUS,DISPLAYID,NINUMBER,POSTCODE,DOB,GENDER,ETHNICITY,"
    "NATIONALITY,BRITISHCITIZENSHIP,COUNTRYOFBIRTH,YEAROFENTRY,DISABLED,CARECERT,L2CARECERT,"
    "RECSOURCE,HANDCVISA,INOUTUK,STARTDATE,STARTINSECT,DHA,APPRENTICE,EMPLSTATUS,ZEROHRCONT,"
    "DAYSSICK,SALARYINT,SALARY,HOURLYRATE,MAINJOBROLE,MAINJRDESC,CONTHOURS,AVGHOURS,NMCREG,AMHP,"
    "SCQUAL,NONSCQUAL,CWPCATEGORY,QUALACH01,QUALACH01NOTES,QUALACH02,QUALACH02NOTES,QUALACH03,"
    "QUALACH03NOTES\n"
    "WP1,RM1,NEW,Jane Smith,JA123456A,LS1 1AA,10/12/1982,2,31,826,,826,,0,1,3,2,,,01/04/2015,"
    "2005,,2,1,2,2.5,1,38000,,4,,37.5,,,,1;5,2,7,307;2019,Level 5 apprenticeship,,,,\n"
    "WP1,CW1,NEW,Tom Brown,,LS2 7AB,01/02/1995,1,32,372,2,372,2018,0,3,2,12,2,,15/06/2020,"
    "2019,1,1,3,1,999,3,,12.60,8,,,22.5,,,1;2,1;3,2,,,,,,\n"
    "WP2,DC1,NEW,Ann Lee,AB123456C,BD2 3CD,05/06/1990,2,39,826,,826,,1,1,2,18,,,01/09/2021,"
    "2021,,2,2,2,0,999,,,8,,16,,,,2,2,1,,,,,,\n"
)


class TestBuilders:
    def test_frames_have_the_dtypes_of_canonical_ingestion(self, build: SimpleNamespace) -> None:
        files = FileSet(
            workplace=parse_ascwds_bytes(_WORKPLACE.encode(), name="workplace.csv").raw,
            staff=parse_ascwds_bytes(_STAFF.encode(), name="staff.csv").raw,
            training=None,
        )
        reference, today = dt.date(2025, 3, 31), dt.date(2025, 6, 1)
        validation = validate_file_set(files, reference_date=reference, today=today)
        canonical = canonical_datasets(
            validation,
            reference_date=reference,
            today=today,
            secret=b"test",
            exclusions=Exclusions(),
        )
        workers, establishments = build.frames([build.place()], [build.worker()])

        assert establishments.drop("snapshot").collect_schema() == canonical.establishments.schema
        assert workers.drop("snapshot").collect_schema() == canonical.workers.schema
        assert canonical.establishments.schema == build.ESTABLISHMENT_SCHEMA
        assert canonical.workers.schema == build.WORKER_SCHEMA

    def test_snapshot_is_int32_like_load_ascwds(self, build: SimpleNamespace) -> None:
        workers, establishments = build.frames([build.place()], [build.worker()])
        assert workers.collect_schema()["snapshot"] == pl.Int32
        assert establishments.collect_schema()["snapshot"] == pl.Int32


# ---------------------------------------------------------------------------------------------
# Periods and the shape of the result
# ---------------------------------------------------------------------------------------------


class TestPeriod:
    @pytest.mark.parametrize(
        ("day", "label"),
        [
            (dt.date(2022, 3, 31), "2021/22"),
            (dt.date(2022, 4, 1), "2022/23"),
            (dt.date(2000, 1, 1), "1999/00"),
            (dt.date(2009, 12, 31), "2009/10"),
        ],
        ids=["end-of-march", "first-of-april", "century", "pads-two-digits"],
    )
    def test_period_label_is_the_financial_year(self, day: dt.date, label: str) -> None:
        assert period_label(day) == label

    @pytest.mark.parametrize(
        ("day", "label"),
        [(dt.date(2022, 3, 31), "2021/22"), (dt.date(2009, 4, 1), "2009/10")],
        ids=["2021-22", "2009-10"],
    )
    def test_rows_carry_the_period_of_the_reference_date(
        self, build: SimpleNamespace, day: dt.date, label: str
    ) -> None:
        results, _ = build.compute(
            [build.place(reference_date=day)],
            [build.worker(reference_date=day)],
            measures=["filled_posts", "vacancies"],
        )
        assert results["period"].unique().to_list() == [label]


@pytest.fixture(scope="module")
def everything(build: SimpleNamespace) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Every measure of three default workers in one workplace."""
    return build.compute(
        [
            build.place(
                job_roles=[build.job_role(8, starters=1, leavers=1, vacancies=1)],
                delegated_healthcare_activities="Yes",
                delegated_healthcare_activity_codes=[1],
            )
        ],
        [build.worker() for _ in range(3)],
    )


class TestResultShape:
    def test_all_measures_has_the_result_schema(
        self, everything: tuple[pl.DataFrame, pl.DataFrame]
    ) -> None:
        results, quality = everything
        assert results.schema == RESULT_SCHEMA
        assert quality.schema == QUALITY_SCHEMA

    def test_every_measure_has_a_headline_row(
        self, everything: tuple[pl.DataFrame, pl.DataFrame]
    ) -> None:
        results, _ = everything
        headline = results.filter(pl.col("breakdown") == "total")
        # Training measures are computed from the training records (test_training.py).
        non_category = [
            m.id
            for m in MEASURES
            if m.kind is not Kind.CATEGORY_SHARE
            and m.categories is None
            and m.from_ascwds
            and not m.from_training
        ]
        assert sorted(headline["measure_id"].unique().to_list()) == sorted(set(non_category))
        assert headline["breakdown_value"].unique().to_list() == ["all"]
        assert set(results["measure_id"].unique()) == {
            m.id for m in MEASURES if m.from_ascwds and not m.from_training
        }

    def test_no_measures_gives_an_empty_frame(self, build: SimpleNamespace) -> None:
        workers, establishments = build.frames([build.place()], [build.worker()])
        result = all_measures(
            worker_measure_frame(workers, establishments),
            workplace_role_frame(workers, establishments),
            [],
        ).collect()
        assert result.height == 0
        assert result.schema == RESULT_SCHEMA


# ---------------------------------------------------------------------------------------------
# Filled posts
# ---------------------------------------------------------------------------------------------


def _organisational(build: SimpleNamespace) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Three workplaces, eleven staff records.

    P1 independent residential (service 2, private), district ST16
    P2 local authority home care (service 8, ESTTYPE 1), district ST17
    P3 independent nursing (service 1, voluntary), district ST16

    | place | role | key role             | sex        | age  |
    |-------|------|----------------------|------------|------|
    | P1    | 8    | care worker          | Female     | 19   |
    | P1    | 8    | care worker          | Female     | 20   |
    | P1    | 7    | senior care worker   | Male       | 24   |
    | P1    | 4    | registered manager   | Female     | 25   |
    | P2    | 8    | care worker          | Female     | 34   |
    | P2    | 8    | care worker          | Male       | 35   |
    | P2    | 8    | care worker          | Female     | 54   |
    | P2    | 16   | registered nurse     | Don't know | 55   |
    | P2    | 25   | other roles (admin)  | Other      | 64   |
    | P3    | 16   | registered nurse     | Female     | 65   |
    | P3    | 26   | other roles (ancill.)| Male       | none |
    """
    places = [
        build.place("P1", service=2, employer=6, postcode_district="ST16"),
        build.place("P2", service=8, employer=1, postcode_district="ST17"),
        build.place("P3", service=1, employer=7, postcode_district="ST16"),
    ]
    rows = [
        ("P1", 8, "Female", 19),
        ("P1", 8, "Female", 20),
        ("P1", 7, "Male", 24),
        ("P1", 4, "Female", 25),
        ("P2", 8, "Female", 34),
        ("P2", 8, "Male", 35),
        ("P2", 8, "Female", 54),
        ("P2", 16, "Don't know", 55),
        ("P2", 25, "Other", 64),
        ("P3", 16, "Female", 65),
        ("P3", 26, "Male", None),
    ]
    staff = [build.worker(p, role, gender=sex, age=age) for p, role, sex, age in rows]
    return places, staff


@pytest.fixture(scope="module")
def organisational(build: SimpleNamespace) -> pl.DataFrame:
    """Filled posts of the organisational example (computed once for the module)."""
    places, staff = _organisational(build)
    return build.compute(places, staff, measures=["filled_posts"])[0]


class TestFilledPosts:
    @pytest.mark.parametrize(
        ("breakdown", "value", "expected", "workplaces"),
        [
            ("total", "all", 11, 3),
            # sector: independent = P1 (4) + P3 (2); local authority = P2 (5)
            ("sector", "independent", 6, 2),
            ("sector", "local authority", 5, 1),
            ("service_group", "residential", 4, 1),
            ("service_group", "home care", 5, 1),
            ("service_group", "nursing", 2, 1),
            # key roles: care workers P1 2 + P2 3
            ("key_role", "care worker", 5, 2),
            ("key_role", "senior care worker", 1, 1),
            ("key_role", "registered manager", 1, 1),
            ("key_role", "registered nurse", 2, 2),
            # administrative (25) and ancillary (26): in none of the four key roles
            ("key_role", OTHER_ROLES, 2, 2),
            # direct care = five care workers + one senior
            ("job_role_group", "direct care", 6, 2),
            ("job_role_group", "managerial/supervisory", 1, 1),
            ("job_role_group", "regulated professions", 2, 2),
            ("job_role_group", "other", 2, 2),
            ("district", "ST16", 6, 2),
            ("district", "ST17", 5, 1),
            # sex: Female P1 3 + P2 2 + P3 1; Male 1 + 1 + 1; "Don't know" left out
            ("sex", "Female", 6, 3),
            ("sex", "Male", 3, 3),
            ("sex", "Other", 1, 1),
            ("age_band", "under 20", 1, 1),
            ("age_band", "20-24", 2, 1),
            ("age_band", "25-34", 2, 2),
            ("age_band", "35-44", 1, 1),
            ("age_band", "45-54", 1, 1),
            ("age_band", "55-64", 2, 1),
            ("age_band", "65 and over", 1, 1),
            # broad age groups: 19, 20, 24 | 25, 34, 35, 54 | 55, 64, 65 (boundaries 25 and 55)
            ("age_group", "under 25", 3, 1),
            ("age_group", "25-54", 4, 2),
            ("age_group", "55 and over", 3, 2),
            ("ethnicity_group", "White", 11, 3),
            ("nationality_group", "British", 11, 3),
        ],
        ids=lambda v: str(v).replace(" ", "-"),
    )
    def test_count_by_breakdown(
        self,
        build: SimpleNamespace,
        organisational: pl.DataFrame,
        breakdown: str,
        value: str,
        expected: int,
        workplaces: int,
    ) -> None:
        results = organisational
        row = build.cell(results, "filled_posts", breakdown, value)
        assert row["numerator"] == expected
        assert row["value"] == expected
        assert row["denominator"] is None
        assert row["workers"] == expected
        assert row["workplaces"] == workplaces

    def test_headline_has_a_byar_interval(
        self, build: SimpleNamespace, organisational: pl.DataFrame
    ) -> None:
        results = organisational
        row = build.cell(results, "filled_posts")
        lower, upper = byar(11)
        # Byar for 11: 11·(1 − 1/99 − 1.96/(3·√11))³ ≈ 5.484; 12·(1 − 1/108 + 1.96/(3·√12))³ ≈ 19.68
        assert row["lower_ci"] == pytest.approx(lower, rel=1e-12)
        assert row["upper_ci"] == pytest.approx(upper, rel=1e-12)
        assert (row["lower_ci"], row["upper_ci"]) == pytest.approx((5.484, 19.683), abs=1e-3)

    def test_unknown_demographics_are_left_out_of_the_breakdown(
        self, build: SimpleNamespace, organisational: pl.DataFrame
    ) -> None:
        results = organisational
        by_sex = build.values(results, "filled_posts", "sex", "numerator")
        by_age = build.values(results, "filled_posts", "age_band", "numerator")
        by_group = build.values(results, "filled_posts", "age_group", "numerator")
        # one "Don't know" sex and one unknown age of the 11 records
        assert sum(by_sex.values()) == 10
        assert sum(by_age.values()) == 10
        assert sum(by_group.values()) == 10
        assert None not in by_sex
        assert "Don't know" not in by_sex

    def test_key_roles_partition_the_workforce(
        self, build: SimpleNamespace, organisational: pl.DataFrame
    ) -> None:
        results = organisational
        by_role = (
            results.filter(pl.col("breakdown") == "key_role")
            .select("breakdown_value", "numerator")
            .sort("breakdown_value")
        )
        expected = pl.DataFrame(
            {
                "breakdown_value": [
                    "care worker",
                    OTHER_ROLES,
                    "registered manager",
                    "registered nurse",
                    "senior care worker",
                ],
                "numerator": [5.0, 2.0, 1.0, 2.0, 1.0],
            }
        )
        assert_frame_equal(by_role, expected)
        assert by_role["numerator"].sum() == build.cell(results, "filled_posts")["numerator"]

    def test_district_lookup_names_districts_and_unknown_otherwise(
        self, build: SimpleNamespace
    ) -> None:
        places, staff = _organisational(build)
        districts = pl.LazyFrame(
            {
                "postcode_district": ["ST16", "ST16"],
                "district_code": ["E07000197", "E07000198"],
                "district_name": ["Stafford", "Duplicate ignored"],
            }
        )
        results, _ = build.compute(places, staff, measures=["filled_posts"], districts=districts)
        # ST16 (P1, P3) is in the lookup, once; ST17 (P2) is not
        assert build.values(results, "filled_posts", "district", "numerator") == {
            "Stafford": 6.0,
            "unknown": 5.0,
        }

    def test_snapshots_are_kept_apart(self, build: SimpleNamespace) -> None:
        # The same workplace reference in two file sets of the same period and area is two
        # workplaces; a later reference date is a separate period.
        later = dt.date(2023, 3, 31)
        places = [
            build.place("P1", snapshot=0),
            build.place("P1", snapshot=1),
            build.place("P1", snapshot=2, reference_date=later),
        ]
        staff = [
            build.worker("P1", snapshot=0),
            build.worker("P1", snapshot=0),
            build.worker("P1", snapshot=1),
            build.worker("P1", snapshot=2, reference_date=later),
        ]
        results, _ = build.compute(places, staff, measures=["filled_posts"])
        headline = results.filter(pl.col("breakdown") == "total").sort("period")
        assert headline["period"].to_list() == ["2021/22", "2022/23"]
        assert headline["numerator"].to_list() == [3.0, 1.0]
        assert headline["workplaces"].to_list() == [2, 1]


# ---------------------------------------------------------------------------------------------
# Workplace-reported measures: vacancies, turnover, starters and data quality
# ---------------------------------------------------------------------------------------------


def _workplace_reported(
    build: SimpleNamespace,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Two workplaces whose declared staff match their records.

    P1 (independent residential): 4 care workers, 1 senior care worker, 1 registered manager,
    all permanent. JOB_ROLES: care worker s2 l3 v2; senior s0 l1 v1; manager s0 l0 v0.
    P2 (local authority home care): 2 permanent care workers, 1 bank care worker, 1 permanent
    registered nurse, 1 temporary administrator. JOB_ROLES: care worker s1 l1 v3; nurse s0 l0
    v1; administrative s0 l0 v1.

    Filled posts 11 (care worker 7, senior 1, manager 1, nurse 1, other roles 1).
    Directly employed 10 (the bank care worker is not).
    Vacancies 8, leavers 5, starters 3.
    """
    places = [
        build.place(
            "P1",
            service=2,
            employer=6,
            job_roles=[
                build.job_role(8, starters=2, leavers=3, vacancies=2),
                build.job_role(7, starters=0, leavers=1, vacancies=1),
                build.job_role(4, starters=0, leavers=0, vacancies=0),
            ],
        ),
        build.place(
            "P2",
            service=8,
            employer=1,
            job_roles=[
                build.job_role(8, starters=1, leavers=1, vacancies=3),
                build.job_role(16, starters=0, leavers=0, vacancies=1),
                build.job_role(25, starters=0, leavers=0, vacancies=1),
            ],
        ),
    ]
    staff = [
        *(build.worker("P1", 8) for _ in range(4)),
        build.worker("P1", 7),
        build.worker("P1", 4),
        build.worker("P2", 8),
        build.worker("P2", 8),
        build.worker("P2", 8, contract="Pool/Bank", contracted_hours=None, average_hours=12.0),
        build.worker("P2", 16),
        build.worker("P2", 25, contract="Temporary"),
    ]
    return places, staff


_WORKPLACE_MEASURES = ["vacancies", "vacancy_rate", "turnover_rate", "starters_rate"]


@pytest.fixture(scope="module")
def reported(build: SimpleNamespace) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Workplace-reported measures of the two-workplace example (computed once)."""
    places, staff = _workplace_reported(build)
    return build.compute(places, staff, measures=_WORKPLACE_MEASURES)


class TestVacancies:
    @pytest.mark.parametrize(
        ("breakdown", "value", "expected"),
        [
            ("total", "all", 8),
            ("key_role", "care worker", 5),  # P1 2 + P2 3
            ("key_role", "senior care worker", 1),
            ("key_role", "registered manager", 0),
            ("key_role", "registered nurse", 1),
            ("key_role", OTHER_ROLES, 1),  # the administrative vacancy
            ("sector", "independent", 3),
            ("sector", "local authority", 5),
        ],
        ids=lambda v: str(v).replace(" ", "-"),
    )
    def test_vacancies(
        self,
        build: SimpleNamespace,
        reported: tuple[pl.DataFrame, pl.DataFrame],
        breakdown: str,
        value: str,
        expected: int,
    ) -> None:
        results, _ = reported
        row = build.cell(results, "vacancies", breakdown, value)
        assert row["numerator"] == expected
        assert row["value"] == expected
        assert row["denominator"] is None
        assert (row["lower_ci"], row["upper_ci"]) == pytest.approx(byar(expected))

    @pytest.mark.parametrize(
        ("breakdown", "value", "vacant", "filled"),
        [
            ("total", "all", 8, 11),  # 8 / (11 + 8) = 0.421
            ("key_role", "care worker", 5, 7),  # 5 / (7 + 5) = 0.417 (bank staff are filled posts)
            ("key_role", "senior care worker", 1, 1),  # 1 / 2
            ("key_role", "registered manager", 0, 1),  # 0 / 1
            ("key_role", "registered nurse", 1, 1),  # 1 / 2
            ("key_role", OTHER_ROLES, 1, 1),  # 1 / 2
        ],
        ids=lambda v: str(v).replace(" ", "-"),
    )
    def test_vacancy_rate_is_vacancies_over_filled_plus_vacancies(
        self,
        build: SimpleNamespace,
        reported: tuple[pl.DataFrame, pl.DataFrame],
        breakdown: str,
        value: str,
        vacant: int,
        filled: int,
    ) -> None:
        results, _ = reported
        row = build.cell(results, "vacancy_rate", breakdown, value)
        assert row["numerator"] == vacant
        assert row["denominator"] == filled + vacant
        assert row["value"] == pytest.approx(vacant / (filled + vacant))
        assert (row["lower_ci"], row["upper_ci"]) == pytest.approx(wilson(vacant, filled + vacant))
        assert row["workers"] == filled

    def test_unknown_vacancies_exclude_the_workplace(self, build: SimpleNamespace) -> None:
        places, staff = _workplace_reported(build)
        places.append(
            build.place(
                "P3",
                job_roles=[build.job_role(8, vacancies=None)],
                vacancies_total=None,
            )
        )
        staff += [build.worker("P3", 8) for _ in range(3)]
        results, quality = build.compute(places, staff, measures=_WORKPLACE_MEASURES)
        # P3 is left out of both parts: still 8 / (11 + 8)
        assert build.cell(results, "vacancies")["value"] == 8
        assert build.cell(results, "vacancy_rate")["value"] == pytest.approx(8 / 19)
        vacancy_quality = quality.filter(pl.col("measure_id").str.starts_with("vacanc")).sort(
            "measure_id"
        )
        expected = pl.DataFrame(
            {
                "measure_id": ["vacancies", "vacancy_rate"],
                "period": [PERIOD, PERIOD],
                "area_code": [build.AREA_CODE] * 2,
                "area_name": [build.AREA_NAME] * 2,
                "state": ["no-vacancies", "no-vacancies"],
                "workplaces": [1, 1],
            }
        )
        assert_frame_equal(vacancy_quality, expected)


class TestTurnover:
    def test_headline_is_leavers_over_direct_staff(
        self, build: SimpleNamespace, reported: tuple[pl.DataFrame, pl.DataFrame]
    ) -> None:
        results, quality = reported
        row = build.cell(results, "turnover_rate")
        # leavers 4 (P1) + 1 (P2) = 5; permanent and temporary records 6 + 4 = 10 (bank excluded;
        # with it the rate would be 5/11)
        assert row["numerator"] == 5
        assert row["denominator"] == 10
        assert row["value"] == pytest.approx(0.5)
        lower, upper = byar(5)
        assert row["lower_ci"] == pytest.approx(lower / 10)
        assert row["upper_ci"] == pytest.approx(upper / 10)
        assert row["workplaces"] == 2
        assert quality.height == 0

    @pytest.mark.parametrize(
        ("breakdown", "value", "leavers", "direct"),
        [
            ("key_role", "care worker", 4, 6),  # leavers 3 + 1; direct 4 + 2 (bank left out)
            ("key_role", "senior care worker", 1, 1),
            ("key_role", "registered manager", 0, 1),
            ("key_role", "registered nurse", 0, 1),
            ("key_role", OTHER_ROLES, 0, 1),  # temporary administrator counts as direct
            ("sector", "independent", 4, 6),
            ("sector", "local authority", 1, 4),
            ("service_group", "home care", 1, 4),
        ],
        ids=lambda v: str(v).replace(" ", "-"),
    )
    def test_by_breakdown(
        self,
        build: SimpleNamespace,
        reported: tuple[pl.DataFrame, pl.DataFrame],
        breakdown: str,
        value: str,
        leavers: int,
        direct: int,
    ) -> None:
        results, _ = reported
        row = build.cell(results, "turnover_rate", breakdown, value)
        assert (row["numerator"], row["denominator"]) == (leavers, direct)
        assert row["value"] == pytest.approx(leavers / direct)

    @pytest.mark.parametrize(
        ("state", "extra_place", "extra_staff"),
        [
            # declares 5 staff but has 3 records
            (
                "mismatch-workers",
                {"total_staff": 5, "job_roles": [(8, 0, 2, 0)]},
                [{}, {}, {}],
            ),
            # leavers unknown (LEAVERS 999)
            (
                "no-leavers",
                {"leavers_total": None, "job_roles": [(8, 0, None, 0)]},
                [{}, {}, {}],
            ),
            # only bank and agency staff
            (
                "no-perm-or-temp",
                {"job_roles": [(8, 0, 1, 0)]},
                [
                    {"contract": "Pool/Bank", "contracted_hours": None, "average_hours": 10.0},
                    {"contract": "Agency", "contracted_hours": None, "average_hours": 10.0},
                ],
            ),
            # 20 leavers from 2 direct staff: 1000% > 995%
            (
                "incorrect-turnover",
                {"job_roles": [(8, 0, 20, 0)]},
                [{}, {}, {"contract": "Pool/Bank", "contracted_hours": None}],
            ),
        ],
        ids=["mismatch-workers", "no-leavers", "no-perm-or-temp", "incorrect-turnover"],
    )
    def test_data_quality_state_excludes_the_workplace(
        self,
        build: SimpleNamespace,
        state: str,
        extra_place: dict[str, Any],
        extra_staff: list[dict[str, Any]],
    ) -> None:
        places, staff = _workplace_reported(build)
        roles = [
            build.job_role(code, starters=s, leavers=lv, vacancies=v)
            for code, s, lv, v in extra_place["job_roles"]
        ]
        overrides = {k: v for k, v in extra_place.items() if k != "job_roles"}
        places.append(build.place("P3", job_roles=roles, **overrides))
        staff += [build.worker("P3", 8, **cells) for cells in extra_staff]
        results, quality = build.compute(places, staff, measures=_WORKPLACE_MEASURES)
        # P3 is left out: still 5 / 10 from P1 and P2
        row = build.cell(results, "turnover_rate")
        assert (row["numerator"], row["denominator"]) == (5, 10)
        assert row["workplaces"] == 2
        turnover_quality = quality.filter(pl.col("measure_id") == "turnover_rate")
        assert turnover_quality.select("state", "workplaces").rows() == [(state, 1)]

    def test_turnover_just_under_the_ceiling_is_kept(self, build: SimpleNamespace) -> None:
        places, staff = _workplace_reported(build)
        # 19 leavers from 2 direct staff: 950% ≤ 995%
        places.append(build.place("P3", job_roles=[build.job_role(8, leavers=19)]))
        staff += [build.worker("P3", 8), build.worker("P3", 8)]
        results, quality = build.compute(places, staff, measures=_WORKPLACE_MEASURES)
        row = build.cell(results, "turnover_rate")
        # (5 + 19) / (10 + 2) = 2.0 — a rate, not capped at 1
        assert (row["numerator"], row["denominator"]) == (24, 12)
        assert row["value"] == pytest.approx(2.0)
        assert quality.filter(pl.col("measure_id") == "turnover_rate").height == 0

    def test_states_are_counted_per_workplace_not_per_role(self, build: SimpleNamespace) -> None:
        places, staff = _workplace_reported(build)
        for name in ("P3", "P4"):
            places.append(
                build.place(
                    name,
                    total_staff=9,
                    job_roles=[build.job_role(8, leavers=1), build.job_role(7, leavers=1)],
                )
            )
            staff += [build.worker(name, 8), build.worker(name, 7)]
        _, quality = build.compute(places, staff, measures=_WORKPLACE_MEASURES)
        expected = pl.DataFrame(
            {
                "measure_id": ["starters_rate", "turnover_rate"],
                "period": [PERIOD, PERIOD],
                "area_code": [build.AREA_CODE] * 2,
                "area_name": [build.AREA_NAME] * 2,
                "state": ["mismatch-workers", "mismatch-workers"],
                "workplaces": [2, 2],
            }
        )
        assert_frame_equal(quality.sort("measure_id"), expected)


class TestStarters:
    def test_starters_rate_is_starters_over_direct_staff(
        self, build: SimpleNamespace, reported: tuple[pl.DataFrame, pl.DataFrame]
    ) -> None:
        results, _ = reported
        # starters 2 (P1) + 1 (P2) = 3 over 10 directly employed
        row = build.cell(results, "starters_rate")
        assert (row["numerator"], row["denominator"]) == (3, 10)
        assert row["value"] == pytest.approx(0.3)
        # care workers: 2 + 1 over 4 + 2
        assert build.cell(results, "starters_rate", "key_role", "care worker")["value"] == 0.5

    def test_unknown_starters_exclude_the_workplace(self, build: SimpleNamespace) -> None:
        places, staff = _workplace_reported(build)
        places.append(
            build.place("P3", starters_total=None, job_roles=[build.job_role(8, starters=None)])
        )
        staff += [build.worker("P3", 8) for _ in range(3)]
        results, quality = build.compute(places, staff, measures=_WORKPLACE_MEASURES)
        assert build.cell(results, "starters_rate")["value"] == pytest.approx(0.3)
        # P3's leavers are known (0), so it still counts for turnover: 5 / 13
        assert build.cell(results, "turnover_rate")["value"] == pytest.approx(5 / 13)
        assert quality.select("measure_id", "state", "workplaces").rows() == [
            ("starters_rate", "no-starters", 1)
        ]


# ---------------------------------------------------------------------------------------------
# Worker-level shares and means
# ---------------------------------------------------------------------------------------------


class TestLeaversRemainingInSector:
    def test_share_of_recent_starters_recruited_from_adult_social_care(
        self, build: SimpleNamespace
    ) -> None:
        # Reference date 31/03/2022: the window is 01/04/2021 – 31/03/2022 (365 days).
        rows = [
            (dt.date(2021, 6, 1), "Adult care sector: local authority"),  # yes
            (dt.date(2021, 9, 1), "Adult care sector: private or voluntary sector"),  # yes
            (dt.date(2022, 1, 1), "Health sector"),  # no
            (dt.date(2021, 4, 1), "Not previously employed"),  # no (first day of the window)
            (dt.date(2022, 3, 31), "Agency"),  # no (the reference date itself)
            (dt.date(2021, 12, 1), "Internal promotion, transfer or career development"),  # no
            (dt.date(2021, 5, 1), "I do not know"),  # out
            (dt.date(2021, 7, 1), None),  # out: no source
            (dt.date(2021, 3, 31), "Adult care sector: local authority"),  # out: 365 days before
            (dt.date(2022, 4, 1), "Adult care sector: local authority"),  # out: after the date
            (dt.date(2018, 1, 1), "Adult care sector: local authority"),  # out: long-standing
            (None, "Adult care sector: local authority"),  # out: start date unknown
        ]
        staff = [
            build.worker(start_date=start, recruitment_source=source) for start, source in rows
        ]
        # bank staff are not among the starters turnover is measured against: left out
        staff.append(
            build.worker(
                start_date=dt.date(2021, 6, 1),
                recruitment_source="Adult care sector: local authority",
                contract="Pool/Bank",
            )
        )
        results, _ = build.compute([build.place()], staff, measures=["leavers_remaining_in_sector"])
        row = build.cell(results, "leavers_remaining_in_sector")
        # 2 from the sector of 6 recent permanent starters whose source is known
        assert (row["numerator"], row["denominator"]) == (2, 6)
        assert row["value"] == pytest.approx(2 / 6)
        assert (row["lower_ci"], row["upper_ci"]) == pytest.approx(wilson(2, 6))


class TestSickness:
    def test_mean_of_known_days(self, build: SimpleNamespace) -> None:
        days = [0.0, 2.5, 5.0, 10.0, None]  # None is "don't know" (999) after ingestion
        staff = [build.worker(days_sick=d) for d in days]
        results, _ = build.compute([build.place()], staff, measures=["sickness_days_per_worker"])
        row = build.cell(results, "sickness_days_per_worker")
        known = [d for d in days if d is not None]
        # (0 + 2.5 + 5 + 10) / 4 = 4.375
        assert (row["numerator"], row["denominator"]) == (17.5, 4)
        assert row["value"] == pytest.approx(4.375)
        spread = Z * statistics.stdev(known) / math.sqrt(4)
        assert row["lower_ci"] == pytest.approx(4.375 - spread)
        assert row["upper_ci"] == pytest.approx(4.375 + spread)
        assert row["workers"] == 4

    def test_one_value_has_no_interval(self, build: SimpleNamespace) -> None:
        staff = [build.worker(days_sick=3.0), build.worker(days_sick=None)]
        results, _ = build.compute([build.place()], staff, measures=["sickness_days_per_worker"])
        row = build.cell(results, "sickness_days_per_worker")
        assert row["value"] == 3.0
        assert row["lower_ci"] is None
        assert row["upper_ci"] is None

    def test_by_sex(self, build: SimpleNamespace) -> None:
        staff = [
            build.worker(gender="Female", days_sick=4.0),
            build.worker(gender="Female", days_sick=6.0),
            build.worker(gender="Male", days_sick=1.0),
        ]
        results, _ = build.compute([build.place()], staff, measures=["sickness_days_per_worker"])
        assert build.values(results, "sickness_days_per_worker", "sex") == {
            "Female": 5.0,
            "Male": 1.0,
        }


class TestExperience:
    # Reference year 2022: years in the sector = 2022 − STARTINSECT
    _YEARS = (2022, 2017, 2012, 2013, 2002, None)  # 0, 5, 10, 9, 20, unknown

    def test_years_in_sector_mean(self, build: SimpleNamespace) -> None:
        staff = [build.worker(start_year_in_sector=year) for year in self._YEARS]
        results, _ = build.compute([build.place()], staff, measures=["years_in_sector_mean"])
        row = build.cell(results, "years_in_sector_mean")
        # (0 + 5 + 10 + 9 + 20) / 5 = 8.8
        assert (row["numerator"], row["denominator"]) == (44, 5)
        assert row["value"] == pytest.approx(8.8)

    def test_ten_plus_share(self, build: SimpleNamespace) -> None:
        staff = [build.worker(start_year_in_sector=year) for year in self._YEARS]
        results, _ = build.compute([build.place()], staff, measures=["experience_10_plus_share"])
        row = build.cell(results, "experience_10_plus_share")
        # only 20 years of the 5 known: "more than 10", so exactly 10 does not count
        assert (row["numerator"], row["denominator"]) == (1, 5)
        assert row["value"] == pytest.approx(0.2)
        assert (row["lower_ci"], row["upper_ci"]) == pytest.approx(wilson(1, 5))


class TestAverageAge:
    def test_mean_of_known_ages(self, build: SimpleNamespace) -> None:
        staff = [build.worker(age=age) for age in (20, 30, 45, None)]
        results, _ = build.compute([build.place()], staff, measures=["average_age"])
        row = build.cell(results, "average_age")
        # (20 + 30 + 45) / 3 = 31.67
        assert (row["numerator"], row["denominator"]) == (95, 3)
        assert row["value"] == pytest.approx(95 / 3)

    def test_by_age_band(self, build: SimpleNamespace) -> None:
        staff = [build.worker(age=age) for age in (20, 24, 64, None)]
        results, _ = build.compute([build.place()], staff, measures=["average_age"])
        assert build.values(results, "average_age", "age_band") == {"20-24": 22.0, "55-64": 64.0}


def _demographics(build: SimpleNamespace) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Seven workers in a residential (P1) and a home care (P2) workplace.

    | place | sex        | age  | ethnicity group               | nationality group |
    |-------|------------|------|-------------------------------|-------------------|
    | P1    | Female     | 19   | White                         | British           |
    | P1    | Female     | 22   | White                         | EU                |
    | P1    | Male       | 40   | Black and other ethnic groups | Outside EU        |
    | P2    | Female     | 40   | Unknown                       | British           |
    | P2    | Don't know | none | White                         | Unknown           |
    | P2    | Male       | 70   | White                         | British           |
    | P2    | Male       | 44   | Black and other ethnic groups | British           |
    """
    rows = [
        ("P1", "Female", 19, "White", "British"),
        ("P1", "Female", 22, "White", "EU"),
        ("P1", "Male", 40, "Black and other ethnic groups", "Outside EU"),
        ("P2", "Female", 40, "Unknown", "British"),
        ("P2", "Don't know", None, "White", "Unknown"),
        ("P2", "Male", 70, "White", "British"),
        ("P2", "Male", 44, "Black and other ethnic groups", "British"),
    ]
    places = [build.place("P1", service=2), build.place("P2", service=8)]
    staff = [
        build.worker(p, gender=sex, age=age, ethnicity_group=eth, nationality_group=nat)
        for p, sex, age, eth, nat in rows
    ]
    return places, staff


@pytest.fixture(scope="module")
def demographics(build: SimpleNamespace) -> pl.DataFrame:
    """Workforce shares of the demographic example (computed once)."""
    places, staff = _demographics(build)
    return build.compute(places, staff, measures=["workforce_share"])[0]


class TestWorkforceShare:
    @pytest.mark.parametrize(
        ("category", "expected"),
        [
            # 6 known sexes: Female 3, Male 3
            ("sex", {"Female": (3, 6), "Male": (3, 6)}),
            # 6 known ages: 19 | 22 | 40, 40, 44 | 70
            (
                "age_band",
                {"under 20": (1, 6), "20-24": (1, 6), "35-44": (3, 6), "65 and over": (1, 6)},
            ),
            # 6 known: White 4, Black and other 2
            # 6 known ages: 19, 22 | 40, 40, 44 | 70
            ("age_group", {"under 25": (2, 6), "25-54": (3, 6), "55 and over": (1, 6)}),
            ("ethnicity_group", {"White": (4, 6), "Black and other ethnic groups": (2, 6)}),
            # 6 known: British 4, EU 1, Outside EU 1
            ("nationality_group", {"British": (4, 6), "EU": (1, 6), "Outside EU": (1, 6)}),
        ],
        ids=["sex", "age-band", "age-group", "ethnicity", "nationality"],
    )
    def test_shares_exclude_unknowns(
        self,
        build: SimpleNamespace,
        demographics: pl.DataFrame,
        category: str,
        expected: dict[str, tuple[int, int]],
    ) -> None:
        results = demographics
        rows = results.filter(
            (pl.col("measure_id") == "workforce_share") & (pl.col("breakdown") == category)
        )
        found = {
            row["breakdown_value"]: (row["numerator"], row["denominator"])
            for row in rows.iter_rows(named=True)
        }
        assert found == expected
        for row in rows.iter_rows(named=True):
            k, n = expected[row["breakdown_value"]]
            assert row["value"] == pytest.approx(k / n)
            assert (row["lower_ci"], row["upper_ci"]) == pytest.approx(wilson(k, n))
            assert row["workers"] == k

    def test_shares_of_a_category_add_up_to_one(
        self, build: SimpleNamespace, demographics: pl.DataFrame
    ) -> None:
        results = demographics
        # one-way breakdowns add up to one; two-way ones to one per first value
        first_value = (
            pl.when(pl.col("breakdown").str.contains("/"))
            .then(pl.col("breakdown_value").str.replace(r"/[^/]*$", ""))
            .otherwise(pl.lit(""))
        )
        sums = (
            results.filter(pl.col("measure_id") == "workforce_share")
            .group_by("breakdown", first_value.alias("first"))
            .agg(pl.col("value").sum())
        )
        assert sums["value"].to_list() == pytest.approx([1.0] * sums.height)

    @pytest.mark.parametrize(
        ("value", "numerator", "denominator"),
        [
            ("residential/Female", 2, 3),
            ("residential/Male", 1, 3),
            ("home care/Female", 1, 3),  # the "Don't know" is left out of the 4 at P2
            ("home care/Male", 2, 3),
        ],
        ids=["residential-female", "residential-male", "home-care-female", "home-care-male"],
    )
    def test_two_way_breakdown(
        self,
        build: SimpleNamespace,
        demographics: pl.DataFrame,
        value: str,
        numerator: int,
        denominator: int,
    ) -> None:
        results = demographics
        row = build.cell(results, "workforce_share", "service_group/sex", value)
        assert (row["numerator"], row["denominator"]) == (numerator, denominator)
        assert row["value"] == pytest.approx(numerator / denominator)
        assert row["workplaces"] == 1

    def test_two_way_breakdowns_exist_for_every_organisational_dimension(
        self, build: SimpleNamespace, demographics: pl.DataFrame
    ) -> None:
        results = demographics
        breakdowns = set(
            results.filter(pl.col("measure_id") == "workforce_share")["breakdown"].to_list()
        )
        for first in ("sector", "service_group", "job_role_group", "key_role", "district"):
            for second in ("sex", "age_band", "age_group", "ethnicity_group", "nationality_group"):
                assert f"{first}/{second}" in breakdowns


class TestContractShare:
    def test_share_of_each_contract_type(self, build: SimpleNamespace) -> None:
        contracts = ["Permanent", "Permanent", "Permanent", "Temporary", "Pool/Bank", "Agency"]
        staff = [build.worker(contract=c) for c in contracts]
        results, _ = build.compute([build.place()], staff, measures=["contract_share"])
        shares = build.values(results, "contract_share", "contract")
        # no "Other" contract: no row for it
        assert shares == pytest.approx(
            {"Permanent": 0.5, "Temporary": 1 / 6, "Pool/Bank": 1 / 6, "Agency": 1 / 6}
        )


class TestFullTimeShare:
    def test_30_or_more_contracted_or_average_hours(self, build: SimpleNamespace) -> None:
        staff = [
            build.worker(contracted_hours=37.5),  # full time
            build.worker(contracted_hours=30.0),  # full time: 30 is the threshold
            build.worker(contracted_hours=29.5),  # part time
            # zero-hours: no contracted hours, average 40 → full time
            build.worker(zero_hours_contract="Yes", contracted_hours=None, average_hours=40.0),
            build.worker(contract="Pool/Bank", contracted_hours=None, average_hours=20.0),
            build.worker(contract="Agency", contracted_hours=None, average_hours=None),  # unknown
        ]
        results, _ = build.compute([build.place()], staff, measures=["full_time_share"])
        row = build.cell(results, "full_time_share")
        assert (row["numerator"], row["denominator"]) == (3, 5)
        assert row["value"] == pytest.approx(0.6)


class TestZeroHoursShare:
    def test_share_of_known_answers(self, build: SimpleNamespace) -> None:
        answers = ["Yes", "No", "No", "Don't know", None]
        staff = [build.worker(zero_hours_contract=a) for a in answers]
        results, _ = build.compute([build.place()], staff, measures=["zero_hours_share"])
        row = build.cell(results, "zero_hours_share")
        assert (row["numerator"], row["denominator"]) == (1, 3)
        assert row["value"] == pytest.approx(1 / 3)

    def test_by_service_group(self, build: SimpleNamespace) -> None:
        places = [build.place("P1", service=2), build.place("P2", service=8)]
        staff = [
            build.worker("P1", zero_hours_contract="No"),
            build.worker("P2", zero_hours_contract="Yes"),
            build.worker("P2", zero_hours_contract="No"),
        ]
        results, _ = build.compute(places, staff, measures=["zero_hours_share"])
        assert build.values(results, "zero_hours_share", "service_group") == {
            "residential": 0.0,
            "home care": 0.5,
        }


class TestQualification:
    def test_relevant_qualification_share(self, build: SimpleNamespace) -> None:
        answers = ["Yes", "Yes", "No", "Don't know", None]
        staff = [
            build.worker(
                social_care_qualification=a,
                social_care_qualification_level="Level 3" if a == "Yes" else None,
            )
            for a in answers
        ]
        results, _ = build.compute(
            [build.place()], staff, measures=["relevant_qualification_share"]
        )
        row = build.cell(results, "relevant_qualification_share")
        assert (row["numerator"], row["denominator"]) == (2, 3)

    _LEVELS = (
        ("Yes", "Entry level"),  # entry or level 1
        ("Yes", "Level 1"),  # entry or level 1
        ("Yes", "Level 2"),  # level 2
        ("Yes", "Level 3"),  # level 3
        ("Yes", "Level 4"),  # level 4 or above
        ("Yes", "Level 8 or above"),  # level 4 or above
        ("Yes", "Don't know"),  # level not known
        ("Yes", None),  # level not known (level ignored by validation)
        ("No", None),  # no relevant qualification
        ("Don't know", None),  # left out
    )

    def test_qualification_level_categories(self, build: SimpleNamespace) -> None:
        staff = [
            build.worker(social_care_qualification=a, social_care_qualification_level=level)
            for a, level in self._LEVELS
        ]
        results, _ = build.compute([build.place()], staff, measures=["qualification_level_share"])
        rows = results.filter(pl.col("breakdown") == "qualification_level")
        found = {
            r["breakdown_value"]: (r["numerator"], r["denominator"])
            for r in rows.iter_rows(named=True)
        }
        assert found == {
            "entry or level 1": (2, 9),
            "level 2": (1, 9),
            "level 3": (1, 9),
            "level 4 or above": (2, 9),
            "level not known": (2, 9),
            "no relevant qualification": (1, 9),
        }

    def test_blank_answer_is_left_out_of_the_levels(self, build: SimpleNamespace) -> None:
        staff = [
            build.worker(social_care_qualification=a, social_care_qualification_level=level)
            for a, level in (*self._LEVELS, (None, None))
        ]
        results, _ = build.compute([build.place()], staff, measures=["qualification_level_share"])
        # the blank answer must not change anything: still 2 of 9 not known
        row = build.cell(
            results, "qualification_level_share", "qualification_level", "level not known"
        )
        assert (row["numerator"], row["denominator"]) == (2, 9)


class TestCareCertificate:
    def test_completed_or_in_progress(self, build: SimpleNamespace) -> None:
        answers = [
            "Yes, completed",
            "Yes, in progress or partially completed",
            "No",
            "No",
            None,
        ]
        staff = [build.worker(care_certificate=a) for a in answers]
        results, _ = build.compute([build.place()], staff, measures=["care_certificate_share"])
        row = build.cell(results, "care_certificate_share")
        assert (row["numerator"], row["denominator"]) == (2, 4)
        assert row["value"] == pytest.approx(0.5)


# ---------------------------------------------------------------------------------------------
# Pay
# ---------------------------------------------------------------------------------------------

_PAY_MEASURES = [
    "hourly_pay_median",
    "hourly_pay_mean",
    "annual_pay_fte_median",
    "pay_above_national_living_wage",
    "pay_below_real_living_wage_share",
    "experience_pay_premium",
]


def _hourly_staff(
    build: SimpleNamespace, day: dt.date = dt.date(2022, 3, 31)
) -> list[dict[str, Any]]:
    """Five hourly-paid workers (£8.50, £9.00, £9.90, £10.00, £12.00) and one salaried worker."""
    hourly = [
        build.worker(hourly_rate=rate, reference_date=day) for rate in (8.5, 9.0, 9.9, 10.0, 12.0)
    ]
    salaried = build.worker(
        role=4, pay_interval="Annually", hourly_rate=None, annual_salary=30000.0, reference_date=day
    )
    return [*hourly, salaried]


class TestPay:
    def test_hourly_median_and_mean(self, build: SimpleNamespace) -> None:
        results, _ = build.compute([build.place()], _hourly_staff(build), measures=_PAY_MEASURES)
        median = build.cell(results, "hourly_pay_median")
        mean = build.cell(results, "hourly_pay_mean")
        # sorted 8.50 9.00 [9.90] 10.00 12.00; mean 49.40 / 5 = 9.88
        assert median["value"] == pytest.approx(9.9)
        assert median["denominator"] == 5
        assert median["numerator"] is None
        assert mean["value"] == pytest.approx(9.88)
        assert (mean["numerator"], mean["denominator"]) == pytest.approx((49.4, 5))

    def test_median_interval_uses_the_rank_bounds(self, build: SimpleNamespace) -> None:
        rates = [8.0 + 0.25 * i for i in range(20)]
        staff = [build.worker(hourly_rate=r) for r in reversed(rates)]
        results, _ = build.compute([build.place()], staff, measures=["hourly_pay_median"])
        row = build.cell(results, "hourly_pay_median")
        low_rank, high_rank = median_rank_bounds(pl.lit(20, dtype=pl.Int64))
        low, high = pl.select(low_rank.alias("low"), high_rank.alias("high")).row(0)
        assert row["value"] == pytest.approx((rates[9] + rates[10]) / 2)
        assert row["lower_ci"] == rates[low]
        assert row["upper_ci"] == rates[high]
        assert row["lower_ci"] <= row["value"] <= row["upper_ci"]

    def test_annual_pay_is_scaled_to_37_5_hours(self, build: SimpleNamespace) -> None:
        def salaried(salary: float, hours: float | None, **cells: Any) -> dict[str, Any]:
            return build.worker(
                role=4,
                pay_interval="Annually",
                hourly_rate=None,
                annual_salary=salary,
                contracted_hours=hours,
                **cells,
            )

        staff = [
            salaried(30000.0, 37.5),  # 30,000
            salaried(22000.0, 30.0),  # 22,000 × 37.5 / 30 = 27,500
            salaried(40000.0, 40.0),  # 40,000 × 37.5 / 40 = 37,500
            # no contracted hours (bank): left out
            salaried(50000.0, None, contract="Pool/Bank", average_hours=20.0),
            build.worker(hourly_rate=10.0),  # hourly paid: left out
        ]
        results, _ = build.compute([build.place()], staff, measures=_PAY_MEASURES)
        row = build.cell(results, "annual_pay_fte_median")
        assert row["value"] == pytest.approx(30000.0)
        assert row["denominator"] == 3

    @pytest.mark.parametrize(
        ("day", "national_living_wage"),
        [
            (dt.date(2022, 3, 31), 8.91),
            (dt.date(2022, 4, 1), 9.50),
            (dt.date(2021, 3, 31), 8.72),
            (dt.date(2024, 3, 31), 10.42),
        ],
        ids=["2022-03-31", "2022-04-01", "2021-03-31", "2024-03-31"],
    )
    def test_pay_above_national_living_wage(
        self, build: SimpleNamespace, day: dt.date, national_living_wage: float
    ) -> None:
        results, _ = build.compute(
            [build.place(reference_date=day)], _hourly_staff(build, day), measures=_PAY_MEASURES
        )
        row = build.cell(results, "pay_above_national_living_wage")
        # median £9.90 minus the NLW in force (£8.91 at 31/03/2022 → £0.99)
        assert row["value"] == pytest.approx(9.9 - national_living_wage)
        assert row["lower_ci"] is None
        assert row["denominator"] == 5

    @pytest.mark.parametrize(
        ("day", "below"),
        [
            # real Living Wage £9.90 from 15/11/2021: £8.50 and £9.00 are below (£9.90 is not)
            (dt.date(2022, 3, 31), 2),
            # £9.50 before 15/11/2021: only £8.50 and £9.00 are below it
            (dt.date(2021, 11, 14), 2),
            # £10.90 from 22/09/2022: all but £12.00
            (dt.date(2022, 9, 22), 4),
        ],
        ids=["rlw-9.90", "rlw-9.50", "rlw-10.90"],
    )
    def test_pay_below_real_living_wage_share(
        self, build: SimpleNamespace, day: dt.date, below: int
    ) -> None:
        results, _ = build.compute(
            [build.place(reference_date=day)], _hourly_staff(build, day), measures=_PAY_MEASURES
        )
        row = build.cell(results, "pay_below_real_living_wage_share")
        assert (row["numerator"], row["denominator"]) == (below, 5)
        assert row["value"] == pytest.approx(below / 5)

    def test_rate_exactly_at_the_real_living_wage_is_not_below(
        self, build: SimpleNamespace
    ) -> None:
        staff = [build.worker(hourly_rate=9.9), build.worker(hourly_rate=9.89)]
        results, _ = build.compute([build.place()], staff, measures=_PAY_MEASURES)
        row = build.cell(results, "pay_below_real_living_wage_share")
        assert (row["numerator"], row["denominator"]) == (1, 2)

    def test_experience_pay_premium(self, build: SimpleNamespace) -> None:
        # reference year 2022: STARTINSECT 2017 or earlier is 5+ years, 2022 is under 1 year
        rows = [
            (2017, 12.0),
            (2010, 11.0),
            (2000, 13.0),  # 5+ years: median £12.00
            (2022, 10.0),
            (2022, 9.5),
            (2022, 10.5),  # under 1 year: median £10.00
            (2019, 20.0),  # 3 years: in neither group
        ]
        staff = [build.worker(start_year_in_sector=y, hourly_rate=r) for y, r in rows]
        results, _ = build.compute([build.place()], staff, measures=_PAY_MEASURES)
        row = build.cell(results, "experience_pay_premium")
        # 12.00 / 10.00 − 1 = 0.2
        assert row["value"] == pytest.approx(0.2)
        assert row["denominator"] == 6
        # disclosure is judged on the smaller of the two groups
        assert row["workers"] == 3

    def test_pay_by_key_role(self, build: SimpleNamespace) -> None:
        staff = [
            build.worker(role=8, hourly_rate=10.0),
            build.worker(role=8, hourly_rate=11.0),
            build.worker(role=7, hourly_rate=12.5),
        ]
        results, _ = build.compute([build.place()], staff, measures=_PAY_MEASURES)
        assert build.values(results, "hourly_pay_median", "key_role") == {
            "care worker": 10.5,
            "senior care worker": 12.5,
        }
