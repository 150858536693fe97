"""The council's HR extract of children's services staff: checks and canonical ``hr_staff``.

One row per person employed at any time in the period the extract covers. The date of birth
becomes age at the reference date and the employee reference a keyed hash; nothing else of
identity is kept. The format is described in docs/data-formats.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

import polars as pl

from careforce.core.sources.children.text_groups import (
    ethnicity_group_of_text,
    nationality_group_of_text,
)
from careforce.core.sources.children.validation import CellRule, date_range_rules

FILE = "hr"
"""Name of the source in findings."""

AREA_CODE = "area_code"
EMPLOYEE_REF = "employee_ref"
ROLE = "role"
ROLE_GROUP = "role_group"
QUALIFIED_SOCIAL_WORKER = "qualified_social_worker"
TEAM = "team"
FTE = "fte"
CONTRACT_TYPE = "contract_type"
ZERO_HOURS = "zero_hours"
START_IN_ROLE = "start_date_in_role"
START_WITH_COUNCIL = "start_date_with_council"
LEAVING_DATE = "leaving_date"
LEAVING_REASON = "leaving_reason"
DATE_OF_BIRTH = "date_of_birth"
SEX = "sex"
ETHNICITY = "ethnicity"
NATIONALITY = "nationality"

REQUIRED_COLUMNS = (
    AREA_CODE,
    EMPLOYEE_REF,
    ROLE,
    ROLE_GROUP,
    QUALIFIED_SOCIAL_WORKER,
    TEAM,
    FTE,
    CONTRACT_TYPE,
    ZERO_HOURS,
    START_IN_ROLE,
    START_WITH_COUNCIL,
    LEAVING_DATE,
    LEAVING_REASON,
    DATE_OF_BIRTH,
    SEX,
    ETHNICITY,
    NATIONALITY,
)
"""Columns an HR extract must have."""

CONTRACT_TYPES = {
    "PERMANENT": "Permanent",
    "FIXED TERM": "Temporary",
    "TEMPORARY": "Temporary",
    "CASUAL": "Pool/Bank",
    "BANK": "Pool/Bank",
    "AGENCY": "Agency",
}
"""HR contract types (upper case) → the contract categories of the adult measures."""
YES_NO = ("Y", "N", "YES", "NO")
"""Accepted answers of yes/no columns."""
SEXES = {"F": "Female", "FEMALE": "Female", "M": "Male", "MALE": "Male"}
"""Accepted sexes (upper case) → labels."""
MAX_FTE = 1.5
"""A full-time equivalent above this is not plausible for one post."""
FULL_TIME_FTE = 1.0
"""An FTE of 1.00 is full time."""


def parsed_date(column: str) -> pl.Expr:
    """A date written YYYY-MM-DD or DD/MM/YYYY; null when blank or not a real date."""
    text = pl.col(column).str.strip_chars()
    iso = text.str.to_date("%Y-%m-%d", strict=False)
    uk = pl.when(text.str.contains(r"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$")).then(
        text.str.to_date("%d/%m/%Y", strict=False)
    )
    return pl.coalesce(iso, uk)


def _bad_date(column: str, *, required: bool) -> pl.Expr:
    filled = pl.col(column) != ""
    invalid = filled & parsed_date(column).is_null()
    return (invalid | ~filled) if required else invalid


def hr_rules(*, today: dt.date) -> list[CellRule]:
    """Every check on the cells of an HR extract."""
    fte = pl.col(FTE).cast(pl.Float64, strict=False)
    start = parsed_date(START_WITH_COUNCIL)
    return [
        CellRule(
            "HR-EMPLOYEE-REF-BLANK",
            EMPLOYEE_REF,
            "employee_ref has not been supplied",
            pl.col(EMPLOYEE_REF) == "",
        ),
        CellRule(
            "HR-EMPLOYEE-REF-DUPLICATE",
            EMPLOYEE_REF,
            "employee_ref is not unique: an earlier row has the same reference",
            (pl.col(EMPLOYEE_REF) != "") & ~pl.col(EMPLOYEE_REF).is_first_distinct(),
        ),
        CellRule(
            "HR-AREA-CODE-BLANK",
            AREA_CODE,
            "area_code has not been supplied",
            pl.col(AREA_CODE) == "",
        ),
        CellRule(
            "HR-ROLE-GROUP-BLANK",
            ROLE_GROUP,
            "role_group has not been supplied",
            pl.col(ROLE_GROUP) == "",
        ),
        CellRule(
            "HR-QUALIFIED-INVALID",
            QUALIFIED_SOCIAL_WORKER,
            "qualified_social_worker must be Y or N",
            ~pl.col(QUALIFIED_SOCIAL_WORKER).str.to_uppercase().is_in(list(YES_NO)),
        ),
        CellRule(
            "HR-FTE-INVALID",
            FTE,
            f"fte must be a number from 0 to {MAX_FTE}, or blank for casual staff",
            (pl.col(FTE) != "") & ~((fte >= 0) & (fte <= MAX_FTE)).fill_null(False),
        ),
        CellRule(
            "HR-CONTRACT-TYPE-INVALID",
            CONTRACT_TYPE,
            "contract_type must be Permanent, Fixed term, Casual, Bank or Agency",
            ~pl.col(CONTRACT_TYPE).str.to_uppercase().is_in(list(CONTRACT_TYPES)),
        ),
        CellRule(
            "HR-ZERO-HOURS-INVALID",
            ZERO_HOURS,
            "zero_hours must be Y or N",
            ~pl.col(ZERO_HOURS).str.to_uppercase().is_in(list(YES_NO)),
        ),
        CellRule(
            "HR-START-WITH-COUNCIL-DATE",
            START_WITH_COUNCIL,
            "start_date_with_council must be a date (YYYY-MM-DD)",
            _bad_date(START_WITH_COUNCIL, required=True),
        ),
        CellRule(
            "HR-START-IN-ROLE-DATE",
            START_IN_ROLE,
            "start_date_in_role must be a date (YYYY-MM-DD)",
            _bad_date(START_IN_ROLE, required=True),
        ),
        CellRule(
            "HR-LEAVING-DATE",
            LEAVING_DATE,
            "leaving_date must be a date (YYYY-MM-DD) or blank",
            _bad_date(LEAVING_DATE, required=False),
        ),
        CellRule(
            "HR-LEAVING-BEFORE-START",
            f"{START_WITH_COUNCIL}/{LEAVING_DATE}",
            "leaving_date is before start_date_with_council",
            parsed_date(LEAVING_DATE) < start,
        ),
        CellRule(
            "HR-ROLE-BEFORE-COUNCIL",
            f"{START_WITH_COUNCIL}/{START_IN_ROLE}",
            "start_date_in_role is before start_date_with_council",
            parsed_date(START_IN_ROLE) < start,
            severity="warning",
        ),
        CellRule(
            "HR-START-FUTURE",
            START_WITH_COUNCIL,
            "start_date_with_council is in the future",
            start > pl.lit(today),
        ),
        *(
            rule
            for code, column in (
                ("HR-START-WITH-COUNCIL", START_WITH_COUNCIL),
                ("HR-START-IN-ROLE", START_IN_ROLE),
                ("HR-LEAVING", LEAVING_DATE),
            )
            for rule in date_range_rules(code, column, parsed_date(column), today=today)
            if rule.code not in ("HR-START-WITH-COUNCIL-FUTURE", "HR-LEAVING-FUTURE")
        ),
        CellRule(
            "HR-LEAVING-FUTURE",
            LEAVING_DATE,
            "leaving_date is in the future (notice given?): the person is counted as in post",
            parsed_date(LEAVING_DATE) > pl.lit(today),
            severity="warning",
        ),
        *(
            CellRule(
                rule.code,
                rule.column,
                rule.message,
                rule.fires,
                severity="warning",
                reveal_value=False,
            )
            for rule in date_range_rules(
                "HR-DATE-OF-BIRTH", DATE_OF_BIRTH, parsed_date(DATE_OF_BIRTH), today=today
            )
        ),
        CellRule(
            "HR-DATE-OF-BIRTH-DATE",
            DATE_OF_BIRTH,
            "date_of_birth is not a date (YYYY-MM-DD)",
            _bad_date(DATE_OF_BIRTH, required=False),
            severity="warning",
            reveal_value=False,
        ),
        CellRule(
            "HR-SEX-INVALID",
            SEX,
            "sex must be F or M, or blank if not recorded",
            (pl.col(SEX) != "") & ~pl.col(SEX).str.to_uppercase().is_in(list(SEXES)),
            severity="warning",
        ),
    ]


def _keyed_hash(values: pl.Series, secret: bytes) -> pl.Series:
    return pl.Series(
        values.name,
        [
            hmac.new(secret, f"hr\x1f{v}".encode(), hashlib.sha256).hexdigest()[:32]
            for v in values.to_list()
        ],
        dtype=pl.String,
    )


def hr_staff_frame(raw: pl.DataFrame, *, reference_date: dt.date, secret: bytes) -> pl.DataFrame:
    """The canonical ``hr_staff`` dataset: no date of birth, no employee reference in clear."""
    birth = parsed_date(DATE_OF_BIRTH)
    ref = pl.lit(reference_date)
    before_birthday = (ref.dt.month() < birth.dt.month()) | (
        (ref.dt.month() == birth.dt.month()) & (ref.dt.day() < birth.dt.day())
    )
    age = ref.dt.year() - birth.dt.year() - before_birthday.cast(pl.Int32)
    fte = pl.col(FTE).cast(pl.Float64, strict=False)
    contract = pl.col(CONTRACT_TYPE).str.to_uppercase()
    keys = sorted(CONTRACT_TYPES)
    frame = raw.select(
        _keyed_hash(raw[EMPLOYEE_REF], secret).alias("person_id"),
        pl.col(AREA_CODE).alias("area_code"),
        pl.col(ROLE).alias("role"),
        pl.col(ROLE_GROUP).alias("role_group"),
        pl.col(QUALIFIED_SOCIAL_WORKER)
        .str.to_uppercase()
        .str.starts_with("Y")
        .alias("qualified_social_worker"),
        pl.col(TEAM).alias("team"),
        fte.alias("fte"),
        contract.replace_strict(keys, [CONTRACT_TYPES[k] for k in keys], default=None).alias(
            "contract"
        ),
        pl.col(ZERO_HOURS).str.to_uppercase().str.starts_with("Y").alias("zero_hours_contract"),
        parsed_date(START_IN_ROLE).alias("start_date_in_role"),
        parsed_date(START_WITH_COUNCIL).alias("start_date_with_council"),
        parsed_date(LEAVING_DATE).alias("leaving_date"),
        pl.when(pl.col(LEAVING_REASON) != "").then(pl.col(LEAVING_REASON)).alias("leaving_reason"),
        pl.when(age.is_between(14, 100)).then(age).cast(pl.Int16).alias("age"),
        pl.col(SEX)
        .str.to_uppercase()
        .replace_strict(list(SEXES), list(SEXES.values()), default=None)
        .alias("sex"),
        ethnicity_group_of_text(pl.col(ETHNICITY)).alias("ethnicity_group"),
        nationality_group_of_text(pl.col(NATIONALITY)).alias("nationality_group"),
    )
    # Casual staff have no FTE: they are not full time.
    return frame.with_columns((pl.col("fte") >= FULL_TIME_FTE).fill_null(False).alias("full_time"))
