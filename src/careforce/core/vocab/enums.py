"""Polars Enum types built from the code tables, so canonical columns carry labels, not numbers."""

from __future__ import annotations

from enum import StrEnum

import polars as pl

from careforce.core.vocab.code_table import CodeTable


def code_table_enum(table: CodeTable) -> pl.Enum:
    """A Polars Enum of a code table's labels, in code order."""
    return pl.Enum([table.labels[code] for code in sorted(table.codes)])


def str_enum(enum: type[StrEnum]) -> pl.Enum:
    """A Polars Enum of a StrEnum's values, in declaration order."""
    return pl.Enum([member.value for member in enum])


def labelled(code: pl.Expr, table: CodeTable) -> pl.Expr:
    """Map integer codes to their labels as an Enum; unknown codes become null."""
    ordered = sorted(table.codes)
    return code.replace_strict(
        ordered, [table.labels[c] for c in ordered], default=None, return_dtype=pl.String
    ).cast(code_table_enum(table))


def grouped(code: pl.Expr, mapping: dict[int, StrEnum], enum: type[StrEnum]) -> pl.Expr:
    """Map integer codes to a grouping (e.g. job role to role group) as an Enum."""
    ordered = sorted(mapping)
    return code.replace_strict(
        ordered, [mapping[c].value for c in ordered], default=None, return_dtype=pl.String
    ).cast(str_enum(enum))
