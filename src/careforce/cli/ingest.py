"""``careforce ingest``: validate and load source files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import polars as pl
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from careforce.services.ascwds import Area, IngestResult, UnusableInputError, ingest_ascwds

app = typer.Typer(
    help="Validate source files and turn them into canonical datasets.", no_args_is_help=True
)

EXIT_ERRORS = 1
"""Exit status when validation found errors."""
EXIT_UNUSABLE = 2
"""Exit status when an input cannot be used at all."""


def _reference_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD") from error


def _summary(console: Console, result: IngestResult, out: Path) -> None:
    files = Table(title="Files read", title_justify="left")
    for column in ("file", "name", "encoding", "rows", "errors", "warnings"):
        files.add_column(
            column, justify="right" if column in ("rows", "errors", "warnings") else "left"
        )
    for entry in result.manifest["inputs"]:
        files.add_row(
            entry["file"],
            entry["name"],
            entry["encoding"],
            str(entry["rows"]),
            str(entry["errors"]),
            str(entry["warnings"]),
        )
    console.print(files)
    if result.findings.height:
        codes = Table(title="Findings by code", title_justify="left")
        for column in ("severity", "code", "count", "message"):
            codes.add_column(column, justify="right" if column == "count" else "left")
        grouped = (
            result.findings.group_by("severity", "code", "message")
            .len()
            .sort(["severity", "len", "code"], descending=[False, True, False])
        )
        for severity, code, message, count in grouped.select(
            "severity", "code", "message", "len"
        ).iter_rows():
            style = "red" if severity == "error" else "yellow"
            codes.add_row(f"[{style}]{severity}[/]", code, str(count), message)
        console.print(codes)
    verdict = (
        f"[red]{result.errors} error(s)[/], {result.warnings} warning(s)"
        if result.errors
        else f"[green]no errors[/], {result.warnings} warning(s)"
    )
    console.print(f"Result: {verdict}. Findings and manifest written to {out}.")
    if result.datasets_written:
        counts = result.manifest["datasets"]
        console.print(
            f"Canonical datasets written: {counts['establishments']} establishments, "
            f"{counts['workers']} workers, {counts['training']} training records."
        )
    else:
        console.print("No datasets written: correct the errors, or use --skip-invalid-rows.")


@app.command("ascwds")
def ascwds(
    files: Annotated[
        list[Path], typer.Argument(help="The workplace, staff and (optional) training CSV files.")
    ],
    reference_date: Annotated[
        str,
        typer.Option(
            "--reference-date", help="Snapshot date, YYYY-MM-DD (ages are measured at it)."
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Directory for findings, manifest and datasets.")
    ],
    skip_invalid_rows: Annotated[
        bool,
        typer.Option(
            "--skip-invalid-rows",
            help="Write datasets of the valid rows even when some rows have errors.",
        ),
    ] = False,
    area_code: Annotated[
        str | None,
        typer.Option(
            "--area-code", help="ONS code of the council area the files belong to, e.g. E10000028."
        ),
    ] = None,
    area_name: Annotated[
        str | None,
        typer.Option("--area-name", help="Name of the council area, e.g. Staffordshire."),
    ] = None,
) -> None:
    """Validate an ASC-WDS bulk-upload file set and write pseudonymised canonical datasets.

    Exit status: 0 no errors, 1 errors found, 2 an input cannot be used at all.
    """
    when = _reference_date(reference_date)
    console = Console(stderr=False)
    error_console = Console(stderr=True, soft_wrap=True)
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=error_console,
            transient=True,
        ) as bar:
            task = bar.add_task("Starting", total=4)

            def report(step: str, done: int, total: int) -> None:
                bar.update(task, description=step, completed=done, total=total)

            result = ingest_ascwds(
                files,
                reference_date=when,
                out=out,
                skip_invalid_rows=skip_invalid_rows,
                area=Area(code=area_code, name=area_name),
                progress=report,
            )
    except UnusableInputError as error:
        error_console.print(
            f"careforce: cannot use {error.path}: {error.reason}", markup=False, highlight=False
        )
        raise typer.Exit(EXIT_UNUSABLE) from None
    _summary(console, result, out)
    if result.errors:
        raise typer.Exit(EXIT_ERRORS)


__all__ = ["app", "pl"]
