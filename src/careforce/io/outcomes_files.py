"""Outcomes configuration files: reading and validating the framework and the action plan
(YAML), writing the action plan back, and the shipped files and schemas.

The files are read by :mod:`careforce.io.config_files` (safe YAML, every problem reported at
``FILE, line N: field: message``). The Staffordshire files ship in ``careforce/data/outcomes/``
and can be named without a path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeVar

from careforce.core.outcomes.action_plan import ActionPlan, parse_action_plan
from careforce.core.outcomes.framework import Framework, parse_framework
from careforce.core.outcomes.validation import ConfigurationError
from careforce.io import config_files
from careforce.io.config_files import (
    ConfigurationFileError,
    LineMap,
    load_config_file,
    located_problems,
    parse_config_text,
    read_config_text,
)
from careforce.io.text_files import write_text_file
from careforce.io.yaml_text import format_yaml

__all__ = [
    "ACTION_PLAN_SCHEMA_FILE",
    "DEFAULT_ACTION_PLAN",
    "DEFAULT_FRAMEWORK",
    "FRAMEWORK_SCHEMA_FILE",
    "ActionPlanFile",
    "ConfigurationFileError",
    "FrameworkFile",
    "format_action_plan_yaml",
    "leading_comments",
    "load_schema",
    "parse_action_plan_text",
    "parse_framework_text",
    "read_action_plan_file",
    "read_framework_file",
    "resolve_file",
    "schema_path",
    "shipped_directory",
    "shipped_files",
    "write_action_plan_file",
]

FRAMEWORK_SCHEMA_FILE: Final = "outcomes-framework.v1.schema.json"
"""Name of the shipped JSON Schema of framework files."""
ACTION_PLAN_SCHEMA_FILE: Final = "action-plan.v1.schema.json"
"""Name of the shipped JSON Schema of action-plan files."""
DEFAULT_FRAMEWORK: Final = "staffordshire-framework"
"""Shipped framework used when none is given."""
DEFAULT_ACTION_PLAN: Final = "staffordshire-action-plan"
"""Shipped action plan used when none is given."""
YAML_SUFFIXES: Final = (".yaml", ".yml")
"""Suffixes of configuration files."""
SCHEMA_PACKAGE: Final = "careforce.core.outcomes"
"""The package whose ``schema`` folder holds the JSON Schemas."""

Loaded = TypeVar("Loaded", Framework, ActionPlan)


def _parse_text(
    text: str,
    *,
    source: Path | str,
    parse: Callable[[Any, dict[str, Any]], Loaded],
    schema: dict[str, Any],
) -> tuple[Loaded, LineMap]:
    return _validated(parse_config_text(text, "yaml", source=source), source, parse, schema)


def _validated(
    document: config_files.ConfigDocument,
    source: Path | str,
    parse: Callable[[Any, dict[str, Any]], Loaded],
    schema: dict[str, Any],
) -> tuple[Loaded, LineMap]:
    try:
        return parse(document.data, schema), document.lines
    except ConfigurationError as error:
        raise ConfigurationFileError(
            source, located_problems(error.problems, document.lines)
        ) from None


def load_schema(name: str) -> dict[str, Any]:
    """A shipped JSON Schema (:data:`FRAMEWORK_SCHEMA_FILE` or :data:`ACTION_PLAN_SCHEMA_FILE`)."""
    return config_files.load_schema(SCHEMA_PACKAGE, name)


def schema_path(name: str) -> Path:
    """Where a shipped JSON Schema is."""
    return config_files.schema_path(SCHEMA_PACKAGE, name)


def shipped_directory() -> Path:
    """Folder of the outcomes files shipped with careforce."""
    return config_files.shipped_folder("outcomes")


def shipped_files() -> dict[str, Path]:
    """Shipped framework and action-plan files by name (file name without suffix)."""
    return config_files.shipped_files(shipped_directory(), YAML_SUFFIXES[0])


def resolve_file(spec: str | Path) -> Path:
    """A configuration file's path from a path or the name of a shipped file.

    Raises:
        ConfigurationFileError: neither a file nor a shipped name.
    """
    return config_files.resolve_file(spec, shipped_files(), YAML_SUFFIXES)


@dataclass(frozen=True)
class FrameworkFile:
    """A valid framework file: the framework, where it came from and the line of each field."""

    framework: Framework
    path: Path
    lines: LineMap = field(default_factory=dict)


@dataclass(frozen=True)
class ActionPlanFile:
    """A valid action-plan file: the plan, where it came from and the line of each field."""

    plan: ActionPlan
    path: Path
    lines: LineMap = field(default_factory=dict)


def parse_framework_text(text: str, *, source: Path | str = "(text)") -> Framework:
    """Parse and validate the text of a framework file.

    Raises:
        ConfigurationFileError: the text is not YAML, or the framework is invalid.
    """
    framework, _ = _parse_text(
        text, source=source, parse=parse_framework, schema=load_schema(FRAMEWORK_SCHEMA_FILE)
    )
    return framework


def parse_action_plan_text(text: str, *, source: Path | str = "(text)") -> ActionPlan:
    """Parse and validate the text of an action-plan file.

    Raises:
        ConfigurationFileError: the text is not YAML, or the plan is invalid.
    """
    plan, _ = _parse_text(
        text, source=source, parse=parse_action_plan, schema=load_schema(ACTION_PLAN_SCHEMA_FILE)
    )
    return plan


def read_framework_file(spec: str | Path | None = None) -> FrameworkFile:
    """Read and validate a framework (a path, a shipped name, or the default when None).

    Raises:
        ConfigurationFileError: with one line per problem naming the file, line and field.
    """
    path = resolve_file(spec or DEFAULT_FRAMEWORK)
    framework, lines = _validated(
        load_config_file(path, "yaml"), path, parse_framework, load_schema(FRAMEWORK_SCHEMA_FILE)
    )
    return FrameworkFile(framework, path, lines)


def read_action_plan_file(spec: str | Path | None = None) -> ActionPlanFile:
    """Read and validate an action plan (a path, a shipped name, or the default when None).

    Raises:
        ConfigurationFileError: with one line per problem naming the file, line and field.
    """
    path = resolve_file(spec or DEFAULT_ACTION_PLAN)
    plan, lines = _validated(
        load_config_file(path, "yaml"),
        path,
        parse_action_plan,
        load_schema(ACTION_PLAN_SCHEMA_FILE),
    )
    return ActionPlanFile(plan, path, lines)


def format_action_plan_yaml(plan: ActionPlan, *, header: str = "") -> str:
    """The plan as YAML text (fields in model order, dates as YYYY-MM-DD, empty fields left out).

    Args:
        plan: the plan.
        header: comment lines to put first (without ``#``), e.g. where the plan comes from.
    """
    data = plan.model_dump(mode="json", exclude_none=True)
    return format_yaml(data, header=header)


def leading_comments(path: Path) -> str:
    """The comment block at the top of an existing file (without ``#``), or empty."""
    if not path.is_file():
        return ""
    lines: list[str] = []
    for line in read_config_text(path).splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[2:] if line.startswith("# ") else line[1:])
    return "\n".join(lines)


def write_action_plan_file(path: Path, plan: ActionPlan, *, header: str | None = None) -> Path:
    """Write the plan as YAML, atomically.

    Args:
        path: where to write.
        plan: the plan.
        header: comment lines to put first; None keeps the comment block at the top of the file
            being replaced (other comments are not kept).

    Returns:
        The path written.
    """
    comments = leading_comments(path) if header is None else header
    write_text_file(path, format_action_plan_yaml(plan, header=comments))
    return path
