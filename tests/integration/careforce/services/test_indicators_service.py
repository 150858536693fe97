"""Ingest a small generated ASC-WDS file set, compute the measures and check the published files.

The file set (6 workplaces × 15 staff, reference date 31/03/2022) is built here from the ASC-WDS
bulk-upload format, like the generator of ``benchmarks/ingest_ascwds.py``, but without
randomness so the answers are known:

* workplaces W0–W2 are independent (ESTTYPE 6, 6, 7) in ST16, W3–W5 local authority (ESTTYPE 1)
  in ST17; main services 2, 1, 8, 2, 1, 8 (residential, nursing, home care), all CQC-registered;
* staff 0 of each workplace is the registered manager (salaried), staff 1–4 senior care workers,
  staff 5–14 care workers (hourly); staff 4, 9 and 14 are bank staff, the rest permanent:
  90 filled posts, 72 directly employed;
* each workplace reports ALLJOBROLES 4;7;8 with STARTERS 0;1;1, LEAVERS 0;1;2, VACANCIES 0;0;2:
  12 starters, 18 leavers and 12 vacancies in all, so turnover 18/72 = 0.25, starters rate
  12/72 and vacancy rate 12/(90 + 12);
* staff 5 and 6 of each workplace started on 01/06/2021, recruited from a local authority adult
  care employer (5) and not previously employed (6): leavers remaining in the sector 6/12.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest

from careforce.core.indicators.catalogue import MEASURES, measure, measure_ids
from careforce.core.vocab.published import Unit
from careforce.io.spreadsheets import sheet_name
from careforce.services.ascwds import Area, ingest_ascwds
from careforce.services.indicators import (
    IndicatorInputError,
    compute_indicators,
    load_ascwds,
)

pytestmark = pytest.mark.integration

REFERENCE_DATE = dt.date(2022, 3, 31)
TODAY = dt.date(2022, 6, 1)
AREA = Area("E10000028", "Staffordshire")
WORKPLACES = 6
STAFF = 15
BANK = (4, 9, 14)

OUTPUT_COLUMNS = [
    "measure_id",
    "measure_name",
    "period",
    "area_code",
    "area_name",
    "breakdown",
    "breakdown_value",
    "numerator",
    "denominator",
    "value",
    "lower_ci",
    "upper_ci",
    "unit",
    "polarity",
    "comparator_value",
    "comparison",
    "symbol",
    "comparator_name",
]
NUMBERS = ["numerator", "denominator", "value", "lower_ci", "upper_ci", "comparator_value"]

WORKPLACE_HEADER = (
    "LOCALESTID,STATUS,ESTNAME,ADDRESS1,ADDRESS2,ADDRESS3,POSTTOWN,POSTCODE,ESTTYPE,OTHERTYPE,"
    "PERMCQC,PERMLA,REGTYPE,PROVNUM,LOCATIONID,MAINSERVICE,ALLSERVICES,CAPACITY,UTILISATION,"
    "SERVICEDESC,SERVICEUSERS,OTHERUSERDESC,DHA,DHAACTIVITIES,TOTALPERMTEMP,ALLJOBROLES,STARTERS,"
    "LEAVERS,VACANCIES,REASONS,REASONNOS,REPEATTRAINING,CWPAWARE,CWPUSE,CWPUSEDESC,SICKPAY,"
    "PENSION,ACTUALCONT,OPTOUTPEN,HOLIDAY,SLEEPINS,SLEEPINPAY,TRAVELTIME,TTDIFFRATE"
)
STAFF_HEADER = (
    "LOCALESTID,UNIQUEWORKERID,STATUS,DISPLAYID,NINUMBER,POSTCODE,DOB,GENDER,ETHNICITY,"
    "NATIONALITY,BRITISHCITIZENSHIP,COUNTRYOFBIRTH,YEAROFENTRY,DISABLED,CARECERT,L2CARECERT,"
    "RECSOURCE,HANDCVISA,INOUTUK,STARTDATE,STARTINSECT,DHA,APPRENTICE,EMPLSTATUS,ZEROHRCONT,"
    "DAYSSICK,SALARYINT,SALARY,HOURLYRATE,MAINJOBROLE,MAINJRDESC,CONTHOURS,AVGHOURS,NMCREG,AMHP,"
    "SCQUAL,NONSCQUAL,CWPCATEGORY,QUALACH01,QUALACH01NOTES,QUALACH02,QUALACH02NOTES,QUALACH03,"
    "QUALACH03NOTES"
)
SERVICES = (2, 1, 8, 2, 1, 8)
EMPLOYERS = (6, 6, 7, 1, 1, 1)
POSTCODES = ("ST16 2LX",) * 3 + ("ST17 4AB",) * 3


def _date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _staff_row(number: int, worker: int, serial: int) -> str:
    role = 4 if worker == 0 else 7 if worker <= 4 else 8
    bank = worker in BANK
    contract, zero = ("3", "1") if bank else ("1", "2")
    hours, average = ("", "20") if bank else ("37.5" if worker % 2 == 0 else "22.5", "")
    if role == 4:
        pay = ("1", str(30000 + 1000 * number), "")
    else:
        pay = ("3", "", "11.25" if role == 7 else f"{10.00 + 0.25 * (worker % 4):.2f}")
    birth = dt.date(1965 + (number * 3 + worker * 2) % 35, 1 + worker % 12, 1 + number)
    if worker in (5, 6):
        start, source = dt.date(2021, 6, 1), "1" if worker == 5 else "10"
    else:
        start, source = dt.date(2012 + (number + worker) % 8, 3, 1), "2"
    fields = [
        f"W{number}",
        f"S{worker}",
        "UNCHECKED",
        f"Worker {worker}",
        f"AB{serial:06d}C",
        "ST17 4AB",
        _date(birth),
        "1" if worker % 4 == 1 else "2",
        "44" if worker % 5 == 3 else "31",
        "826",
        "",
        "826",
        "",
        "0",
        "1",
        "",
        source,
        "",
        "",
        _date(start),
        str(start.year),
        "",
        "2",
        contract,
        zero,
        str(worker % 4),
        *pay,
        str(role),
        "",
        hours,
        average,
        "",
        "",
        "1;3",
        "2",
        "2",
        "110;2019",
        "",
        "",
        "",
        "",
        "",
    ]
    return ",".join(fields)


def write_file_set(directory: Path) -> list[Path]:
    """Write the workplace, staff and training files of the example."""
    workplaces, staff = [WORKPLACE_HEADER], [STAFF_HEADER]
    serial = 0
    for number in range(WORKPLACES):
        service = SERVICES[number]
        workplaces.append(
            f"W{number},UNCHECKED,Care Home {number},{number} High Street,,,Stafford,"
            f"{POSTCODES[number]},{EMPLOYERS[number]},,1,1,2,1-{100000000 + number},"
            f"1-{200000000 + number},{service},{service},,,,,,,,{STAFF},4;7;8,0;1;1,0;1;2,0;0;2,"
            ",,,,,,,,,,,,,,"
        )
        for worker in range(STAFF):
            serial += 1
            staff.append(_staff_row(number, worker, serial))
    training = [
        "LOCALESTID,UNIQUEWORKERID,CATEGORY,TRAININGNAME,ACCREDITED,WHODELIVERED,PROVIDERNAME,"
        "HOWDELIVERED,VALIDITY,DATECOMPLETED,EXPIRYDATE,NOTES",
        "W0,S0,20,Safeguarding,1,1,,1,12,10/01/2022,,",
    ]
    paths = []
    for name, rows in (("workplace", workplaces), ("staff", staff), ("training", training)):
        path = directory / f"{name}.csv"
        path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
        paths.append(path)
    return paths


def ingest(root: Path, reference_date: dt.date = REFERENCE_DATE) -> Path:
    """Generate the file set under ``root`` and ingest it; returns the output directory."""
    source = root / "files"
    source.mkdir(parents=True, exist_ok=True)
    out = root / "ingested"
    result = ingest_ascwds(
        write_file_set(source),
        reference_date=reference_date,
        out=out,
        today=reference_date + dt.timedelta(days=62),
        secret=b"test",
        area=AREA,
    )
    assert result.errors == 0, result.findings.filter(pl.col("severity") == "error").to_dicts()
    assert result.datasets_written
    return out


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def the(
    rows: list[dict[str, str]], measure_id: str, breakdown: str = "total", value: str = "all"
) -> dict[str, str]:
    found = [
        r
        for r in rows
        if r["measure_id"] == measure_id
        and r["breakdown"] == breakdown
        and r["breakdown_value"] == value
    ]
    assert len(found) == 1, f"{len(found)} rows for {measure_id} {breakdown}={value}"
    return found[0]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest(tmp_path_factory.mktemp("ascwds"))


@pytest.fixture(scope="module")
def comparator_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("comparators") / "comparators.csv"
    path.write_text(
        "measure_id,period,area_code,breakdown,breakdown_value,comparator,value\n"
        # applies to every period and area; the first matching row wins
        "turnover_rate,,,total,all,England,0.10\n"
        "turnover_rate,2021/22,E10000028,total,all,West Midlands,0.50\n"
        # another area: does not apply
        "vacancy_rate,2021/22,E99999999,total,all,Elsewhere,0.01\n"
        "filled_posts,2021/22,,total,all,Last year,90\n"
        "leavers_remaining_in_sector,,,total,all,England,0.9\n"
        "starters_rate,,,total,all,England,0.01\n"
        # a suppressed cell: comparator withheld
        "filled_posts,,,key_role,registered manager,England,3\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def published(
    ingested: Path, comparator_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("published")
    result = compute_indicators([ingested], out=out, comparators=comparator_file)
    return out, result


@pytest.fixture(scope="module")
def unsuppressed(ingested: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("unsuppressed")
    result = compute_indicators([ingested], out=out, unsuppressed=True)
    return out, result


class TestOutputs:
    def test_files_written(self, published: tuple[Path, Any]) -> None:
        out, result = published
        expected = [
            "indicators.csv",
            "indicators.parquet",
            "indicators.ods",
            "indicators.xlsx",
            "data_quality.csv",
            "trends.csv",
        ]
        assert [p.name for p in result.files] == expected
        for name in [*expected, "indicators_manifest.json"]:
            assert (out / name).is_file(), name
        assert not (out / "indicators_unsuppressed.csv").exists()
        assert result.unsuppressed is False

    def test_csv_has_exactly_the_published_columns(self, published: tuple[Path, Any]) -> None:
        header, rows = read_rows(published[0] / "indicators.csv")
        assert header == OUTPUT_COLUMNS
        assert len(rows) == published[1].table.height > 0

    def test_parquet_matches_the_csv(self, published: tuple[Path, Any]) -> None:
        out, result = published
        frame = pl.read_parquet(out / "indicators.parquet")
        assert frame.columns == OUTPUT_COLUMNS
        assert frame.height == result.table.height
        assert frame["numerator"].dtype == pl.Float64

    def test_manifest_records_the_policy(self, published: tuple[Path, Any], ingested: Path) -> None:
        manifest = json.loads((published[0] / "indicators_manifest.json").read_text())
        assert manifest["unsuppressed"] is False
        assert manifest["inputs"] == [str(ingested)]
        assert manifest["policy"] == {"min_workers": 10, "min_workplaces": 3, "rounding_base": 5}
        assert manifest["rows"] == published[1].table.height
        assert manifest["districts"] == "careforce/data/geography/postcode_districts.csv"

    def test_districts_are_the_councils_from_the_shipped_lookup(
        self, published: tuple[Path, Any]
    ) -> None:
        # No lookup given: ST16 and ST17 are both in Stafford (E07000197).
        _, rows = read_rows(published[0] / "indicators.csv")
        districts = {
            r["breakdown_value"]
            for r in rows
            if r["measure_id"] == "filled_posts" and r["breakdown"] == "district"
        }
        assert districts == {"Stafford"}


class TestPublishedTable:
    def test_every_measure_has_one_headline_row(self, published: tuple[Path, Any]) -> None:
        _, rows = read_rows(published[0] / "indicators.csv")
        headline = [r for r in rows if r["breakdown"] == "total"]
        with_categories = {m.id for m in MEASURES if m.categories is not None}
        children_only = {m.id for m in MEASURES if not m.from_ascwds}
        expected = [m for m in measure_ids() if m not in with_categories | children_only]
        assert [r["measure_id"] for r in headline] == expected
        assert {r["breakdown_value"] for r in headline} == {"all"}
        assert {r["breakdown"] for r in rows if r["breakdown_value"] == "all"} == {"total"}
        assert {(r["period"], r["area_code"], r["area_name"]) for r in rows} == {
            ("2021/22", "E10000028", "Staffordshire")
        }

    @pytest.mark.parametrize(
        ("measure_id", "breakdown", "value", "expected"),
        [
            ("filled_posts", "total", "all", {"value": 90.0, "numerator": 90.0}),
            ("filled_posts", "sector", "independent", {"value": 45.0}),
            # 60 care workers of whom 18 on bank contracts ... all counted as filled posts
            ("filled_posts", "key_role", "care worker", {"value": 60.0}),
            ("vacancies", "total", "all", {"value": 10.0, "numerator": 10.0}),  # 12 → 10
            # 18 / 72: published counts rounded (18 → 20, 72 → 70), and the rate is worked out
            # from the published counts, so it cannot un-round them
            (
                "turnover_rate",
                "total",
                "all",
                {"value": 20 / 70, "numerator": 20.0, "denominator": 70.0},
            ),
            ("starters_rate", "total", "all", {"value": 10 / 70, "numerator": 10.0}),  # 12 / 72
            ("vacancy_rate", "total", "all", {"value": 10 / 100, "denominator": 100.0}),  # 12/102
            ("leavers_remaining_in_sector", "total", "all", {"value": 0.5}),
            ("zero_hours_share", "total", "all", {"value": 20 / 90}),  # 18 / 90
            ("contract_share", "contract", "Permanent", {"value": 70 / 90}),  # 72 / 90
            ("contract_share", "contract", "Pool/Bank", {"value": 20 / 90}),  # 18 / 90
        ],
        ids=lambda v: str(v).replace(" ", "-") if not isinstance(v, dict) else "",
    )
    def test_known_values(
        self,
        published: tuple[Path, Any],
        measure_id: str,
        breakdown: str,
        value: str,
        expected: dict[str, float],
    ) -> None:
        _, rows = read_rows(published[0] / "indicators.csv")
        row = the(rows, measure_id, breakdown, value)
        assert row["symbol"] == ""
        for column, number in expected.items():
            assert float(row[column]) == pytest.approx(number), column

    def test_rates_and_shares_are_fractions(self, published: tuple[Path, Any]) -> None:
        _, rows = read_rows(published[0] / "indicators.csv")
        proportions = [
            float(r["value"]) for r in rows if r["unit"] == Unit.PROPORTION.value and r["value"]
        ]
        assert proportions
        # experience_pay_premium is a proportion that can be negative; shares are in [0, 1]
        shares = [
            float(r["value"])
            for r in rows
            if r["unit"] == Unit.PROPORTION.value
            and r["value"]
            and r["measure_id"] != "experience_pay_premium"
        ]
        assert all(0.0 <= v <= 1.0 for v in shares)
        turnover = the(rows, "turnover_rate")
        assert float(turnover["value"]) == pytest.approx(20 / 70)  # 18 / 72 published as 20 / 70
        assert float(turnover["lower_ci"]) < 20 / 70 < float(turnover["upper_ci"]) < 1

    def test_published_counts_are_multiples_of_five(self, published: tuple[Path, Any]) -> None:
        _, rows = read_rows(published[0] / "indicators.csv")
        counted = 0
        for row in rows:
            for column in ("numerator", "denominator"):
                if row[column]:
                    assert float(row[column]) % 5 == 0, (row["measure_id"], column, row[column])
                    counted += 1
            if row["unit"] == Unit.COUNT.value and row["value"]:
                assert float(row["value"]) % 5 == 0
        assert counted > 50

    def test_small_cells_are_confidential_with_empty_numbers(
        self, published: tuple[Path, Any]
    ) -> None:
        _, rows = read_rows(published[0] / "indicators.csv")
        confidential = [r for r in rows if r["symbol"] == "[c]"]
        assert confidential
        for row in confidential:
            assert [row[c] for c in NUMBERS] == [""] * len(NUMBERS)
            assert row["comparison"] == "not-compared"
        # the six registered managers: fewer than 10 workers
        assert the(rows, "filled_posts", "key_role", "registered manager")["symbol"] == "[c]"
        # every service group has two workplaces: fewer than 3
        for group in ("residential", "nursing", "home care"):
            assert the(rows, "filled_posts", "service_group", group)["symbol"] == "[c]"

    def test_symbols_are_gss_shorthand(self, published: tuple[Path, Any]) -> None:
        _, rows = read_rows(published[0] / "indicators.csv")
        assert {r["symbol"] for r in rows} <= {"", "[c]", "[x]"}
        for row in rows:
            if row["symbol"] == "":
                assert row["value"] != ""

    def test_secondary_suppression_in_the_published_table(
        self, published: tuple[Path, Any]
    ) -> None:
        _, rows = read_rows(published[0] / "indicators.csv")
        groups: dict[tuple[str, ...], list[str]] = {}
        for row in rows:
            if row["breakdown"] == "total" or "/" in row["breakdown"]:
                continue
            key = (row["measure_id"], row["period"], row["area_code"], row["breakdown"])
            groups.setdefault(key, []).append(row["symbol"])
        checked = 0
        for key, symbols in groups.items():
            if len(symbols) > 1:
                assert symbols.count("[c]") != 1, key
                checked += 1
        assert checked > 10

    def test_two_way_breakdowns_have_no_lone_suppressed_part(
        self, published: tuple[Path, Any]
    ) -> None:
        _, rows = read_rows(published[0] / "indicators.csv")
        # the categories of each last dimension (of two-way and crossed breakdowns), from the
        # one-way rows (e.g. 'Pool/Bank')
        categories: dict[tuple[str, str], set[str]] = {}
        for row in rows:
            if row["breakdown"] != "total" and "/" not in row["breakdown"]:
                key = (row["measure_id"], row["breakdown"])
                categories.setdefault(key, set()).add(row["breakdown_value"])
        groups: dict[tuple[str, ...], list[str]] = {}
        for row in rows:
            if "/" not in row["breakdown"]:
                continue
            second = row["breakdown"].rsplit("/", 1)[1]  # the last dimension
            # a detail level (postcode districts) has no one-way rows: its values have no "/"
            known = categories.get(
                (row["measure_id"], second), {row["breakdown_value"].rsplit("/", 1)[1]}
            )
            category = next(c for c in known if row["breakdown_value"].endswith("/" + c))
            first = row["breakdown_value"][: -len(category) - 1]
            key = (row["measure_id"], row["period"], row["area_code"], row["breakdown"], first)
            groups.setdefault(key, []).append(row["symbol"])
        # a group with a single part is its own total, suppressed exactly when the total is
        lone = sorted(
            key for key, symbols in groups.items() if len(symbols) > 1 and symbols.count("[c]") == 1
        )
        assert lone == [], lone


class TestComparators:
    @pytest.mark.parametrize(
        ("measure_id", "breakdown", "value", "comparator", "outcome"),
        [
            # 0.25 (0.15–0.39) above 0.10 and low is good; the first matching row (England) wins
            ("turnover_rate", "total", "all", "0.1", "worse"),
            # the only row is for another area
            ("vacancy_rate", "total", "all", "", "not-compared"),
            # 90 is inside 72–111
            ("filled_posts", "total", "all", "90.0", "similar"),
            # 0.5 (0.25–0.75) below 0.9 and high is good
            ("leavers_remaining_in_sector", "total", "all", "0.9", "worse"),
            # no judgement: higher
            ("starters_rate", "total", "all", "0.01", "higher"),
            # suppressed cell: comparator withheld
            ("filled_posts", "key_role", "registered manager", "", "not-compared"),
            # no comparator
            ("sickness_days_per_worker", "total", "all", "", "not-compared"),
        ],
        ids=[
            "turnover-worse",
            "other-area",
            "filled-similar",
            "leavers-worse",
            "starters-higher",
            "suppressed",
            "none",
        ],
    )
    def test_comparator_and_comparison(
        self,
        published: tuple[Path, Any],
        measure_id: str,
        breakdown: str,
        value: str,
        comparator: str,
        outcome: str,
    ) -> None:
        _, rows = read_rows(published[0] / "indicators.csv")
        row = the(rows, measure_id, breakdown, value)
        if comparator:
            assert float(row["comparator_value"]) == pytest.approx(float(comparator))
        else:
            assert row["comparator_value"] == ""
        assert row["comparison"] == outcome

    def test_every_comparator_is_named(self, published: tuple[Path, Any]) -> None:
        _, rows = read_rows(published[0] / "indicators.csv")
        assert the(rows, "turnover_rate", "total", "all")["comparator_name"] == "England"
        compared = [r for r in rows if r["comparator_value"]]
        assert compared
        assert all(r["comparator_name"] for r in compared)
        assert all(not r["comparator_name"] for r in rows if not r["comparator_value"])

    def test_non_numeric_value_names_file_line_and_column(
        self, ingested: Path, tmp_path: Path
    ) -> None:
        path = tmp_path / "bad.csv"
        path.write_text(
            "measure_id,period,area_code,breakdown,breakdown_value,comparator,value\n"
            "turnover_rate,,,total,all,England,0.3\n"
            "vacancy_rate,,,total,all,England,lots\n",
            encoding="utf-8",
        )
        with pytest.raises(IndicatorInputError) as caught:
            compute_indicators([ingested], out=tmp_path / "out", comparators=path)
        message = str(caught.value)
        assert str(path) in message
        assert "line 3" in message
        assert "column value" in message
        assert "'lots'" in message
        assert "\n" not in message
        assert not (tmp_path / "out" / "indicators.csv").exists()

    def test_missing_column_names_file_and_column(self, ingested: Path, tmp_path: Path) -> None:
        path = tmp_path / "bad.csv"
        path.write_text(
            "measure_id,period,area_code,breakdown,breakdown_value,comparator\n"
            "turnover_rate,,,total,all,England\n",
            encoding="utf-8",
        )
        with pytest.raises(IndicatorInputError, match=r"no column\(s\) value") as caught:
            compute_indicators([ingested], out=tmp_path / "out", comparators=path)
        assert str(path) in str(caught.value)

    def test_line_number_counts_blank_lines(self, ingested: Path, tmp_path: Path) -> None:
        path = tmp_path / "bad.csv"
        path.write_text(
            "measure_id,period,area_code,breakdown,breakdown_value,comparator,value\n"
            "turnover_rate,,,total,all,England,0.3\n"
            "\n"
            "vacancy_rate,,,total,all,England,lots\n",
            encoding="utf-8",
        )
        with pytest.raises(IndicatorInputError, match="line 4,"):
            compute_indicators([ingested], out=tmp_path / "out", comparators=path)


class TestUnsuppressed:
    def test_writes_unsuppressed_files_instead(self, unsuppressed: tuple[Path, Any]) -> None:
        out, result = unsuppressed
        for suffix in ("csv", "parquet", "ods", "xlsx"):
            assert (out / f"indicators_unsuppressed.{suffix}").is_file()
            assert not (out / f"indicators.{suffix}").exists()
        assert (out / "data_quality.csv").is_file()
        assert result.unsuppressed is True
        manifest = json.loads((out / "indicators_unsuppressed_manifest.json").read_text())
        assert manifest["unsuppressed"] is True
        assert manifest["policy"] is None

    def test_numbers_are_exact_and_nothing_is_suppressed(
        self, unsuppressed: tuple[Path, Any]
    ) -> None:
        header, rows = read_rows(unsuppressed[0] / "indicators_unsuppressed.csv")
        assert header == OUTPUT_COLUMNS
        assert "[c]" not in {r["symbol"] for r in rows}
        manager = the(rows, "filled_posts", "key_role", "registered manager")
        assert float(manager["value"]) == 6.0
        turnover = the(rows, "turnover_rate")
        assert (float(turnover["numerator"]), float(turnover["denominator"])) == (18.0, 72.0)
        assert float(the(rows, "vacancies")["value"]) == 12.0

    def test_cover_says_not_for_publication(self, unsuppressed: tuple[Path, Any]) -> None:
        book = openpyxl.load_workbook(unsuppressed[0] / "indicators_unsuppressed.xlsx")
        cover = [c.value for c in book["Cover"]["A"] if c.value]
        assert any("UNSUPPRESSED" in str(line) for line in cover)


ODS = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _expected_sheets(table: pl.DataFrame) -> list[str]:
    """Cover, notes, then each measure's sheet named by the measure (not its id), a name cut
    short at a word; a second measure whose name is cut to the same words gets ``~2``."""
    present = set(table["measure_id"].to_list())
    names: list[str] = []
    for entry in measure_ids():
        if entry in present:
            name = sheet_name(measure(entry).name)
            names.append(name if name not in names else f"{name[:28]}~2")
    return ["Cover", "Notes", *names]


class TestSpreadsheets:
    def test_ods_is_a_valid_opendocument_spreadsheet(self, published: tuple[Path, Any]) -> None:
        out, result = published
        with zipfile.ZipFile(out / "indicators.ods") as archive:
            first = archive.infolist()[0]
            assert first.filename == "mimetype"
            assert first.compress_type == zipfile.ZIP_STORED
            assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
            assert "META-INF/manifest.xml" in archive.namelist()
            root = ET.fromstring(archive.read("content.xml"))
        sheets = root.findall(f"{ODS}body/{ODS}spreadsheet/{TABLE}table")
        names = [sheet.get(f"{TABLE}name") for sheet in sheets]
        assert names == _expected_sheets(result.table)
        assert all(len(name) <= 31 for name in names)
        assert "Staff turnover rate" in names
        assert "turnover_rate" not in names
        notes_text = " ".join(p.text or "" for p in sheets[1].iter(f"{TEXT}p"))
        assert "[c]" in notes_text
        assert "[x]" in notes_text
        cover_text = " ".join(p.text or "" for p in sheets[0].iter(f"{TEXT}p"))
        assert "2021/22" in cover_text

    def test_xlsx_opens_with_cover_notes_and_a_sheet_per_measure(
        self, published: tuple[Path, Any]
    ) -> None:
        out, result = published
        book = openpyxl.load_workbook(out / "indicators.xlsx", read_only=True)
        assert book.sheetnames == _expected_sheets(result.table)
        cover = [row[0] for row in book["Cover"].iter_rows(values_only=True)]
        assert cover[0] == "Adult social care workforce measures"
        notes = list(book["Notes"].iter_rows(values_only=True))
        assert ("symbol", "meaning") in [tuple(r[:2]) for r in notes]
        assert "[c]" in [r[0] for r in notes]
        rows = list(book["Filled posts"].iter_rows(values_only=True))
        header_at = next(i for i, r in enumerate(rows) if r[0] == "measure_id")
        assert list(rows[header_at]) == OUTPUT_COLUMNS
        headline = rows[header_at + 1]
        assert headline[OUTPUT_COLUMNS.index("breakdown")] == "total"
        assert headline[OUTPUT_COLUMNS.index("value")] == 90
        book.close()


class TestQualityAndTrends:
    def test_data_quality_csv(self, published: tuple[Path, Any]) -> None:
        header, rows = read_rows(published[0] / "data_quality.csv")
        assert header == ["measure_id", "period", "area_code", "area_name", "state", "workplaces"]
        # declared staff match the records and every answer is known
        assert rows == []

    def test_trends_need_five_periods(self, published: tuple[Path, Any]) -> None:
        header, rows = read_rows(published[0] / "trends.csv")
        assert header == [
            "measure_id",
            "area_code",
            "breakdown",
            "breakdown_value",
            "periods",
            "trend",
        ]
        assert rows
        assert {r["trend"] for r in rows} == {"cannot be calculated"}
        assert {r["periods"] for r in rows} == {"2021/22"}


class TestSnapshots:
    def test_two_file_sets_are_two_periods(self, ingested: Path, tmp_path: Path) -> None:
        later = ingest(tmp_path / "later", dt.date(2023, 3, 31))
        result = compute_indicators([ingested, later], out=tmp_path / "out", unsuppressed=True)
        headline = result.table.filter(
            (pl.col("measure_id") == "filled_posts") & (pl.col("breakdown") == "total")
        )
        # the same workplace references in both file sets are kept apart
        assert headline.select("period", "value").rows() == [("2021/22", 90.0), ("2022/23", 90.0)]
        assert {r["periods"] for r in result.trends.to_dicts()} >= {"2021/22;2022/23"}

    def test_directory_without_datasets(self, tmp_path: Path) -> None:
        with pytest.raises(IndicatorInputError, match=r"no manifest\.json"):
            load_ascwds([tmp_path])

    def test_no_directories(self) -> None:
        with pytest.raises(IndicatorInputError, match="no ASC-WDS data"):
            load_ascwds([])
