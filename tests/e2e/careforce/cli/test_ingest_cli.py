"""``careforce ingest ascwds`` end to end: exit codes, outputs, manifest and privacy."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from typer.testing import CliRunner

import careforce.cli
from careforce.cli.app import app

pytestmark = pytest.mark.e2e

WORKPLACE = "\n".join(
    (
        "LOCALESTID,STATUS,ESTNAME,ADDRESS1,ADDRESS2,ADDRESS3,POSTTOWN,POSTCODE,ESTTYPE,OTHERTYPE,"
        "PERMCQC,PERMLA,REGTYPE,PROVNUM,LOCATIONID,MAINSERVICE,ALLSERVICES,CAPACITY,UTILISATION,"
        "SERVICEDESC,SERVICEUSERS,OTHERUSERDESC,DHA,DHAACTIVITIES,TOTALPERMTEMP,ALLJOBROLES,"
        "STARTERS,LEAVERS,VACANCIES,REASONS,REASONNOS,REPEATTRAINING,CWPAWARE,CWPUSE,CWPUSEDESC,"
        "SICKPAY,PENSION,ACTUALCONT,OPTOUTPEN,HOLIDAY,SLEEPINS,SLEEPINPAY,TRAVELTIME,TTDIFFRATE",
        "WP1,UPDATE,Sunset Care,1 High Street,,,Leeds,LS1 1AA,6,,1,1,2,1-101234567,1-1000210669,"
        "8,8;13,;,;,;,1;2,;,1,1;7,2,4;8,0;1,0;1,0;1,,,1,1,1;2;10,Induction planning,1,1,5,2,28,2,,"
        "3,11.50",
        "WP2,NEW,Riverside Day Centre,2 Mill Lane,,,Bradford,BD1 1AA,7,,0,1,0,,,6,6,20,15,,1,,2,,"
        "1,8,0,0,0,,,2,4,2,,unknown,0,,999,28,,,,",
        "",
    )
)
STAFF_HEADER = (
    "LOCALESTID,UNIQUEWORKERID,STATUS,DISPLAYID,NINUMBER,POSTCODE,DOB,GENDER,ETHNICITY,"
    "NATIONALITY,BRITISHCITIZENSHIP,COUNTRYOFBIRTH,YEAROFENTRY,DISABLED,CARECERT,L2CARECERT,"
    "RECSOURCE,HANDCVISA,INOUTUK,STARTDATE,STARTINSECT,DHA,APPRENTICE,EMPLSTATUS,ZEROHRCONT,"
    "DAYSSICK,SALARYINT,SALARY,HOURLYRATE,MAINJOBROLE,MAINJRDESC,CONTHOURS,AVGHOURS,NMCREG,AMHP,"
    "SCQUAL,NONSCQUAL,CWPCATEGORY,QUALACH01,QUALACH01NOTES,QUALACH02,QUALACH02NOTES,QUALACH03,"
    "QUALACH03NOTES"
)
RM1 = (
    "WP1,RM1,NEW,Jane Smith,JA123456A,LS1 1AA,10/12/1982,2,31,826,,826,,0,1,3,2,,,01/04/2015,"
    "2005,,2,1,2,2.5,1,38000,,4,,37.5,,,,1;5,2,7,307;2019,Level 5 apprenticeship,,,,"
)
CW1 = (
    "WP1,CW1,NEW,Tom Brown,,LS2 7AB,01/02/1995,1,32,372,2,372,2018,0,3,2,12,2,,15/06/2020,"
    "2019,1,1,3,1,999,3,,12.60,8,,,22.5,,,1;2,1;3,2,,,,,,"
)
DC1 = (
    "WP2,DC1,NEW,Ann Lee,AB123456C,BD2 3CD,05/06/1990,2,39,826,,826,,1,1,2,18,,,01/09/2021,"
    "2021,,2,2,2,0,999,,,8,,16,,,,2,2,1,,,,,,"
)
STAFF = "\n".join((STAFF_HEADER, RM1, CW1, DC1, ""))
TRAINING = "\n".join(
    (
        "LOCALESTID,UNIQUEWORKERID,CATEGORY,TRAININGNAME,ACCREDITED,WHODELIVERED,PROVIDERNAME,"
        "HOWDELIVERED,VALIDITY,DATECOMPLETED,EXPIRYDATE,NOTES",
        "WP1,RM1,20,Safeguarding adults level 3,1,2,88,1,36,10/01/2025,,Annual refresher",
        "WP1,CW1,13,Medication awareness,999,1,,2,none,05/03/2024,,",
        "WP2,DC1,10,Infection control,0,1,,1,12,01/02/2025,31/01/2026,",
        "",
    )
)
# CW1 with an EMPLSTATUS error (line 3 of the staff file).
STAFF_WITH_ERROR = STAFF.replace(",2019,1,1,3,1,999,", ",2019,1,1,5,1,999,")
# Personal values in findings: a malformed NI number, a malformed DOB, an NI number shared by
# two records with too many hours, and a year of entry before the date of birth.
STAFF_WITH_PERSONAL_FINDINGS = "\n".join(
    (
        STAFF_HEADER,
        RM1.replace("JA123456A", "JA12345A"),
        CW1.replace("01/02/1995", "1995-02-01"),
        DC1.replace(",16,,,,", ",40,,,,"),
        DC1.replace(",DC1,", ",DC2,").replace(",16,,,,", ",40,,,,").replace(",2021,", ",1989,", 1),
        "",
    )
)

NI_NUMBERS = ("JA123456A", "JA12345A", "AB123456C")
BIRTH_DATES = ("10/12/1982", "01/02/1995", "1995-02-01", "05/06/1990")
BIRTH_DATES_ISO = ("1982-12-10", "1990-06-05")
FINDING_KEYS = {"file", "line", "column", "value", "code", "severity", "message"}
DATASETS = ("establishments", "workers", "training")
OUTPUTS = ("findings.csv", "findings.json", "findings.xlsx", "manifest.json")
REFERENCE_DATE = "2025-03-31"


@pytest.fixture(autouse=True)
def secret_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A secret key from the environment; any key file would land in an empty directory."""
    monkeypatch.setenv("CAREFORCE_SECRET_KEY", "e2e-test-secret")
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.delenv("CAREFORCE_KEY_FILE", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)
    return data_home


def write_inputs(folder: Path, **texts: str) -> list[Path]:
    """Write input CSV files (named by keyword) and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts.items():
        path = folder / f"{name}.csv"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def invoke(*args: str | Path) -> object:
    """Run ``careforce`` in-process with Typer's test runner."""
    return CliRunner().invoke(app, [str(a) for a in args])


def ingest(paths: list[Path], out: Path, *extra: str) -> object:
    return invoke(
        "ingest", "ascwds", *paths, "--reference-date", REFERENCE_DATE, "--out", out, *extra
    )


def stderr_of(result: object) -> str:
    return getattr(result, "stderr", None) or result.output  # type: ignore[attr-defined]


def read_findings(out: Path) -> list[dict]:
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))


def all_output_text(out: Path) -> bytes:
    """Everything written to ``out``: raw bytes, XLSX parts unzipped and Parquet as CSV."""
    chunks = []
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        chunks.append(path.read_bytes())
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                chunks.extend(archive.read(name) for name in archive.namelist())
        if path.suffix == ".parquet":
            rows = pl.read_parquet(path).to_dicts()
            chunks.append(json.dumps(rows, default=str, ensure_ascii=False).encode())
    return b"\n".join(chunks)


def cli_command() -> list[str]:
    """``python -m careforce.cli`` if the package has a ``__main__``, else the console script."""
    if (Path(careforce.cli.__file__).parent / "__main__.py").exists():
        return [sys.executable, "-m", "careforce.cli"]
    return [str(Path(sys.executable).parent / "careforce")]


class TestValidFileSet:
    def test_exit_0_and_every_output_written(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        paths = write_inputs(tmp_path / "in", workplace=WORKPLACE, staff=STAFF, training=TRAINING)
        result = ingest(paths, out)
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(
            [*OUTPUTS, *(f"{name}.parquet" for name in DATASETS)]
        )
        assert read_findings(out) == []
        assert (out / "findings.csv").read_text(encoding="utf-8").splitlines() == [
            "file,line,column,value,code,severity,message"
        ]

    def test_parquet_datasets_have_every_record(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        paths = write_inputs(tmp_path / "in", workplace=WORKPLACE, staff=STAFF, training=TRAINING)
        assert ingest(paths, out).exit_code == 0
        heights = {name: pl.read_parquet(out / f"{name}.parquet").height for name in DATASETS}
        assert heights == {"establishments": 2, "workers": 3, "training": 3}
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["datasets"] == heights

    def test_manifest_records_each_input(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        paths = write_inputs(tmp_path / "in", training=TRAINING, staff=STAFF, workplace=WORKPLACE)
        assert ingest(paths, out).exit_code == 0
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["reference_date"] == REFERENCE_DATE
        assert manifest["skip_invalid_rows"] is False
        assert manifest["findings"] == {"error": 0, "warning": 0}
        by_kind = {entry["file"]: entry for entry in manifest["inputs"]}
        assert [entry["file"] for entry in manifest["inputs"]] == ["workplace", "staff", "training"]
        for path in paths:
            entry = by_kind[path.stem]
            data = path.read_bytes()
            assert entry["sha256"] == hashlib.sha256(data).hexdigest()
            assert entry["bytes"] == len(data)
            assert entry["name"] == path.name
        assert {kind: e["rows"] for kind, e in by_kind.items()} == {
            "workplace": 2,
            "staff": 3,
            "training": 3,
        }

    def test_training_file_is_optional(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        paths = write_inputs(tmp_path / "in", workplace=WORKPLACE, staff=STAFF)
        result = ingest(paths, out)
        assert result.exit_code == 0, result.output
        assert pl.read_parquet(out / "training.parquet").height == 0

    def test_no_key_file_is_written(self, tmp_path: Path, secret_home: Path) -> None:
        paths = write_inputs(tmp_path / "in", workplace=WORKPLACE, staff=STAFF, training=TRAINING)
        assert ingest(paths, tmp_path / "out").exit_code == 0
        assert not secret_home.exists()

    def test_warnings_only_exit_0_with_findings(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        workplace = WORKPLACE.replace(",28,,,,", ",28.5,,,,")  # WP2 HOLIDAY: a warning
        paths = write_inputs(tmp_path / "in", workplace=workplace, staff=STAFF, training=TRAINING)
        result = ingest(paths, out)
        assert result.exit_code == 0, result.output
        findings = read_findings(out)
        assert [(f["file"], f["line"], f["code"]) for f in findings] == [
            ("workplace", 3, "WKP-HOLIDAY-INVALID")
        ]
        assert all(set(finding) == FINDING_KEYS for finding in findings)
        assert all((out / f"{name}.parquet").exists() for name in DATASETS)


class TestFileSetWithErrors:
    def test_exit_1_and_no_datasets(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        paths = write_inputs(
            tmp_path / "in", workplace=WORKPLACE, staff=STAFF_WITH_ERROR, training=TRAINING
        )
        result = ingest(paths, out)
        assert result.exit_code == 1, result.output
        assert all((out / name).exists() for name in OUTPUTS)
        assert not any((out / f"{name}.parquet").exists() for name in DATASETS)
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["datasets"] is None
        assert manifest["findings"] == {"error": 1, "warning": 0}

    def test_findings_json_objects_have_exactly_the_finding_keys(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        paths = write_inputs(
            tmp_path / "in", workplace=WORKPLACE, staff=STAFF_WITH_ERROR, training=TRAINING
        )
        ingest(paths, out)
        findings = read_findings(out)
        assert isinstance(findings, list)
        assert [set(finding) for finding in findings] == [FINDING_KEYS]
        assert findings[0] == {
            "file": "staff",
            "line": 3,
            "column": "EMPLSTATUS",
            "value": "5",
            "code": "STF-EMPLSTATUS-INVALID",
            "severity": "error",
            "message": "The code you have entered for EMPLSTATUS is incorrect",
        }

    def test_findings_csv_and_xlsx_match_json(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        paths = write_inputs(
            tmp_path / "in", workplace=WORKPLACE, staff=STAFF_WITH_ERROR, training=TRAINING
        )
        ingest(paths, out)
        rows = (out / "findings.csv").read_text(encoding="utf-8").splitlines()
        assert rows[0] == "file,line,column,value,code,severity,message"
        assert rows[1].startswith("staff,3,EMPLSTATUS,5,STF-EMPLSTATUS-INVALID,error,")
        sheet = openpyxl.load_workbook(out / "findings.xlsx")["Findings"]
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        assert values[0][:7] == ["file", "line", "column", "value", "code", "severity", "message"]
        assert values[1][:7] == [
            "staff",
            3,
            "EMPLSTATUS",
            "5",
            "STF-EMPLSTATUS-INVALID",
            "error",
            read_findings(out)[0]["message"],
        ]

    def test_stale_datasets_are_removed(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        good = write_inputs(tmp_path / "good", workplace=WORKPLACE, staff=STAFF, training=TRAINING)
        bad = write_inputs(
            tmp_path / "bad", workplace=WORKPLACE, staff=STAFF_WITH_ERROR, training=TRAINING
        )
        assert ingest(good, out).exit_code == 0
        assert ingest(bad, out).exit_code == 1
        assert not any((out / f"{name}.parquet").exists() for name in DATASETS)

    def test_skip_invalid_rows_writes_valid_rows_only(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        paths = write_inputs(
            tmp_path / "in", workplace=WORKPLACE, staff=STAFF_WITH_ERROR, training=TRAINING
        )
        result = ingest(paths, out, "--skip-invalid-rows")
        assert result.exit_code == 1, result.output
        heights = {name: pl.read_parquet(out / f"{name}.parquet").height for name in DATASETS}
        assert heights == {"establishments": 2, "workers": 2, "training": 2}
        findings = read_findings(out)
        assert [(f["file"], f["line"], f["code"], f["severity"]) for f in findings] == [
            ("staff", 3, "STF-EMPLSTATUS-INVALID", "error"),
            ("staff", 3, "STF-ROW-SKIPPED", "warning"),
            ("training", 3, "TRN-STAFF-SKIPPED", "warning"),
        ]
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["skip_invalid_rows"] is True
        assert manifest["datasets"] == heights


class TestUnusableInput:
    def test_unrecognised_header_exit_2_naming_file_without_traceback(self, tmp_path: Path) -> None:
        monkey_cwd = tmp_path / "in"
        paths = write_inputs(monkey_cwd, workplace=WORKPLACE, notes="Name,Role\nA,B\n")
        result = ingest(paths, tmp_path / "out")
        assert result.exit_code == 2
        message = stderr_of(result)
        assert "Traceback" not in result.output
        assert "notes.csv" in message
        assert "not that of an ASC-WDS workplace, staff or training file" in " ".join(
            message.split()
        )
        assert not (tmp_path / "out").exists()

    def test_unrecognised_header_message_is_one_line(self, tmp_path: Path) -> None:
        paths = write_inputs(tmp_path / "in", workplace=WORKPLACE, notes="Name,Role\nA,B\n")
        result = ingest(paths, tmp_path / "out")
        lines = [line for line in stderr_of(result).splitlines() if line.strip()]
        assert len(lines) == 1
        assert lines[0].startswith(f"careforce: cannot use {paths[1]}: ")

    def test_missing_staff_file_exit_2(self, tmp_path: Path) -> None:
        paths = write_inputs(tmp_path / "in", workplace=WORKPLACE, training=TRAINING)
        result = ingest(paths, tmp_path / "out")
        assert result.exit_code == 2
        assert "no staff file" in " ".join(stderr_of(result).split())
        assert "Traceback" not in result.output

    @pytest.mark.parametrize(
        ("texts", "expected"),
        [
            ({"workplace": WORKPLACE, "staff": STAFF, "staff2": STAFF}, "second staff file"),
            ({"workplace": WORKPLACE, "staff": "", "training": TRAINING}, "empty"),
            (
                {"workplace": WORKPLACE, "staff": STAFF_HEADER.replace(",DOB,", ",BIRTH,")},
                "'BIRTH'",
            ),
        ],
        ids=["two-staff-files", "empty-staff-file", "wrong-staff-header"],
    )
    def test_other_unusable_inputs_exit_2(
        self, tmp_path: Path, texts: dict[str, str], expected: str
    ) -> None:
        paths = write_inputs(tmp_path / "in", **texts)
        result = ingest(paths, tmp_path / "out")
        assert result.exit_code == 2
        assert expected in " ".join(stderr_of(result).split())
        assert "Traceback" not in result.output

    def test_nonexistent_file_exit_2(self, tmp_path: Path) -> None:
        paths = write_inputs(tmp_path / "in", workplace=WORKPLACE)
        result = ingest([*paths, tmp_path / "in" / "nowhere.csv"], tmp_path / "out")
        assert result.exit_code == 2
        assert "nowhere.csv" in " ".join(stderr_of(result).split())

    def test_bad_reference_date_is_a_usage_error(self, tmp_path: Path) -> None:
        paths = write_inputs(tmp_path / "in", workplace=WORKPLACE, staff=STAFF)
        result = invoke(
            "ingest", "ascwds", *paths, "--reference-date", "31/03/2025", "--out", tmp_path / "out"
        )
        assert result.exit_code == 2
        assert "YYYY-MM-DD" in " ".join(stderr_of(result).split())


class TestPrivacy:
    @pytest.mark.parametrize(
        ("staff", "extra"),
        [
            (STAFF, ()),
            (STAFF_WITH_ERROR, ("--skip-invalid-rows",)),
            (STAFF_WITH_PERSONAL_FINDINGS, ("--skip-invalid-rows",)),
        ],
        ids=["valid", "skip-invalid-rows", "personal-values-in-findings"],
    )
    def test_no_ni_number_or_date_of_birth_in_any_output(
        self, tmp_path: Path, staff: str, extra: tuple[str, ...]
    ) -> None:
        out = tmp_path / "out"
        paths = write_inputs(tmp_path / "in", workplace=WORKPLACE, staff=staff, training=TRAINING)
        result = ingest(paths, out, *extra)
        assert result.exit_code in (0, 1), result.output
        assert (out / "workers.parquet").exists()
        written = all_output_text(out)
        # The search sees decoded output: a workplace name and DC1's start date (as a date).
        assert b"Sunset Care" in written
        assert b"2021-09-01" in written
        for secret in (*NI_NUMBERS, *BIRTH_DATES, *BIRTH_DATES_ISO):
            assert secret.encode() not in written, secret

    def test_personal_findings_show_shapes(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        paths = write_inputs(
            tmp_path / "in",
            workplace=WORKPLACE,
            staff=STAFF_WITH_PERSONAL_FINDINGS,
            training=TRAINING,
        )
        ingest(paths, out, "--skip-invalid-rows")
        shown = {(f["code"], f["value"]) for f in read_findings(out)}
        assert ("STF-NINUMBER-FORMAT", "AA99999A") in shown
        assert ("STF-DOB-FORMAT", "9999-99-99") in shown
        assert ("STF-NINUMBER-HOURS", "AA999999A") in shown


class TestSubprocess:
    def _run(self, tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "CAREFORCE_SECRET_KEY": "e2e-test-secret"}
        env.pop("COLUMNS", None)
        return subprocess.run(
            [*cli_command(), *(str(a) for a in args)],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=300,
            check=False,
        )

    def test_valid_set_exit_0(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        paths = write_inputs(tmp_path / "in", workplace=WORKPLACE, staff=STAFF, training=TRAINING)
        completed = self._run(
            tmp_path, "ingest", "ascwds", *paths, "--reference-date", REFERENCE_DATE, "--out", out
        )
        assert completed.returncode == 0, completed.stderr
        assert "Traceback" not in completed.stderr
        assert all((out / name).exists() for name in OUTPUTS)
        assert all((out / f"{name}.parquet").exists() for name in DATASETS)

    def test_errors_exit_1_and_unusable_exit_2(self, tmp_path: Path) -> None:
        bad = write_inputs(tmp_path / "bad", workplace=WORKPLACE, staff=STAFF_WITH_ERROR)
        completed = self._run(
            tmp_path,
            "ingest",
            "ascwds",
            *bad,
            "--reference-date",
            REFERENCE_DATE,
            "--out",
            tmp_path / "o1",
        )
        assert completed.returncode == 1, completed.stderr
        unusable = write_inputs(tmp_path / "unusable", workplace=WORKPLACE, notes="Name,Role\n")
        completed = self._run(
            tmp_path,
            "ingest",
            "ascwds",
            *unusable,
            "--reference-date",
            REFERENCE_DATE,
            "--out",
            tmp_path / "o2",
        )
        assert completed.returncode == 2
        assert "Traceback" not in completed.stderr
        lines = [line for line in completed.stderr.splitlines() if line.strip()]
        assert len(lines) == 1
        assert lines[0].startswith(f"careforce: cannot use {unusable[1]}: ")
