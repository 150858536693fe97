"""Workplace file: employer type, CQC and local authority permissions, CQC registration
(REGTYPE, PROVNUM, LOCATIONID)."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    blank,
    equals,
    filled,
    filled_not_one_of,
    text,
    too_long,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.workplace_common import (
    CQC_ID_PATTERN,
    CQC_REGISTERED,
    MAIN_SERVICE,
    NOT_REGISTERED,
    OTHER_EMPLOYER_TYPE,
    OTHER_TYPE_LENGTH,
    REGISTRATION,
    error,
    warning,
)
from careforce.core.vocab import code_table, workplace_codes
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W

_live = pl.col(LIVE)
_main = pl.col(MAIN_SERVICE)
_regtype = pl.col(REGISTRATION)

_ESTTYPE_BLANK = error(
    "ESTTYPE-BLANK",
    W.ESTTYPE,
    "ESTTYPE has not been supplied",
    "Give the employer type code: 1, 3, 6, 7 or 8.",
    1070,
)
_ESTTYPE_INVALID = error(
    "ESTTYPE-INVALID",
    W.ESTTYPE,
    "The code you have entered for ESTTYPE is not a valid employer type",
    "Use 1 (local authority adult services), 3 (local authority other), 6 (private), "
    "7 (voluntary or charity) or 8 (other).",
    1070,
)
_OTHERTYPE_MISSING = warning(
    "OTHERTYPE-MISSING",
    W.OTHERTYPE,
    "OTHERTYPE has not been supplied although ESTTYPE is 8 (Other)",
    "Describe the employer type in OTHERTYPE.",
    2070,
)
_OTHERTYPE_LONG = error(
    "OTHERTYPE-TOO-LONG",
    W.OTHERTYPE,
    f"OTHERTYPE is longer than {OTHER_TYPE_LENGTH} characters",
    f"Shorten OTHERTYPE to {OTHER_TYPE_LENGTH} characters or fewer.",
    1070,
)
_OTHERTYPE_IGNORED = warning(
    "OTHERTYPE-NOT-REQUIRED",
    W.OTHERTYPE,
    "OTHERTYPE will be ignored as ESTTYPE is not 8 (Other)",
    "Leave OTHERTYPE blank unless ESTTYPE is 8.",
    2070,
)
_PERMCQC_INVALID = error(
    "PERMCQC-INVALID",
    W.PERMCQC,
    "The code you have entered for PERMCQC is incorrect",
    "Use 1 (yes), 0 (no) or leave blank.",
    1080,
)
_PERMLA_INVALID = error(
    "PERMLA-INVALID",
    W.PERMLA,
    "The code you have entered for PERMLA is incorrect",
    "Use 1 (yes), 0 (no) or leave blank.",
    1090,
)
_REGTYPE_BLANK = error(
    "REGTYPE-BLANK",
    W.REGTYPE,
    "REGTYPE has not been supplied",
    "Use 2 for a CQC-regulated workplace, 0 otherwise.",
    1100,
)
_REGTYPE_INVALID = error(
    "REGTYPE-INVALID",
    W.REGTYPE,
    "The code you have entered for REGTYPE is incorrect",
    "Use 2 for a CQC-regulated workplace, 0 otherwise.",
    1100,
)
_REGTYPE_CQC_WITHOUT_SERVICE = error(
    "REGTYPE-CQC-MAINSERVICE",
    f"{W.REGTYPE}/{W.MAINSERVICE}",
    "REGTYPE is 2 (CQC) but the main service is not a CQC-regulated service",
    "Change either REGTYPE or MAINSERVICE.",
    1100,
)
_REGTYPE_NONCQC_WITH_SERVICE = error(
    "REGTYPE-NONCQC-MAINSERVICE",
    f"{W.REGTYPE}/{W.MAINSERVICE}",
    "REGTYPE is 0 (not CQC) but the main service is a CQC-regulated service",
    "Change either REGTYPE or MAINSERVICE.",
    1100,
)
_PROVNUM_BLANK = error(
    "PROVNUM-BLANK",
    W.PROVNUM,
    "PROVNUM has not been supplied although REGTYPE is 2 (CQC)",
    "Give the CQC provider ID, e.g. 1-101234567.",
    1105,
)
_PROVNUM_FORMAT = error(
    "PROVNUM-FORMAT",
    W.PROVNUM,
    "PROVNUM is incorrectly formatted",
    "A CQC provider ID is a digit, a hyphen and 8 to 12 digits, e.g. 1-101234567.",
    1105,
)
_PROVNUM_IGNORED = warning(
    "PROVNUM-NOT-REQUIRED",
    W.PROVNUM,
    "PROVNUM will be ignored as not required for this REGTYPE",
    "Leave PROVNUM blank for workplaces that CQC does not regulate.",
    2105,
)
_LOCATION_BLANK = error(
    "LOCATIONID-BLANK",
    W.LOCATIONID,
    "LOCATIONID has not been supplied although REGTYPE is 2 (CQC)",
    "Give the CQC location ID, e.g. 1-1000210669.",
    1110,
)
_LOCATION_FORMAT = error(
    "LOCATIONID-FORMAT",
    W.LOCATIONID,
    "LOCATIONID is incorrectly formatted",
    "A CQC location ID is a digit, a hyphen and 8 to 12 digits, e.g. 1-1000210669.",
    1110,
)
_LOCATION_DUPLICATE = error(
    "LOCATIONID-DUPLICATE",
    W.LOCATIONID,
    "LOCATIONID is not unique: an earlier workplace row has the same CQC location ID",
    "Each CQC location belongs to one workplace. Check the location IDs.",
    998,
)
_LOCATION_IGNORED = warning(
    "LOCATIONID-NOT-REQUIRED",
    W.LOCATIONID,
    "LOCATIONID will be ignored as not required for this REGTYPE",
    "Leave LOCATIONID blank for workplaces that CQC does not regulate.",
    2110,
)

RULES: tuple[Rule, ...] = (
    _ESTTYPE_BLANK,
    _ESTTYPE_INVALID,
    _OTHERTYPE_MISSING,
    _OTHERTYPE_LONG,
    _OTHERTYPE_IGNORED,
    _PERMCQC_INVALID,
    _PERMLA_INVALID,
    _REGTYPE_BLANK,
    _REGTYPE_INVALID,
    _REGTYPE_CQC_WITHOUT_SERVICE,
    _REGTYPE_NONCQC_WITH_SERVICE,
    _PROVNUM_BLANK,
    _PROVNUM_FORMAT,
    _PROVNUM_IGNORED,
    _LOCATION_BLANK,
    _LOCATION_FORMAT,
    _LOCATION_DUPLICATE,
    _LOCATION_IGNORED,
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """Employer type, permissions, and CQC registration against the main service."""
    cqc_service = _main.is_in(sorted(workplace_codes.CQC_REGULATED_SERVICES))
    head_office = _main == workplace_codes.HEAD_OFFICE_SERVICE
    known_service = _main.is_in(sorted(workplace_codes.SERVICE.codes))
    is_cqc = _regtype == CQC_REGISTERED
    not_cqc = _regtype == NOT_REGISTERED
    return [
        check(_ESTTYPE_BLANK, _live & blank(W.ESTTYPE)),
        check(
            _ESTTYPE_INVALID,
            _live & filled_not_one_of(W.ESTTYPE, workplace_codes.EMPLOYER_TYPE.codes),
        ),
        check(
            _OTHERTYPE_MISSING, _live & equals(W.ESTTYPE, OTHER_EMPLOYER_TYPE) & blank(W.OTHERTYPE)
        ),
        check(
            _OTHERTYPE_LONG,
            _live
            & equals(W.ESTTYPE, OTHER_EMPLOYER_TYPE)
            & too_long(W.OTHERTYPE, OTHER_TYPE_LENGTH),
        ),
        check(
            _OTHERTYPE_IGNORED,
            _live
            & filled(W.ESTTYPE)
            & ~equals(W.ESTTYPE, OTHER_EMPLOYER_TYPE)
            & filled(W.OTHERTYPE),
        ),
        check(_PERMCQC_INVALID, _live & filled_not_one_of(W.PERMCQC, code_table.PERMISSION.codes)),
        check(_PERMLA_INVALID, _live & filled_not_one_of(W.PERMLA, code_table.PERMISSION.codes)),
        check(_REGTYPE_BLANK, _live & blank(W.REGTYPE)),
        check(
            _REGTYPE_INVALID,
            _live & filled_not_one_of(W.REGTYPE, workplace_codes.REGISTRATION_TYPE.codes),
        ),
        check(
            _REGTYPE_CQC_WITHOUT_SERVICE,
            _live & is_cqc & known_service & ~cqc_service & ~head_office,
        ),
        check(_REGTYPE_NONCQC_WITH_SERVICE, _live & not_cqc & cqc_service),
        check(_PROVNUM_BLANK, _live & is_cqc & blank(W.PROVNUM)),
        check(
            _PROVNUM_FORMAT,
            _live & is_cqc & filled(W.PROVNUM) & ~text(W.PROVNUM).str.contains(CQC_ID_PATTERN),
        ),
        check(_PROVNUM_IGNORED, _live & not_cqc & filled(W.PROVNUM)),
        check(_LOCATION_BLANK, _live & is_cqc & ~head_office & blank(W.LOCATIONID)),
        check(
            _LOCATION_FORMAT,
            _live
            & is_cqc
            & filled(W.LOCATIONID)
            & ~text(W.LOCATIONID).str.contains(CQC_ID_PATTERN),
        ),
        check(
            _LOCATION_DUPLICATE,
            _live
            & is_cqc
            & filled(W.LOCATIONID)
            & ~pl.when(_live & is_cqc & filled(W.LOCATIONID))
            .then(pl.col(W.LOCATIONID))
            .is_first_distinct(),
        ),
        check(_LOCATION_IGNORED, _live & not_cqc & filled(W.LOCATIONID)),
    ]
