"""Time demo data generation (default: all of England) and report its size on disk.

Usage: ``python benchmarks/demo_data.py [--profile england] [--out DIR] [--seed N]
[--workers N] [--keep]``. Without ``--out`` the data goes to a temporary folder that is removed
afterwards. Prints wall-clock and CPU time (this process and its workers), files, rows and bytes,
and the machine it ran on.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from careforce.services.demo_data import generate_demo_data


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _disk_usage(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="england")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--keep", action="store_true", help="keep the temporary output")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="careforce-demo-"))
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    manifest = generate_demo_data(
        args.profile, out, seed=args.seed, scale=args.scale, workers=args.workers
    )
    wall = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    disk = _disk_usage(out)
    rows = sum(f.rows for f in manifest.files)
    staff = sum(f.rows for f in manifest.files if f.dataset == "ascwds-staff")
    print(f"profile            {args.profile} (scale {args.scale}, seed {args.seed})")
    print(f"councils           {len(manifest.areas)}")
    print(f"wall-clock time    {wall:.1f} s")
    print(f"CPU time           {cpu:.1f} s (all processes)")
    print(f"files              {len(manifest.files) + 1}")
    print(f"rows               {rows:,} (ASC-WDS staff rows, both years: {staff:,})")
    print(f"size on disk       {disk / 1e6:,.1f} MB")
    print(
        f"machine            {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {sys.version.split()[0]}, {platform.system()} {platform.release()}"
    )
    if args.out is None and not args.keep:
        shutil.rmtree(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
