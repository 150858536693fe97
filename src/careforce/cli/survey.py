"""``careforce survey``: analyse a round of the annual workforce survey and import survey
tools' exports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from careforce.services.survey import (
    DEFAULT_AREA,
    SurveyInputError,
    analyse_survey,
    finding_line,
    import_round,
    write_baseline,
)

app = typer.Typer(help="Run the annual workforce survey.", no_args_is_help=True)

EXIT_UNUSABLE = 2
"""Exit status when an input cannot be used."""

Questionnaire = Annotated[
    str,
    typer.Option(
        "--questionnaire", help="Questionnaire file, or a shipped one: staff, organisations."
    ),
]
Responses = Annotated[Path, typer.Option("--responses", help="Export of responses (CSV or XLSX).")]
Mapping = Annotated[
    Path | None,
    typer.Option("--mapping", help="Mapping file: the export's layout, columns and answers."),
]
Round = Annotated[
    str | None, typer.Option("--round", help="Survey round, e.g. 2023 (default this year).")
]


def _refuse(error: SurveyInputError) -> typer.Exit:
    console = Console(stderr=True, soft_wrap=True)
    for line in error.lines:
        console.print(f"careforce: {line}", markup=False, highlight=False)
    return typer.Exit(EXIT_UNUSABLE)


@app.command("analyse")
def analyse(
    questionnaire: Questionnaire,
    responses: Responses,
    out: Annotated[Path, typer.Option("--out", help="Directory for the measures and report.")],
    mapping: Mapping = None,
    weights: Annotated[
        Path | None,
        typer.Option(
            "--weights",
            help="Measures folder (indicators.csv) to weight to: filled posts by role group "
            "and sector.",
        ),
    ] = None,
    round_name: Round = None,
    area_code: Annotated[str, typer.Option("--area-code", help="ONS code of the area.")] = (
        DEFAULT_AREA[0]
    ),
    area_name: Annotated[str, typer.Option("--area-name", help="Name of the area.")] = (
        DEFAULT_AREA[1]
    ),
) -> None:
    """Analyse a round: survey_measures.csv, survey_report.html and survey_findings.csv."""
    try:
        result = analyse_survey(
            questionnaire=questionnaire,
            responses=responses,
            out=out,
            round_name=round_name,
            mapping=mapping,
            weights=weights,
            area=(area_code, area_name),
        )
    except SurveyInputError as error:
        raise _refuse(error) from None
    console = Console()
    warnings = len(result.findings)
    console.print(
        f"{result.report.respondents} responses analysed ({warnings} warning(s)); written:"
    )
    for path in result.files:
        console.print(f"  {path}")


@app.command("import")
def import_(
    questionnaire: Questionnaire,
    responses: Responses,
    into: Annotated[
        Path, typer.Option("--into", help="Responses folder holding every round imported.")
    ],
    round_name: Annotated[str, typer.Option("--round", help="Survey round, e.g. 2023.")],
    mapping: Mapping = None,
) -> None:
    """Import an export into a round, all or nothing; a file imported before is recognised."""
    try:
        result = import_round(
            questionnaire=questionnaire,
            responses=responses,
            into=into,
            round_name=round_name,
            mapping=mapping,
        )
    except SurveyInputError as error:
        raise _refuse(error) from None
    console = Console(soft_wrap=True)
    for finding in result.findings:
        console.print(finding_line(finding, file=str(responses)), markup=False, highlight=False)
    if result.already_imported:
        console.print(f"{responses} was imported into {result.folder} before: nothing changed.")
        return
    console.print(
        f"{result.added} responses added to {result.folder}"
        + (f" ({result.repeated} already there)" if result.repeated else "")
    )


@app.command("baseline")
def baseline(
    out: Annotated[Path, typer.Option("--out", help="Directory for the baseline round.")],
) -> None:
    """Write the 2022 baseline round: survey_measures.csv and survey_answers.csv."""
    console = Console()
    for path in write_baseline(out):
        console.print(f"  {path}")
