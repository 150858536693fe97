"""Job postings measures with Lightcast's definitions.

- unique postings: postings with no ``duplicate_of``;
- total postings: unique postings + duplicates (every row);
- posting intensity: total ÷ unique;
- median posting duration: the median of ``expiry_date − posted_date`` in days over unique
  postings with both dates.

A posting belongs to the month it was posted. Rows are published for the whole window and
broken down by title family, city, local authority and month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

import polars as pl

from careforce.core.labour.catalogue import NAMES, POLARITIES, UNITS
from careforce.core.labour.rows import published
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    DENOMINATOR,
    NUMERATOR,
    PERIOD,
    VALUE,
)

POSTING_ID: Final = "posting_id"
TITLE: Final = "title"
CITY: Final = "city"
LOCAL_AUTHORITY_CODE: Final = "local_authority_code"
POSTED_DATE: Final = "posted_date"
EXPIRY_DATE: Final = "expiry_date"
DUPLICATE_OF: Final = "duplicate_of"
SKILLS: Final = "skills"
"""Canonical postings columns used here (see ``core/sources/labour/postings.py``)."""

BREAKDOWN_COLUMNS: Final = {
    "job_title": "_title_family",
    "city": "_city_family",
    "local_authority": LOCAL_AUTHORITY_CODE,
}
"""Breakdowns and the column each groups by (``month`` is added when asked)."""

_UNIQUE = "_unique"
_DAYS = "_days"
_KEY = "_key"


@dataclass(frozen=True)
class Window:
    """The months postings are counted over, first and last inclusive."""

    first: dt.date
    last: dt.date

    @property
    def label(self) -> str:
        """The period label, e.g. ``2021-09/2022-08``."""
        return f"{self.first:%Y-%m}/{self.last:%Y-%m}"

    @classmethod
    def parse(cls, text: str) -> Window:
        """A window written ``YYYY-MM/YYYY-MM``.

        Raises:
            ValueError: when the text is not two months in order.
        """
        try:
            first_text, last_text = text.split("/")
            first = dt.datetime.strptime(first_text.strip(), "%Y-%m").date()
            last = dt.datetime.strptime(last_text.strip(), "%Y-%m").date()
        except ValueError:
            raise ValueError(f"'{text}' is not a window such as 2021-09/2022-08") from None
        if last < first:
            raise ValueError(f"the window '{text}' ends before it starts")
        return cls(first, last)


def family_key(column: pl.Expr, *, plurals: bool) -> pl.Expr:
    """The family of a title or town: lower case, punctuation and repeated spaces removed,
    and (for titles) every word's plural made singular (``-ies`` → ``-y``, ``-sses`` →
    ``-ss``, a final ``-s`` dropped except after ``s``, ``u`` or ``i``)."""
    key = column.str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()
    if not plurals:
        return key
    return (
        key.str.replace_all(r"(\p{L}{2,})ies\b", "${1}y")
        .str.replace_all(r"(\p{L})sses\b", "${1}ss")
        .str.replace_all(r"(\p{L}{2,}[^sui\s])s\b", "${1}")
    )


def family_labels(frame: pl.LazyFrame, column: str, *, plurals: bool) -> pl.LazyFrame:
    """Adds ``_<column>_family``: the family's commonest spelling (ties: the first in order).

    The rules run on the distinct spellings only, not on every posting.
    """
    spellings = (
        frame.group_by(column)
        .len()
        .with_columns(
            family_key(pl.col(column), plurals=plurals).alias(_KEY),
            pl.col(column).str.strip_chars().str.replace_all(r"\s+", " ").alias("_spelled"),
        )
    )
    labels = (
        spellings.group_by(_KEY, "_spelled")
        .agg(pl.col("len").sum())
        .sort([_KEY, "len", "_spelled"], descending=[False, True, False])
        .group_by(_KEY, maintain_order=True)
        .first()
        .select(_KEY, pl.col("_spelled").alias(f"_{column}_family"))
    )
    family = f"_{column}_family"
    mapping = spellings.join(labels, on=_KEY, how="left").select(column, family).collect()
    # Looked up in the column alone: a join would gather every other column of the postings.
    value = pl.col(column).replace_strict(mapping[column], mapping[family], default=None)
    spelled_null = mapping.filter(pl.col(column).is_null()).get_column(family)
    if spelled_null.len():
        value = pl.when(pl.col(column).is_null()).then(pl.lit(spelled_null[0])).otherwise(value)
    return frame.with_columns(value.alias(family))


def extent(postings: pl.LazyFrame) -> pl.LazyFrame:
    """The first and last posted dates of an extract (one row: ``first``, ``last``)."""
    return postings.select(
        pl.col(POSTED_DATE).min().alias("first"), pl.col(POSTED_DATE).max().alias("last")
    )


def default_window(first: dt.date | None, last: dt.date | None) -> Window:
    """The extract's whole window: the months of its first and last posted date.

    Raises:
        ValueError: when the extract has no posted dates.
    """
    if first is None or last is None:
        raise ValueError("the postings extract has no posted dates")
    return Window(first.replace(day=1), last.replace(day=1))


def _within(window: Window) -> pl.Expr:
    month = pl.col(POSTED_DATE).dt.truncate("1mo")
    return month.is_between(pl.lit(window.first), pl.lit(window.last))


def _group_measures(frame: pl.LazyFrame, by: list[str]) -> pl.LazyFrame:
    unique = pl.col(_UNIQUE)
    return frame.group_by(by).agg(
        pl.len().cast(pl.Float64).alias("total"),
        unique.sum().cast(pl.Float64).alias("unique"),
        pl.col(_DAYS).filter(unique).median().alias("median_days"),
        pl.col(_DAYS).filter(unique).is_not_null().sum().cast(pl.Float64).alias("dated"),
    )


def _tidy(
    groups: pl.LazyFrame, *, breakdown: str, value: pl.Expr, period: pl.Expr, area: tuple[str, str]
) -> pl.LazyFrame:
    base = groups.with_columns(
        pl.lit(breakdown).alias(BREAKDOWN),
        value.cast(pl.String).fill_null("unknown").alias(BREAKDOWN_VALUE),
        period.alias(PERIOD),
        pl.lit(area[0]).alias(AREA_CODE),
        pl.lit(area[1]).alias(AREA_NAME),
    )
    keys = [PERIOD, AREA_CODE, AREA_NAME, BREAKDOWN, BREAKDOWN_VALUE]
    total, unique = pl.col("total"), pl.col("unique")
    parts = [
        base.select(
            *keys,
            pl.lit("postings_total").alias("measure_id"),
            total.alias(NUMERATOR),
            total.alias(VALUE),
        ),
        base.select(
            *keys,
            pl.lit("postings_unique").alias("measure_id"),
            unique.alias(NUMERATOR),
            unique.alias(VALUE),
        ),
        base.select(
            *keys,
            pl.lit("posting_intensity").alias("measure_id"),
            total.alias(NUMERATOR),
            unique.alias(DENOMINATOR),
            pl.when(unique > 0).then(total / unique).alias(VALUE),
        ),
        base.select(
            *keys,
            pl.lit("posting_duration_median").alias("measure_id"),
            pl.col("dated").alias(DENOMINATOR),
            pl.col("median_days").cast(pl.Float64).alias(VALUE),
        ),
    ]
    return pl.concat(parts, how="diagonal_relaxed")


def prepare_postings(postings: pl.LazyFrame, *, window: Window) -> pl.LazyFrame:
    """The postings of the window with what every measure needs: whether unique, days online,
    month posted and the title and town families (collect it once: every breakdown reads it)."""
    return (
        postings.filter(_within(window))
        .with_columns(
            pl.col(DUPLICATE_OF).is_null().alias(_UNIQUE),
            (pl.col(EXPIRY_DATE) - pl.col(POSTED_DATE)).dt.total_days().alias(_DAYS),
            # The month as a date: labelled YYYY-MM only once grouped.
            pl.col(POSTED_DATE).dt.truncate("1mo").alias("_month"),
        )
        .pipe(family_labels, TITLE, plurals=True)
        .pipe(family_labels, CITY, plurals=False)
    )


def posting_measures(
    prepared: pl.LazyFrame,
    *,
    area_code: str,
    area_name: str,
    window: Window,
) -> pl.LazyFrame:
    """Total and unique postings, posting intensity and median duration, in published rows.

    Args:
        prepared: canonical postings through :func:`prepare_postings` for the same window.
        area_code: the area the extract covers.
        area_name: its name.
        window: the months counted (:func:`default_window` for the extract's whole window).
    """
    frame = prepared
    area = (area_code, area_name)
    label = pl.lit(window.label)
    parts = [
        _tidy(
            _group_measures(frame.with_columns(pl.lit("all").alias("_all")), ["_all"]),
            breakdown="total",
            value=pl.col("_all"),
            period=label,
            area=area,
        )
    ]
    for breakdown, column in BREAKDOWN_COLUMNS.items():
        parts.append(
            _tidy(
                _group_measures(frame, [column]),
                breakdown=breakdown,
                value=pl.col(column),
                period=label,
                area=area,
            )
        )
    parts.append(
        _tidy(
            _group_measures(frame, ["_month"]),
            breakdown="month",
            value=pl.col("_month").dt.strftime("%Y-%m"),
            period=pl.col("_month").dt.strftime("%Y-%m"),
            area=area,
        )
    )
    parts.append(skill_measures(frame, period=window.label, area=area))
    return published(
        pl.concat(parts, how="diagonal_relaxed"), names=NAMES, units=UNITS, polarities=POLARITIES
    )


def skill_measures(frame: pl.LazyFrame, *, period: str, area: tuple[str, str]) -> pl.LazyFrame:
    """Share of unique postings listing each skill (a skill listed twice counts once)."""
    unique = frame.filter(pl.col(_UNIQUE)).select(POSTING_ID, SKILLS)
    total = unique.select(pl.len().cast(pl.Float64).alias(DENOMINATOR))
    return (
        unique.with_row_index("_row")
        .explode(SKILLS)
        .drop_nulls(SKILLS)
        .unique(["_row", SKILLS])
        .group_by(SKILLS)
        .agg(pl.len().cast(pl.Float64).alias(NUMERATOR))
        .join(total, how="cross")
        .select(
            pl.lit("skills_in_demand").alias("measure_id"),
            pl.lit(period).alias(PERIOD),
            pl.lit(area[0]).alias(AREA_CODE),
            pl.lit(area[1]).alias(AREA_NAME),
            pl.lit("skill").alias(BREAKDOWN),
            pl.col(SKILLS).alias(BREAKDOWN_VALUE),
            NUMERATOR,
            DENOMINATOR,
            (pl.col(NUMERATOR) / pl.col(DENOMINATOR)).alias(VALUE),
        )
    )
