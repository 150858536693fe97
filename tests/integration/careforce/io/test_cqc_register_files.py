"""The CQC register read from ODS, XLSX and CSV in the published layout, with its quirks."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.core.sources.cqc_register import register_header
from careforce.core.vocab.cqc_register import REGISTER_LAYOUT, Location, Scope
from careforce.io.cqc_register_files import RegisterFileError, read_register
from careforce.io.cqc_register_files import write_register_ods as write_ods
from careforce.io.csv_text import UnreadableFileError
from careforce.services.estimates import EstimatesInputError, load_register
from careforce.synthetic.cqc_register import RegisterEntry, register_row
from cqc_register_support import (
    care_home,
    home_care,
    row,
    write_register_csv,
    write_register_ods,
    write_register_xlsx,
)

pytestmark = pytest.mark.integration

WRITERS = {"ods": write_register_ods, "xlsx": write_register_xlsx, "csv": write_register_csv}

ROWS = [
    care_home("1-100000001", 40, nursing=True, **{"Brand Name": "BRAND Sunrise"}),
    care_home("1-100000002", 25),
    home_care("1-100000003", **{"Location Local Authority": "St. Helens"}),
    row("1-100000004", {"Location Inspection Directorate": "Hospitals"}),
    care_home("1-100000005", 30, **{"Dormant (Y/N)": "Y"}),
    home_care(
        "1-100000006",
        **{
            "Location Dual Registered": "Dual Registration",
            "Primary ID (Dual registration locations)": "1-100000002",
        },
    ),
    home_care("1-100000007", **{"Location Local Authority": "Atlantis"}),
    home_care("1-100000008", **{"Dormant (Y/N)": ""}),
]
"""One location of each kind the scope rules tell apart."""

EXPECTED_SCOPE = {
    "1-100000001": Scope.IN_SCOPE,
    "1-100000002": Scope.IN_SCOPE,
    "1-100000003": Scope.IN_SCOPE,
    "1-100000004": Scope.OTHER_DIRECTORATE,
    "1-100000005": Scope.DORMANT,
    "1-100000006": Scope.DUAL_SECONDARY,
    "1-100000007": Scope.UNKNOWN_AREA,
    "1-100000008": Scope.IN_SCOPE,
}


@pytest.mark.parametrize("kind", sorted(WRITERS))
class TestLoadRegister:
    def test_scope_of_every_kind_of_location(self, tmp_path: Path, kind: str) -> None:
        path = WRITERS[kind](tmp_path / f"register.{kind}", ROWS)
        register = load_register(path)
        scope = dict(
            register.locations.select(Location.LOCATION_ID, Location.SCOPE_REASON).iter_rows()
        )
        assert scope == {k: v.value for k, v in EXPECTED_SCOPE.items()}
        assert register.file_format == kind

    def test_values_of_a_nursing_home(self, tmp_path: Path, kind: str) -> None:
        path = WRITERS[kind](tmp_path / f"register.{kind}", ROWS)
        first = load_register(path).locations.row(0, named=True)
        assert first[Location.LINE] == 2
        assert first[Location.AREA_CODE] == "E10000028"
        assert first[Location.BEDS] == 40
        assert first[Location.SERVICE_GROUP] == "nursing"
        assert first[Location.BRAND] == "BRAND Sunrise"
        assert first[Location.SERVICES] == ["care home with nursing"]

    def test_quirks_blank_flags_dash_brand_and_name_spelling(
        self, tmp_path: Path, kind: str
    ) -> None:
        path = WRITERS[kind](tmp_path / f"register.{kind}", ROWS)
        locations = load_register(path).locations
        by_id = {r[Location.LOCATION_ID]: r for r in locations.iter_rows(named=True)}
        assert by_id["1-100000002"][Location.BRAND] is None
        assert by_id["1-100000003"][Location.AREA_CODE] == "E08000013"
        assert by_id["1-100000003"][Location.SERVICE_GROUP] == "home care"
        assert by_id["1-100000008"][Location.DORMANT] is False

    def test_findings_by_line_and_column(self, tmp_path: Path, kind: str) -> None:
        path = WRITERS[kind](tmp_path / f"register.{kind}", ROWS)
        findings = load_register(path).findings
        assert findings.select("line", "column", "value", "code").rows() == [
            (8, "Location Local Authority", "Atlantis", "CQC-LOCAL-AUTHORITY-UNKNOWN"),
            (9, "Dormant (Y/N)", "", "CQC-DORMANT-FLAG"),
        ]

    def test_area_puts_other_authorities_out_of_scope(self, tmp_path: Path, kind: str) -> None:
        path = WRITERS[kind](tmp_path / f"register.{kind}", ROWS)
        locations = load_register(path, area="E08000013").locations
        in_scope = locations.filter(pl.col(Location.IN_SCOPE))
        assert in_scope[Location.LOCATION_ID].to_list() == ["1-100000003"]
        elsewhere = locations.filter(pl.col(Location.LOCATION_ID) == "1-100000001")
        assert elsewhere[Location.SCOPE_REASON].to_list() == [Scope.OTHER_AREA.value]


class TestHeaders:
    def test_columns_found_by_name_in_any_order(self, tmp_path: Path) -> None:
        order = list(reversed(range(len(REGISTER_LAYOUT))))
        header = [REGISTER_LAYOUT[i] for i in order]
        rows = [[r[i] for i in order] for r in ROWS[:2]]
        path = write_register_ods(tmp_path / "r.ods", rows, header=header)
        assert load_register(path).locations[Location.BEDS].to_list() == [40, 25]

    def test_older_headers_are_recognised(self, tmp_path: Path) -> None:
        header = [
            "Local Authority" if h == "Location Local Authority" else h for h in REGISTER_LAYOUT
        ]
        path = write_register_csv(tmp_path / "r.csv", ROWS[:1], header=header)
        assert load_register(path).locations[Location.AREA_CODE].to_list() == ["E10000028"]

    def test_missing_required_column_is_named(self, tmp_path: Path) -> None:
        header = [h for h in REGISTER_LAYOUT if h != "Care homes beds"]
        path = write_register_csv(tmp_path / "r.csv", [r[:-1] for r in ROWS[:1]], header=header)
        with pytest.raises(EstimatesInputError, match="no column\\(s\\) Care homes beds"):
            load_register(path)

    def test_csv_row_with_wrong_field_count_is_a_finding(self, tmp_path: Path) -> None:
        path = write_register_csv(tmp_path / "r.csv", [ROWS[0], ROWS[1][:50]])
        findings = load_register(path).findings.filter(pl.col("code") == "CQC-ROW-FIELD-COUNT")
        assert findings.select("line", "value").rows() == [(3, "50 fields, header has 122")]

    def test_padding_cells_are_not_expanded(self, tmp_path: Path) -> None:
        path = write_register_ods(tmp_path / "r.ods", ROWS)
        table = read_register(path, keep=lambda h: register_header(h) is not None)
        assert len(table.header) == len(REGISTER_LAYOUT)
        assert table.frame.height == len(ROWS)


class TestUnreadable:
    def test_workbook_without_data_sheet(self, tmp_path: Path) -> None:
        path = write_register_ods(tmp_path / "r.ods", ROWS, header=["Name", "Beds"] * 61, sheet="X")
        with pytest.raises(RegisterFileError, match="no sheet named"):
            read_register(path, keep=lambda _h: True)

    def test_damaged_workbook(self, tmp_path: Path) -> None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("content.xml", "<office:document-content")
        path = tmp_path / "r.ods"
        path.write_bytes(buffer.getvalue())
        with pytest.raises(RegisterFileError, match="damaged"):
            read_register(path, keep=lambda _h: True)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "r.ods"
    path.write_bytes(data)
    with contextlib.suppress(UnreadableFileError, EstimatesInputError):
        load_register(path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_in_a_zip_never_crash(tmp_path: Path, data: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", data)
    path = tmp_path / "r.ods"
    path.write_bytes(buffer.getvalue())
    with contextlib.suppress(UnreadableFileError, EstimatesInputError):
        load_register(path)


CELL = st.one_of(
    st.sampled_from(["", "Y", "N", "-", "0", "12", "x", "Adult social care", "Staffordshire"]),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=12,
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(CELL, min_size=0, max_size=130), max_size=6))
def test_arbitrary_rows_never_crash(tmp_path: Path, rows: list[list[str]]) -> None:
    path = write_register_csv(tmp_path / "r.csv", rows)
    register = load_register(path)
    # Lines are physical lines: a quoted line break makes a record span two.
    assert all(line >= 2 for line in register.findings["line"].to_list())
    assert register.locations.height <= len(rows)


class TestWriteRegisterOds:
    def test_round_trip_of_synthetic_rows(self, tmp_path: Path) -> None:

        entries = [
            RegisterEntry(
                "1-100000001",
                "Oak House",
                "1-9",
                "Oak Ltd",
                "Staffordshire",
                "West Midlands",
                True,
                42,
                ("care home with nursing", "nursing care"),
            ),
            RegisterEntry(
                "1-100000002",
                "Elm Care & Co",
                "1-9",
                "Oak Ltd",
                "Stoke-on-Trent",
                "West Midlands",
                False,
                0,
                ("domiciliary care", "personal care"),
            ),
        ]
        path = tmp_path / "r.ods"
        write_ods(path, REGISTER_LAYOUT, (register_row(e) for e in entries), as_at="1 October 2026")
        locations = load_register(path).locations
        assert locations.select(
            Location.LOCATION_ID,
            Location.NAME,
            Location.BEDS,
            Location.SERVICE_GROUP,
            Location.AREA_CODE,
        ).rows() == [
            ("1-100000001", "Oak House", 42, "nursing", "E10000028"),
            ("1-100000002", "Elm Care & Co", 0, "home care", "E06000021"),
        ]


def test_beds_written_as_decimals_and_short_authority_names(tmp_path: Path) -> None:
    rows = [
        care_home(
            "1-100000001", 0, **{"Care homes beds": "12.0", "Location Local Authority": "Durham"}
        ),
        home_care("1-100000002", **{"Location Local Authority": "Kingston upon Hull"}),
    ]
    locations = load_register(write_register_csv(tmp_path / "r.csv", rows)).locations
    assert locations.select(Location.BEDS, Location.AREA_CODE).rows() == [
        (12, "E06000047"),
        (0, "E06000010"),
    ]
