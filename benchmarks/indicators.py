"""Benchmark: every measure, every breakdown, every area, on the England demo profile.

Prepares (once, cached under ``benchmarks/output/``) the ``england`` demo data — 153 councils,
two reference years, about 1.6 million filled posts a year — and ingests its 306 ASC-WDS file
sets, then times ``careforce indicators compute`` over all of them (computation, disclosure
control and writing CSV, Parquet, ODS and XLSX) in a separate process and reports its peak memory.

Run: ``.venv/bin/python benchmarks/indicators.py``
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from careforce.core.sources.ascwds.canonical import Area
from careforce.services.ascwds import ingest_ascwds
from careforce.services.demo_data import generate_demo_data
from careforce.services.demo_pipeline import DEMO_SECRET, write_district_lookup
from careforce.synthetic.profiles import build_profile

OUTPUT = Path(__file__).resolve().parent / "output"
DATA = OUTPUT / "england-data"
INGESTED = OUTPUT / "england-ingested"


def _ingest(job: tuple[list[str], str, str, str, str]) -> str:
    paths, reference_date, area_code, area_name, target = job
    if not (Path(target) / "workers.parquet").exists():
        ingest_ascwds(
            [Path(p) for p in paths],
            reference_date=dt.date.fromisoformat(reference_date),
            out=Path(target),
            secret=DEMO_SECRET,
            area=Area(area_code, area_name),
        )
    return target


def prepare() -> list[Path]:
    """Generate and ingest the England demo data unless it is already there."""
    if not (DATA / "manifest.json").exists():
        print("Generating the england demo data (a few minutes)...", flush=True)
        generate_demo_data("england", DATA)
    manifest = json.loads((DATA / "manifest.json").read_text())
    names = {area.code: area.name for area in build_profile("england").areas}
    sets: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for file in manifest["files"]:
        if file["dataset"].startswith("ascwds-"):
            key = (file["area_code"], file["year"])
            sets.setdefault(key, (file["reference_date"], []))[1].append(str(DATA / file["path"]))
    jobs = [
        (paths, reference_date, code, names[code], str(INGESTED / year / code))
        for (code, year), (reference_date, paths) in sorted(sets.items())
    ]
    print(f"Ingesting {len(jobs)} ASC-WDS file sets (cached after the first run)...", flush=True)
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        directories = [Path(target) for target in pool.map(_ingest, jobs)]
    write_district_lookup("england", DATA / "geography" / "postcode_districts.csv")
    return directories


def main() -> None:
    """Prepare the data, then time the computation in a separate process."""
    directories = prepare()
    staff_rows = sum(
        entry["rows"]
        for directory in directories
        for entry in json.loads((directory / "manifest.json").read_text())["inputs"]
        if entry["file"] == "staff"
    )
    command = [sys.executable, "-m", "careforce.cli", "indicators", "compute"]
    for directory in directories:
        command += ["--ascwds", str(directory)]
    command += [
        "--districts",
        str(DATA / "geography" / "postcode_districts.csv"),
        "--comparators",
        str(Path(__file__).resolve().parents[1] / "src/careforce/data/demo/comparators.csv"),
        "--out",
        str(OUTPUT / "england-indicators"),
    ]
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 / 1024
    if completed.returncode != 0:
        print(completed.stdout, completed.stderr, file=sys.stderr)
        raise SystemExit(completed.returncode)
    rows = completed.stdout.split(" rows written")[0].split()[-1]
    print(
        f"indicators compute: {len(directories)} file sets (153 areas x 2 years), "
        f"{staff_rows:,} staff records, {rows} published rows: {elapsed:.1f} s, "
        f"peak memory {peak:.2f} GiB"
    )


if __name__ == "__main__":
    main()
