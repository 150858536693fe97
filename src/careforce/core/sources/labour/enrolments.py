"""DfE Explore Education Statistics CSVs: further education and skills learning aim enrolments
and apprenticeship starts by sector subject area.

Columns are found by name, old and new: the sector subject area in ``ssa_t2_desc`` /
``ssa_tier_2`` (tier 2, preferred) or ``ssa_t1_desc`` / ``ssa_tier_1``; enrolments in
``e_and_t_aims_enrolments`` (older files) or ``enrolments``; starts in ``starts``. The area code
is read from the column of the row's ``geographic_level`` (``country_code``, ``region_code``,
``new_la_code``, ``lad_code``, ``lsip_code``...). Other filters (sex, ethnicity, level, age) are
kept at their ``Total`` rows when the file has them, and summed otherwise. EES symbols are kept:
``x`` not available, ``z`` not applicable, ``c`` confidential, ``low`` fewer than 5.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

import polars as pl

from careforce.core.sources.labour.common import (
    combined,
    find_column,
    findings,
    number,
    ragged_rows,
    require,
)
from careforce.core.vocab.ascwds_columns import LINE


class SkillsMeasure(StrEnum):
    """What an EES file counts."""

    ENROLMENTS = "enrolments"
    APPRENTICESHIP_STARTS = "apprenticeship_starts"


FILES: Final[dict[SkillsMeasure, str]] = {
    SkillsMeasure.ENROLMENTS: "enrolments",
    SkillsMeasure.APPRENTICESHIP_STARTS: "apprenticeships",
}
"""Name of each source in findings."""

VALUE_COLUMNS: Final[dict[SkillsMeasure, tuple[str, ...]]] = {
    SkillsMeasure.ENROLMENTS: ("e_and_t_aims_enrolments", "enrolments", "aim_enrolments"),
    SkillsMeasure.APPRENTICESHIP_STARTS: ("starts",),
}
"""Indicator columns holding the count, newest name last."""

SUBJECT_COLUMNS: Final = ("ssa_t2_desc", "ssa_tier_2", "ssa_t1_desc", "ssa_tier_1")
"""Sector subject area columns, tier 2 first (the strategy's areas are tier 2)."""

LEVEL_CODES: Final[dict[str, tuple[str, str]]] = {
    "national": ("country_code", "country_name"),
    "regional": ("region_code", "region_name"),
    "local authority": ("new_la_code", "la_name"),
    "local authority district": ("lad_code", "lad_name"),
    "local skills improvement plan area": ("lsip_code", "lsip_name"),
    "parliamentary constituency": ("pcon_code", "pcon_name"),
    "local enterprise partnership": (
        "local_enterprise_partnership_code",
        "local_enterprise_partnership_name",
    ),
    "english devolved area": ("english_devolved_area_code", "english_devolved_area_name"),
}
"""Code and name columns of each ``geographic_level``."""

FILTER_COLUMNS: Final = (
    "sex",
    "ethnicity_group",
    "ethnicity_major",
    "notional_nvq_level",
    "apps_level",
    "age_summary",
    "age_group",
    "level_or_type",
    "provision_type",
    "regulated_status",
    "learner_home_depriv",
    "lldd",
)
"""Filters other than area and subject: kept at ``Total`` when present."""

TOTAL_VALUE: Final = "total"
"""How EES names the all-categories row of a filter (compared ignoring case)."""

SYMBOLS: Final[dict[str, str]] = {"x": "[x]", "z": "[z]", "c": "[c]", "low": "[low]"}
"""EES symbols and the GSS shorthand they are kept as."""

MEASURE: Final = "measure"
ACADEMIC_YEAR: Final = "academic_year"
YEAR: Final = "year"
LEVEL: Final = "geographic_level"
AREA_CODE: Final = "area_code"
AREA_NAME: Final = "area_name"
SUBJECT: Final = "sector_subject_area"
VALUE: Final = "value"
SYMBOL: Final = "symbol"
"""Canonical columns of ``enrolments``."""


def academic_year(period: pl.Expr) -> pl.Expr:
    """``202021`` (or ``2020/21``) as ``2020/21``; null when it is neither."""
    text = period.str.strip_chars().str.replace("/", "")
    return pl.when(text.str.contains(r"^[0-9]{6}$")).then(
        pl.concat_str(text.str.slice(0, 4), pl.lit("/"), text.str.slice(4, 2))
    )


def skills_rows(raw: pl.DataFrame, *, measure: SkillsMeasure) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The canonical rows of an EES enrolments or apprenticeship starts file, and its findings.

    Raises:
        LabourFileError: a column the file must have is missing.
    """
    file = FILES[measure]
    source = f"{file} file"
    period = require(raw, "time_period", source=source)
    value_column = require(raw, *VALUE_COLUMNS[measure], source=source)
    subject = require(raw, *SUBJECT_COLUMNS, source=source)
    level = find_column(raw, "geographic_level")
    frame = raw
    for name in FILTER_COLUMNS:
        column = find_column(frame, name)
        if column is None:
            continue
        is_total = pl.col(column).str.strip_chars().str.to_lowercase() == TOTAL_VALUE
        if frame.select(is_total.any()).item():
            frame = frame.filter(is_total)
    level_text = (pl.col(level) if level else pl.lit("")).str.strip_chars().str.to_lowercase()
    code_expr: pl.Expr = pl.lit(None, dtype=pl.String)
    name_expr: pl.Expr = pl.lit(None, dtype=pl.String)
    for wanted, (code_name, label_name) in LEVEL_CODES.items():
        code_column = find_column(frame, code_name)
        label_column = find_column(frame, label_name)
        if code_column is None:
            continue
        code_expr = pl.when(level_text == wanted).then(pl.col(code_column)).otherwise(code_expr)
        label = pl.col(label_column) if label_column else pl.col(code_column)
        name_expr = pl.when(level_text == wanted).then(label).otherwise(name_expr)
    cell = pl.col(value_column).str.strip_chars()
    value = number(pl.col(value_column))
    symbol = cell.str.to_lowercase().replace_strict(SYMBOLS, default=None)
    rows = frame.select(
        pl.lit(measure.value).alias(MEASURE),
        academic_year(pl.col(period)).alias(ACADEMIC_YEAR),
        (pl.col(level) if level else pl.lit("")).alias(LEVEL),
        code_expr.fill_null("").alias(AREA_CODE),
        name_expr.fill_null("").alias(AREA_NAME),
        pl.col(subject).str.strip_chars().alias(SUBJECT),
        value.alias(VALUE),
        symbol.alias(SYMBOL),
        pl.col(LINE),
    ).with_columns(pl.col(ACADEMIC_YEAR).str.slice(0, 4).cast(pl.Int64).alias(YEAR))
    found = combined(
        [
            ragged_rows(raw, file=file, code="EES-ROW-FIELD-COUNT"),
            findings(
                frame,
                value.is_null() & symbol.is_null(),
                file=file,
                column=value_column,
                code="EES-VALUE",
                message="must be a number or an EES symbol (x, z, c, low)",
            ),
            findings(
                frame,
                value < 0,
                file=file,
                column=value_column,
                code="EES-VALUE-NEGATIVE",
                message="a count cannot be negative",
            ),
            findings(
                frame,
                academic_year(pl.col(period)).is_null(),
                file=file,
                column=period,
                code="EES-TIME-PERIOD",
                message="time_period must be an academic year written as six digits, e.g. 202021",
            ),
        ]
    )
    return rows, found
