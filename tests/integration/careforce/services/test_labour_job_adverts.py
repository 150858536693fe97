"""The ONS online job advert tables through careforce labour compute."""

from __future__ import annotations

import contextlib
import csv
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careforce.cli.app import app
from careforce.core.sources.labour.common import LabourFileError
from careforce.core.sources.labour.job_adverts import advert_rows, header_row, period_label
from careforce.io.labour_files import LabourFileUnreadableError, read_workbook_tables, rows_frame
from labour_support import write_job_adverts_workbook

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("2026Q2", "2026Q2"),
        ("2024-01-01 00:00:00", "2024-01"),
        ("January 2024", "2024-01"),
        ("Region", None),
    ],
    ids=["quarter", "date-cell", "month-name", "not-a-period"],
)
def test_period_label(header: str, label: str | None) -> None:
    assert period_label(header) == label


def test_tables_read_with_symbols_and_findings(tmp_path: Path) -> None:
    workbook = tmp_path / "labourdemandbyoccupation.xlsx"
    write_job_adverts_workbook(workbook)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["labour", "compute", "--job-adverts", str(workbook), "--out", str(out)]
    )
    # "12a" is not a number of adverts: the run stops and names the sheet, row and column.
    assert result.exit_code == 2
    assert "line 7, column 2022Q1, value '12a'" in " ".join(result.output.split())


def test_measures(tmp_path: Path) -> None:
    workbook = tmp_path / "labourdemandbyoccupation.xlsx"
    write_job_adverts_workbook(workbook)
    book = openpyxl.load_workbook(workbook)
    book["Table 5"]["G7"] = 12
    book.save(workbook)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["labour", "compute", "--job-adverts", str(workbook), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    with (out / "labour.csv").open(encoding="utf-8") as handle:
        rows = {
            (r["period"], r["area_code"], r["breakdown_value"]): r for r in csv.DictReader(handle)
        }
    assert rows[("2022-04", "E07000197", "all")]["value"] == "1150.0"
    assert rows[("2022Q1", "E07000197", "6135 Care workers and home carers")]["value"] == "410.0"
    suppressed = rows[("2022Q2", "E07000197", "6135 Care workers and home carers")]
    assert (suppressed["value"], suppressed["symbol"]) == ("", "[x]")
    assert rows[("2022-03", "London", "all")]["area_name"] == "London"


CELLS = st.one_of(
    st.text(max_size=6), st.sampled_from(["[x]", "2022Q1", "Local Authority Code", "1", ""])
)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(CELLS, max_size=6), max_size=8))
def test_arbitrary_rows_never_crash(rows: list[list[str]]) -> None:
    try:
        start = header_row(rows)
        advert_rows(rows_frame(rows, start), table="Table 2")
    except LabourFileError:
        pass


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_are_not_a_workbook(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(data)
    with contextlib.suppress(LabourFileUnreadableError):
        read_workbook_tables(path)
