"""``careforce labour``: labour-market and skills supply measures from public files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from careforce.core.labour.postings import Window
from careforce.services.labour import LabourInputError, compute_labour

app = typer.Typer(help="Labour market and skills supply measures.", no_args_is_help=True)

EXIT_UNUSABLE = 2
"""Exit status when an input cannot be used."""


@app.command("compute")
def compute(
    out: Annotated[Path, typer.Option("--out", help="Directory for labour.csv and spreadsheets.")],
    postings: Annotated[
        Path | None, typer.Option("--postings", help="Job postings extract (posting-level CSV).")
    ] = None,
    postings_mapping: Annotated[
        Path | None,
        typer.Option(
            "--postings-mapping",
            help="Column-mapping CSV (column,source_column) for a vendor's own headers.",
        ),
    ] = None,
    nomis: Annotated[
        list[Path] | None,
        typer.Option(
            "--nomis",
            help="Nomis API CSV: NM_162_1, NM_189_1, NM_141_1/NM_142_1, NM_99_1 (repeatable).",
        ),
    ] = None,
    census: Annotated[
        list[Path] | None,
        typer.Option(
            "--census",
            help="Census 2021 Nomis bulk CSV: TS004, TS005, TS007(A), TS008, TS021 (repeatable).",
        ),
    ] = None,
    enrolments: Annotated[
        list[Path] | None,
        typer.Option(
            "--enrolments", help="DfE EES learning aim enrolments by subject (repeatable)."
        ),
    ] = None,
    apprenticeships: Annotated[
        list[Path] | None,
        typer.Option(
            "--apprenticeships", help="DfE EES apprenticeship starts by subject (repeatable)."
        ),
    ] = None,
    job_adverts: Annotated[
        list[Path] | None,
        typer.Option(
            "--job-adverts",
            help="ONS online job adverts workbook, labourdemandbyoccupation.xlsx (repeatable).",
        ),
    ] = None,
    area: Annotated[
        str, typer.Option("--area", help="ONS code of the area the postings extract covers.")
    ] = "",
    window: Annotated[
        str | None,
        typer.Option(
            "--window",
            help="Months of postings counted, e.g. 2021-09/2022-08 (default: the whole extract).",
        ),
    ] = None,
    base_year: Annotated[
        int | None,
        typer.Option(
            "--base-year",
            help="First calendar year of the academic year changes are measured from (2018 for 2018/19).",
        ),
    ] = None,
) -> None:
    """Compute the labour-market measures and write labour.csv, labour.ods and labour.xlsx."""
    console = Console()
    try:
        chosen = Window.parse(window) if window else None
        result = compute_labour(
            out=out,
            postings=postings,
            postings_mapping=postings_mapping,
            nomis=nomis or [],
            census=census or [],
            enrolments=enrolments or [],
            apprenticeships=apprenticeships or [],
            job_adverts=job_adverts or [],
            area_code=area,
            window=chosen,
            base_year=base_year,
        )
    except (LabourInputError, ValueError) as error:
        console.print(f"[red]Error:[/red] {error}")
        raise typer.Exit(EXIT_UNUSABLE) from None
    console.print(f"{result.table.height} rows of labour-market measures written to {out}")
    for path in result.files:
        console.print(f"  {path}")
