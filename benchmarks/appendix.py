"""Time the annual data appendix: the demo's full appendix (HTML, tagged PDF, ODS, XLSX), or
every area's appendix of an England demo.

Usage: ``python benchmarks/appendix.py [--demo DIR] [--england DIR [--areas N] [--no-pdf]]``.

Without ``--demo`` the Staffordshire demo is run first in a temporary folder (not timed). With
``--england`` the appendices of the areas of an England demo output (``careforce demo run
--profile england --out DIR``; projections are not part of it) are built one after another.
Prints wall-clock and CPU time of each step and peak memory.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import polars as pl

from careforce.core.vocab import published as pub
from careforce.io.appendix_files import read_template_file
from careforce.io.appendix_report import (
    chart_svgs,
    render_appendix_html,
    render_tagged_pdf,
)
from careforce.io.appendix_spreadsheets import appendix_workbook
from careforce.io.spreadsheets import write_ods, write_xlsx
from careforce.services.appendix import (
    appendix_measures,
    appendix_of,
    demo_appendix,
    population_measures,
)
from careforce.services.demo_pipeline import run_demo

T = TypeVar("T")


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
    """The measure rows and the population rows of each area (the demo's population file)."""
    path = demo / "data" / "population" / "population.csv"
    if not path.is_file():
        return frame
    parts = [frame]
    parts += [population_measures([path], area_code=code, period="2021/22")[0] for code in codes]
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
                demo, period="2021/22", measures=[demo / "indicators"], area_code="E10000028"
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
            lambda: appendix_of(frame, period="2021/22", area_code=area[0], area_name=area[1]),
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


def england_benchmark(demo: Path, *, areas: int | None, pdf: bool) -> None:
    """Every area's appendix of an England demo, one after another."""
    measures, _ = _demo_inputs(demo)
    frame, _, _ = appendix_measures(measures, [], area_code=None)
    codes = frame.select(pub.AREA_CODE, pub.AREA_NAME).unique().sort(pub.AREA_CODE)
    if areas is not None:
        codes = codes.head(areas)
    frame = _with_population(demo, frame, codes.get_column(pub.AREA_CODE).to_list())
    read_template_file()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        for code, name in codes.iter_rows():
            appendix = appendix_of(
                frame.filter(pl.col(pub.AREA_CODE) == code),
                period="2021/22",
                area_code=code,
                area_name=name,
            )
            page = render_appendix_html(appendix, svgs=chart_svgs(appendix))
            if pdf:
                render_tagged_pdf(page, base=Path(scratch))
            workbook = appendix_workbook(appendix)
            write_ods(Path(scratch) / f"{code}.ods", workbook)
            write_xlsx(Path(scratch) / f"{code}.xlsx", workbook)
    total = time.perf_counter() - start
    print(
        f"{codes.height} areas' appendices ({'with' if pdf else 'without'} PDF) in {total:.1f} s "
        f"({total / max(codes.height, 1):.2f} s each); peak memory {_peak_gib():.2f} GiB"
    )


def main() -> None:
    """Parse the arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo", type=Path, help="A Staffordshire demo output folder.")
    parser.add_argument("--england", type=Path, help="An England demo output folder.")
    parser.add_argument("--areas", type=int, help="Only the first N areas (with --england).")
    parser.add_argument("--no-pdf", action="store_true", help="Skip the PDFs (with --england).")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]} on {platform.machine()}, {platform.system()}")
    if args.england is not None:
        england_benchmark(args.england, areas=args.areas, pdf=not args.no_pdf)
    else:
        demo_benchmark(args.demo)


if __name__ == "__main__":
    main()
