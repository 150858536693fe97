"""Nomis "user-friendly" CSV downloads (metadata above and notes below the table) read
directly, with the same measures as the API downloads; arbitrary bytes and rows never crash."""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.core.sources.labour.common import LabourFileError
from careforce.core.sources.labour.nomis_friendly import (
    friendly_observations,
    is_friendly,
    selections,
)
from careforce.core.vocab.ascwds_columns import LINE
from careforce.services.labour import LabourInputError, nomis_rows

pytestmark = pytest.mark.integration

CLAIMANTS = """\
"Claimant count by sex and age"
"ONS Crown Copyright Reserved [from Nomis on 7 December 2026]"
"Gender :","Total"
"Age :","All categories: Age 16+"
"Measure :","Claimant count"
"Units :","Persons"

"local authority: district / unitary (as of April 2023)","mnemonic","July 2022","August 2022"
"Cannock Chase","E07000192","1,450","1,480"
"Tamworth","E07000199","1,200","-"
"England","E92000001","1,000,000","1,010,000"

"The claimant count is not a National Statistic."
"Data from 2013 include Universal Credit claimants."
"""

BUSINESS = """\
"UK Business Counts - enterprises by industry and employment size band"
"ONS Crown Copyright Reserved [from Nomis on 7 December 2026]"
"Industry :","87 : Residential care activities"
"Date :","2022"

"local authority: county / unitary (as of April 2023)","Micro (0 to 9)","Small (10 to 49)","Medium-sized (50 to 249)","Large (250+)"
"E10000028 : Staffordshire","520","370","90","10"
"E92000001 : England","52000","37000","9000","!"
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


class TestFriendlyLayout:
    def test_selections_and_table(self) -> None:
        rows = rows_of(CLAIMANTS)
        assert is_friendly(rows)
        assert selections(rows, 7)["gender"] == "Total"
        frame, found = friendly_observations(rows)
        assert found.is_empty()
        assert set(frame["dataset"]) == {"claimant_count"}
        cannock = frame.filter(pl.col("geography_code") == "E07000192").sort("date")
        assert cannock.select("date", "value", LINE).rows() == [
            ("August 2022", 1480.0, 9),
            ("July 2022", 1450.0, 9),
        ]
        # The notes below the blank line are not areas.
        assert frame["geography_code"].n_unique() == 3

    def test_dash_is_missing_and_bang_withheld(self) -> None:
        frame, _ = friendly_observations(rows_of(CLAIMANTS))
        tamworth = frame.filter(
            (pl.col("geography_code") == "E07000199") & (pl.col("date") == "August 2022")
        ).row(0, named=True)
        assert (tamworth["value"], tamworth["symbol"]) == (None, "[x]")
        business, _ = friendly_observations(rows_of(BUSINESS))
        large = business.filter(
            (pl.col("geography_code") == "E92000001")
            & (pl.col("employment_sizeband_name") == "Large (250+)")
        ).row(0, named=True)
        assert (large["value"], large["symbol"]) == (None, "[c]")

    def test_code_and_name_in_one_cell(self) -> None:
        frame, _ = friendly_observations(rows_of(BUSINESS))
        assert frame.select("geography_code", "geography_name").unique().sort(
            "geography_code"
        ).rows() == [("E10000028", "Staffordshire"), ("E92000001", "England")]

    def test_a_bad_value_is_a_finding_with_line_and_column(self) -> None:
        text = CLAIMANTS.replace('"1,200"', '"about 1200"')
        _, found = friendly_observations(rows_of(text))
        assert found.select("line", "column", "value").rows() == [(10, "July 2022", "about 1200")]

    def test_an_unknown_dataset_is_refused(self) -> None:
        text = CLAIMANTS.replace("Claimant count by sex and age", "Population estimates").replace(
            '"Measure :","Claimant count"', '"Measure :","Persons"'
        )
        with pytest.raises(LabourFileError, match="names no dataset"):
            friendly_observations(rows_of(text))

    def test_an_api_download_is_not_friendly(self) -> None:
        assert not is_friendly([["DATE", "DATE_NAME", "GEOGRAPHY_CODE", "OBS_VALUE"]])


class TestFriendlyMeasures:
    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
    def test_claimant_count_and_change(self, tmp_path: Path, encoding: str) -> None:
        path = write(tmp_path, "claimants.csv", CLAIMANTS, encoding)
        table, _, findings = nomis_rows([path])
        assert findings.filter(pl.col("severity") == "error").is_empty()
        got = {
            (r["measure_id"], r["area_code"], r["period"]): r["value"]
            for r in table.iter_rows(named=True)
        }
        assert got[("claimant_count", "E07000192", "2022-08")] == 1480
        assert got[("claimant_count_change", "E07000192", "2022-08")] == 30
        assert got[("claimant_count", "E07000199", "2022-08")] is None

    def test_business_counts_shares(self, tmp_path: Path) -> None:
        table, _, _ = nomis_rows([write(tmp_path, "business.csv", BUSINESS)])
        shares = table.filter(
            (pl.col("measure_id") == "business_count_share") & (pl.col("area_code") == "E10000028")
        )
        assert shares.height == 4
        assert shares["value"].sum() == pytest.approx(1.0)
        micro = shares.filter(pl.col("breakdown_value").str.starts_with("micro"))
        assert micro["value"][0] == pytest.approx(520 / 990)


FRIENDLY_START = rows_of(CLAIMANTS)[:8]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.csv"
    path.write_bytes(data)
    with contextlib.suppress(LabourInputError):
        nomis_rows([path])


@settings(max_examples=60, deadline=None)
@given(
    body=st.lists(
        st.lists(st.text(alphabet="E0123456789 :-!,.ab", max_size=12), max_size=5), max_size=6
    )
)
def test_arbitrary_rows_below_the_header_never_crash(body: list[list[str]]) -> None:
    with contextlib.suppress(LabourFileError):
        friendly_observations([*FRIENDLY_START, *body])
