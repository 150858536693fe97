"""Field rules of the workplace file (one row per workplace)."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.catalogue import rule
from careforce.core.sources.ascwds.common import EMPTY_ROW, LIVE, row_shape_checks, status_checks
from careforce.core.sources.ascwds.expressions import (
    DONT_KNOW,
    any_item_not_in,
    any_item_not_integer,
    blank,
    decimal,
    equals,
    filled,
    filled_not_one_of,
    integer,
    integer_items,
    item_count,
    items,
    key,
    one_of,
    text,
    too_long,
)
from careforce.core.sources.ascwds.findings import Check, FileKind, Rule, Severity, check
from careforce.core.vocab import code_table, staff_codes, workplace_codes
from careforce.core.vocab.ascwds_columns import WorkplaceColumn as W

_FILE = FileKind.WORKPLACE

MAIN_SERVICE = "_main_service"
"""Derived: MAINSERVICE as an integer."""
REGISTRATION = "_regtype"
"""Derived: REGTYPE as an integer."""
PAY_GROUP = "_pay_group"
"""Derived: pay-and-pensions group of the main service (1 sleep-ins and travel time, 2 sleep-ins only, 3 neither)."""
SERVICE_COUNT = "_service_count"
"""Derived: number of services in ALLSERVICES, not counting the 0 that means 'no other services'."""
WORKPLACE_KEY = "_workplace_key"
"""Derived: LOCALESTID with whitespace removed."""
LEAVERS_TOTAL = "_leavers_total"
"""Derived: sum of the known LEAVERS items (999 = don't know is left out)."""
STARTERS_TOTAL = "_starters_total"
"""Derived: sum of the known STARTERS items."""
VACANCIES_TOTAL = "_vacancies_total"
"""Derived: sum of the known VACANCIES items."""

ID_LENGTH = 50
"""Longest LOCALESTID ASC-WDS accepts."""
NAME_LENGTH = 120
"""Longest ESTNAME, SERVICEDESC, OTHERUSERDESC and CWPUSEDESC item ASC-WDS accepts."""
ADDRESS_LENGTH = 40
"""Longest address line or town ASC-WDS accepts."""
POSTCODE_LENGTH = 10
"""Longest POSTCODE ASC-WDS accepts."""
OTHER_TYPE_LENGTH = 240
"""Longest OTHERTYPE ASC-WDS accepts."""
CQC_ID_PATTERN = r"^[0-9]-[0-9]{8,12}$"
"""CQC provider and location identifiers: one digit, a hyphen and 8 to 12 digits."""
UK_POSTCODE_PATTERN = r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$"
"""A UK postcode once spaces and punctuation are removed and letters upper-cased."""
MAX_COUNT = 999
"""Largest staff, starters, leavers or vacancies count ASC-WDS accepts."""
MAX_CAPACITY = 9999
"""Capacities and utilisations must be below this number."""
OTHER_EMPLOYER_TYPE = 8
"""ESTTYPE code 'Other', which needs OTHERTYPE."""
CQC_REGISTERED = 2
"""REGTYPE code for a CQC-regulated workplace."""
NOT_REGISTERED = 0
"""REGTYPE code for a workplace not regulated by CQC."""
PENSION_CONTRIBUTION_RANGE = (3.0, 100.0)
"""ACTUALCONT must be above 3 and no more than 100 (per cent)."""
TRAVEL_RATE_RANGE = (2.5, 200.0)
"""TTDIFFRATE must be between £2.50 and £200 an hour."""
DIFFERENT_TRAVEL_RATE = 3
"""TRAVELTIME code 'A different travel time rate', which needs TTDIFFRATE."""
CWP_OTHER_REASON = 10
"""CWPUSE reason 'For something else', which CWPUSEDESC describes."""
SICK_PAY_ANSWERS = ("0", "1", "UNKNOWN")
"""SICKPAY and PENSION answers: 0 No, 1 Yes, unknown Don't know."""


def _error(slug: str, column: str, message: str, guidance: str, asc: int | None = None) -> Rule:
    return rule(_FILE, Severity.ERROR, slug, column, message, guidance=guidance, asc=asc)


def _warning(slug: str, column: str, message: str, guidance: str, asc: int | None = None) -> Rule:
    return rule(_FILE, Severity.WARNING, slug, column, message, guidance=guidance, asc=asc)


def add_workplace_columns(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Add the derived columns the workplace rules read."""
    pay_groups = workplace_codes.SERVICE_PAY_GROUP
    return frame.with_columns(
        integer(W.MAINSERVICE).alias(MAIN_SERVICE),
        integer(W.REGTYPE).alias(REGISTRATION),
        integer(W.MAINSERVICE)
        .replace_strict(list(pay_groups), list(pay_groups.values()), default=None)
        .alias(PAY_GROUP),
        integer_items(W.ALLSERVICES)
        .list.eval((pl.element() != 0).fill_null(True))
        .list.sum()
        .alias(SERVICE_COUNT),
        key(W.LOCALESTID).alias(WORKPLACE_KEY),
        *(
            _known_total(column).alias(name)
            for column, name in (
                (W.STARTERS, STARTERS_TOTAL),
                (W.LEAVERS, LEAVERS_TOTAL),
                (W.VACANCIES, VACANCIES_TOTAL),
            )
        ),
    )


def _known_total(column: str) -> pl.Expr:
    known = integer_items(column).list.eval(pl.element().filter(pl.element() != int(DONT_KNOW)))
    return known.list.sum()


_live = pl.col(LIVE)
_row = ~pl.col(EMPTY_ROW)
_main = pl.col(MAIN_SERVICE)
_regtype = pl.col(REGISTRATION)

# --- identity --------------------------------------------------------------------------------

_ID_BLANK = _error(
    "LOCALESTID-BLANK",
    W.LOCALESTID,
    "LOCALESTID has not been supplied",
    "Give every workplace your own unique reference in LOCALESTID.",
    1010,
)
_ID_LONG = _error(
    "LOCALESTID-TOO-LONG",
    W.LOCALESTID,
    f"LOCALESTID is longer than {ID_LENGTH} characters",
    f"Shorten the workplace reference to {ID_LENGTH} characters or fewer.",
    1010,
)
_ID_DUPLICATE = _error(
    "LOCALESTID-DUPLICATE",
    W.LOCALESTID,
    "LOCALESTID is not unique: an earlier row has the same workplace reference",
    "Each workplace must appear once. Remove the repeated row or give it its own reference.",
    998,
)
_NAME_BLANK = _error(
    "ESTNAME-BLANK",
    W.ESTNAME,
    "ESTNAME has not been supplied",
    "Give the workplace name.",
    1030,
)
_NAME_LONG = _error(
    "ESTNAME-TOO-LONG",
    W.ESTNAME,
    f"ESTNAME is longer than {NAME_LENGTH} characters",
    f"Shorten the workplace name to {NAME_LENGTH} characters or fewer.",
    1030,
)

# --- address ---------------------------------------------------------------------------------

_ADDRESS1_BLANK = _error(
    "ADDRESS1-BLANK",
    W.ADDRESS1,
    "ADDRESS1 is blank",
    "Give the first line of the workplace address.",
    1040,
)
_ADDRESS_LONG = {
    column: _error(
        f"{column}-TOO-LONG",
        column,
        f"{column} is longer than {ADDRESS_LENGTH} characters",
        f"Shorten {column} to {ADDRESS_LENGTH} characters or fewer.",
        asc,
    )
    for column, asc in (
        (W.ADDRESS1, 1040),
        (W.ADDRESS2, 1045),
        (W.ADDRESS3, 1050),
        (W.POSTTOWN, 1055),
    )
}
_POSTCODE_BLANK = _error(
    "POSTCODE-BLANK",
    W.POSTCODE,
    "POSTCODE has not been supplied",
    "Give the workplace postcode, e.g. ST16 2LX.",
    1060,
)
_POSTCODE_LONG = _error(
    "POSTCODE-TOO-LONG",
    W.POSTCODE,
    f"POSTCODE is longer than {POSTCODE_LENGTH} characters",
    "Give just the postcode, e.g. ST16 2LX.",
    1060,
)
_POSTCODE_FORMAT = _error(
    "POSTCODE-FORMAT",
    W.POSTCODE,
    "POSTCODE is not a valid UK postcode",
    "Check the postcode, e.g. ST16 2LX.",
    1060,
)

# --- employer type and registration ----------------------------------------------------------

_ESTTYPE_BLANK = _error(
    "ESTTYPE-BLANK",
    W.ESTTYPE,
    "ESTTYPE has not been supplied",
    "Give the employer type code: 1, 3, 6, 7 or 8.",
    1070,
)
_ESTTYPE_INVALID = _error(
    "ESTTYPE-INVALID",
    W.ESTTYPE,
    "The code you have entered for ESTTYPE is not a valid employer type",
    "Use 1 (local authority adult services), 3 (local authority other), 6 (private), "
    "7 (voluntary or charity) or 8 (other).",
    1070,
)
_OTHERTYPE_MISSING = _warning(
    "OTHERTYPE-MISSING",
    W.OTHERTYPE,
    "OTHERTYPE has not been supplied although ESTTYPE is 8 (Other)",
    "Describe the employer type in OTHERTYPE.",
    2070,
)
_OTHERTYPE_LONG = _error(
    "OTHERTYPE-TOO-LONG",
    W.OTHERTYPE,
    f"OTHERTYPE is longer than {OTHER_TYPE_LENGTH} characters",
    f"Shorten OTHERTYPE to {OTHER_TYPE_LENGTH} characters or fewer.",
    1070,
)
_OTHERTYPE_IGNORED = _warning(
    "OTHERTYPE-NOT-REQUIRED",
    W.OTHERTYPE,
    "OTHERTYPE will be ignored as ESTTYPE is not 8 (Other)",
    "Leave OTHERTYPE blank unless ESTTYPE is 8.",
    2070,
)
_PERMCQC_INVALID = _error(
    "PERMCQC-INVALID",
    W.PERMCQC,
    "The code you have entered for PERMCQC is incorrect",
    "Use 1 (yes), 0 (no) or leave blank.",
    1080,
)
_PERMLA_INVALID = _error(
    "PERMLA-INVALID",
    W.PERMLA,
    "The code you have entered for PERMLA is incorrect",
    "Use 1 (yes), 0 (no) or leave blank.",
    1090,
)
_REGTYPE_BLANK = _error(
    "REGTYPE-BLANK",
    W.REGTYPE,
    "REGTYPE has not been supplied",
    "Use 2 for a CQC-regulated workplace, 0 otherwise.",
    1100,
)
_REGTYPE_INVALID = _error(
    "REGTYPE-INVALID",
    W.REGTYPE,
    "The code you have entered for REGTYPE is incorrect",
    "Use 2 for a CQC-regulated workplace, 0 otherwise.",
    1100,
)
_REGTYPE_CQC_WITHOUT_SERVICE = _error(
    "REGTYPE-CQC-MAINSERVICE",
    f"{W.REGTYPE}/{W.MAINSERVICE}",
    "REGTYPE is 2 (CQC) but the main service is not a CQC-regulated service",
    "Change either REGTYPE or MAINSERVICE.",
    1100,
)
_REGTYPE_NONCQC_WITH_SERVICE = _error(
    "REGTYPE-NONCQC-MAINSERVICE",
    f"{W.REGTYPE}/{W.MAINSERVICE}",
    "REGTYPE is 0 (not CQC) but the main service is a CQC-regulated service",
    "Change either REGTYPE or MAINSERVICE.",
    1100,
)
_PROVNUM_BLANK = _error(
    "PROVNUM-BLANK",
    W.PROVNUM,
    "PROVNUM has not been supplied although REGTYPE is 2 (CQC)",
    "Give the CQC provider ID, e.g. 1-101234567.",
    1105,
)
_PROVNUM_FORMAT = _error(
    "PROVNUM-FORMAT",
    W.PROVNUM,
    "PROVNUM is incorrectly formatted",
    "A CQC provider ID is a digit, a hyphen and 8 to 12 digits, e.g. 1-101234567.",
    1105,
)
_PROVNUM_IGNORED = _warning(
    "PROVNUM-NOT-REQUIRED",
    W.PROVNUM,
    "PROVNUM will be ignored as not required for this REGTYPE",
    "Leave PROVNUM blank for workplaces that CQC does not regulate.",
    2105,
)
_LOCATION_BLANK = _error(
    "LOCATIONID-BLANK",
    W.LOCATIONID,
    "LOCATIONID has not been supplied although REGTYPE is 2 (CQC)",
    "Give the CQC location ID, e.g. 1-1000210669.",
    1110,
)
_LOCATION_FORMAT = _error(
    "LOCATIONID-FORMAT",
    W.LOCATIONID,
    "LOCATIONID is incorrectly formatted",
    "A CQC location ID is a digit, a hyphen and 8 to 12 digits, e.g. 1-1000210669.",
    1110,
)
_LOCATION_DUPLICATE = _error(
    "LOCATIONID-DUPLICATE",
    W.LOCATIONID,
    "LOCATIONID is not unique: an earlier workplace row has the same CQC location ID",
    "Each CQC location belongs to one workplace. Check the location IDs.",
    998,
)
_LOCATION_IGNORED = _warning(
    "LOCATIONID-NOT-REQUIRED",
    W.LOCATIONID,
    "LOCATIONID will be ignored as not required for this REGTYPE",
    "Leave LOCATIONID blank for workplaces that CQC does not regulate.",
    2110,
)

# --- services --------------------------------------------------------------------------------

_MAIN_BLANK = _error(
    "MAINSERVICE-BLANK",
    W.MAINSERVICE,
    "MAINSERVICE has not been supplied",
    "Give the code of the workplace's main service.",
    1000,
)
_MAIN_INVALID = _error(
    "MAINSERVICE-INVALID",
    W.MAINSERVICE,
    "The code you have entered for MAINSERVICE is incorrect",
    "Use a service code from the ASC-WDS service list.",
    1000,
)
_ALL_MISSING_MAIN = _error(
    "ALLSERVICES-MISSING-MAIN",
    f"{W.MAINSERVICE}/{W.ALLSERVICES}",
    "MAINSERVICE is not included in ALLSERVICES",
    "List the main service in ALLSERVICES as well as any other services.",
    1120,
)
_ALL_ZERO_WITH_OTHERS = _error(
    "ALLSERVICES-ZERO-WITH-OTHERS",
    W.ALLSERVICES,
    "ALLSERVICES is 0 (none) but contains services other than the MAINSERVICE",
    "Use 0 only with the main service alone, e.g. 72;0.",
    1121,
)
_ALL_NOT_INTEGER = _error(
    "ALLSERVICES-ITEM-FORMAT",
    W.ALLSERVICES,
    "There is an empty or non-numeric element in ALLSERVICES",
    "Separate service codes with semicolons, e.g. 8;13.",
    1120,
)
_ALL_UNKNOWN = _error(
    "ALLSERVICES-INVALID",
    W.ALLSERVICES,
    "ALLSERVICES contains a code that is not a service",
    "Use service codes from the ASC-WDS service list.",
    1120,
)
_CAPACITY_FORMAT = {
    column: _error(
        f"{column}-FORMAT",
        column,
        f"All items of {column} must be whole numbers less than {MAX_CAPACITY}",
        f"Give {column} as semicolon-separated whole numbers, one per service (blank if none).",
        1140,
    )
    for column in (W.CAPACITY, W.UTILISATION)
}
_CAPACITY_UTILISATION_COUNT = _error(
    "CAPACITY-UTILISATION-COUNT",
    f"{W.CAPACITY}/{W.UTILISATION}",
    "CAPACITY and UTILISATION do not have the same number of items",
    "Give one capacity and one utilisation item per service, separated by semicolons.",
    1140,
)
_SERVICE_ITEMS_COUNT = {
    column: _error(
        f"{column}-SERVICE-COUNT",
        f"{W.ALLSERVICES}/{column}",
        f"ALLSERVICES and {column} do not have the same number of items",
        f"Give one {column} item per service in ALLSERVICES (items may be blank: ';').",
        1120 if column == W.SERVICEDESC else 1140,
    )
    for column in (W.CAPACITY, W.UTILISATION, W.SERVICEDESC)
}
_SERVICEDESC_LONG = _error(
    "SERVICEDESC-TOO-LONG",
    W.SERVICEDESC,
    f"An item of SERVICEDESC is longer than {NAME_LENGTH} characters",
    f"Shorten each service description to {NAME_LENGTH} characters or fewer.",
    1120,
)
_USERS_FORMAT = _warning(
    "SERVICEUSERS-ITEM-FORMAT",
    W.SERVICEUSERS,
    "An entry in SERVICEUSERS is not a number and will be ignored",
    "Separate service user codes with semicolons, e.g. 1;2.",
    2130,
)
_USERS_UNKNOWN = _warning(
    "SERVICEUSERS-INVALID",
    W.SERVICEUSERS,
    "An entry in SERVICEUSERS is not a service user code and will be ignored",
    "Use service user codes from the ASC-WDS list.",
    1130,
)
_USERS_DESC_COUNT = _error(
    "OTHERUSERDESC-COUNT",
    f"{W.SERVICEUSERS}/{W.OTHERUSERDESC}",
    "SERVICEUSERS and OTHERUSERDESC do not have the same number of items",
    "Give one OTHERUSERDESC item per service user group (items may be blank: ';').",
    1130,
)
_USERS_DESC_MISSING = _warning(
    "OTHERUSERDESC-MISSING",
    f"{W.SERVICEUSERS}/{W.OTHERUSERDESC}",
    "OTHERUSERDESC has not been supplied for an 'other' service user group",
    "Describe each 'other' service user group in OTHERUSERDESC.",
    2130,
)
_USERS_DESC_LONG = _error(
    "OTHERUSERDESC-TOO-LONG",
    W.OTHERUSERDESC,
    f"An item of OTHERUSERDESC is longer than {NAME_LENGTH} characters",
    f"Shorten each description to {NAME_LENGTH} characters or fewer.",
    1130,
)

# --- delegated healthcare activities ---------------------------------------------------------

_DHA_INVALID = _warning(
    "DHA-INVALID",
    W.DHA,
    "The code you have entered for DHA is incorrect and will be ignored",
    "Use 1 (yes), 2 (no), 999 (don't know) or leave blank.",
    2510,
)
_DHA_SERVICE = _warning(
    "DHA-SERVICE",
    f"{W.DHA}/{W.MAINSERVICE}",
    "DHA will be ignored as the main service cannot do delegated healthcare activities",
    "Leave DHA blank for this main service.",
    2520,
)
_DHA_ACTIVITIES_IGNORED = _warning(
    "DHAACTIVITIES-NOT-REQUIRED",
    f"{W.DHA}/{W.DHAACTIVITIES}",
    "DHAACTIVITIES will be ignored as DHA is not 1 (yes)",
    "Give DHAACTIVITIES only when DHA is 1.",
    2530,
)
_DHA_ACTIVITIES_INVALID = _warning(
    "DHAACTIVITIES-INVALID",
    W.DHAACTIVITIES,
    "Some codes in DHAACTIVITIES are not valid and will be ignored",
    "Use activity codes 1 to 8, or 999 alone for don't know.",
    2530,
)

# --- staff numbers, starters, leavers, vacancies ---------------------------------------------

_TOTAL_INVALID = _error(
    "TOTALPERMTEMP-INVALID",
    W.TOTALPERMTEMP,
    f"TOTALPERMTEMP must be a whole number from 0 to {MAX_COUNT}",
    "Give the total number of staff at the workplace.",
    1200,
)
_TOTAL_ZERO = _error(
    "TOTALPERMTEMP-ZERO",
    f"{W.TOTALPERMTEMP}/{W.MAINSERVICE}",
    "TOTALPERMTEMP cannot be 0 except when MAINSERVICE is head office (72)",
    "Give the total number of staff at the workplace.",
    1200,
)
_ROLES_BLANK = _error(
    "ALLJOBROLES-BLANK",
    W.ALLJOBROLES,
    "ALLJOBROLES cannot be blank as STARTERS, LEAVERS or VACANCIES are greater than zero",
    "List the job roles (semicolon-separated) that the starters, leavers and vacancies refer to.",
    1280,
)
_ROLES_FORMAT = _error(
    "ALLJOBROLES-ITEM-FORMAT",
    W.ALLJOBROLES,
    "All job roles in ALLJOBROLES must be whole numbers",
    "Separate job role codes with semicolons, e.g. 4;8.",
    1280,
)
_ROLES_UNKNOWN = _error(
    "ALLJOBROLES-INVALID",
    W.ALLJOBROLES,
    "ALLJOBROLES contains a code that is not a job role",
    "Use job role codes from the ASC-WDS job role list.",
    1280,
)
_RM_VACANCY = _warning(
    "VACANCIES-REGISTERED-MANAGER",
    f"{W.ALLJOBROLES}/{W.VACANCIES}",
    "A vacancy for a registered manager will be ignored as the workplace is not CQC-regulated",
    "Record registered manager vacancies only for CQC-regulated workplaces.",
    2180,
)
_SLV_ASC = {W.STARTERS: 1310, W.LEAVERS: 1320, W.VACANCIES: 1300}
_SLV_COUNT = {
    column: _error(
        f"{column}-COUNT",
        f"{W.ALLJOBROLES}/{column}",
        f"ALLJOBROLES and {column} do not have the same number of items",
        f"Give one {column} number per job role in ALLJOBROLES, or 999 alone for don't know.",
        asc,
    )
    for column, asc in _SLV_ASC.items()
}
_SLV_FORMAT = {
    column: _error(
        f"{column}-ITEM-FORMAT",
        column,
        f"{column} values must be whole numbers from 0 to {MAX_COUNT}",
        f"Give {column} as semicolon-separated whole numbers, or 999 alone for don't know.",
        asc,
    )
    for column, asc in _SLV_ASC.items()
}
_REASONS_FORMAT = _error(
    "REASONS-ITEM-FORMAT",
    W.REASONS,
    "The REASONS you have supplied have an incorrect code",
    "Give reasons for leaving as semicolon-separated whole-number codes.",
    1360,
)
_REASONNOS_COUNT = _error(
    "REASONNOS-COUNT",
    f"{W.REASONS}/{W.REASONNOS}",
    "REASONS and REASONNOS do not have the same number of items",
    "Give one number of leavers per reason.",
    1360,
)
_REASONNOS_FORMAT = _error(
    "REASONNOS-ITEM-FORMAT",
    W.REASONNOS,
    "REASONNOS values must be whole numbers, 0 or more",
    "Give the number of leavers for each reason.",
    1360,
)
_REASONNOS_TOTAL = _error(
    "REASONNOS-TOTAL",
    f"{W.REASONNOS}/{W.LEAVERS}",
    "The total of REASONNOS does not equal the total number of LEAVERS",
    "Make the leavers counted by reason add up to the leavers in LEAVERS.",
    1360,
)

# --- other workplace questions ---------------------------------------------------------------


def _invalid_code(column: str, asc: int, allowed: str) -> Rule:
    return _warning(
        f"{column}-INVALID",
        column,
        f"The code you have entered for {column} is incorrect and will be ignored",
        f"Use {allowed}, or leave blank.",
        asc,
    )


_REPEAT_INVALID = _invalid_code(W.REPEATTRAINING, 2420, "1, 2, 3 or 4")
_CWPAWARE_INVALID = _invalid_code(W.CWPAWARE, 2480, "1, 2, 3, 4 or 999")
_CWPUSE_INVALID = _invalid_code(W.CWPUSE, 2490, "1, 2 or 999, with reasons after 1 (e.g. 1;4;9)")
_CWPUSE_REASON_INVALID = _warning(
    "CWPUSE-REASON-INVALID",
    W.CWPUSE,
    "A reason you have entered in CWPUSE is incorrect and will be ignored",
    "Give reasons 1 to 10 after 1, e.g. 1;4;9.",
    2490,
)
_CWPUSEDESC_LONG = _warning(
    "CWPUSEDESC-TOO-LONG",
    W.CWPUSEDESC,
    f"CWPUSEDESC is longer than {NAME_LENGTH} characters and will be ignored",
    f"Shorten CWPUSEDESC to {NAME_LENGTH} characters or fewer.",
    2500,
)
_CWPUSEDESC_IGNORED = _warning(
    "CWPUSEDESC-NOT-REQUIRED",
    f"{W.CWPUSE}/{W.CWPUSEDESC}",
    "CWPUSEDESC will be ignored as 10 is not selected as a reason in CWPUSE",
    "Give CWPUSEDESC only with reason 10 (for something else).",
    2500,
)
_SICKPAY_INVALID = _invalid_code(W.SICKPAY, 2450, "1 (yes), 0 (no) or unknown")
_PENSION_INVALID = _invalid_code(W.PENSION, 2460, "1 (yes), 0 (no) or unknown")
_ACTUALCONT_IGNORED = _warning(
    "ACTUALCONT-NOT-REQUIRED",
    f"{W.PENSION}/{W.ACTUALCONT}",
    "ACTUALCONT will be ignored as PENSION is not 1 (yes)",
    "Give ACTUALCONT only when PENSION is 1.",
    2541,
)
_ACTUALCONT_RANGE = _warning(
    "ACTUALCONT-RANGE",
    W.ACTUALCONT,
    "ACTUALCONT will be ignored as it should be a number above 3 and no more than 100",
    "Give the employer's pension contribution as a percentage, e.g. 5.",
    2540,
)
_OPTOUT_INVALID = _invalid_code(W.OPTOUTPEN, 2550, "1 (yes), 2 (no) or 999 (don't know)")
_HOLIDAY_INVALID = _invalid_code(W.HOLIDAY, 2470, "a whole number of days or unknown")
_SLEEPINS_INVALID = _invalid_code(W.SLEEPINS, 2560, "1 (yes), 2 (no) or 999 (don't know)")
_SLEEPINS_SERVICE = _warning(
    "SLEEPINS-SERVICE",
    f"{W.MAINSERVICE}/{W.SLEEPINS}",
    "SLEEPINS will be ignored as the main service does not have sleep-ins",
    "Leave SLEEPINS blank for this main service.",
    2561,
)
_SLEEPINPAY_NO_SLEEPINS = _warning(
    "SLEEPINPAY-NOT-REQUIRED",
    f"{W.SLEEPINS}/{W.SLEEPINPAY}",
    "SLEEPINPAY will be ignored as SLEEPINS is not 1 (yes)",
    "Give SLEEPINPAY only when SLEEPINS is 1.",
    2572,
)
_SLEEPINPAY_INVALID = _invalid_code(W.SLEEPINPAY, 2570, "1 (hourly), 2 (flat rate) or 999")
_SLEEPINPAY_SERVICE = _warning(
    "SLEEPINPAY-SERVICE",
    f"{W.MAINSERVICE}/{W.SLEEPINPAY}",
    "SLEEPINPAY will be ignored as the main service does not have sleep-ins",
    "Leave SLEEPINPAY blank for this main service.",
    2571,
)
_TRAVEL_INVALID = _invalid_code(W.TRAVELTIME, 2580, "a travel time code 1 to 6 or 999")
_TRAVEL_SERVICE = _warning(
    "TRAVELTIME-SERVICE",
    f"{W.MAINSERVICE}/{W.TRAVELTIME}",
    "TRAVELTIME will be ignored as the main service does not involve travel between visits",
    "Leave TRAVELTIME blank for this main service.",
    2581,
)
_TTRATE_IGNORED = _warning(
    "TTDIFFRATE-NOT-REQUIRED",
    f"{W.TRAVELTIME}/{W.TTDIFFRATE}",
    "TTDIFFRATE will be ignored as TRAVELTIME is not 3 (a different travel time rate)",
    "Give TTDIFFRATE only when TRAVELTIME is 3.",
    2592,
)
_TTRATE_RANGE = _warning(
    "TTDIFFRATE-RANGE",
    W.TTDIFFRATE,
    "TTDIFFRATE will be ignored as it should be between £2.50 and £200",
    "Give the hourly travel time rate in pounds, e.g. 11.50.",
    2590,
)
_TTRATE_SERVICE = _warning(
    "TTDIFFRATE-SERVICE",
    f"{W.MAINSERVICE}/{W.TTDIFFRATE}",
    "TTDIFFRATE will be ignored as the main service does not involve travel between visits",
    "Leave TTDIFFRATE blank for this main service.",
    2591,
)


def _in_range(value: pl.Expr, low: float, high: float, *, low_inclusive: bool) -> pl.Expr:
    above = value >= low if low_inclusive else value > low
    return above & (value <= high)


def _identity_checks() -> list[Check]:
    workplace_key = pl.col(WORKPLACE_KEY)
    return [
        check(_ID_BLANK, _row & blank(W.LOCALESTID)),
        check(_ID_LONG, _row & too_long(W.LOCALESTID, ID_LENGTH)),
        check(
            _ID_DUPLICATE,
            _row & filled(W.LOCALESTID) & ~workplace_key.is_first_distinct(),
        ),
        *status_checks(_FILE),
        check(_NAME_BLANK, _row & blank(W.ESTNAME)),
        check(_NAME_LONG, _row & too_long(W.ESTNAME, NAME_LENGTH)),
    ]


def _address_checks() -> list[Check]:
    sanitised = text(W.POSTCODE).str.replace_all(r"[^A-Za-z0-9]", "").str.to_uppercase()
    return [
        check(_ADDRESS1_BLANK, _live & blank(W.ADDRESS1)),
        *(
            check(found, _live & too_long(column, ADDRESS_LENGTH))
            for column, found in _ADDRESS_LONG.items()
        ),
        check(_POSTCODE_BLANK, _live & blank(W.POSTCODE)),
        check(_POSTCODE_LONG, _live & too_long(W.POSTCODE, POSTCODE_LENGTH)),
        check(
            _POSTCODE_FORMAT,
            _live
            & filled(W.POSTCODE)
            & ~too_long(W.POSTCODE, POSTCODE_LENGTH)
            & ~sanitised.str.contains(UK_POSTCODE_PATTERN),
        ),
    ]


def _registration_checks() -> list[Check]:
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


def _service_checks() -> list[Check]:
    service_codes = workplace_codes.SERVICE.codes
    service_items = integer_items(W.ALLSERVICES)
    service_count = pl.col(SERVICE_COUNT)
    checks = [
        check(_MAIN_BLANK, _live & ~pl.col(W.MAINSERVICE).str.contains(r"^[0-9]+$")),
        check(_MAIN_INVALID, _live & _main.is_not_null() & ~_main.is_in(sorted(service_codes))),
        check(
            _ALL_MISSING_MAIN,
            _live & _main.is_not_null() & ~service_items.list.contains(_main),
        ),
        check(
            _ALL_ZERO_WITH_OTHERS,
            _live & service_items.list.contains(0) & (service_count > 1),
        ),
        check(
            _ALL_NOT_INTEGER, _live & filled(W.ALLSERVICES) & any_item_not_integer(W.ALLSERVICES)
        ),
        check(_ALL_UNKNOWN, _live & any_item_not_in(W.ALLSERVICES, {0, *service_codes})),
    ]
    for column in (W.CAPACITY, W.UTILISATION):
        bad_item = items(column).list.eval(
            (pl.element() != "")
            & ~(
                pl.element().str.contains(r"^[0-9]{1,4}$")
                & (pl.element().str.to_integer(strict=False) < MAX_CAPACITY)
            )
        )
        checks.append(check(_CAPACITY_FORMAT[column], _live & bad_item.list.any()))
    checks.append(
        check(
            _CAPACITY_UTILISATION_COUNT,
            _live
            & filled(W.CAPACITY)
            & filled(W.UTILISATION)
            & (item_count(W.CAPACITY) != item_count(W.UTILISATION)),
        )
    )
    for column, found in _SERVICE_ITEMS_COUNT.items():
        checks.append(
            check(
                found,
                _live
                & filled(column)
                & filled(W.ALLSERVICES)
                & (item_count(column) != service_count),
            )
        )
    checks.append(
        check(
            _SERVICEDESC_LONG,
            _live
            & items(W.SERVICEDESC).list.eval(pl.element().str.len_chars() > NAME_LENGTH).list.any(),
        )
    )
    user_items = integer_items(W.SERVICEUSERS)
    other_users = sorted(workplace_codes.OTHER_SERVICE_USERS)
    descriptions = items(W.OTHERUSERDESC)
    is_other = user_items.list.eval(pl.element().is_in(other_users))
    missing_description = (
        pl.when(
            filled(W.OTHERUSERDESC) & (item_count(W.OTHERUSERDESC) == item_count(W.SERVICEUSERS))
        )
        .then(
            pl.struct(is_other.alias("other"), descriptions.alias("desc")).map_elements(
                lambda row: any(
                    o and d == "" for o, d in zip(row["other"], row["desc"], strict=False)
                ),
                return_dtype=pl.Boolean,
            )
        )
        .otherwise(is_other.list.any())
    )
    checks += [
        check(_USERS_FORMAT, _live & filled(W.SERVICEUSERS) & any_item_not_integer(W.SERVICEUSERS)),
        check(
            _USERS_UNKNOWN,
            _live & any_item_not_in(W.SERVICEUSERS, workplace_codes.SERVICE_USER.codes),
        ),
        check(
            _USERS_DESC_COUNT,
            _live
            & filled(W.OTHERUSERDESC)
            & (item_count(W.OTHERUSERDESC) != item_count(W.SERVICEUSERS)),
        ),
        check(_USERS_DESC_MISSING, _live & filled(W.SERVICEUSERS) & missing_description),
        check(
            _USERS_DESC_LONG,
            _live & descriptions.list.eval(pl.element().str.len_chars() > NAME_LENGTH).list.any(),
        ),
    ]
    return checks


def _dha_checks() -> list[Check]:
    activities = items(W.DHAACTIVITIES)
    valid_activity = activities.list.eval(
        pl.element().str.contains(r"^[0-9]+$")
        & pl.element()
        .str.to_integer(strict=False)
        .is_in(sorted(workplace_codes.DHA_ACTIVITY.codes))
    )
    only_dont_know = text(W.DHAACTIVITIES) == DONT_KNOW
    return [
        check(_DHA_INVALID, _live & filled_not_one_of(W.DHA, code_table.YES_NO_DONT_KNOW.codes)),
        check(
            _DHA_SERVICE,
            _live
            & one_of(W.DHA, code_table.YES_NO_DONT_KNOW.codes)
            & _main.is_in(sorted(workplace_codes.SERVICE.codes))
            & ~_main.is_in(sorted(workplace_codes.DHA_SERVICES)),
        ),
        check(
            _DHA_ACTIVITIES_IGNORED,
            _live & filled(W.DHAACTIVITIES) & ~only_dont_know & ~equals(W.DHA, 1),
        ),
        check(
            _DHA_ACTIVITIES_INVALID,
            _live
            & equals(W.DHA, 1)
            & filled(W.DHAACTIVITIES)
            & ~only_dont_know
            & ~valid_activity.list.all(),
        ),
    ]


def _slv_checks() -> list[Check]:
    total = integer(W.TOTALPERMTEMP)
    role_count = item_count(W.ALLJOBROLES)
    any_positive = pl.any_horizontal(
        integer_items(column)
        .list.eval((pl.element() > 0) & (pl.element() != int(DONT_KNOW)))
        .list.any()
        for column in _SLV_ASC
    )
    checks = [
        check(
            _TOTAL_INVALID,
            _live & (total.is_null() | (total > MAX_COUNT)),
        ),
        check(
            _TOTAL_ZERO,
            _live
            & (total == 0)
            & _main.is_not_null()
            & (_main != workplace_codes.HEAD_OFFICE_SERVICE),
        ),
        check(_ROLES_BLANK, _live & blank(W.ALLJOBROLES) & any_positive),
        check(_ROLES_FORMAT, _live & filled(W.ALLJOBROLES) & any_item_not_integer(W.ALLJOBROLES)),
        check(_ROLES_UNKNOWN, _live & any_item_not_in(W.ALLJOBROLES, staff_codes.JOB_ROLE.codes)),
    ]
    for column in _SLV_ASC:
        dont_know = text(column) == DONT_KNOW
        out_of_range = integer_items(column).list.eval(
            pl.element().is_null() | (pl.element() > MAX_COUNT)
        )
        checks += [
            check(
                _SLV_COUNT[column],
                _live
                & filled(column)
                & filled(W.ALLJOBROLES)
                & ~dont_know
                & (item_count(column) != role_count),
            ),
            check(_SLV_FORMAT[column], _live & filled(column) & out_of_range.list.any()),
        ]
    rm_vacancy = pl.struct(
        integer_items(W.ALLJOBROLES).alias("roles"), integer_items(W.VACANCIES).alias("n")
    ).map_elements(
        lambda row: any(
            role == staff_codes.REGISTERED_MANAGER and (n or 0) > 0 and n != int(DONT_KNOW)
            for role, n in zip(row["roles"] or [], row["n"] or [], strict=False)
        ),
        return_dtype=pl.Boolean,
    )
    checks.append(
        check(
            _RM_VACANCY,
            _live
            & filled(W.ALLJOBROLES)
            & _regtype.is_not_null()
            & (_regtype != CQC_REGISTERED)
            & rm_vacancy,
        )
    )
    reasons_apply = _live & (pl.col(LEAVERS_TOTAL) > 0) & filled(W.REASONS)
    checks += [
        check(_REASONS_FORMAT, reasons_apply & any_item_not_integer(W.REASONS)),
        check(
            _REASONNOS_COUNT,
            reasons_apply & (item_count(W.REASONNOS) != item_count(W.REASONS)),
        ),
        check(
            _REASONNOS_FORMAT,
            reasons_apply & filled(W.REASONNOS) & any_item_not_integer(W.REASONNOS),
        ),
        check(
            _REASONNOS_TOTAL,
            reasons_apply
            & ~any_item_not_integer(W.REASONNOS)
            & (integer_items(W.REASONNOS).list.sum() != pl.col(LEAVERS_TOTAL)),
        ),
    ]
    return checks


def _pay_and_pathway_checks() -> list[Check]:
    cwp_items = items(W.CWPUSE)
    cwp_use = cwp_items.list.first()
    cwp_reasons = cwp_items.list.slice(1)
    reason_codes = sorted(workplace_codes.CWP_USE_REASON.codes)
    bad_reason = cwp_reasons.list.eval(
        ~(
            pl.element().str.contains(r"^[0-9]+$")
            & pl.element().str.to_integer(strict=False).is_in(reason_codes)
        )
    ).list.any()
    has_other_reason = cwp_reasons.list.contains(str(CWP_OTHER_REASON))
    pension_yes = text(W.PENSION) == "1"
    contribution = decimal(W.ACTUALCONT)
    rate = decimal(W.TTDIFFRATE)
    pay_group = pl.col(PAY_GROUP)
    no_sleep_ins = pay_group.is_not_null() & ~pay_group.is_in([1, 2])
    no_travel = pay_group.is_not_null() & (pay_group != 1)
    return [
        check(
            _REPEAT_INVALID,
            _live & filled_not_one_of(W.REPEATTRAINING, workplace_codes.REPEAT_TRAINING.codes),
        ),
        check(
            _CWPAWARE_INVALID,
            _live & filled_not_one_of(W.CWPAWARE, workplace_codes.CWP_AWARENESS.codes),
        ),
        check(
            _CWPUSE_INVALID,
            _live
            & filled(W.CWPUSE)
            & (
                ~cwp_use.is_in([str(c) for c in sorted(code_table.YES_NO_DONT_KNOW.codes)])
                | ((cwp_use != "1") & (cwp_reasons.list.len() > 0))
            ),
        ),
        check(_CWPUSE_REASON_INVALID, _live & (cwp_use == "1") & bad_reason),
        check(_CWPUSEDESC_LONG, _live & too_long(W.CWPUSEDESC, NAME_LENGTH)),
        check(_CWPUSEDESC_IGNORED, _live & filled(W.CWPUSEDESC) & ~has_other_reason),
        check(
            _SICKPAY_INVALID,
            _live & filled(W.SICKPAY) & ~text(W.SICKPAY).str.to_uppercase().is_in(SICK_PAY_ANSWERS),
        ),
        check(
            _PENSION_INVALID,
            _live & filled(W.PENSION) & ~text(W.PENSION).str.to_uppercase().is_in(SICK_PAY_ANSWERS),
        ),
        check(_ACTUALCONT_IGNORED, _live & filled(W.ACTUALCONT) & ~pension_yes),
        check(
            _ACTUALCONT_RANGE,
            _live
            & pension_yes
            & filled(W.ACTUALCONT)
            & ~_in_range(contribution, *PENSION_CONTRIBUTION_RANGE, low_inclusive=False).fill_null(
                False
            ),
        ),
        check(
            _OPTOUT_INVALID,
            _live & filled_not_one_of(W.OPTOUTPEN, code_table.YES_NO_DONT_KNOW.codes),
        ),
        check(
            _HOLIDAY_INVALID,
            _live
            & filled(W.HOLIDAY)
            & ~text(W.HOLIDAY).str.contains(r"^[0-9]+$")
            & (text(W.HOLIDAY).str.to_uppercase() != "UNKNOWN"),
        ),
        check(
            _SLEEPINS_INVALID,
            _live & filled_not_one_of(W.SLEEPINS, code_table.YES_NO_DONT_KNOW.codes),
        ),
        check(_SLEEPINS_SERVICE, _live & filled(W.SLEEPINS) & no_sleep_ins),
        check(_SLEEPINPAY_NO_SLEEPINS, _live & filled(W.SLEEPINPAY) & ~equals(W.SLEEPINS, 1)),
        check(
            _SLEEPINPAY_INVALID,
            _live & filled_not_one_of(W.SLEEPINPAY, workplace_codes.SLEEP_IN_PAY.codes),
        ),
        check(_SLEEPINPAY_SERVICE, _live & filled(W.SLEEPINPAY) & no_sleep_ins),
        check(
            _TRAVEL_INVALID,
            _live & filled_not_one_of(W.TRAVELTIME, workplace_codes.TRAVEL_TIME.codes),
        ),
        check(_TRAVEL_SERVICE, _live & filled(W.TRAVELTIME) & no_travel),
        check(
            _TTRATE_IGNORED,
            _live & filled(W.TTDIFFRATE) & ~equals(W.TRAVELTIME, DIFFERENT_TRAVEL_RATE),
        ),
        check(
            _TTRATE_RANGE,
            _live
            & equals(W.TRAVELTIME, DIFFERENT_TRAVEL_RATE)
            & filled(W.TTDIFFRATE)
            & ~_in_range(rate, *TRAVEL_RATE_RANGE, low_inclusive=True).fill_null(False),
        ),
        check(_TTRATE_SERVICE, _live & filled(W.TTDIFFRATE) & no_travel),
    ]


def workplace_checks() -> list[Check]:
    """Every field rule of the workplace file, bound to its expressions."""
    return [
        *row_shape_checks(_FILE),
        *_identity_checks(),
        *_address_checks(),
        *_registration_checks(),
        *_service_checks(),
        *_dha_checks(),
        *_slv_checks(),
        *_pay_and_pathway_checks(),
    ]
