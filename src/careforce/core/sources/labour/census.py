"""Census 2021 topic summaries from the Nomis bulk download (``census2021-ts0NN-<level>.csv``):
TS007 and TS007A (age), TS008 (sex), TS021 (ethnic group), TS004 (country of birth) and TS005
(passports held).

The columns are ``date, geography, geography code`` and then one count per category, headed
``<Topic>: <category>`` (e.g. ``Sex: Female``); some copies add ``; measures: Value``, which is
dropped. The topic is read from the category headers, so any of the tables is accepted.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.sources.labour.common import (
    LabourFileError,
    combined,
    findings,
    header_key,
    number,
    ragged_rows,
    require,
)
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE

FILE: Final = "census"
"""Name of the source in findings."""

TOPICS: Final[dict[str, str]] = {
    "sex": "sex",
    "age": "age",
    "ethnic group": "ethnic_group",
    "country of birth": "country_of_birth",
    "passports held": "passports_held",
}
"""Census topics careforce reads, by the prefix of their category headers."""

MEASURES_SUFFIX: Final = "; measures: value"
"""Suffix some copies add to every category header."""

DATE: Final = "date"
GEOGRAPHY_CODE: Final = "geography_code"
GEOGRAPHY_NAME: Final = "geography_name"
TOPIC: Final = "topic"
CATEGORY: Final = "category"
COUNT: Final = "count"
"""Canonical columns of ``census``."""


def category_label(header: str) -> tuple[str, str] | None:
    """The topic and category of a category header, or None when it is not one.

    ``"Sex: Female; measures: Value"`` gives ``("sex", "Female")``.
    """
    text = header.strip()
    if text.lower().endswith(MEASURES_SUFFIX):
        text = text[: -len(MEASURES_SUFFIX)]
    prefix, _, rest = text.partition(":")
    topic = TOPICS.get(prefix.strip().lower())
    if topic is None or not rest.strip():
        return None
    return topic, rest.strip()


def residents(raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Counts of residents by area, topic and category, and the findings on the file.

    Raises:
        LabourFileError: there is no geography code column or no category column.
    """
    code = require(raw, "geography code", source="Census file")
    name = require(raw, "geography", source="Census file")
    when = require(raw, "date", source="Census file")
    categories = {
        column: label
        for column in raw.columns
        if column not in (LINE, FIELD_COUNT)
        and header_key(column) not in {"date", "geography", "geography code"}
        and (label := category_label(column)) is not None
    }
    if not categories:
        raise LabourFileError(
            "the Census file has no category columns such as 'Sex: Female' "
            "(a Nomis bulk CSV of TS004, TS005, TS007, TS007A, TS008 or TS021 is expected)"
        )
    parts = []
    checks = [ragged_rows(raw, file=FILE, code="CENSUS-ROW-FIELD-COUNT")]
    for column, (topic, category) in categories.items():
        value = number(pl.col(column))
        parts.append(
            raw.select(
                pl.col(when).alias(DATE),
                pl.col(code).alias(GEOGRAPHY_CODE),
                pl.col(name).alias(GEOGRAPHY_NAME),
                pl.lit(topic).alias(TOPIC),
                pl.lit(category).alias(CATEGORY),
                value.alias(COUNT),
                pl.col(LINE),
            )
        )
        checks.append(
            findings(
                raw,
                value.is_null() | (value < 0),
                file=FILE,
                column=column,
                code="CENSUS-COUNT",
                message="a Census count must be a whole number, 0 or more",
            )
        )
    return pl.concat(parts), combined(checks)
