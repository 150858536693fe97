"""YAML text written as people write it: fields in the order given, dates bare, lists indented
under their key, short lists of scalars on one line, and a comment block first."""

from __future__ import annotations

from typing import Any, ClassVar, Final

import yaml

from careforce.io.config_files import YamlLoader

SHORT_ITEM: Final = 12
"""Lists of scalars no longer than this (outcome codes) are written on one line: [1, 2, 3]."""


class _Dumper(yaml.SafeDumper):  # type: ignore[misc]
    """Safe YAML written as people write it: dates bare, lists indented, short lists inline."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = (
        YamlLoader.yaml_implicit_resolvers
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


def format_yaml(data: Any, *, header: str = "") -> str:
    """Data as YAML text, with the header's lines first as comments (without ``#``).

    Args:
        data: Mappings, lists, text and numbers (mappings are written in their order).
        header: Comment lines to put first, followed by a blank line.
    """
    body = str(
        yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
    )
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comments + ("\n" if comments else "") + body
