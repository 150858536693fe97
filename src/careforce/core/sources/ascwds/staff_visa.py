"""Staff file: Health and Care Worker visa (HANDCVISA) and whether the worker came from abroad
(INOUTUK)."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.expressions import (
    equals,
    filled,
    filled_not_one_of,
    integer,
)
from careforce.core.sources.ascwds.findings import Check, Rule, check
from careforce.core.sources.ascwds.staff_common import (
    NO,
    YES,
    warning,
)
from careforce.core.vocab import code_table, geography_codes
from careforce.core.vocab.ascwds_columns import StaffColumn as S

_live = pl.col(LIVE)

_VISA_NOT_REQUIRED = warning(
    "HANDCVISA-NOT-REQUIRED",
    f"{S.NATIONALITY}/{S.HANDCVISA}",
    "HANDCVISA is not required when the worker is British or has British citizenship",
    "Leave HANDCVISA blank for British nationals and citizens.",
    5570,
)
_VISA_INVALID = warning(
    "HANDCVISA-INVALID",
    S.HANDCVISA,
    "HANDCVISA is incorrectly formatted and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    5570,
)
_INOUT_NOT_REQUIRED = warning(
    "INOUTUK-NOT-REQUIRED",
    f"{S.HANDCVISA}/{S.INOUTUK}",
    "INOUTUK is not required when the worker does not have a Health and Care Worker visa",
    "Give INOUTUK only when HANDCVISA is 1.",
    5580,
)
_INOUT_INVALID = warning(
    "INOUTUK-INVALID",
    S.INOUTUK,
    "INOUTUK is incorrectly formatted and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    5580,
)

RULES: tuple[Rule, ...] = (
    _VISA_NOT_REQUIRED,
    _VISA_INVALID,
    _INOUT_NOT_REQUIRED,
    _INOUT_INVALID,
)
"""The rules declared here, in catalogue order."""


def checks() -> list[Check]:
    """Who is asked about a Health and Care Worker visa, and the answers."""
    nationality = integer(S.NATIONALITY)
    citizenship = integer(S.BRITISHCITIZENSHIP)
    visa_applies = (
        filled(S.NATIONALITY)
        & ~nationality.is_in(
            [geography_codes.NATIONALITY_BRITISH, geography_codes.NATIONALITY_DONT_KNOW]
        ).fill_null(False)
        & (citizenship != YES).fill_null(True)
    ) | ((nationality == geography_codes.NATIONALITY_DONT_KNOW) & (citizenship == NO)).fill_null(
        False
    )
    visa_yes = equals(S.HANDCVISA, YES)
    return [
        check(_VISA_NOT_REQUIRED, _live & filled(S.HANDCVISA) & ~visa_applies),
        check(
            _VISA_INVALID, _live & filled_not_one_of(S.HANDCVISA, code_table.YES_NO_DONT_KNOW.codes)
        ),
        check(_INOUT_NOT_REQUIRED, _live & filled(S.INOUTUK) & ~(visa_yes & visa_applies)),
        check(
            _INOUT_INVALID, _live & filled_not_one_of(S.INOUTUK, code_table.YES_NO_DONT_KNOW.codes)
        ),
    ]
