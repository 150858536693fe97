"""ONS population workbooks read directly: the mid-year estimates (MYEB1) and SNPP saved as
XLSX, counties added up from their districts with the shipped lookup of every English county;
arbitrary bytes and rows never crash the reader."""

from __future__ import annotations

import contextlib
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.core.projections.input_tables import InputDataError
from careforce.io.package_data import package_data_path
from careforce.io.population_workbooks import read_population_workbook
from careforce.io.projection_inputs import InputFileError, read_input_table
from careforce.services.population_inputs import population_table

pytestmark = pytest.mark.integration

WARWICKSHIRE = {
    "E07000218": "North Warwickshire",
    "E07000219": "Nuneaton and Bedworth",
    "E07000220": "Rugby",
    "E07000221": "Stratford-on-Avon",
    "E07000222": "Warwick",
}


def write_myeb1(path: Path, districts: dict[str, str], *, per_age: int = 3) -> Path:
    """A MYEB1 sheet: a title row, the header on row 2, each district by sex and age 0-90."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "MYEB1"
    sheet.append(["Table MYEB1: Population estimates by local authority, sex and age"])
    sheet.append(["ladcode23", "laname23", "country", "sex", "age", "population_2022"])
    for code, name in districts.items():
        for sex in ("M", "F"):
            for age in range(91):
                sheet.append([code, name, "E", sex, age, per_age])
    book.save(path)
    return path


def values(frame: pl.DataFrame) -> dict[tuple[str, str, str], float]:
    return {
        (r["area_code"], r["age_band"], r["year"]): float(r["population"])
        for r in frame.iter_rows(named=True)
    }


class TestShippedLookup:
    def test_every_county_of_england_with_its_districts(self) -> None:
        lookup = read_input_table(package_data_path("population", "district_county_lookup.csv"))
        assert lookup.height == 164
        assert lookup["county_code"].n_unique() == 21
        assert lookup["lad_code"].n_unique() == 164
        staffordshire = lookup.filter(pl.col("county_code") == "E10000028")
        assert staffordshire.height == 8
        assert lookup.filter(pl.col("county_code") == "E10000016").height == 12  # Kent


class TestMidYearEstimatesWorkbook:
    def test_districts_and_their_county_from_the_workbook(self, tmp_path: Path) -> None:
        path = write_myeb1(tmp_path / "myebtablesenglandwales20112022.xlsx", WARWICKSHIRE)
        got = values(population_table(path))
        # 3 people a year of age and sex: 91 ages x 2 sexes x 3 = 546 in each district.
        assert got[("E07000220", "All ages", "2022")] == 546
        assert got[("E07000220", "65+", "2022")] == 26 * 6
        # Warwickshire added up from its five districts.
        assert got[("E10000031", "All ages", "2022")] == 5 * 546
        assert got[("E10000031", "85+", "2022")] == 5 * 6 * 6

    def test_no_county_without_all_its_districts(self, tmp_path: Path) -> None:
        some = dict(list(WARWICKSHIRE.items())[:4])
        got = values(population_table(write_myeb1(tmp_path / "mye.xlsx", some)))
        assert not any(code == "E10000031" for code, _, _ in got)

    def test_rows_are_numbered_as_in_the_spreadsheet(self, tmp_path: Path) -> None:
        frame = read_population_workbook(write_myeb1(tmp_path / "mye.xlsx", WARWICKSHIRE))
        assert frame["source_line"][0] == 3  # title on row 1, header on row 2
        assert frame.row(0, named=True)["age"] == "0"

    def test_a_bad_cell_is_named_by_its_row(self, tmp_path: Path) -> None:
        path = write_myeb1(tmp_path / "mye.xlsx", WARWICKSHIRE)
        book = openpyxl.load_workbook(path)
        book["MYEB1"]["F10"] = "n/a"
        book.save(path)
        with pytest.raises(InputDataError, match="line 10, column 2022: 'n/a'"):
            population_table(path)


class TestSnppWorkbook:
    def test_snpp_header_below_title_rows(self, tmp_path: Path) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["2018-based subnational population projections"])
        sheet.append([])
        sheet.append(["AREA_CODE", "AREA_NAME", "COMPONENT", "SEX", "AGE_GROUP", "2018", "2019"])
        for age in [str(a) for a in range(90)] + ["90 and over", "All ages"]:
            value = 0.0 if age == "All ages" else 10.0
            sheet.append(["E07000220", "Rugby", "Population", "persons", age, value, value * 2])
        path = tmp_path / "snpp.xlsx"
        book.save(path)
        got = values(population_table(path))
        assert got[("E07000220", "All ages", "2018")] == 910
        assert got[("E07000220", "0-17", "2019")] == 18 * 20


class TestBadWorkbooks:
    def test_not_a_workbook(self, tmp_path: Path) -> None:
        path = tmp_path / "mye.xlsx"
        path.write_bytes(b"ladcode23,age\n")
        with pytest.raises(InputFileError, match="cannot be read as an XLSX workbook"):
            read_population_workbook(path)

    def test_no_header(self, tmp_path: Path) -> None:
        book = openpyxl.Workbook()
        book.save(tmp_path / "other.xlsx")
        with pytest.raises(InputFileError, match="no sheet has an ONS population header"):
            read_population_workbook(tmp_path / "other.xlsx")

    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(data=st.binary(max_size=400))
    def test_arbitrary_bytes_never_crash(self, tmp_path: Path, data: bytes) -> None:
        path = tmp_path / "any.xlsx"
        path.write_bytes(data)
        with pytest.raises(InputFileError):
            read_population_workbook(path)

    @settings(
        max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        rows=st.lists(
            st.lists(
                st.one_of(
                    st.none(),
                    st.integers(-5, 200),
                    st.floats(allow_nan=False, allow_infinity=False, width=32),
                    st.sampled_from(["ladcode23", "age", "population_2022", "E07000220", "x"]),
                ),
                max_size=6,
            ),
            max_size=8,
        )
    )
    def test_arbitrary_rows_never_crash(self, tmp_path: Path, rows: list[list[object]]) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        path = tmp_path / "rows.xlsx"
        book.save(path)
        with contextlib.suppress(InputFileError, InputDataError):
            population_table(path)
