"""Charts: Vega-Lite specifications rendered to SVG and PNG (vl-convert), accessible SVG for
web pages and reports, and chart files written with their data table as CSV."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import polars as pl
import vl_convert

from careforce.io.atomic import write_bytes
from careforce.io.csv_text import write_csv

CHART_FORMATS: Final = ("svg", "png")
"""Image formats written for every chart: SVG for the web and print, PNG for office documents."""
PNG_SCALE: Final = 2.0
"""PNG pixel density relative to the chart's size (2 = sharp on high-resolution screens)."""
_SVG_OPEN: Final = re.compile(r"<svg\b([^>]*)>")


def render_svg(spec: dict[str, Any]) -> str:
    """A Vega-Lite specification rendered as SVG text."""
    return str(vl_convert.vegalite_to_svg(spec))


def render_png(spec: dict[str, Any]) -> bytes:
    """A Vega-Lite specification rendered as PNG bytes."""
    return bytes(vl_convert.vegalite_to_png(spec, scale=PNG_SCALE))


def accessible_svg(svg: str, *, key: str, title: str, description: str) -> str:
    """The SVG as one image for assistive technology: ``role="img"`` with a title and a
    description that name the chart (the chart's own marks are decoration to a screen reader)."""
    title_id, desc_id = f"{key}-title", f"{key}-desc"
    match = _SVG_OPEN.search(svg)
    if match is None:
        return svg
    opening = (
        f'<svg{match.group(1)} role="img" aria-labelledby="{title_id} {desc_id}" focusable="false">'
        f'<title id="{title_id}">{html.escape(title)}</title>'
        f'<desc id="{desc_id}">{html.escape(description)}</desc>'
    )
    return svg[: match.start()] + opening + svg[match.end() :]


def write_chart(
    folder: Path,
    stem: str,
    spec: dict[str, Any],
    table: pl.DataFrame,
    *,
    formats: Sequence[str] = CHART_FORMATS,
) -> list[Path]:
    """Write a chart as ``stem.svg`` / ``stem.png`` and its data as ``stem.csv``.

    Returns:
        The files written, data table first.
    """
    written = [folder / f"{stem}.csv"]
    write_csv(written[0], table)
    for kind in formats:
        path = folder / f"{stem}.{kind}"
        data = render_svg(spec).encode("utf-8") if kind == "svg" else render_png(spec)
        write_bytes(path, data)
        written.append(path)
    return written
