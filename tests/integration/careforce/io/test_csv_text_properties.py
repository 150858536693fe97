"""The CSV reader agrees with Python's csv module on any table, in any supported encoding and
line ending, whichever of its two parsers (Polars, or the csv module itself) reads the file."""

from __future__ import annotations

import csv
import io
import sys
from typing import Any
from unittest import mock

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.io import csv_text
from careforce.io.csv_text import PYTHON_WHITESPACE, UnreadableFileError, decode, read_csv_table

pytestmark = pytest.mark.integration

LINE = "__line__"
FIELDS = "__fields__"
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")
NEWLINES = ("\n", "\r\n", "\r")
# Cells made of what makes CSV hard: delimiters, quotes, line breaks, spaces and non-ASCII.
CELL = st.text(
    alphabet=st.sampled_from(
        [",", '"', "\n", "\r", " ", "\t", "a", "B", "1", ";", "é", "£", "€", "—", "\xa0", "\x1c"]
    ),
    max_size=8,
) | st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=12,
)
ROW = st.lists(CELL, min_size=0, max_size=6)


def csv_module_table(text: str) -> tuple[list[str], list[tuple[str, ...]], list[int], list[int]]:
    """What Python's csv module reads: header, trimmed padded cells, start lines, field counts."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    header: list[str] | None = None
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    counts: list[int] = []
    previous = 0
    for record in reader:
        start, previous = previous + 1, reader.line_num
        if not record:
            continue
        if header is None:
            header = [field.strip() for field in record]
            continue
        fields = [field.strip() for field in record[: len(header)]]
        rows.append(tuple(fields + [""] * (len(header) - len(fields))))
        lines.append(start)
        counts.append(len(record))
    assert header is not None
    return header, rows, lines, counts


def read(data: bytes) -> tuple[list[str], list[tuple[str, ...]], list[int], list[int]]:
    """What careforce's reader reads, in the same shape."""
    table = read_csv_table(data)
    cells = table.frame.drop(LINE, FIELDS)
    return (
        table.header,
        cells.rows(),
        table.frame[LINE].to_list(),
        table.frame[FIELDS].to_list(),
    )


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


class TestSameAsCsvModule:
    @PROPERTY
    @given(
        header=st.lists(CELL, min_size=1, max_size=5),
        rows=st.lists(ROW, max_size=12),
        encoding=st.sampled_from(ENCODINGS),
        newline=st.sampled_from(NEWLINES),
    )
    def test_any_table_written_by_the_csv_module(
        self, header: list[str], rows: list[list[str]], encoding: str, newline: str
    ) -> None:
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator=newline).writerows([header, *rows])
        data = encoded(out.getvalue(), encoding)
        text, _ = decode(data)
        if not text.strip("\r\n"):
            return
        assert read(data) == csv_module_table(text)

    @PROPERTY
    @given(
        text=st.text(alphabet=st.sampled_from([",", '"', "\n", "\r", " ", "a", "é"]), max_size=60),
        encoding=st.sampled_from(ENCODINGS),
        chunk=st.integers(min_value=1, max_value=70),
    )
    def test_any_text_of_csv_punctuation(self, text: str, encoding: str, chunk: int) -> None:
        data = encoded(text, encoding)
        splitting = mock.patch.object(csv_text, "LINES_CHUNK_CHARS", chunk)
        decoded, _ = decode(data)
        with splitting:
            if not decoded.replace("\r", "").replace("\n", ""):
                with pytest.raises(UnreadableFileError, match="there is no header row"):
                    read_csv_table(data)
                return
            assert read(data) == csv_module_table(decoded)

    @settings(max_examples=300, deadline=None)
    @given(data=st.binary(max_size=400))
    def test_arbitrary_bytes_read_or_are_unreadable(self, data: bytes) -> None:
        try:
            table = read_csv_table(data)
        except UnreadableFileError as error:
            message = str(error)
            table = None
        if table is None:
            assert message
            return
        text, _ = decode(data)
        assert (table.header, *read(data)[1:]) == csv_module_table(text)


class TestWhichParser:
    def _polars_only(self, monkeypatch: Any) -> None:
        def refuse(text: str) -> Any:
            raise AssertionError("the csv module parsed a plain file")

        monkeypatch.setattr(csv_text, "_read_with_csv_module", refuse)

    def test_plain_records_are_parsed_by_polars(self, monkeypatch: Any) -> None:
        self._polars_only(monkeypatch)
        data = 'A,B,C\r\n"x, ""y""",  2 ,\r\n\r\n1\r\n1,2,3,4\r\n'.encode("cp1252")
        table = read_csv_table(data)
        assert table.header == ["A", "B", "C"]
        assert table.frame.rows() == [
            ('x, "y"', "2", "", 2, 3),
            ("1", "", "", 4, 1),
            ("1", "2", "3", 5, 4),
        ]

    def test_a_quoted_line_break_is_parsed_by_the_csv_module(self) -> None:
        table = read_csv_table(b'A,B\n"two\nlines",x\ny,z\n')
        assert table.frame.rows() == [("two\nlines", "x", 2, 2), ("y", "z", 4, 2)]

    def test_a_stray_quote_is_parsed_by_the_csv_module(self) -> None:
        table = read_csv_table(b'A,B\nab"c,"d"e\n')
        assert table.frame.rows() == [('ab"c', "de", 2, 2)]

    def test_an_overlong_field_is_refused_as_the_csv_module_refuses_it(self) -> None:
        data = b"A\n" + b"x" * (csv.field_size_limit() + 1) + b"\n"
        with pytest.raises(UnreadableFileError, match="field larger than field limit"):
            read_csv_table(data)

    def test_trimming_removes_what_python_strip_removes(self) -> None:
        spaces = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
        assert set(PYTHON_WHITESPACE) == set(spaces)
        inline = spaces.replace("\r", "").replace("\n", "")
        data = f"A\n{inline}x{inline}\n".encode()
        assert read_csv_table(data).frame["A"].to_list() == ["x"]

    def test_column_names_are_unique_whatever_the_header(self) -> None:
        table = read_csv_table(b"a,a,a (2),,column 4\n1,2,3,4,5\n")
        assert table.header == ["a", "a", "a (2)", "", "column 4"]
        assert table.frame.columns[:5] == ["a", "a (2)", "a (2) (2)", "column 4", "column 4 (2)"]
        assert table.frame.row(0)[:5] == ("1", "2", "3", "4", "5")
        special = read_csv_table(b"*,^a$\n1,2\n").frame
        assert special.drop(LINE, FIELDS).rows(named=True) == [{"*": "1", "^a$": "2"}]

    def test_a_column_empty_on_every_row_reads_as_empty_strings(self) -> None:
        table = read_csv_table(b"A,B,C\n1, ,\n2,,\n3\n")
        assert table.frame.drop(LINE, FIELDS).rows() == [
            ("1", "", ""),
            ("2", "", ""),
            ("3", "", ""),
        ]
        assert table.frame.schema["B"] == pl.String

    def test_header_only_gives_an_empty_frame_of_strings(self) -> None:
        table = read_csv_table(b"A,B,A\n\n")
        assert table.frame.schema == pl.Schema(
            {"A": pl.String, "B": pl.String, "A (2)": pl.String, LINE: pl.Int64, FIELDS: pl.Int64}
        )
