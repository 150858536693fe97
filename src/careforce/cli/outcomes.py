"""``careforce outcomes``: the outcomes framework scorecard, the action plan and the annual
progress report."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import polars as pl
import typer
from rich.console import Console
from rich.table import Table

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.presentation import format_change, format_value
from careforce.core.outcomes.report import comparator_cell, latest_period
from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import Base
from careforce.services.outcomes import (
    OutcomesInputError,
    action_progress_file,
    evaluate_files,
    schema_text,
    write_actions,
    write_progress_report,
    write_schema_file,
    write_scorecard,
)
from careforce.services.training_needs import (
    TrainingNeedsInputError,
    training_needs_file,
    write_training_needs,
)

app = typer.Typer(
    help="Outcomes framework: scorecard, action plan tracking and the annual progress report.",
    no_args_is_help=True,
)

EXIT_UNUSABLE = 2
"""Exit status when an input cannot be used (bad framework, plan or indicator results)."""

FRAMEWORK_HELP = (
    "Framework (YAML), or the name of a shipped one; default the Staffordshire framework."
)
PLAN_HELP = "Action plan (YAML), or the name of a shipped one; default the Staffordshire plan."
AS_OF_HELP = "Date the action flags are computed for, YYYY-MM-DD (default today)."
AREA_HELP = "Area code to evaluate, when the indicator results hold several."
INDICATORS_HELP = "Folder with indicators.csv or indicators.parquet (or the file)."
SURVEY_HELP = "survey_measures.csv of a survey round (careforce survey analyse); repeatable."
LABOUR_HELP = (
    "Folder with labour.csv (careforce labour compute), or the file: its skills in demand "
    "weigh the priority training needs."
)
RETURNED_ONLY_HELP = (
    "Use the returns alone, not the whole-sector estimates the indicator results hold "
    "(the default where they hold them)."
)
ReturnedOnly = Annotated[bool, typer.Option("--returned-only", help=RETURNED_ONLY_HELP)]


class SchemaName(StrEnum):
    """The JSON Schemas of the outcomes files."""

    FRAMEWORK = "framework"
    ACTION_PLAN = "action-plan"


def _fail(lines: list[str]) -> NoReturn:
    console = Console(stderr=True, soft_wrap=True)
    for line in lines:
        console.print(f"careforce: {line}", markup=False, highlight=False)
    raise typer.Exit(EXIT_UNUSABLE)


def _as_of(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _fail([f"--as-of must be a date written YYYY-MM-DD, not {text!r}"])


def _written(console: Console, paths: list[Path], out: Path) -> None:
    console.print(f"Wrote {len(paths)} files to {out}:", highlight=False)
    for path in paths:
        console.print(f"  {path.relative_to(out)}", highlight=False)


def _judged(change: float | None, unit: str | None, direction: str) -> str:
    return direction if change is None else f"{format_change(change, unit)}, {direction}"


def _warn(warnings: list[str]) -> None:
    console = Console(stderr=True, soft_wrap=True)
    for warning in warnings:
        console.print(f"careforce: warning: {warning}", markup=False, highlight=False)


@app.command("evaluate")
def evaluate(
    indicators: Annotated[Path, typer.Option("--indicators", help=INDICATORS_HELP)],
    out: Annotated[Path, typer.Option("--out", help="Folder for the scorecard files.")],
    framework: Annotated[str | None, typer.Option("--framework", help=FRAMEWORK_HELP)] = None,
    area: Annotated[str | None, typer.Option("--area", help=AREA_HELP)] = None,
    survey: Annotated[list[Path] | None, typer.Option("--survey", help=SURVEY_HELP)] = None,
    returned_only: ReturnedOnly = False,
) -> None:
    """Evaluate the outcomes framework against indicator results: write the scorecard.

    Writes scorecard.csv, scorecard.ods, scorecard.xlsx and scorecard_manifest.json, and prints
    the latest period's scorecard. Measures with a whole-sector estimate in the results use it
    unless --returned-only; every row says which. Exit status: 0 success, 2 an input cannot be
    used.
    """
    try:
        evaluation = evaluate_files(
            indicators=indicators,
            framework=framework,
            area=area,
            survey=survey or [],
            base=Base.RETURNED if returned_only else Base.ESTIMATED,
        )
    except OutcomesInputError as error:
        _fail(error.lines)
    _warn(evaluation.warnings)
    written = write_scorecard(evaluation, out)
    console = Console(markup=False)  # values such as [x] are symbols, not markup
    period = latest_period(evaluation.scorecard)
    table = Table(title=f"{evaluation.framework.name}: {period or 'no data'}", title_justify="left")
    headings = (
        "Measure",
        "Data",
        "Base",
        "Value",
        "Since baseline",
        "Since previous",
        "Comparator",
    )
    for heading in headings:
        table.add_column(heading, overflow="fold")
    latest = evaluation.scorecard.filter(pl.col(pub.PERIOD) == period) if period else None
    for row in latest.iter_rows(named=True) if latest is not None else []:
        table.add_row(
            row[c.MEASURE_CODE],
            row[c.SOURCE_LABEL] or c.SourceStatus.NO_DATA_SOURCE.value,
            row[c.BASE] or "",
            format_value(row[pub.VALUE], row[pub.UNIT], symbol=row[pub.SYMBOL]),
            _judged(row[c.CHANGE_SINCE_BASELINE], row[pub.UNIT], row[c.DIRECTION]),
            _judged(row[c.CHANGE_SINCE_LAST], row[pub.UNIT], row[c.DIRECTION_SINCE_LAST]),
            comparator_cell(row),
        )
    console.print(table)
    console.print(evaluation.base_note(), highlight=False)
    _written(console, written, out)


@app.command("actions")
def actions(
    plan: Annotated[str | None, typer.Option("--plan", help=PLAN_HELP)] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=AS_OF_HELP)] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Also write the action tables here.")
    ] = None,
) -> None:
    """List the action plan's detailed actions with status, next milestone and flags.

    An action is overdue when a milestone is past its due date and not complete, and stale when
    it has had no update for six months (the plan may say otherwise). Exit status: 0 success,
    2 the plan cannot be used.
    """
    date = _as_of(as_of)
    try:
        progress = action_progress_file(plan, as_of=date)
    except OutcomesInputError as error:
        _fail(error.lines)
    console = Console(markup=False)
    table = Table(title=f"{progress.plan.name}, as at {date.isoformat()}", title_justify="left")
    for heading in ("Action", "Status", "Lead partners", "Next milestone", "Last update", "Flags"):
        table.add_column(heading, overflow="fold")
    for row in progress.flags.iter_rows(named=True):
        flags = [word for word in (c.OVERDUE, c.STALE) if row[word]]
        table.add_row(
            f"{row[c.CODE]} {row[c.TITLE]}",
            row[c.STATUS],
            row[c.LEAD_PARTNERS] or "not yet agreed",
            f"{row[c.NEXT_MILESTONE]} ({row[c.NEXT_DUE]})" if row[c.NEXT_MILESTONE] else "",
            str(row[c.LAST_UPDATE] or "never"),
            ", ".join(flags),
        )
    console.print(table)
    overdue = int(progress.flags.get_column(c.OVERDUE).sum())
    stale = int(progress.flags.get_column(c.STALE).sum())
    console.print(
        f"{progress.flags.height} detailed actions: {overdue} overdue, {stale} stale.",
        highlight=False,
    )
    if out is not None:
        _written(console, write_actions(progress, out), out)


@app.command("report")
def report(
    indicators: Annotated[Path, typer.Option("--indicators", help=INDICATORS_HELP)],
    out: Annotated[Path, typer.Option("--out", help="Folder for the report and its tables.")],
    framework: Annotated[str | None, typer.Option("--framework", help=FRAMEWORK_HELP)] = None,
    plan: Annotated[str | None, typer.Option("--plan", help=PLAN_HELP)] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=AS_OF_HELP)] = None,
    area: Annotated[str | None, typer.Option("--area", help=AREA_HELP)] = None,
    survey: Annotated[list[Path] | None, typer.Option("--survey", help=SURVEY_HELP)] = None,
    labour: Annotated[Path | None, typer.Option("--labour", help=LABOUR_HELP)] = None,
    returned_only: ReturnedOnly = False,
) -> None:
    """Write the annual progress report for the partnership board (HTML and PDF).

    Also writes each chart (SVG with its data as CSV), the scorecard and the action tables.
    Exit status: 0 success, 2 an input cannot be used.
    """
    date = _as_of(as_of)
    try:
        result = write_progress_report(
            indicators=indicators,
            out=out,
            framework=framework,
            plan=plan,
            as_of=date,
            area=area,
            survey=survey or [],
            labour=labour,
            base=Base.RETURNED if returned_only else Base.ESTIMATED,
        )
    except OutcomesInputError as error:
        _fail(error.lines)
    _warn(result.evaluation.warnings)
    console = Console()
    console.print(result.report.title, style="bold", highlight=False)
    console.print(result.evaluation.base_note(), highlight=False)
    _written(console, result.files, out)


@app.command("training-needs")
def training_needs(
    indicators: Annotated[Path, typer.Option("--indicators", help=INDICATORS_HELP)],
    out: Annotated[Path, typer.Option("--out", help="Folder for the priority list.")],
    period: Annotated[
        str | None, typer.Option("--period", help="Period to rank, e.g. 2021/22 (default latest).")
    ] = None,
    labour: Annotated[Path | None, typer.Option("--labour", help=LABOUR_HELP)] = None,
    survey: Annotated[list[Path] | None, typer.Option("--survey", help=SURVEY_HELP)] = None,
) -> None:
    """Rank the priority training needs (action 1.3) from published measures, the skills job
    postings ask for and the survey's training items.

    Writes training-needs.csv, .ods and .xlsx and prints the list. Exit status: 0 success, 2
    an input cannot be used.
    """
    try:
        needs = training_needs_file(indicators, period=period, labour=labour, survey=survey or [])
    except TrainingNeedsInputError as error:
        _fail([str(error)])
    written = write_training_needs(needs, out)
    console = Console(markup=False)
    table = Table(title="Priority training needs", title_justify="left")
    for heading in ("Rank", "Area", "Need", "Evidence"):
        table.add_column(heading, overflow="fold")
    for row in needs.iter_rows(named=True):
        table.add_row(str(row["rank"]), row[pub.AREA_CODE], row["need"], row["evidence"])
    console.print(table)
    _written(console, written, out)


@app.command("schema")
def schema(
    name: Annotated[SchemaName, typer.Argument(help="framework or action-plan.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the schema here instead of printing it.")
    ] = None,
) -> None:
    """Print (or write) the JSON Schema that framework or action-plan files are checked against."""
    if out is None:
        typer.echo(schema_text(name.value), nl=False)
        return
    write_schema_file(name.value, out)
    typer.echo(f"Wrote {out}")
