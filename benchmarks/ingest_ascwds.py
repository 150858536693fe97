"""Benchmark: validate and ingest a large ASC-WDS file set.

Generates (with a simple generator in this script) a workplace file of 8,000 workplaces and a
staff file of 200,000 staff records, then times ``careforce ingest ascwds`` end to end
(reading, validation, canonical datasets, writing outputs) and reports peak memory.

Run: ``.venv/bin/python benchmarks/ingest_ascwds.py [--staff 200000] [--workplaces 8000]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
TRAINING_HEADER = (
    "LOCALESTID,UNIQUEWORKERID,CATEGORY,TRAININGNAME,ACCREDITED,WHODELIVERED,PROVIDERNAME,"
    "HOWDELIVERED,VALIDITY,DATECOMPLETED,EXPIRYDATE,NOTES"
)
SERVICES = ((2, True), (1, True), (8, True), (6, False), (55, True))
ROLES = (8, 8, 8, 8, 7, 7, 3, 25, 26, 16)


def _date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def generate(directory: Path, *, workplaces: int, staff: int, seed: int = 7) -> list[Path]:
    """Write a valid workplace, staff and training file set with the given sizes."""
    rng = random.Random(seed)
    sizes = [staff // workplaces] * workplaces
    for index in range(staff - sum(sizes)):
        sizes[index] += 1
    workplace_rows = [WORKPLACE_HEADER]
    staff_rows = [STAFF_HEADER]
    training_rows = [TRAINING_HEADER]
    serial = 0
    for number, size in enumerate(sizes):
        service, cqc = SERVICES[number % len(SERVICES)]
        ident = f"W{number:05d}"
        registration = "2" if cqc else "0"
        provider = f"1-{100000000 + number}" if cqc else ""
        location = f"1-{200000000 + number}" if cqc else ""
        workplace_rows.append(
            f"{ident},UNCHECKED,Care Home {number},{number} High Street,,,Stafford,ST16 2LX,6,,1,1,"
            f"{registration},{provider},{location},{service},{service},,,,,,,,{size},3;8,1;3,1;4,0;2,"
            ",,,,,,,,,,,,,,"
        )
        for worker in range(size):
            serial += 1
            birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(15000))
            start = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(2000))
            role = 3 if worker == 0 else ROLES[rng.randrange(len(ROLES))]
            if role == 3 and cqc and worker == 0:
                role = 4
            contract = rng.choice((1, 1, 1, 2, 3))
            hours = f"{rng.choice((16, 22.5, 37.5))}" if contract in (1, 2) else ""
            average = "" if contract in (1, 2) else "20"
            zero = "2" if contract in (1, 2) else "1"
            pay = (
                ("1", f"{rng.randrange(25000, 45000)}", "")
                if role in (4, 3, 16)
                else ("3", "", "10.50")
            )
            nurse = "1" if role == 16 else ""
            staff_rows.append(
                f"{ident},S{worker},UNCHECKED,Worker {worker},AB{serial:06d}C,"
                f"ST17 4AB,{_date(birth)},{rng.choice((1, 2, 2, 2))},{rng.choice((31, 31, 34, 44))},"
                f"826,,826,,0,1,,2,,,{_date(start)},{start.year},,2,{contract},{zero},"
                f"{rng.choice(('0', '2', '4.5', '999'))},{pay[0]},{pay[1]},{pay[2]},{role},,{hours},"
                f"{average},{nurse},,1;3,2,2,110;2019,,,,,"
            )
            if worker % 2 == 0:
                training_rows.append(f"{ident},S{worker},20,Safeguarding,1,1,,1,12,10/01/2022,,")
    paths = []
    for name, rows in (
        ("workplace", workplace_rows),
        ("staff", staff_rows),
        ("training", training_rows),
    ):
        path = directory / f"{name}.csv"
        path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    """Generate the file set, then time the ingestion in a separate process."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--staff", type=int, default=200_000)
    parser.add_argument("--workplaces", type=int, default=8_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        paths = generate(directory, workplaces=arguments.workplaces, staff=arguments.staff)
        command = [
            sys.executable,
            "-m",
            "careforce.cli",
            "ingest",
            "ascwds",
            *map(str, paths),
            "--reference-date",
            "2022-03-31",
            "--out",
            str(directory / "out"),
        ]
        started = time.perf_counter()
        completed = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            env={"CAREFORCE_SECRET_KEY": "benchmark", "PATH": "/usr/bin:/bin", "COLUMNS": "120"},
        )
        elapsed = time.perf_counter() - started
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(completed.stdout[-1500:])
        if completed.returncode not in (0, 1):
            print(completed.stderr, file=sys.stderr)
            raise SystemExit(completed.returncode)
        print(
            f"ingest ascwds: {arguments.workplaces:,} workplaces, {arguments.staff:,} staff records: "
            f"{elapsed:.1f} s, peak memory {peak_kib / 1024 / 1024:.2f} GiB"
        )


if __name__ == "__main__":
    main()
