"""Reading indicator results for the outcomes framework: CSV or Parquet, typed, and refused
with the file, line and column when malformed."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from careforce.core.outcomes import columns as c
from careforce.core.vocab import published as pub
from careforce.io.indicator_results import IndicatorResultsError, read_indicator_results

pytestmark = pytest.mark.integration

FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "outcomes" / "indicators"


class TestReadIndicatorResults:
    def test_reads_the_folder(self) -> None:
        frame, path = read_indicator_results(FIXTURE)
        assert path == FIXTURE / "indicators.csv"
        assert frame.columns == [*c.INDICATOR_COLUMNS, *c.COMPARATOR_COLUMNS]
        assert frame.schema[pub.VALUE] == pl.Float64
        suppressed = frame.filter(pl.col(pub.SYMBOL) == "[c]")
        assert suppressed.select(pub.MEASURE_ID, pub.PERIOD, pub.VALUE).rows() == [
            ("zero_hours_share", "2022/23", None)
        ]
        # Empty text is missing, not "".
        assert frame.get_column(pub.SYMBOL).null_count() == frame.height - 1

    def test_parquet_gives_the_same_frame(self, tmp_path: Path) -> None:
        frame, _ = read_indicator_results(FIXTURE)
        frame.with_columns(pl.lit(1).alias("extra")).write_parquet(tmp_path / "indicators.parquet")
        again, path = read_indicator_results(tmp_path)
        assert path.suffix == ".parquet"
        assert again.equals(frame)

    def test_value_that_is_not_a_number(self, tmp_path: Path) -> None:
        text = (FIXTURE / "indicators.csv").read_text(encoding="utf-8")
        lines = text.splitlines()
        lines[1] = lines[1].replace(",3685.0,", ",about 3700,", 1)
        (tmp_path / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(
            IndicatorResultsError, match=r"line 2, column value: 'about 3700' is not a number"
        ):
            read_indicator_results(tmp_path)

    def test_row_with_too_many_fields(self, tmp_path: Path) -> None:
        text = (FIXTURE / "indicators.csv").read_text(encoding="utf-8")
        lines = text.splitlines()
        lines[2] = lines[2].replace(",3650.0,", ",3,650,", 1)
        (tmp_path / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(
            IndicatorResultsError, match=r"line 3: 18 fields, but the header has 17"
        ):
            read_indicator_results(tmp_path)

    def test_missing_columns(self, tmp_path: Path) -> None:
        (tmp_path / "indicators.csv").write_text("measure_id,value\nx,1\n", encoding="utf-8")
        with pytest.raises(IndicatorResultsError, match="no column"):
            read_indicator_results(tmp_path)

    def test_folder_without_results(self, tmp_path: Path) -> None:
        with pytest.raises(IndicatorResultsError, match="run careforce indicators compute"):
            read_indicator_results(tmp_path)
        with pytest.raises(IndicatorResultsError, match="no such folder"):
            read_indicator_results(tmp_path / "missing")

    def test_spreadsheet_instead_of_csv(self, tmp_path: Path) -> None:
        (tmp_path / "indicators.csv").write_bytes(b"PK\x03\x04rest of a workbook")
        with pytest.raises(IndicatorResultsError, match="spreadsheet"):
            read_indicator_results(tmp_path)
