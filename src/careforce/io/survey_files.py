"""Survey questionnaire files: reading and validating them (YAML), the shipped questionnaires
and the questionnaire JSON Schema.

Files are read by :mod:`careforce.io.config_files` (safe YAML, every problem reported at
``FILE, line N: field: message``). The shipped questionnaires (``staff``, ``organisations``)
are in ``careforce/data/survey/questionnaires/`` and can be named without a path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError

from careforce.core.configuration import pydantic_problems
from careforce.core.survey.questionnaire import (
    Questionnaire,
    QuestionnaireError,
    parse_questionnaire,
)
from careforce.core.survey.redaction import Redactor
from careforce.core.survey.themes import Codebook
from careforce.io import config_files
from careforce.io.atomic import write_bytes
from careforce.io.config_files import (
    ConfigDocument,
    ConfigurationFileError,
    LineMap,
    load_config_file,
    located_problems,
    parse_config_text,
)

QUESTIONNAIRE_SCHEMA_FILE: Final = "survey-questionnaire.v1.schema.json"
"""Name of the shipped JSON Schema of questionnaire files."""
SCHEMA_PACKAGE: Final = "careforce.core.survey"
"""The package whose ``schema`` folder holds the JSON Schema."""
YAML_SUFFIXES: Final = (".yaml", ".yml")
"""Suffixes of questionnaire files."""
CODEBOOK_FILE: Final = "codebook.yaml"
"""The shipped keyword codebook of free-text themes."""
GIVEN_NAMES_FILE: Final = "given-names.txt"
"""The shipped given names redaction looks for."""


@dataclass(frozen=True)
class QuestionnaireFile:
    """A valid questionnaire file: the questionnaire, its path and the line of each field."""

    questionnaire: Questionnaire
    path: Path
    lines: LineMap = field(default_factory=dict)


def load_schema() -> dict[str, Any]:
    """The shipped questionnaire JSON Schema."""
    return config_files.load_schema(SCHEMA_PACKAGE, QUESTIONNAIRE_SCHEMA_FILE)


def schema_path() -> Path:
    """Where the shipped questionnaire JSON Schema is."""
    return config_files.schema_path(SCHEMA_PACKAGE, QUESTIONNAIRE_SCHEMA_FILE)


def shipped_questionnaires() -> dict[str, Path]:
    """Shipped questionnaires by name (``staff``, ``organisations``)."""
    folder = config_files.shipped_folder("survey", "questionnaires")
    return config_files.shipped_files(folder, YAML_SUFFIXES[0])


def _validated(document: ConfigDocument, source: Path | str) -> Questionnaire:
    try:
        return parse_questionnaire(document.data, load_schema())
    except QuestionnaireError as error:
        raise ConfigurationFileError(
            source, located_problems(error.problems, document.lines)
        ) from None


def parse_questionnaire_text(text: str, *, source: Path | str = "(text)") -> Questionnaire:
    """Parse and validate the text of a questionnaire file.

    Raises:
        ConfigurationFileError: the text is not YAML, or the questionnaire is invalid; each
            problem names the line and field.
    """
    return _validated(parse_config_text(text, "yaml", source=source), source)


def read_questionnaire_file(spec: str | Path) -> QuestionnaireFile:
    """Read and validate a questionnaire (a path or a shipped name such as ``staff``).

    Raises:
        ConfigurationFileError: with one line per problem naming the file, line and field.
    """
    path = config_files.resolve_file(
        spec, shipped_questionnaires(), YAML_SUFFIXES, kind="questionnaire"
    )
    document = load_config_file(path, "yaml")
    return QuestionnaireFile(_validated(document, path), path, document.lines)


def read_codebook(path: Path | None = None) -> Codebook:
    """Read a theme codebook (the shipped one when None).

    Raises:
        ConfigurationFileError: with one line per problem naming the file, line and field.
    """
    path = path or config_files.shipped_folder("survey") / CODEBOOK_FILE
    document = load_config_file(path, "yaml")
    try:
        return Codebook.model_validate(document.data)
    except ValidationError as error:
        raise ConfigurationFileError(
            path, located_problems(pydantic_problems(error), document.lines)
        ) from None


def shipped_redactor() -> Redactor:
    """A redactor looking for the shipped given names."""
    text = (config_files.shipped_folder("survey") / GIVEN_NAMES_FILE).read_text(encoding="utf-8")
    return Redactor(line for line in text.splitlines() if line and not line.startswith("#"))


BASELINE_FILE: Final = "baseline-2022.csv"
"""The 2022 engagement surveys' published headlines as a survey round (published table)."""
BASELINE_ANSWERS_FILE: Final = "baseline-2022-answers.csv"
"""The 2022 engagement surveys' published counts of answers."""


def shipped_baseline() -> Path:
    """Where the shipped 2022 baseline round is."""
    return config_files.shipped_folder("survey") / BASELINE_FILE


def shipped_baseline_answers() -> Path:
    """Where the shipped counts of the 2022 baseline's answers are."""
    return config_files.shipped_folder("survey") / BASELINE_ANSWERS_FILE


def copy_shipped_baseline(measures: Path, answers: Path) -> list[Path]:
    """Copy the shipped 2022 baseline round (measures and counts of answers), atomically."""
    write_bytes(measures, shipped_baseline().read_bytes())
    write_bytes(answers, shipped_baseline_answers().read_bytes())
    return [measures, answers]
