"""What the staff file's field rules share: derived columns, limits, and declaring a rule."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.catalogue import rule
from careforce.core.sources.ascwds.expressions import (
    DONT_KNOW,
    HALF_HOURS_PATTERN,
    integer,
    lenient_date,
    strict_date,
    text,
)
from careforce.core.sources.ascwds.findings import FileKind, Rule, Severity
from careforce.core.vocab.ascwds_columns import StaffColumn as S

FILE = FileKind.STAFF
"""The file these rules are reported against."""

ROLE = "_role"
"""Derived: MAINJOBROLE as an integer."""
CONTRACT = "_contract"
"""Derived: EMPLSTATUS as an integer."""
CONTRACTED_HOURS = "_contracted_hours"
"""Derived: CONTHOURS as a number (null when blank, malformed or 999)."""
AVERAGE_HOURS = "_average_hours"
"""Derived: AVGHOURS as a number (null when blank, malformed or 999)."""
BIRTH_DATE = "_birth_date"
"""Derived: DOB as a date (only in memory; never written)."""
START_DATE = "_start_date"
"""Derived: STARTDATE as a date."""

ID_LENGTH = 50
"""Longest LOCALESTID, UNIQUEWORKERID, CHGUNIQUEWRKID and DISPLAYID ASC-WDS accepts."""
DESCRIPTION_LENGTH = 120
"""Longest MAINJRDESC and qualification note ASC-WDS accepts."""
NI_PATTERN = r"^[A-Za-z]{2}(\s*[0-9]\s*){6}[A-Za-z]?$"
"""National Insurance number: two letters, six digits (spaces allowed), optional final letter."""
HOME_POSTCODE_PATTERN = r"^[A-Za-z]{1,2}[0-9]{1,2}[A-Za-z]? [0-9][A-Za-z]{2}$"
"""A worker's home postcode with exactly one space, as ASC-WDS requires."""
AGE_RANGE = (14, 100)
"""Plausible ages of a worker, in years."""
MINIMUM_WORKING_AGE = 14
"""Nobody starts work, or completes training, before their 14th birthday (ASC-WDS)."""
MAX_HOURS = 75.0
"""Weekly hours above this are implausible (ASC-WDS)."""
MAX_SICK_DAYS = 366.0
"""Days sick in a year cannot exceed the days in a year."""
SALARY_RANGE = (500, 200_000)
"""Annual salary range ASC-WDS accepts (pounds)."""
SENIOR_SALARY_MAX = 250_000
"""Annual salary ceiling for senior management (pounds)."""
L2_CERTIFICATE_FIRST_YEAR = 2024
"""The Level 2 Adult Social Care Certificate was first awarded in 2024."""
QUALIFICATION_YEARS_BACK = 100
"""A qualification year must be within this many years before today."""
YES = 1
"""The 'yes' code of yes/no/don't know questions."""
NO = 2
"""The 'no' code of yes/no/don't know questions."""
ANNUAL = 1
"""SALARYINT code for an annual salary."""
HOURLY = 3
"""SALARYINT code for an hourly rate."""


def error(slug: str, column: str, message: str, guidance: str, asc: int | None = None) -> Rule:
    """Declare an error of the staff file."""
    return rule(FILE, Severity.ERROR, slug, column, message, guidance=guidance, asc=asc)


def warning(slug: str, column: str, message: str, guidance: str, asc: int | None = None) -> Rule:
    """Declare a warning of the staff file."""
    return rule(FILE, Severity.WARNING, slug, column, message, guidance=guidance, asc=asc)


def _hours(column: str) -> pl.Expr:
    valid = text(column).str.contains(HALF_HOURS_PATTERN) & (text(column) != DONT_KNOW)
    return pl.when(valid).then(text(column).cast(pl.Float64, strict=False)).otherwise(None)


def add_staff_columns(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Add the derived columns the staff rules read."""
    return frame.with_columns(
        integer(S.MAINJOBROLE).alias(ROLE),
        integer(S.EMPLSTATUS).alias(CONTRACT),
        _hours(S.CONTHOURS).alias(CONTRACTED_HOURS),
        _hours(S.AVGHOURS).alias(AVERAGE_HOURS),
        lenient_date(S.DOB).alias(BIRTH_DATE),
        strict_date(S.STARTDATE).alias(START_DATE),
    )
