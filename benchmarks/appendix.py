"""Time the annual data appendix: the demo's full appendix (HTML, tagged PDF, ODS, XLSX), or
every area's appendix of an England demo.

Usage: ``python benchmarks/appendix.py [--demo DIR] [--england DIR [--areas N] [--no-pdf]
[--workers N]]``.

Without ``--demo`` the Staffordshire demo is run first in a temporary folder (not timed). With
``--england`` the appendices of the areas of an England demo output (``careforce demo run
--profile england --out DIR``; projections are not part of it) are built one after another, or
shared among ``--workers`` processes.
Prints wall-clock and CPU time of each step and peak memory.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

import polars as pl

from careforce.core.projections.input_tables import period_end_year
from careforce.core.publishing.appendix.population_rows import population_rows
from careforce.core.vocab import published as pub
from careforce.io.appendix_files import read_template_file
from careforce.io.appendix_report import (
    chart_svgs,
    render_appendix_html,
    render_tagged_pdf,
)
from careforce.io.appendix_spreadsheets import appendix_workbook
from careforce.io.spreadsheets import write_ods, write_xlsx
from careforce.services.appendix import appendix_measures, appendix_of, demo_appendix
from careforce.services.demo_pipeline import run_demo
from careforce.services.population_inputs import population_table

T = TypeVar("T")
PERIOD = "2021/22"
"""The appendix period of the demos."""


def _peak_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def _timed(label: str, step: Callable[[], T]) -> T:
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    print(
        f"  {label:<28} {time.perf_counter() - wall:7.2f} s wall, "
        f"{time.process_time() - cpu:7.2f} s CPU"
    )
    return result


def _demo_inputs(demo: Path) -> tuple[list[Path], list[Path]]:
    measures = [demo / "indicators", demo / "estimates", demo / "labour"]
    measures += sorted(p.parent for p in (demo / "survey").glob("*/*/survey_measures.csv"))
    projections = sorted(
        p for p in (demo / "projections").glob("*") if (p / "projection.csv").is_file()
    )
    return measures, projections


def _with_population(demo: Path, frame: pl.DataFrame, codes: list[str]) -> pl.DataFrame:
    """The measure rows and the population rows of each area (the demo's population file,
    read once)."""
    path = demo / "data" / "population" / "population.csv"
    if not path.is_file():
        return frame
    table = population_table(path)
    base = period_end_year(PERIOD)
    parts = [frame]
    parts += [population_rows(table, area_code=code, base_year=base) for code in codes]
    return pl.concat(parts, how="vertical")


def demo_benchmark(demo: Path | None) -> None:
    """The Staffordshire demo's full appendix, step by step."""
    with tempfile.TemporaryDirectory() as scratch:
        if demo is None:
            demo = Path(scratch) / "demo"
            print("Running the Staffordshire demo (not timed)...")
            run_demo(demo)
        if not (demo / "projections").is_dir():
            demo_appendix(
                demo, period=PERIOD, measures=[demo / "indicators"], area_code="E10000028"
            )
        measures, projections = _demo_inputs(demo)
        out = Path(scratch) / "appendix"
        out.mkdir()
        print(f"Appendix of the demo in {demo}:")
        start = time.perf_counter()
        frame, _, area = _timed(
            "read the inputs", lambda: appendix_measures(measures, projections, area_code=None)
        )
        frame = _timed("read the population", lambda: _with_population(demo, frame, [area[0]]))
        appendix = _timed(
            "build",
            lambda: appendix_of(frame, period=PERIOD, area_code=area[0], area_name=area[1]),
        )
        svgs = _timed("render the charts (SVG)", lambda: chart_svgs(appendix))
        page = _timed("HTML", lambda: render_appendix_html(appendix, svgs=svgs))
        pdf = _timed("tagged PDF", lambda: render_tagged_pdf(page, base=out))
        workbook = appendix_workbook(appendix)
        _timed("ODS", lambda: write_ods(out / "appendix.ods", workbook))
        _timed("XLSX", lambda: write_xlsx(out / "appendix.xlsx", workbook))
        total = time.perf_counter() - start
        print(
            f"  total {total:.2f} s; {len(appendix.tables)} tables, "
            f"{len(pdf):,} bytes of PDF; peak memory {_peak_gib():.2f} GiB"
        )


def _area_appendices(demo: Path, codes: list[tuple[str, str]], pdf: bool) -> float:
    """Read the inputs and build the appendices of some areas of an England demo, one after
    another; the peak memory of the process (GiB)."""
    measures, _ = _demo_inputs(demo)
    frame, _, _ = appendix_measures(measures, [], area_code=None)
    frame = _with_population(demo, frame, [code for code, _ in codes])
    template = read_template_file().template
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        for number, (code, name) in enumerate(codes, start=1):
            if number % 25 == 0:
                print(f"  {number} areas in {time.perf_counter() - start:.1f} s", flush=True)
            appendix = appendix_of(
                frame.filter(pl.col(pub.AREA_CODE) == code),
                period=PERIOD,
                area_code=code,
                area_name=name,
                template=template,
            )
            page = render_appendix_html(appendix, svgs=chart_svgs(appendix))
            if pdf:
                render_tagged_pdf(page, base=Path(scratch))
            workbook = appendix_workbook(appendix)
            write_ods(Path(scratch) / f"{code}.ods", workbook)
            write_xlsx(Path(scratch) / f"{code}.xlsx", workbook)
    return _peak_gib()


def england_benchmark(demo: Path, *, areas: int | None, pdf: bool, workers: int) -> None:
    """Every area's appendix of an England demo: the areas shared among ``workers``
    processes, each reading the inputs and building its areas' appendices one after another
    (the time includes starting the processes and reading the inputs)."""
    measures, _ = _demo_inputs(demo)
    frame, _, _ = appendix_measures(measures, [], area_code=None)
    # The councils of the demo (the labour market's rows also name England, a comparator).
    codes = [
        (str(code), str(name))
        for code, name in frame.filter(pl.col(pub.MEASURE_ID) == "filled_posts")
        .select(pub.AREA_CODE, pub.AREA_NAME)
        .unique()
        .sort(pub.AREA_CODE)
        .iter_rows()
    ][:areas]
    del frame
    start = time.perf_counter()
    if workers == 1:
        peaks = [_area_appendices(demo, codes, pdf)]
    else:
        shares = [codes[index::workers] for index in range(workers)]
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            peaks = list(pool.map(_area_appendices, [demo] * workers, shares, [pdf] * workers))
    total = time.perf_counter() - start
    print(
        f"{len(codes)} areas' appendices ({'with' if pdf else 'without'} PDF, {workers} "
        f"process{'es' if workers > 1 else ''}) in {total:.1f} s "
        f"({total / max(len(codes), 1):.2f} s each); peak memory "
        f"{max(peaks):.2f} GiB per process"
    )


def main() -> None:
    """Parse the arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo", type=Path, help="A Staffordshire demo output folder.")
    parser.add_argument("--england", type=Path, help="An England demo output folder.")
    parser.add_argument("--areas", type=int, help="Only the first N areas (with --england).")
    parser.add_argument("--no-pdf", action="store_true", help="Skip the PDFs (with --england).")
    parser.add_argument(
        "--workers", type=int, default=1, help="Processes sharing the areas (with --england)."
    )
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]} on {platform.machine()}, {platform.system()}")
    if args.england is not None:
        england_benchmark(args.england, areas=args.areas, pdf=not args.no_pdf, workers=args.workers)
    else:
        demo_benchmark(args.demo)


if __name__ == "__main__":
    main()
