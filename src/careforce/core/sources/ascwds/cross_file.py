"""Rules that compare rows across the three files (and rows within the staff file)."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.catalogue import rule
from careforce.core.sources.ascwds.common import DELETE, EMPTY_ROW, LIVE, STATUS_UPPER
from careforce.core.sources.ascwds.expressions import (
    filled,
    integer,
    integer_items,
    key,
    text,
)
from careforce.core.sources.ascwds.findings import (
    FileKind,
    Rule,
    Severity,
    check,
    findings_for,
)
from careforce.core.sources.ascwds.staff_common import (
    AVERAGE_HOURS,
    BIRTH_DATE,
    CONTRACTED_HOURS,
    MINIMUM_WORKING_AGE,
    ROLE,
)
from careforce.core.sources.ascwds.training import COMPLETED
from careforce.core.sources.ascwds.workplace_common import (
    CQC_REGISTERED,
    LEAVERS_TOTAL,
    MAIN_SERVICE,
    REGISTRATION,
    STARTERS_TOTAL,
    VACANCIES_TOTAL,
    WORKPLACE_KEY,
)
from careforce.core.vocab import code_table, staff_codes, workplace_codes
from careforce.core.vocab.ascwds_columns import LINE
from careforce.core.vocab.ascwds_columns import StaffColumn as S
from careforce.core.vocab.ascwds_columns import TrainingColumn as T
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W

STAFF_WORKPLACE_KEY = "_staff_workplace_key"
"""Derived: the staff row's LOCALESTID with whitespace removed."""
DESTINATION_KEY = "_destination_key"
"""Derived: the workplace the worker belongs to in the snapshot (TRANSFERSTAFFRECORD, else LOCALESTID)."""
WORKER_ID = "_worker_id"
"""Derived: the worker's reference in the snapshot (CHGUNIQUEWRKID, else UNIQUEWORKERID)."""
ORIGINAL_WORKER_ID = "_original_worker_id"
"""Derived: UNIQUEWORKERID with whitespace removed."""

FULL_TIME_HOURS = 36.0
"""Contracted hours above this count as full time in the FTE-salary check (ASC-WDS)."""
PART_TIME_HOURS = 37.0
"""Contracted hours below this count as part time in the FTE-salary check (ASC-WDS)."""
ONE_PERSON_MAX_HOURS = 75.0
"""Contracted hours of records sharing one NI number cannot add up to more than this (ASC-WDS)."""
NO = 2
"""The 'no' code of yes/no/don't know questions."""

_W = FileKind.WORKPLACE
_S = FileKind.STAFF
_T = FileKind.TRAINING


def _rule(
    file: FileKind,
    severity: Severity,
    slug: str,
    column: str,
    message: str,
    guidance: str,
    asc: int | None,
) -> Rule:
    return rule(file, severity, slug, column, message, guidance=guidance, asc=asc)


_TOTAL_MISMATCH = _rule(
    _W,
    Severity.WARNING,
    "TOTALPERMTEMP-STAFF-COUNT",
    W.TOTALPERMTEMP,
    "TOTALPERMTEMP does not match the number of staff records for this workplace in the staff file",
    "Make TOTALPERMTEMP the number of staff records, or add the missing staff records.",
    2200,
)
_STARTERS_HIGH = _rule(
    _W,
    Severity.WARNING,
    "STARTERS-RANGE",
    W.STARTERS,
    "STARTERS is more than the number of staff records; please check it is correct",
    "Starters in the last 12 months are usually fewer than current staff.",
    2310,
)
_LEAVERS_HIGH = _rule(
    _W,
    Severity.WARNING,
    "LEAVERS-RANGE",
    W.LEAVERS,
    "LEAVERS is at least the number of staff records; please check it is correct",
    "Check the number of leavers in the last 12 months.",
    2320,
)
_VACANCIES_HIGH = _rule(
    _W,
    Severity.WARNING,
    "VACANCIES-RANGE",
    W.VACANCIES,
    "VACANCIES is at least the number of staff records; please check it is correct",
    "Check the number of current vacancies.",
    2300,
)
_NO_MANAGER = _rule(
    _W,
    Severity.WARNING,
    "VACANCIES-NO-REGISTERED-MANAGER",
    W.VACANCIES,
    "There is no staff record for a registered manager, so a vacancy for one should be recorded",
    "Add the registered manager's staff record, or record a registered manager vacancy (job role 4).",
    2301,
)
_WORKER_DUPLICATE = _rule(
    _S,
    Severity.ERROR,
    "UNIQUEWORKERID-DUPLICATE",
    f"{S.LOCALESTID}/{S.UNIQUEWORKERID}",
    "UNIQUEWORKERID is not unique: an earlier staff record at this workplace has the same reference",
    "Give each staff record at a workplace its own reference.",
    998,
)
_CHANGE_DUPLICATE = _rule(
    _S,
    Severity.ERROR,
    "CHGUNIQUEWRKID-DUPLICATE",
    f"{S.LOCALESTID}/{S.CHGUNIQUEWRKID}",
    "CHGUNIQUEWRKID is not unique: another staff record at this workplace already uses it",
    "Choose a new reference that no other staff record at the workplace uses.",
    998,
)
_NO_WORKPLACE = _rule(
    _S,
    Severity.ERROR,
    "LOCALESTID-NOT-IN-WORKPLACE-FILE",
    S.LOCALESTID,
    "LOCALESTID does not exist in the workplace file",
    "Use a workplace reference from the workplace file, or add the workplace.",
    997,
)
_WORKPLACE_DELETED = _rule(
    _S,
    Severity.WARNING,
    "WORKPLACE-DELETED",
    S.LOCALESTID,
    "The staff record belongs to a workplace with STATUS DELETE and is left out of the snapshot",
    "Remove staff records of deleted workplaces, or move them with TRANSFERSTAFFRECORD.",
    None,
)
_MANAGER_NOT_CQC = _rule(
    _S,
    Severity.ERROR,
    "MAINJOBROLE-REGISTERED-MANAGER-NOT-CQC",
    S.MAINJOBROLE,
    "The worker's MAINJOBROLE is registered manager but the workplace is not CQC-regulated",
    "Change the job role, or the workplace's REGTYPE if it is CQC-regulated.",
    1280,
)
_FTE_SALARY = _rule(
    _S,
    Severity.WARNING,
    "SALARY-FTE",
    S.SALARY,
    "SALARY is the same as full-time staff in the same job role; check it is not full-time "
    "equivalent pay",
    "Give the actual annual pay of part-time workers, not the full-time equivalent.",
    1260,
)
_NI_FULL_TIME = _rule(
    _S,
    Severity.ERROR,
    "NINUMBER-HOURS",
    S.NINUMBER,
    "NINUMBER is already used by other staff records whose contracted hours add up to more than 75",
    "Check the NI number: one person cannot work more than 75 contracted hours a week.",
    5570,
)
_TRANSFER_UNKNOWN = _rule(
    _S,
    Severity.ERROR,
    "TRANSFERSTAFFRECORD-UNKNOWN",
    S.TRANSFERSTAFFRECORD,
    "The LOCALESTID in TRANSFERSTAFFRECORD does not exist in the workplace file",
    "Give the reference of a workplace in the workplace file.",
    1401,
)
_TRANSFER_CLASH = _rule(
    _S,
    Severity.ERROR,
    "TRANSFERSTAFFRECORD-ID-EXISTS",
    f"{S.TRANSFERSTAFFRECORD}/{S.UNIQUEWORKERID}",
    "The UNIQUEWORKERID already exists at the workplace given in TRANSFERSTAFFRECORD",
    "Use CHGUNIQUEWRKID to give the moving worker a new reference.",
    1402,
)
_TRANSFER_DUPLICATE = _rule(
    _S,
    Severity.ERROR,
    "TRANSFERSTAFFRECORD-DUPLICATE",
    f"{S.TRANSFERSTAFFRECORD}/{S.UNIQUEWORKERID}",
    "Staff records with the same UNIQUEWORKERID are being moved to the same workplace",
    "Give the moving workers different references with CHGUNIQUEWRKID.",
    1403,
)
_DHA_ROLE = _rule(
    _S,
    Severity.WARNING,
    "DHA-JOB-ROLE",
    f"{S.MAINJOBROLE}/{S.DHA}",
    "DHA will be ignored as the worker's job role cannot carry out delegated healthcare activities",
    "Leave DHA blank for this job role.",
    5661,
)
_DHA_SERVICE = _rule(
    _S,
    Severity.WARNING,
    "DHA-WORKPLACE-SERVICE",
    S.DHA,
    "DHA will be ignored as the workplace's main service cannot do delegated healthcare activities",
    "Leave DHA blank for workers of this workplace.",
    5662,
)
_DHA_WORKPLACE_NO = _rule(
    _S,
    Severity.WARNING,
    "DHA-WORKPLACE-NO",
    S.DHA,
    "DHA will be ignored as the worker's workplace has answered No for DHA",
    "Leave DHA blank, or change the workplace's DHA answer.",
    5663,
)
_TRAINING_NO_WORKPLACE = _rule(
    _T,
    Severity.ERROR,
    "LOCALESTID-NOT-IN-WORKPLACE-FILE",
    T.LOCALESTID,
    "LOCALESTID does not exist in the workplace file",
    "Use a workplace reference from the workplace file.",
    997,
)
_TRAINING_NO_WORKER = _rule(
    _T,
    Severity.ERROR,
    "UNIQUEWORKERID-NOT-IN-STAFF-FILE",
    f"{T.LOCALESTID}/{T.UNIQUEWORKERID}",
    "There is no staff record with this LOCALESTID and UNIQUEWORKERID in the staff file",
    "Use the workplace and staff references of a record in the staff file.",
    996,
)
_TRAINING_WORKER_DELETED = _rule(
    _T,
    Severity.WARNING,
    "STAFF-DELETED",
    f"{T.LOCALESTID}/{T.UNIQUEWORKERID}",
    "The training belongs to a staff record that is deleted and is left out of the snapshot",
    "Remove training records of deleted staff.",
    None,
)
_TRAINING_TOO_YOUNG = _rule(
    _T,
    Severity.ERROR,
    "DATECOMPLETED-BEFORE-14",
    T.DATECOMPLETED,
    "DATECOMPLETED is within 14 years of the staff record's date of birth",
    "Check the completion date, and the date of birth in the staff file.",
    1080,
)


RULES: tuple[Rule, ...] = (
    _TOTAL_MISMATCH,
    _STARTERS_HIGH,
    _LEAVERS_HIGH,
    _VACANCIES_HIGH,
    _NO_MANAGER,
    _WORKER_DUPLICATE,
    _CHANGE_DUPLICATE,
    _NO_WORKPLACE,
    _WORKPLACE_DELETED,
    _MANAGER_NOT_CQC,
    _FTE_SALARY,
    _NI_FULL_TIME,
    _TRANSFER_UNKNOWN,
    _TRANSFER_CLASH,
    _TRANSFER_DUPLICATE,
    _DHA_ROLE,
    _DHA_SERVICE,
    _DHA_WORKPLACE_NO,
    _TRAINING_NO_WORKPLACE,
    _TRAINING_NO_WORKER,
    _TRAINING_WORKER_DELETED,
    _TRAINING_TOO_YOUNG,
)
"""The rules declared here, in catalogue order."""


def add_staff_keys(staff: pl.LazyFrame, columns: set[str]) -> pl.LazyFrame:
    """Add the workplace and worker keys the staff row has in the snapshot."""
    change = key(S.CHGUNIQUEWRKID) if S.CHGUNIQUEWRKID in columns else pl.lit("")
    transfer = key(S.TRANSFERSTAFFRECORD) if S.TRANSFERSTAFFRECORD in columns else pl.lit("")
    return staff.with_columns(
        key(S.LOCALESTID).alias(STAFF_WORKPLACE_KEY),
        key(S.UNIQUEWORKERID).alias(ORIGINAL_WORKER_ID),
    ).with_columns(
        pl.when(transfer != "")
        .then(transfer)
        .otherwise(pl.col(STAFF_WORKPLACE_KEY))
        .alias(DESTINATION_KEY),
        pl.when(change != "").then(change).otherwise(pl.col(ORIGINAL_WORKER_ID)).alias(WORKER_ID),
    )


def _workplaces(workplace: pl.LazyFrame) -> pl.LazyFrame:
    """One row per distinct workplace key (the first row wins), with what staff rules need."""
    return (
        workplace.filter(~pl.col(EMPTY_ROW) & (pl.col(WORKPLACE_KEY) != ""))
        .unique(WORKPLACE_KEY, keep="first", maintain_order=True)
        .select(
            pl.col(WORKPLACE_KEY),
            (pl.col(STATUS_UPPER) == DELETE).alias("_wp_deleted"),
            pl.col(REGISTRATION).alias("_wp_regtype"),
            pl.col(MAIN_SERVICE).alias("_wp_main"),
            integer(W.DHA).alias("_wp_dha"),
        )
    )


def staff_cross_findings(
    workplace: pl.LazyFrame, staff: pl.LazyFrame, columns: set[str]
) -> pl.LazyFrame:
    """Findings on staff rows that need the workplace file or other staff rows."""
    places = _workplaces(workplace)
    joined_frame = staff.join(
        places,
        left_on=STAFF_WORKPLACE_KEY,
        right_on=WORKPLACE_KEY,
        how="left",
        maintain_order="left",
    ).join(
        places.select(
            pl.col(WORKPLACE_KEY).alias("_dest_key"),
            pl.col("_wp_regtype").alias("_dest_regtype"),
            pl.col("_wp_main").alias("_dest_main"),
            pl.col("_wp_dha").alias("_dest_dha"),
            pl.col("_wp_deleted").alias("_dest_deleted"),
            pl.lit(True).alias("_dest_found"),
        ),
        left_on=DESTINATION_KEY,
        right_on="_dest_key",
        how="left",
        maintain_order="left",
    )
    row = ~pl.col(EMPTY_ROW)
    live = pl.col(LIVE)
    original = pl.struct(STAFF_WORKPLACE_KEY, ORIGINAL_WORKER_ID)
    has_ids = (pl.col(STAFF_WORKPLACE_KEY) != "") & (pl.col(ORIGINAL_WORKER_ID) != "")
    found = pl.col("_wp_deleted").is_not_null()
    checks = [
        check(
            _WORKER_DUPLICATE,
            row & has_ids & ~pl.when(row & has_ids).then(original).is_first_distinct(),
        ),
        check(_NO_WORKPLACE, row & (pl.col(STAFF_WORKPLACE_KEY) != "") & ~found),
        check(_WORKPLACE_DELETED, live & pl.col("_dest_deleted").fill_null(False)),
        check(
            _MANAGER_NOT_CQC,
            live
            & (pl.col(ROLE) == staff_codes.REGISTERED_MANAGER)
            & pl.col("_dest_regtype").is_not_null()
            & (pl.col("_dest_regtype") != CQC_REGISTERED),
        ),
        check(
            _DHA_ROLE,
            live
            & filled(S.DHA)
            & pl.col(ROLE).is_in(sorted(staff_codes.JOB_ROLE.codes))
            & ~pl.col(ROLE).is_in(sorted(staff_codes.DHA_JOB_ROLES)),
        ),
        check(
            _DHA_SERVICE,
            live
            & filled(S.DHA)
            & pl.col("_dest_main").is_in(sorted(workplace_codes.SERVICE.codes))
            & ~pl.col("_dest_main").is_in(sorted(workplace_codes.DHA_SERVICES)),
        ),
        check(_DHA_WORKPLACE_NO, live & filled(S.DHA) & (pl.col("_dest_dha") == NO)),
    ]
    if S.CHGUNIQUEWRKID in columns:
        originals = staff.filter(~pl.col(EMPTY_ROW)).select(
            pl.struct(STAFF_WORKPLACE_KEY, ORIGINAL_WORKER_ID).alias("_original")
        )
        original_keys = originals.select(
            pl.col("_original").struct.field(STAFF_WORKPLACE_KEY).alias("_ok_wp"),
            pl.col("_original").struct.field(ORIGINAL_WORKER_ID).alias("_ok_id"),
            pl.lit(True).alias("_clashes_original"),
        ).unique()
        joined_frame = joined_frame.join(
            original_keys,
            left_on=[STAFF_WORKPLACE_KEY, WORKER_ID],
            right_on=["_ok_wp", "_ok_id"],
            how="left",
            maintain_order="left",
        )
        changing = (
            row
            & (key(S.CHGUNIQUEWRKID) != "")
            & (key(S.CHGUNIQUEWRKID) != pl.col(ORIGINAL_WORKER_ID))
        )
        effective = pl.struct(STAFF_WORKPLACE_KEY, WORKER_ID)
        checks.append(
            check(
                _CHANGE_DUPLICATE,
                changing
                & (
                    pl.col("_clashes_original").fill_null(False)
                    | ~pl.when(row & has_ids).then(effective).is_first_distinct()
                ),
            )
        )
    if S.TRANSFERSTAFFRECORD in columns:
        moving = live & (key(S.TRANSFERSTAFFRECORD) != "")
        destination = pl.struct(DESTINATION_KEY, WORKER_ID)
        movers_here = moving.cast(pl.Int32).sum().over(destination)
        rows_here = live.cast(pl.Int32).sum().over(destination)
        checks += [
            check(_TRANSFER_UNKNOWN, moving & ~pl.col("_dest_found").fill_null(False)),
            check(_TRANSFER_CLASH, moving & (rows_here > movers_here)),
            check(
                _TRANSFER_DUPLICATE,
                moving
                & (rows_here == movers_here)
                & (movers_here > 1)
                & ~pl.when(moving).then(destination).is_first_distinct(),
            ),
        ]
    salary = pl.when(integer(S.SALARYINT) == 1).then(text(S.SALARY)).otherwise(None)
    hours = pl.col(CONTRACTED_HOURS)
    full_timer = live & (hours > FULL_TIME_HOURS) & salary.is_not_null() & (salary != "")
    same_pay_full_timers = full_timer.cast(pl.Int32).sum().over(
        salary, pl.col(ROLE)
    ) - full_timer.cast(pl.Int32)
    checks.append(
        check(
            _FTE_SALARY,
            live & (hours < PART_TIME_HOURS) & (salary != "") & (same_pay_full_timers > 0),
        )
    )
    ni = text(S.NINUMBER).str.replace_all(r"\s", "").str.to_uppercase()
    known_ni = row & (ni != "")
    weekly_hours = pl.coalesce(hours, pl.col(AVERAGE_HOURS)).fill_null(0.0)
    hours_sum = pl.when(known_ni).then(weekly_hours).sum().over(ni)
    records = known_ni.cast(pl.Int32).sum().over(ni)
    checks.append(
        check(
            _NI_FULL_TIME,
            known_ni
            & (records > 1)
            & (hours_sum > ONE_PERSON_MAX_HOURS)
            & ~pl.when(known_ni).then(ni).is_first_distinct(),
        )
    )
    return findings_for(joined_frame, checks)


def workplace_cross_findings(workplace: pl.LazyFrame, staff: pl.LazyFrame) -> pl.LazyFrame:
    """Findings on workplace rows that need the staff file."""
    counts = (
        staff.filter(pl.col(LIVE))
        .group_by(DESTINATION_KEY)
        .agg(
            pl.len().alias("_staff_count"),
            (pl.col(ROLE) == staff_codes.REGISTERED_MANAGER).any().alias("_has_manager"),
        )
    )
    frame = workplace.join(
        counts, left_on=WORKPLACE_KEY, right_on=DESTINATION_KEY, how="left", maintain_order="left"
    ).with_columns(pl.col("_staff_count").fill_null(0), pl.col("_has_manager").fill_null(False))
    live = pl.col(LIVE) & pl.col(WORKPLACE_KEY).is_first_distinct()
    count = pl.col("_staff_count")
    declared = integer(W.TOTALPERMTEMP)
    role_vacancies = pl.struct(
        integer_items(W.ALLJOBROLES).alias("roles"), integer_items(W.VACANCIES).alias("n")
    ).map_elements(
        lambda row: any(
            role == staff_codes.REGISTERED_MANAGER and (n or 0) > 0 and n != code_table.DONT_KNOW
            for role, n in zip(row["roles"] or [], row["n"] or [], strict=False)
        ),
        return_dtype=pl.Boolean,
    )
    checks = [
        check(
            _TOTAL_MISMATCH,
            live & declared.is_not_null() & (declared != count),
            pl.format("{} declared, {} staff records", text(W.TOTALPERMTEMP), count),
        ),
        check(
            _STARTERS_HIGH,
            live & (declared == count) & (pl.col(STARTERS_TOTAL) > count),
        ),
        check(_LEAVERS_HIGH, live & (pl.col(LEAVERS_TOTAL) > 0) & (pl.col(LEAVERS_TOTAL) >= count)),
        check(
            _VACANCIES_HIGH,
            live & (pl.col(VACANCIES_TOTAL) > 0) & (pl.col(VACANCIES_TOTAL) >= count),
        ),
        check(
            _NO_MANAGER,
            live
            & (pl.col(REGISTRATION) == CQC_REGISTERED)
            & (pl.col(MAIN_SERVICE) != workplace_codes.HEAD_OFFICE_SERVICE)
            & ~pl.col("_has_manager")
            & ~role_vacancies,
        ),
    ]
    return findings_for(frame, checks)


def training_cross_findings(
    workplace: pl.LazyFrame, staff: pl.LazyFrame, training: pl.LazyFrame
) -> pl.LazyFrame:
    """Findings on training rows that need the workplace and staff files."""
    places = _workplaces(workplace).select(WORKPLACE_KEY, pl.lit(True).alias("_wp_found"))
    staff_rows = staff.filter(~pl.col(EMPTY_ROW))
    by_effective = staff_rows.select(
        pl.col(DESTINATION_KEY).alias("_t_wp"),
        pl.col(WORKER_ID).alias("_t_id"),
        pl.col(LIVE).alias("_t_live"),
        pl.col(BIRTH_DATE).alias("_t_birth"),
    )
    by_original = staff_rows.select(
        pl.col(STAFF_WORKPLACE_KEY).alias("_t_wp"),
        pl.col(ORIGINAL_WORKER_ID).alias("_t_id"),
        pl.col(LIVE).alias("_t_live"),
        pl.col(BIRTH_DATE).alias("_t_birth"),
    )
    workers = pl.concat([by_effective, by_original]).unique(
        ["_t_wp", "_t_id"], keep="first", maintain_order=True
    )
    frame = (
        training.with_columns(
            key(T.LOCALESTID).alias("_tr_wp"), key(T.UNIQUEWORKERID).alias("_tr_id")
        )
        .join(places, left_on="_tr_wp", right_on=WORKPLACE_KEY, how="left", maintain_order="left")
        .join(
            workers,
            left_on=["_tr_wp", "_tr_id"],
            right_on=["_t_wp", "_t_id"],
            how="left",
            maintain_order="left",
        )
    )
    row = ~pl.col(EMPTY_ROW)
    has_ids = (pl.col("_tr_wp") != "") & (pl.col("_tr_id") != "")
    matched = pl.col("_t_live").is_not_null()
    fourteenth = pl.col("_t_birth").dt.offset_by(f"{MINIMUM_WORKING_AGE}y")
    checks = [
        check(
            _TRAINING_NO_WORKPLACE,
            row & (pl.col("_tr_wp") != "") & ~pl.col("_wp_found").fill_null(False),
        ),
        check(
            _TRAINING_NO_WORKER,
            row & has_ids & pl.col("_wp_found").fill_null(False) & ~matched,
        ),
        check(_TRAINING_WORKER_DELETED, row & matched & ~pl.col("_t_live")),
        check(_TRAINING_TOO_YOUNG, row & (pl.col(COMPLETED) < fourteenth)),
    ]
    return findings_for(frame, checks)


__all__ = [
    "LINE",
    "add_staff_keys",
    "staff_cross_findings",
    "training_cross_findings",
    "workplace_cross_findings",
]
