"""The shape of the code, checked: what a newcomer relies on when finding their way.

import-linter checks the layers (``make contracts``); these tests check what it cannot: the
size of modules, lookups by string, the complexity lints and where the published table's
columns are spelt out.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "src" / "careforce"
MAX_MODULE_LINES = 800
"""No source module is longer than this: past it, a module holds more than one idea."""
MAX_COMPLEXITY_EXCEPTIONS = 5
"""At most this many files may be excused from ruff's branch and statement limits."""
COMPLEXITY_RULES = ("PLR0912", "PLR0915")
LOOKUP_BY_STRING = re.compile(
    r"\bimport_module\(|\bapps\.get_model\(|\bimport_string\(|__import__\("
)
"""Finding code by name at run time hides a dependency from the layer contracts."""
PUBLISHED_COLUMNS = ("lower_ci", "upper_ci", "comparator_value", "comparison")
"""Column names only the published measures table has (the others, such as ``area_code``, are
ordinary words of other tables too)."""
MAX_FILES_SPELLING_COLUMNS = 2


def _modules() -> list[Path]:
    return sorted(path for path in SOURCE.rglob("*.py") if "migrations" not in path.parts)


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


class TestModules:
    def test_no_module_is_over_800_lines(self) -> None:
        long = {
            _name(path): lines
            for path in _modules()
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
        }
        assert long == {}

    def test_nothing_is_found_by_string_outside_the_web_layer(self) -> None:
        web = SOURCE / "web"
        found = [
            f"{_name(path)}:{number}"
            for path in _modules()
            if web not in path.parents
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if LOOKUP_BY_STRING.search(line)
        ]
        assert found == []

    def test_services_import_no_django(self) -> None:
        found = [
            _name(path)
            for path in (SOURCE / "services").rglob("*.py")
            if re.search(r"^\s*(from|import) (django|gunicorn)\b", path.read_text(), re.M)
        ]
        assert found == []

    @pytest.mark.parametrize("column", PUBLISHED_COLUMNS)
    def test_published_columns_are_spelt_in_at_most_two_files(self, column: str) -> None:
        spelling = sorted(
            _name(path) for path in _modules() if f'"{column}"' in path.read_text(encoding="utf-8")
        )
        assert len(spelling) <= MAX_FILES_SPELLING_COLUMNS, spelling


@pytest.fixture(scope="module")
def lint() -> dict[str, object]:
    """ruff's lint settings from pyproject.toml."""
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: dict[str, object] = settings["tool"]["ruff"]["lint"]
    return found


class TestLintSettings:
    def test_complexity_rules_are_on(self, lint: dict[str, object]) -> None:
        ignored = lint.get("ignore", [])
        assert isinstance(ignored, list)
        assert not set(COMPLEXITY_RULES) & set(ignored)

    def test_at_most_five_files_are_excused(self, lint: dict[str, object]) -> None:
        per_file = lint.get("per-file-ignores", {})
        assert isinstance(per_file, dict)
        excused = [
            pattern
            for pattern, rules in per_file.items()
            if set(COMPLEXITY_RULES) & set(rules) and not pattern.startswith("tests/")
        ]
        assert len(excused) <= MAX_COMPLEXITY_EXCEPTIONS, excused
