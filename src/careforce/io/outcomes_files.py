"""Outcomes configuration files: reading and validating the framework and the action plan
(YAML), writing the action plan back, and the shipped files and schemas.

YAML is read with a safe loader that keeps dates as text (the models parse them), refuses
aliases and explicit tags (no surprises, no recursive data), and remembers the line of every
field so that a problem is reported at ``FILE, line N: field: message``. The Staffordshire files
ship in ``careforce/data/outcomes/`` and can be named without a path.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, Final, TypeVar

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from careforce.core.configuration import Problem
from careforce.core.outcomes.action_plan import ActionPlan, parse_action_plan
from careforce.core.outcomes.framework import Framework, parse_framework
from careforce.core.outcomes.validation import ConfigurationError
from careforce.io.text_files import write_text_file

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
_STANDARD_TAG_PREFIX: Final = "tag:yaml.org,2002:"
_TIMESTAMP_TAG: Final = f"{_STANDARD_TAG_PREFIX}timestamp"

Loaded = TypeVar("Loaded", Framework, ActionPlan)


class ConfigurationFileError(ValueError):
    """A configuration file cannot be used; every problem is one line naming file and field."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        """Record which file and every problem (at least one)."""
        self.path = str(path)
        self.problems = problems or ["cannot be used"]
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
        super().__init__(f"{path}: {self.problems[0]}{suffix}")

    @property
    def lines(self) -> list[str]:
        """Every problem as ``FILE: problem``."""
        return [f"{self.path}: {problem}" for problem in self.problems]


class _Loader(yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML with dates left as text and without aliases or explicit tags."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        """Refuse aliases (``*name``) and explicit tags (``!!int``) before composing a node."""
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise ComposerError(
                None, None, "aliases (*name) are not allowed; repeat the value", event.start_mark
            )
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.tag not in (None, "!"):
            shown = str(event.tag).replace(_STANDARD_TAG_PREFIX, "!!")
            raise ComposerError(
                None, None, f"tags such as {shown} are not allowed", event.start_mark
            )
        composed: Node | None = super().compose_node(parent, index)
        return composed


SHORT_ITEM: Final = 12
"""Lists of scalars no longer than this (outcome codes) are written on one line: [1, 2, 3]."""


class _Dumper(yaml.SafeDumper):  # type: ignore[misc]
    """Safe YAML written as people write it: dates bare, lists indented, short lists inline."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = (
        _Loader.yaml_implicit_resolvers
    )

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        """Indent list items under their key."""
        return super().increase_indent(flow, False)


def _represent_list(dumper: Any, items: list[Any]) -> Any:
    inline = bool(items) and all(
        isinstance(item, str | int) and len(str(item)) <= SHORT_ITEM for item in items
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=inline)


_Dumper.add_representer(list, _represent_list)

_LOST_IN_PLAIN_STYLES: Final = "\x85"
"""NEXT LINE: a line break to YAML, so outside double quotes it would read back as a space."""


def _represent_text(dumper: Any, text: str) -> Any:
    style = '"' if any(char in text for char in _LOST_IN_PLAIN_STYLES) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def _line_map(node: Node | None) -> dict[tuple[str | int, ...], int]:
    """The line (from 1) of every field and list item, by path."""
    lines: dict[tuple[str | int, ...], int] = {}
    stack: list[tuple[tuple[str | int, ...], Node]] = [((), node)] if node is not None else []
    while stack:
        path, current = stack.pop()
        lines[path] = current.start_mark.line + 1
        if isinstance(current, MappingNode):
            for key, value in current.value:
                if isinstance(key, ScalarNode):
                    lines[(*path, key.value)] = key.start_mark.line + 1
                    stack.append(((*path, key.value), value))
        elif isinstance(current, SequenceNode):
            stack.extend(((*path, index), item) for index, item in enumerate(current.value))
    return lines


def _line_of(lines: dict[tuple[str | int, ...], int], path: tuple[str | int, ...]) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def parse_yaml(text: str) -> tuple[Any, dict[tuple[str | int, ...], int]]:
    """Parse YAML text into data and the line of every field.

    Raises:
        ConfigurationFileError: the text is not YAML careforce accepts (path ``(text)``).
    """
    try:
        loader = _Loader(text)
    except ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        raise ConfigurationFileError(
            "(text)", [f"line {line}: not valid YAML: the control character {character}"]
        ) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        reason = error.problem or error.context or "not valid YAML"
        raise ConfigurationFileError("(text)", [f"{where}not valid YAML: {reason}"]) from None
    except yaml.YAMLError as error:
        raise ConfigurationFileError("(text)", [f"not valid YAML: {error}"]) from None
    except ValueError as error:
        # PyYAML's scalar constructors raise ValueError for odd numbers such as 0x_.
        raise ConfigurationFileError("(text)", [f"not valid YAML: {error}"]) from None
    except RecursionError:
        raise ConfigurationFileError("(text)", ["not valid YAML: nested too deeply"]) from None
    finally:
        loader.dispose()
    return data, _line_map(node)


LineMap = dict[tuple[str | int, ...], int]
"""The line (from 1) of every field and list item of a YAML file, by path."""


def _located(problem: Problem, lines: LineMap) -> str:
    line = _line_of(lines, problem.path)
    return f"line {line}: {problem}" if line is not None else str(problem)


def located_problems(problems: list[Problem], lines: LineMap) -> list[str]:
    """Problems as ``line N: field: message``, in the order of the file."""
    ordered = sorted(
        problems, key=lambda problem: (_line_of(lines, problem.path) or 0, problem.field)
    )
    return [_located(problem, lines) for problem in ordered]


def _parse_text(
    text: str,
    *,
    source: Path | str,
    parse: Callable[[Any, dict[str, Any]], Loaded],
    schema: dict[str, Any],
) -> tuple[Loaded, LineMap]:
    try:
        data, lines = parse_yaml(text)
    except ConfigurationFileError as error:
        raise ConfigurationFileError(source, error.problems) from None
    try:
        return parse(data, schema), lines
    except ConfigurationError as error:
        raise ConfigurationFileError(source, located_problems(error.problems, lines)) from None


def _schema_resource(name: str) -> resources.abc.Traversable:
    return resources.files("careforce.core.outcomes").joinpath("schema", name)


def load_schema(name: str) -> dict[str, Any]:
    """A shipped JSON Schema (:data:`FRAMEWORK_SCHEMA_FILE` or :data:`ACTION_PLAN_SCHEMA_FILE`)."""
    schema: dict[str, Any] = json.loads(_schema_resource(name).read_text(encoding="utf-8"))
    return schema


def schema_path(name: str) -> Path:
    """Where a shipped JSON Schema is."""
    return Path(str(_schema_resource(name)))


def write_schema(path: Path, schema: dict[str, Any]) -> None:
    """Write a JSON Schema (indented, ending with a newline), atomically."""
    write_text_file(path, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")


def shipped_directory() -> Path:
    """Folder of the outcomes files shipped with careforce."""
    return Path(str(resources.files("careforce").joinpath("data", "outcomes")))


def shipped_files() -> dict[str, Path]:
    """Shipped framework and action-plan files by name (file name without suffix)."""
    folder = shipped_directory()
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}


def resolve_file(spec: str | Path) -> Path:
    """A configuration file's path from a path or the name of a shipped file.

    Raises:
        ConfigurationFileError: neither a file nor a shipped name.
    """
    path = Path(spec)
    if path.is_file():
        return path
    shipped = shipped_files()
    name = path.name
    for suffix in YAML_SUFFIXES:
        name = name.removesuffix(suffix)
    if path.parent == Path(".") and name in shipped:
        return shipped[name]
    if path.exists():
        raise ConfigurationFileError(path, ["is not a file"])
    known = ", ".join(shipped) or "none"
    raise ConfigurationFileError(
        path, [f"no such file, and not the name of a shipped file ({known})"]
    )


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


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigurationFileError(path, [f"cannot be read: {error.strerror}"]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigurationFileError(path, [f"is not UTF-8 text (byte {error.start})"]) from None


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
    framework, lines = _parse_text(
        _read_text(path),
        source=path,
        parse=parse_framework,
        schema=load_schema(FRAMEWORK_SCHEMA_FILE),
    )
    return FrameworkFile(framework, path, lines)


def read_action_plan_file(spec: str | Path | None = None) -> ActionPlanFile:
    """Read and validate an action plan (a path, a shipped name, or the default when None).

    Raises:
        ConfigurationFileError: with one line per problem naming the file, line and field.
    """
    path = resolve_file(spec or DEFAULT_ACTION_PLAN)
    plan, lines = _parse_text(
        _read_text(path),
        source=path,
        parse=parse_action_plan,
        schema=load_schema(ACTION_PLAN_SCHEMA_FILE),
    )
    return ActionPlanFile(plan, path, lines)


def format_action_plan_yaml(plan: ActionPlan, *, header: str = "") -> str:
    """The plan as YAML text (fields in model order, dates as YYYY-MM-DD, empty fields left out).

    Args:
        plan: the plan.
        header: comment lines to put first (without ``#``), e.g. where the plan comes from.
    """
    data = plan.model_dump(mode="json", exclude_none=True)
    body = str(
        yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
    )
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comments + ("\n" if comments else "") + body


def leading_comments(path: Path) -> str:
    """The comment block at the top of an existing file (without ``#``), or empty."""
    if not path.is_file():
        return ""
    lines: list[str] = []
    for line in _read_text(path).splitlines():
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
