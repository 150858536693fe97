"""Free-text themes from a keyword codebook.

A codebook lists themes, each with keywords (words or phrases). An answer has a theme when it
contains one of its keywords as whole words, whatever the case; an answer may have several
themes or none. The codebook is documented data (``careforce/data/survey/codebook.yaml``), so
the coding can be read, argued with and changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from careforce.core.survey import columns as c

UNCODED: Final = "uncoded"
"""Theme of answers matching no keyword."""


class Theme(BaseModel):
    """One theme of a codebook."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$", description="Id of the theme.")
    label: str = Field(min_length=1, description="The theme as reports name it.")
    keywords: list[str] = Field(min_length=1, description="Words or phrases that mark it.")


class Codebook(BaseModel):
    """Themes for coding free-text answers."""

    model_config = ConfigDict(extra="forbid")

    themes: list[Theme] = Field(min_length=1, description="The themes, in order.")


def keyword_pattern(keywords: Sequence[str]) -> str:
    """A case-insensitive regular expression matching any keyword as whole words."""
    words = sorted({re.escape(k.strip().lower()) for k in keywords if k.strip()}, key=len)
    return r"(?i)\b(?:" + "|".join(reversed(words)) + r")\b"


def theme_counts(frame: pl.LazyFrame, *, question: str, codebook: Codebook) -> pl.LazyFrame:
    """The number and share of answers to a free-text question with each theme.

    Returns:
        One row per theme in codebook order, then :data:`UNCODED`: theme, label, answers with
        the theme (:data:`~c.CHOSEN`), answers (:data:`~c.RESPONDENTS`) and share.
    """
    text = pl.col(question).str.strip_chars()
    answered = frame.filter(text.is_not_null() & (text != ""))
    hits = [text.str.contains(keyword_pattern(theme.keywords)) for theme in codebook.themes]
    coded = answered.with_columns(
        *(hit.alias(f"_t{i}") for i, hit in enumerate(hits)),
    )
    flags = [pl.col(f"_t{i}") for i in range(len(hits))]
    summary = coded.select(
        pl.len().cast(pl.UInt32).alias(c.RESPONDENTS),
        *(flag.sum().cast(pl.UInt32).alias(f"_t{i}") for i, flag in enumerate(flags)),
        (~pl.any_horizontal(flags)).sum().cast(pl.UInt32).alias("_none"),
    )
    ids = [theme.id for theme in codebook.themes] + [UNCODED]
    labels = [theme.label for theme in codebook.themes] + ["No theme of the codebook"]
    names = [f"_t{i}" for i in range(len(hits))] + ["_none"]
    return (
        summary.unpivot(index=c.RESPONDENTS, on=names, variable_name="_name", value_name=c.CHOSEN)
        .with_columns(
            pl.col("_name").replace_strict(names, ids).alias(c.THEME),
            pl.col("_name").replace_strict(names, labels).alias(c.LABEL),
            (pl.col(c.CHOSEN) / pl.col(c.RESPONDENTS)).alias(c.SHARE),
        )
        .select(c.THEME, c.LABEL, c.CHOSEN, c.RESPONDENTS, c.SHARE)
    )
