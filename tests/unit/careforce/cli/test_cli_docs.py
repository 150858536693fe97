"""Every command of the CLI is documented in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from careforce.cli.app import app

pytestmark = pytest.mark.unit

CLI_PAGE = Path(__file__).resolve().parents[4] / "docs" / "cli.md"


def _commands(application: typer.Typer, prefix: str) -> list[str]:
    found = [f"{prefix} {command.name}" for command in application.registered_commands]
    for group in application.registered_groups:
        assert group.typer_instance is not None
        found += _commands(group.typer_instance, f"{prefix} {group.name}")
    return found


class TestCliPage:
    def test_lists_commands(self) -> None:
        assert len(_commands(app, "careforce")) >= 3

    @pytest.mark.parametrize("command", _commands(app, "careforce"))
    def test_command_is_documented(self, command: str) -> None:
        page = CLI_PAGE.read_text(encoding="utf-8")
        assert f"## `{command}`" in page, f"{command} is missing from docs/cli.md"
