"""``careforce publish``: the annual publications, from the results the other commands wrote."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Final

import typer
from rich.console import Console

from careforce.io.appendix_files import AppendixInputError
from careforce.io.config_files import ConfigurationFileError
from careforce.services.appendix import publish_appendix

app = typer.Typer(help="Annual publications: the data appendix.", no_args_is_help=True)

EXIT_UNUSABLE = 2
"""Exit status when an input cannot be used."""
PERIOD: Final = re.compile(r"^[0-9]{4}(/[0-9]{2})?$")
"""An appendix period: a financial year such as 2021/22, or a calendar year."""


def _paths(*groups: list[Path] | None) -> list[Path]:
    return [path for group in groups for path in group or []]


@app.command("appendix")
def appendix(
    period: Annotated[str, typer.Option("--period", help="Period of the appendix, e.g. 2021/22.")],
    out: Annotated[
        Path, typer.Option("--out", help="Folder for appendix.html, .pdf, .ods, .xlsx.")
    ],
    indicators: Annotated[
        list[Path] | None,
        typer.Option("--indicators", help="indicators.csv or its folder (repeatable)."),
    ] = None,
    estimates: Annotated[
        list[Path] | None,
        typer.Option("--estimates", help="estimates.csv or its folder (repeatable)."),
    ] = None,
    labour: Annotated[
        list[Path] | None, typer.Option("--labour", help="labour.csv or its folder (repeatable).")
    ] = None,
    survey: Annotated[
        list[Path] | None,
        typer.Option(
            "--survey", help="survey_measures.csv or a survey round's folder (repeatable)."
        ),
    ] = None,
    projections: Annotated[
        list[Path] | None,
        typer.Option(
            "--projections",
            help="Folder written by careforce projections report (repeatable).",
        ),
    ] = None,
    population: Annotated[
        list[Path] | None,
        typer.Option(
            "--population",
            help="Population file (long layout, ONS SNPP or MYEB1; CSV or XLSX) (repeatable).",
        ),
    ] = None,
    area: Annotated[
        str | None, typer.Option("--area", help="ONS code of the area (default: the files').")
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            help="Template (YAML) or a shipped name (default staffordshire-appendix).",
        ),
    ] = None,
    no_pdf: Annotated[bool, typer.Option("--no-pdf", help="Skip the PDF (faster).")] = False,
) -> None:
    """Publish the annual data appendix: HTML, tagged PDF, ODS and XLSX."""
    console = Console()
    if not PERIOD.match(period):
        console.print(f"[red]Error:[/red] --period must be such as 2021/22 or 2022, not {period!r}")
        raise typer.Exit(EXIT_UNUSABLE)
    try:
        result = publish_appendix(
            period=period,
            out=out,
            measures=_paths(indicators, estimates, labour, survey),
            projections=projections or [],
            area_code=area,
            template=template,
            pdf=not no_pdf,
            population=population or [],
        )
    except ConfigurationFileError as error:
        for line in error.lines:
            console.print(f"[red]Error:[/red] {line}", highlight=False)
        raise typer.Exit(EXIT_UNUSABLE) from None
    except AppendixInputError as error:
        console.print(f"[red]Error:[/red] {error}", highlight=False)
        raise typer.Exit(EXIT_UNUSABLE) from None
    built = result.appendix
    console.print(
        f"Data appendix of {built.area_name} ({built.area_code}), {built.period}: "
        f"{len(built.sections)} sections, {len(built.tables)} tables, from {len(result.inputs)} inputs.",
        highlight=False,
    )
    for gap in built.missing:
        what = "no figures" if gap.all_missing else "some figures missing"
        console.print(
            f"  Section {gap.heading!r}: {what} ({', '.join(gap.measures)})", highlight=False
        )
    for path in result.written:
        console.print(f"  {path}", highlight=False)
