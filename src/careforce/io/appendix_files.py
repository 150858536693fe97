"""Appendix inputs: the template (YAML, a path or the name of a shipped one), the measure
tables it is resolved against, and the projection results.

The template is read by :mod:`careforce.io.config_files` (safe YAML, every problem reported at
``FILE: line N: field: message``). The Staffordshire template ships in ``careforce/data/appendix/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import polars as pl

from careforce.core.publishing.appendix.template import (
    AppendixTemplate,
    TemplateError,
    parse_template,
)
from careforce.core.vocab.published import PUBLISHED_SCHEMA
from careforce.io import config_files
from careforce.io.config_files import (
    ConfigDocument,
    ConfigurationFileError,
    LineMap,
    load_config_file,
    located_problems,
    parse_config_text,
)
from careforce.io.labour_files import read_labour_table, read_published_table

SCHEMA_FILE: Final = "appendix-template.v1.schema.json"
"""Name of the shipped JSON Schema of template files."""
SCHEMA_PACKAGE: Final = "careforce.core.publishing.appendix"
"""The package whose ``schema`` folder holds the JSON Schema."""
DEFAULT_TEMPLATE: Final = "staffordshire-appendix"
"""Shipped template used when none is given."""
YAML_SUFFIXES: Final = (".yaml", ".yml")
"""Suffixes of template files."""
MEASURE_FILES: Final = (
    "indicators.csv",
    "estimates.csv",
    "labour.csv",
    "survey_measures.csv",
)
"""Names of measure tables looked for in a folder given instead of a file."""
PROJECTION_FILE: Final = "projection.csv"
"""Results of a projection, in a projection report's folder."""
UNCERTAINTY_FILE: Final = "uncertainty.csv"
"""Monte Carlo ranges of a projection, if run."""
SCENARIOS_FILE: Final = "scenarios.csv"
"""Results of a projection's scenarios, if run."""


class AppendixInputError(ValueError):
    """An input of the appendix cannot be used; the message names the file."""


@dataclass(frozen=True)
class TemplateFile:
    """A valid template: the template, where it came from and the line of each field."""

    template: AppendixTemplate
    path: Path
    lines: LineMap = field(default_factory=dict)


@dataclass(frozen=True)
class ProjectionResults:
    """The results of one projection report folder."""

    folder: Path
    projection: pl.DataFrame
    uncertainty: pl.DataFrame | None
    scenarios: pl.DataFrame | None


def load_schema() -> dict[str, Any]:
    """The shipped JSON Schema of template files."""
    return config_files.load_schema(SCHEMA_PACKAGE, SCHEMA_FILE)


def schema_path() -> Path:
    """Where the shipped JSON Schema is."""
    return config_files.schema_path(SCHEMA_PACKAGE, SCHEMA_FILE)


def shipped_templates() -> dict[str, Path]:
    """Shipped templates by name (file name without suffix)."""
    return config_files.shipped_files(config_files.shipped_folder("appendix"), YAML_SUFFIXES[0])


def _validated(document: ConfigDocument, source: Path | str) -> AppendixTemplate:
    try:
        return parse_template(document.data, load_schema())
    except TemplateError as error:
        raise ConfigurationFileError(
            source, located_problems(error.problems, document.lines)
        ) from None


def parse_template_text(text: str, *, source: Path | str = "(text)") -> AppendixTemplate:
    """Parse and validate the text of a template file.

    Raises:
        ConfigurationFileError: the text is not YAML, or the template is invalid; every
            problem names the line and field.
    """
    return _validated(parse_config_text(text, "yaml", source=source), source)


def read_template_file(spec: str | Path | None = None) -> TemplateFile:
    """Read and validate a template (a path, a shipped name, or the default when None).

    Raises:
        ConfigurationFileError: with one line per problem naming the file, line and field.
    """
    path = config_files.resolve_file(
        spec or DEFAULT_TEMPLATE, shipped_templates(), YAML_SUFFIXES, kind="appendix template"
    )
    document = load_config_file(path, "yaml")
    return TemplateFile(_validated(document, path), path, document.lines)


def _measure_paths(location: Path) -> list[Path]:
    if location.is_file():
        return [location]
    if location.is_dir():
        found = [location / name for name in MEASURE_FILES if (location / name).is_file()]
        found += sorted(location.glob("*/survey_measures.csv"))
        found += sorted(location.glob("*/*/survey_measures.csv"))
        if found:
            return found
        raise AppendixInputError(
            f"{location}: no measure table here (one of {', '.join(MEASURE_FILES)})"
        )
    raise AppendixInputError(f"{location}: no such file or folder")


def _unsuppressed(path: Path) -> bool:
    """Whether the run that wrote a measure table says it skipped disclosure control (its
    manifest, ``<name>_manifest.json`` beside it, has ``"unsuppressed": true``)."""
    manifest = path.with_name(f"{path.stem}_manifest.json")
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("unsuppressed") is True


def read_measure_tables(locations: list[Path]) -> tuple[pl.DataFrame, list[Path]]:
    """Every measure table given (files, or folders holding them), stacked in one frame of the
    published table's columns, and the files read.

    Raises:
        AppendixInputError: a location holds no measure table, one cannot be read, or one was
            written without disclosure control.
    """
    frames: list[pl.DataFrame] = []
    paths: list[Path] = []
    for location in locations:
        for path in _measure_paths(location):
            if _unsuppressed(path):
                raise AppendixInputError(
                    f"{path}: written without disclosure control (--unsuppressed); the appendix "
                    "publishes only disclosure-controlled figures"
                )
            try:
                frames.append(read_published_table(path, PUBLISHED_SCHEMA))
            except ValueError as error:
                raise AppendixInputError(str(error)) from None
            paths.append(path)
    if not frames:
        return pl.DataFrame(schema=PUBLISHED_SCHEMA), paths
    return pl.concat(frames, how="vertical"), paths


def _typed(path: Path) -> pl.DataFrame:
    try:
        table = read_labour_table(path)
    except ValueError as error:
        raise AppendixInputError(str(error)) from None
    frame = table.frame.select(table.header)
    numeric = {}
    for name in table.header:
        converted = frame.get_column(name).str.strip_chars().cast(pl.Float64, strict=False)
        given = frame.get_column(name).str.strip_chars() != ""
        if (converted.is_not_null() | ~given).all():
            numeric[name] = converted
    return frame.with_columns(series.alias(name) for name, series in numeric.items())


def read_projection_results(folder: Path) -> ProjectionResults:
    """The results of a projection report folder (``careforce projections report``).

    Raises:
        AppendixInputError: the folder has no ``projection.csv``, or a file lacks a column.
    """
    main = folder / PROJECTION_FILE
    if not main.is_file():
        raise AppendixInputError(
            f"{folder}: no {PROJECTION_FILE} here (run careforce projections report)"
        )
    projection = _typed(main)
    if "group" not in projection.columns or "year" not in projection.columns:
        raise AppendixInputError(f"{main}: no group or year column")
    uncertainty = (
        _typed(folder / UNCERTAINTY_FILE) if (folder / UNCERTAINTY_FILE).is_file() else None
    )
    scenarios = _typed(folder / SCENARIOS_FILE) if (folder / SCENARIOS_FILE).is_file() else None
    return ProjectionResults(folder, projection, uncertainty, scenarios)
