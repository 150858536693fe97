"""Use case: the annual data appendix — a template resolved against the measures, estimates,
labour-market, survey and projection results it is pointed at, written as HTML, tagged PDF,
ODS and XLSX."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.projections.input_tables import InputDataError, period_end_year
from careforce.core.publishing.appendix.build import build_appendix
from careforce.core.publishing.appendix.cells import MeasureRows
from careforce.core.publishing.appendix.model import Appendix
from careforce.core.publishing.appendix.population_rows import population_rows
from careforce.core.publishing.appendix.projection_rows import projection_rows
from careforce.core.publishing.appendix.template import AppendixTemplate
from careforce.core.vocab import published as pub
from careforce.io.appendix_files import (
    AppendixInputError,
    read_measure_tables,
    read_projection_results,
    read_template_file,
)
from careforce.io.appendix_report import write_appendix
from careforce.io.projection_inputs import InputFileError
from careforce.services.population_inputs import population_table
from careforce.services.projections import load_parameters, write_report


@dataclass(frozen=True)
class AppendixResult:
    """What was published: the appendix, the files written and the inputs read."""

    appendix: Appendix
    written: list[Path]
    inputs: list[Path]
    template: Path


def _area(frame: pl.DataFrame, area_code: str | None) -> tuple[str, str]:
    areas = frame.select(pub.AREA_CODE, pub.AREA_NAME).unique(maintain_order=True)
    if area_code is not None:
        named = areas.filter(pl.col(pub.AREA_CODE) == area_code)
        if not named.height:
            known = ", ".join(areas.get_column(pub.AREA_CODE).to_list()) or "none"
            raise AppendixInputError(f"--area {area_code}: no measures of that area ({known})")
        return area_code, str(named[0, pub.AREA_NAME])
    if not areas.height:
        raise AppendixInputError("the measure files hold no rows")
    counts = frame.group_by(pub.AREA_CODE, maintain_order=True).len().sort("len", descending=True)
    code = str(counts[0, pub.AREA_CODE])
    return code, str(areas.filter(pl.col(pub.AREA_CODE) == code)[0, pub.AREA_NAME])


def appendix_measures(
    measures: list[Path], projections: list[Path], *, area_code: str | None
) -> tuple[pl.DataFrame, list[Path], tuple[str, str]]:
    """Every measure row the appendix can cite (projection results as rows), the files read
    and the area (the one given, else the area with most rows).

    Raises:
        AppendixInputError: an input cannot be used, or the area has no measures.
    """
    frame, paths = read_measure_tables(measures)
    area = _area(frame, area_code)
    parts = [frame]
    for folder in projections:
        results = read_projection_results(folder)
        parts.append(
            projection_rows(
                results.projection,
                area_code=area[0],
                area_name=area[1],
                uncertainty=results.uncertainty,
                scenarios=results.scenarios,
            )
        )
        paths.append(folder)
    return pl.concat(parts, how="vertical"), paths, area


def population_measures(
    population: list[Path], *, area_code: str, period: str
) -> tuple[pl.DataFrame, list[Path]]:
    """The area's population by age band and year, and its growth since the year the appendix
    period ends in, from population files (careforce's long layout, ONS subnational
    projections or mid-year estimates, CSV or the ONS workbook), and the files read.

    Raises:
        AppendixInputError: a file cannot be read or used (naming the file, line and column).
    """
    frames = []
    for path in population:
        try:
            frames.append(
                population_rows(
                    population_table(path),
                    area_code=area_code,
                    base_year=period_end_year(period),
                )
            )
        except InputFileError as error:
            raise AppendixInputError(str(error)) from None
        except InputDataError as error:
            raise AppendixInputError(str(error.in_file(str(path)))) from None
    if not frames:
        return pl.DataFrame(schema=pub.PUBLISHED_SCHEMA), []
    return pl.concat(frames, how="vertical"), list(population)


def appendix_of(
    frame: pl.DataFrame,
    *,
    period: str,
    area_code: str,
    area_name: str,
    template: str | Path | AppendixTemplate | None = None,
) -> Appendix:
    """The appendix of an area built from measure rows already read (the web service's); the
    template is a file, a shipped name or one already read (when building many areas).

    Raises:
        ConfigurationFileError: the template is invalid.
    """
    return build_appendix(
        template
        if isinstance(template, AppendixTemplate)
        else read_template_file(template).template,
        MeasureRows.of_area(frame, area_code),
        period=period,
        area_code=area_code,
        area_name=area_name,
    )


def publish_appendix(
    *,
    period: str,
    out: Path,
    measures: list[Path],
    projections: list[Path] | None = None,
    area_code: str | None = None,
    template: str | Path | None = None,
    pdf: bool = True,
    population: list[Path] | None = None,
) -> AppendixResult:
    """Build the appendix of an area and period and write it under ``out``.

    Raises:
        AppendixInputError: an input cannot be used.
        ConfigurationFileError: the template is invalid (every problem with line and field).
    """
    template_file = read_template_file(template)
    frame, paths, (code, name) = appendix_measures(measures, projections or [], area_code=area_code)
    people, read = population_measures(population or [], area_code=code, period=period)
    frame = pl.concat([frame, people], how="vertical")
    paths += read
    appendix = build_appendix(
        template_file.template,
        MeasureRows.of_area(frame, code),
        period=period,
        area_code=code,
        area_name=name,
    )
    written = write_appendix(out, appendix, pdf=pdf)
    return AppendixResult(appendix, written, paths, template_file.path)


DEMO_PROJECTIONS: Final = ("staffordshire-2022-adult", "staffordshire-2022-children")
"""Shipped projection parameter files the demo's appendix projects."""


def demo_appendix(
    out: Path,
    *,
    period: str,
    measures: list[Path],
    area_code: str,
    population: Path | None = None,
) -> AppendixResult:
    """The demo's appendix under ``out/appendix``: the shipped projections are reported under
    ``out/projections/<name>`` first, then the appendix is built from every demo result (and
    the demo's population file, when given)."""
    folders = []
    for name in DEMO_PROJECTIONS:
        folder = out / "projections" / name
        write_report(load_parameters(name), folder)
        folders.append(folder)
    return publish_appendix(
        period=period,
        out=out / "appendix",
        measures=measures,
        projections=folders,
        area_code=area_code,
        population=[population] if population is not None else None,
    )
