"""Every ASC-WDS rule: a case that triggers it and a closely related case that does not.

Each case changes the valid base file set of ``conftest.py`` (see there for the rows and
lines) with a few edits and checks the findings. Edits are plain tuples interpreted by
``conftest.apply``:

* ``W(row, COLUMN=value)``, ``S(...)``, ``T(...)`` — change cells of the workplace, staff or
  training file;
* ``copy(kind, row, COLUMN=value)`` — append a changed copy of a row (on the next line);
* ``line(kind, text)`` — append a raw physical line;
* ``CHG`` / ``TRANSFER`` / ``QUAL04`` — add the optional staff columns;
* ``SKIP`` — report rows left out, as ``--skip-invalid-rows`` does.
"""

from __future__ import annotations

from typing import Any, ClassVar

import polars as pl
import pytest

from careforce.core.sources.ascwds.rules import all_rules

pytestmark = pytest.mark.unit

E = "error"
WARN = "warning"
WKP = "workplace"
STF = "staff"
TRN = "training"


def W(row: int, **cells: str) -> tuple[Any, ...]:
    """Change cells of a workplace row."""
    return ("set", WKP, row, cells)


def S(row: int, **cells: str) -> tuple[Any, ...]:
    """Change cells of a staff row."""
    return ("set", STF, row, cells)


def T(row: int, **cells: str) -> tuple[Any, ...]:
    """Change cells of a training row."""
    return ("set", TRN, row, cells)


def copy(kind: str, row: int, **cells: str) -> tuple[Any, ...]:
    """Append a changed copy of a row."""
    return ("copy", kind, row, cells)


def line(kind: str, text: str) -> tuple[Any, ...]:
    """Append a raw physical line."""
    return ("line", kind, text)


def fields(count: int, *values: str) -> str:
    """A raw CSV line of ``count`` fields starting with ``values``."""
    return ",".join([*values, *([""] * (count - len(values)))])


CHG = ("columns", STF, ("CHGUNIQUEWRKID",), "UNIQUEWORKERID")
TRANSFER = ("columns", STF, ("TRANSFERSTAFFRECORD",), "UNIQUEWORKERID")
QUAL04 = ("columns", STF, ("QUALACH04", "QUALACH04NOTES"), None)
SKIP = ("skip",)
NO_TRAINING = ("drop", TRN)

X121 = "x" * 121
X120 = "x" * 120

# (id, mutations, expected_code, expected_file, expected_line, expected_column, expected_severity)
TRIGGERS: list[tuple[str, list[tuple[Any, ...]], str, str, int, str, str]] = [
    # --- row shape (every file) -----------------------------------------------------------
    ("wkp-short-row", [line(WKP, "WP3,NEW,Short Row")], "WKP-ROW-FIELD-COUNT", WKP, 4, "", E),
    (
        "stf-long-row",
        [line(STF, fields(45, "WP1", "RM9", "NEW", "X"))],
        "STF-ROW-FIELD-COUNT",
        STF,
        5,
        "",
        E,
    ),
    ("trn-short-row", [line(TRN, "WP1,CW1,13")], "TRN-ROW-FIELD-COUNT", TRN, 5, "", E),
    ("wkp-commas-row", [line(WKP, "," * 43)], "WKP-ROW-EMPTY", WKP, 4, "", WARN),
    ("stf-commas-row", [line(STF, "," * 43)], "STF-ROW-EMPTY", STF, 5, "", WARN),
    ("stf-spaces-row", [line(STF, " ," * 43)], "STF-ROW-EMPTY", STF, 5, "", WARN),
    ("trn-commas-row", [line(TRN, "," * 11)], "TRN-ROW-EMPTY", TRN, 5, "", WARN),
    # --- STATUS ---------------------------------------------------------------------------
    ("wkp-status-blank", [W(1, STATUS="")], "WKP-STATUS-BLANK", WKP, 3, "STATUS", E),
    ("stf-status-blank", [S(1, STATUS="")], "STF-STATUS-BLANK", STF, 3, "STATUS", E),
    ("wkp-status-chgsub", [W(0, STATUS="CHGSUB")], "WKP-STATUS-INVALID", WKP, 2, "STATUS", E),
    ("stf-status-add", [S(0, STATUS="ADD")], "STF-STATUS-INVALID", STF, 2, "STATUS", E),
    # --- workplace identity ---------------------------------------------------------------
    ("wkp-id-blank", [W(1, LOCALESTID="")], "WKP-LOCALESTID-BLANK", WKP, 3, "LOCALESTID", E),
    ("wkp-id-51", [W(1, LOCALESTID="W" * 51)], "WKP-LOCALESTID-TOO-LONG", WKP, 3, "LOCALESTID", E),
    ("wkp-id-repeated", [copy(WKP, 1)], "WKP-LOCALESTID-DUPLICATE", WKP, 4, "LOCALESTID", E),
    (
        "wkp-id-repeated-spaces",
        [copy(WKP, 1, LOCALESTID="W P2")],
        "WKP-LOCALESTID-DUPLICATE",
        WKP,
        4,
        "LOCALESTID",
        E,
    ),
    ("wkp-name-blank", [W(0, ESTNAME="")], "WKP-ESTNAME-BLANK", WKP, 2, "ESTNAME", E),
    ("wkp-name-121", [W(0, ESTNAME=X121)], "WKP-ESTNAME-TOO-LONG", WKP, 2, "ESTNAME", E),
    # --- address --------------------------------------------------------------------------
    ("wkp-address1-blank", [W(0, ADDRESS1="")], "WKP-ADDRESS1-BLANK", WKP, 2, "ADDRESS1", E),
    ("wkp-address1-41", [W(0, ADDRESS1="x" * 41)], "WKP-ADDRESS1-TOO-LONG", WKP, 2, "ADDRESS1", E),
    ("wkp-address2-41", [W(0, ADDRESS2="x" * 41)], "WKP-ADDRESS2-TOO-LONG", WKP, 2, "ADDRESS2", E),
    ("wkp-address3-41", [W(0, ADDRESS3="x" * 41)], "WKP-ADDRESS3-TOO-LONG", WKP, 2, "ADDRESS3", E),
    ("wkp-posttown-41", [W(0, POSTTOWN="x" * 41)], "WKP-POSTTOWN-TOO-LONG", WKP, 2, "POSTTOWN", E),
    ("wkp-postcode-blank", [W(0, POSTCODE="")], "WKP-POSTCODE-BLANK", WKP, 2, "POSTCODE", E),
    (
        "wkp-postcode-11",
        [W(0, POSTCODE="LS1 1AA XXX")],
        "WKP-POSTCODE-TOO-LONG",
        WKP,
        2,
        "POSTCODE",
        E,
    ),
    ("wkp-postcode-digits", [W(0, POSTCODE="12345")], "WKP-POSTCODE-FORMAT", WKP, 2, "POSTCODE", E),
    # --- employer type and registration ---------------------------------------------------
    ("wkp-esttype-blank", [W(0, ESTTYPE="")], "WKP-ESTTYPE-BLANK", WKP, 2, "ESTTYPE", E),
    ("wkp-esttype-2", [W(0, ESTTYPE="2")], "WKP-ESTTYPE-INVALID", WKP, 2, "ESTTYPE", E),
    ("wkp-esttype-text", [W(0, ESTTYPE="private")], "WKP-ESTTYPE-INVALID", WKP, 2, "ESTTYPE", E),
    (
        "wkp-othertype-missing",
        [W(0, ESTTYPE="8")],
        "WKP-OTHERTYPE-MISSING",
        WKP,
        2,
        "OTHERTYPE",
        WARN,
    ),
    (
        "wkp-othertype-241",
        [W(0, ESTTYPE="8", OTHERTYPE="x" * 241)],
        "WKP-OTHERTYPE-TOO-LONG",
        WKP,
        2,
        "OTHERTYPE",
        E,
    ),
    (
        "wkp-othertype-not-8",
        [W(0, OTHERTYPE="Other")],
        "WKP-OTHERTYPE-NOT-REQUIRED",
        WKP,
        2,
        "OTHERTYPE",
        WARN,
    ),
    ("wkp-permcqc-2", [W(0, PERMCQC="2")], "WKP-PERMCQC-INVALID", WKP, 2, "PERMCQC", E),
    ("wkp-permla-yes", [W(0, PERMLA="yes")], "WKP-PERMLA-INVALID", WKP, 2, "PERMLA", E),
    ("wkp-regtype-blank", [W(0, REGTYPE="")], "WKP-REGTYPE-BLANK", WKP, 2, "REGTYPE", E),
    ("wkp-regtype-1", [W(0, REGTYPE="1")], "WKP-REGTYPE-INVALID", WKP, 2, "REGTYPE", E),
    (
        "wkp-regtype-2-day-care",
        [W(1, REGTYPE="2", PROVNUM="1-101234568", LOCATIONID="1-1000210670")],
        "WKP-REGTYPE-CQC-MAINSERVICE",
        WKP,
        3,
        "REGTYPE/MAINSERVICE",
        E,
    ),
    (
        "wkp-regtype-0-domiciliary",
        [W(0, REGTYPE="0")],
        "WKP-REGTYPE-NONCQC-MAINSERVICE",
        WKP,
        2,
        "REGTYPE/MAINSERVICE",
        E,
    ),
    ("wkp-provnum-blank", [W(0, PROVNUM="")], "WKP-PROVNUM-BLANK", WKP, 2, "PROVNUM", E),
    (
        "wkp-provnum-7-digits",
        [W(0, PROVNUM="1-1234567")],
        "WKP-PROVNUM-FORMAT",
        WKP,
        2,
        "PROVNUM",
        E,
    ),
    (
        "wkp-provnum-2-digit-prefix",
        [W(0, PROVNUM="11-12345678")],
        "WKP-PROVNUM-FORMAT",
        WKP,
        2,
        "PROVNUM",
        E,
    ),
    (
        "wkp-provnum-non-cqc",
        [W(1, PROVNUM="1-101234567")],
        "WKP-PROVNUM-NOT-REQUIRED",
        WKP,
        3,
        "PROVNUM",
        WARN,
    ),
    (
        "wkp-locationid-blank",
        [W(0, LOCATIONID="")],
        "WKP-LOCATIONID-BLANK",
        WKP,
        2,
        "LOCATIONID",
        E,
    ),
    (
        "wkp-locationid-no-hyphen",
        [W(0, LOCATIONID="1000210669")],
        "WKP-LOCATIONID-FORMAT",
        WKP,
        2,
        "LOCATIONID",
        E,
    ),
    (
        "wkp-locationid-repeated",
        [copy(WKP, 0, LOCALESTID="WP3")],
        "WKP-LOCATIONID-DUPLICATE",
        WKP,
        4,
        "LOCATIONID",
        E,
    ),
    (
        "wkp-locationid-non-cqc",
        [W(1, LOCATIONID="1-1000210670")],
        "WKP-LOCATIONID-NOT-REQUIRED",
        WKP,
        3,
        "LOCATIONID",
        WARN,
    ),
    # --- services -------------------------------------------------------------------------
    (
        "wkp-mainservice-blank",
        [W(1, MAINSERVICE="")],
        "WKP-MAINSERVICE-BLANK",
        WKP,
        3,
        "MAINSERVICE",
        E,
    ),
    (
        "wkp-mainservice-text",
        [W(1, MAINSERVICE="day care")],
        "WKP-MAINSERVICE-BLANK",
        WKP,
        3,
        "MAINSERVICE",
        E,
    ),
    (
        "wkp-mainservice-3",
        [W(1, MAINSERVICE="3")],
        "WKP-MAINSERVICE-INVALID",
        WKP,
        3,
        "MAINSERVICE",
        E,
    ),
    (
        "wkp-allservices-no-main",
        [W(0, ALLSERVICES="1;13")],
        "WKP-ALLSERVICES-MISSING-MAIN",
        WKP,
        2,
        "MAINSERVICE/ALLSERVICES",
        E,
    ),
    (
        "wkp-allservices-0-and-others",
        [W(0, ALLSERVICES="8;0;13")],
        "WKP-ALLSERVICES-ZERO-WITH-OTHERS",
        WKP,
        2,
        "ALLSERVICES",
        E,
    ),
    (
        "wkp-allservices-empty-item",
        [W(0, ALLSERVICES="8;;13")],
        "WKP-ALLSERVICES-ITEM-FORMAT",
        WKP,
        2,
        "ALLSERVICES",
        E,
    ),
    (
        "wkp-allservices-3",
        [W(0, ALLSERVICES="8;3")],
        "WKP-ALLSERVICES-INVALID",
        WKP,
        2,
        "ALLSERVICES",
        E,
    ),
    ("wkp-capacity-9999", [W(1, CAPACITY="9999")], "WKP-CAPACITY-FORMAT", WKP, 3, "CAPACITY", E),
    ("wkp-capacity-text", [W(1, CAPACITY="twenty")], "WKP-CAPACITY-FORMAT", WKP, 3, "CAPACITY", E),
    (
        "wkp-utilisation-negative",
        [W(1, UTILISATION="-1")],
        "WKP-UTILISATION-FORMAT",
        WKP,
        3,
        "UTILISATION",
        E,
    ),
    (
        "wkp-capacity-utilisation-count",
        [W(1, CAPACITY="20;5", UTILISATION="15")],
        "WKP-CAPACITY-UTILISATION-COUNT",
        WKP,
        3,
        "CAPACITY/UTILISATION",
        E,
    ),
    (
        "wkp-capacity-3-items",
        [W(0, CAPACITY=";;", UTILISATION=";;")],
        "WKP-CAPACITY-SERVICE-COUNT",
        WKP,
        2,
        "ALLSERVICES/CAPACITY",
        E,
    ),
    (
        "wkp-utilisation-3-items",
        [W(0, CAPACITY=";;", UTILISATION=";;")],
        "WKP-UTILISATION-SERVICE-COUNT",
        WKP,
        2,
        "ALLSERVICES/UTILISATION",
        E,
    ),
    (
        "wkp-servicedesc-3-items",
        [W(0, SERVICEDESC=";;")],
        "WKP-SERVICEDESC-SERVICE-COUNT",
        WKP,
        2,
        "ALLSERVICES/SERVICEDESC",
        E,
    ),
    (
        "wkp-servicedesc-121",
        [W(0, SERVICEDESC=X121 + ";")],
        "WKP-SERVICEDESC-TOO-LONG",
        WKP,
        2,
        "SERVICEDESC",
        E,
    ),
    (
        "wkp-serviceusers-text",
        [W(0, SERVICEUSERS="1;x")],
        "WKP-SERVICEUSERS-ITEM-FORMAT",
        WKP,
        2,
        "SERVICEUSERS",
        WARN,
    ),
    (
        "wkp-serviceusers-10",
        [W(0, SERVICEUSERS="1;10")],
        "WKP-SERVICEUSERS-INVALID",
        WKP,
        2,
        "SERVICEUSERS",
        WARN,
    ),
    (
        "wkp-otheruserdesc-3-items",
        [W(0, OTHERUSERDESC=";;")],
        "WKP-OTHERUSERDESC-COUNT",
        WKP,
        2,
        "SERVICEUSERS/OTHERUSERDESC",
        E,
    ),
    (
        "wkp-otheruserdesc-missing",
        [W(0, SERVICEUSERS="1;9")],
        "WKP-OTHERUSERDESC-MISSING",
        WKP,
        2,
        "SERVICEUSERS/OTHERUSERDESC",
        WARN,
    ),
    (
        "wkp-otheruserdesc-121",
        [W(0, SERVICEUSERS="1;9", OTHERUSERDESC=";" + X121)],
        "WKP-OTHERUSERDESC-TOO-LONG",
        WKP,
        2,
        "OTHERUSERDESC",
        E,
    ),
    # --- delegated healthcare activities --------------------------------------------------
    ("wkp-dha-3", [W(0, DHA="3")], "WKP-DHA-INVALID", WKP, 2, "DHA", WARN),
    (
        "wkp-dha-carers-support",
        [W(1, MAINSERVICE="13", ALLSERVICES="13")],
        "WKP-DHA-SERVICE",
        WKP,
        3,
        "DHA/MAINSERVICE",
        WARN,
    ),
    (
        "wkp-dhaactivities-dha-2",
        [W(1, DHAACTIVITIES="1")],
        "WKP-DHAACTIVITIES-NOT-REQUIRED",
        WKP,
        3,
        "DHA/DHAACTIVITIES",
        WARN,
    ),
    (
        "wkp-dhaactivities-9",
        [W(0, DHAACTIVITIES="1;9")],
        "WKP-DHAACTIVITIES-INVALID",
        WKP,
        2,
        "DHAACTIVITIES",
        WARN,
    ),
    # --- staff numbers, starters, leavers, vacancies --------------------------------------
    (
        "wkp-totalpermtemp-blank",
        [W(0, TOTALPERMTEMP="")],
        "WKP-TOTALPERMTEMP-INVALID",
        WKP,
        2,
        "TOTALPERMTEMP",
        E,
    ),
    (
        "wkp-totalpermtemp-1000",
        [W(0, TOTALPERMTEMP="1000")],
        "WKP-TOTALPERMTEMP-INVALID",
        WKP,
        2,
        "TOTALPERMTEMP",
        E,
    ),
    (
        "wkp-totalpermtemp-0",
        [W(0, TOTALPERMTEMP="0")],
        "WKP-TOTALPERMTEMP-ZERO",
        WKP,
        2,
        "TOTALPERMTEMP/MAINSERVICE",
        E,
    ),
    (
        "wkp-alljobroles-blank",
        [W(0, ALLJOBROLES="")],
        "WKP-ALLJOBROLES-BLANK",
        WKP,
        2,
        "ALLJOBROLES",
        E,
    ),
    (
        "wkp-alljobroles-text",
        [W(0, ALLJOBROLES="4;x")],
        "WKP-ALLJOBROLES-ITEM-FORMAT",
        WKP,
        2,
        "ALLJOBROLES",
        E,
    ),
    (
        "wkp-alljobroles-12",
        [W(0, ALLJOBROLES="4;12")],
        "WKP-ALLJOBROLES-INVALID",
        WKP,
        2,
        "ALLJOBROLES",
        E,
    ),
    (
        "wkp-rm-vacancy-non-cqc",
        [W(1, ALLJOBROLES="4", VACANCIES="1")],
        "WKP-VACANCIES-REGISTERED-MANAGER",
        WKP,
        3,
        "ALLJOBROLES/VACANCIES",
        WARN,
    ),
    (
        "wkp-starters-3-items",
        [W(0, STARTERS="0;1;2")],
        "WKP-STARTERS-COUNT",
        WKP,
        2,
        "ALLJOBROLES/STARTERS",
        E,
    ),
    (
        "wkp-leavers-1-item",
        [W(0, LEAVERS="1")],
        "WKP-LEAVERS-COUNT",
        WKP,
        2,
        "ALLJOBROLES/LEAVERS",
        E,
    ),
    (
        "wkp-vacancies-3-items",
        [W(0, VACANCIES="0;1;0")],
        "WKP-VACANCIES-COUNT",
        WKP,
        2,
        "ALLJOBROLES/VACANCIES",
        E,
    ),
    (
        "wkp-starters-text",
        [W(0, STARTERS="0;x")],
        "WKP-STARTERS-ITEM-FORMAT",
        WKP,
        2,
        "STARTERS",
        E,
    ),
    (
        "wkp-starters-1000",
        [W(0, STARTERS="0;1000")],
        "WKP-STARTERS-ITEM-FORMAT",
        WKP,
        2,
        "STARTERS",
        E,
    ),
    (
        "wkp-leavers-negative",
        [W(0, LEAVERS="0;-1")],
        "WKP-LEAVERS-ITEM-FORMAT",
        WKP,
        2,
        "LEAVERS",
        E,
    ),
    (
        "wkp-vacancies-fraction",
        [W(0, VACANCIES="0;1.5")],
        "WKP-VACANCIES-ITEM-FORMAT",
        WKP,
        2,
        "VACANCIES",
        E,
    ),
    (
        "wkp-reasons-text",
        [W(0, REASONS="x", REASONNOS="1")],
        "WKP-REASONS-ITEM-FORMAT",
        WKP,
        2,
        "REASONS",
        E,
    ),
    (
        "wkp-reasonnos-count",
        [W(0, REASONS="3;4", REASONNOS="1")],
        "WKP-REASONNOS-COUNT",
        WKP,
        2,
        "REASONS/REASONNOS",
        E,
    ),
    (
        "wkp-reasonnos-text",
        [W(0, REASONS="3", REASONNOS="a")],
        "WKP-REASONNOS-ITEM-FORMAT",
        WKP,
        2,
        "REASONNOS",
        E,
    ),
    (
        "wkp-reasonnos-total",
        [W(0, REASONS="3", REASONNOS="2")],
        "WKP-REASONNOS-TOTAL",
        WKP,
        2,
        "REASONNOS/LEAVERS",
        E,
    ),
    # --- other workplace questions --------------------------------------------------------
    (
        "wkp-repeattraining-5",
        [W(0, REPEATTRAINING="5")],
        "WKP-REPEATTRAINING-INVALID",
        WKP,
        2,
        "REPEATTRAINING",
        WARN,
    ),
    ("wkp-cwpaware-5", [W(0, CWPAWARE="5")], "WKP-CWPAWARE-INVALID", WKP, 2, "CWPAWARE", WARN),
    ("wkp-cwpuse-3", [W(0, CWPUSE="3")], "WKP-CWPUSE-INVALID", WKP, 2, "CWPUSE", WARN),
    (
        "wkp-cwpuse-no-with-reasons",
        [W(0, CWPUSE="2;4", CWPUSEDESC="")],
        "WKP-CWPUSE-INVALID",
        WKP,
        2,
        "CWPUSE",
        WARN,
    ),
    (
        "wkp-cwpuse-reason-11",
        [W(0, CWPUSE="1;2;11")],
        "WKP-CWPUSE-REASON-INVALID",
        WKP,
        2,
        "CWPUSE",
        WARN,
    ),
    (
        "wkp-cwpusedesc-121",
        [W(0, CWPUSEDESC=X121)],
        "WKP-CWPUSEDESC-TOO-LONG",
        WKP,
        2,
        "CWPUSEDESC",
        WARN,
    ),
    (
        "wkp-cwpusedesc-no-reason-10",
        [W(0, CWPUSE="1;2")],
        "WKP-CWPUSEDESC-NOT-REQUIRED",
        WKP,
        2,
        "CWPUSE/CWPUSEDESC",
        WARN,
    ),
    ("wkp-sickpay-2", [W(0, SICKPAY="2")], "WKP-SICKPAY-INVALID", WKP, 2, "SICKPAY", WARN),
    ("wkp-pension-yes", [W(1, PENSION="yes")], "WKP-PENSION-INVALID", WKP, 3, "PENSION", WARN),
    (
        "wkp-actualcont-pension-0",
        [W(0, PENSION="0")],
        "WKP-ACTUALCONT-NOT-REQUIRED",
        WKP,
        2,
        "PENSION/ACTUALCONT",
        WARN,
    ),
    (
        "wkp-actualcont-3",
        [W(0, ACTUALCONT="3")],
        "WKP-ACTUALCONT-RANGE",
        WKP,
        2,
        "ACTUALCONT",
        WARN,
    ),
    (
        "wkp-actualcont-100.5",
        [W(0, ACTUALCONT="100.5")],
        "WKP-ACTUALCONT-RANGE",
        WKP,
        2,
        "ACTUALCONT",
        WARN,
    ),
    ("wkp-optoutpen-0", [W(0, OPTOUTPEN="0")], "WKP-OPTOUTPEN-INVALID", WKP, 2, "OPTOUTPEN", WARN),
    (
        "wkp-holiday-fraction",
        [W(0, HOLIDAY="28.5")],
        "WKP-HOLIDAY-INVALID",
        WKP,
        2,
        "HOLIDAY",
        WARN,
    ),
    ("wkp-sleepins-3", [W(0, SLEEPINS="3")], "WKP-SLEEPINS-INVALID", WKP, 2, "SLEEPINS", WARN),
    (
        "wkp-sleepins-day-care",
        [W(1, SLEEPINS="2")],
        "WKP-SLEEPINS-SERVICE",
        WKP,
        3,
        "MAINSERVICE/SLEEPINS",
        WARN,
    ),
    (
        "wkp-sleepinpay-sleepins-2",
        [W(0, SLEEPINPAY="1")],
        "WKP-SLEEPINPAY-NOT-REQUIRED",
        WKP,
        2,
        "SLEEPINS/SLEEPINPAY",
        WARN,
    ),
    (
        "wkp-sleepinpay-3",
        [W(0, SLEEPINS="1", SLEEPINPAY="3")],
        "WKP-SLEEPINPAY-INVALID",
        WKP,
        2,
        "SLEEPINPAY",
        WARN,
    ),
    (
        "wkp-sleepinpay-day-care",
        [W(1, SLEEPINS="1", SLEEPINPAY="1")],
        "WKP-SLEEPINPAY-SERVICE",
        WKP,
        3,
        "MAINSERVICE/SLEEPINPAY",
        WARN,
    ),
    (
        "wkp-traveltime-7",
        [W(0, TRAVELTIME="7")],
        "WKP-TRAVELTIME-INVALID",
        WKP,
        2,
        "TRAVELTIME",
        WARN,
    ),
    (
        "wkp-traveltime-day-care",
        [W(1, TRAVELTIME="2")],
        "WKP-TRAVELTIME-SERVICE",
        WKP,
        3,
        "MAINSERVICE/TRAVELTIME",
        WARN,
    ),
    (
        "wkp-ttdiffrate-traveltime-1",
        [W(0, TRAVELTIME="1")],
        "WKP-TTDIFFRATE-NOT-REQUIRED",
        WKP,
        2,
        "TRAVELTIME/TTDIFFRATE",
        WARN,
    ),
    (
        "wkp-ttdiffrate-2.49",
        [W(0, TTDIFFRATE="2.49")],
        "WKP-TTDIFFRATE-RANGE",
        WKP,
        2,
        "TTDIFFRATE",
        WARN,
    ),
    (
        "wkp-ttdiffrate-200.01",
        [W(0, TTDIFFRATE="200.01")],
        "WKP-TTDIFFRATE-RANGE",
        WKP,
        2,
        "TTDIFFRATE",
        WARN,
    ),
    (
        "wkp-ttdiffrate-day-care",
        [W(1, TRAVELTIME="3", TTDIFFRATE="10")],
        "WKP-TTDIFFRATE-SERVICE",
        WKP,
        3,
        "MAINSERVICE/TTDIFFRATE",
        WARN,
    ),
    # --- workplace against staff (cross-file) ---------------------------------------------
    (
        "wkp-totalpermtemp-3-for-2",
        [W(0, TOTALPERMTEMP="3")],
        "WKP-TOTALPERMTEMP-STAFF-COUNT",
        WKP,
        2,
        "TOTALPERMTEMP",
        WARN,
    ),
    (
        "wkp-totalpermtemp-deleted-staff",
        [S(1, STATUS="DELETE")],
        "WKP-TOTALPERMTEMP-STAFF-COUNT",
        WKP,
        2,
        "TOTALPERMTEMP",
        WARN,
    ),
    (
        "wkp-starters-above-staff",
        [W(0, STARTERS="0;3")],
        "WKP-STARTERS-RANGE",
        WKP,
        2,
        "STARTERS",
        WARN,
    ),
    (
        "wkp-leavers-equal-staff",
        [W(0, LEAVERS="0;2")],
        "WKP-LEAVERS-RANGE",
        WKP,
        2,
        "LEAVERS",
        WARN,
    ),
    (
        "wkp-vacancies-equal-staff",
        [W(0, VACANCIES="1;1")],
        "WKP-VACANCIES-RANGE",
        WKP,
        2,
        "VACANCIES",
        WARN,
    ),
    (
        "wkp-no-registered-manager",
        [S(0, MAINJOBROLE="3")],
        "WKP-VACANCIES-NO-REGISTERED-MANAGER",
        WKP,
        2,
        "VACANCIES",
        WARN,
    ),
    (
        "wkp-registered-manager-deleted",
        [S(0, STATUS="DELETE")],
        "WKP-VACANCIES-NO-REGISTERED-MANAGER",
        WKP,
        2,
        "VACANCIES",
        WARN,
    ),
    # --- staff identity -------------------------------------------------------------------
    (
        "stf-localestid-blank",
        [S(1, LOCALESTID="")],
        "STF-LOCALESTID-BLANK",
        STF,
        3,
        "LOCALESTID",
        E,
    ),
    (
        "stf-localestid-51",
        [S(1, LOCALESTID="W" * 51)],
        "STF-LOCALESTID-TOO-LONG",
        STF,
        3,
        "LOCALESTID",
        E,
    ),
    (
        "stf-worker-id-blank",
        [S(1, UNIQUEWORKERID="")],
        "STF-UNIQUEWORKERID-BLANK",
        STF,
        3,
        "UNIQUEWORKERID",
        E,
    ),
    (
        "stf-worker-id-51",
        [S(1, UNIQUEWORKERID="C" * 51)],
        "STF-UNIQUEWORKERID-TOO-LONG",
        STF,
        3,
        "UNIQUEWORKERID",
        E,
    ),
    (
        "stf-chguniquewrkid-51",
        [CHG, S(1, CHGUNIQUEWRKID="C" * 51)],
        "STF-CHGUNIQUEWRKID-TOO-LONG",
        STF,
        3,
        "CHGUNIQUEWRKID",
        E,
    ),
    ("stf-displayid-blank", [S(1, DISPLAYID="")], "STF-DISPLAYID-BLANK", STF, 3, "DISPLAYID", E),
    (
        "stf-displayid-51",
        [S(1, DISPLAYID="x" * 51)],
        "STF-DISPLAYID-TOO-LONG",
        STF,
        3,
        "DISPLAYID",
        E,
    ),
    # --- staff personal details -----------------------------------------------------------
    (
        "stf-emplstatus-blank",
        [S(1, EMPLSTATUS="")],
        "STF-EMPLSTATUS-BLANK",
        STF,
        3,
        "EMPLSTATUS",
        E,
    ),
    ("stf-emplstatus-0", [S(1, EMPLSTATUS="0")], "STF-EMPLSTATUS-BLANK", STF, 3, "EMPLSTATUS", E),
    (
        "stf-emplstatus-text",
        [S(1, EMPLSTATUS="bank")],
        "STF-EMPLSTATUS-BLANK",
        STF,
        3,
        "EMPLSTATUS",
        E,
    ),
    ("stf-emplstatus-5", [S(1, EMPLSTATUS="5")], "STF-EMPLSTATUS-INVALID", STF, 3, "EMPLSTATUS", E),
    (
        "stf-ninumber-short",
        [S(0, NINUMBER="JA12345A")],
        "STF-NINUMBER-FORMAT",
        STF,
        2,
        "NINUMBER",
        E,
    ),
    ("stf-postcode-blank", [S(1, POSTCODE="")], "STF-POSTCODE-BLANK", STF, 3, "POSTCODE", WARN),
    (
        "stf-postcode-no-space",
        [S(0, POSTCODE="LS11AA")],
        "STF-POSTCODE-FORMAT",
        STF,
        2,
        "POSTCODE",
        E,
    ),
    (
        "stf-postcode-two-spaces",
        [S(0, POSTCODE="LS1  1AA")],
        "STF-POSTCODE-FORMAT",
        STF,
        2,
        "POSTCODE",
        E,
    ),
    ("stf-dob-blank", [S(1, DOB="")], "STF-DOB-MISSING", STF, 3, "DOB", WARN),
    ("stf-dob-iso", [S(0, DOB="1982-12-10")], "STF-DOB-FORMAT", STF, 2, "DOB", WARN),
    ("stf-dob-31-feb", [S(0, DOB="31/02/1982")], "STF-DOB-FORMAT", STF, 2, "DOB", WARN),
    ("stf-dob-age-13", [S(1, DOB="01/04/2011")], "STF-DOB-RANGE", STF, 3, "DOB", WARN),
    ("stf-dob-age-101", [S(1, DOB="31/03/1924")], "STF-DOB-RANGE", STF, 3, "DOB", WARN),
    ("stf-gender-5", [S(1, GENDER="5")], "STF-GENDER-INVALID", STF, 3, "GENDER", E),
    ("stf-ethnicity-30", [S(1, ETHNICITY="30")], "STF-ETHNICITY-INVALID", STF, 3, "ETHNICITY", E),
    (
        "stf-nationality-text",
        [S(1, NATIONALITY="Irish")],
        "STF-NATIONALITY-FORMAT",
        STF,
        3,
        "NATIONALITY",
        E,
    ),
    (
        "stf-nationality-1",
        [S(1, NATIONALITY="1")],
        "STF-NATIONALITY-INVALID",
        STF,
        3,
        "NATIONALITY",
        E,
    ),
    (
        "stf-citizenship-british",
        [S(0, BRITISHCITIZENSHIP="1")],
        "STF-BRITISHCITIZENSHIP-NOT-REQUIRED",
        STF,
        2,
        "NATIONALITY/BRITISHCITIZENSHIP",
        WARN,
    ),
    (
        "stf-citizenship-3",
        [S(1, BRITISHCITIZENSHIP="3")],
        "STF-BRITISHCITIZENSHIP-INVALID",
        STF,
        3,
        "BRITISHCITIZENSHIP",
        E,
    ),
    (
        "stf-country-text",
        [S(1, COUNTRYOFBIRTH="Ireland")],
        "STF-COUNTRYOFBIRTH-FORMAT",
        STF,
        3,
        "COUNTRYOFBIRTH",
        E,
    ),
    (
        "stf-country-1",
        [S(1, COUNTRYOFBIRTH="1")],
        "STF-COUNTRYOFBIRTH-INVALID",
        STF,
        3,
        "COUNTRYOFBIRTH",
        E,
    ),
    (
        "stf-entry-2-digits",
        [S(1, YEAROFENTRY="18")],
        "STF-YEAROFENTRY-FORMAT",
        STF,
        3,
        "YEAROFENTRY",
        E,
    ),
    (
        "stf-entry-future",
        [S(1, YEAROFENTRY="2026")],
        "STF-YEAROFENTRY-FUTURE",
        STF,
        3,
        "YEAROFENTRY",
        E,
    ),
    (
        "stf-entry-before-birth",
        [S(1, YEAROFENTRY="1994")],
        "STF-YEAROFENTRY-BEFORE-DOB",
        STF,
        3,
        "YEAROFENTRY/DOB",
        E,
    ),
    (
        "stf-entry-no-country",
        [S(1, COUNTRYOFBIRTH="")],
        "STF-YEAROFENTRY-NO-COUNTRY",
        STF,
        3,
        "YEAROFENTRY/COUNTRYOFBIRTH",
        WARN,
    ),
    (
        "stf-entry-uk-born",
        [S(1, COUNTRYOFBIRTH="826")],
        "STF-YEAROFENTRY-UK-BORN",
        STF,
        3,
        "YEAROFENTRY/COUNTRYOFBIRTH",
        WARN,
    ),
    ("stf-disabled-4", [S(1, DISABLED="4")], "STF-DISABLED-INVALID", STF, 3, "DISABLED", E),
    ("stf-carecert-4", [S(1, CARECERT="4")], "STF-CARECERT-INVALID", STF, 3, "CARECERT", E),
    ("stf-l2-4", [S(1, L2CARECERT="4")], "STF-L2CARECERT-INVALID", STF, 3, "L2CARECERT", WARN),
    (
        "stf-l2-three-items",
        [S(1, L2CARECERT="1;2024;2025")],
        "STF-L2CARECERT-INVALID",
        STF,
        3,
        "L2CARECERT",
        WARN,
    ),
    (
        "stf-l2-started-with-year",
        [S(1, L2CARECERT="2;2024")],
        "STF-L2CARECERT-STARTED-YEAR",
        STF,
        3,
        "L2CARECERT",
        WARN,
    ),
    (
        "stf-l2-no-with-year",
        [S(1, L2CARECERT="3;2024")],
        "STF-L2CARECERT-NO-YEAR",
        STF,
        3,
        "L2CARECERT",
        WARN,
    ),
    (
        "stf-l2-year-2-digits",
        [S(1, L2CARECERT="1;24")],
        "STF-L2CARECERT-YEAR-FORMAT",
        STF,
        3,
        "L2CARECERT",
        WARN,
    ),
    (
        "stf-l2-year-2023",
        [S(1, L2CARECERT="1;2023")],
        "STF-L2CARECERT-YEAR-EARLY",
        STF,
        3,
        "L2CARECERT",
        WARN,
    ),
    (
        "stf-l2-year-2026",
        [S(1, L2CARECERT="1;2026")],
        "STF-L2CARECERT-YEAR-FUTURE",
        STF,
        3,
        "L2CARECERT",
        WARN,
    ),
    ("stf-recsource-3", [S(1, RECSOURCE="3")], "STF-RECSOURCE-INVALID", STF, 3, "RECSOURCE", E),
    (
        "stf-visa-british",
        [S(0, HANDCVISA="2")],
        "STF-HANDCVISA-NOT-REQUIRED",
        STF,
        2,
        "NATIONALITY/HANDCVISA",
        WARN,
    ),
    (
        "stf-visa-british-citizen",
        [S(1, BRITISHCITIZENSHIP="1")],
        "STF-HANDCVISA-NOT-REQUIRED",
        STF,
        3,
        "NATIONALITY/HANDCVISA",
        WARN,
    ),
    ("stf-visa-3", [S(1, HANDCVISA="3")], "STF-HANDCVISA-INVALID", STF, 3, "HANDCVISA", WARN),
    (
        "stf-inoutuk-no-visa",
        [S(1, INOUTUK="1")],
        "STF-INOUTUK-NOT-REQUIRED",
        STF,
        3,
        "HANDCVISA/INOUTUK",
        WARN,
    ),
    (
        "stf-inoutuk-3",
        [S(1, HANDCVISA="1", INOUTUK="3")],
        "STF-INOUTUK-INVALID",
        STF,
        3,
        "INOUTUK",
        WARN,
    ),
    # --- staff employment -----------------------------------------------------------------
    (
        "stf-startdate-blank",
        [S(0, STARTDATE="")],
        "STF-STARTDATE-MISSING",
        STF,
        2,
        "STARTDATE",
        WARN,
    ),
    (
        "stf-startdate-unpadded",
        [S(0, STARTDATE="1/4/2015")],
        "STF-STARTDATE-FORMAT",
        STF,
        2,
        "STARTDATE",
        WARN,
    ),
    (
        "stf-startdate-31-april",
        [S(0, STARTDATE="31/04/2015")],
        "STF-STARTDATE-FORMAT",
        STF,
        2,
        "STARTDATE",
        WARN,
    ),
    (
        "stf-startdate-tomorrow",
        [S(0, STARTDATE="02/06/2025")],
        "STF-STARTDATE-FUTURE",
        STF,
        2,
        "STARTDATE",
        WARN,
    ),
    (
        "stf-startdate-age-13",
        [S(0, STARTDATE="09/12/1996")],
        "STF-STARTDATE-BEFORE-14",
        STF,
        2,
        "STARTDATE/DOB",
        WARN,
    ),
    (
        "stf-startdate-before-entry",
        [S(1, STARTDATE="31/12/2017")],
        "STF-STARTDATE-BEFORE-ENTRY",
        STF,
        3,
        "STARTDATE/YEAROFENTRY",
        WARN,
    ),
    (
        "stf-startinsect-blank",
        [S(0, STARTINSECT="")],
        "STF-STARTINSECT-MISSING",
        STF,
        2,
        "STARTINSECT",
        WARN,
    ),
    (
        "stf-startinsect-2-digits",
        [S(0, STARTINSECT="05")],
        "STF-STARTINSECT-FORMAT",
        STF,
        2,
        "STARTINSECT",
        WARN,
    ),
    (
        "stf-startinsect-5-digits",
        [S(0, STARTINSECT="12345")],
        "STF-STARTINSECT-FORMAT",
        STF,
        2,
        "STARTINSECT",
        WARN,
    ),
    (
        "stf-startinsect-after-start",
        [S(0, STARTINSECT="2016")],
        "STF-STARTINSECT-AFTER-STARTDATE",
        STF,
        2,
        "STARTINSECT/STARTDATE",
        WARN,
    ),
    (
        "stf-startinsect-age-13",
        [S(0, STARTINSECT="1995")],
        "STF-STARTINSECT-BEFORE-14",
        STF,
        2,
        "STARTINSECT/DOB",
        WARN,
    ),
    ("stf-dha-3", [S(1, DHA="3")], "STF-DHA-INVALID", STF, 3, "DHA", WARN),
    (
        "stf-apprentice-0",
        [S(1, APPRENTICE="0")],
        "STF-APPRENTICE-INVALID",
        STF,
        3,
        "APPRENTICE",
        WARN,
    ),
    ("stf-zerohrcont-3", [S(1, ZEROHRCONT="3")], "STF-ZEROHRCONT-INVALID", STF, 3, "ZEROHRCONT", E),
    (
        "stf-zerohrcont-blank-with-hours",
        [S(0, ZEROHRCONT="")],
        "STF-ZEROHRCONT-MISSING",
        STF,
        2,
        "CONTHOURS/ZEROHRCONT",
        WARN,
    ),
    (
        "stf-zerohrcont-1-with-hours",
        [S(0, ZEROHRCONT="1")],
        "STF-ZEROHRCONT-CONTHOURS",
        STF,
        2,
        "CONTHOURS/ZEROHRCONT",
        E,
    ),
    (
        "stf-zerohrcont-999-with-hours",
        [S(0, ZEROHRCONT="999")],
        "STF-ZEROHRCONT-CONTHOURS",
        STF,
        2,
        "CONTHOURS/ZEROHRCONT",
        E,
    ),
    (
        "stf-conthours-0-not-zero-hours",
        [S(0, CONTHOURS="0")],
        "STF-ZEROHRCONT-ZERO-HOURS",
        STF,
        2,
        "CONTHOURS/ZEROHRCONT",
        WARN,
    ),
    ("stf-dayssick-3.3", [S(0, DAYSSICK="3.3")], "STF-DAYSSICK-INVALID", STF, 2, "DAYSSICK", WARN),
    (
        "stf-dayssick-366.5",
        [S(0, DAYSSICK="366.5")],
        "STF-DAYSSICK-INVALID",
        STF,
        2,
        "DAYSSICK",
        WARN,
    ),
    (
        "stf-dayssick-negative",
        [S(0, DAYSSICK="-1")],
        "STF-DAYSSICK-INVALID",
        STF,
        2,
        "DAYSSICK",
        WARN,
    ),
    ("stf-salaryint-text", [S(0, SALARYINT="x")], "STF-SALARYINT-FORMAT", STF, 2, "SALARYINT", E),
    ("stf-salaryint-2", [S(0, SALARYINT="2")], "STF-SALARYINT-INVALID", STF, 2, "SALARYINT", E),
    (
        "stf-salary-with-999",
        [S(0, SALARYINT="999")],
        "STF-SALARY-IGNORED",
        STF,
        2,
        "SALARYINT/SALARY",
        WARN,
    ),
    (
        "stf-salary-without-interval",
        [S(0, SALARYINT="")],
        "STF-SALARY-SALARYINT",
        STF,
        2,
        "SALARYINT/SALARY",
        E,
    ),
    (
        "stf-salary-hourly-interval",
        [S(0, SALARYINT="3")],
        "STF-SALARY-SALARYINT",
        STF,
        2,
        "SALARYINT/SALARY",
        E,
    ),
    ("stf-salary-499", [S(0, SALARY="499")], "STF-SALARY-RANGE", STF, 2, "SALARY", E),
    ("stf-salary-200001", [S(0, SALARY="200001")], "STF-SALARY-RANGE", STF, 2, "SALARY", E),
    (
        "stf-salary-senior-250001",
        [S(0, MAINJOBROLE="1", SALARY="250001")],
        "STF-SALARY-RANGE",
        STF,
        2,
        "SALARY",
        E,
    ),
    (
        "stf-hourlyrate-with-999",
        [S(1, SALARYINT="999")],
        "STF-HOURLYRATE-IGNORED",
        STF,
        3,
        "SALARYINT/HOURLYRATE",
        WARN,
    ),
    (
        "stf-hourlyrate-annual-interval",
        [S(1, SALARYINT="1")],
        "STF-HOURLYRATE-SALARYINT",
        STF,
        3,
        "SALARYINT/HOURLYRATE",
        E,
    ),
    (
        "stf-hourlyrate-3-decimals",
        [S(1, HOURLYRATE="10.555")],
        "STF-HOURLYRATE-FORMAT",
        STF,
        3,
        "HOURLYRATE",
        E,
    ),
    (
        "stf-mainjobrole-blank",
        [S(1, MAINJOBROLE="")],
        "STF-MAINJOBROLE-BLANK",
        STF,
        3,
        "MAINJOBROLE",
        E,
    ),
    (
        "stf-mainjobrole-text",
        [S(1, MAINJOBROLE="care worker")],
        "STF-MAINJOBROLE-BLANK",
        STF,
        3,
        "MAINJOBROLE",
        E,
    ),
    (
        "stf-mainjobrole-12",
        [S(1, MAINJOBROLE="12")],
        "STF-MAINJOBROLE-INVALID",
        STF,
        3,
        "MAINJOBROLE",
        E,
    ),
    (
        "stf-mainjrdesc-missing",
        [S(1, MAINJOBROLE="23")],
        "STF-MAINJRDESC-MISSING",
        STF,
        3,
        "MAINJOBROLE/MAINJRDESC",
        E,
    ),
    (
        "stf-mainjrdesc-121",
        [S(1, MAINJOBROLE="27", MAINJRDESC=X121)],
        "STF-MAINJRDESC-TOO-LONG",
        STF,
        3,
        "MAINJRDESC",
        E,
    ),
    (
        "stf-mainjrdesc-care-worker",
        [S(1, MAINJRDESC="Care")],
        "STF-MAINJRDESC-NOT-REQUIRED",
        STF,
        3,
        "MAINJOBROLE/MAINJRDESC",
        WARN,
    ),
    (
        "stf-conthours-zero-hours",
        [S(0, ZEROHRCONT="1")],
        "STF-CONTHOURS-ZERO-HOURS",
        STF,
        2,
        "ZEROHRCONT/CONTHOURS",
        WARN,
    ),
    (
        "stf-conthours-pool-bank",
        [S(1, CONTHOURS="10")],
        "STF-CONTHOURS-NOT-EMPLOYED",
        STF,
        3,
        "EMPLSTATUS/CONTHOURS",
        WARN,
    ),
    (
        "stf-avghours-permanent",
        [S(0, AVGHOURS="30")],
        "STF-AVGHOURS-EMPLOYED",
        STF,
        2,
        "EMPLSTATUS/AVGHOURS",
        WARN,
    ),
    (
        "stf-conthours-quarter",
        [S(0, CONTHOURS="37.25")],
        "STF-CONTHOURS-FORMAT",
        STF,
        2,
        "CONTHOURS",
        WARN,
    ),
    (
        "stf-avghours-decimal",
        [S(1, AVGHOURS="22.3")],
        "STF-AVGHOURS-FORMAT",
        STF,
        3,
        "AVGHOURS",
        WARN,
    ),
    (
        "stf-conthours-75.5",
        [S(0, CONTHOURS="75.5")],
        "STF-CONTHOURS-TOO-HIGH",
        STF,
        2,
        "CONTHOURS",
        WARN,
    ),
    ("stf-avghours-76", [S(1, AVGHOURS="76")], "STF-AVGHOURS-TOO-HIGH", STF, 3, "AVGHOURS", WARN),
    # --- staff role-specific questions ----------------------------------------------------
    (
        "stf-nurse-without-nmcreg",
        [S(1, MAINJOBROLE="16")],
        "STF-NMCREG-MISSING",
        STF,
        3,
        "MAINJOBROLE/NMCREG",
        WARN,
    ),
    (
        "stf-nmcreg-care-worker",
        [S(1, NMCREG="1")],
        "STF-NMCREG-NOT-REQUIRED",
        STF,
        3,
        "MAINJOBROLE/NMCREG",
        WARN,
    ),
    (
        "stf-nmcreg-6",
        [S(1, MAINJOBROLE="16", NMCREG="6")],
        "STF-NMCREG-INVALID",
        STF,
        3,
        "NMCREG",
        WARN,
    ),
    (
        "stf-social-worker-without-amhp",
        [S(1, MAINJOBROLE="6")],
        "STF-AMHP-MISSING",
        STF,
        3,
        "MAINJOBROLE/AMHP",
        WARN,
    ),
    ("stf-amhp-3", [S(1, MAINJOBROLE="6", AMHP="3")], "STF-AMHP-INVALID", STF, 3, "AMHP", WARN),
    (
        "stf-amhp-care-worker",
        [S(1, AMHP="1")],
        "STF-AMHP-NOT-REQUIRED",
        STF,
        3,
        "MAINJOBROLE/AMHP",
        WARN,
    ),
    ("stf-scqual-blank", [S(1, SCQUAL="")], "STF-SCQUAL-BLANK", STF, 3, "SCQUAL", WARN),
    ("stf-scqual-3", [S(1, SCQUAL="3")], "STF-SCQUAL-INVALID", STF, 3, "SCQUAL", E),
    ("stf-scqual-3-items", [S(1, SCQUAL="1;2;3")], "STF-SCQUAL-INVALID", STF, 3, "SCQUAL", E),
    ("stf-nonscqual-4", [S(1, NONSCQUAL="4")], "STF-NONSCQUAL-INVALID", STF, 3, "NONSCQUAL", E),
    ("stf-scqual-1-no-level", [S(1, SCQUAL="1")], "STF-SCQUAL-NO-LEVEL", STF, 3, "SCQUAL", E),
    ("stf-scqual-1-empty-level", [S(1, SCQUAL="1;")], "STF-SCQUAL-NO-LEVEL", STF, 3, "SCQUAL", E),
    (
        "stf-scqual-regulated",
        [S(1, MAINJOBROLE="6", AMHP="2", SCQUAL="1")],
        "STF-SCQUAL-REGULATED-PROFESSION",
        STF,
        3,
        "MAINJOBROLE/SCQUAL",
        WARN,
    ),
    (
        "stf-scqual-level-9",
        [S(1, SCQUAL="1;9")],
        "STF-SCQUAL-LEVEL-INVALID",
        STF,
        3,
        "SCQUAL",
        WARN,
    ),
    (
        "stf-nonscqual-level-10",
        [S(1, NONSCQUAL="1;10")],
        "STF-NONSCQUAL-LEVEL-INVALID",
        STF,
        3,
        "NONSCQUAL",
        WARN,
    ),
    (
        "stf-cwpcategory-8",
        [S(1, CWPCATEGORY="8")],
        "STF-CWPCATEGORY-INVALID",
        STF,
        3,
        "CWPCATEGORY",
        WARN,
    ),
    # --- qualifications (QUALACH01..99) ---------------------------------------------------
    (
        "stf-qualach01-text-code",
        [S(0, QUALACH01="abc;2010")],
        "STF-QUALACH-CODE-FORMAT",
        STF,
        2,
        "QUALACH01",
        E,
    ),
    (
        "stf-qualach04-text-code",
        [QUAL04, S(0, QUALACH04="abc;2010")],
        "STF-QUALACH-CODE-FORMAT",
        STF,
        2,
        "QUALACH04",
        E,
    ),
    (
        "stf-qualach02-code-7",
        [S(0, QUALACH02="7;2010")],
        "STF-QUALACH-CODE-INVALID",
        STF,
        2,
        "QUALACH02",
        E,
    ),
    (
        "stf-qualach04-code-7",
        [QUAL04, S(0, QUALACH04="7;2010")],
        "STF-QUALACH-CODE-INVALID",
        STF,
        2,
        "QUALACH04",
        E,
    ),
    (
        "stf-qualach01-no-year",
        [S(0, QUALACH01="20")],
        "STF-QUALACH-YEAR-BLANK",
        STF,
        2,
        "QUALACH01",
        WARN,
    ),
    (
        "stf-qualach03-empty-year",
        [S(0, QUALACH03="20;")],
        "STF-QUALACH-YEAR-BLANK",
        STF,
        2,
        "QUALACH03",
        WARN,
    ),
    (
        "stf-qualach01-year-1924",
        [S(0, QUALACH01="20;1924")],
        "STF-QUALACH-YEAR-INVALID",
        STF,
        2,
        "QUALACH01",
        E,
    ),
    (
        "stf-qualach01-year-2026",
        [S(0, QUALACH01="20;2026")],
        "STF-QUALACH-YEAR-INVALID",
        STF,
        2,
        "QUALACH01",
        E,
    ),
    (
        "stf-qualach04-year-10",
        [QUAL04, S(0, QUALACH04="20;10")],
        "STF-QUALACH-YEAR-INVALID",
        STF,
        2,
        "QUALACH04",
        E,
    ),
    (
        "stf-qualach01notes-121",
        [S(0, QUALACH01NOTES=X121)],
        "STF-QUALACHNOTES-TOO-LONG",
        STF,
        2,
        "QUALACH01NOTES",
        WARN,
    ),
    (
        "stf-qualach04notes-121",
        [QUAL04, S(0, QUALACH04="20;2010", QUALACH04NOTES=X121)],
        "STF-QUALACHNOTES-TOO-LONG",
        STF,
        2,
        "QUALACH04NOTES",
        WARN,
    ),
    # --- staff against workplace and other staff (cross-file) -----------------------------
    (
        "stf-worker-repeated",
        [copy(STF, 1)],
        "STF-UNIQUEWORKERID-DUPLICATE",
        STF,
        5,
        "LOCALESTID/UNIQUEWORKERID",
        E,
    ),
    (
        "stf-worker-repeated-spaces",
        [copy(STF, 1, UNIQUEWORKERID="C W1")],
        "STF-UNIQUEWORKERID-DUPLICATE",
        STF,
        5,
        "LOCALESTID/UNIQUEWORKERID",
        E,
    ),
    (
        "stf-worker-repeated-deleted",
        [copy(STF, 1, STATUS="DELETE")],
        "STF-UNIQUEWORKERID-DUPLICATE",
        STF,
        5,
        "LOCALESTID/UNIQUEWORKERID",
        E,
    ),
    (
        "stf-rename-to-existing",
        [CHG, S(1, CHGUNIQUEWRKID="RM1")],
        "STF-CHGUNIQUEWRKID-DUPLICATE",
        STF,
        3,
        "LOCALESTID/CHGUNIQUEWRKID",
        E,
    ),
    (
        "stf-two-renamed-alike",
        [CHG, S(0, CHGUNIQUEWRKID="X1"), S(1, CHGUNIQUEWRKID="X1")],
        "STF-CHGUNIQUEWRKID-DUPLICATE",
        STF,
        3,
        "LOCALESTID/CHGUNIQUEWRKID",
        E,
    ),
    (
        "stf-unknown-workplace",
        [S(1, LOCALESTID="WP9")],
        "STF-LOCALESTID-NOT-IN-WORKPLACE-FILE",
        STF,
        3,
        "LOCALESTID",
        E,
    ),
    (
        "stf-workplace-case-differs",
        [S(1, LOCALESTID="wp1")],
        "STF-LOCALESTID-NOT-IN-WORKPLACE-FILE",
        STF,
        3,
        "LOCALESTID",
        E,
    ),
    (
        "stf-workplace-deleted",
        [W(1, STATUS="DELETE")],
        "STF-WORKPLACE-DELETED",
        STF,
        4,
        "LOCALESTID",
        WARN,
    ),
    (
        "stf-registered-manager-non-cqc",
        [S(2, MAINJOBROLE="4")],
        "STF-MAINJOBROLE-REGISTERED-MANAGER-NOT-CQC",
        STF,
        4,
        "MAINJOBROLE",
        E,
    ),
    (
        "stf-registered-manager-moved-to-non-cqc",
        [TRANSFER, S(0, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2")],
        "STF-MAINJOBROLE-REGISTERED-MANAGER-NOT-CQC",
        STF,
        2,
        "MAINJOBROLE",
        E,
    ),
    (
        "stf-part-time-fte-salary",
        [copy(STF, 0, UNIQUEWORKERID="RM2", NINUMBER="", CONTHOURS="20")],
        "STF-SALARY-FTE",
        STF,
        5,
        "SALARY",
        WARN,
    ),
    (
        "stf-ni-over-75-hours",
        [copy(STF, 0, UNIQUEWORKERID="RM2", CONTHOURS="38")],
        "STF-NINUMBER-HOURS",
        STF,
        5,
        "NINUMBER",
        E,
    ),
    (
        "stf-ni-over-75-hours-spaced",
        [copy(STF, 0, UNIQUEWORKERID="RM2", NINUMBER="ja 123456 a", CONTHOURS="38")],
        "STF-NINUMBER-HOURS",
        STF,
        5,
        "NINUMBER",
        E,
    ),
    (
        "stf-transfer-unknown",
        [TRANSFER, S(1, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP9")],
        "STF-TRANSFERSTAFFRECORD-UNKNOWN",
        STF,
        3,
        "TRANSFERSTAFFRECORD",
        E,
    ),
    (
        "stf-transfer-id-taken",
        [TRANSFER, S(1, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2"), S(2, UNIQUEWORKERID="CW1")],
        "STF-TRANSFERSTAFFRECORD-ID-EXISTS",
        STF,
        3,
        "TRANSFERSTAFFRECORD/UNIQUEWORKERID",
        E,
    ),
    (
        "stf-transfer-two-alike",
        [
            TRANSFER,
            copy(WKP, 1, LOCALESTID="WP3"),
            S(1, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2"),
            copy(STF, 1, LOCALESTID="WP3", STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2"),
        ],
        "STF-TRANSFERSTAFFRECORD-DUPLICATE",
        STF,
        5,
        "TRANSFERSTAFFRECORD/UNIQUEWORKERID",
        E,
    ),
    (
        "stf-dha-administrator",
        [S(1, MAINJOBROLE="25")],
        "STF-DHA-JOB-ROLE",
        STF,
        3,
        "MAINJOBROLE/DHA",
        WARN,
    ),
    (
        "stf-dha-workplace-carers-support",
        [W(1, MAINSERVICE="13", ALLSERVICES="13", DHA=""), S(2, DHA="1")],
        "STF-DHA-WORKPLACE-SERVICE",
        STF,
        4,
        "DHA",
        WARN,
    ),
    ("stf-dha-workplace-no", [S(2, DHA="1")], "STF-DHA-WORKPLACE-NO", STF, 4, "DHA", WARN),
    # --- training fields ------------------------------------------------------------------
    (
        "trn-localestid-blank",
        [T(1, LOCALESTID="")],
        "TRN-LOCALESTID-BLANK",
        TRN,
        3,
        "LOCALESTID",
        E,
    ),
    (
        "trn-localestid-51",
        [T(1, LOCALESTID="W" * 51)],
        "TRN-LOCALESTID-TOO-LONG",
        TRN,
        3,
        "LOCALESTID",
        E,
    ),
    (
        "trn-worker-id-blank",
        [T(1, UNIQUEWORKERID="")],
        "TRN-UNIQUEWORKERID-BLANK",
        TRN,
        3,
        "UNIQUEWORKERID",
        E,
    ),
    (
        "trn-worker-id-51",
        [T(1, UNIQUEWORKERID="C" * 51)],
        "TRN-UNIQUEWORKERID-TOO-LONG",
        TRN,
        3,
        "UNIQUEWORKERID",
        E,
    ),
    ("trn-category-blank", [T(1, CATEGORY="")], "TRN-CATEGORY-BLANK", TRN, 3, "CATEGORY", E),
    ("trn-category-3", [T(1, CATEGORY="3")], "TRN-CATEGORY-INVALID", TRN, 3, "CATEGORY", E),
    ("trn-category-24", [T(1, CATEGORY="24")], "TRN-CATEGORY-INVALID", TRN, 3, "CATEGORY", E),
    ("trn-category-text", [T(1, CATEGORY="fire")], "TRN-CATEGORY-INVALID", TRN, 3, "CATEGORY", E),
    (
        "trn-name-121",
        [T(1, TRAININGNAME=X121)],
        "TRN-TRAININGNAME-TOO-LONG",
        TRN,
        3,
        "TRAININGNAME",
        E,
    ),
    ("trn-accredited-2", [T(1, ACCREDITED="2")], "TRN-ACCREDITED-INVALID", TRN, 3, "ACCREDITED", E),
    (
        "trn-whodelivered-3",
        [T(1, WHODELIVERED="3")],
        "TRN-WHODELIVERED-INVALID",
        TRN,
        3,
        "WHODELIVERED",
        E,
    ),
    (
        "trn-provider-in-house",
        [T(1, PROVIDERNAME="88")],
        "TRN-PROVIDERNAME-NOT-REQUIRED",
        TRN,
        3,
        "WHODELIVERED/PROVIDERNAME",
        WARN,
    ),
    (
        "trn-provider-89",
        [T(0, PROVIDERNAME="89")],
        "TRN-PROVIDERNAME-INVALID",
        TRN,
        2,
        "PROVIDERNAME",
        E,
    ),
    (
        "trn-howdelivered-3",
        [T(1, HOWDELIVERED="3")],
        "TRN-HOWDELIVERED-INVALID",
        TRN,
        3,
        "HOWDELIVERED",
        E,
    ),
    ("trn-validity-0", [T(0, VALIDITY="0")], "TRN-VALIDITY-INVALID", TRN, 2, "VALIDITY", E),
    ("trn-validity-1000", [T(0, VALIDITY="1000")], "TRN-VALIDITY-INVALID", TRN, 2, "VALIDITY", E),
    (
        "trn-validity-text",
        [T(0, VALIDITY="12 months")],
        "TRN-VALIDITY-INVALID",
        TRN,
        2,
        "VALIDITY",
        E,
    ),
    (
        "trn-validity-none-with-expiry",
        [T(1, EXPIRYDATE="05/03/2025")],
        "TRN-VALIDITY-NONE-EXPIRYDATE",
        TRN,
        3,
        "EXPIRYDATE/VALIDITY",
        WARN,
    ),
    (
        "trn-expiry-not-validity",
        [T(1, VALIDITY="12", DATECOMPLETED="01/01/2022", EXPIRYDATE="01/01/2023")],
        "TRN-VALIDITY-EXPIRYDATE-MISMATCH",
        TRN,
        3,
        "EXPIRYDATE/VALIDITY",
        WARN,
    ),
    (
        "trn-completed-unpadded",
        [T(1, DATECOMPLETED="1/1/2022")],
        "TRN-DATECOMPLETED-FORMAT",
        TRN,
        3,
        "DATECOMPLETED",
        E,
    ),
    (
        "trn-completed-iso",
        [T(1, DATECOMPLETED="2022-01-01")],
        "TRN-DATECOMPLETED-FORMAT",
        TRN,
        3,
        "DATECOMPLETED",
        E,
    ),
    (
        "trn-completed-tomorrow",
        [T(1, DATECOMPLETED="02/06/2025")],
        "TRN-DATECOMPLETED-FUTURE",
        TRN,
        3,
        "DATECOMPLETED",
        E,
    ),
    (
        "trn-expiry-iso",
        [T(0, EXPIRYDATE="2028-01-09")],
        "TRN-EXPIRYDATE-FORMAT",
        TRN,
        2,
        "EXPIRYDATE",
        E,
    ),
    (
        "trn-expiry-same-day",
        [T(0, VALIDITY="", EXPIRYDATE="10/01/2025")],
        "TRN-EXPIRYDATE-NOT-AFTER-COMPLETED",
        TRN,
        2,
        "EXPIRYDATE/DATECOMPLETED",
        E,
    ),
    (
        "trn-expiry-day-before",
        [T(0, VALIDITY="", EXPIRYDATE="09/01/2025")],
        "TRN-EXPIRYDATE-NOT-AFTER-COMPLETED",
        TRN,
        2,
        "EXPIRYDATE/DATECOMPLETED",
        E,
    ),
    ("trn-notes-1001", [T(1, NOTES="x" * 1001)], "TRN-NOTES-TOO-LONG", TRN, 3, "NOTES", E),
    # --- training against workplace and staff (cross-file) --------------------------------
    (
        "trn-unknown-workplace",
        [T(1, LOCALESTID="WP9")],
        "TRN-LOCALESTID-NOT-IN-WORKPLACE-FILE",
        TRN,
        3,
        "LOCALESTID",
        E,
    ),
    (
        "trn-without-staff",
        [T(1, UNIQUEWORKERID="CW9")],
        "TRN-UNIQUEWORKERID-NOT-IN-STAFF-FILE",
        TRN,
        3,
        "LOCALESTID/UNIQUEWORKERID",
        E,
    ),
    (
        "trn-staff-at-other-workplace",
        [T(1, LOCALESTID="WP2")],
        "TRN-UNIQUEWORKERID-NOT-IN-STAFF-FILE",
        TRN,
        3,
        "LOCALESTID/UNIQUEWORKERID",
        E,
    ),
    (
        "trn-staff-deleted",
        [S(1, STATUS="DELETE")],
        "TRN-STAFF-DELETED",
        TRN,
        3,
        "LOCALESTID/UNIQUEWORKERID",
        WARN,
    ),
    (
        "trn-completed-age-13",
        [T(1, DATECOMPLETED="31/01/2009")],
        "TRN-DATECOMPLETED-BEFORE-14",
        TRN,
        3,
        "DATECOMPLETED",
        E,
    ),
    # --- rows left out with --skip-invalid-rows -------------------------------------------
    ("wkp-row-skipped", [W(1, ESTNAME=""), SKIP], "WKP-ROW-SKIPPED", WKP, 3, "", WARN),
    (
        "stf-workplace-skipped",
        [W(1, ESTNAME=""), SKIP],
        "STF-WORKPLACE-SKIPPED",
        STF,
        4,
        "LOCALESTID",
        WARN,
    ),
    ("stf-row-skipped", [S(1, EMPLSTATUS="5"), SKIP], "STF-ROW-SKIPPED", STF, 3, "", WARN),
    (
        "trn-staff-skipped",
        [S(1, EMPLSTATUS="5"), SKIP],
        "TRN-STAFF-SKIPPED",
        TRN,
        3,
        "LOCALESTID/UNIQUEWORKERID",
        WARN,
    ),
    ("trn-row-skipped", [T(1, CATEGORY="3"), SKIP], "TRN-ROW-SKIPPED", TRN, 3, "", WARN),
]

# (id, mutations, code that must not be found): the closely related valid variant.
NEAR_MISSES: list[tuple[str, list[tuple[Any, ...]], str]] = [
    ("wkp-full-row", [line(WKP, fields(44, "WP3", "NEW"))], "WKP-ROW-FIELD-COUNT"),
    ("stf-full-row", [line(STF, fields(44, "WP1", "RM9", "NEW", "X"))], "STF-ROW-FIELD-COUNT"),
    ("trn-full-row", [line(TRN, fields(12, "WP1", "CW1", "13"))], "TRN-ROW-FIELD-COUNT"),
    ("wkp-blank-line", [line(WKP, ""), line(WKP, "")], "WKP-ROW-EMPTY"),
    ("stf-blank-line", [line(STF, "")], "STF-ROW-EMPTY"),
    ("trn-one-value-row", [line(TRN, fields(12, "WP1"))], "TRN-ROW-EMPTY"),
    ("wkp-status-lower-case", [W(1, STATUS="update")], "WKP-STATUS-BLANK"),
    ("stf-status-lower-case", [S(1, STATUS="nochange")], "STF-STATUS-BLANK"),
    ("wkp-status-mixed-case", [W(0, STATUS="Unchecked")], "WKP-STATUS-INVALID"),
    ("stf-status-delete-lower", [S(0, STATUS="delete")], "STF-STATUS-INVALID"),
    ("wkp-id-with-space", [W(1, LOCALESTID="WP 2")], "WKP-LOCALESTID-BLANK"),
    ("wkp-id-50", [W(1, LOCALESTID="W" * 50)], "WKP-LOCALESTID-TOO-LONG"),
    ("wkp-id-new", [copy(WKP, 1, LOCALESTID="WP3")], "WKP-LOCALESTID-DUPLICATE"),
    ("wkp-name-one-letter", [W(0, ESTNAME="A")], "WKP-ESTNAME-BLANK"),
    ("wkp-name-120", [W(0, ESTNAME=X120)], "WKP-ESTNAME-TOO-LONG"),
    ("wkp-address1-one-letter", [W(0, ADDRESS1="x")], "WKP-ADDRESS1-BLANK"),
    ("wkp-address1-40", [W(0, ADDRESS1="x" * 40)], "WKP-ADDRESS1-TOO-LONG"),
    ("wkp-address2-40", [W(0, ADDRESS2="x" * 40)], "WKP-ADDRESS2-TOO-LONG"),
    ("wkp-address3-40", [W(0, ADDRESS3="x" * 40)], "WKP-ADDRESS3-TOO-LONG"),
    ("wkp-posttown-40", [W(0, POSTTOWN="x" * 40)], "WKP-POSTTOWN-TOO-LONG"),
    ("wkp-postcode-lower-case", [W(0, POSTCODE="ls1 1aa")], "WKP-POSTCODE-BLANK"),
    ("wkp-postcode-10", [W(0, POSTCODE="LS1 1AA XX")], "WKP-POSTCODE-TOO-LONG"),
    ("wkp-postcode-no-space", [W(0, POSTCODE="ls11aa")], "WKP-POSTCODE-FORMAT"),
    ("wkp-esttype-1", [W(0, ESTTYPE="1")], "WKP-ESTTYPE-BLANK"),
    ("wkp-esttype-7", [W(0, ESTTYPE="7")], "WKP-ESTTYPE-INVALID"),
    (
        "wkp-othertype-given",
        [W(0, ESTTYPE="8", OTHERTYPE="Social enterprise")],
        "WKP-OTHERTYPE-MISSING",
    ),
    ("wkp-othertype-240", [W(0, ESTTYPE="8", OTHERTYPE="x" * 240)], "WKP-OTHERTYPE-TOO-LONG"),
    ("wkp-othertype-with-8", [W(0, ESTTYPE="8", OTHERTYPE="Other")], "WKP-OTHERTYPE-NOT-REQUIRED"),
    ("wkp-permcqc-0", [W(0, PERMCQC="0")], "WKP-PERMCQC-INVALID"),
    ("wkp-permla-blank", [W(0, PERMLA="")], "WKP-PERMLA-INVALID"),
    ("wkp-regtype-02", [W(0, REGTYPE="02")], "WKP-REGTYPE-BLANK"),
    ("wkp-regtype-00", [W(1, REGTYPE="00")], "WKP-REGTYPE-INVALID"),
    (
        "wkp-regtype-2-head-office",
        [
            W(
                1,
                REGTYPE="2",
                PROVNUM="1-101234568",
                MAINSERVICE="72",
                ALLSERVICES="72",
                CAPACITY="",
                UTILISATION="",
            )
        ],
        "WKP-REGTYPE-CQC-MAINSERVICE",
    ),
    (
        "wkp-regtype-0-other-domiciliary",
        [W(0, REGTYPE="0", MAINSERVICE="12", ALLSERVICES="12;13")],
        "WKP-REGTYPE-NONCQC-MAINSERVICE",
    ),
    ("wkp-provnum-8-digits", [W(0, PROVNUM="1-12345678")], "WKP-PROVNUM-BLANK"),
    ("wkp-provnum-12-digits", [W(0, PROVNUM="1-123456789012")], "WKP-PROVNUM-FORMAT"),
    ("wkp-provnum-cqc", [W(0, PROVNUM="1-101234568")], "WKP-PROVNUM-NOT-REQUIRED"),
    (
        "wkp-locationid-head-office",
        [W(0, LOCATIONID="", MAINSERVICE="72", ALLSERVICES="72")],
        "WKP-LOCATIONID-BLANK",
    ),
    ("wkp-locationid-9-digits", [W(0, LOCATIONID="1-100021066")], "WKP-LOCATIONID-FORMAT"),
    (
        "wkp-locationid-other",
        [copy(WKP, 0, LOCALESTID="WP3", LOCATIONID="1-1000210670")],
        "WKP-LOCATIONID-DUPLICATE",
    ),
    ("wkp-locationid-cqc", [W(0, LOCATIONID="1-1000210670")], "WKP-LOCATIONID-NOT-REQUIRED"),
    ("wkp-mainservice-06", [W(1, MAINSERVICE="06")], "WKP-MAINSERVICE-BLANK"),
    ("wkp-mainservice-7", [W(1, MAINSERVICE="7", ALLSERVICES="7")], "WKP-MAINSERVICE-INVALID"),
    ("wkp-allservices-other-order", [W(0, ALLSERVICES="13;8")], "WKP-ALLSERVICES-MISSING-MAIN"),
    ("wkp-allservices-main-and-0", [W(1, ALLSERVICES="6;0")], "WKP-ALLSERVICES-ZERO-WITH-OTHERS"),
    ("wkp-allservices-spaced", [W(0, ALLSERVICES="8; 13")], "WKP-ALLSERVICES-ITEM-FORMAT"),
    ("wkp-allservices-14", [W(0, ALLSERVICES="8;14")], "WKP-ALLSERVICES-INVALID"),
    ("wkp-capacity-9998", [W(1, CAPACITY="9998")], "WKP-CAPACITY-FORMAT"),
    ("wkp-utilisation-0", [W(1, UTILISATION="0")], "WKP-UTILISATION-FORMAT"),
    ("wkp-utilisation-blank", [W(1, UTILISATION="")], "WKP-CAPACITY-UTILISATION-COUNT"),
    (
        "wkp-capacity-2-items",
        [W(0, CAPACITY="10;", UTILISATION="8;")],
        "WKP-CAPACITY-SERVICE-COUNT",
    ),
    (
        "wkp-utilisation-2-items",
        [W(0, CAPACITY="10;", UTILISATION="8;")],
        "WKP-UTILISATION-SERVICE-COUNT",
    ),
    ("wkp-servicedesc-2-items", [W(0, SERVICEDESC="Home care;")], "WKP-SERVICEDESC-SERVICE-COUNT"),
    ("wkp-servicedesc-120", [W(0, SERVICEDESC=X120 + ";")], "WKP-SERVICEDESC-TOO-LONG"),
    ("wkp-serviceusers-spaced", [W(0, SERVICEUSERS="1; 2")], "WKP-SERVICEUSERS-ITEM-FORMAT"),
    ("wkp-serviceusers-18", [W(0, SERVICEUSERS="1;18")], "WKP-SERVICEUSERS-INVALID"),
    ("wkp-otheruserdesc-blank", [W(0, OTHERUSERDESC="")], "WKP-OTHERUSERDESC-COUNT"),
    (
        "wkp-otheruserdesc-given",
        [W(0, SERVICEUSERS="1;9", OTHERUSERDESC=";Young carers")],
        "WKP-OTHERUSERDESC-MISSING",
    ),
    (
        "wkp-otheruserdesc-120",
        [W(0, SERVICEUSERS="1;9", OTHERUSERDESC=";" + X120)],
        "WKP-OTHERUSERDESC-TOO-LONG",
    ),
    ("wkp-dha-999", [W(0, DHA="999")], "WKP-DHA-INVALID"),
    (
        "wkp-dha-blank-carers-support",
        [W(1, MAINSERVICE="13", ALLSERVICES="13", DHA="")],
        "WKP-DHA-SERVICE",
    ),
    ("wkp-dhaactivities-999", [W(1, DHAACTIVITIES="999")], "WKP-DHAACTIVITIES-NOT-REQUIRED"),
    ("wkp-dhaactivities-8", [W(0, DHAACTIVITIES="1;8")], "WKP-DHAACTIVITIES-INVALID"),
    ("wkp-totalpermtemp-02", [W(0, TOTALPERMTEMP="02")], "WKP-TOTALPERMTEMP-INVALID"),
    (
        "wkp-totalpermtemp-0-head-office",
        [W(1, TOTALPERMTEMP="0", MAINSERVICE="72", ALLSERVICES="72", CAPACITY="", UTILISATION="")],
        "WKP-TOTALPERMTEMP-ZERO",
    ),
    ("wkp-alljobroles-blank-no-movement", [W(1, ALLJOBROLES="")], "WKP-ALLJOBROLES-BLANK"),
    ("wkp-alljobroles-spaced", [W(0, ALLJOBROLES="4; 8")], "WKP-ALLJOBROLES-ITEM-FORMAT"),
    ("wkp-alljobroles-52", [W(0, ALLJOBROLES="4;52")], "WKP-ALLJOBROLES-INVALID"),
    ("wkp-rm-vacancy-cqc", [W(0, VACANCIES="1;0")], "WKP-VACANCIES-REGISTERED-MANAGER"),
    ("wkp-starters-dont-know", [W(0, STARTERS="999")], "WKP-STARTERS-COUNT"),
    ("wkp-leavers-dont-know", [W(0, LEAVERS="999")], "WKP-LEAVERS-COUNT"),
    ("wkp-vacancies-dont-know", [W(0, VACANCIES="999")], "WKP-VACANCIES-COUNT"),
    ("wkp-starters-999-item", [W(0, STARTERS="0;999")], "WKP-STARTERS-ITEM-FORMAT"),
    ("wkp-leavers-0", [W(0, LEAVERS="0;0")], "WKP-LEAVERS-ITEM-FORMAT"),
    ("wkp-vacancies-0", [W(0, VACANCIES="0;0")], "WKP-VACANCIES-ITEM-FORMAT"),
    ("wkp-reasons-code", [W(0, REASONS="3", REASONNOS="1")], "WKP-REASONS-ITEM-FORMAT"),
    ("wkp-reasonnos-2-items", [W(0, REASONS="3;4", REASONNOS="1;0")], "WKP-REASONNOS-COUNT"),
    ("wkp-reasonnos-number", [W(0, REASONS="3", REASONNOS="1")], "WKP-REASONNOS-ITEM-FORMAT"),
    ("wkp-reasons-without-leavers", [W(1, REASONS="3", REASONNOS="2")], "WKP-REASONNOS-TOTAL"),
    ("wkp-repeattraining-4", [W(0, REPEATTRAINING="4")], "WKP-REPEATTRAINING-INVALID"),
    ("wkp-cwpaware-999", [W(0, CWPAWARE="999")], "WKP-CWPAWARE-INVALID"),
    ("wkp-cwpuse-999", [W(0, CWPUSE="999", CWPUSEDESC="")], "WKP-CWPUSE-INVALID"),
    ("wkp-cwpuse-reason-10", [W(0, CWPUSE="1;2;10")], "WKP-CWPUSE-REASON-INVALID"),
    ("wkp-cwpusedesc-120", [W(0, CWPUSEDESC=X120)], "WKP-CWPUSEDESC-TOO-LONG"),
    ("wkp-cwpusedesc-reason-10", [W(0, CWPUSE="1;10")], "WKP-CWPUSEDESC-NOT-REQUIRED"),
    ("wkp-sickpay-unknown", [W(0, SICKPAY="Unknown")], "WKP-SICKPAY-INVALID"),
    ("wkp-pension-unknown", [W(1, PENSION="UNKNOWN")], "WKP-PENSION-INVALID"),
    ("wkp-actualcont-pension-1", [W(0, ACTUALCONT="3.5")], "WKP-ACTUALCONT-NOT-REQUIRED"),
    ("wkp-actualcont-100", [W(0, ACTUALCONT="100")], "WKP-ACTUALCONT-RANGE"),
    ("wkp-optoutpen-999", [W(0, OPTOUTPEN="999")], "WKP-OPTOUTPEN-INVALID"),
    ("wkp-holiday-unknown", [W(0, HOLIDAY="unknown")], "WKP-HOLIDAY-INVALID"),
    ("wkp-sleepins-999", [W(0, SLEEPINS="999")], "WKP-SLEEPINS-INVALID"),
    ("wkp-sleepins-domiciliary", [W(0, SLEEPINS="1", SLEEPINPAY="2")], "WKP-SLEEPINS-SERVICE"),
    (
        "wkp-sleepinpay-sleepins-1",
        [W(0, SLEEPINS="1", SLEEPINPAY="1")],
        "WKP-SLEEPINPAY-NOT-REQUIRED",
    ),
    ("wkp-sleepinpay-999", [W(0, SLEEPINS="1", SLEEPINPAY="999")], "WKP-SLEEPINPAY-INVALID"),
    ("wkp-sleepinpay-domiciliary", [W(0, SLEEPINS="1", SLEEPINPAY="1")], "WKP-SLEEPINPAY-SERVICE"),
    ("wkp-traveltime-999", [W(0, TRAVELTIME="999", TTDIFFRATE="")], "WKP-TRAVELTIME-INVALID"),
    ("wkp-traveltime-domiciliary", [W(0, TRAVELTIME="2", TTDIFFRATE="")], "WKP-TRAVELTIME-SERVICE"),
    ("wkp-ttdiffrate-2.5", [W(0, TTDIFFRATE="2.5")], "WKP-TTDIFFRATE-NOT-REQUIRED"),
    ("wkp-ttdiffrate-200", [W(0, TTDIFFRATE="200")], "WKP-TTDIFFRATE-RANGE"),
    ("wkp-ttdiffrate-domiciliary", [W(0, TTDIFFRATE="10")], "WKP-TTDIFFRATE-SERVICE"),
    (
        "wkp-totalpermtemp-3-for-3",
        [W(0, TOTALPERMTEMP="3"), copy(STF, 1, UNIQUEWORKERID="CW2")],
        "WKP-TOTALPERMTEMP-STAFF-COUNT",
    ),
    ("wkp-starters-equal-staff", [W(0, STARTERS="0;2")], "WKP-STARTERS-RANGE"),
    ("wkp-leavers-below-staff", [W(0, LEAVERS="1;0")], "WKP-LEAVERS-RANGE"),
    ("wkp-vacancies-below-staff", [W(0, VACANCIES="1;0")], "WKP-VACANCIES-RANGE"),
    (
        "wkp-registered-manager-vacancy",
        [S(0, MAINJOBROLE="3"), W(0, VACANCIES="1;0")],
        "WKP-VACANCIES-NO-REGISTERED-MANAGER",
    ),
    ("stf-localestid-spaced", [S(1, LOCALESTID="W P1")], "STF-LOCALESTID-BLANK"),
    ("stf-localestid-50", [S(1, LOCALESTID="W" * 50)], "STF-LOCALESTID-TOO-LONG"),
    ("stf-worker-id-spaced", [S(1, UNIQUEWORKERID="C W1")], "STF-UNIQUEWORKERID-BLANK"),
    ("stf-worker-id-50", [S(1, UNIQUEWORKERID="C" * 50)], "STF-UNIQUEWORKERID-TOO-LONG"),
    ("stf-chguniquewrkid-50", [CHG, S(1, CHGUNIQUEWRKID="C" * 50)], "STF-CHGUNIQUEWRKID-TOO-LONG"),
    ("stf-displayid-one-letter", [S(1, DISPLAYID="T")], "STF-DISPLAYID-BLANK"),
    ("stf-displayid-50", [S(1, DISPLAYID="x" * 50)], "STF-DISPLAYID-TOO-LONG"),
    ("stf-emplstatus-7", [S(1, EMPLSTATUS="7")], "STF-EMPLSTATUS-BLANK"),
    ("stf-emplstatus-4", [S(1, EMPLSTATUS="4")], "STF-EMPLSTATUS-INVALID"),
    ("stf-ninumber-spaced-lower", [S(0, NINUMBER="ja 12 34 56 a")], "STF-NINUMBER-FORMAT"),
    ("stf-postcode-lower-case", [S(1, POSTCODE="ls2 7ab")], "STF-POSTCODE-BLANK"),
    ("stf-postcode-ec1a", [S(0, POSTCODE="EC1A 1BB")], "STF-POSTCODE-FORMAT"),
    ("stf-dob-unpadded", [S(1, DOB="1/2/1995")], "STF-DOB-MISSING"),
    ("stf-dob-unpadded-day", [S(0, DOB="1/12/1982")], "STF-DOB-FORMAT"),
    ("stf-dob-age-14-today", [S(1, DOB="31/03/2011")], "STF-DOB-RANGE"),
    ("stf-dob-age-100", [S(1, DOB="01/04/1924")], "STF-DOB-RANGE"),
    ("stf-gender-4", [S(1, GENDER="4")], "STF-GENDER-INVALID"),
    ("stf-ethnicity-47", [S(1, ETHNICITY="47")], "STF-ETHNICITY-INVALID"),
    ("stf-nationality-0372", [S(1, NATIONALITY="0372")], "STF-NATIONALITY-FORMAT"),
    ("stf-nationality-998", [S(1, NATIONALITY="998")], "STF-NATIONALITY-INVALID"),
    (
        "stf-citizenship-irish",
        [S(1, BRITISHCITIZENSHIP="1", HANDCVISA="")],
        "STF-BRITISHCITIZENSHIP-NOT-REQUIRED",
    ),
    ("stf-citizenship-999", [S(1, BRITISHCITIZENSHIP="999")], "STF-BRITISHCITIZENSHIP-INVALID"),
    ("stf-country-999", [S(1, COUNTRYOFBIRTH="999")], "STF-COUNTRYOFBIRTH-FORMAT"),
    ("stf-country-998", [S(1, COUNTRYOFBIRTH="998")], "STF-COUNTRYOFBIRTH-INVALID"),
    ("stf-entry-2019", [S(1, YEAROFENTRY="2019")], "STF-YEAROFENTRY-FORMAT"),
    (
        "stf-entry-this-year",
        [S(1, YEAROFENTRY="2025", STARTDATE="01/05/2025")],
        "STF-YEAROFENTRY-FUTURE",
    ),
    ("stf-entry-birth-year", [S(1, YEAROFENTRY="1995")], "STF-YEAROFENTRY-BEFORE-DOB"),
    (
        "stf-entry-blank-no-country",
        [S(1, COUNTRYOFBIRTH="", YEAROFENTRY="")],
        "STF-YEAROFENTRY-NO-COUNTRY",
    ),
    (
        "stf-entry-blank-uk-born",
        [S(1, COUNTRYOFBIRTH="826", YEAROFENTRY="")],
        "STF-YEAROFENTRY-UK-BORN",
    ),
    ("stf-disabled-3", [S(1, DISABLED="3")], "STF-DISABLED-INVALID"),
    ("stf-carecert-3", [S(1, CARECERT="3")], "STF-CARECERT-INVALID"),
    ("stf-l2-1", [S(1, L2CARECERT="1")], "STF-L2CARECERT-INVALID"),
    ("stf-l2-2", [S(1, L2CARECERT="2")], "STF-L2CARECERT-STARTED-YEAR"),
    ("stf-l2-3", [S(1, L2CARECERT="3")], "STF-L2CARECERT-NO-YEAR"),
    ("stf-l2-year-2024", [S(1, L2CARECERT="1;2024")], "STF-L2CARECERT-YEAR-FORMAT"),
    ("stf-l2-year-2024-early", [S(1, L2CARECERT="1;2024")], "STF-L2CARECERT-YEAR-EARLY"),
    ("stf-l2-year-2025", [S(1, L2CARECERT="1;2025")], "STF-L2CARECERT-YEAR-FUTURE"),
    ("stf-recsource-16", [S(1, RECSOURCE="16")], "STF-RECSOURCE-INVALID"),
    (
        "stf-visa-nationality-unknown-not-citizen",
        [S(1, NATIONALITY="998", BRITISHCITIZENSHIP="2")],
        "STF-HANDCVISA-NOT-REQUIRED",
    ),
    ("stf-visa-999", [S(1, HANDCVISA="999")], "STF-HANDCVISA-INVALID"),
    ("stf-inoutuk-with-visa", [S(1, HANDCVISA="1", INOUTUK="1")], "STF-INOUTUK-NOT-REQUIRED"),
    ("stf-inoutuk-999", [S(1, HANDCVISA="1", INOUTUK="999")], "STF-INOUTUK-INVALID"),
    ("stf-startdate-given", [S(0, STARTDATE="31/12/2015")], "STF-STARTDATE-MISSING"),
    ("stf-startdate-30-april", [S(0, STARTDATE="30/04/2015")], "STF-STARTDATE-FORMAT"),
    ("stf-startdate-today", [S(0, STARTDATE="01/06/2025")], "STF-STARTDATE-FUTURE"),
    (
        "stf-startdate-14th-birthday",
        [S(0, STARTDATE="10/12/1996", STARTINSECT="1996")],
        "STF-STARTDATE-BEFORE-14",
    ),
    (
        "stf-startdate-entry-year",
        [S(1, STARTDATE="01/01/2018", STARTINSECT="2018")],
        "STF-STARTDATE-BEFORE-ENTRY",
    ),
    ("stf-startinsect-2010", [S(0, STARTINSECT="2010")], "STF-STARTINSECT-MISSING"),
    ("stf-startinsect-4-digits", [S(0, STARTINSECT="2010")], "STF-STARTINSECT-FORMAT"),
    ("stf-startinsect-start-year", [S(0, STARTINSECT="2015")], "STF-STARTINSECT-AFTER-STARTDATE"),
    ("stf-startinsect-age-14", [S(0, STARTINSECT="1996")], "STF-STARTINSECT-BEFORE-14"),
    ("stf-dha-999", [S(1, DHA="999")], "STF-DHA-INVALID"),
    ("stf-apprentice-999", [S(1, APPRENTICE="999")], "STF-APPRENTICE-INVALID"),
    ("stf-zerohrcont-999", [S(1, ZEROHRCONT="999")], "STF-ZEROHRCONT-INVALID"),
    ("stf-zerohrcont-blank-no-hours", [S(1, ZEROHRCONT="")], "STF-ZEROHRCONT-MISSING"),
    (
        "stf-zerohrcont-1-zero-hours",
        [S(0, ZEROHRCONT="1", CONTHOURS="0")],
        "STF-ZEROHRCONT-CONTHOURS",
    ),
    (
        "stf-conthours-0-zero-hours",
        [S(0, CONTHOURS="0", ZEROHRCONT="1")],
        "STF-ZEROHRCONT-ZERO-HOURS",
    ),
    ("stf-dayssick-366", [S(0, DAYSSICK="366")], "STF-DAYSSICK-INVALID"),
    ("stf-salaryint-01", [S(0, SALARYINT="01")], "STF-SALARYINT-FORMAT"),
    ("stf-salaryint-text-not-invalid", [S(0, SALARYINT="x")], "STF-SALARYINT-INVALID"),
    ("stf-salary-blank-with-999", [S(0, SALARYINT="999", SALARY="")], "STF-SALARY-IGNORED"),
    ("stf-salary-invalid-interval", [S(0, SALARYINT="2")], "STF-SALARY-SALARYINT"),
    ("stf-salary-200000", [S(0, SALARY="200000")], "STF-SALARY-RANGE"),
    ("stf-salary-senior-250000", [S(0, MAINJOBROLE="1", SALARY="250000")], "STF-SALARY-RANGE"),
    (
        "stf-hourlyrate-blank-with-999",
        [S(1, SALARYINT="999", HOURLYRATE="")],
        "STF-HOURLYRATE-IGNORED",
    ),
    ("stf-hourlyrate-interval-text", [S(1, SALARYINT="x")], "STF-HOURLYRATE-SALARYINT"),
    ("stf-hourlyrate-2-decimals", [S(1, HOURLYRATE="10.55")], "STF-HOURLYRATE-FORMAT"),
    ("stf-mainjobrole-08", [S(1, MAINJOBROLE="08")], "STF-MAINJOBROLE-BLANK"),
    ("stf-mainjobrole-52", [S(1, MAINJOBROLE="52")], "STF-MAINJOBROLE-INVALID"),
    (
        "stf-mainjrdesc-given",
        [S(1, MAINJOBROLE="23", MAINJRDESC="Wellbeing lead")],
        "STF-MAINJRDESC-MISSING",
    ),
    ("stf-mainjrdesc-120", [S(1, MAINJOBROLE="27", MAINJRDESC=X120)], "STF-MAINJRDESC-TOO-LONG"),
    (
        "stf-mainjrdesc-other-role",
        [S(1, MAINJOBROLE="27", MAINJRDESC="Care")],
        "STF-MAINJRDESC-NOT-REQUIRED",
    ),
    (
        "stf-avghours-zero-hours",
        [S(0, ZEROHRCONT="1", CONTHOURS="", AVGHOURS="30")],
        "STF-CONTHOURS-ZERO-HOURS",
    ),
    (
        "stf-conthours-temporary",
        [S(1, EMPLSTATUS="2", ZEROHRCONT="2", CONTHOURS="10", AVGHOURS="")],
        "STF-CONTHOURS-NOT-EMPLOYED",
    ),
    (
        "stf-avghours-permanent-zero-hours",
        [S(0, AVGHOURS="30", ZEROHRCONT="1", CONTHOURS="")],
        "STF-AVGHOURS-EMPLOYED",
    ),
    ("stf-conthours-37.0", [S(0, CONTHOURS="37.0")], "STF-CONTHOURS-FORMAT"),
    ("stf-avghours-999", [S(1, AVGHOURS="999")], "STF-AVGHOURS-FORMAT"),
    ("stf-conthours-75", [S(0, CONTHOURS="75")], "STF-CONTHOURS-TOO-HIGH"),
    ("stf-avghours-75", [S(1, AVGHOURS="75")], "STF-AVGHOURS-TOO-HIGH"),
    ("stf-nurse-with-nmcreg", [S(1, MAINJOBROLE="16", NMCREG="1")], "STF-NMCREG-MISSING"),
    ("stf-nmcreg-nurse", [S(1, MAINJOBROLE="16", NMCREG="1")], "STF-NMCREG-NOT-REQUIRED"),
    ("stf-nmcreg-05", [S(1, MAINJOBROLE="16", NMCREG="05")], "STF-NMCREG-INVALID"),
    ("stf-social-worker-amhp-2", [S(1, MAINJOBROLE="6", AMHP="2")], "STF-AMHP-MISSING"),
    ("stf-amhp-999", [S(1, MAINJOBROLE="6", AMHP="999")], "STF-AMHP-INVALID"),
    ("stf-amhp-social-worker", [S(1, MAINJOBROLE="6", AMHP="1")], "STF-AMHP-NOT-REQUIRED"),
    ("stf-scqual-999", [S(1, SCQUAL="999")], "STF-SCQUAL-BLANK"),
    ("stf-scqual-2", [S(1, SCQUAL="2")], "STF-SCQUAL-INVALID"),
    ("stf-nonscqual-999", [S(1, NONSCQUAL="999")], "STF-NONSCQUAL-INVALID"),
    ("stf-scqual-1-level-999", [S(1, SCQUAL="1;999")], "STF-SCQUAL-NO-LEVEL"),
    ("stf-scqual-1-care-worker", [S(1, SCQUAL="1")], "STF-SCQUAL-REGULATED-PROFESSION"),
    ("stf-scqual-level-8", [S(1, SCQUAL="1;8")], "STF-SCQUAL-LEVEL-INVALID"),
    ("stf-nonscqual-level-0", [S(1, NONSCQUAL="1;0")], "STF-NONSCQUAL-LEVEL-INVALID"),
    ("stf-cwpcategory-998", [S(1, CWPCATEGORY="998")], "STF-CWPCATEGORY-INVALID"),
    ("stf-qualach01-code", [S(0, QUALACH01="307;2010")], "STF-QUALACH-CODE-FORMAT"),
    ("stf-qualach04-code", [QUAL04, S(0, QUALACH04="8;2010")], "STF-QUALACH-CODE-INVALID"),
    ("stf-qualach01-with-year", [S(0, QUALACH01="20;2010")], "STF-QUALACH-YEAR-BLANK"),
    ("stf-qualach01-year-1925", [S(0, QUALACH01="20;1925")], "STF-QUALACH-YEAR-INVALID"),
    ("stf-qualach01notes-120", [S(0, QUALACH01NOTES=X120)], "STF-QUALACHNOTES-TOO-LONG"),
    ("stf-worker-new-id", [copy(STF, 1, UNIQUEWORKERID="CW2")], "STF-UNIQUEWORKERID-DUPLICATE"),
    (
        "stf-worker-id-at-other-workplace",
        [copy(STF, 1, LOCALESTID="WP2")],
        "STF-UNIQUEWORKERID-DUPLICATE",
    ),
    ("stf-rename-to-new-id", [CHG, S(1, CHGUNIQUEWRKID="CW9")], "STF-CHGUNIQUEWRKID-DUPLICATE"),
    ("stf-workplace-spaced", [S(1, LOCALESTID="W P1")], "STF-LOCALESTID-NOT-IN-WORKPLACE-FILE"),
    ("stf-workplace-unchecked", [W(1, STATUS="UNCHECKED")], "STF-WORKPLACE-DELETED"),
    (
        "stf-first-line-manager-non-cqc",
        [S(2, MAINJOBROLE="3")],
        "STF-MAINJOBROLE-REGISTERED-MANAGER-NOT-CQC",
    ),
    (
        "stf-part-time-own-salary",
        [copy(STF, 0, UNIQUEWORKERID="RM2", NINUMBER="", CONTHOURS="20", SALARY="19000")],
        "STF-SALARY-FTE",
    ),
    (
        "stf-ni-75-hours",
        [copy(STF, 0, UNIQUEWORKERID="RM2", CONTHOURS="37.5")],
        "STF-NINUMBER-HOURS",
    ),
    (
        "stf-transfer-known",
        [TRANSFER, S(1, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2")],
        "STF-TRANSFERSTAFFRECORD-UNKNOWN",
    ),
    (
        "stf-transfer-id-free",
        [TRANSFER, S(1, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2")],
        "STF-TRANSFERSTAFFRECORD-ID-EXISTS",
    ),
    (
        "stf-transfer-two-different",
        [
            TRANSFER,
            copy(WKP, 1, LOCALESTID="WP3"),
            S(1, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2"),
            copy(
                STF,
                1,
                LOCALESTID="WP3",
                UNIQUEWORKERID="CW3",
                STATUS="UPDATE",
                TRANSFERSTAFFRECORD="WP2",
            ),
        ],
        "STF-TRANSFERSTAFFRECORD-DUPLICATE",
    ),
    ("stf-dha-blank-administrator", [S(1, MAINJOBROLE="25", DHA="")], "STF-DHA-JOB-ROLE"),
    ("stf-dha-workplace-day-care", [W(1, DHA=""), S(2, DHA="1")], "STF-DHA-WORKPLACE-SERVICE"),
    ("stf-dha-workplace-yes", [W(1, DHA="1"), S(2, DHA="1")], "STF-DHA-WORKPLACE-NO"),
    ("trn-localestid-spaced", [T(1, LOCALESTID="W P1")], "TRN-LOCALESTID-BLANK"),
    ("trn-localestid-50", [T(1, LOCALESTID="W" * 50)], "TRN-LOCALESTID-TOO-LONG"),
    ("trn-worker-id-spaced", [T(1, UNIQUEWORKERID="C W1")], "TRN-UNIQUEWORKERID-BLANK"),
    ("trn-worker-id-50", [T(1, UNIQUEWORKERID="C" * 50)], "TRN-UNIQUEWORKERID-TOO-LONG"),
    ("trn-category-1", [T(1, CATEGORY="1")], "TRN-CATEGORY-BLANK"),
    ("trn-category-51", [T(1, CATEGORY="51")], "TRN-CATEGORY-INVALID"),
    ("trn-name-120", [T(1, TRAININGNAME=X120)], "TRN-TRAININGNAME-TOO-LONG"),
    ("trn-accredited-0", [T(1, ACCREDITED="0")], "TRN-ACCREDITED-INVALID"),
    ("trn-whodelivered-2", [T(1, WHODELIVERED="2")], "TRN-WHODELIVERED-INVALID"),
    (
        "trn-provider-external",
        [T(1, WHODELIVERED="2", PROVIDERNAME="88")],
        "TRN-PROVIDERNAME-NOT-REQUIRED",
    ),
    ("trn-provider-999", [T(0, PROVIDERNAME="999")], "TRN-PROVIDERNAME-INVALID"),
    ("trn-howdelivered-2", [T(1, HOWDELIVERED="2")], "TRN-HOWDELIVERED-INVALID"),
    ("trn-validity-999", [T(0, VALIDITY="999")], "TRN-VALIDITY-INVALID"),
    ("trn-validity-upper-none", [T(1, VALIDITY="NONE")], "TRN-VALIDITY-INVALID"),
    (
        "trn-validity-months-with-expiry",
        [T(1, VALIDITY="12", EXPIRYDATE="04/03/2025")],
        "TRN-VALIDITY-NONE-EXPIRYDATE",
    ),
    (
        "trn-expiry-matches-validity",
        [T(1, VALIDITY="12", DATECOMPLETED="01/01/2022", EXPIRYDATE="31/12/2022")],
        "TRN-VALIDITY-EXPIRYDATE-MISMATCH",
    ),
    ("trn-completed-padded", [T(1, DATECOMPLETED="01/01/2022")], "TRN-DATECOMPLETED-FORMAT"),
    ("trn-completed-today", [T(1, DATECOMPLETED="01/06/2025")], "TRN-DATECOMPLETED-FUTURE"),
    ("trn-expiry-derived", [T(0, EXPIRYDATE="09/01/2028")], "TRN-EXPIRYDATE-FORMAT"),
    (
        "trn-expiry-day-after",
        [T(0, VALIDITY="", EXPIRYDATE="11/01/2025")],
        "TRN-EXPIRYDATE-NOT-AFTER-COMPLETED",
    ),
    ("trn-notes-1000", [T(1, NOTES="x" * 1000)], "TRN-NOTES-TOO-LONG"),
    ("trn-workplace-spaced", [T(1, LOCALESTID="W P1")], "TRN-LOCALESTID-NOT-IN-WORKPLACE-FILE"),
    (
        "trn-renamed-staff",
        [CHG, S(1, CHGUNIQUEWRKID="CW9"), T(1, UNIQUEWORKERID="CW9")],
        "TRN-UNIQUEWORKERID-NOT-IN-STAFF-FILE",
    ),
    ("trn-staff-unchecked", [S(1, STATUS="UNCHECKED")], "TRN-STAFF-DELETED"),
    (
        "trn-completed-14th-birthday",
        [T(1, DATECOMPLETED="01/02/2009")],
        "TRN-DATECOMPLETED-BEFORE-14",
    ),
    ("wkp-warning-only-skip", [W(1, HOLIDAY="x"), SKIP], "WKP-ROW-SKIPPED"),
    ("stf-own-error-skip", [S(2, EMPLSTATUS="5"), SKIP], "STF-WORKPLACE-SKIPPED"),
    ("stf-error-no-skip", [S(1, EMPLSTATUS="5")], "STF-ROW-SKIPPED"),
    ("trn-staff-error-no-skip", [S(1, EMPLSTATUS="5")], "TRN-STAFF-SKIPPED"),
    ("trn-error-no-skip", [T(1, CATEGORY="3")], "TRN-ROW-SKIPPED"),
]


# Cases whose finding goes on the later of two rows sharing a key; the earlier row's line is
# given here (the finding must never move to it, whatever order joins produce rows in).
EARLIER_ROW = {
    "stf-worker-repeated": 3,
    "stf-worker-repeated-spaces": 3,
    "stf-worker-repeated-deleted": 3,
    "stf-two-renamed-alike": 2,
    "stf-ni-over-75-hours": 2,
    "stf-ni-over-75-hours-spaced": 2,
    "stf-transfer-two-alike": 3,
}


def _codes(findings: list[dict[str, Any]]) -> set[str]:
    return {f["code"] for f in findings}


def _on(findings: list[dict[str, Any]], file: str, line: int) -> set[str]:
    return {f["code"] for f in findings if f["file"] == file and f["line"] == line}


class TestBaseFileSet:
    def test_base_set_has_no_findings(self, ascwds: Any) -> None:
        assert ascwds.run_edits([]) == []

    def test_base_set_without_training_has_no_findings(self, ascwds: Any) -> None:
        assert ascwds.run_edits([NO_TRAINING]) == []

    def test_base_set_with_optional_staff_columns_has_no_findings(self, ascwds: Any) -> None:
        both = ("columns", STF, ("CHGUNIQUEWRKID", "TRANSFERSTAFFRECORD"), "UNIQUEWORKERID")
        assert ascwds.run_edits([both, QUAL04]) == []

    def test_base_set_rows_are_on_the_documented_lines(self, ascwds: Any) -> None:
        files = ascwds.fileset(**ascwds.BASE)
        assert files.workplace.frame["__line__"].to_list() == [2, 3]
        assert files.staff.frame["__line__"].to_list() == [2, 3, 4]
        assert files.training.frame["__line__"].to_list() == [2, 3, 4]


class TestEveryRule:
    @pytest.mark.parametrize(
        ("case_id", "mutations", "code", "file", "line", "column", "severity"),
        TRIGGERS,
        ids=[case[0] for case in TRIGGERS],
    )
    def test_rule_fires(
        self,
        ascwds: Any,
        case_id: str,
        mutations: list[tuple[Any, ...]],
        code: str,
        file: str,
        line: int,
        column: str,
        severity: str,
    ) -> None:
        findings = ascwds.run_edits(mutations)
        hits = [f for f in findings if f["code"] == code]
        assert hits, f"{code} not raised; got {sorted(_codes(findings))}"
        assert [(f["file"], f["column"], f["severity"]) for f in hits] == [(file, column, severity)]
        assert hits[0]["line"] == line
        assert hits[0]["message"] == all_rules()[code].message

    def test_join_order_sensitive_cases_exist(self) -> None:
        assert set(EARLIER_ROW) <= {case[0] for case in TRIGGERS}

    @pytest.mark.parametrize(
        ("mutations", "code"),
        [case[1:] for case in NEAR_MISSES],
        ids=[case[0] for case in NEAR_MISSES],
    )
    def test_rule_does_not_fire_on_near_miss(
        self, ascwds: Any, mutations: list[tuple[Any, ...]], code: str
    ) -> None:
        findings = ascwds.run_edits(mutations)
        assert code not in _codes(findings)

    def test_every_rule_has_a_triggering_case(self) -> None:
        assert {case[2] for case in TRIGGERS} == set(all_rules())

    def test_every_rule_has_a_near_miss_case(self) -> None:
        assert {case[2] for case in NEAR_MISSES} == set(all_rules())

    def test_case_ids_are_unique(self) -> None:
        ids = [case[0] for case in TRIGGERS] + [case[0] for case in NEAR_MISSES]
        assert len(ids) == len(set(ids))

    def test_cases_agree_with_the_catalogue(self) -> None:
        rules = all_rules()
        assert [
            case[0]
            for case in TRIGGERS
            if (rules[case[2]].file.value, rules[case[2]].severity.value) != (case[3], case[6])
        ] == []


# The single-cell mutations of the format reference (§11), mapped to careforce codes.
# (id, mutations, file, line, every code expected on that line)
WORKED_EXAMPLE_MUTATIONS: list[tuple[str, list[tuple[Any, ...]], str, int, set[str]]] = [
    ("postcode-LS11AA-E1070", [S(0, POSTCODE="LS11AA")], STF, 2, {"STF-POSTCODE-FORMAT"}),
    ("dob-iso-W3080", [S(0, DOB="1982-12-10")], STF, 2, {"STF-DOB-FORMAT"}),
    ("emplstatus-5-E1220", [S(0, EMPLSTATUS="5")], STF, 2, {"STF-EMPLSTATUS-INVALID"}),
    ("ethnicity-30-E1100", [S(0, ETHNICITY="30")], STF, 2, {"STF-ETHNICITY-INVALID"}),
    ("nationality-1-E1110", [S(0, NATIONALITY="1")], STF, 2, {"STF-NATIONALITY-INVALID"}),
    ("recsource-3-E1180", [S(0, RECSOURCE="3")], STF, 2, {"STF-RECSOURCE-INVALID"}),
    (
        "salaryint-blank-E1251-E1252",
        [S(0, SALARYINT="", HOURLYRATE="19.50")],
        STF,
        2,
        {"STF-SALARY-SALARYINT", "STF-HOURLYRATE-SALARYINT"},
    ),
    (
        "zerohrcont-1-conthours-20-E1230-W3300",
        [S(0, ZEROHRCONT="1", CONTHOURS="20")],
        STF,
        2,
        {"STF-ZEROHRCONT-CONTHOURS", "STF-CONTHOURS-ZERO-HOURS"},
    ),
    ("dayssick-3.3-W1240", [S(0, DAYSSICK="3.3")], STF, 2, {"STF-DAYSSICK-INVALID"}),
    ("l2carecert-2023-W5620", [S(0, L2CARECERT="1;2023")], STF, 2, {"STF-L2CARECERT-YEAR-EARLY"}),
    ("cwpcategory-8-W5650", [S(0, CWPCATEGORY="8")], STF, 2, {"STF-CWPCATEGORY-INVALID"}),
    ("hourlyrate-10.555-E1270", [S(1, HOURLYRATE="10.555")], STF, 3, {"STF-HOURLYRATE-FORMAT"}),
    (
        "conthours-0-zerohrcont-2-W3230",
        [S(0, CONTHOURS="0", ZEROHRCONT="2")],
        STF,
        2,
        {"STF-ZEROHRCONT-ZERO-HOURS"},
    ),
    # E1040 needs the ASC-WDS database; careforce has none, so UPDATE of an unknown worker is fine.
    (
        "update-unknown-worker-no-E1040",
        [S(0, STATUS="UPDATE", UNIQUEWORKERID="NEWBIE")],
        STF,
        2,
        set(),
    ),
    ("mainjobrole-23-E1290", [S(0, MAINJOBROLE="23")], STF, 2, {"STF-MAINJRDESC-MISSING"}),
    ("scqual-1-9-W1360", [S(0, SCQUAL="1;9")], STF, 2, {"STF-SCQUAL-LEVEL-INVALID"}),
    (
        "nurse-W3340-E1360-W3360",
        [S(0, MAINJOBROLE="16", NMCREG="", SCQUAL="1")],
        STF,
        2,
        {"STF-NMCREG-MISSING", "STF-SCQUAL-NO-LEVEL", "STF-SCQUAL-REGULATED-PROFESSION"},
    ),
    ("qualach01-no-year-W5015", [S(0, QUALACH01="20")], STF, 2, {"STF-QUALACH-YEAR-BLANK"}),
    # ASC-WDS drops messages on QUALACH04..99 [QUIRK]; careforce reports them.
    (
        "qualach04-abc-reported",
        [QUAL04, S(0, QUALACH04="abc;2010")],
        STF,
        2,
        {"STF-QUALACH-CODE-FORMAT"},
    ),
    # ASC-WDS keeps only the first message of code 3380 [QUIRK]; careforce keeps both.
    (
        "social-worker-no-amhp-no-country-both-kept",
        [S(0, MAINJOBROLE="6", AMHP="", COUNTRYOFBIRTH="", YEAROFENTRY="2000")],
        STF,
        2,
        {"STF-YEAROFENTRY-NO-COUNTRY", "STF-AMHP-MISSING"},
    ),
    (
        "datecompleted-1-1-2022-E1020",
        [T(1, DATECOMPLETED="1/1/2022")],
        TRN,
        3,
        {"TRN-DATECOMPLETED-FORMAT"},
    ),
    ("category-3-E1050", [T(1, CATEGORY="3")], TRN, 3, {"TRN-CATEGORY-INVALID"}),
    (
        "validity-12-expiry-mismatch-W2110",
        [T(1, VALIDITY="12", DATECOMPLETED="01/01/2022", EXPIRYDATE="01/01/2023")],
        TRN,
        3,
        {"TRN-VALIDITY-EXPIRYDATE-MISMATCH"},
    ),
]


class TestWorkedExampleMutations:
    @pytest.mark.parametrize(
        ("mutations", "file", "line", "expected"),
        [case[1:] for case in WORKED_EXAMPLE_MUTATIONS],
        ids=[case[0] for case in WORKED_EXAMPLE_MUTATIONS],
    )
    def test_mutation_gives_exactly_the_mapped_codes(
        self,
        ascwds: Any,
        mutations: list[tuple[Any, ...]],
        file: str,
        line: int,
        expected: set[str],
    ) -> None:
        assert _on(ascwds.run_edits(mutations), file, line) == expected

    def test_derived_expiry_of_worked_example_is_accepted(self, ascwds: Any) -> None:
        # 10/01/2025 + 36 months - 1 day = 09/01/2028 (§11).
        assert ascwds.run_edits([T(0, EXPIRYDATE="09/01/2028")]) == []


class TestStatusHandling:
    @pytest.mark.parametrize(
        "status",
        ["NEW", "UPDATE", "NOCHANGE", "UNCHECKED", "nochange", "Unchecked"],
        ids=["new", "update", "nochange", "unchecked", "lower-case", "mixed-case"],
    )
    def test_every_non_delete_staff_row_is_fully_validated(self, ascwds: Any, status: str) -> None:
        findings = ascwds.run_edits([S(1, STATUS=status, EMPLSTATUS="5", GENDER="9")])
        assert _on(findings, STF, 3) == {"STF-EMPLSTATUS-INVALID", "STF-GENDER-INVALID"}

    @pytest.mark.parametrize(
        "status",
        ["NEW", "UPDATE", "NOCHANGE", "UNCHECKED"],
        ids=["new", "update", "nochange", "unchecked"],
    )
    def test_every_non_delete_workplace_row_is_fully_validated(
        self, ascwds: Any, status: str
    ) -> None:
        findings = ascwds.run_edits([W(1, STATUS=status, POSTCODE="12345", PERMLA="2")])
        assert _on(findings, WKP, 3) == {"WKP-POSTCODE-FORMAT", "WKP-PERMLA-INVALID"}

    @pytest.mark.parametrize("status", ["DELETE", "delete"], ids=["upper", "lower"])
    def test_delete_staff_row_fields_are_not_validated(self, ascwds: Any, status: str) -> None:
        junk = {"EMPLSTATUS": "5", "DOB": "x", "POSTCODE": "bad", "MAINJOBROLE": "", "SCQUAL": ""}
        findings = ascwds.run_edits([S(1, STATUS=status, **junk)])
        assert _on(findings, STF, 3) == set()

    def test_delete_workplace_row_fields_are_not_validated(self, ascwds: Any) -> None:
        junk = {"POSTCODE": "x", "TOTALPERMTEMP": "", "REGTYPE": "7", "MAINSERVICE": ""}
        findings = ascwds.run_edits([W(1, STATUS="DELETE", **junk)])
        assert _on(findings, WKP, 3) == set()

    @pytest.mark.parametrize(
        ("mutations", "file", "line", "code"),
        [
            ([S(1, STATUS="DELETE", UNIQUEWORKERID="")], STF, 3, "STF-UNIQUEWORKERID-BLANK"),
            ([S(1, STATUS="DELETE", LOCALESTID="")], STF, 3, "STF-LOCALESTID-BLANK"),
            ([S(1, STATUS="DELETE", DISPLAYID="")], STF, 3, "STF-DISPLAYID-BLANK"),
            (
                [S(1, STATUS="DELETE", LOCALESTID="WP9")],
                STF,
                3,
                "STF-LOCALESTID-NOT-IN-WORKPLACE-FILE",
            ),
            ([copy(STF, 1, STATUS="DELETE")], STF, None, "STF-UNIQUEWORKERID-DUPLICATE"),
            ([W(1, STATUS="DELETE", ESTNAME="")], WKP, 3, "WKP-ESTNAME-BLANK"),
            ([W(1, STATUS="DELETE", LOCALESTID="")], WKP, 3, "WKP-LOCALESTID-BLANK"),
            ([copy(WKP, 1, STATUS="DELETE")], WKP, 4, "WKP-LOCALESTID-DUPLICATE"),
        ],
        ids=[
            "staff-id-blank",
            "staff-workplace-blank",
            "staff-displayid-blank",
            "staff-workplace-unknown",
            "staff-repeated",
            "workplace-name-blank",
            "workplace-id-blank",
            "workplace-repeated",
        ],
    )
    def test_delete_rows_identity_is_still_checked(
        self,
        ascwds: Any,
        mutations: list[tuple[Any, ...]],
        file: str,
        line: int | None,
        code: str,
    ) -> None:
        findings = ascwds.run_edits(mutations)
        if line is None:  # a duplicate pair: which row is flagged depends on join order
            assert code in {f["code"] for f in findings if f["file"] == file}
        else:
            assert code in _on(findings, file, line)

    def test_staff_of_deleted_workplace_are_warned(self, ascwds: Any) -> None:
        findings = ascwds.run_edits([W(1, STATUS="DELETE")])
        assert [(f["file"], f["line"], f["column"], f["value"], f["code"]) for f in findings] == [
            (STF, 4, "LOCALESTID", "WP2", "STF-WORKPLACE-DELETED")
        ]

    def test_deleted_staff_are_not_counted_in_totalpermtemp(self, ascwds: Any) -> None:
        findings = ascwds.run_edits([S(1, STATUS="DELETE")])
        total = [f for f in findings if f["code"] == "WKP-TOTALPERMTEMP-STAFF-COUNT"]
        assert [f["value"] for f in total] == ["2 declared, 1 staff records"]

    def test_moved_worker_counts_at_destination(self, ascwds: Any) -> None:
        findings = ascwds.run_edits([TRANSFER, S(1, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2")])
        totals = {
            f["line"]: f["value"] for f in findings if f["code"] == "WKP-TOTALPERMTEMP-STAFF-COUNT"
        }
        assert totals == {2: "2 declared, 1 staff records", 3: "1 declared, 2 staff records"}

    def test_worker_moved_out_of_deleted_workplace_is_not_warned(self, ascwds: Any) -> None:
        findings = ascwds.run_edits(
            [
                TRANSFER,
                W(1, STATUS="DELETE"),
                W(0, TOTALPERMTEMP="3"),
                S(2, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP1"),
            ]
        )
        assert "STF-WORKPLACE-DELETED" not in _codes(findings)


class TestEveryFindingIsKept:
    def test_same_code_twice_on_one_line(self, ascwds: Any) -> None:
        findings = ascwds.run_edits([S(0, QUALACH01="abc;2010", QUALACH02="xyz;2011")])
        assert [
            (f["line"], f["column"], f["value"])
            for f in findings
            if f["code"] == "STF-QUALACH-CODE-FORMAT"
        ] == [(2, "QUALACH01", "abc;2010"), (2, "QUALACH02", "xyz;2011")]

    def test_same_code_on_different_lines(self, ascwds: Any) -> None:
        findings = ascwds.run_edits(
            [S(0, EMPLSTATUS="5"), S(1, EMPLSTATUS="6"), S(2, EMPLSTATUS="8")]
        )
        assert [
            (f["line"], f["value"]) for f in findings if f["code"] == "STF-EMPLSTATUS-INVALID"
        ] == [(2, "5"), (3, "6"), (4, "8")]

    def test_same_code_on_repeated_training_rows(self, ascwds: Any) -> None:
        findings = ascwds.run_edits([T(1, CATEGORY="3"), copy(TRN, 1)])
        assert [f["line"] for f in findings if f["code"] == "TRN-CATEGORY-INVALID"] == [3, 5]

    def test_rules_sharing_an_asc_code_are_all_kept(self, ascwds: Any) -> None:
        # ASC-WDS de-duplicates per numeric code (1040 ADDRESS and 1060 POSTCODE errors here).
        findings = ascwds.run_edits([W(0, ADDRESS1="", ADDRESS2="x" * 41, POSTCODE="")])
        assert _on(findings, WKP, 2) == {
            "WKP-ADDRESS1-BLANK",
            "WKP-ADDRESS2-TOO-LONG",
            "WKP-POSTCODE-BLANK",
        }

    def test_many_faults_on_one_row_are_all_reported(self, ascwds: Any) -> None:
        faults = {
            "GENDER": "9",
            "ETHNICITY": "1",
            "DISABLED": "9",
            "CARECERT": "9",
            "RECSOURCE": "99",
            "CWPCATEGORY": "0",
            "APPRENTICE": "0",
        }
        findings = ascwds.run_edits([S(1, **faults)])
        assert {f["column"] for f in findings if f["line"] == 3 and f["file"] == STF} == set(faults)

    def test_findings_are_ordered_by_file_then_line(self, ascwds: Any) -> None:
        findings = ascwds.run_edits(
            [T(0, CATEGORY="3"), S(2, GENDER="9"), S(0, GENDER="9"), W(1, PERMLA="x")]
        )
        assert [(f["file"], f["line"]) for f in findings] == [
            (WKP, 3),
            (STF, 2),
            (STF, 4),
            (TRN, 2),
        ]


class TestFindingValues:
    @pytest.mark.parametrize(
        ("mutations", "code", "value"),
        [
            ([S(0, NINUMBER="JA12345A")], "STF-NINUMBER-FORMAT", "AA99999A"),
            ([S(0, DOB="1982-12-10")], "STF-DOB-FORMAT", "9999-99-99"),
            ([S(1, YEAROFENTRY="1994")], "STF-YEAROFENTRY-BEFORE-DOB", "9999/99/99/9999"),
            (
                [copy(STF, 0, UNIQUEWORKERID="RM2", CONTHOURS="38")],
                "STF-NINUMBER-HOURS",
                "AA999999A",
            ),
            ([S(1, DISPLAYID="")], "STF-DISPLAYID-BLANK", ""),
        ],
        ids=["ninumber", "dob", "dob-in-pair", "ninumber-cross-file", "displayid-blank"],
    )
    def test_personal_values_show_only_their_shape(
        self, ascwds: Any, mutations: list[tuple[Any, ...]], code: str, value: str
    ) -> None:
        findings = ascwds.run_edits(mutations)
        assert [f["value"] for f in findings if f["code"] == code] == [value]

    def test_displayid_too_long_value_gives_its_length(self, ascwds: Any) -> None:
        findings = ascwds.run_edits([S(1, DISPLAYID="x" * 51)])
        assert [f["value"] for f in findings] == ["[51 characters]"]

    @pytest.mark.parametrize(
        ("mutations", "code", "value"),
        [
            (
                [W(0, TOTALPERMTEMP="3")],
                "WKP-TOTALPERMTEMP-STAFF-COUNT",
                "3 declared, 2 staff records",
            ),
            ([line(STF, "WP1,X")], "STF-ROW-FIELD-COUNT", "2 fields, header has 44"),
            ([T(1, NOTES="n" * 1001)], "TRN-NOTES-TOO-LONG", "[1001 characters]"),
            ([S(0, QUALACH01NOTES="n" * 121)], "STF-QUALACHNOTES-TOO-LONG", "[121 characters]"),
            ([W(0, REGTYPE="0")], "WKP-REGTYPE-NONCQC-MAINSERVICE", "0/8"),
            ([S(1, POSTCODE="LS27AB")], "STF-POSTCODE-FORMAT", "LS27AB"),
        ],
        ids=["totalpermtemp", "field-count", "training-notes", "qual-notes", "pair", "postcode"],
    )
    def test_values_name_the_offending_content(
        self, ascwds: Any, mutations: list[tuple[Any, ...]], code: str, value: str
    ) -> None:
        findings = ascwds.run_edits(mutations)
        assert [f["value"] for f in findings if f["code"] == code] == [value]


class TestCrossFileRules:
    def test_worker_keys_are_not_simple_concatenations(self, ascwds: Any) -> None:
        # ASC-WDS keys "A"+"BC" and "AB"+"C" alike [QUIRK]; careforce keeps them apart.
        findings = ascwds.run_edits(
            [
                copy(WKP, 1, LOCALESTID="A"),
                copy(WKP, 1, LOCALESTID="AB"),
                copy(STF, 2, LOCALESTID="A", UNIQUEWORKERID="BC", NINUMBER=""),
                copy(STF, 2, LOCALESTID="AB", UNIQUEWORKERID="C", NINUMBER=""),
            ]
        )
        assert "STF-UNIQUEWORKERID-DUPLICATE" not in _codes(findings)

    def test_training_of_renamed_worker_matches_new_id(self, ascwds: Any) -> None:
        findings = ascwds.run_edits([CHG, S(1, CHGUNIQUEWRKID="CW9"), T(1, UNIQUEWORKERID="CW9")])
        assert findings == []

    def test_training_of_moved_worker_matches_destination(self, ascwds: Any) -> None:
        findings = ascwds.run_edits(
            [
                TRANSFER,
                W(0, TOTALPERMTEMP="1"),
                W(1, TOTALPERMTEMP="2"),
                S(1, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2", DHA=""),
                T(1, LOCALESTID="WP2"),
            ]
        )
        assert _on(findings, TRN, 3) == set()

    def test_malformed_dob_does_not_make_training_too_young(self, ascwds: Any) -> None:
        # ASC-WDS misreads 1980-02-29 as a date in 2029 and raises E1080 [QUIRK].
        findings = ascwds.run_edits([S(1, DOB="1980-02-29")])
        assert _codes(findings) == {"STF-DOB-FORMAT"}

    def test_ni_hours_count_every_record_with_that_number(self, ascwds: Any) -> None:
        findings = ascwds.run_edits(
            [
                copy(STF, 0, UNIQUEWORKERID="RM2", CONTHOURS="30"),
                copy(STF, 0, UNIQUEWORKERID="RM3", CONTHOURS="10"),
            ]
        )
        lines = [f["line"] for f in findings if f["code"] == "STF-NINUMBER-HOURS"]
        # Two of the three records are flagged (all but the first; see EARLIER_ROW).
        assert len(lines) == 2
        assert set(lines) <= {2, 5, 6}

    def test_training_file_is_optional(self, ascwds: Any) -> None:
        findings = ascwds.run_edits([NO_TRAINING, S(0, EMPLSTATUS="5")])
        assert [(f["file"], f["code"]) for f in findings] == [(STF, "STF-EMPLSTATUS-INVALID")]


class TestJoinRowOrder:
    """Polars joins keep row order only when asked to (``maintain_order``); nothing may depend on it."""

    CASES: ClassVar[list[tuple[list[tuple[Any, ...]], str, list[int]]]] = [
        ([copy(STF, 1)], "STF-UNIQUEWORKERID-DUPLICATE", [5]),
        ([copy(STF, 0, UNIQUEWORKERID="RM2", CONTHOURS="38")], "STF-NINUMBER-HOURS", [5]),
        (
            [CHG, S(0, CHGUNIQUEWRKID="X1"), S(1, CHGUNIQUEWRKID="X1")],
            "STF-CHGUNIQUEWRKID-DUPLICATE",
            [3],
        ),
        (
            [
                TRANSFER,
                copy(WKP, 1, LOCALESTID="WP3"),
                S(1, STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2"),
                copy(STF, 1, LOCALESTID="WP3", STATUS="UPDATE", TRANSFERSTAFFRECORD="WP2"),
            ],
            "STF-TRANSFERSTAFFRECORD-DUPLICATE",
            [5],
        ),
    ]

    @staticmethod
    def _lines(ascwds: Any) -> list[list[int]]:
        found = []
        for edits, code, _ in TestJoinRowOrder.CASES:
            texts = ascwds.apply(edits)["texts"]
            files = ascwds.fileset(texts["workplace"], texts["staff"], texts["training"])
            found.append(sorted(f["line"] for f in ascwds.run(files) if f["code"] == code))
        return found

    def test_duplicates_are_flagged_on_the_later_row(self, ascwds: Any) -> None:
        assert self._lines(ascwds) == [lines for _, _, lines in self.CASES]

    def test_duplicates_do_not_depend_on_join_row_order(
        self, ascwds: Any, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        join = pl.LazyFrame.join

        def unordered_join(self: pl.LazyFrame, *args: Any, **kwargs: Any) -> pl.LazyFrame:
            # Where no order is asked for, return a legal but different order: last row first.
            if kwargs.get("maintain_order") not in (None, "none"):
                return join(self, *args, **kwargs)
            result = join(self, *args, **{**kwargs, "maintain_order": "left"})
            row = "__test_join_row__"
            return (
                result.with_row_index(row)
                .sort(pl.col(row) != pl.col(row).max(), maintain_order=True)
                .drop(row)
            )

        monkeypatch.setattr(pl.LazyFrame, "join", unordered_join)
        assert self._lines(ascwds) == [lines for _, _, lines in self.CASES]


class TestRegressions:
    """Faults found while writing these tests (fixed in src since)."""

    def test_startinsect_dont_know_is_accepted(self, ascwds: Any) -> None:
        assert ascwds.run_edits([S(0, STARTINSECT="999")]) == []

    def test_fte_salary_needs_another_worker(self, ascwds: Any) -> None:
        # 36.5 hours is both above 36 (full time) and below 37 (part time).
        assert ascwds.run_edits([S(0, CONTHOURS="36.5")]) == []

    def test_fte_salary_compares_with_another_worker_in_the_overlap(self, ascwds: Any) -> None:
        findings = ascwds.run_edits(
            [
                S(0, CONTHOURS="36.5"),
                copy(STF, 0, UNIQUEWORKERID="RM2", NINUMBER="", CONTHOURS="36.5"),
            ]
        )
        assert sorted(f["line"] for f in findings if f["code"] == "STF-SALARY-FTE") == [2, 5]

    def test_scqual_non_numeric_level_is_reported(self, ascwds: Any) -> None:
        findings = ascwds.run_edits([S(1, SCQUAL="1;x")])
        assert [(f["line"], f["code"], f["value"]) for f in findings] == [
            (3, "STF-SCQUAL-LEVEL-INVALID", "1;x")
        ]
