"""Use cases of the annual workforce survey: read a survey tool's export, analyse a round into
the survey measures and report, and keep imported rounds in a responses folder that recognises
a file imported before."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.publishing.survey import published_survey_measures
from careforce.core.survey.columns import RESPONSE_ID
from careforce.core.survey.mapping import ExportMapping, export_layout
from careforce.core.survey.measures import measure_shares
from careforce.core.survey.questionnaire import Questionnaire
from careforce.core.survey.report import SurveyReport, survey_report
from careforce.core.survey.responses import Finding, Imported, read_responses
from careforce.core.survey.weighting import RakingError, Weighting, rake, workforce_margins
from careforce.io.csv_text import write_csv
from careforce.io.indicator_results import IndicatorResultsError, read_indicator_results
from careforce.io.parquet_files import read_parquet, write_parquet
from careforce.io.reports import render_pdf
from careforce.io.survey_exports import ExportFileError, read_export, read_mapping_file
from careforce.io.survey_files import (
    copy_shipped_baseline,
    read_codebook,
    read_questionnaire_file,
    shipped_redactor,
)
from careforce.io.survey_report import measures_svg, render_survey_report, write_survey_report
from careforce.io.text_files import read_text, write_json
from careforce.synthetic.survey_responses import (
    ORGANISATION_ROUNDS,
    STAFF_ROUNDS,
    organisation_responses,
    staff_responses,
)

MEASURES_FILE: Final = "survey_measures.csv"
"""The round's survey measures, in the published table's shape."""
REPORT_FILE: Final = "survey_report.html"
"""The round's report."""
ANSWERS_FILE: Final = "survey_answers.csv"
"""Counts of answers of an aggregate round (the 2022 baseline)."""
FINDINGS_FILE: Final = "survey_findings.csv"
"""What reading the export found."""
DEFAULT_AREA: Final = ("E10000028", "Staffordshire")
"""The area of the shipped questionnaires and framework (ONS code and name)."""


class SurveyInputError(ValueError):
    """A survey input cannot be used; holds one line per problem."""

    def __init__(self, lines: list[str]) -> None:
        """Keep the lines; the message is all of them."""
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class ImportedExport:
    """An export read against its questionnaire."""

    questionnaire: Questionnaire
    imported: Imported
    sha256: str


@dataclass(frozen=True)
class AnalysisResult:
    """What ``careforce survey analyse`` wrote."""

    measures: pl.DataFrame
    report: SurveyReport
    findings: list[Finding]
    files: list[Path]


def findings_frame(findings: list[Finding], *, file: str) -> pl.DataFrame:
    """Findings as a table: file, line, column, value, code, severity, message."""
    return pl.DataFrame(
        {
            "file": [file] * len(findings),
            "line": [f.line for f in findings],
            "column": [f.column for f in findings],
            "value": [f.value for f in findings],
            "code": [f.code for f in findings],
            "severity": [f.severity for f in findings],
            "message": [f.message for f in findings],
        },
        schema={
            "file": pl.String,
            "line": pl.Int64,
            "column": pl.String,
            "value": pl.String,
            "code": pl.String,
            "severity": pl.String,
            "message": pl.String,
        },
    )


def finding_line(finding: Finding, *, file: str) -> str:
    """A finding as one line: ``FILE, line N, column C: message (value 'V')``."""
    value = f" (value {finding.value!r})" if finding.value else ""
    return f"{file}, line {finding.line}, column {finding.column!r}: {finding.message}{value}"


def import_export(
    *, questionnaire: str | Path, responses: Path, mapping: Path | None, round_name: str
) -> ImportedExport:
    """Read an export against a questionnaire.

    Raises:
        SurveyInputError: the questionnaire, mapping or export cannot be read.
    """
    try:
        loaded = read_questionnaire_file(questionnaire).questionnaire
        layout_file = read_mapping_file(mapping) if mapping else ExportMapping()
        table = read_export(responses, layout=layout_file.layout)
    except ExportFileError as error:
        raise SurveyInputError([str(error)]) from None
    except ValueError as error:  # ConfigurationFileError
        raise SurveyInputError(getattr(error, "lines", [str(error)])) from None
    layout, column_findings = export_layout(table.headers, loaded, layout_file)
    imported = read_responses(
        table.frame, loaded, layout=layout, redactor=shipped_redactor(), round_name=round_name
    )
    findings = column_findings + imported.findings
    return ImportedExport(loaded, Imported(imported.responses, findings), table.sha256)


def _weighting(responses: pl.DataFrame, weights: Path) -> Weighting:
    try:
        published, _ = read_indicator_results(weights)
        return rake(responses, workforce_margins(published))
    except (IndicatorResultsError, RakingError) as error:
        raise SurveyInputError([f"{weights}: cannot weight: {error}"]) from None


@dataclass(frozen=True)
class RoundResults:
    """A round's measures (published rows) and report content."""

    measures: pl.DataFrame
    report: SurveyReport


def round_results(
    responses: pl.DataFrame,
    questionnaire: Questionnaire,
    *,
    round_name: str,
    area: tuple[str, str] = DEFAULT_AREA,
    weights: Path | None = None,
) -> RoundResults:
    """A round's survey measures and report content from its typed responses.

    Raises:
        SurveyInputError: the weights cannot be used.
    """
    weighting = _weighting(responses, weights) if weights is not None else None
    frame = weighting.weights if weighting is not None else responses
    weight = "weight" if weighting is not None else None
    shares = measure_shares(frame.lazy(), questionnaire, weight=weight)
    measures = published_survey_measures(
        shares, period=round_name, area_code=area[0], area_name=area[1]
    ).collect()
    report = survey_report(
        frame.lazy(),
        questionnaire,
        measures=measures,
        round_name=round_name,
        codebook=read_codebook(),
        weighting=weighting,
    )
    return RoundResults(measures, report)


def measures_chart_svg(report: SurveyReport) -> str:
    """A round's headline measures chart as accessible SVG text."""
    return measures_svg(report)


def report_html(results: RoundResults) -> str:
    """A round's report as one self-contained HTML page."""
    return render_survey_report(results.report)


def report_pdf(results: RoundResults) -> bytes:
    """A round's report printed to PDF (A4)."""
    return render_pdf(render_survey_report(results.report), base=Path.cwd())


def analyse_responses(
    responses: pl.DataFrame,
    questionnaire: Questionnaire,
    *,
    out: Path,
    round_name: str,
    area: tuple[str, str] = DEFAULT_AREA,
    weights: Path | None = None,
    findings: list[Finding] | None = None,
    source: str = "",
) -> AnalysisResult:
    """Analyse typed responses into the measures, the report and the findings files."""
    results = round_results(
        responses, questionnaire, round_name=round_name, area=area, weights=weights
    )
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / MEASURES_FILE, results.measures)
    files = [out / MEASURES_FILE, write_survey_report(out / REPORT_FILE, results.report)]
    if findings is not None:
        write_csv(out / FINDINGS_FILE, findings_frame(findings, file=source))
        files.append(out / FINDINGS_FILE)
    return AnalysisResult(results.measures, results.report, findings or [], files)


def analyse_survey(
    *,
    questionnaire: str | Path,
    responses: Path,
    out: Path,
    round_name: str | None = None,
    mapping: Path | None = None,
    weights: Path | None = None,
    area: tuple[str, str] = DEFAULT_AREA,
) -> AnalysisResult:
    """Read an export, analyse it and write ``survey_measures.csv``, ``survey_report.html`` and
    ``survey_findings.csv`` under ``out``.

    Raises:
        SurveyInputError: an input cannot be used, or the export has errors (each named by
            line and column; the findings file is written first).
    """
    name = round_name or str(dt.date.today().year)
    read = import_export(
        questionnaire=questionnaire, responses=responses, mapping=mapping, round_name=name
    )
    errors = read.imported.errors
    if errors:
        out.mkdir(parents=True, exist_ok=True)
        write_csv(out / FINDINGS_FILE, findings_frame(read.imported.findings, file=str(responses)))
        raise SurveyInputError([finding_line(f, file=str(responses)) for f in errors])
    return analyse_responses(
        read.imported.responses,
        read.questionnaire,
        out=out,
        round_name=name,
        area=area,
        weights=weights,
        findings=read.imported.findings,
        source=str(responses),
    )


ROUND_RESPONSES: Final = "responses.parquet"
"""A stored round's responses."""
ROUND_IMPORTS: Final = "imports.json"
"""A stored round's record of the files imported into it (SHA-256, name, time, rows)."""


@dataclass(frozen=True)
class RoundImport:
    """What ``careforce survey import`` did.

    Attributes:
        folder: the round's folder.
        added: responses added.
        already_imported: the same file (by SHA-256) was imported before; nothing changed.
        repeated: responses of the file already in the round (by response id), not added again.
        findings: what reading the export found.
    """

    folder: Path
    added: int
    already_imported: bool
    repeated: int
    findings: list[Finding]

    @property
    def where(self) -> str:
        """Where the responses went, as messages say it."""
        return str(self.folder)


def round_folder(store: Path, questionnaire_id: str, round_name: str) -> Path:
    """Where a round of a questionnaire is kept in a responses folder."""
    return store / questionnaire_id / round_name


def import_round(
    *,
    questionnaire: str | Path,
    responses: Path,
    into: Path,
    round_name: str,
    mapping: Path | None = None,
) -> RoundImport:
    """Import an export into a round of a responses folder, all or nothing.

    A file imported before (same SHA-256) is recognised and changes nothing; responses already
    in the round (same response id) are not added twice.

    Raises:
        SurveyInputError: an input cannot be used or the export has errors (each named by
            line and column); nothing is written.
    """
    read = import_export(
        questionnaire=questionnaire, responses=responses, mapping=mapping, round_name=round_name
    )
    folder = round_folder(into, read.questionnaire.id, round_name)
    record_path = folder / ROUND_IMPORTS
    record: list[dict[str, object]] = (
        json.loads(read_text(record_path)) if record_path.is_file() else []
    )
    if any(entry.get("sha256") == read.sha256 for entry in record):
        return RoundImport(folder, 0, True, 0, read.imported.findings)
    errors = read.imported.errors
    if errors:
        raise SurveyInputError([finding_line(f, file=str(responses)) for f in errors])
    existing = (
        read_parquet(folder / ROUND_RESPONSES)
        if (folder / ROUND_RESPONSES).is_file()
        else read.imported.responses.clear()
    )
    known = set(existing.get_column(RESPONSE_ID).to_list())
    new = read.imported.responses.filter(~pl.col(RESPONSE_ID).is_in(list(known)))
    repeated = read.imported.responses.height - new.height
    combined = pl.concat([existing, new], how="diagonal_relaxed")
    folder.mkdir(parents=True, exist_ok=True)
    write_parquet(folder / ROUND_RESPONSES, combined)
    record.append(
        {
            "sha256": read.sha256,
            "file": responses.name,
            "imported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "rows": read.imported.responses.height,
            "added": new.height,
        }
    )
    write_json(record_path, record)
    return RoundImport(folder, new.height, False, repeated, read.imported.findings)


def write_demo_exports(folder: Path, *, seed: int) -> list[tuple[str, str, Path]]:
    """Generate the demo survey rounds as careforce-layout exports in ``folder``.

    Returns:
        (questionnaire, round, export) of every round, oldest first.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rounds: list[tuple[str, str, list[dict[str, str]]]] = [
        *(("staff", spec.name, staff_responses(spec, seed=seed)) for spec in STAFF_ROUNDS),
        *(
            ("organisations", spec.name, organisation_responses(spec, seed=seed))
            for spec in ORGANISATION_ROUNDS
        ),
    ]
    written = []
    for questionnaire, name, rows in sorted(rounds, key=lambda r: (r[1], r[0])):
        export = folder / f"{questionnaire}-{name}.csv"
        write_csv(export, pl.DataFrame(rows, infer_schema_length=None))
        written.append((questionnaire, name, export))
    return written


def write_demo_survey(out: Path, *, seed: int, area: tuple[str, str]) -> list[Path]:
    """Generate the demo survey rounds as careforce-layout exports under ``out/data/survey``
    and analyse each into ``out/survey/<round>/<questionnaire>``, as real rounds would be.

    Returns:
        The ``survey_measures.csv`` of every round, oldest first.
    """
    measures = []
    for questionnaire, name, export in write_demo_exports(out / "data" / "survey", seed=seed):
        result = analyse_survey(
            questionnaire=questionnaire,
            responses=export,
            out=out / "survey" / name / questionnaire,
            round_name=name,
            area=area,
        )
        measures.append(result.files[0])
    return measures


def write_baseline(out: Path) -> list[Path]:
    """Write the shipped 2022 baseline round: ``survey_measures.csv`` (the published
    headlines) and ``survey_answers.csv`` (the published counts of answers) under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    return copy_shipped_baseline(out / MEASURES_FILE, out / ANSWERS_FILE)
