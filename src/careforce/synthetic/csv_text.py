"""CSV text for the synthetic files: quoting and joining rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

LINE_END: Final = "\r\n"
"""Line ending of ASC-WDS downloads (CRLF)."""


def _plain(text: str) -> bool:
    """True when text holds no double quote, tab or line break (commas are checked apart)."""
    return '"' not in text and "\n" not in text and "\r" not in text and "\t" not in text


def quote(value: str) -> str:
    """Quote a CSV value when it contains a comma, a double quote, a tab or a line break."""
    if "," not in value and _plain(value):
        return value
    return '"' + value.replace('"', '""') + '"'


def render_csv(header: Sequence[str], rows: Iterable[str], *, line_end: str = LINE_END) -> str:
    """Join a header and already-joined rows into CSV text (CRLF line endings by default)."""
    return line_end.join([",".join(header), *rows]) + line_end


def _table_row(row: Sequence[object]) -> str:
    values = [str(value) for value in row]
    line = ",".join(values)
    # Fast path: no value holds a comma, a quote or a line break.
    if line.count(",") == len(values) - 1 and _plain(line):
        return line
    return ",".join(quote(value) for value in values)


def render_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text of a plain table: values quoted where needed, LF line endings."""
    return render_csv(header, (_table_row(row) for row in rows), line_end="\n")


def concatenate_tables(texts: Sequence[str]) -> str:
    """Join CSV texts that share a header row into one (the header kept once).

    Raises:
        ValueError: If the texts do not all start with the same header row.
    """
    if not texts:
        raise ValueError("nothing to concatenate")
    header = texts[0].split("\n", 1)[0]
    parts = [texts[0]]
    for text in texts[1:]:
        first, _, rest = text.partition("\n")
        if first != header:
            raise ValueError("the tables have different header rows")
        parts.append(rest)
    return "".join(parts)
