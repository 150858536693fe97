"""The survey report as one self-contained HTML page (the shipped Jinja2 template, the progress
report's stylesheet, the measures chart as inline accessible SVG)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Final

import polars as pl
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from careforce.core.survey import columns as c
from careforce.core.survey.disclosure import MINIMUM_RESPONDENTS
from careforce.core.survey.report import Section, SurveyReport
from careforce.core.vocab import published as pub
from careforce.io.charts import accessible_svg, render_svg
from careforce.io.text_files import write_text_file

TEMPLATE: Final = "survey-report.html.j2"
"""The report's template, shipped in ``careforce/data/survey/templates``."""
STYLESHEET: Final = ("outcomes", "templates", "progress-report.css")
"""The stylesheet shared with the progress report, inlined so the file stands alone."""


def _data(*parts: str) -> Path:
    return Path(str(resources.files("careforce").joinpath("data", *parts)))


def _percent(value: float | None) -> str:
    return "[c]" if value is None else f"{value:.0%}"


def _measure_rows(measures: pl.DataFrame) -> list[dict[str, Any]]:
    rows = []
    for row in measures.iter_rows(named=True):
        symbol = row[pub.SYMBOL]
        value, lower, upper = row[pub.VALUE], row[pub.LOWER], row[pub.UPPER]
        denominator = row[pub.DENOMINATOR]
        rows.append(
            {
                pub.MEASURE_NAME: row[pub.MEASURE_NAME],
                pub.BREAKDOWN: row[pub.BREAKDOWN],
                pub.BREAKDOWN_VALUE: row[pub.BREAKDOWN_VALUE],
                pub.DENOMINATOR: "" if denominator is None else f"{denominator:,.0f}",
                "share": symbol if value is None else f"{value:.1%}",
                "interval": "" if lower is None else f"{lower:.1%} to {upper:.1%}",
            }
        )
    return rows


def _ranking_rows(section: Section) -> list[dict[str, Any]]:
    return [
        {
            "rank": row[c.RANK],
            "label": row[c.LABEL] or row[c.ANSWER],
            "chosen": "[c]" if row[c.CHOSEN] is None else row[c.CHOSEN],
            "share": _percent(row[c.SHARE]),
        }
        for row in section.table.iter_rows(named=True)
    ]


def _likert_rows(sections: list[Section]) -> list[dict[str, Any]]:
    rows = []
    for section in sections:
        row = section.table.row(0, named=True)
        mean = row[c.MEAN_SCORE]
        rows.append(
            {
                "text": section.text,
                "respondents": row[c.RESPONDENTS],
                "top": _percent(row["top_share"]),
                "bottom": _percent(row["bottom_share"]),
                "mean": "[c]" if mean is None else f"{mean:.2f}",
            }
        )
    return rows


def _crosstab_rows(report: SurveyReport) -> list[dict[str, Any]]:
    if report.crosstab is None:
        return []
    rows = []
    for row in report.crosstab.table.iter_rows(named=True):
        counts = [v for v in row.values() if isinstance(v, int)]
        small = sum(counts) < MINIMUM_RESPONDENTS
        rows.append({k: ("[c]" if small and isinstance(v, int) else v) for k, v in row.items()})
    return rows


def measures_svg(report: SurveyReport) -> str:
    """The headline measures chart as accessible SVG text (empty when nothing to draw)."""
    if report.chart is None or not report.chart["data"]["values"]:
        return ""
    return accessible_svg(
        render_svg(report.chart),
        key="survey-measures",
        title=f"{report.title} {report.round_name}: headline measures",
        description="Bar chart of each headline survey measure with its 95% interval; the "
        "table gives the numbers.",
    )


def render_survey_report(report: SurveyReport) -> str:
    """The report as one HTML page."""
    environment = Environment(
        loader=FileSystemLoader(_data("survey", "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    svg = measures_svg(report)
    return environment.get_template(TEMPLATE).render(
        report=report,
        css=_data(*STYLESHEET).read_text(encoding="utf-8"),
        svg=svg,
        minimum=MINIMUM_RESPONDENTS,
        measures=_measure_rows(report.measures),
        likert=_likert_rows(report.likert),
        rankings=[{"text": s.text, "rows": _ranking_rows(s)} for s in report.rankings],
        themes=[
            {
                "text": s.text,
                "rows": [
                    {"label": r[c.LABEL], "chosen": r[c.CHOSEN], "share": _percent(r[c.SHARE])}
                    for r in s.table.iter_rows(named=True)
                ],
            }
            for s in report.themes
        ],
        crosstab=report.crosstab,
        crosstab_rows=_crosstab_rows(report),
    )


def write_survey_report(path: Path, report: SurveyReport) -> Path:
    """Write the report's HTML page atomically."""
    write_text_file(path, render_survey_report(report))
    return path
