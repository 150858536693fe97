"""``careforce estimates``: whole-sector workforce estimates from the CQC register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from careforce.core.estimates.carrying import RETURN_WINDOW_DAYS
from careforce.io.csv_text import UnreadableFileError
from careforce.services.estimates import EstimatesInputError, compute_estimates

app = typer.Typer(help="Estimate the whole sector from the CQC register.", no_args_is_help=True)

EXIT_UNUSABLE = 2
"""Exit status when an input cannot be used."""


def _share(value: object) -> str:
    return f"{value:.1%}" if isinstance(value, float) else "not known"


def _people(summary: Mapping[str, object]) -> str:
    """The estimated people, their interval when known, and the returns' posts per person."""
    people = summary.get("headcount_estimate")
    if not isinstance(people, float | int):
        return "not known (the returns hold no staff records)"
    text = f"{people:,.0f} estimated"
    low, high = summary.get("headcount_lower"), summary.get("headcount_upper")
    if isinstance(low, float | int) and isinstance(high, float | int):
        text += f" (95% interval {low:,.0f} to {high:,.0f})"
    ratio, seen = summary.get("posts_per_person"), summary.get("posts_per_person_returned")
    if isinstance(ratio, float | int) and isinstance(seen, float | int):
        text += f", {ratio:.2f} posts per person ({seen:.2f} in the returns alone)"
    return text


@app.command("compute")
def compute(
    register: Annotated[
        Path,
        typer.Option(
            "--register",
            help="CQC 'Care directory with filters' (…HSCA_Active_Locations.ods, .xlsx or CSV).",
        ),
    ],
    ascwds: Annotated[
        list[Path],
        typer.Option(
            "--ascwds", help="An output directory of `careforce ingest ascwds` (repeatable)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Directory for the estimates.")],
    area: Annotated[
        str | None, typer.Option("--area", help="ONS code of the one area to estimate.")
    ] = None,
    reference_date: Annotated[
        dt.datetime | None,
        typer.Option(
            "--reference-date",
            formats=["%Y-%m-%d"],
            help="Date estimated (default: the latest reference date of the returns).",
        ),
    ] = None,
    window_days: Annotated[
        int,
        typer.Option(
            "--window-days", min=0, help="How far from the reference date a return is carried."
        ),
    ] = RETURN_WINDOW_DAYS,
    calibrate: Annotated[
        Path | None,
        typer.Option(
            "--calibrate",
            help="Published totals to rake the modelled locations to (CSV: area_code, "
            "filled_posts, optional breakdown and breakdown_value).",
        ),
    ] = None,
    unsuppressed: Annotated[
        bool,
        typer.Option(
            "--unsuppressed",
            help="Write estimates without disclosure control (not for publication).",
        ),
    ] = False,
) -> None:
    """Estimate filled posts and vacancies of every in-scope registered location."""
    console = Console()
    try:
        result = compute_estimates(
            register,
            ascwds,
            out=out,
            area=area,
            reference_date=reference_date.date() if reference_date else None,
            window_days=window_days,
            unsuppressed=unsuppressed,
            calibration=calibrate,
        )
    except (EstimatesInputError, UnreadableFileError) as error:
        Console(stderr=True, soft_wrap=True).print(
            f"careforce: {error}", markup=False, highlight=False
        )
        raise typer.Exit(EXIT_UNUSABLE) from None
    summary = result.summary
    console.print(f"Estimates for {result.reference_date:%d %B %Y}:", highlight=False)
    console.print(
        f"  {summary['in_scope_locations']} in-scope locations: "
        f"{summary['locations_returned']} returned, {summary['locations_carried_forward']} carried "
        f"forward, {summary['locations_interpolated']} interpolated, "
        f"{summary['locations_modelled']} modelled",
        highlight=False,
    )
    console.print(
        f"  filled posts: {summary['filled_posts_estimate']:,.0f} estimated, "
        f"{summary['filled_posts_returned']:,.0f} in returns",
        highlight=False,
    )
    console.print(f"  people (headcount): {_people(summary)}", highlight=False)
    console.print(
        f"  coverage: {_share(summary['coverage_locations_share'])} of locations, "
        f"{_share(summary['coverage_posts_share'])} of estimated filled posts",
        highlight=False,
    )
    for warning in result.warnings:
        console.print(f"[bold]Warning:[/] {warning}", highlight=False)
    for note in result.notes:
        console.print(f"Note: {note}", highlight=False)
    console.print(f"Written to {out}:")
    for path in result.files:
        console.print(f"  {path}", highlight=False)
