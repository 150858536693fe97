"""``careforce indicators compute`` end to end: ingest a generated file set with the CLI, then
compute and publish the measures with the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from careforce.cli.app import app

pytestmark = pytest.mark.e2e

ENV = {"CAREFORCE_SECRET_KEY": "e2e-test-key", "COLUMNS": "80", "NO_COLOR": "1"}
"""A fixed key (no key file is created) and an 80-column terminal, as on a plain console."""

WORKPLACES = 4
STAFF = 12

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


def _date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def write_file_set(directory: Path) -> list[Path]:
    """Four CQC-registered care homes, each with a registered manager and eleven care workers
    (permanent, hourly paid), reporting ALLJOBROLES 4;8 with one leaver and one vacancy."""
    workplaces, staff = [WORKPLACE_HEADER], [STAFF_HEADER]
    serial = 0
    for number in range(WORKPLACES):
        workplaces.append(
            f"W{number},UNCHECKED,Care Home {number},{number} High Street,,,Stafford,ST16 2LX,6,,"
            f"1,1,2,1-{100000000 + number},1-{200000000 + number},2,2,,,,,,,,{STAFF},4;8,0;1,"
            "0;1,0;1,,,,,,,,,,,,,,,"
        )
        for worker in range(STAFF):
            serial += 1
            manager = worker == 0
            birth = dt.date(1970 + (worker * 3 + number) % 30, 1 + worker % 12, 1)
            start = dt.date(2014 + worker % 7, 5, 1)
            pay = "1,32000," if manager else f"3,,{10.0 + 0.5 * (worker % 3):.2f}"
            staff.append(
                f"W{number},S{worker},UNCHECKED,Worker {worker},AB{serial:06d}C,ST17 4AB,"
                f"{_date(birth)},{1 if worker % 3 == 0 else 2},31,826,,826,,0,1,,2,,,"
                f"{_date(start)},{start.year},,2,1,2,{worker % 3},{pay},{4 if manager else 8},,"
                "37.5,,,,1;3,2,2,110;2019,,,,,"
            )
    paths = []
    for name, rows in (("workplace", workplaces), ("staff", staff)):
        path = directory / f"{name}.csv"
        path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
        paths.append(path)
    return paths


def run(*arguments: str) -> Result:
    return CliRunner().invoke(app, list(arguments), env=ENV)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    files = root / "files"
    files.mkdir()
    out = root / "ingested"
    result = run(
        "ingest",
        "ascwds",
        *map(str, write_file_set(files)),
        "--reference-date",
        "2022-03-31",
        "--out",
        str(out),
        "--area-code",
        "E10000028",
        "--area-name",
        "Staffordshire",
    )
    assert result.exit_code == 0, result.output
    assert (out / "workers.parquet").is_file()
    return out


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def computed(ingested: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """One run of ``careforce indicators compute`` with a comparator file and a district lookup."""
    root = tmp_path_factory.mktemp("measures")
    comparators = root / "comparators.csv"
    comparators.write_text(
        "measure_id,period,area_code,breakdown,breakdown_value,comparator,value\n"
        "turnover_rate,,,total,all,England,0.29\n",
        encoding="utf-8",
    )
    districts = root / "districts.csv"
    districts.write_text(
        "postcode_district,district_code,district_name\nST16,E07000197,Stafford\n",
        encoding="utf-8",
    )
    out = root / "out"
    result = run(
        "indicators",
        "compute",
        "--ascwds",
        str(ingested),
        "--comparators",
        str(comparators),
        "--districts",
        str(districts),
        "--out",
        str(out),
    )
    return out, result


class TestCompute:
    def test_exits_0_and_writes_the_published_files(self, computed: tuple[Path, Result]) -> None:
        out, result = computed
        assert result.exit_code == 0, result.output
        for name in (
            "indicators.csv",
            "indicators.parquet",
            "indicators.ods",
            "indicators.xlsx",
            "data_quality.csv",
            "trends.csv",
        ):
            assert (out / name).is_file(), name
            assert str(out / name) in result.stdout.replace("\n", "")
        rows = read_rows(out / "indicators.csv")
        assert f"{len(rows)} rows written to" in " ".join(result.stdout.split())
        assert "Unsuppressed" not in result.stdout
        assert result.stderr == ""

    def test_headline_values(self, computed: tuple[Path, Result]) -> None:
        rows = read_rows(computed[0] / "indicators.csv")
        headline = {r["measure_id"]: r for r in rows if r["breakdown"] == "total"}
        # 4 workplaces × 12 staff; 4 leavers of 48 permanent staff
        assert float(headline["filled_posts"]["value"]) == 50.0  # 48 rounded to the nearest 5
        # 4 / 48 published from the rounded counts, 5 / 50
        assert float(headline["turnover_rate"]["value"]) == pytest.approx(5 / 50)
        assert headline["filled_posts"]["period"] == "2021/22"
        assert headline["filled_posts"]["area_code"] == "E10000028"
        assert headline["filled_posts"]["area_name"] == "Staffordshire"

    def test_comparators_fill_the_comparison(self, computed: tuple[Path, Result]) -> None:
        turnover = next(
            r
            for r in read_rows(computed[0] / "indicators.csv")
            if r["measure_id"] == "turnover_rate" and r["breakdown"] == "total"
        )
        # 4/48 = 0.083 (0.023–0.213) is below 0.29 and low turnover is good
        assert float(turnover["comparator_value"]) == pytest.approx(0.29)
        assert turnover["comparison"] == "better"

    def test_districts_lookup_names_the_districts(self, computed: tuple[Path, Result]) -> None:
        by_district = {
            r["breakdown_value"]: r["value"]
            for r in read_rows(computed[0] / "indicators.csv")
            if r["measure_id"] == "filled_posts" and r["breakdown"] == "district"
        }
        # every workplace is in ST16
        assert by_district == {"Stafford": "50.0"}

    def test_unsuppressed_says_so_and_writes_other_files(
        self, ingested: Path, tmp_path: Path
    ) -> None:
        out = tmp_path / "measures"
        result = run(
            "indicators", "compute", "--ascwds", str(ingested), "--out", str(out), "--unsuppressed"
        )
        assert result.exit_code == 0, result.output
        assert "Unsuppressed figures" in result.stdout
        assert "not for publication" in result.stdout
        assert (out / "indicators_unsuppressed.csv").is_file()
        assert (out / "indicators_unsuppressed.xlsx").is_file()
        assert not (out / "indicators.csv").exists()
        filled = next(
            r
            for r in read_rows(out / "indicators_unsuppressed.csv")
            if r["measure_id"] == "filled_posts" and r["breakdown"] == "total"
        )
        assert float(filled["value"]) == 48.0


class TestUnusableInputs:
    def _missing(self, tmp_path: Path) -> Path:
        directory = tmp_path / "an-output-directory-where-careforce-ingest-never-ran"
        directory.mkdir()
        return directory

    def test_directory_without_datasets_exits_2(self, tmp_path: Path) -> None:
        directory = self._missing(tmp_path)
        result = run("indicators", "compute", "--ascwds", str(directory), "--out", str(tmp_path))
        assert result.exit_code == 2
        assert result.stdout == ""
        message = " ".join(result.stderr.split())
        assert message.startswith("careforce: ")
        assert "no manifest.json" in message
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "indicators.csv").exists()

    def test_directory_without_datasets_is_one_line(self, tmp_path: Path) -> None:
        directory = self._missing(tmp_path)
        result = run("indicators", "compute", "--ascwds", str(directory), "--out", str(tmp_path))
        assert result.exit_code == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1, lines
        assert str(directory) in lines[0]

    def test_ingestion_with_errors_exits_2(self, tmp_path: Path) -> None:
        # an ingestion that found errors writes a manifest but no datasets
        directory = tmp_path / "failed"
        directory.mkdir()
        (directory / "manifest.json").write_text('{"datasets": null}', encoding="utf-8")
        result = run("indicators", "compute", "--ascwds", str(directory), "--out", str(tmp_path))
        assert result.exit_code == 2
        assert "no establishments.parquet" in " ".join(result.stderr.split())

    def test_malformed_comparator_file_exits_2(self, ingested: Path, tmp_path: Path) -> None:
        comparators = tmp_path / "c.csv"
        comparators.write_text(
            "measure_id,period,area_code,breakdown,breakdown_value,comparator,value\n"
            "turnover_rate,,,total,all,England,n/a\n",
            encoding="utf-8",
        )
        result = run(
            "indicators",
            "compute",
            "--ascwds",
            str(ingested),
            "--comparators",
            str(comparators),
            "--out",
            str(tmp_path / "out"),
        )
        assert result.exit_code == 2
        message = " ".join(result.stderr.split())
        assert "line 2, column value: 'n/a' is not a number" in message
        assert "Traceback" not in result.stderr

    def test_districts_file_without_the_lookup_columns_exits_2(
        self, ingested: Path, tmp_path: Path
    ) -> None:
        districts = tmp_path / "districts.csv"
        districts.write_text("postcode,name\nST16,Stafford\n", encoding="utf-8")
        result = run(
            "indicators",
            "compute",
            "--ascwds",
            str(ingested),
            "--districts",
            str(districts),
            "--out",
            str(tmp_path / "out"),
        )
        assert result.exit_code == 2
        message = " ".join(result.stderr.split())
        assert str(districts) in message
        assert "postcode_district" in message

    def test_out_is_required(self, ingested: Path) -> None:
        result = run("indicators", "compute", "--ascwds", str(ingested))
        assert result.exit_code == 2
        assert "--out" in result.stderr


class TestDuplicateInputs:
    """The same data given twice would count its workplaces twice: refused in one line."""

    @staticmethod
    def _refused(*folders: Path, out: Path) -> str:
        arguments = [part for folder in folders for part in ("--ascwds", str(folder))]
        result = run("indicators", "compute", *arguments, "--out", str(out))
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("careforce: ")
        assert not (out / "indicators.csv").exists()
        return lines[0]

    def test_same_folder_twice(self, ingested: Path, tmp_path: Path) -> None:
        line = self._refused(ingested, ingested, out=tmp_path / "out")
        assert f"the ASC-WDS folder {ingested} is given twice" in line

    def test_copy_of_a_folder_has_the_same_input_hashes(
        self, ingested: Path, tmp_path: Path
    ) -> None:
        copy = tmp_path / "copy"
        shutil.copytree(ingested, copy)
        line = self._refused(ingested, copy, out=tmp_path / "out")
        assert f"{ingested} and {copy} were made from the same files" in line

    def test_same_workplace_in_two_folders_for_one_period(
        self, ingested: Path, tmp_path: Path
    ) -> None:
        files = tmp_path / "files"
        files.mkdir()
        workplace, staff = write_file_set(files)
        # Other files (one staff record fewer) holding the same four workplaces.
        staff.write_text(
            "\r\n".join(staff.read_text(encoding="utf-8").splitlines()[:-1]) + "\r\n",
            encoding="utf-8",
        )
        other = tmp_path / "other"
        ingest = run(
            "ingest",
            "ascwds",
            str(workplace),
            str(staff),
            "--reference-date",
            "2022-03-31",
            "--out",
            str(other),
            "--area-code",
            "E10000028",
            "--area-name",
            "Staffordshire",
        )
        assert ingest.exit_code == 0, ingest.output
        line = self._refused(ingested, other, out=tmp_path / "out")
        assert f"{ingested} and {other} both hold workplace cqc:1-200000000 for 2021/22" in line
