"""Projection parameter files: finding, reading and validating TOML files, writing derived ones
(as TOML text from :mod:`careforce.io.toml_text`).

Parameter files are TOML, read by :mod:`careforce.io.config_files` and validated against the
JSON Schema shipped in ``careforce/core/projections/schema/``. The Staffordshire files ship in
``careforce/data/projections/`` and can be named without a path.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import polars as pl

from careforce.core.projections.derivation import Derivation
from careforce.core.projections.parameters import ParameterError, ProjectionParameters
from careforce.core.projections.validation import parse_parameters
from careforce.io import config_files
from careforce.io.atomic import write_bytes
from careforce.io.config_files import ConfigurationFileError, load_config_file, parse_config_text
from careforce.io.safe_cells import neutralised_frame
from careforce.io.toml_text import format_toml

SCHEMA_FILE: Final = "projection-parameters.v1.schema.json"
"""Name of the shipped JSON Schema of parameter files."""
PARAMETER_SUFFIX: Final = ".toml"
"""Suffix of parameter files."""
SCHEMA_PACKAGE: Final = "careforce.core.projections"
"""The package whose ``schema`` folder holds the JSON Schema."""


@dataclass(frozen=True)
class ParameterFile:
    """A valid parameter file.

    Attributes:
        params: the parameters.
        path: where it was read from.
        sha256: the file's hash, for manifests.
    """

    params: ProjectionParameters
    path: Path
    sha256: str


def load_schema() -> dict[str, Any]:
    """The shipped JSON Schema of parameter files."""
    return config_files.load_schema(SCHEMA_PACKAGE, SCHEMA_FILE)


def schema_path() -> Path:
    """Where the shipped JSON Schema is."""
    return config_files.schema_path(SCHEMA_PACKAGE, SCHEMA_FILE)


def shipped_directory() -> Path:
    """Folder of the parameter files shipped with careforce."""
    return config_files.shipped_folder("projections")


def shipped_parameter_files() -> dict[str, Path]:
    """Shipped parameter files by name (file name without ``.toml``), sorted by name."""
    return config_files.shipped_files(shipped_directory(), PARAMETER_SUFFIX)


def resolve_parameter_file(spec: str | Path) -> Path:
    """A parameter file's path from a path or the name of a shipped file.

    Raises:
        ConfigurationFileError: neither a file nor a shipped name.
    """
    return config_files.resolve_file(
        spec, shipped_parameter_files(), (PARAMETER_SUFFIX,), kind="parameter file"
    )


def _validated(data: dict[str, Any], source: Path | str) -> ProjectionParameters:
    try:
        return parse_parameters(data, load_schema())
    except ParameterError as error:
        raise ConfigurationFileError(source, [str(error)]) from None


def parse_parameter_text(text: str, *, source: Path | str) -> ProjectionParameters:
    """Parse and validate the text of a parameter file.

    Raises:
        ConfigurationFileError: the text is not TOML, or the parameters are invalid.
    """
    return _validated(parse_config_text(text, "toml", source=source).data, source)


def read_parameter_file(spec: str | Path) -> ParameterFile:
    """Read and validate a parameter file (a path, or the name of a shipped file).

    Raises:
        ConfigurationFileError: with one line naming the file, the field and the problem.
    """
    path = resolve_parameter_file(spec)
    document = load_config_file(path, "toml")
    params = _validated(document.data, path)
    return ParameterFile(params=params, path=path, sha256=hashlib.sha256(document.raw).hexdigest())


def frame_as_csv(frame: pl.DataFrame) -> str:
    """A frame as CSV text, its text cells safe to open in a spreadsheet program."""
    return neutralised_frame(frame).write_csv()


def format_parameter_toml(derivation: Derivation) -> str:
    """A derived parameter structure as TOML, each note written as a comment above its key."""
    return format_toml(derivation.data, notes=derivation.notes, header=derivation.header)


def write_parameter_file(path: Path, text: str) -> None:
    """Write a parameter file atomically (UTF-8, LF line endings)."""
    write_bytes(path, text.encode("utf-8"))
