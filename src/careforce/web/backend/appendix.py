"""The annual data appendix the public pages show, built from the service's stored results:
the latest publication's measures, the whole-sector estimates, the labour-market measures, the
survey baseline and the projections (shipped and derived parameter files), each when present.

The appendix is rebuilt when any of them changes, and its files (HTML, PDF, ODS, XLSX) are made
once per build and kept in memory.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
from django.conf import settings

from careforce.core.publishing.appendix.model import Appendix
from careforce.core.publishing.appendix.projection_rows import projection_rows
from careforce.core.vocab import published as pub
from careforce.io.appendix_files import AppendixInputError, read_measure_tables
from careforce.io.appendix_report import MEDIA_TYPES, appendix_bytes
from careforce.io.config_files import ConfigurationFileError
from careforce.services.appendix import appendix_of, population_measures
from careforce.services.projections import ProjectionInputError
from careforce.web.backend.appendix_templates import (
    KEY_NAME,
    TEMPLATE_NAME,
    AppendixUnavailableError,
    folder_of,
    made_file,
    remove_old,
    template_in_force,
)
from careforce.web.backend.estimates import estimates_folder
from careforce.web.backend.jobs import Progress
from careforce.web.backend.labour import labour_results
from careforce.web.backend.projections import (
    ProjectionResults,
    derived_directory,
    projection_files,
    projection_results,
)
from careforce.web.backend.publications import published
from careforce.web.backend.survey import baseline_measures

ESTIMATES_FILE = "estimates.csv"
"""The published whole-sector estimates, in the estimates folder."""
POPULATION_FILE = "population.csv"
"""The population file (long layout, ONS SNPP or MYEB1), in the projections folder."""

_lock = threading.Lock()
_kept: dict[str, WebAppendix] = {}


@dataclass
class WebAppendix:
    """The appendix the pages show, and its files once made."""

    key: str
    appendix: Appendix
    files: dict[str, bytes] = field(default_factory=dict)


Part = tuple[str, Callable[[], list[pl.DataFrame]]]
"""One source of rows: a key that changes when its rows do, and how to get its rows."""


def _estimates() -> list[Part]:
    folder = estimates_folder()
    path = folder / ESTIMATES_FILE if folder is not None else None
    if path is None or not path.is_file():
        return []

    def rows() -> list[pl.DataFrame]:
        try:
            return [read_measure_tables([path])[0]]
        except AppendixInputError:
            return []

    return [(f"{path}:{path.stat().st_mtime_ns}", rows)]


def _population(area: tuple[str, str], period: str) -> list[Part]:
    folder = derived_directory()
    path = folder / POPULATION_FILE if folder is not None else None
    if path is None or not path.is_file():
        return []

    def rows() -> list[pl.DataFrame]:
        try:
            return [population_measures([path], area_code=area[0], period=period)[0]]
        except AppendixInputError:
            return []

    return [(f"{path}:{path.stat().st_mtime_ns}:{period}", rows)]


def _projections(area: tuple[str, str]) -> list[Part]:
    parts: list[Part] = []
    for found in projection_files():
        if found.loaded is None:
            continue
        try:
            results = projection_results(found.name)
        except ProjectionInputError:
            continue

        def rows(results: ProjectionResults = results) -> list[pl.DataFrame]:
            return [
                projection_rows(
                    results.baseline(),
                    area_code=area[0],
                    area_name=area[1],
                    uncertainty=results.ranges,
                    scenarios=results.scenarios,
                )
            ]

        parts.append((f"{found.name}:{found.loaded.sha256}", rows))
    return parts


def _sources() -> tuple[list[Part], str, tuple[str, str]] | None:
    """Every source of measure rows, the latest period of the published measures and the
    service's area (None when nothing is published)."""
    found = published()
    if found is None or found.table.is_empty():
        return None
    branding = settings.CAREFORCE_BRANDING
    areas = dict(found.areas)
    code = branding.area_code if branding.area_code in areas else found.areas[0][0]
    area = (code, str(areas[code]))
    parts: list[Part] = [(f"publication:{found.key}", lambda: [found.table])]
    parts += _estimates()
    labour = labour_results()
    if labour is not None:
        parts.append((labour.key, lambda: [labour.table]))
    rounds, survey = baseline_measures()
    if survey is not None:
        parts.append((f"survey:{rounds}", lambda: [survey]))
    parts += _projections(area)
    parts += _population(area, found.periods[-1])
    return parts, found.periods[-1], area


def _built(template: Path | None) -> WebAppendix | None:
    sources = _sources()
    if sources is None:
        return None
    parts, period, area = sources
    key = "|".join([*(part_key for part_key, _ in parts), f"template:{template}"])
    with _lock:
        kept = _kept.get(key)
    if kept is not None:
        return kept
    frames = [
        pub.with_optional_columns(frame).select(pub.PUBLISHED_COLUMNS).cast(pub.PUBLISHED_SCHEMA)
        for _, rows in parts
        for frame in rows()
    ]
    frame = pl.concat(frames, how="vertical")
    appendix = appendix_of(
        frame, period=period, area_code=area[0], area_name=area[1], template=template
    )
    built = WebAppendix(key, appendix)
    with _lock:
        _kept.clear()
        _kept[key] = built
    return built


def web_appendix() -> WebAppendix | None:
    """The appendix of the service's area for the latest published period, with the template
    in force (the shipped one until an analyst chooses another); None when nothing is
    published. Rebuilt only when what it is built from changes."""
    chosen = template_in_force()
    if chosen is None:
        return _built(None)
    try:
        return _built(chosen[1])
    except ConfigurationFileError:
        # A template made under an earlier version may no longer be valid: the public page
        # falls back to the shipped one rather than failing.
        return _built(None)


def run_appendix(payload: dict[str, Any], progress: Progress) -> None:
    """Job: make the appendix with a chosen template and write its files beside it (the
    ``publish-appendix`` job)."""
    folder = folder_of(str(payload["folder"]))
    progress("Building the appendix", 0, 3)
    found = _built(folder / TEMPLATE_NAME)
    if found is None:
        raise AppendixUnavailableError(
            "No measures are published yet, so the appendix cannot be made."
        )
    progress("Writing the PDF and the spreadsheets", 1, 3)
    for file_format in MEDIA_TYPES:
        (folder / f"appendix.{file_format}").write_bytes(appendix_file(found, file_format)[0])
    progress("Keeping the files", 2, 3)
    (folder / KEY_NAME).write_text(found.key, encoding="utf-8")
    remove_old(keep=str(payload["folder"]))


def appendix_file(found: WebAppendix, file_format: str) -> tuple[bytes, str]:
    """One of the appendix's files (made once per build) and its media type.

    Raises:
        KeyError: the format is not one of the appendix's.
    """
    media_type = MEDIA_TYPES[file_format]
    with _lock:
        made = found.files.get(file_format)
    if made is None:
        made = made_file(found.key, file_format) or appendix_bytes(found.appendix, file_format)
        with _lock:
            found.files[file_format] = made
    return made, media_type


__all__ = ["WebAppendix", "appendix_file", "run_appendix", "web_appendix"]
