"""Reading survey tools' exports (CSV or XLSX) into rows of strings with each row's line, and
survey mapping files.

CSV is read by :mod:`careforce.io.csv_text` (any encoding Excel writes, CRLF, quoted line
breaks). XLSX is read with openpyxl: the first sheet, values as text. SurveyMonkey exports have
two header rows; they are joined into one heading per column (``question / option``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import polars as pl
from openpyxl import load_workbook
from pydantic import ValidationError

from careforce.core.configuration import pydantic_problems
from careforce.core.survey.mapping import SUB_HEADER_JOIN, ExportLayout, ExportMapping
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.io.config_files import (
    ConfigurationFileError,
    load_config_file,
    located_problems,
)
from careforce.io.csv_text import ZIP_MAGIC, UnreadableFileError, read_csv_table, unique_names

MAX_EXPORT_BYTES: Final = 200 * 1024 * 1024
"""Largest export read (200 MB: far beyond any workforce survey)."""


class ExportFileError(ValueError):
    """An export cannot be read at all."""

    def __init__(self, path: Path | str, reason: str) -> None:
        """Record which file and why."""
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class ExportTable:
    """An export as headings and rows of strings.

    Attributes:
        headers: one heading per column (unique).
        frame: a String column per heading, plus each row's line (or spreadsheet row).
        sha256: the file's SHA-256, to recognise it when imported again.
    """

    headers: list[str]
    frame: pl.DataFrame
    sha256: str


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _xlsx_rows(data: bytes) -> list[list[str]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise UnreadableFileError(f"not a readable XLSX workbook ({error})") from None
    try:
        sheet = book.worksheets[0]
        return [[_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise UnreadableFileError(f"not a readable XLSX workbook ({error})") from None
    finally:
        book.close()


def _from_rows(rows: list[list[str]], first_line: int) -> tuple[list[str], pl.DataFrame]:
    if not rows:
        raise UnreadableFileError("no header row")
    width = max(len(r) for r in rows)
    header = unique_names([*rows[0], *[""] * (width - len(rows[0]))])
    body = [(r + [""] * width)[:width] for r in rows[1:]]
    keep = [i for i, r in enumerate(body) if any(cell for cell in r)]
    frame = pl.DataFrame(
        {
            **{name: [body[i][k] for i in keep] for k, name in enumerate(header)},
            LINE: [first_line + 1 + i for i in keep],
        },
        schema={**dict.fromkeys(header, pl.String()), LINE: pl.Int64()},
    )
    return header, frame


def _join_sub_headers(headers: list[str], frame: pl.DataFrame) -> tuple[list[str], pl.DataFrame]:
    """SurveyMonkey: the first data row is the second header row."""
    if frame.height == 0:
        return headers, frame
    sub = [str(v or "") for v in frame.row(0)[: len(headers)]]
    joined, current = [], ""
    for head, below in zip(headers, sub, strict=True):
        if not head.startswith("column "):
            current = head
        joined.append(f"{current}{SUB_HEADER_JOIN}{below}" if below else current)
    names = unique_names(joined)
    renamed = frame.slice(1).rename(dict(zip(headers, names, strict=True)))
    return names, renamed


def read_export_bytes(data: bytes, *, layout: ExportLayout, source: Path | str) -> ExportTable:
    """Read an export's bytes.

    Raises:
        ExportFileError: not CSV or XLSX careforce can read, or no header row.
    """
    try:
        if data.startswith(ZIP_MAGIC):
            headers, frame = _from_rows(_xlsx_rows(data), 1)
        else:
            table = read_csv_table(data)
            frame = table.frame.drop(FIELD_COUNT)
            headers = [name for name in frame.columns if name != LINE]
    except UnreadableFileError as error:
        raise ExportFileError(source, str(error)) from None
    if layout is ExportLayout.SURVEYMONKEY:
        headers, frame = _join_sub_headers(headers, frame)
    return ExportTable(headers, frame, hashlib.sha256(data).hexdigest())


def read_export(path: Path, *, layout: ExportLayout) -> ExportTable:
    """Read an export file (CSV or XLSX).

    Raises:
        ExportFileError: the file cannot be read or is not an export careforce can read.
    """
    try:
        if path.stat().st_size > MAX_EXPORT_BYTES:
            raise ExportFileError(path, f"larger than {MAX_EXPORT_BYTES // 1024 // 1024} MB")
        data = path.read_bytes()
    except OSError as error:
        raise ExportFileError(path, f"cannot be read: {error.strerror}") from None
    return read_export_bytes(data, layout=layout, source=path)


def read_mapping_file(path: Path) -> ExportMapping:
    """Read and validate a mapping file (YAML).

    Raises:
        ConfigurationFileError: with one line per problem naming the file, line and field.
    """
    document = load_config_file(path, "yaml")
    try:
        return ExportMapping.model_validate(document.data or {})
    except ValidationError as error:
        raise ConfigurationFileError(
            path, located_problems(pydantic_problems(error), document.lines)
        ) from None
