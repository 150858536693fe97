"""Configuration files (YAML or TOML): reading them with line-aware errors, their JSON Schemas,
and the files shipped with careforce, named without a path.

YAML is read with a safe loader that keeps dates as text (the models parse them), refuses
aliases and explicit tags (no surprises, no recursive data), and remembers the line of every
field so that a problem is reported at ``FILE, line N: field: message``. TOML is read with
:mod:`tomllib`, whose errors name the line and column. Every problem with a file is raised as
one :class:`ConfigurationFileError`.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, Final, Literal

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from careforce.core.configuration import Problem
from careforce.io.atomic import write_text
from careforce.io.package_data import DATA_PACKAGE

STANDARD_TAG_PREFIX: Final = "tag:yaml.org,2002:"
TIMESTAMP_TAG: Final = f"{STANDARD_TAG_PREFIX}timestamp"
TEXT_SOURCE: Final = "(text)"
"""What a problem names as its file when text was parsed without one."""

LineMap = dict[tuple[str | int, ...], int]
"""The line (from 1) of every field and list item of a YAML file, by path."""

Syntax = Literal["yaml", "toml"]


class ConfigurationFileError(ValueError):
    """A configuration file cannot be used; every problem is one line naming file and field."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        """Record which file and every problem (at least one)."""
        self.path = str(path)
        self.problems = problems or ["cannot be used"]
        super().__init__(f"{path}: {self.reason}")

    @property
    def reason(self) -> str:
        """The first problem, and how many more there are."""
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
        return f"{self.problems[0]}{suffix}"

    @property
    def lines(self) -> list[str]:
        """Every problem as ``FILE: problem``."""
        return [f"{self.path}: {problem}" for problem in self.problems]


# --- reading -------------------------------------------------------------------------------


class YamlLoader(yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML with dates left as text and without aliases or explicit tags."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != TIMESTAMP_TAG]
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
            shown = str(event.tag).replace(STANDARD_TAG_PREFIX, "!!")
            raise ComposerError(
                None, None, f"tags such as {shown} are not allowed", event.start_mark
            )
        composed: Node | None = super().compose_node(parent, index)
        return composed


def _line_map(node: Node | None) -> LineMap:
    """The line (from 1) of every field and list item, by path."""
    lines: LineMap = {}
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


def _line_of(lines: LineMap, path: tuple[str | int, ...]) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def _yaml_refusal(problem: str) -> ConfigurationFileError:
    return ConfigurationFileError(TEXT_SOURCE, [problem])


def parse_yaml(text: str) -> tuple[Any, LineMap]:
    """Parse YAML text into data and the line of every field.

    Raises:
        ConfigurationFileError: the text is not YAML careforce accepts (path ``(text)``).
    """
    try:
        loader = YamlLoader(text)
    except ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        raise _yaml_refusal(
            f"line {line}: not valid YAML: the control character {character}"
        ) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        reason = error.problem or error.context or "not valid YAML"
        raise _yaml_refusal(f"{where}not valid YAML: {reason}") from None
    except yaml.YAMLError as error:
        raise _yaml_refusal(f"not valid YAML: {error}") from None
    except ValueError as error:
        # PyYAML's scalar constructors raise ValueError for odd numbers such as 0x_.
        raise _yaml_refusal(f"not valid YAML: {error}") from None
    except RecursionError:
        raise _yaml_refusal("not valid YAML: nested too deeply") from None
    finally:
        loader.dispose()
    return data, _line_map(node)


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML text (its errors name the line and column).

    Raises:
        ConfigurationFileError: the text is not TOML (path ``(text)``).
    """
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigurationFileError(TEXT_SOURCE, [f"not valid TOML: {error}"]) from None
    except RecursionError:
        raise ConfigurationFileError(TEXT_SOURCE, ["not valid TOML: nested too deeply"]) from None


MAX_NESTING: Final = 64
"""Deepest nesting of tables and lists a configuration file may have. careforce's own files
nest at most six deep; the limit keeps a hostile file from exhausting the interpreter's stack
in the parser or the schema checker (Python's recursion limit is 1,000 frames)."""


def _nesting(data: Any) -> int:
    """How deep mappings and lists nest in ``data`` (counted without recursion)."""
    deepest, pending = 0, [(data, 0)]
    while pending:
        item, depth = pending.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            break
        if isinstance(item, dict):
            pending.extend((value, depth + 1) for value in item.values())
        elif isinstance(item, list):
            pending.extend((value, depth + 1) for value in item)
    return deepest


def located_problems(problems: Sequence[Problem], lines: LineMap) -> list[str]:
    """Problems as ``line N: field: message``, in the order of the file."""
    ordered = sorted(
        problems, key=lambda problem: (_line_of(lines, problem.path) or 0, problem.field)
    )
    located = []
    for problem in ordered:
        line = _line_of(lines, problem.path)
        located.append(f"line {line}: {problem}" if line is not None else str(problem))
    return located


def read_config_bytes(path: Path) -> bytes:
    """The bytes of a configuration file.

    Raises:
        ConfigurationFileError: the file cannot be read.
    """
    try:
        return path.read_bytes()
    except OSError as error:
        raise ConfigurationFileError(path, [f"cannot be read: {error.strerror}"]) from None


def decode_config_text(path: Path, data: bytes) -> str:
    """The text of a configuration file's bytes (UTF-8, with or without a byte-order mark).

    Raises:
        ConfigurationFileError: the bytes are not UTF-8.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigurationFileError(path, [f"is not UTF-8 text (byte {error.start})"]) from None


def read_config_text(path: Path) -> str:
    """The text of a configuration file.

    Raises:
        ConfigurationFileError: the file cannot be read or is not UTF-8.
    """
    return decode_config_text(path, read_config_bytes(path))


@dataclass(frozen=True)
class ConfigDocument:
    """A configuration file's content, parsed but not yet validated.

    Attributes:
        data: What the file holds (mappings, lists, text, numbers).
        lines: The line of every field (YAML only; empty for TOML).
        raw: The file's bytes (for hashes in manifests).
    """

    data: Any
    lines: LineMap = field(default_factory=dict)
    raw: bytes = b""


def parse_config_text(text: str, syntax: Syntax, *, source: Path | str) -> ConfigDocument:
    """Parse the text of a configuration file.

    Raises:
        ConfigurationFileError: the text is not YAML or TOML careforce accepts (path ``source``).
    """
    try:
        if syntax == "toml":
            return _shallow(ConfigDocument(parse_toml(text)), source)
        data, lines = parse_yaml(text)
    except ConfigurationFileError as error:
        raise ConfigurationFileError(source, error.problems) from None
    return _shallow(ConfigDocument(data, lines), source)


def _shallow(document: ConfigDocument, source: Path | str) -> ConfigDocument:
    if _nesting(document.data) > MAX_NESTING:
        raise ConfigurationFileError(
            source, [f"nested more than {MAX_NESTING} tables or lists deep"]
        )
    return document


def load_config_file(path: Path, syntax: Syntax) -> ConfigDocument:
    """Read and parse a configuration file.

    Raises:
        ConfigurationFileError: the file cannot be read, is not UTF-8, or is not YAML or TOML
            careforce accepts; every problem names the file and, where known, the line.
    """
    raw = read_config_bytes(path)
    document = parse_config_text(decode_config_text(path, raw), syntax, source=path)
    return ConfigDocument(document.data, document.lines, raw)


# --- schemas and shipped files ---------------------------------------------------------------


def _schema_resource(package: str, name: str) -> resources.abc.Traversable:
    return resources.files(package).joinpath("schema", name)


def load_schema(package: str, name: str) -> dict[str, Any]:
    """A JSON Schema shipped in a package's ``schema`` folder."""
    schema: dict[str, Any] = json.loads(_schema_resource(package, name).read_text(encoding="utf-8"))
    return schema


def schema_path(package: str, name: str) -> Path:
    """Where a JSON Schema shipped in a package's ``schema`` folder is."""
    return Path(str(_schema_resource(package, name)))


def write_schema(path: Path, schema: Mapping[str, Any]) -> None:
    """Write a JSON Schema (indented, ending with a newline), atomically."""
    write_text(path, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")


def shipped_folder(*parts: str) -> Path:
    """A folder of files shipped with careforce, e.g. ``("outcomes",)``."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(*parts)))


def shipped_files(folder: Path, suffix: str) -> dict[str, Path]:
    """The files of a shipped folder with the suffix, by name (without it), sorted by name."""
    if not folder.is_dir():
        return {}
    return {path.stem: path for path in sorted(folder.glob(f"*{suffix}"))}


def resolve_file(
    spec: str | Path, shipped: Mapping[str, Path], suffixes: Sequence[str], *, kind: str = "file"
) -> Path:
    """A configuration file's path from a path or the name of a shipped file.

    Args:
        spec: A path, or a shipped file's name (with or without one of the suffixes).
        shipped: The shipped files by name.
        suffixes: Suffixes a name may be given with.
        kind: What the files are called in the message (``file``, ``parameter file``).

    Raises:
        ConfigurationFileError: neither a file nor a shipped name.
    """
    path = Path(spec)
    if path.is_file():
        return path
    name = path.name
    for suffix in suffixes:
        name = name.removesuffix(suffix)
    if path.parent == Path(".") and name in shipped:
        return shipped[name]
    if path.exists():
        raise ConfigurationFileError(path, ["is not a file"])
    known = ", ".join(shipped) or "none"
    raise ConfigurationFileError(
        path, [f"no such file, and not the name of a shipped {kind} ({known})"]
    )
