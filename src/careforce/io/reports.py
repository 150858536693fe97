"""Reports: the progress report as HTML from the shipped Jinja2 template, with its charts as
inline SVG (rendered by :mod:`careforce.io.charts`) and their data as CSV, and as PDF (WeasyPrint)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Final

import polars as pl
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from careforce.core.outcomes.report import Chart, ProgressReport
from careforce.io.atomic import write_bytes
from careforce.io.charts import accessible_svg, render_svg
from careforce.io.csv_text import write_csv
from careforce.io.text_files import write_text_file

TEMPLATE: Final = "progress-report.html.j2"
"""The report's template, shipped in ``careforce/data/outcomes/templates``."""
STYLESHEET: Final = "progress-report.css"
"""The report's stylesheet, inlined into the HTML so that the file stands alone."""
HTML_NAME: Final = "progress-report.html"
"""Name of the HTML report."""
PDF_NAME: Final = "progress-report.pdf"
"""Name of the PDF report."""
CHARTS_FOLDER: Final = "charts"
"""Folder of the chart files (SVG and CSV) next to the report."""


def _templates() -> Path:
    return Path(str(resources.files("careforce").joinpath("data", "outcomes", "templates")))


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(_templates()),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )


def _charts(report: ProgressReport) -> list[Chart]:
    charts = [section.chart for section in report.outcomes if section.chart is not None]
    if report.status_chart is not None:
        charts.append(report.status_chart)
    return charts


def chart_svgs(report: ProgressReport) -> dict[str, str]:
    """Every chart of the report as accessible SVG text, by chart key."""
    return {
        chart.key: accessible_svg(
            render_svg(chart.spec), key=chart.key, title=chart.title, description=chart.description
        )
        for chart in _charts(report)
    }


def render_report_html(report: ProgressReport, *, svgs: dict[str, str]) -> str:
    """The report as one self-contained HTML page (styles and charts inline)."""
    environment = _environment()
    css = (_templates() / STYLESHEET).read_text(encoding="utf-8")
    return environment.get_template(TEMPLATE).render(report=report, svgs=svgs, css=css)


def render_pdf(page: str, *, base: Path) -> bytes:
    """The HTML page printed to PDF (A4) by WeasyPrint."""
    # Imported here: loading WeasyPrint takes over a second, which every command would pay.
    from weasyprint import HTML  # noqa: PLC0415

    pdf: bytes = HTML(string=page, base_url=str(base)).write_pdf()
    return pdf


def write_report(out: Path, report: ProgressReport) -> list[Path]:
    """Write the report as HTML and PDF, and each chart as SVG with its data as CSV.

    Returns:
        The files written: the HTML, the PDF, then the chart files.
    """
    svgs = chart_svgs(report)
    page = render_report_html(report, svgs=svgs)
    html_path = write_text_file(out / HTML_NAME, page).path
    pdf_path = out / PDF_NAME
    write_bytes(pdf_path, render_pdf(page, base=out))
    written = [html_path, pdf_path]
    for chart in _charts(report):
        svg_path = write_text_file(out / CHARTS_FOLDER / f"{chart.key}.svg", svgs[chart.key]).path
        csv_path = out / CHARTS_FOLDER / f"{chart.key}.csv"
        table = pl.DataFrame(
            chart.table.rows,
            schema=dict.fromkeys(chart.table.header, pl.String),
            orient="row",
        )
        write_csv(csv_path, table)
        written += [svg_path, csv_path]
    return written
