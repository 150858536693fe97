"""Field rules of the training file (one row per training record)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from careforce.core.sources.ascwds.catalogue import rule
from careforce.core.sources.ascwds.common import EMPTY_ROW, LIVE, row_shape_checks
from careforce.core.sources.ascwds.expressions import (
    blank,
    filled,
    filled_not_one_of,
    integer,
    strict_date,
    text,
    too_long,
)
from careforce.core.sources.ascwds.findings import Check, FileKind, Rule, Severity, check
from careforce.core.vocab import training_codes
from careforce.core.vocab.ascwds_columns import TrainingColumn as T

_FILE = FileKind.TRAINING

COMPLETED = "_completed"
"""Derived: DATECOMPLETED as a date."""
EXPIRES = "_expires"
"""Derived: EXPIRYDATE as a date."""
VALIDITY_MONTHS = "_validity_months"
"""Derived: VALIDITY as a number of months (null for blank, 'none' or invalid)."""

ID_LENGTH = 50
"""Longest LOCALESTID and UNIQUEWORKERID in the training file."""
NAME_LENGTH = 120
"""Longest TRAININGNAME ASC-WDS accepts."""
NOTES_LENGTH = 1000
"""Longest NOTES ASC-WDS accepts."""
MAX_VALIDITY_MONTHS = 999
"""Longest validity period, in months."""
EXTERNAL_PROVIDER = 2
"""WHODELIVERED code for an external training provider."""
DOES_NOT_EXPIRE = "NONE"
"""VALIDITY value (any case) meaning the training does not expire."""


def _error(slug: str, column: str, message: str, guidance: str, asc: int | None = None) -> Rule:
    return rule(_FILE, Severity.ERROR, slug, column, message, guidance=guidance, asc=asc)


def _warning(slug: str, column: str, message: str, guidance: str, asc: int | None = None) -> Rule:
    return rule(_FILE, Severity.WARNING, slug, column, message, guidance=guidance, asc=asc)


def derived_expiry(completed: pl.Expr, months: pl.Expr) -> pl.Expr:
    """Expiry worked out from completion and validity: completion + months − 1 day."""
    return completed.dt.offset_by(pl.format("{}mo", months)).dt.offset_by("-1d")


def add_training_columns(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Add the derived columns the training rules read."""
    validity = text(T.VALIDITY)
    return frame.with_columns(
        strict_date(T.DATECOMPLETED).alias(COMPLETED),
        strict_date(T.EXPIRYDATE).alias(EXPIRES),
        pl.when(validity.str.contains(r"^[0-9]+$"))
        .then(integer(T.VALIDITY))
        .otherwise(None)
        .alias(VALIDITY_MONTHS),
    )


_live = pl.col(LIVE)
_row = ~pl.col(EMPTY_ROW)

_LOCAL_BLANK = _error(
    "LOCALESTID-BLANK",
    T.LOCALESTID,
    "LOCALESTID has not been supplied",
    "Give the workplace reference of the staff record this training belongs to.",
    1000,
)
_LOCAL_LONG = _error(
    "LOCALESTID-TOO-LONG",
    T.LOCALESTID,
    f"LOCALESTID is longer than {ID_LENGTH} characters",
    "Use the workplace reference as in the workplace file.",
    1000,
)
_WORKER_BLANK = _error(
    "UNIQUEWORKERID-BLANK",
    T.UNIQUEWORKERID,
    "UNIQUEWORKERID has not been supplied",
    "Give the staff reference as in the staff file.",
    1010,
)
_WORKER_LONG = _error(
    "UNIQUEWORKERID-TOO-LONG",
    T.UNIQUEWORKERID,
    f"UNIQUEWORKERID is longer than {ID_LENGTH} characters",
    "Use the staff reference as in the staff file.",
    1010,
)
_CATEGORY_BLANK = _error(
    "CATEGORY-BLANK",
    T.CATEGORY,
    "CATEGORY has not been supplied",
    "Give the training category code.",
    1050,
)
_CATEGORY_INVALID = _error(
    "CATEGORY-INVALID",
    T.CATEGORY,
    "The code you have entered for CATEGORY is not a training category",
    "Use a training category code from the ASC-WDS list (3, 4 and 24 are no longer used).",
    1050,
)
_NAME_LONG = _error(
    "TRAININGNAME-TOO-LONG",
    T.TRAININGNAME,
    f"TRAININGNAME is longer than {NAME_LENGTH} characters",
    f"Shorten the course title to {NAME_LENGTH} characters or fewer.",
    1040,
)
_ACCREDITED_INVALID = _error(
    "ACCREDITED-INVALID",
    T.ACCREDITED,
    "ACCREDITED is invalid",
    "Use 1 (yes), 0 (no), 999 (don't know) or leave blank.",
    1060,
)
_WHO_INVALID = _error(
    "WHODELIVERED-INVALID",
    T.WHODELIVERED,
    "The code you have entered for WHODELIVERED is invalid",
    "Use 1 (in-house staff), 2 (external provider) or leave blank.",
    1080,
)
_PROVIDER_IGNORED = _warning(
    "PROVIDERNAME-NOT-REQUIRED",
    f"{T.WHODELIVERED}/{T.PROVIDERNAME}",
    "PROVIDERNAME will be ignored as WHODELIVERED is not 2 (external provider)",
    "Give PROVIDERNAME only for training delivered by an external provider.",
    2090,
)
_PROVIDER_INVALID = _error(
    "PROVIDERNAME-INVALID",
    T.PROVIDERNAME,
    "The code you have entered for PROVIDERNAME is invalid",
    "Use a training provider code from the ASC-WDS list, or 999 (other).",
    1090,
)
_HOW_INVALID = _error(
    "HOWDELIVERED-INVALID",
    T.HOWDELIVERED,
    "The code you have entered for HOWDELIVERED is invalid",
    "Use 1 (face to face), 2 (e-learning) or leave blank.",
    1100,
)
_VALIDITY_INVALID = _error(
    "VALIDITY-INVALID",
    T.VALIDITY,
    f'VALIDITY should be either "none" or a number of months between 1 and {MAX_VALIDITY_MONTHS}',
    "Give the number of months the training is valid for, or none.",
    1110,
)
_VALIDITY_NONE_EXPIRY = _warning(
    "VALIDITY-NONE-EXPIRYDATE",
    f"{T.EXPIRYDATE}/{T.VALIDITY}",
    "VALIDITY is none but an EXPIRYDATE is given",
    "Remove the expiry date, or give the validity in months.",
    2110,
)
_VALIDITY_MISMATCH = _warning(
    "VALIDITY-EXPIRYDATE-MISMATCH",
    f"{T.EXPIRYDATE}/{T.VALIDITY}",
    "EXPIRYDATE does not match DATECOMPLETED plus VALIDITY",
    "Check the expiry date, or leave it blank to have it worked out from the validity.",
    2110,
)
_COMPLETED_FORMAT = _error(
    "DATECOMPLETED-FORMAT",
    T.DATECOMPLETED,
    "DATECOMPLETED is incorrectly formatted",
    "Give the date as DD/MM/YYYY with leading zeros, e.g. 05/03/2024.",
    1020,
)
_COMPLETED_FUTURE = _error(
    "DATECOMPLETED-FUTURE",
    T.DATECOMPLETED,
    "DATECOMPLETED is in the future",
    "Check the completion date.",
    1020,
)
_EXPIRY_FORMAT = _error(
    "EXPIRYDATE-FORMAT",
    T.EXPIRYDATE,
    "EXPIRYDATE is incorrectly formatted",
    "Give the date as DD/MM/YYYY with leading zeros, e.g. 05/03/2027.",
    1030,
)
_EXPIRY_BEFORE = _error(
    "EXPIRYDATE-NOT-AFTER-COMPLETED",
    f"{T.EXPIRYDATE}/{T.DATECOMPLETED}",
    "EXPIRYDATE must be after DATECOMPLETED",
    "Check the two dates.",
    1030,
)
_NOTES_LONG = _error(
    "NOTES-TOO-LONG",
    T.NOTES,
    f"NOTES is longer than {NOTES_LENGTH} characters",
    f"Shorten the notes to {NOTES_LENGTH} characters or fewer.",
    1070,
)


RULES: tuple[Rule, ...] = (
    _LOCAL_BLANK,
    _LOCAL_LONG,
    _WORKER_BLANK,
    _WORKER_LONG,
    _CATEGORY_BLANK,
    _CATEGORY_INVALID,
    _NAME_LONG,
    _ACCREDITED_INVALID,
    _WHO_INVALID,
    _PROVIDER_IGNORED,
    _PROVIDER_INVALID,
    _HOW_INVALID,
    _VALIDITY_INVALID,
    _VALIDITY_NONE_EXPIRY,
    _VALIDITY_MISMATCH,
    _COMPLETED_FORMAT,
    _COMPLETED_FUTURE,
    _EXPIRY_FORMAT,
    _EXPIRY_BEFORE,
    _NOTES_LONG,
)
"""The rules declared here, in catalogue order."""


def training_checks(*, today: dt.date) -> list[Check]:
    """Every field rule of the training file, bound to its expressions."""
    completed = pl.col(COMPLETED)
    expires = pl.col(EXPIRES)
    months = pl.col(VALIDITY_MONTHS)
    validity = text(T.VALIDITY)
    category = integer(T.CATEGORY)
    does_not_expire = validity.str.to_uppercase() == DOES_NOT_EXPIRE
    external = integer(T.WHODELIVERED) == EXTERNAL_PROVIDER
    return [
        *row_shape_checks(_FILE),
        check(_LOCAL_BLANK, _row & blank(T.LOCALESTID)),
        check(_LOCAL_LONG, _row & too_long(T.LOCALESTID, ID_LENGTH)),
        check(_WORKER_BLANK, _row & blank(T.UNIQUEWORKERID)),
        check(_WORKER_LONG, _row & too_long(T.UNIQUEWORKERID, ID_LENGTH)),
        check(_COMPLETED_FORMAT, _live & filled(T.DATECOMPLETED) & completed.is_null()),
        check(_COMPLETED_FUTURE, _live & (completed > pl.lit(today))),
        check(_EXPIRY_FORMAT, _live & filled(T.EXPIRYDATE) & expires.is_null()),
        check(_EXPIRY_BEFORE, _live & (expires <= completed)),
        check(_NAME_LONG, _live & too_long(T.TRAININGNAME, NAME_LENGTH)),
        check(_CATEGORY_BLANK, _live & blank(T.CATEGORY)),
        check(
            _CATEGORY_INVALID,
            _live
            & filled(T.CATEGORY)
            & ~category.is_in(sorted(training_codes.TRAINING_CATEGORY.codes)).fill_null(False),
        ),
        check(
            _ACCREDITED_INVALID,
            _live & filled_not_one_of(T.ACCREDITED, training_codes.ACCREDITED.codes),
        ),
        check(
            _NOTES_LONG,
            _live & too_long(T.NOTES, NOTES_LENGTH),
            pl.format("[{} characters]", text(T.NOTES).str.len_chars()),
        ),
        check(
            _WHO_INVALID,
            _live & filled_not_one_of(T.WHODELIVERED, training_codes.WHO_DELIVERED.codes),
        ),
        check(_PROVIDER_IGNORED, _live & filled(T.PROVIDERNAME) & ~external.fill_null(False)),
        check(
            _PROVIDER_INVALID,
            _live
            & external.fill_null(False)
            & filled_not_one_of(T.PROVIDERNAME, training_codes.TRAINING_PROVIDER.codes),
        ),
        check(
            _HOW_INVALID,
            _live & filled_not_one_of(T.HOWDELIVERED, training_codes.HOW_DELIVERED.codes),
        ),
        check(
            _VALIDITY_INVALID,
            _live
            & filled(T.VALIDITY)
            & ~does_not_expire
            & ~((months >= 1) & (months <= MAX_VALIDITY_MONTHS)).fill_null(False),
        ),
        check(_VALIDITY_NONE_EXPIRY, _live & does_not_expire & filled(T.EXPIRYDATE)),
        check(
            _VALIDITY_MISMATCH,
            _live
            & (months >= 1)
            & completed.is_not_null()
            & expires.is_not_null()
            & (expires != derived_expiry(completed, months)),
        ),
    ]
