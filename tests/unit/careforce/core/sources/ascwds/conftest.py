"""A valid ASC-WDS file set and helpers to change it one cell at a time.

The base set is the worked example of the format reference (§11: workplace ``WP1``, a
CQC-registered domiciliary care service, with staff ``RM1`` and ``CW1`` and their training) plus
one more workplace, ``WP2``: a non-CQC day centre with one member of staff ``DC1`` and one
training record. The base set produces no findings at all.

Row positions (``row_index`` below, 0-based) and the physical lines they are on::

    workplace  0 WP1 (line 2)   1 WP2 (line 3)
    staff      0 RM1 (line 2)   1 CW1 (line 3)   2 DC1 (line 4)
    training   0 RM1 (line 2)   1 CW1 (line 3)   2 DC1 (line 4)

Tests reach the helpers through the session-scoped ``ascwds`` fixture (a namespace), so nothing
imports this module directly.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest

from careforce.core.sources.ascwds.skipping import exclude_invalid_rows
from careforce.core.sources.ascwds.validate import FileSet, validate_file_set
from careforce.io.ascwds_files import parse_ascwds_bytes

REFERENCE_DATE = dt.date(2025, 3, 31)
"""Snapshot date used by every rule test (ages are measured at it)."""
TODAY = dt.date(2025, 6, 1)
"""'Today' used by every rule test (what counts as in the future)."""

WORKPLACE_HEADER = (
    "LOCALESTID,STATUS,ESTNAME,ADDRESS1,ADDRESS2,ADDRESS3,POSTTOWN,POSTCODE,ESTTYPE,OTHERTYPE,"
    "PERMCQC,PERMLA,REGTYPE,PROVNUM,LOCATIONID,MAINSERVICE,ALLSERVICES,CAPACITY,UTILISATION,"
    "SERVICEDESC,SERVICEUSERS,OTHERUSERDESC,DHA,DHAACTIVITIES,TOTALPERMTEMP,ALLJOBROLES,"
    "STARTERS,LEAVERS,VACANCIES,REASONS,REASONNOS,REPEATTRAINING,CWPAWARE,CWPUSE,CWPUSEDESC,"
    "SICKPAY,PENSION,ACTUALCONT,OPTOUTPEN,HOLIDAY,SLEEPINS,SLEEPINPAY,TRAVELTIME,TTDIFFRATE"
)
STAFF_HEADER = (
    "LOCALESTID,UNIQUEWORKERID,STATUS,DISPLAYID,NINUMBER,POSTCODE,DOB,GENDER,ETHNICITY,"
    "NATIONALITY,BRITISHCITIZENSHIP,COUNTRYOFBIRTH,YEAROFENTRY,DISABLED,CARECERT,L2CARECERT,"
    "RECSOURCE,HANDCVISA,INOUTUK,STARTDATE,STARTINSECT,DHA,APPRENTICE,EMPLSTATUS,ZEROHRCONT,"
    "DAYSSICK,SALARYINT,SALARY,HOURLYRATE,MAINJOBROLE,MAINJRDESC,CONTHOURS,AVGHOURS,NMCREG,AMHP,"
    "SCQUAL,NONSCQUAL,CWPCATEGORY,QUALACH01,QUALACH01NOTES,QUALACH02,QUALACH02NOTES,QUALACH03,"
    "QUALACH03NOTES"
)
TRAINING_HEADER = (
    "LOCALESTID,UNIQUEWORKERID,CATEGORY,TRAININGNAME,ACCREDITED,WHODELIVERED,PROVIDERNAME,"
    "HOWDELIVERED,VALIDITY,DATECOMPLETED,EXPIRYDATE,NOTES"
)

# §11 worked example, then a non-CQC day centre (main service 6, REGTYPE 0, DHA answered No).
BASE_WORKPLACE = "\n".join(
    (
        WORKPLACE_HEADER,
        "WP1,UPDATE,Sunset Care,1 High Street,,,Leeds,LS1 1AA,6,,1,1,2,1-101234567,1-1000210669,"
        "8,8;13,;,;,;,1;2,;,1,1;7,2,4;8,0;1,0;1,0;1,,,1,1,1;2;10,Induction planning,1,1,5,2,28,2,,"
        "3,11.50",
        "WP2,NEW,Riverside Day Centre,2 Mill Lane,,,Bradford,BD1 1AA,7,,0,1,0,,,6,6,20,15,,1,,2,,"
        "1,8,0,0,0,,,2,4,2,,unknown,0,,999,28,,,,",
        "",
    )
)
BASE_STAFF = "\n".join(
    (
        STAFF_HEADER,
        "WP1,RM1,NEW,Jane Smith,JA123456A,LS1 1AA,10/12/1982,2,31,826,,826,,0,1,3,2,,,01/04/2015,"
        "2005,,2,1,2,2.5,1,38000,,4,,37.5,,,,1;5,2,7,307;2019,Level 5 apprenticeship,,,,",
        "WP1,CW1,NEW,Tom Brown,,LS2 7AB,01/02/1995,1,32,372,2,372,2018,0,3,2,12,2,,15/06/2020,"
        "2019,1,1,3,1,999,3,,12.60,8,,,22.5,,,1;2,1;3,2,,,,,,",
        "WP2,DC1,NEW,Ann Lee,AB123456C,BD2 3CD,05/06/1990,2,39,826,,826,,1,1,2,18,,,01/09/2021,"
        "2021,,2,2,2,0,999,,,8,,16,,,,2,2,1,,,,,,",
        "",
    )
)
BASE_TRAINING = "\n".join(
    (
        TRAINING_HEADER,
        "WP1,RM1,20,Safeguarding adults level 3,1,2,88,1,36,10/01/2025,,Annual refresher",
        "WP1,CW1,13,Medication awareness,999,1,,2,none,05/03/2024,,",
        "WP2,DC1,10,Infection control,0,1,,1,12,01/02/2025,31/01/2026,",
        "",
    )
)
BASE = {"workplace": BASE_WORKPLACE, "staff": BASE_STAFF, "training": BASE_TRAINING}
"""The valid base file set, by file kind."""

FILE_KINDS = ("workplace", "staff", "training")

NI_NUMBERS = ("JA123456A", "AB123456C")
"""NI numbers in the base set (for checks that they never leak)."""
BIRTH_DATES = ("10/12/1982", "01/02/1995", "05/06/1990")
"""Dates of birth in the base set (for checks that they never leak)."""


def read_rows(text: str) -> tuple[list[str], list[list[str]]]:
    """Split CSV text into its header and data rows (blank lines dropped)."""
    records = [record for record in csv.reader(io.StringIO(text, newline="")) if record]
    return records[0], records[1:]


def write_rows(header: list[str], rows: Iterable[list[str]]) -> str:
    """Join a header and rows into CSV text.

    CRLF line endings, so that the writer quotes any value holding a CR or an LF.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _set(header: list[str], row: list[str], cells: Mapping[str, str]) -> list[str]:
    changed = list(row)
    for column, value in cells.items():
        changed[header.index(column)] = value
    return changed


def mutate(file: str, row_index: int, **cells: str) -> str:
    """A copy of CSV text with one or more cells of one data row changed.

    Args:
        file: the CSV text.
        row_index: 0-based data row (0 is the row on line 2).
        cells: column name -> new value.
    """
    header, rows = read_rows(file)
    rows[row_index] = _set(header, rows[row_index], cells)
    return write_rows(header, rows)


def append_row(file: str, like: int, **cells: str) -> str:
    """A copy of CSV text with a copy of data row ``like`` appended, with cells changed."""
    header, rows = read_rows(file)
    return write_rows(header, [*rows, _set(header, rows[like], cells)])


def append_line(file: str, line: str) -> str:
    """A copy of CSV text with one physical line appended as it is."""
    return file.rstrip("\r\n") + "\n" + line + "\n"


def add_columns(file: str, *names: str, after: str | None = None) -> str:
    """A copy of CSV text with empty columns inserted after ``after`` (or at the end)."""
    header, rows = read_rows(file)
    position = header.index(after) + 1 if after is not None else len(header)
    new_header = [*header[:position], *names, *header[position:]]
    new_rows = [[*row[:position], *([""] * len(names)), *row[position:]] for row in rows]
    return write_rows(new_header, new_rows)


def data_lines(file: str) -> int:
    """Number of data rows of CSV text (so an appended row is on line ``data_lines + 2``)."""
    return len(read_rows(file)[1])


def fileset(workplace: str, staff: str, training: str | None = None) -> FileSet:
    """Parse CSV texts (recognising and checking their headers) into a file set."""

    def raw(text: str, name: str) -> Any:
        return parse_ascwds_bytes(text.encode("utf-8"), name=name).raw

    return FileSet(
        workplace=raw(workplace, "workplace.csv"),
        staff=raw(staff, "staff.csv"),
        training=raw(training, "training.csv") if training is not None else None,
    )


def run(
    files: FileSet,
    reference_date: dt.date = REFERENCE_DATE,
    today: dt.date = TODAY,
    *,
    skip_invalid_rows: bool = False,
) -> list[dict[str, Any]]:
    """Validate a file set and return its findings as a list of dicts.

    With ``skip_invalid_rows`` the findings also include the notes on rows left out
    (``ROW-SKIPPED`` and friends), as ``careforce ingest ascwds --skip-invalid-rows`` reports.
    """
    validation = validate_file_set(files, reference_date=reference_date, today=today)
    findings = validation.findings
    if skip_invalid_rows and findings.filter(pl.col("severity") == "error").height:
        _, notes = exclude_invalid_rows(validation)
        findings = pl.concat([findings, notes])
    return findings.to_dicts()


def apply(edits: Iterable[tuple[Any, ...]], base: Mapping[str, str] = BASE) -> dict[str, Any]:
    """Apply edits to the base texts; returns the texts and whether to skip invalid rows.

    Each edit is a tuple whose first item says what to do:

    * ``("set", kind, row_index, {COLUMN: value})`` — change cells (see :func:`mutate`);
    * ``("copy", kind, like, {COLUMN: value})`` — append a changed copy of a row;
    * ``("line", kind, text)`` — append a raw physical line;
    * ``("columns", kind, (names...), after)`` — insert empty columns;
    * ``("drop", kind)`` — leave the (training) file out;
    * ``("skip",)`` — report rows left out, as with ``--skip-invalid-rows``.
    """
    texts: dict[str, str | None] = dict(base)
    skip = False
    for edit in edits:
        action = edit[0]
        if action == "skip":
            skip = True
            continue
        kind = edit[1]
        text = texts[kind]
        assert text is not None, f"{kind} file was dropped"
        if action == "set":
            texts[kind] = mutate(text, edit[2], **edit[3])
        elif action == "copy":
            texts[kind] = append_row(text, edit[2], **edit[3])
        elif action == "line":
            texts[kind] = append_line(text, edit[2])
        elif action == "columns":
            texts[kind] = add_columns(text, *edit[2], after=edit[3])
        elif action == "drop":
            texts[kind] = None
        else:
            raise ValueError(f"unknown edit {edit!r}")
    return {"texts": texts, "skip": skip}


_RESULTS: dict[str, list[dict[str, Any]]] = {}
"""Findings of edit lists already validated (validation is pure and takes ~0.1 s)."""


def run_edits(
    edits: Iterable[tuple[Any, ...]],
    *,
    reference_date: dt.date = REFERENCE_DATE,
    today: dt.date = TODAY,
) -> list[dict[str, Any]]:
    """Apply edits to the base set, validate it and return (a copy of) the findings."""
    edits = list(edits)
    key = repr((edits, reference_date, today))
    if key not in _RESULTS:
        applied = apply(edits)
        texts = applied["texts"]
        files = fileset(texts["workplace"], texts["staff"], texts["training"])
        _RESULTS[key] = run(files, reference_date, today, skip_invalid_rows=applied["skip"])
    return copy.deepcopy(_RESULTS[key])


@pytest.fixture(scope="session")
def ascwds() -> SimpleNamespace:
    """The base file set and the helpers to change and validate it."""
    return SimpleNamespace(
        BASE=BASE,
        BASE_WORKPLACE=BASE_WORKPLACE,
        BASE_STAFF=BASE_STAFF,
        BASE_TRAINING=BASE_TRAINING,
        WORKPLACE_HEADER=WORKPLACE_HEADER,
        STAFF_HEADER=STAFF_HEADER,
        TRAINING_HEADER=TRAINING_HEADER,
        NI_NUMBERS=NI_NUMBERS,
        BIRTH_DATES=BIRTH_DATES,
        REFERENCE_DATE=REFERENCE_DATE,
        TODAY=TODAY,
        read_rows=read_rows,
        write_rows=write_rows,
        mutate=mutate,
        append_row=append_row,
        append_line=append_line,
        add_columns=add_columns,
        data_lines=data_lines,
        fileset=fileset,
        run=run,
        apply=apply,
        run_edits=run_edits,
    )
