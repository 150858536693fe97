"""Rendering projection charts to SVG and PNG (vl-convert), each with its data table as CSV."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import polars as pl
import vl_convert

from careforce.io.atomic import write_bytes
from careforce.io.outputs import write_csv

CHART_FORMATS: Final = ("svg", "png")
"""Image formats written for every chart: SVG for the web and print, PNG for office documents."""
PNG_SCALE: Final = 2.0
"""PNG pixel density relative to the chart's size (2 = sharp on high-resolution screens)."""


def render_svg(spec: dict[str, Any]) -> str:
    """A Vega-Lite specification rendered as SVG text."""
    return str(vl_convert.vegalite_to_svg(spec))


def render_png(spec: dict[str, Any]) -> bytes:
    """A Vega-Lite specification rendered as PNG bytes."""
    return bytes(vl_convert.vegalite_to_png(spec, scale=PNG_SCALE))


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
