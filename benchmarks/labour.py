"""Time the job postings measures on a year of England's postings (default 5 million).

Usage: ``python benchmarks/labour.py [--postings N] [--seed N] [--keep]``. Writes a synthetic
posting-level extract in the canonical columns (about 70% of rows duplicates of an earlier
posting, as in Lightcast extracts) to a temporary folder, then runs what ``careforce labour
compute --postings`` runs: read the CSV, check every row, build the canonical postings and
compute every postings measure and breakdown. Prints the time of each step, the peak memory and
the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from careforce.services.labour import postings_rows

TITLES = (
    "Support Worker",
    "Care Assistant",
    "Health Care Assistant",
    "Staff Nurse",
    "Registered Nurse",
    "Night Care Assistant",
    "Registered General Nurse",
    "Residential Support Worker",
    "Care Worker",
    "Night Nurse",
    "Senior Care Assistant",
    "Domiciliary Care Worker",
    "Team Leader",
    "Deputy Manager",
    "Registered Manager",
    "Social Worker",
    "Occupational Therapist",
    "Cook",
)
"""Job titles drawn (with plural and case variants, so title families do some work)."""
SKILLS = (
    "Personal Care",
    "Safeguarding",
    "Dementia Care",
    "Medication Administration",
    "Communication Skills",
    "Driving Licence",
    "Nursing",
    "Care Planning",
)
"""Skills drawn for each posting."""
LOCAL_AUTHORITIES = 309
"""English lower-tier local authorities the postings are spread over."""
DUPLICATE_SHARE = 0.7
"""Share of rows that duplicate an earlier posting (intensity about 3.3 : 1)."""


def _extract(count: int, seed: int) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    ids = np.arange(count)
    duplicate = rng.random(count) < DUPLICATE_SHARE
    duplicate[0] = False
    # A duplicate points at an earlier unique posting.
    originals = np.maximum.accumulate(np.where(duplicate, 0, ids))
    titles = np.array([*TITLES, *(t + "s" for t in TITLES), *(t.upper() for t in TITLES)])
    first = dt.date(2021, 9, 1).toordinal()
    posted = first + rng.integers(0, 365, count)
    posted = np.where(duplicate, posted[originals], posted)
    days = rng.integers(1, 80, count)
    skills = np.array([";".join(SKILLS[i : i + 3]) for i in range(len(SKILLS))])
    return pl.DataFrame(
        {
            "posting_id": pl.Series(ids).cast(pl.String).str.zfill(9),
            "title": titles[rng.integers(0, len(titles), count)][originals],
            "employer": pl.Series(rng.integers(0, 50_000, count)).cast(pl.String),
            "city": pl.Series(rng.integers(0, 2_000, count)).cast(pl.String).str.zfill(4),
            "local_authority_code": pl.Series(rng.integers(0, LOCAL_AUTHORITIES, count)).cast(
                pl.String
            ),
            "posted_date": pl.Series(posted - 719_163).cast(pl.Date),
            "expiry_date": pl.Series(posted + days - 719_163).cast(pl.Date),
            "duplicate_of": pl.Series(np.where(duplicate, originals, -1))
            .cast(pl.String)
            .str.zfill(9),
            "soc_code": "6135",
            "skills": skills[rng.integers(0, len(skills), count)],
        }
    ).with_columns(
        pl.when(pl.col("duplicate_of").str.starts_with("-"))
        .then(pl.lit(""))
        .otherwise(pl.col("duplicate_of"))
        .alias("duplicate_of"),
        pl.concat_str(pl.lit("E07"), pl.col("local_authority_code").str.zfill(6)).alias(
            "local_authority_code"
        ),
    )


def _write_extract(count: int, seed: int, path: Path) -> None:
    _extract(count, seed).write_csv(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=5_000_000)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--keep", action="store_true", help="keep the extract")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="careforce-postings-"))
    path = folder / "postings.csv"
    # The extract is made in another process, so the peak memory is the job's own.
    maker = multiprocessing.get_context("spawn").Process(
        target=_write_extract, args=(args.postings, args.seed, path)
    )
    maker.start()
    maker.join()
    if maker.exitcode != 0:
        return 1
    size = path.stat().st_size
    started = time.perf_counter()
    cpu = time.process_time()
    rows, findings = postings_rows(
        path, mapping=None, area_code="E92000001", area_name="England", window=None
    )
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    print(f"postings           {args.postings:,} ({size / 2**20:,.0f} MiB CSV)")
    print(f"measure rows       {rows.height:,}; findings {findings.height:,}")
    print(f"wall-clock time    {wall:.1f} s (CPU {cpu:.1f} s)")
    print(f"peak memory        {peak:.2f} GiB")
    print(
        f"machine            {platform.machine()}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, Polars {pl.__version__}"
    )
    if args.keep:
        print(f"extract kept in    {folder}")
    else:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
