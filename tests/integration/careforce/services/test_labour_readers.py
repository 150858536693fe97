"""The labour-market readers on their public layouts, and on arbitrary bytes."""

from __future__ import annotations

import contextlib

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.core.sources.labour import census, nomis, postings
from careforce.core.sources.labour.common import LabourFileError
from careforce.core.sources.labour.enrolments import SkillsMeasure, skills_rows
from careforce.io.csv_text import UnreadableFileError, read_csv_table
from labour_support import (
    POSTINGS_CSV,
    VENDOR_MAPPING_CSV,
    VENDOR_POSTINGS_CSV,
    ashe_csv,
    bres_csv,
    census_sex_csv,
    claimant_csv,
    enrolments_csv,
)

pytestmark = pytest.mark.integration


def table(text: str, encoding: str = "utf-8") -> tuple[list[str], pl.DataFrame]:
    parsed = read_csv_table(text.encode(encoding))
    return parsed.header, parsed.frame


class TestNomis:
    @pytest.mark.parametrize(
        ("text", "dataset"),
        [(claimant_csv(), "claimant_count"), (bres_csv(), "bres"), (ashe_csv(), "ashe")],
        ids=["claimant", "bres", "ashe"],
    )
    def test_dataset_told_by_dimensions(self, text: str, dataset: str) -> None:
        header, raw = table(text)
        frame, found = nomis.observations(raw, header)
        assert set(frame["dataset"]) == {dataset}
        assert found.is_empty()

    def test_suppressed_value_kept_as_symbol(self) -> None:
        header, raw = table(ashe_csv())
        frame, _ = nomis.observations(raw, header)
        row = frame.filter(pl.col("geography_code") == "E07000192").row(0, named=True)
        assert row["value"] is None
        assert row["symbol"] == "[c]"

    def test_select_download_with_few_columns(self) -> None:
        text = (
            "DATE_NAME,GEOGRAPHY_CODE,GEOGRAPHY_NAME,GENDER_NAME,AGE_NAME,MEASURE_NAME,OBS_VALUE\n"
            "April 2022,E10000028,Staffordshire,Total,All categories: Age 16+,Claimant count,15515\n"
        )
        header, raw = table(text)
        frame, found = nomis.observations(raw, header)
        assert frame["value"].to_list() == [15515.0]
        assert found.is_empty()

    def test_bad_value_reported_by_line_and_column(self) -> None:
        text = claimant_csv().replace(",16010,", ",16O10,", 1)
        header, raw = table(text, "cp1252")
        _, found = nomis.observations(raw, header)
        assert found.select("line", "column", "value", "code").row(0) == (
            2,
            "OBS_VALUE",
            "16O10",
            "NOMIS-OBS-VALUE",
        )

    def test_unknown_dataset(self) -> None:
        header, raw = table("DATE_NAME,GEOGRAPHY_CODE,FOO_NAME,OBS_VALUE\n2021,E1,x,1\n")
        with pytest.raises(LabourFileError, match="not a Nomis"):
            nomis.observations(raw, header)


class TestCensus:
    @pytest.mark.parametrize("suffix", [False, True], ids=["plain", "measures-suffix"])
    def test_sex_counts(self, suffix: bool) -> None:
        _, raw = table(census_sex_csv(suffix=suffix))
        counts, found = census.residents(raw)
        assert dict(zip(counts["category"], counts["count"], strict=True)) == {
            "All persons": 1000,
            "Female": 505,
            "Male": 495,
        }
        assert found.is_empty()

    def test_not_a_census_file(self) -> None:
        _, raw = table("date,geography,geography code,foo\n2021,A,E1,1\n")
        with pytest.raises(LabourFileError, match="category"):
            census.residents(raw)


class TestEnrolments:
    @pytest.mark.parametrize("old", [True, False], ids=["old-names", "new-names"])
    def test_total_rows_kept_and_symbols(self, old: bool) -> None:
        _, raw = table(enrolments_csv(old=old))
        rows, found = skills_rows(raw, measure=SkillsMeasure.ENROLMENTS)
        assert found.is_empty()
        hsc = rows.filter(
            (pl.col("sector_subject_area") == "Health and Social Care")
            & (pl.col("academic_year") == "2020/21")
        )
        assert hsc["value"].to_list() == [5820.0]
        assert hsc["area_code"].to_list() == ["E10000028"]
        hair = rows.filter(pl.col("sector_subject_area") == "Hairdressing")
        assert hair["symbol"].to_list() == ["[c]"]

    def test_bad_count(self) -> None:
        _, raw = table(enrolments_csv(old=False).replace("Total,5820", "Total,5,820x"))
        _, found = skills_rows(raw, measure=SkillsMeasure.ENROLMENTS)
        assert (
            "EES-VALUE" in found["code"].to_list()
            or "EES-ROW-FIELD-COUNT" in found["code"].to_list()
        )


class TestPostings:
    def test_canonical(self) -> None:
        _, raw = table(POSTINGS_CSV)
        frame = postings.mapped(raw)
        assert postings.posting_rules(frame).is_empty()
        canonical = postings.postings_frame(frame)
        assert canonical["duplicate_of"].to_list() == [None, None, "P1", None]
        assert str(canonical["posted_date"][1]) == "2021-09-05"
        assert canonical["skills"][0].to_list() == ["Safeguarding", "Driving Licence"]

    def test_vendor_mapping(self) -> None:
        _, raw = table(VENDOR_POSTINGS_CSV)
        _, mapping_raw = table(VENDOR_MAPPING_CSV)
        frame = postings.mapped(raw, postings.column_mapping(mapping_raw))
        canonical = postings.postings_frame(frame)
        assert canonical["posting_id"].to_list() == ["A1", "A2"]
        assert str(canonical["posted_date"][0]) == "2021-09-01"

    def test_findings(self) -> None:
        text = POSTINGS_CSV + "P1,X,,,,2021-13-01,2021-09-01,P9,,\n"
        _, raw = table(text)
        found = postings.posting_rules(postings.mapped(raw))
        assert set(found.filter(pl.col("line") == 6)["code"]) == {
            "POSTINGS-ID-DUPLICATE",
            "POSTINGS-POSTED-DATE",
            "POSTINGS-DUPLICATE-OF-UNKNOWN",
        }

    def test_missing_column_names_mapping(self) -> None:
        _, raw = table(VENDOR_POSTINGS_CSV)
        with pytest.raises(LabourFileError, match="column-mapping"):
            postings.mapped(raw)


READERS = {
    "nomis": lambda header, raw: nomis.observations(raw, header),
    "census": lambda header, raw: census.residents(raw),
    "enrolments": lambda header, raw: skills_rows(raw, measure=SkillsMeasure.ENROLMENTS),
    "apprenticeships": lambda header, raw: skills_rows(
        raw, measure=SkillsMeasure.APPRENTICESHIP_STARTS
    ),
    "postings": lambda header, raw: postings.posting_rules(postings.mapped(raw)),
}


@pytest.mark.parametrize("reader", list(READERS), ids=list(READERS))
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(reader: str, data: bytes) -> None:
    try:
        parsed = read_csv_table(data)
    except UnreadableFileError:
        return
    with contextlib.suppress(LabourFileError):
        READERS[reader](parsed.header, parsed.frame)


HEADERS = st.sampled_from(
    [
        "DATE_NAME,GEOGRAPHY_CODE,GENDER,AGE,MEASURE,OBS_VALUE,OBS_STATUS_NAME",
        "date,geography,geography code,Sex: Female,Age: Aged 16 years",
        "time_period,geographic_level,new_la_code,ssa_tier_2,enrolments,starts",
        "posting_id,title,posted_date,expiry_date,duplicate_of,skills",
    ]
)


@pytest.mark.parametrize("reader", list(READERS), ids=list(READERS))
@settings(max_examples=40, deadline=None)
@given(header=HEADERS, rows=st.lists(st.lists(st.text(max_size=8), max_size=8), max_size=5))
def test_arbitrary_rows_never_crash(reader: str, header: str, rows: list[list[str]]) -> None:
    text = (
        header
        + "\n"
        + "\n".join(",".join('"' + c.replace('"', '""') + '"' for c in row) for row in rows)
    )
    try:
        parsed = read_csv_table(text.encode("utf-8", "replace"))
    except UnreadableFileError:
        return
    with contextlib.suppress(LabourFileError):
        READERS[reader](parsed.header, parsed.frame)
