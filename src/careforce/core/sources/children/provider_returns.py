"""Children's independent providers' aggregate returns: checks and canonical ``provider_returns``."""

from __future__ import annotations

import datetime as dt

import polars as pl

from careforce.core.sources.children.hr_extract import parsed_date
from careforce.core.sources.children.validation import CellRule, date_range_rules

FILE = "provider_returns"
"""Name of the source in findings."""

IDENTITY_COLUMNS = ("area_code", "provider_ref", "provider_name", "service_type", "reference_date")
"""Columns that say who the return is from and when."""

BREAKDOWNS: dict[str, tuple[str, ...]] = {
    "sex": ("female", "male"),
    "age_group": ("age_under_25", "age_25_54", "age_55_plus"),
    "ethnicity_group": ("ethnicity_white", "ethnicity_black_and_other"),
    "nationality_group": ("nationality_british", "nationality_eu", "nationality_outside_eu"),
    "contract": ("permanent", "temporary", "bank_or_pool"),
    "years_in_role": ("years_in_role_under_3", "years_in_role_3_to_9", "years_in_role_10_plus"),
    "years_in_sector": (
        "years_in_sector_under_3",
        "years_in_sector_3_to_9",
        "years_in_sector_10_plus",
    ),
    "qualification_level": (
        "qualification_none",
        "qualification_entry_or_level_1",
        "qualification_level_2",
        "qualification_level_3",
        "qualification_level_4_plus",
    ),
    "working_pattern": ("full_time", "part_time"),
}
"""Count columns of each breakdown; the counts of a breakdown add up to at most ``headcount``."""

LABELS: dict[str, str] = {
    "female": "Female",
    "male": "Male",
    "age_under_25": "under 25",
    "age_25_54": "25-54",
    "age_55_plus": "55 and over",
    "ethnicity_white": "White",
    "ethnicity_black_and_other": "Black and other ethnic groups",
    "nationality_british": "British",
    "nationality_eu": "EU",
    "nationality_outside_eu": "Outside EU",
    "permanent": "Permanent",
    "temporary": "Temporary",
    "bank_or_pool": "Pool/Bank",
    "years_in_role_under_3": "under 3 years",
    "years_in_role_3_to_9": "3 to 9 years",
    "years_in_role_10_plus": "10 years or more",
    "years_in_sector_under_3": "under 3 years",
    "years_in_sector_3_to_9": "3 to 9 years",
    "years_in_sector_10_plus": "10 years or more",
    "qualification_none": "no relevant qualification",
    "qualification_entry_or_level_1": "entry or level 1",
    "qualification_level_2": "level 2",
    "qualification_level_3": "level 3",
    "qualification_level_4_plus": "level 4 or above",
    "full_time": "full time",
    "part_time": "part time",
}
"""Category labels, matching the adult measures' categories where the meaning is the same."""

COUNT_COLUMNS = (
    "headcount",
    *(c for columns in BREAKDOWNS.values() for c in columns),
    "zero_hours",
    "starters",
    "leavers",
    "vacancies",
)
"""Every column that holds a count of people."""

REQUIRED_COLUMNS = (*IDENTITY_COLUMNS, *COUNT_COLUMNS)
"""Columns a provider return must have (pay columns are optional)."""

MAX_COUNT = 100_000
"""The largest count of people one provider's return may hold: a plausibility bound set far
above the workforce of any one provider of children's social care (a large council's whole
children's social care workforce is a few thousand), so a larger count is a typing slip. It
also keeps every count within a 64-bit integer: a 20-digit count used to be read as no number
and silently dropped the provider from every measure."""
MAX_TURNOVER = 3
"""Starters or leavers in a year may be at most this many times the headcount. A turnover of
300% means every post changed hands three times in the year; a real return does not come near
it, so more is a typing slip (``leavers=100000`` beside a headcount of 84 gave a turnover of
1,190)."""


def _count(column: str) -> pl.Expr:
    """A count column as a number (null when blank or not a whole number of at most nine
    digits, so it never overflows)."""
    value = pl.col(column)
    return pl.when(value.str.contains(r"^[0-9]{1,9}$")).then(value.cast(pl.Int64, strict=False))


def provider_rules(*, today: dt.date) -> list[CellRule]:
    """Every check on the cells of a provider returns file (``today``: the day of the check,
    for dates in the future)."""
    rules = [
        CellRule(
            "PR-PROVIDER-REF-BLANK",
            "provider_ref",
            "provider_ref has not been supplied",
            pl.col("provider_ref") == "",
        ),
        CellRule(
            "PR-PROVIDER-REF-DUPLICATE",
            "provider_ref",
            "provider_ref is not unique: an earlier row is the same provider",
            (pl.col("provider_ref") != "") & ~pl.col("provider_ref").is_first_distinct(),
        ),
        CellRule(
            "PR-REFERENCE-DATE",
            "reference_date",
            "reference_date must be a date (YYYY-MM-DD)",
            parsed_date("reference_date").is_null(),
        ),
        *date_range_rules(
            "PR-REFERENCE-DATE", "reference_date", parsed_date("reference_date"), today=today
        ),
    ]
    for column in COUNT_COLUMNS:
        code = f"PR-{column.upper().replace('_', '-')}"
        rules.append(
            CellRule(
                f"{code}-INVALID",
                column,
                f"{column} must be a whole number, 0 or more",
                ~pl.col(column).str.contains(r"^[0-9]+$"),
            )
        )
        rules.append(
            CellRule(
                f"{code}-TOO-LARGE",
                column,
                f"{column} is more than {MAX_COUNT:,}, more than any one provider employs",
                pl.col(column).str.contains(r"^[0-9]+$")
                & (_count(column).fill_null(MAX_COUNT + 1) > MAX_COUNT),
            )
        )
    headcount = _count("headcount")
    for column in ("starters", "leavers"):
        rules.append(
            CellRule(
                f"PR-{column.upper()}-OVER-HEADCOUNT",
                f"headcount/{column}",
                f"{column} are more than {MAX_TURNOVER} times the headcount",
                _count(column) > headcount * MAX_TURNOVER,
            )
        )
    for name, columns in BREAKDOWNS.items():
        total = pl.sum_horizontal(_count(c) for c in columns)
        rules.append(
            CellRule(
                f"PR-{name.upper().replace('_', '-')}-TOTAL",
                "/".join(columns),
                f"The {name.replace('_', ' ')} counts add up to more than the headcount",
                total > headcount,
            )
        )
    return rules


def provider_returns_frame(raw: pl.DataFrame) -> pl.DataFrame:
    """The canonical ``provider_returns`` dataset: counts as integers, dates as dates."""
    return raw.select(
        *(pl.col(c) for c in IDENTITY_COLUMNS if c != "reference_date"),
        parsed_date("reference_date").alias("reference_date"),
        *(_count(c).alias(c) for c in COUNT_COLUMNS),
    )
