"""A table written as JSON by Polars gives the bytes json.dumps gives for its records."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.io import text_files
from careforce.io.text_files import write_json, write_json_table

pytestmark = pytest.mark.integration

TEXT = st.none() | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
ROW = st.tuples(TEXT, st.none() | st.integers(min_value=-(2**63), max_value=2**63 - 1), TEXT)


def same_as_json_dumps(folder: Path, frame: pl.DataFrame) -> None:
    write_json_table(folder / "table.json", frame)
    write_json(folder / "records.json", frame.to_dicts())
    assert (folder / "table.json").read_bytes() == (folder / "records.json").read_bytes()


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(ROW, max_size=8), chunk=st.integers(min_value=1, max_value=4))
def test_any_text_and_integers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[tuple], chunk: int
) -> None:
    monkeypatch.setattr(text_files, "JSON_TABLE_CHUNK_ROWS", chunk)
    frame = pl.DataFrame(
        rows, schema={"file": pl.String, "line": pl.Int64, 'välue "x"': pl.String}, orient="row"
    )
    same_as_json_dumps(tmp_path, frame)


def test_control_characters_quotes_and_non_ascii(tmp_path: Path) -> None:
    every = "".join(chr(code) for code in range(0x30)) + '\\"\x7f\x85\u2028\ufeff\U0001f600é'
    same_as_json_dumps(tmp_path, pl.DataFrame({"value": [every, None, ""], "line": [1, 2, None]}))


def test_no_rows_is_an_empty_list(tmp_path: Path) -> None:
    same_as_json_dumps(tmp_path, pl.DataFrame(schema={"file": pl.String, "line": pl.Int64}))
    assert (tmp_path / "table.json").read_text() == "[]\n"


def test_other_types_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="only text and integers"):
        write_json_table(tmp_path / "t.json", pl.DataFrame({"share": [0.5]}))
