"""Grouping free-text ethnicity and nationality answers (as HR systems record them)."""

from __future__ import annotations

import polars as pl

from careforce.core.vocab import geography_codes, groups

UNKNOWN_ANSWERS = ("", "NOT KNOWN", "PREFER NOT TO SAY", "UNKNOWN", "NOT STATED", "REFUSED")
"""Answers that say nothing about the person (compared upper-case)."""


def _nationality_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, label in geography_codes.NATIONALITY.labels.items():
        group = groups.NATIONALITY_GROUP.get(code)
        if group is not None and label.upper() not in names:
            names[label.upper()] = group.value
    names["BRITISH"] = groups.NationalityGroup.BRITISH.value
    return names


NATIONALITY_NAMES = _nationality_names()
"""Nationality in words (upper case) → nationality group, from the ASC-WDS nationality table."""


def ethnicity_group_of_text(column: pl.Expr) -> pl.Expr:
    """White / Black and other ethnic groups from an ONS-style answer in words; null if unknown."""
    answer = column.fill_null("").str.strip_chars().str.to_uppercase()
    return (
        pl.when(answer.is_in(list(UNKNOWN_ANSWERS)))
        .then(None)
        .when(answer.str.starts_with("WHITE"))
        .then(pl.lit(groups.EthnicityGroup.WHITE.value))
        .otherwise(pl.lit(groups.EthnicityGroup.BLACK_AND_OTHER.value))
    )


def nationality_group_of_text(column: pl.Expr) -> pl.Expr:
    """British / EU / Outside EU from a nationality in words; null if unknown or not recorded."""
    answer = column.fill_null("").str.strip_chars().str.to_uppercase()
    names = sorted(NATIONALITY_NAMES)
    return (
        pl.when(answer.is_in(list(UNKNOWN_ANSWERS)))
        .then(None)
        .otherwise(
            answer.replace_strict(
                names,
                [NATIONALITY_NAMES[n] for n in names],
                default=groups.NationalityGroup.OUTSIDE_EU.value,
                return_dtype=pl.String,
            )
        )
    )
