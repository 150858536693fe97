"""The appendix as files: one self-contained HTML page (styles and charts inline), a tagged
PDF (PDF/UA-1, printed by WeasyPrint), each chart as SVG with its data as CSV, and the
spreadsheet release (ODS and XLSX, :mod:`careforce.io.appendix_spreadsheets`)."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path
from typing import Final

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from careforce.core.publishing.appendix.model import Appendix, Figure
from careforce.core.vocab.published import SYMBOL_NOTES
from careforce.io.appendix_spreadsheets import appendix_workbook, table_frame
from careforce.io.atomic import write_bytes
from careforce.io.charts import accessible_svg, render_svg
from careforce.io.csv_text import write_csv
from careforce.io.spreadsheets import write_ods, write_xlsx
from careforce.io.text_files import write_text_file

TEMPLATE: Final = "appendix.html.j2"
"""The appendix's page template, shipped in ``careforce/data/appendix/templates``."""
STYLESHEETS: Final = (("outcomes", "progress-report.css"), ("appendix", "appendix.css"))
"""Stylesheets inlined into the page, in order: the reports' shared one, then the appendix's."""
HTML_NAME: Final = "appendix.html"
PDF_NAME: Final = "appendix.pdf"
ODS_NAME: Final = "appendix.ods"
XLSX_NAME: Final = "appendix.xlsx"
CHARTS_FOLDER: Final = "charts"
"""Folder of the chart files (SVG and CSV) next to the appendix."""
PDF_VARIANT: Final = "pdf/ua-1"
"""WeasyPrint's PDF variant: PDF/UA-1, a tagged PDF with its structure tree."""


def _data(*parts: str) -> Path:
    return Path(str(resources.files("careforce").joinpath("data", *parts)))


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(_data("appendix", "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def figures(appendix: Appendix) -> list[Figure]:
    """Every figure of the appendix, in order."""
    return [b for s in appendix.sections for b in s.blocks if isinstance(b, Figure)]


def chart_svgs(appendix: Appendix) -> dict[str, str]:
    """Every chart as accessible SVG text, by figure key."""
    return {
        figure.key: accessible_svg(
            render_svg(figure.spec),
            key=f"chart-{figure.key}",
            title=figure.title,
            description=figure.description,
        )
        for figure in figures(appendix)
    }


def stylesheet() -> str:
    """The appendix's styles."""
    return "\n".join(
        (_data(folder, "templates", name)).read_text(encoding="utf-8")
        for folder, name in STYLESHEETS
    )


def render_appendix_html(appendix: Appendix, *, svgs: dict[str, str]) -> str:
    """The appendix as one self-contained HTML page."""
    symbols = {symbol.value: meaning for symbol, meaning in SYMBOL_NOTES.items()}
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(appendix=appendix, svgs=svgs, css=stylesheet(), symbols=symbols)
    )


def render_tagged_pdf(page: str, *, base: Path) -> bytes:
    """The HTML page printed to a tagged PDF (PDF/UA-1, A4) by WeasyPrint."""
    # Imported here: loading WeasyPrint takes over a second, which every command would pay.
    from weasyprint import HTML  # noqa: PLC0415

    pdf: bytes = HTML(string=page, base_url=str(base)).write_pdf(pdf_variant=PDF_VARIANT)
    return pdf


def _chart_files(out: Path, figure: Figure, svg: str) -> list[Path]:
    svg_path = write_text_file(out / CHARTS_FOLDER / f"{figure.key}.svg", svg).path
    csv_path = out / CHARTS_FOLDER / f"{figure.key}.csv"
    write_csv(csv_path, table_frame(figure.table, as_text=True))
    return [svg_path, csv_path]


def write_appendix(out: Path, appendix: Appendix, *, pdf: bool = True) -> list[Path]:
    """Write the appendix: HTML, PDF (unless ``pdf`` is false), ODS, XLSX, then each chart as
    SVG with its data as CSV.

    Returns:
        The files written, in that order.
    """
    svgs = chart_svgs(appendix)
    page = render_appendix_html(appendix, svgs=svgs)
    written = [write_text_file(out / HTML_NAME, page).path]
    if pdf:
        write_bytes(out / PDF_NAME, render_tagged_pdf(page, base=out))
        written.append(out / PDF_NAME)
    workbook = appendix_workbook(appendix)
    write_ods(out / ODS_NAME, workbook)
    write_xlsx(out / XLSX_NAME, workbook)
    written += [out / ODS_NAME, out / XLSX_NAME]
    for figure in figures(appendix):
        written += _chart_files(out, figure, svgs[figure.key])
    return written


MEDIA_TYPES: Final = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
"""The appendix's downloads: media type by format."""


def appendix_bytes(appendix: Appendix, file_format: str) -> bytes:
    """One of the appendix's files as bytes (a format of :data:`MEDIA_TYPES`).

    Raises:
        KeyError: the format is not one of the appendix's.
    """
    if file_format not in MEDIA_TYPES:
        raise KeyError(file_format)
    if file_format in ("html", "pdf"):
        page = render_appendix_html(appendix, svgs=chart_svgs(appendix))
        if file_format == "html":
            return page.encode("utf-8")
        with tempfile.TemporaryDirectory() as folder:
            return render_tagged_pdf(page, base=Path(folder))
    writer = write_ods if file_format == "ods" else write_xlsx
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"appendix.{file_format}"
        writer(path, appendix_workbook(appendix))
        return path.read_bytes()
