"""Builders of small hand-made canonical ASC-WDS datasets for the measure tests.

The frames have every column of the canonical ``establishments`` and ``workers`` datasets
(``careforce.core.sources.ascwds.canonical``) with the same dtypes — Enum columns are built as
strings and cast to the same ``pl.Enum`` the canonical module uses — plus the ``snapshot``
column that ``careforce.services.indicators.load_ascwds`` adds (an Int32 literal).

Tests reach the helpers through the session-scoped ``build`` fixture (a namespace), so nothing
imports this module directly:

* ``build.place(establishment_id, **overrides)`` — one establishment row (a dict);
* ``build.worker(establishment_id, role=8, **overrides)`` — one staff record (a dict);
* ``build.frames(places, staff)`` — the canonical ``(workers, establishments)`` LazyFrames;
* ``build.compute(places, staff, measures=..., districts=...)`` — ``(results, quality)``;
* ``build.cell(results, measure_id, breakdown, value)`` — the one result row asked for.

``total_staff`` and the ``*_total`` columns of a place are worked out from its staff records and
its ``job_roles`` unless given (as canonical ingestion would for a consistent file set); give
``None`` to mark an unknown answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest

from careforce.core.indicators.catalogue import MEASURES
from careforce.core.indicators.compute import all_measures, data_quality
from careforce.core.indicators.frames import (
    SNAPSHOT,
    worker_measure_frame,
    workplace_role_frame,
)
from careforce.core.indicators.workplace_terms import workplace_shares, workplace_terms_frame
from careforce.core.sources.ascwds.canonical import ANSWER_ENUM, STATUS_ENUM
from careforce.core.vocab import geography_codes, groups, staff_codes, workplace_codes
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.canonical_columns import JobRoleCount as J
from careforce.core.vocab.canonical_columns import Worker as WK
from careforce.core.vocab.enums import code_table_enum, str_enum
from careforce.core.vocab.published import BREAKDOWN, BREAKDOWN_VALUE, MEASURE_ID

REFERENCE_DATE = dt.date(2022, 3, 31)
"""Reference date of the default snapshot (period 2021/22; NLW £8.91, real Living Wage £9.90)."""
AREA_CODE = "E10000028"
AREA_NAME = "Staffordshire"

AUTO = object()
"""Default of the derived columns of a place: work them out from the staff and job roles."""

SNAPSHOT_DTYPE = pl.Int32
"""``load_ascwds`` tags each snapshot with ``pl.lit(index)``, an Int32."""

JOB_ROLES_DTYPE = pl.List(
    pl.Struct(
        {
            J.JOB_ROLE_CODE: pl.Int16,
            J.STARTERS: pl.Int32,
            J.LEAVERS: pl.Int32,
            J.VACANCIES: pl.Int32,
        }
    )
)
QUALIFICATIONS_DTYPE = pl.List(pl.Struct({"code": pl.Int16, "year": pl.Int16}))

ESTABLISHMENT_SCHEMA = pl.Schema(
    {
        E.ESTABLISHMENT_ID: pl.String(),
        E.REFERENCE_DATE: pl.Date(),
        E.AREA_CODE: pl.String(),
        E.AREA_NAME: pl.String(),
        E.STATUS: STATUS_ENUM,
        E.NAME: pl.String(),
        E.POSTCODE_DISTRICT: pl.String(),
        E.EMPLOYER_TYPE: code_table_enum(workplace_codes.EMPLOYER_TYPE),
        E.SECTOR: str_enum(groups.Sector),
        E.CQC_REGULATED: pl.Boolean(),
        E.PROVIDER_ID: pl.String(),
        E.LOCATION_ID: pl.String(),
        E.MAIN_SERVICE: code_table_enum(workplace_codes.SERVICE),
        E.MAIN_SERVICE_CODE: pl.Int16(),
        E.SERVICE_GROUP: str_enum(groups.ServiceGroup),
        E.SERVICES: pl.List(pl.Int16),
        E.SERVICE_USERS: pl.List(pl.Int16),
        E.TOTAL_STAFF: pl.Int32(),
        E.JOB_ROLES: JOB_ROLES_DTYPE,
        E.STARTERS_TOTAL: pl.Int32(),
        E.LEAVERS_TOTAL: pl.Int32(),
        E.VACANCIES_TOTAL: pl.Int32(),
        E.DHA: ANSWER_ENUM,
        E.SICK_PAY: ANSWER_ENUM,
        E.PENSION: ANSWER_ENUM,
        E.HOLIDAY_DAYS: pl.Int16(),
        E.CWP_AWARENESS: code_table_enum(workplace_codes.CWP_AWARENESS),
        E.CWP_USE: ANSWER_ENUM,
        E.CWP_USE_REASONS: pl.List(pl.Int16),
        E.DHA_ACTIVITIES: pl.List(pl.Int16),
        E.PENSION_CONTRIBUTION: pl.Float64(),
        E.SLEEP_INS: ANSWER_ENUM,
        E.SLEEP_IN_PAY: code_table_enum(workplace_codes.SLEEP_IN_PAY),
        E.TRAVEL_TIME_PAY: code_table_enum(workplace_codes.TRAVEL_TIME),
        E.TRAVEL_TIME_RATE: pl.Float64(),
    }
)
"""Schema of the canonical ``establishments`` dataset, column for column."""

WORKER_SCHEMA = pl.Schema(
    {
        WK.WORKER_ID: pl.String(),
        WK.PERSON_ID: pl.String(),
        WK.ESTABLISHMENT_ID: pl.String(),
        WK.REFERENCE_DATE: pl.Date(),
        WK.STATUS: STATUS_ENUM,
        WK.POSTCODE_DISTRICT: pl.String(),
        WK.GENDER: code_table_enum(staff_codes.GENDER),
        WK.AGE: pl.Int16(),
        WK.ETHNICITY: code_table_enum(staff_codes.ETHNICITY),
        WK.ETHNICITY_GROUP: str_enum(groups.EthnicityGroup),
        WK.NATIONALITY_CODE: pl.Int16(),
        WK.NATIONALITY_GROUP: str_enum(groups.NationalityGroup),
        WK.BRITISH_CITIZENSHIP: ANSWER_ENUM,
        WK.COUNTRY_OF_BIRTH_CODE: pl.Int16(),
        WK.YEAR_OF_ENTRY: pl.Int16(),
        WK.DISABLED: code_table_enum(staff_codes.DISABLED),
        WK.CARE_CERTIFICATE: code_table_enum(staff_codes.CARE_CERTIFICATE),
        WK.L2_CARE_CERTIFICATE: code_table_enum(staff_codes.L2_CARE_CERTIFICATE),
        WK.RECRUITMENT_SOURCE: code_table_enum(staff_codes.RECRUITMENT_SOURCE),
        WK.HEALTH_CARE_VISA: ANSWER_ENUM,
        WK.RECRUITED_OUTSIDE_UK: ANSWER_ENUM,
        WK.START_DATE: pl.Date(),
        WK.START_YEAR_IN_SECTOR: pl.Int16(),
        WK.DHA: ANSWER_ENUM,
        WK.APPRENTICE: ANSWER_ENUM,
        WK.CONTRACT: code_table_enum(staff_codes.CONTRACT_TYPE),
        WK.ZERO_HOURS: ANSWER_ENUM,
        WK.DAYS_SICK: pl.Float64(),
        WK.PAY_INTERVAL: code_table_enum(staff_codes.SALARY_INTERVAL),
        WK.ANNUAL_SALARY: pl.Float64(),
        WK.HOURLY_RATE: pl.Float64(),
        WK.MAIN_JOB_ROLE: code_table_enum(staff_codes.JOB_ROLE),
        WK.MAIN_JOB_ROLE_CODE: pl.Int16(),
        WK.JOB_ROLE_GROUP: str_enum(groups.RoleGroup),
        WK.KEY_ROLE: str_enum(groups.KeyRole),
        WK.CONTRACTED_HOURS: pl.Float64(),
        WK.AVERAGE_HOURS: pl.Float64(),
        WK.NMC_REGISTER: code_table_enum(staff_codes.NMC_REGISTER),
        WK.AMHP: ANSWER_ENUM,
        WK.SOCIAL_CARE_QUALIFICATION: ANSWER_ENUM,
        WK.SOCIAL_CARE_QUALIFICATION_LEVEL: code_table_enum(staff_codes.QUALIFICATION_LEVEL),
        WK.OTHER_QUALIFICATION: ANSWER_ENUM,
        WK.OTHER_QUALIFICATION_LEVEL: code_table_enum(staff_codes.QUALIFICATION_LEVEL),
        WK.CWP_CATEGORY: code_table_enum(staff_codes.CWP_CATEGORY),
        WK.QUALIFICATIONS: QUALIFICATIONS_DTYPE,
    }
)
"""Schema of the canonical ``workers`` dataset, column for column."""


def _built_as_strings(schema: pl.Schema) -> pl.Schema:
    """The schema with Enum columns as String: rows are built as strings, then cast."""
    return pl.Schema(
        {
            name: pl.String() if isinstance(dtype, pl.Enum) else dtype
            for name, dtype in schema.items()
        }
    )


def _service(code: int) -> dict[str, Any]:
    return {
        E.MAIN_SERVICE: workplace_codes.SERVICE.labels[code],
        E.MAIN_SERVICE_CODE: code,
        E.SERVICE_GROUP: groups.SERVICE_GROUP[code].value,
        E.SERVICES: [code],
    }


def _employer(code: int) -> dict[str, Any]:
    return {
        E.EMPLOYER_TYPE: workplace_codes.EMPLOYER_TYPE.labels[code],
        E.SECTOR: groups.EMPLOYER_SECTOR[code].value,
    }


def _role(code: int) -> dict[str, Any]:
    key_role = groups.KEY_ROLE.get(code)
    return {
        WK.MAIN_JOB_ROLE: staff_codes.JOB_ROLE.labels[code],
        WK.MAIN_JOB_ROLE_CODE: code,
        WK.JOB_ROLE_GROUP: groups.JOB_ROLE_GROUP[code].value,
        WK.KEY_ROLE: key_role.value if key_role is not None else None,
    }


def job_role(
    code: int, *, starters: int | None = 0, leavers: int | None = 0, vacancies: int | None = 0
) -> dict[str, int | None]:
    """One item of a place's ``job_roles`` list."""
    return {J.JOB_ROLE_CODE: code, J.STARTERS: starters, J.LEAVERS: leavers, J.VACANCIES: vacancies}


def place(
    establishment_id: str = "P1",
    *,
    snapshot: int = 0,
    service: int = 2,
    employer: int = 6,
    job_roles: Sequence[Mapping[str, int | None]] = (),
    **overrides: Any,
) -> dict[str, Any]:
    """One establishment: by default an independent care home without nursing (residential,
    main service 2, private sector) in postcode district ST16, regulated by CQC.

    ``service`` and ``employer`` are MAINSERVICE and ESTTYPE codes; the labels and groups are
    derived as canonical ingestion does. Other columns can be given by canonical name.
    """
    row: dict[str, Any] = {
        SNAPSHOT: snapshot,
        E.ESTABLISHMENT_ID: establishment_id,
        E.REFERENCE_DATE: REFERENCE_DATE,
        E.AREA_CODE: AREA_CODE,
        E.AREA_NAME: AREA_NAME,
        E.STATUS: "NEW",
        E.NAME: f"Workplace {establishment_id}",
        E.POSTCODE_DISTRICT: "ST16",
        **_employer(employer),
        E.CQC_REGULATED: True,
        E.PROVIDER_ID: f"1-P{establishment_id}",
        E.LOCATION_ID: f"1-L{establishment_id}",
        **_service(service),
        E.SERVICE_USERS: [],
        E.TOTAL_STAFF: AUTO,
        E.JOB_ROLES: [dict(item) for item in job_roles],
        E.STARTERS_TOTAL: AUTO,
        E.LEAVERS_TOTAL: AUTO,
        E.VACANCIES_TOTAL: AUTO,
        E.DHA: None,
        E.SICK_PAY: "Yes",
        E.PENSION: "No",
        E.HOLIDAY_DAYS: 28,
        E.CWP_AWARENESS: None,
        E.CWP_USE: None,
        E.CWP_USE_REASONS: None,
        E.DHA_ACTIVITIES: None,
        E.PENSION_CONTRIBUTION: None,
        E.SLEEP_INS: None,
        E.SLEEP_IN_PAY: None,
        E.TRAVEL_TIME_PAY: None,
        E.TRAVEL_TIME_RATE: None,
    }
    row.update(overrides)
    return row


def worker(
    establishment_id: str = "P1", role: int = 8, *, snapshot: int = 0, **overrides: Any
) -> dict[str, Any]:
    """One staff record: by default a permanent, hourly-paid (£10.00) female care worker aged 40,
    White British, 37.5 contracted hours, not on a zero-hours contract, 2 days sick, in the sector
    since 2015 (started in June 2015, recruited from "Other"), with a relevant level 2
    qualification and a completed Care Certificate.

    ``role`` is the MAINJOBROLE code; the role label, role group and key role are derived as
    canonical ingestion does. Other columns can be given by canonical name.
    """
    row: dict[str, Any] = {
        SNAPSHOT: snapshot,
        WK.WORKER_ID: None,
        WK.PERSON_ID: None,
        WK.ESTABLISHMENT_ID: establishment_id,
        WK.REFERENCE_DATE: REFERENCE_DATE,
        WK.STATUS: "NEW",
        WK.POSTCODE_DISTRICT: "ST17",
        WK.GENDER: "Female",
        WK.AGE: 40,
        WK.ETHNICITY: "English/Welsh/Scottish/Northern Irish/British",
        WK.ETHNICITY_GROUP: "White",
        WK.NATIONALITY_CODE: geography_codes.NATIONALITY_BRITISH,
        WK.NATIONALITY_GROUP: "British",
        WK.BRITISH_CITIZENSHIP: None,
        WK.COUNTRY_OF_BIRTH_CODE: geography_codes.COUNTRY_UK,
        WK.YEAR_OF_ENTRY: None,
        WK.DISABLED: "No",
        WK.CARE_CERTIFICATE: "Yes, completed",
        WK.L2_CARE_CERTIFICATE: None,
        WK.RECRUITMENT_SOURCE: "Other",
        WK.HEALTH_CARE_VISA: "No",
        WK.RECRUITED_OUTSIDE_UK: None,
        WK.START_DATE: dt.date(2015, 6, 1),
        WK.START_YEAR_IN_SECTOR: 2015,
        WK.DHA: None,
        WK.APPRENTICE: "No",
        WK.CONTRACT: "Permanent",
        WK.ZERO_HOURS: "No",
        WK.DAYS_SICK: 2.0,
        WK.PAY_INTERVAL: "Hourly",
        WK.ANNUAL_SALARY: None,
        WK.HOURLY_RATE: 10.0,
        **_role(role),
        WK.CONTRACTED_HOURS: 37.5,
        WK.AVERAGE_HOURS: None,
        WK.NMC_REGISTER: "Adult" if role == staff_codes.REGISTERED_NURSE else None,
        WK.AMHP: None,
        WK.SOCIAL_CARE_QUALIFICATION: "Yes",
        WK.SOCIAL_CARE_QUALIFICATION_LEVEL: "Level 2",
        WK.OTHER_QUALIFICATION: "No",
        WK.OTHER_QUALIFICATION_LEVEL: None,
        WK.CWP_CATEGORY: "Care or support worker",
        WK.QUALIFICATIONS: [],
    }
    row.update(overrides)
    return row


def _frame(rows: Iterable[Mapping[str, Any]], schema: pl.Schema) -> pl.DataFrame:
    full = pl.Schema({SNAPSHOT: SNAPSHOT_DTYPE(), **schema})
    strings = _built_as_strings(full)
    rows = [dict(row) for row in rows]
    unknown = {name for row in rows for name in row} - set(full)
    assert not unknown, f"not canonical columns: {sorted(unknown)}"
    frame = pl.DataFrame(
        [[row[name] for name in full] for row in rows], schema=strings, orient="row"
    )
    return frame.cast({name: dtype for name, dtype in full.items() if isinstance(dtype, pl.Enum)})


def _known_sum(items: Sequence[Mapping[str, Any]], field: str) -> int:
    return sum(item[field] for item in items if item[field] is not None)


def frames(
    places: Iterable[Mapping[str, Any]], staff: Iterable[Mapping[str, Any]]
) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """The canonical ``(workers, establishments)`` of hand-made rows, as LazyFrames."""
    staff = [dict(row) for row in staff]
    for index, row in enumerate(staff):
        if row[WK.WORKER_ID] is None:
            row[WK.WORKER_ID] = f"w{index:04d}"
        if row[WK.PERSON_ID] is None:
            row[WK.PERSON_ID] = row[WK.WORKER_ID]
    places = [dict(row) for row in places]
    for row in places:
        key = (row[SNAPSHOT], row[E.ESTABLISHMENT_ID])
        if row[E.TOTAL_STAFF] is AUTO:
            row[E.TOTAL_STAFF] = sum(
                1 for s in staff if (s[SNAPSHOT], s[WK.ESTABLISHMENT_ID]) == key
            )
        for column, field in (
            (E.STARTERS_TOTAL, J.STARTERS),
            (E.LEAVERS_TOTAL, J.LEAVERS),
            (E.VACANCIES_TOTAL, J.VACANCIES),
        ):
            if row[column] is AUTO:
                row[column] = _known_sum(row[E.JOB_ROLES], field)
    return (
        _frame(staff, WORKER_SCHEMA).lazy(),
        _frame(places, ESTABLISHMENT_SCHEMA).lazy(),
    )


def compute(
    places: Iterable[Mapping[str, Any]],
    staff: Iterable[Mapping[str, Any]],
    *,
    measures: Sequence[str] | None = None,
    districts: pl.LazyFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``(all_measures, data_quality)`` of hand-made rows, for the measure ids given (or all)."""
    selected = [m for m in MEASURES if measures is None or m.id in measures]
    workers, establishments = frames(places, staff)
    worker_frame = worker_measure_frame(workers, establishments, districts=districts)
    role_frame = workplace_role_frame(workers, establishments, districts=districts)
    results, quality = pl.collect_all(
        [
            pl.concat(
                [
                    all_measures(worker_frame, role_frame, selected),
                    workplace_shares(
                        workplace_terms_frame(workers, establishments, districts=districts),
                        selected,
                    ),
                ]
            ),
            data_quality(role_frame, selected),
        ]
    )
    return results, quality


def cell(
    results: pl.DataFrame, measure_id: str, breakdown: str = "total", value: str = "all"
) -> dict[str, Any]:
    """The one result row of a measure, breakdown and breakdown value."""
    rows = results.filter(
        (pl.col(MEASURE_ID) == measure_id)
        & (pl.col(BREAKDOWN) == breakdown)
        & (pl.col(BREAKDOWN_VALUE) == value)
    )
    assert rows.height == 1, f"{rows.height} rows for {measure_id} {breakdown}={value}"
    return rows.row(0, named=True)


def values(
    results: pl.DataFrame, measure_id: str, breakdown: str, column: str = "value"
) -> dict[str, Any]:
    """``{breakdown value: column}`` of every row of a measure and breakdown."""
    rows = results.filter((pl.col(MEASURE_ID) == measure_id) & (pl.col(BREAKDOWN) == breakdown))
    return dict(zip(rows[BREAKDOWN_VALUE].to_list(), rows[column].to_list(), strict=True))


@pytest.fixture(scope="session")
def build() -> SimpleNamespace:
    """The builders of hand-made canonical datasets and the helpers to compute measures."""
    return SimpleNamespace(
        REFERENCE_DATE=REFERENCE_DATE,
        AREA_CODE=AREA_CODE,
        AREA_NAME=AREA_NAME,
        ESTABLISHMENT_SCHEMA=ESTABLISHMENT_SCHEMA,
        WORKER_SCHEMA=WORKER_SCHEMA,
        place=place,
        worker=worker,
        job_role=job_role,
        frames=frames,
        compute=compute,
        cell=cell,
        values=values,
    )
