"""The natural order of ordinal categories (age bands, years in role, qualification levels,
size bands): the one place tables, charts, downloads and forms take it from, so "under 25" comes
before "25-54" everywhere rather than last, as it would alphabetically.

Categories are named by their breakdown (the last part of a crossed breakdown such as
``sector/age_band``); categories of other breakdowns keep their alphabetical order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

import polars as pl

from careforce.core.vocab.groups import AgeBand

YEAR_BANDS: Final = ("under 3 years", "3 to 9 years", "10 years or more")
"""Bands of years in a role or in the sector."""

ORDINAL_CATEGORIES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "age_band": tuple(band.value for band in AgeBand),
        "age_group": ("under 25", "25-54", "55 and over"),
        "years_in_role": YEAR_BANDS,
        "years_in_sector": YEAR_BANDS,
        "qualification_level": (
            "no relevant qualification",
            "entry or level 1",
            "level 2",
            "level 3",
            "level 4 or above",
            "level not known",
        ),
        "size_band": ("micro", "small", "medium", "large"),
    }
)
"""Each ordinal breakdown's categories, lowest first."""

_SEPARATOR: Final = "/"
"""Separates the parts of a crossed breakdown and of its values (``sector/age_band``)."""
_KEY_SEPARATOR: Final = "\x1f"

_RANKS: Final[Mapping[str, int]] = MappingProxyType(
    {
        f"{breakdown}{_KEY_SEPARATOR}{category}": rank
        for breakdown, categories in ORDINAL_CATEGORIES.items()
        for rank, category in enumerate(categories)
    }
)


_LABEL: Final = re.compile(r" \(.*\)$")
"""A category's explanation in brackets (``micro (0 to 9)``), not part of its name."""


def _last(text: str) -> str:
    return text.rsplit(_SEPARATOR, 1)[-1]


def _category(value: str) -> str:
    return _LABEL.sub("", _last(value))


def category_rank(breakdown: str, value: str) -> int | None:
    """Position of ``value`` in its breakdown's natural order (None when not ordinal).

    >>> category_rank("age_group", "under 25"), category_rank("sector/age_group", "x/55 and over")
    (0, 2)
    >>> category_rank("size_band", "micro (0 to 9)")
    0
    >>> category_rank("sector", "independent") is None
    True
    """
    return _RANKS.get(f"{_last(breakdown)}{_KEY_SEPARATOR}{_category(value)}")


def sort_key(breakdown: str, value: str) -> tuple[str, int, str]:
    """Key sorting the values of a breakdown naturally: by the crossed part (if any), then by the
    ordinal rank, then alphabetically (categories that are not ordinal, or not known, last)."""
    head = value.rsplit(_SEPARATOR, 1)[0] if _SEPARATOR in value else ""
    rank = category_rank(breakdown, value)
    return (head, len(_RANKS) if rank is None else rank, value)


def ordered(breakdown: str, values: Iterable[str]) -> list[str]:
    """The values of a breakdown in their natural order.

    >>> ordered("age_group", ["25-54", "55 and over", "under 25"])
    ['under 25', '25-54', '55 and over']
    """
    return sorted(values, key=lambda value: sort_key(breakdown, value))


def sort_columns(breakdown: str | pl.Expr, value: str | pl.Expr) -> list[pl.Expr]:
    """Polars sort keys putting a table's rows in the natural order of their breakdown values
    (to follow a sort by breakdown): the crossed part, the ordinal rank, then the value."""
    breakdown_expr = pl.col(breakdown) if isinstance(breakdown, str) else breakdown
    value_expr = pl.col(value) if isinstance(value, str) else value
    key = pl.concat_str(
        [
            breakdown_expr.str.split(_SEPARATOR).list.last(),
            value_expr.str.split(_SEPARATOR).list.last().str.replace(_LABEL.pattern, ""),
        ],
        separator=_KEY_SEPARATOR,
    )
    head = (
        pl.when(value_expr.str.contains(_SEPARATOR, literal=True))
        .then(value_expr.str.replace(r"/[^/]*$", ""))
        .otherwise(pl.lit(""))
    )
    rank = key.replace_strict(dict(_RANKS), default=len(_RANKS), return_dtype=pl.Int32)
    return [head, rank, value_expr]
