"""``careforce survey``: analyse a round of the annual workforce survey and import survey
tools' exports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from careforce.core.survey.responses import Finding
from careforce.services.survey import (
    DEFAULT_AREA,
    RoundImport,
    SurveyInputError,
    analyse_survey,
    finding_line,
    import_round,
    write_baseline,
)
from careforce.web.backend.service import ServiceOptions, check_and_migrate, configure

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
    round_name: Annotated[str, typer.Option("--round", help="Survey round, e.g. 2023.")],
    into: Annotated[
        Path | None,
        typer.Option("--into", help="Responses folder holding every round imported."),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="The web service's data folder: import into its database instead.",
        ),
    ] = None,
    mapping: Mapping = None,
) -> None:
    """Import an export into a round, all or nothing; a file imported before is recognised."""
    if (into is None) == (data_dir is None):
        Console(stderr=True).print("careforce: give either --into or --data-dir", markup=False)
        raise typer.Exit(EXIT_UNUSABLE)
    result: _Imported | RoundImport
    try:
        if data_dir is not None:
            result = _import_into_web(questionnaire, responses, round_name, data_dir, mapping)
        else:
            assert into is not None
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
    where = result.where
    if result.already_imported:
        console.print(f"{responses} was imported into {where} before: nothing changed.")
        return
    console.print(
        f"{result.added} responses added to {where}"
        + (f" ({result.repeated} already there)" if result.repeated else "")
    )


@dataclass(frozen=True)
class _Imported:
    where: str
    added: int
    repeated: int
    already_imported: bool
    findings: list[Finding]


def _import_into_web(
    questionnaire: str, responses: Path, round_name: str, data_dir: Path, mapping: Path | None
) -> _Imported:
    configure(ServiceOptions(data_dir, jobs="manual"))
    check_and_migrate()
    # Imported once Django is set up: the back end imports the data model.
    from careforce.web.backend.survey import import_export_into_round  # noqa: PLC0415

    done = import_export_into_round(
        questionnaire_name=questionnaire,
        round_name=round_name,
        responses=responses,
        mapping=mapping,
    )
    return _Imported(
        f"the {done.survey_round} round of the web service",
        done.added,
        done.repeated,
        done.already_imported,
        done.findings,
    )


@app.command("baseline")
def baseline(
    out: Annotated[Path, typer.Option("--out", help="Directory for the baseline round.")],
) -> None:
    """Write the 2022 baseline round: survey_measures.csv and survey_answers.csv."""
    console = Console()
    for path in write_baseline(out):
        console.print(f"  {path}")
