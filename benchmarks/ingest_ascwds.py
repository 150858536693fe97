"""Benchmark: validate and ingest a large ASC-WDS file set.

Generates (with a simple generator in this script) a workplace file of 8,200 workplaces and a
staff file of 205,000 staff records (``--scale``: 56,000 workplaces and 1,400,000 staff
records, a 200 MB staff file), then

1. times reading and validating the files in this process, phase by phase;
2. times ``careforce ingest ascwds`` end to end (reading, validation, canonical datasets,
   writing outputs) in a separate process and reports its peak memory;
3. with ``--web``, times the web service's validation job (``run_validation``: the same
   ingestion, then the findings stored in a throwaway SQLite database) in a separate process
   and reports its peak memory.

``--faulty`` gives every staff record an unknown job role code, so there is a finding per
staff record (as with a file whose columns are shifted).

Run: ``.venv/bin/python benchmarks/ingest_ascwds.py [--scale] [--faulty] [--web]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REFERENCE_DATE = dt.date(2022, 3, 31)
SCALE = {"workplaces": 56_000, "staff": 1_400_000}
"""The ``--scale`` file set: as many staff records as the largest upload measured (1.39M)."""

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


def _ni_number(serial: int) -> str:
    """A distinct, well-formed National Insurance number for each of up to 4 million staff."""
    prefix = ("AB", "CE", "GH", "JK")[serial // 1_000_000]
    return f"{prefix}{serial % 1_000_000:06d}C"


def _date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def generate(
    directory: Path, *, workplaces: int, staff: int, faulty: bool = False, seed: int = 7
) -> list[Path]:
    """Write a workplace, staff and training file set with the given sizes: valid, or with
    an unknown job role code on every staff record when ``faulty``."""
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
            role = 99 if faulty else role
            staff_rows.append(
                f"{ident},S{worker},UNCHECKED,Worker {worker},{_ni_number(serial)},"
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


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _peak_gib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024 / 1024


def time_phases(paths: list[Path]) -> None:
    """Read and validate in this process, timing each phase."""
    from careforce.core.sources.ascwds.validate import FileSet, validate_file_set  # noqa: PLC0415
    from careforce.io.ascwds_files import read_ascwds_file, sort_file_set  # noqa: PLC0415

    started, cpu_started = time.perf_counter(), time.process_time()
    files = sort_file_set([read_ascwds_file(path) for path in paths])
    read, cpu_read = time.perf_counter(), time.process_time()
    raw = {kind.value: file.raw for kind, file in files.items()}
    validation = validate_file_set(
        FileSet(workplace=raw["workplace"], staff=raw["staff"], training=raw.get("training")),
        reference_date=REFERENCE_DATE,
        today=dt.date(2023, 1, 1),
    )
    validated, cpu_validated = time.perf_counter(), time.process_time()
    print(
        f"read {read - started:.2f} s + validate {validated - read:.2f} s = "
        f"{validated - started:.2f} s elapsed (CPU time {cpu_read - cpu_started:.2f} s + "
        f"{cpu_validated - cpu_read:.2f} s); {validation.findings.height:,} findings"
    )


def time_cli(paths: list[Path], out: Path) -> None:
    """Time ``careforce ingest ascwds`` in a separate process."""
    command = [
        sys.executable,
        "-m",
        "careforce.cli",
        "ingest",
        "ascwds",
        *map(str, paths),
        "--reference-date",
        REFERENCE_DATE.isoformat(),
        "--out",
        str(out),
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
    print(completed.stdout[-600:])
    if completed.returncode not in (0, 1):
        print(completed.stderr, file=sys.stderr)
        raise SystemExit(completed.returncode)
    print(
        f"ingest ascwds (CLI): {elapsed:.1f} s elapsed (CPU time {_cpu(resource.RUSAGE_CHILDREN):.1f} "
        f"s), peak memory {_peak_gib(resource.RUSAGE_CHILDREN):.2f} GiB"
    )


def time_web(paths: list[Path], folder: Path) -> None:
    """Time the web validation job in a separate process with a throwaway SQLite database."""
    environment = {
        "CAREFORCE_SECRET_KEY": "benchmark",
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": f"sqlite:///{folder / 'web.sqlite3'}",
        "CAREFORCE_DATA_DIR": str(folder),
        "CAREFORCE_MEDIA_ROOT": str(folder / "media"),
        "CAREFORCE_JOBS": "manual",
        "DJANGO_SETTINGS_MODULE": "careforce.web.config.settings",
    }
    command = [sys.executable, __file__, "--web-job", *map(str, paths)]
    completed = subprocess.run(
        command, capture_output=True, text=True, check=False, env=environment
    )
    print(completed.stdout.strip())
    if completed.returncode != 0:
        print(completed.stderr, file=sys.stderr)
        raise SystemExit(completed.returncode)


def web_job(paths: list[Path]) -> None:
    """In the child process: store the files as an upload and run the validation job."""
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    call_command("migrate", verbosity=0)
    from careforce.io.raw_files import store_chunks  # noqa: PLC0415
    from careforce.web.backend import uploads  # noqa: PLC0415
    from careforce.web.models.organisations.models import Organisation  # noqa: PLC0415
    from careforce.web.models.uploads.models import Finding, Upload, UploadFile  # noqa: PLC0415

    organisation = Organisation.objects.create(
        name="Benchmark care", kind="provider", area_code="E10000028", area_name="Staffordshire"
    )
    upload = Upload.objects.create(
        organisation=organisation,
        source="ascwds",
        reference_date=REFERENCE_DATE,
        status="received",
        fingerprint="benchmark",
    )
    for position, path in enumerate(paths, start=1):
        kept = store_chunks(uploads.media_root(), iter([path.read_bytes()]))
        UploadFile.objects.create(
            upload=upload,
            position=position,
            name=path.name,
            sha256=kept.sha256,
            size=kept.size,
            stored=kept.relative,
        )
    started, cpu_started = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    uploads.run_validation({"upload_id": upload.pk}, lambda *_: None)
    elapsed, cpu = time.perf_counter() - started, _cpu(resource.RUSAGE_SELF) - cpu_started
    upload.refresh_from_db()
    print(
        f"web validation job: {elapsed:.1f} s elapsed (CPU time {cpu:.1f} s), peak memory "
        f"{_peak_gib(resource.RUSAGE_SELF):.2f} GiB; status {upload.status}, "
        f"{upload.errors + upload.warnings:,} findings, "
        f"{Finding.objects.filter(upload=upload).count():,} stored, "
        f"{upload.findings_not_stored:,} counted only"
    )


def main() -> None:
    """Generate the file set, time reading and validation here, then the CLI (and the web
    job) in separate processes."""
    if sys.argv[1:2] == ["--web-job"]:
        web_job([Path(name) for name in sys.argv[2:]])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--staff", type=int, default=205_000)
    parser.add_argument("--workplaces", type=int, default=8_200)
    parser.add_argument("--scale", action="store_true", help="1,400,000 staff records")
    parser.add_argument("--faulty", action="store_true", help="a finding per staff record")
    parser.add_argument("--web", action="store_true", help="also time the web validation job")
    arguments = parser.parse_args()
    sizes: dict[str, Any] = (
        dict(SCALE)
        if arguments.scale
        else {"workplaces": arguments.workplaces, "staff": arguments.staff}
    )
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        paths = generate(directory, faulty=arguments.faulty, **sizes)
        megabytes = os.path.getsize(paths[1]) / 1024 / 1024
        print(
            f"{sizes['workplaces']:,} workplaces, {sizes['staff']:,} staff records "
            f"({megabytes:.0f} MiB){', every one faulty' if arguments.faulty else ''}"
        )
        time_phases(paths)
        time_cli(paths, directory / "out")
        if arguments.web:
            time_web(paths, directory)


if __name__ == "__main__":
    main()
