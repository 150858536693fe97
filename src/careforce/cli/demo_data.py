"""``careforce demo-data``: generate realistic synthetic partnership data."""

from __future__ import annotations

import time
from collections import defaultdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from careforce.services.demo_data import DEFAULT_SEED, DemoDataManifest, generate_demo_data

app = typer.Typer(help="Generate realistic synthetic partnership data.", no_args_is_help=True)


class ProfileName(StrEnum):
    """Profiles that can be generated."""

    STAFFORDSHIRE = "staffordshire"
    ENGLAND = "england"


def _size(count: int) -> str:
    size = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "B" else f"{size:,.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def _summary(console: Console, manifest: DemoDataManifest, out: Path, seconds: float) -> None:
    table = Table(title=f"Demo data written to {out}", title_justify="left")
    for column in ("dataset", "files", "rows", "size"):
        table.add_column(column, justify="left" if column == "dataset" else "right")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for file in manifest.files:
        entry = totals[file.dataset]
        entry[0] += 1
        entry[1] += file.rows
        entry[2] += file.bytes
    for dataset, (files, rows, size) in totals.items():
        table.add_row(dataset, f"{files:,}", f"{rows:,}", _size(size))
    table.add_row(
        "all",
        f"{len(manifest.files):,}",
        f"{sum(f.rows for f in manifest.files):,}",
        _size(manifest.total_bytes()),
        style="bold",
    )
    console.print(table)
    console.print(
        f"Profile {manifest.profile}, seed {manifest.seed}, {len(manifest.areas)} council(s), "
        f"{seconds:.1f} s. The manifest is {out / 'manifest.json'}."
    )


@app.command("generate")
def generate(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the data to.")],
    profile: Annotated[
        ProfileName,
        typer.Option("--profile", help="One county (staffordshire) or all of England."),
    ] = ProfileName.STAFFORDSHIRE,
    seed: Annotated[
        int, typer.Option("--seed", help="Seed: the same seed gives byte-identical files.")
    ] = DEFAULT_SEED,
    scale: Annotated[
        float,
        typer.Option(
            "--scale", min=0.001, help="Multiplier on the size of every council.", hidden=True
        ),
    ] = 1.0,
) -> None:
    """Generate ASC-WDS returns for two years, a council HR extract, children's provider
    returns, population, job postings and education supply, calibrated to published figures."""
    console = Console()
    started = time.perf_counter()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("Starting", total=None)

        def report(step: str, done: int, total: int) -> None:
            bar.update(task, description=step, completed=done, total=total)

        manifest = generate_demo_data(profile.value, out, seed=seed, progress=report, scale=scale)
    _summary(console, manifest, out, time.perf_counter() - started)
