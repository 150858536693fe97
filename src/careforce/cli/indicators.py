"""``careforce indicators``: compute and publish the workforce measures."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from careforce.core.publishing.coverage import coverage_summaries
from careforce.io.csv_text import UnreadableFileError
from careforce.services.indicators import IndicatorInputError, compute_indicators
from careforce.services.pay_floors import pay_floor_tables, write_pay_floors

app = typer.Typer(help="Compute the workforce measures.", no_args_is_help=True)

EXIT_UNUSABLE = 2
"""Exit status when an input cannot be used."""


@app.command("compute")
def compute(
    ascwds: Annotated[
        list[Path],
        typer.Option(
            "--ascwds", help="An output directory of `careforce ingest ascwds` (repeatable)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Directory for the measures.")],
    hr: Annotated[
        Path | None, typer.Option("--hr", help="Council HR extract of children's services staff.")
    ] = None,
    provider_returns: Annotated[
        Path | None, typer.Option("--provider-returns", help="Children's provider returns.")
    ] = None,
    comparators: Annotated[
        Path | None, typer.Option("--comparators", help="Comparator values (CSV).")
    ] = None,
    districts: Annotated[
        Path | None,
        typer.Option(
            "--districts", help="Lookup of postcode districts to council districts (CSV)."
        ),
    ] = None,
    estimates: Annotated[
        Path | None,
        typer.Option(
            "--estimates",
            help="An output directory of `careforce estimates compute`: publish the whole-sector "
            "estimates and the coverage of the returns with the measures.",
        ),
    ] = None,
    unsuppressed: Annotated[
        bool,
        typer.Option(
            "--unsuppressed", help="Write figures without disclosure control (not for publication)."
        ),
    ] = False,
) -> None:
    """Compute every measure for every breakdown, area and period."""
    console = Console()
    try:
        result = compute_indicators(
            ascwds,
            out=out,
            comparators=comparators,
            districts=districts,
            hr=hr,
            provider_returns=provider_returns,
            unsuppressed=unsuppressed,
            estimates=estimates,
        )
    except (IndicatorInputError, UnreadableFileError) as error:
        Console(stderr=True, soft_wrap=True).print(
            f"careforce: {error}", markup=False, highlight=False
        )
        raise typer.Exit(EXIT_UNUSABLE) from None
    if unsuppressed:
        console.print(
            "[bold red]Unsuppressed figures[/]: not for publication (indicators_unsuppressed.*)."
        )
    for summary in coverage_summaries(result.table):
        console.print(
            f"Coverage of {summary.area_name} ({summary.period}): "
            + _share_text(summary.locations_share, "of in-scope locations returned")
            + ", "
            + _share_text(summary.posts_share, "of their estimated filled posts in returns"),
            highlight=False,
        )
        if summary.warning:
            console.print(f"[bold]Warning:[/] {summary.warning}", highlight=False)
    console.print(f"{result.table.height} rows written to {out}:")
    for path in result.files:
        console.print(f"  {path}")


def _share_text(share: float | None, what: str) -> str:
    return f"{share:.1%} {what}" if share is not None else f"not known ({what})"


@app.command("pay-floors")
def pay_floors(
    ascwds: Annotated[
        list[Path],
        typer.Option(
            "--ascwds", help="An output directory of `careforce ingest ascwds` (repeatable)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Directory for the scenarios.")],
    floor: Annotated[
        list[float] | None,
        typer.Option("--floor", help="A pay floor in pounds an hour to test (repeatable)."),
    ] = None,
    districts: Annotated[
        Path | None,
        typer.Option(
            "--districts", help="Lookup of postcode districts to council districts (CSV)."
        ),
    ] = None,
) -> None:
    """Share of staff below each pay floor and the annual cost of raising them to it."""
    rates = floor or []
    if any(rate <= 0 for rate in rates):
        Console(stderr=True).print("careforce: --floor must be a positive number of pounds")
        raise typer.Exit(EXIT_UNUSABLE)
    try:
        table = pay_floor_tables(ascwds, rates=rates, districts=districts)
    except (IndicatorInputError, UnreadableFileError) as error:
        Console(stderr=True, soft_wrap=True).print(
            f"careforce: {error}", markup=False, highlight=False
        )
        raise typer.Exit(EXIT_UNUSABLE) from None
    console = Console()
    for path in write_pay_floors(table, out):
        console.print(f"  {path}")
