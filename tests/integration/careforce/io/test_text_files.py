"""Writing JSON records a batch at a time gives the bytes writing the whole list gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from careforce.io.text_files import write_json, write_json_records

pytestmark = pytest.mark.integration

RECORDS: list[dict[str, Any]] = [
    {"file": "staff", "line": 2, "value": 'é\n"x"', "nested": {"a": [1, None]}},
    {"file": "training", "line": 3, "value": None, "nested": {}},
    {"file": "workplace", "line": 0, "value": "\x01", "nested": {"b": []}},
]


@pytest.mark.parametrize(
    "batches",
    [[], [[]], [RECORDS[:1]], [RECORDS], [RECORDS[:1], [], RECORDS[1:]]],
    ids=["none", "empty batch", "one", "one batch", "several batches"],
)
def test_records_in_batches_are_written_as_one_list(
    tmp_path: Path, batches: list[list[dict[str, Any]]]
) -> None:
    write_json_records(tmp_path / "batched.json", iter(batches))
    write_json(tmp_path / "whole.json", [record for batch in batches for record in batch])
    assert (tmp_path / "batched.json").read_bytes() == (tmp_path / "whole.json").read_bytes()
