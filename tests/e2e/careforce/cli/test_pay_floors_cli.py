"""``careforce indicators pay-floors`` end to end on the ingested demo data."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careforce.cli.app import app

pytestmark = pytest.mark.e2e


ENV = {"CAREFORCE_SECRET_KEY": "e2e-test-key", "COLUMNS": "200", "NO_COLOR": "1"}
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
RATES = (10.0, 10.5, 11.0, 11.5)
"""Hourly pay of the four care workers of each of three care homes (37.5 contracted hours)."""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


def invoke(*args: str) -> tuple[int, str, str]:
    return run("indicators", *args)


@pytest.fixture(scope="module")
def ingested_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pay")
    workplaces, staff = [WORKPLACE_HEADER], [STAFF_HEADER]
    for number in range(3):
        workplaces.append(
            f"W{number},UNCHECKED,Care Home {number},{number} High Street,,,Stafford,ST16 2LX,6,,"
            f"1,1,2,1-{100000000 + number},1-{200000000 + number},2,2,,,,,,,,{len(RATES)},8,0,"
            "0,0,,,,,,,,,,,,,,,"
        )
        for index, rate in enumerate(RATES):
            staff.append(
                f"W{number},S{index},UNCHECKED,Worker {index},AB{number}{index:05d}C,ST17 4AB,"
                f"01/05/1980,2,31,826,,826,,0,1,,2,,,01/05/2015,2015,,2,1,2,0,3,,{rate:.2f},8,,"
                "37.5,,,,1;3,2,2,,,,,,"
            )
    paths = []
    for name, rows in (("workplace", workplaces), ("staff", staff)):
        path = root / f"{name}.csv"
        path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
        paths.append(str(path))
    out = root / "ingested"
    code, _, err = run(
        "ingest",
        "ascwds",
        *paths,
        "--reference-date",
        "2022-03-31",
        "--out",
        str(out),
        "--area-code",
        "E10000028",
        "--area-name",
        "Staffordshire",
    )
    assert code == 0, err
    return out


class TestPayFloors:
    def test_writes_every_floor(self, ingested_demo: Path, tmp_path: Path) -> None:
        code, _, err = invoke(
            "pay-floors", "--ascwds", str(ingested_demo), "--floor", "12", "--out", str(tmp_path)
        )
        assert code == 0, err
        with (tmp_path / "pay-floors.csv").open(encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        totals = {row["floor"]: row for row in rows if row["breakdown"] == "total"}
        assert set(totals) == {"National Living Wage", "real Living Wage", "£12.00 an hour"}
        # Shortfalls 2.00 + 1.50 + 1.00 + 0.50 in each of three homes, 37.5 hours, 52 weeks.
        assert float(totals["£12.00 an hour"]["annual_cost"]) == pytest.approx(15 * 37.5 * 52)
        assert totals["£12.00 an hour"]["workers_below"] == "10"  # 12 rounded to the nearest 5
        assert float(totals["real Living Wage"]["annual_cost"]) == 0.0
        assert totals["real Living Wage"]["floor_rate"] == "9.9"
        assert (tmp_path / "pay-floors.ods").is_file()

    def test_a_floor_must_be_positive(self, ingested_demo: Path, tmp_path: Path) -> None:
        code, _, err = invoke(
            "pay-floors", "--ascwds", str(ingested_demo), "--floor", "-1", "--out", str(tmp_path)
        )
        assert code == 2
        assert "--floor must be a positive number" in err
