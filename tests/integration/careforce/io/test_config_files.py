"""The configuration-file loader: any bytes give a document or one error class naming the file,
with the line wherever the problem has one; shipped files are found by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.io.config_files import (
    ConfigDocument,
    ConfigurationFileError,
    Syntax,
    load_config_file,
    resolve_file,
    write_schema,
)

pytestmark = pytest.mark.integration

LOCATED = re.compile(r"^line \d+: ")
"""A YAML problem found at a place in the file."""
TOML_LOCATED = re.compile(r"^not valid TOML: .*\((at line \d+, column \d+|at end of document)\)$")
"""A TOML problem: tomllib names the line and column, or the end of the document."""
WITHOUT_LINE = re.compile(
    r"^(is not UTF-8 text \(byte \d+\)"
    r"|not valid YAML: nested too deeply"
    r"|not valid YAML: (invalid literal|could not convert|year|month|day|Exceeds).*)$"
)
"""Problems that have no line: the bytes are not text, or a number or date cannot be built."""

YAML_SOUP = st.lists(
    st.sampled_from(
        ["a", ":", " ", "\n", "- ", "[", "]", "{", "}", "&x", "*x", "!!str", "'", '"', "#", "0x_"]
    )
    | st.text(max_size=4),
    max_size=40,
).map("".join)
TOML_SOUP = st.lists(
    st.sampled_from(["a = 1\n", "[t]\n", "[[t]]\n", '"', "=", "\n", "{", "}", "1979-05-27", "x"])
    | st.text(max_size=4),
    max_size=40,
).map("".join)


def _load(path: Path, syntax: Syntax) -> ConfigDocument | ConfigurationFileError:
    try:
        return load_config_file(path, syntax)
    except ConfigurationFileError as error:
        return error


def _check(path: Path, syntax: Syntax) -> None:
    outcome = _load(path, syntax)
    if isinstance(outcome, ConfigDocument):
        assert outcome.raw == path.read_bytes()
        return
    assert str(outcome).startswith(f"{path}: ")
    assert outcome.lines == [f"{path}: {problem}" for problem in outcome.problems]
    located = TOML_LOCATED if syntax == "toml" else LOCATED
    for problem in outcome.problems:
        assert "\n" not in problem
        assert located.match(problem) or WITHOUT_LINE.match(problem), problem


@pytest.mark.parametrize("syntax", ["yaml", "toml"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_give_a_document_or_the_one_error(
    tmp_path_factory: pytest.TempPathFactory, syntax: Syntax, data: bytes
) -> None:
    path = tmp_path_factory.getbasetemp() / f"arbitrary.{syntax}"
    path.write_bytes(data)
    _check(path, syntax)


@pytest.mark.parametrize(("syntax", "soup"), [("yaml", YAML_SOUP), ("toml", TOML_SOUP)])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_text_like_the_syntax_gives_a_document_or_a_located_error(
    tmp_path_factory: pytest.TempPathFactory,
    syntax: Syntax,
    soup: st.SearchStrategy[str],
    data: st.DataObject,
) -> None:
    path = tmp_path_factory.getbasetemp() / f"soup.{syntax}"
    path.write_bytes(data.draw(soup).encode("utf-8", "surrogatepass"))
    _check(path, syntax)


def test_yaml_keeps_dates_as_text_and_the_line_of_every_field(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("name: Plan\nitems:\n  - start: 2022-04-01\n", encoding="utf-8")
    document = load_config_file(path, "yaml")
    assert document.data == {"name": "Plan", "items": [{"start": "2022-04-01"}]}
    assert document.lines[("items", 0, "start")] == 3


def test_yaml_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("a: 1\nb: [1\n", encoding="utf-8")
    with pytest.raises(ConfigurationFileError) as caught:
        load_config_file(path, "yaml")
    assert caught.value.problems[0].startswith("line 3: not valid YAML")
    assert caught.value.reason == caught.value.problems[0]


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationFileError, match="cannot be read"):
        load_config_file(tmp_path / "missing.toml", "toml")
    with pytest.raises(ConfigurationFileError, match="is not a file"):
        resolve_file(tmp_path, {}, (".toml",))


def test_shipped_files_are_found_by_name_with_or_without_the_suffix(tmp_path: Path) -> None:
    shipped = {"plan": tmp_path / "plan.yaml"}
    assert resolve_file("plan", shipped, (".yaml", ".yml")) == shipped["plan"]
    assert resolve_file("plan.yml", shipped, (".yaml", ".yml")) == shipped["plan"]
    with pytest.raises(ConfigurationFileError) as caught:
        resolve_file("other", shipped, (".yaml",), kind="parameter file")
    assert caught.value.reason == (
        "no such file, and not the name of a shipped parameter file (plan)"
    )


def test_several_problems_are_counted_in_the_message() -> None:
    error = ConfigurationFileError("f.yaml", ["line 1: a", "line 2: b", "line 3: c"])
    assert str(error) == "f.yaml: line 1: a (and 2 more problems)"
    assert ConfigurationFileError("f.yaml", []).reason == "cannot be used"


def test_schemas_are_written_indented_with_a_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    write_schema(path, {"title": "Café", "type": "object"})
    assert path.read_text(encoding="utf-8") == '{\n  "title": "Café",\n  "type": "object"\n}\n'
