"""Canonical, pseudonymised datasets from validated ASC-WDS rows.

Dates of birth become ages at the reference date, postcodes become postcode districts and
worker references and NI numbers become keyed hashes. Values that validation said "will be
ignored" are left empty here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

import polars as pl

from careforce.core.sources.ascwds.canonical_terms import (
    WORKPLACE_ALLOWS_DHA,
    policy_terms_columns,
    workplace_dha,
)
from careforce.core.sources.ascwds.common import EMPTY_ROW, LIVE, STATUS_UPPER
from careforce.core.sources.ascwds.cross_file import (
    DESTINATION_KEY,
    ORIGINAL_WORKER_ID,
    STAFF_WORKPLACE_KEY,
    WORKER_ID,
)
from careforce.core.sources.ascwds.expressions import (
    DONT_KNOW,
    MONEY_PATTERN,
    YEAR_PATTERN,
    integer,
    integer_items,
    items,
    key,
    text,
    years_between,
)
from careforce.core.sources.ascwds.findings import FileKind
from careforce.core.sources.ascwds.staff_common import (
    AGE_RANGE,
    AVERAGE_HOURS,
    BIRTH_DATE,
    CONTRACT,
    CONTRACTED_HOURS,
    MAX_HOURS,
    MAX_SICK_DAYS,
    MINIMUM_WORKING_AGE,
    ROLE,
    START_DATE,
)
from careforce.core.sources.ascwds.training import (
    COMPLETED,
    EXPIRES,
    VALIDITY_MONTHS,
    derived_expiry,
)
from careforce.core.sources.ascwds.validate import Validation
from careforce.core.sources.ascwds.workplace_common import (
    CQC_REGISTERED,
    MAIN_SERVICE,
    REGISTRATION,
    WORKPLACE_KEY,
)
from careforce.core.vocab import (
    code_table,
    geography_codes,
    groups,
    staff_codes,
    training_codes,
    workplace_codes,
)
from careforce.core.vocab.ascwds_columns import LINE
from careforce.core.vocab.ascwds_columns import StaffColumn as S
from careforce.core.vocab.ascwds_columns import TrainingColumn as T
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.core.vocab.canonical_columns import JobRoleCount as J
from careforce.core.vocab.canonical_columns import Training as TR
from careforce.core.vocab.canonical_columns import Worker as WK
from careforce.core.vocab.enums import grouped, labelled

HASH_HEX_LENGTH = 32
"""Pseudonymous identifiers are the first 128 bits of an HMAC-SHA-256, in hex."""

STATUS_ENUM = pl.Enum(["NEW", "UPDATE", "NOCHANGE", "UNCHECKED"])
"""STATUS values of records kept in a snapshot."""

ANSWER_ENUM = pl.Enum(["Yes", "No", "Don't know"])
"""Yes / no / don't know answers."""

CHUNK_ROWS = 100_000
"""Records turned into canonical rows (and identifiers hashed) at a time, so that building the
datasets of a very large file (1.4 million staff records) never holds a second copy of it."""


@dataclass(frozen=True)
class Canonical:
    """The three canonical datasets of one snapshot."""

    establishments: pl.DataFrame
    workers: pl.DataFrame
    training: pl.DataFrame


@dataclass(frozen=True)
class Exclusions:
    """Lines left out of the canonical datasets, per file (e.g. rows with errors)."""

    workplace: frozenset[int] = frozenset()
    staff: frozenset[int] = frozenset()
    training: frozenset[int] = frozenset()

    def of(self, kind: FileKind) -> frozenset[int]:
        """The excluded lines of one file."""
        return {
            FileKind.WORKPLACE: self.workplace,
            FileKind.STAFF: self.staff,
            FileKind.TRAINING: self.training,
        }[kind]


def keyed_hash(values: pl.Series, secret: bytes) -> pl.Series:
    """Replace each value by a keyed hash (HMAC-SHA-256), so it cannot be reversed without the key.

    The values are hashed ``CHUNK_ROWS`` at a time, so that no more than that many of them are
    ever held as Python strings.
    """
    keyed = hmac.new(secret, digestmod=hashlib.sha256)

    def hashed(value: str | None) -> str | None:
        if value is None:
            return None
        digest = keyed.copy()
        digest.update(value.encode())
        return digest.hexdigest()[:HASH_HEX_LENGTH]

    return pl.concat(
        [
            pl.Series(
                values.name,
                [hashed(value) for value in values.slice(start, CHUNK_ROWS).to_list()],
                dtype=pl.String,
            )
            for start in range(0, max(values.len(), 1), CHUNK_ROWS)
        ]
    )


def _answer(column: str) -> pl.Expr:
    return labelled(integer(column), code_table.YES_NO_DONT_KNOW).cast(pl.String).cast(ANSWER_ENUM)


def _postcode_district(column: str) -> pl.Expr:
    compact = text(column).str.replace_all(r"[^A-Za-z0-9]", "").str.to_uppercase()
    return (
        pl.when(compact.str.contains(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$"))
        .then(compact.str.slice(0, compact.str.len_chars() - 3))
        .otherwise(None)
    )


def _kept(frame: pl.DataFrame, excluded: frozenset[int]) -> pl.DataFrame:
    return frame.filter(pl.col(LIVE) & ~pl.col(LINE).is_in(sorted(excluded)))


@dataclass(frozen=True)
class Area:
    """The council area a file set belongs to (ONS code and name), when known."""

    code: str | None = None
    name: str | None = None


def establishments_frame(
    workplace: pl.DataFrame,
    *,
    reference_date: dt.date,
    excluded: frozenset[int],
    area: Area = Area(),
) -> pl.DataFrame:
    """The canonical establishments of the snapshot."""
    rows = _kept(workplace, excluded).filter(pl.col(WORKPLACE_KEY).is_first_distinct())
    regulated = pl.col(REGISTRATION) == CQC_REGISTERED
    roles = integer_items(W.ALLJOBROLES)

    def counts(column: str) -> pl.Expr:
        dont_know = (text(column) == DONT_KNOW) | (text(column) == "")
        values = integer_items(column).list.eval(
            pl.when(pl.element() == int(DONT_KNOW)).then(None).otherwise(pl.element())
        )
        return pl.when(dont_know).then(None).otherwise(values)

    def total(column: str) -> pl.Expr:
        dont_know = (text(column) == DONT_KNOW) | (text(column) == "")
        return (
            pl.when(dont_know)
            .then(None)
            .otherwise(
                integer_items(column)
                .list.eval(pl.element().filter(pl.element() != int(DONT_KNOW)))
                .list.sum()
            )
        )

    vacancies = counts(W.VACANCIES)
    manager_vacancy_ignored = ~regulated
    job_roles = pl.struct(
        roles.alias("roles"),
        counts(W.STARTERS).alias("s"),
        counts(W.LEAVERS).alias("l"),
        vacancies.alias("v"),
        manager_vacancy_ignored.alias("ignore_rm"),
    ).map_elements(_job_role_items, return_dtype=_JOB_ROLES_DTYPE)
    sick_pay = text(W.SICKPAY).str.to_uppercase()
    pension = text(W.PENSION).str.to_uppercase()
    return (
        rows.select(
            key(W.LOCALESTID).alias(E.ESTABLISHMENT_ID),
            pl.lit(reference_date).alias(E.REFERENCE_DATE),
            pl.lit(area.code, dtype=pl.String).alias(E.AREA_CODE),
            pl.lit(area.name, dtype=pl.String).alias(E.AREA_NAME),
            pl.col(STATUS_UPPER).cast(STATUS_ENUM).alias(E.STATUS),
            text(W.ESTNAME).alias(E.NAME),
            _postcode_district(W.POSTCODE).alias(E.POSTCODE_DISTRICT),
            labelled(integer(W.ESTTYPE), workplace_codes.EMPLOYER_TYPE).alias(E.EMPLOYER_TYPE),
            grouped(integer(W.ESTTYPE), dict(groups.EMPLOYER_SECTOR), groups.Sector).alias(
                E.SECTOR
            ),
            regulated.alias(E.CQC_REGULATED),
            pl.when(regulated).then(text(W.PROVNUM)).otherwise(None).alias(E.PROVIDER_ID),
            pl.when(regulated).then(text(W.LOCATIONID)).otherwise(None).alias(E.LOCATION_ID),
            labelled(pl.col(MAIN_SERVICE), workplace_codes.SERVICE).alias(E.MAIN_SERVICE),
            pl.col(MAIN_SERVICE).cast(pl.Int16).alias(E.MAIN_SERVICE_CODE),
            grouped(pl.col(MAIN_SERVICE), dict(groups.SERVICE_GROUP), groups.ServiceGroup).alias(
                E.SERVICE_GROUP
            ),
            integer_items(W.ALLSERVICES)
            .list.eval(pl.element().filter(pl.element() != 0))
            .cast(pl.List(pl.Int16))
            .alias(E.SERVICES),
            integer_items(W.SERVICEUSERS)
            .list.eval(
                pl.element().filter(pl.element().is_in(sorted(workplace_codes.SERVICE_USER.codes)))
            )
            .cast(pl.List(pl.Int16))
            .alias(E.SERVICE_USERS),
            integer(W.TOTALPERMTEMP).cast(pl.Int32).alias(E.TOTAL_STAFF),
            job_roles.alias(E.JOB_ROLES),
            total(W.STARTERS).cast(pl.Int32).alias(E.STARTERS_TOTAL),
            total(W.LEAVERS).cast(pl.Int32).alias(E.LEAVERS_TOTAL),
            job_roles.list.eval(pl.element().struct.field(J.VACANCIES))
            .list.sum()
            .cast(pl.Int32)
            .alias("_v"),
            pl.when(pl.col(MAIN_SERVICE).is_in(sorted(workplace_codes.DHA_SERVICES)))
            .then(_answer(W.DHA))
            .alias(E.DHA),
            pl.when(sick_pay == "1")
            .then(pl.lit("Yes"))
            .when(sick_pay == "0")
            .then(pl.lit("No"))
            .when(sick_pay == "UNKNOWN")
            .then(pl.lit("Don't know"))
            .cast(ANSWER_ENUM)
            .alias(E.SICK_PAY),
            pl.when(pension == "1")
            .then(pl.lit("Yes"))
            .when(pension == "0")
            .then(pl.lit("No"))
            .when(pension == "UNKNOWN")
            .then(pl.lit("Don't know"))
            .cast(ANSWER_ENUM)
            .alias(E.PENSION),
            integer(W.HOLIDAY).cast(pl.Int16).alias(E.HOLIDAY_DAYS),
            *policy_terms_columns(),
            (text(W.VACANCIES) == DONT_KNOW).alias("_v_unknown"),
            (text(W.VACANCIES) == "").alias("_v_blank"),
        )
        .with_columns(
            pl.when(pl.col("_v_unknown") | pl.col("_v_blank"))
            .then(None)
            .otherwise(pl.col("_v"))
            .alias(E.VACANCIES_TOTAL)
        )
        .drop("_v", "_v_unknown", "_v_blank")
        .select(list(E))
    )


_JOB_ROLES_DTYPE = pl.List(
    pl.Struct(
        {
            J.JOB_ROLE_CODE: pl.Int16,
            J.STARTERS: pl.Int32,
            J.LEAVERS: pl.Int32,
            J.VACANCIES: pl.Int32,
        }
    )
)


def _job_role_items(row: dict[str, object]) -> list[dict[str, int | None]]:
    roles = row["roles"] or []
    assert isinstance(roles, list)
    result: list[dict[str, int | None]] = []
    for position, role in enumerate(roles):
        if role not in staff_codes.JOB_ROLE:
            continue

        def at(name: str, index: int = position) -> int | None:
            values = row[name]
            if not isinstance(values, list) or index >= len(values):
                return None
            value = values[index]
            return value if isinstance(value, int) else None

        vacancies = at("v")
        if role == staff_codes.REGISTERED_MANAGER and row["ignore_rm"]:
            vacancies = None
        result.append(
            {
                J.JOB_ROLE_CODE: role,
                J.STARTERS: at("s"),
                J.LEAVERS: at("l"),
                J.VACANCIES: vacancies,
            }
        )
    return result


def workers_frame(
    staff: pl.DataFrame,
    establishments: pl.DataFrame,
    *,
    reference_date: dt.date,
    excluded: frozenset[int],
    today: dt.date,
    secret: bytes,
    qualification_columns: list[str],
) -> pl.DataFrame:
    """The canonical workers of the snapshot: one row per staff record (filled post).

    The records kept (live, not excluded, first of their worker reference, at a kept
    workplace) are found first as row positions; the workers are then built from
    ``CHUNK_ROWS`` records at a time, in file order.
    """
    kept_places = establishments.select(pl.col(E.ESTABLISHMENT_ID).alias(DESTINATION_KEY))
    positions = (
        staff.lazy()
        .with_row_index(_ROW)
        .filter(pl.col(LIVE) & ~pl.col(LINE).is_in(sorted(excluded)))
        .filter(pl.struct(STAFF_WORKPLACE_KEY, ORIGINAL_WORKER_ID).is_first_distinct())
        .join(kept_places.lazy(), on=DESTINATION_KEY, how="semi")
        .select(pl.col(_ROW).sort())
        .collect()
        .to_series()
    )
    dha = workplace_dha(establishments)
    return pl.concat(
        [
            _workers(
                staff[positions.slice(start, CHUNK_ROWS)].join(
                    dha, on=DESTINATION_KEY, how="left", maintain_order="left"
                ),
                reference_date=reference_date,
                today=today,
                secret=secret,
                qualification_columns=qualification_columns,
            )
            for start in range(0, max(positions.len(), 1), CHUNK_ROWS)
        ]
    )


_ROW = "_position"


def _workers(
    rows: pl.DataFrame,
    *,
    reference_date: dt.date,
    today: dt.date,
    secret: bytes,
    qualification_columns: list[str],
) -> pl.DataFrame:
    """Canonical workers of some kept staff records."""
    worker_key = pl.concat_str([pl.col(DESTINATION_KEY), pl.col(WORKER_ID)], separator="\x1f")
    ni = text(S.NINUMBER).str.replace_all(r"\s", "").str.to_uppercase()
    age = years_between(pl.col(BIRTH_DATE), pl.lit(reference_date))
    age_ok = (age >= AGE_RANGE[0]) & (age <= AGE_RANGE[1])
    start = pl.col(START_DATE)
    fourteenth = pl.col(BIRTH_DATE).dt.offset_by(f"{MINIMUM_WORKING_AGE}y")
    start_ok = ~(
        (start < fourteenth).fill_null(False)
        | (start.dt.year() < integer(S.YEAROFENTRY)).fill_null(False)
    )
    sector_year = pl.when(
        text(S.STARTINSECT).str.contains(YEAR_PATTERN) & (text(S.STARTINSECT) != DONT_KNOW)
    ).then(integer(S.STARTINSECT))
    sector_ok = ~(
        (sector_year > start.dt.year()).fill_null(False)
        | (sector_year < pl.col(BIRTH_DATE).dt.year() + MINIMUM_WORKING_AGE).fill_null(False)
    )
    sick = text(S.DAYSSICK)
    days_sick = pl.when(sick.str.contains(r"^[0-9]+(\.[05])?$")).then(
        sick.cast(pl.Float64, strict=False)
    )
    zero = integer(S.ZEROHRCONT)
    employed = pl.col(CONTRACT).is_in(sorted(staff_codes.EMPLOYED_CONTRACTS))
    interval = integer(S.SALARYINT)
    money = {
        column: pl.when(text(column).str.contains(MONEY_PATTERN)).then(
            text(column).cast(pl.Float64, strict=False)
        )
        for column in (S.SALARY, S.HOURLYRATE)
    }
    role = pl.col(ROLE)
    sc = items(S.SCQUAL)
    nsc = items(S.NONSCQUAL)
    l2 = items(S.L2CARECERT)
    qualifications = _qualifications(qualification_columns)
    frame = rows.with_columns(
        worker_key.alias("_worker_key"),
        pl.when(ni != "")
        .then(pl.concat_str([pl.lit("ni\x1f"), ni]))
        .otherwise(None)
        .alias("_ni_key"),
    )
    worker_ids = keyed_hash(frame["_worker_key"], secret)
    person_ids = keyed_hash(frame["_ni_key"], secret)
    frame = frame.with_columns(
        worker_ids.alias(WK.WORKER_ID), pl.coalesce(person_ids, worker_ids).alias(WK.PERSON_ID)
    )
    return frame.select(
        pl.col(WK.WORKER_ID),
        pl.col(WK.PERSON_ID),
        pl.col(DESTINATION_KEY).alias(WK.ESTABLISHMENT_ID),
        pl.lit(reference_date).alias(WK.REFERENCE_DATE),
        pl.col(STATUS_UPPER).cast(STATUS_ENUM).alias(WK.STATUS),
        _postcode_district(S.POSTCODE).alias(WK.POSTCODE_DISTRICT),
        labelled(integer(S.GENDER), staff_codes.GENDER).alias(WK.GENDER),
        pl.when(age_ok).then(age).cast(pl.Int16).alias(WK.AGE),
        labelled(integer(S.ETHNICITY), staff_codes.ETHNICITY).alias(WK.ETHNICITY),
        grouped(integer(S.ETHNICITY), dict(groups.ETHNICITY_GROUP), groups.EthnicityGroup).alias(
            WK.ETHNICITY_GROUP
        ),
        pl.when(integer(S.NATIONALITY).is_in(sorted(geography_codes.NATIONALITY.codes)))
        .then(integer(S.NATIONALITY))
        .cast(pl.Int16)
        .alias(WK.NATIONALITY_CODE),
        grouped(
            integer(S.NATIONALITY), dict(groups.NATIONALITY_GROUP), groups.NationalityGroup
        ).alias(WK.NATIONALITY_GROUP),
        pl.when(integer(S.NATIONALITY) != geography_codes.NATIONALITY_BRITISH)
        .then(_answer(S.BRITISHCITIZENSHIP))
        .alias(WK.BRITISH_CITIZENSHIP),
        pl.when(integer(S.COUNTRYOFBIRTH).is_in(sorted(geography_codes.COUNTRY.codes)))
        .then(integer(S.COUNTRYOFBIRTH))
        .cast(pl.Int16)
        .alias(WK.COUNTRY_OF_BIRTH_CODE),
        pl.when(
            text(S.YEAROFENTRY).str.contains(YEAR_PATTERN)
            & integer(S.COUNTRYOFBIRTH).is_not_null()
            & (integer(S.COUNTRYOFBIRTH) != geography_codes.COUNTRY_UK)
        )
        .then(integer(S.YEAROFENTRY))
        .cast(pl.Int16)
        .alias(WK.YEAR_OF_ENTRY),
        labelled(integer(S.DISABLED), staff_codes.DISABLED).alias(WK.DISABLED),
        labelled(integer(S.CARECERT), staff_codes.CARE_CERTIFICATE).alias(WK.CARE_CERTIFICATE),
        labelled(
            l2.list.first().str.to_integer(strict=False), staff_codes.L2_CARE_CERTIFICATE
        ).alias(WK.L2_CARE_CERTIFICATE),
        labelled(integer(S.RECSOURCE), staff_codes.RECRUITMENT_SOURCE).alias(WK.RECRUITMENT_SOURCE),
        _answer(S.HANDCVISA).alias(WK.HEALTH_CARE_VISA),
        pl.when(integer(S.HANDCVISA) == 1).then(_answer(S.INOUTUK)).alias(WK.RECRUITED_OUTSIDE_UK),
        pl.when(start_ok & (start <= pl.lit(today))).then(start).alias(WK.START_DATE),
        pl.when(sector_ok).then(sector_year).cast(pl.Int16).alias(WK.START_YEAR_IN_SECTOR),
        pl.when(role.is_in(sorted(staff_codes.DHA_JOB_ROLES)) & WORKPLACE_ALLOWS_DHA)
        .then(_answer(S.DHA))
        .alias(WK.DHA),
        _answer(S.APPRENTICE).alias(WK.APPRENTICE),
        labelled(pl.col(CONTRACT), staff_codes.CONTRACT_TYPE).alias(WK.CONTRACT),
        _answer(S.ZEROHRCONT).alias(WK.ZERO_HOURS),
        pl.when(days_sick <= MAX_SICK_DAYS).then(days_sick).alias(WK.DAYS_SICK),
        labelled(interval, staff_codes.SALARY_INTERVAL).alias(WK.PAY_INTERVAL),
        pl.when(interval == 1).then(money[S.SALARY]).alias(WK.ANNUAL_SALARY),
        pl.when(interval == 3).then(money[S.HOURLYRATE]).alias(WK.HOURLY_RATE),
        labelled(role, staff_codes.JOB_ROLE).alias(WK.MAIN_JOB_ROLE),
        role.cast(pl.Int16).alias(WK.MAIN_JOB_ROLE_CODE),
        grouped(role, dict(groups.JOB_ROLE_GROUP), groups.RoleGroup).alias(WK.JOB_ROLE_GROUP),
        grouped(role, dict(groups.KEY_ROLE), groups.KeyRole).alias(WK.KEY_ROLE),
        pl.when(employed & (zero != 1).fill_null(True) & (pl.col(CONTRACTED_HOURS) <= MAX_HOURS))
        .then(pl.col(CONTRACTED_HOURS))
        .alias(WK.CONTRACTED_HOURS),
        pl.when((~employed | (zero == 1)) & (pl.col(AVERAGE_HOURS) <= MAX_HOURS))
        .then(pl.col(AVERAGE_HOURS))
        .alias(WK.AVERAGE_HOURS),
        pl.when(role == staff_codes.REGISTERED_NURSE)
        .then(labelled(integer(S.NMCREG), staff_codes.NMC_REGISTER))
        .alias(WK.NMC_REGISTER),
        pl.when(role == staff_codes.SOCIAL_WORKER).then(_answer(S.AMHP)).alias(WK.AMHP),
        labelled(sc.list.first().str.to_integer(strict=False), code_table.YES_NO_DONT_KNOW)
        .cast(pl.String)
        .cast(ANSWER_ENUM)
        .alias(WK.SOCIAL_CARE_QUALIFICATION),
        pl.when(sc.list.first() == "1")
        .then(
            labelled(
                sc.list.get(1, null_on_oob=True).str.to_integer(strict=False),
                staff_codes.QUALIFICATION_LEVEL,
            )
        )
        .alias(WK.SOCIAL_CARE_QUALIFICATION_LEVEL),
        labelled(nsc.list.first().str.to_integer(strict=False), code_table.YES_NO_DONT_KNOW)
        .cast(pl.String)
        .cast(ANSWER_ENUM)
        .alias(WK.OTHER_QUALIFICATION),
        pl.when(nsc.list.first() == "1")
        .then(
            labelled(
                nsc.list.get(1, null_on_oob=True).str.to_integer(strict=False),
                staff_codes.QUALIFICATION_LEVEL,
            )
        )
        .alias(WK.OTHER_QUALIFICATION_LEVEL),
        labelled(integer(S.CWPCATEGORY), staff_codes.CWP_CATEGORY).alias(WK.CWP_CATEGORY),
        qualifications.alias(WK.QUALIFICATIONS),
    )


_QUALIFICATION_DTYPE = pl.Struct({"code": pl.Int16, "year": pl.Int16})


def _qualifications(columns: list[str]) -> pl.Expr:
    """The QUALACHnn columns as a list of {code, year}; unknown codes are left out."""
    known = sorted(staff_codes.QUALIFICATION.codes)
    entries = []
    for column in columns:
        parts = items(column)
        code = parts.list.first().str.to_integer(strict=False)
        year = parts.list.get(1, null_on_oob=True).str.to_integer(strict=False)
        entries.append(
            pl.when(code.is_in(known)).then(
                pl.struct(code.cast(pl.Int16).alias("code"), year.cast(pl.Int16).alias("year"))
            )
        )
    if not entries:
        return pl.lit([], dtype=pl.List(_QUALIFICATION_DTYPE))
    return pl.concat_list(entries).list.drop_nulls()


def training_frame(
    training: pl.DataFrame,
    staff: pl.DataFrame,
    workers: pl.DataFrame,
    *,
    reference_date: dt.date,
    excluded: frozenset[int],
    secret: bytes,
) -> pl.DataFrame:
    """The canonical training records of the snapshot's workers (``staff``: the staff rows
    that are not empty)."""
    listed = staff.lazy().filter(~pl.col(EMPTY_ROW))
    # A training line names its worker by the staff file's references: as they are after any
    # move to another workplace, or (when not found so) as the staff line gave them.
    current = (
        listed.select(pl.col(DESTINATION_KEY).alias("_wp"), pl.col(WORKER_ID).alias("_id"))
        .unique()
        .with_columns(pl.lit(value=True).alias("_current"))
    )
    original = listed.select(
        pl.col(STAFF_WORKPLACE_KEY).alias("_wp"),
        pl.col(ORIGINAL_WORKER_ID).alias("_id"),
        pl.col(DESTINATION_KEY).alias("_moved_to"),
        pl.col(WORKER_ID).alias("_moved_id"),
    ).unique(["_wp", "_id"], keep="first", maintain_order=True)
    found = pl.col("_current").is_not_null()
    rows = (
        training.lazy()
        .filter(pl.col(LIVE) & ~pl.col(LINE).is_in(sorted(excluded)))
        .with_columns(key(T.LOCALESTID).alias("_wp"), key(T.UNIQUEWORKERID).alias("_id"))
        .join(current, on=["_wp", "_id"], how="left", maintain_order="left")
        .join(original, on=["_wp", "_id"], how="left", maintain_order="left")
        .filter(found | pl.col("_moved_to").is_not_null())
        .with_columns(
            pl.when(found).then(pl.col("_wp")).otherwise(pl.col("_moved_to")).alias("_dest"),
            pl.when(found).then(pl.col("_id")).otherwise(pl.col("_moved_id")).alias("_eff"),
        )
        .select(
            "_dest",
            "_eff",
            T.CATEGORY,
            T.TRAININGNAME,
            T.ACCREDITED,
            T.WHODELIVERED,
            T.PROVIDERNAME,
            T.HOWDELIVERED,
            T.VALIDITY,
            VALIDITY_MONTHS,
            COMPLETED,
            EXPIRES,
        )
        .collect()
    )
    hashed = keyed_hash(
        rows.select(pl.concat_str([pl.col("_dest"), pl.col("_eff")], separator="\x1f")).to_series(),
        secret,
    )
    rows = rows.with_columns(hashed.alias(TR.WORKER_ID)).join(
        workers.select(WK.WORKER_ID), on=TR.WORKER_ID, how="semi"
    )
    months = pl.col(VALIDITY_MONTHS)
    completed = pl.col(COMPLETED)
    category = integer(T.CATEGORY)
    return rows.select(
        pl.col(TR.WORKER_ID),
        pl.col("_dest").alias(TR.ESTABLISHMENT_ID),
        pl.lit(reference_date).alias(TR.REFERENCE_DATE),
        labelled(category, training_codes.TRAINING_CATEGORY).alias(TR.CATEGORY),
        category.cast(pl.Int16).alias(TR.CATEGORY_CODE),
        text(T.TRAININGNAME).alias(TR.TRAINING_NAME),
        labelled(integer(T.ACCREDITED), training_codes.ACCREDITED).alias(TR.ACCREDITED),
        labelled(integer(T.WHODELIVERED), training_codes.WHO_DELIVERED).alias(TR.DELIVERED_BY),
        pl.when(integer(T.WHODELIVERED) == 2)
        .then(
            pl.when(
                integer(T.PROVIDERNAME).is_in(sorted(training_codes.TRAINING_PROVIDER.codes))
            ).then(integer(T.PROVIDERNAME))
        )
        .cast(pl.Int16)
        .alias(TR.PROVIDER_CODE),
        labelled(integer(T.HOWDELIVERED), training_codes.HOW_DELIVERED).alias(TR.DELIVERY),
        pl.when((months >= 1) & (months <= 999))
        .then(months)
        .cast(pl.Int16)
        .alias(TR.VALIDITY_MONTHS),
        (text(T.VALIDITY).str.to_uppercase() == "NONE").alias(TR.DOES_NOT_EXPIRE),
        completed.alias(TR.DATE_COMPLETED),
        pl.coalesce(
            pl.when(pl.col(EXPIRES) > completed).then(pl.col(EXPIRES)),
            pl.when(completed.is_not_null() & (months >= 1)).then(
                derived_expiry(completed, months)
            ),
        ).alias(TR.EXPIRY_DATE),
    )


def canonical_datasets(
    validation: Validation,
    *,
    reference_date: dt.date,
    today: dt.date,
    secret: bytes,
    exclusions: Exclusions,
    area: Area = Area(),
) -> Canonical:
    """Build the three canonical datasets from a validated file set."""
    establishments = establishments_frame(
        validation.workplace,
        reference_date=reference_date,
        excluded=exclusions.workplace,
        area=area,
    )
    qualification_columns = sorted(
        c for c in validation.staff_columns if c.startswith("QUALACH") and not c.endswith("NOTES")
    )
    workers = workers_frame(
        validation.staff,
        establishments,
        reference_date=reference_date,
        excluded=exclusions.staff,
        today=today,
        secret=secret,
        qualification_columns=qualification_columns,
    )
    training = training_frame(
        validation.training,
        validation.staff,
        workers,
        reference_date=reference_date,
        excluded=exclusions.training,
        secret=secret,
    )
    return Canonical(establishments, workers, training)
