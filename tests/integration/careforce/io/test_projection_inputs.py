"""Reading the CSV inputs of projections from disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.core.projections import columns as c
from careforce.io.projection_inputs import InputFileError, indicators_path, read_input_table

pytestmark = pytest.mark.integration


class TestReadInputTable:
    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(b"year,count\r\n2021,5\r\n", id="crlf"),
            pytest.param(b"\xef\xbb\xbfyear,count\n2021,5\n", id="utf8-bom"),
            pytest.param("year,count\n2021,5\n".encode("utf-16"), id="utf16"),
        ],
    )
    def test_reads_text_columns_with_lines(self, tmp_path: Path, data: bytes) -> None:
        path = tmp_path / "in.csv"
        path.write_bytes(data)
        frame = read_input_table(path)
        assert frame.columns == ["year", "count", c.SOURCE_LINE]
        assert frame.row(0) == ("2021", "5", 2)

    def test_row_with_too_many_fields_names_its_line(self, tmp_path: Path) -> None:
        path = tmp_path / "in.csv"
        path.write_text("year,count\n2021,5\n2022,1,234\n", encoding="utf-8")
        with pytest.raises(InputFileError, match="line 3: 3 fields, but the header has 2"):
            read_input_table(path)

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            pytest.param(b"PK\x03\x04rest", "spreadsheet", id="xlsx"),
            pytest.param(b"", "no header row", id="empty"),
        ],
    )
    def test_unusable_files_are_refused(self, tmp_path: Path, data: bytes, message: str) -> None:
        path = tmp_path / "in.csv"
        path.write_bytes(data)
        with pytest.raises(InputFileError, match=message):
            read_input_table(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(InputFileError, match="cannot be read"):
            read_input_table(tmp_path / "absent.csv")

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.binary(max_size=400))
    def test_arbitrary_bytes_give_a_frame_or_a_clear_error(
        self, tmp_path_factory: pytest.TempPathFactory, data: bytes
    ) -> None:
        path = tmp_path_factory.getbasetemp() / "arbitrary.csv"
        path.write_bytes(data)
        try:
            columns = read_input_table(path).columns
        except InputFileError as error:
            columns = [str(error)]
        assert c.SOURCE_LINE in columns or columns[0].startswith(f"{path}: ")


class TestIndicatorsPath:
    def test_folder_or_file(self, tmp_path: Path) -> None:
        file = tmp_path / "indicators.csv"
        file.write_text("x\n", encoding="utf-8")
        assert indicators_path(tmp_path) == file
        assert indicators_path(file) == file
