"""Properties that hold for any input: reading never crashes, validation never crashes and
every finding points at a real data line with a catalogued code."""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.core.sources.ascwds.rules import all_rules
from careforce.core.sources.ascwds.validate import FileSet, validate_file_set
from careforce.io.ascwds_files import InputFile, UnusableInputError, parse_ascwds_bytes
from careforce.io.csv_text import UnreadableFileError, read_csv_table

pytestmark = pytest.mark.unit

FAST = settings(max_examples=100, deadline=None)
SLOW = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

KINDS = ("workplace", "staff", "training")
ROWS = {"workplace": 2, "staff": 3, "training": 3}
RULES = all_rules()
SEVERITIES = {"error", "warning"}
PERSONAL = {"NINUMBER", "DOB", "DISPLAYID"}

# Any text but NUL (NUL makes a file unreadable, which the byte tests cover) and lone surrogates.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
TRICKY = st.sampled_from(
    [
        "",
        " ",
        ",",
        '"',
        '""',
        "\n",
        "\r\n",
        "\r",
        ";",
        ";;",
        "999",
        "0",
        "-1",
        "01",
        "1;2",
        "1;999",
        "0000000002",
        "99999999999999999999",
        "1e3",
        "NaN",
        "٣",
        "１２",
        "01/01/2000",
        "29/02/2023",
        "31/12/9999",
        "01/01/0000",
        "1/1/1",
        "DELETE",
        "delete",
        "NEW",
        "none",
        "WP1",
        "WP2",
        "RM1",
        "CW1",
        "JA123456A",
        "Café",
        "x" * 1001,
    ]
)
VALUES = st.one_of(TEXT, TRICKY)


def _header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text, newline="")))


def _check_findings(findings: list[dict[str, Any]], files: FileSet) -> None:
    raws = {"workplace": files.workplace, "staff": files.staff, "training": files.training}
    for finding in findings:
        raw = raws[finding["file"]]
        assert raw is not None, finding
        assert finding["code"] in RULES, finding
        rule = RULES[finding["code"]]
        assert finding["severity"] in SEVERITIES, finding
        assert (finding["file"], finding["severity"]) == (rule.file.value, rule.severity.value)
        assert finding["line"] in set(raw.frame["__line__"].to_list()) | {0}, finding
        assert finding["message"] == rule.message
        names = {name.strip().upper() for name in raw.data_columns}
        for part in finding["column"].split("/"):
            assert part == "" or part in names, finding
        if PERSONAL & set(finding["column"].split("/")) and not re.fullmatch(
            r"\[[0-9]+ characters\]", finding["value"]
        ):
            # Personal values are shown only as their shape: no letter but A/a, no digit but 9.
            assert not any(
                c in "BCDEFGHIJKLMNOPQRSTUVWXYZbcdefghijklmnopqrstuvwxyz012345678"
                for c in finding["value"]
            ), finding


def _validate(texts: dict[str, str | None]) -> tuple[list[dict[str, Any]], FileSet]:
    def raw(name: str) -> Any:
        text = texts[name]
        return None if text is None else parse_ascwds_bytes(text.encode(), name=name).raw

    files = FileSet(workplace=raw("workplace"), staff=raw("staff"), training=raw("training"))
    validation = validate_file_set(files, reference_date=_DATES[0], today=_DATES[1])
    return validation.findings.to_dicts(), files


_DATES = (__import__("datetime").date(2025, 3, 31), __import__("datetime").date(2025, 6, 1))


def _attempt(function: Any, *args: Any, **kwargs: Any) -> tuple[Any, Exception | None]:
    """Call a reader; return its result, or the expected error (any other error propagates)."""
    try:
        return function(*args, **kwargs), None
    except (UnreadableFileError, UnusableInputError) as error:
        return None, error


class TestArbitraryBytes:
    @FAST
    @given(data=st.binary(max_size=3000))
    def test_read_csv_table_raises_only_unreadable_file_error(self, data: bytes) -> None:
        table, error = _attempt(read_csv_table, data)
        if error is not None:
            assert isinstance(error, UnreadableFileError)
            assert str(error)
        else:
            assert table.frame.height == len(table.frame["__line__"])
            assert all(isinstance(name, str) for name in table.header)

    @FAST
    @given(data=st.binary(max_size=3000))
    def test_parse_ascwds_bytes_raises_only_unusable_input_error(self, data: bytes) -> None:
        parsed, error = _attempt(parse_ascwds_bytes, data, name="upload.csv")
        if error is not None:
            assert isinstance(error, UnusableInputError)
            assert (error.path, bool(error.reason)) == ("upload.csv", True)
        else:
            assert isinstance(parsed, InputFile)

    @FAST
    @given(
        kind=st.sampled_from(KINDS),
        encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
        newline=st.sampled_from(["\n", "\r\n", "\r"]),
        tail=st.binary(max_size=2000),
    )
    def test_recognised_header_with_any_bytes_after_it(
        self, ascwds: Any, kind: str, encoding: str, newline: str, tail: bytes
    ) -> None:
        header = {
            "workplace": ascwds.WORKPLACE_HEADER,
            "staff": ascwds.STAFF_HEADER,
            "training": ascwds.TRAINING_HEADER,
        }[kind]
        data = (header + newline).encode(encoding) + tail
        parsed, error = _attempt(parse_ascwds_bytes, data, name="upload.csv")
        if error is not None:
            assert isinstance(error, UnusableInputError)
        else:
            assert parsed.raw.kind.value == kind

    @FAST
    @given(text=st.text(max_size=500), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
    def test_any_encoded_text_reads_or_is_unreadable(self, text: str, encoding: str) -> None:
        data = (
            codecs.encode(text, encoding, errors="replace")
            if encoding == "cp1252"
            else text.encode(encoding, errors="surrogatepass")
        )
        table, error = _attempt(read_csv_table, data)
        assert error is None or isinstance(error, UnreadableFileError)
        if error is None and "\x00" not in text:
            assert table.encoding in {"utf-8", "utf-16", "windows-1252"}


class TestArbitraryRows:
    @SLOW
    @given(data=st.data())
    def test_any_cell_values_never_crash_validation(self, ascwds: Any, data: Any) -> None:
        texts: dict[str, str | None] = dict(ascwds.BASE)
        for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="edits")):
            kind = data.draw(st.sampled_from(KINDS), label="file")
            current = texts[kind]
            assert current is not None
            column = data.draw(st.sampled_from(_header(current)), label="column")
            row = data.draw(st.integers(min_value=0, max_value=ROWS[kind] - 1), label="row")
            texts[kind] = ascwds.mutate(current, row, **{column: data.draw(VALUES, label="value")})
        findings, files = _validate(texts)
        _check_findings(findings, files)

    @SLOW
    @given(
        kind=st.sampled_from(KINDS),
        rows=st.lists(st.lists(VALUES, max_size=50), min_size=1, max_size=4),
    )
    def test_any_extra_rows_never_crash_validation(
        self, ascwds: Any, kind: str, rows: list[list[str]]
    ) -> None:
        buffer = io.StringIO(newline="")
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        texts: dict[str, str | None] = dict(ascwds.BASE)
        texts[kind] = str(texts[kind]) + buffer.getvalue()
        findings, files = _validate(texts)
        _check_findings(findings, files)
        # Every added row that is not blank is a data row of its own.
        raw = {"workplace": files.workplace, "staff": files.staff, "training": files.training}[kind]
        assert raw is not None
        assert raw.frame.height == ROWS[kind] + sum(1 for r in rows if r)

    @SLOW
    @given(kind=st.sampled_from(KINDS), lines=st.lists(TEXT, min_size=1, max_size=4))
    def test_any_raw_lines_never_crash_validation(
        self, ascwds: Any, kind: str, lines: list[str]
    ) -> None:
        texts: dict[str, str | None] = dict(ascwds.BASE)
        texts[kind] = str(texts[kind]) + "\n".join(lines) + "\n"
        findings, files = _validate(texts)
        _check_findings(findings, files)

    @SLOW
    @given(data=st.data())
    def test_any_cell_values_without_training_file(self, ascwds: Any, data: Any) -> None:
        kind = data.draw(st.sampled_from(KINDS[:2]), label="file")
        text = ascwds.BASE[kind]
        column = data.draw(st.sampled_from(_header(text)), label="column")
        row = data.draw(st.integers(min_value=0, max_value=ROWS[kind] - 1), label="row")
        texts: dict[str, str | None] = {**ascwds.BASE, "training": None}
        texts[kind] = ascwds.mutate(text, row, **{column: data.draw(VALUES, label="value")})
        findings, files = _validate(texts)
        _check_findings(findings, files)
        assert all(f["file"] != "training" for f in findings)


class TestDeterminism:
    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_same_input_gives_same_findings(self, ascwds: Any, data: Any) -> None:
        texts: dict[str, str | None] = dict(ascwds.BASE)
        for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="edits")):
            kind = data.draw(st.sampled_from(KINDS), label="file")
            current = str(texts[kind])
            column = data.draw(st.sampled_from(_header(current)), label="column")
            row = data.draw(st.integers(min_value=0, max_value=ROWS[kind] - 1), label="row")
            texts[kind] = ascwds.mutate(current, row, **{column: data.draw(VALUES, label="value")})
        first, _ = _validate(texts)
        second, _ = _validate(texts)
        assert first == second
