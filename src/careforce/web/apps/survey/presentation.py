"""How the survey pages show questions, answers and results (GOV.UK component parameters and
table rows)."""

from __future__ import annotations

from typing import Any

import polars as pl

from careforce.core.survey import columns as c
from careforce.core.survey.questionnaire import Question, QuestionType
from careforce.core.survey.report import SurveyReport
from careforce.core.vocab import published as pub
from careforce.services.survey import RoundResults
from careforce.web.backend.downloads import DownloadTable


def _chosen(current: Any) -> list[str]:
    if current is None:
        return []
    if isinstance(current, list):
        return [str(v) for v in current]
    return [str(current)]


def question_component(question: Question, current: Any, *, error: str) -> dict[str, Any]:
    """Parameters of the GOV.UK component asking the question (the question is the heading)."""
    error_message = {"text": error} if error else None
    hint = {"text": question.hint} if question.hint else None
    if question.type in (
        QuestionType.SINGLE_CHOICE,
        QuestionType.LIKERT,
        QuestionType.MULTIPLE_CHOICE,
    ):
        chosen = _chosen(current)
        key = "checked"
        return {
            "idPrefix": "answer",
            "name": "answer",
            "fieldset": {
                "legend": {
                    "text": question.text,
                    "isPageHeading": True,
                    "classes": "govuk-fieldset__legend--l",
                }
            },
            "hint": hint,
            "errorMessage": error_message,
            "items": [
                {
                    "value": option.value,
                    "text": option.label,
                    "hint": {"text": option.hint} if option.hint else None,
                    key: option.value in chosen,
                }
                for option in question.options or []
            ],
        }
    value = _chosen(current)
    params: dict[str, Any] = {
        "id": "answer",
        "name": "answer",
        "label": {"text": question.text, "isPageHeading": True, "classes": "govuk-label--l"},
        "hint": hint,
        "errorMessage": error_message,
        "value": value[0] if value else "",
    }
    if question.type is QuestionType.NUMBER:
        params.update(
            {"inputmode": "decimal", "classes": "govuk-input--width-5", "spellcheck": False}
        )
    else:
        params["rows"] = 6
    return params


def answer_text(question: Question, answer: Any) -> str:
    """An answer as the check-your-answers page shows it."""
    labels = {o.value: o.label for o in question.options or []}
    if answer is None or answer == []:
        return "Not answered"
    if isinstance(answer, list):
        return ", ".join(labels.get(str(v), str(v)) for v in answer)
    if isinstance(answer, float):
        return f"{answer:g}"
    return labels.get(str(answer), str(answer))


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


def measure_rows(measures: pl.DataFrame) -> list[list[dict[str, Any]]]:
    """GOV.UK table rows of the measures: name, group, respondents, share, interval."""
    rows = []
    for row in measures.iter_rows(named=True):
        symbol = row[pub.SYMBOL]
        denominator = row[pub.DENOMINATOR]
        lower, upper = row[pub.LOWER], row[pub.UPPER]
        group = (
            "All"
            if row[pub.BREAKDOWN] == pub.TOTAL
            else (f"{row[pub.BREAKDOWN].replace('_', ' ')}: {row[pub.BREAKDOWN_VALUE]}")
        )
        rows.append(
            [
                {"text": row[pub.MEASURE_NAME]},
                {"text": group},
                {"text": "" if denominator is None else f"{denominator:,.0f}", "format": "numeric"},
                {"text": symbol or _percent(row[pub.VALUE]), "format": "numeric"},
                {
                    "text": "" if lower is None else f"{lower:.1%} to {upper:.1%}",
                    "format": "numeric",
                },
            ]
        )
    return rows


def ranking_tables(report: SurveyReport) -> list[dict[str, Any]]:
    """A table of each multiple-choice question's options, most chosen first."""
    tables = []
    for section in report.rankings:
        rows = [
            [
                {"text": str(row[c.RANK])},
                {"text": row[c.LABEL] or row[c.ANSWER]},
                {
                    "text": "[c]" if row[c.CHOSEN] is None else str(row[c.CHOSEN]),
                    "format": "numeric",
                },
                {"text": _percent(row[c.SHARE]) or "[c]", "format": "numeric"},
            ]
            for row in section.table.iter_rows(named=True)
        ]
        tables.append({"caption": section.text, "rows": rows})
    return tables


def _interval(lower: float | None, upper: float | None) -> str:
    return "" if lower is None or upper is None else f"{lower:.1%} to {upper:.1%}"


def likert_tables(report: SurveyReport) -> list[dict[str, Any]]:
    """Each Likert question's summary (respondents, the top two and bottom two answers' shares,
    the mean score) and its answers from the lowest to the highest option; numbers of a
    question fewer than 10 answered are withheld ([c])."""
    tables = []
    for section in report.likert:
        summary = section.table.row(0, named=True)
        mean = summary[c.MEAN_SCORE]
        withheld = mean is None
        distribution = section.distribution if section.distribution is not None else pl.DataFrame()
        rows = [
            [
                {"text": row[c.LABEL] or row[c.ANSWER]},
                {
                    "text": "[c]" if row[c.CHOSEN] is None else f"{row[c.CHOSEN]:,}",
                    "format": "numeric",
                },
                {"text": _percent(row[c.SHARE]) or "[c]", "format": "numeric"},
                {
                    "text": "[c]" if withheld else _interval(row[c.LOWER], row[c.UPPER]),
                    "format": "numeric",
                },
            ]
            for row in distribution.iter_rows(named=True)
        ]
        tables.append(
            {
                "question": section.question,
                "text": section.text,
                "respondents": f"{summary[c.RESPONDENTS]:,}",
                "top": _percent(summary["top_share"]) or "[c]",
                "top_interval": "[c]"
                if withheld
                else _interval(summary["top_lower_ci"], summary["top_upper_ci"]),
                "bottom": _percent(summary["bottom_share"]) or "[c]",
                "mean": "[c]" if withheld else f"{mean:.2f}",
                "rows": rows,
            }
        )
    return tables


def download_tables(results: RoundResults) -> list[DownloadTable]:
    """The tables of a round's results for CSV, ODS and XLSX downloads."""
    tables = [DownloadTable("Measures", "Survey measures", results.measures)]
    for index, section in enumerate(results.report.rankings, start=1):
        tables.append(
            DownloadTable(
                f"Ranking {index}", section.text, section.table.drop(c.SUPPRESSED, strict=False)
            )
        )
    likert = [section.table for section in results.report.likert]
    if likert:
        tables.append(
            DownloadTable("Likert", "Agreement and satisfaction questions", pl.concat(likert))
        )
    return tables
