"""Census 2021 comparators: the share of residents by sex, age group, ethnicity group and
nationality group, in the workforce measures' own categories.

- sex (TS008): female and male residents ÷ all persons;
- age group (TS007 single years, or TS007A five-year bands as a proxy): residents aged 16-24,
  25-54 and 55-64 ÷ residents aged 16-64 (with bands, 15-24 and 15-64);
- ethnicity group (TS021): ``White`` ÷ all usual residents, the rest Black and other groups;
- nationality group: Census 2021 has no nationality table, so country of birth (TS004) or
  passports held (TS005) stands in: born in (or holding a passport of) the United Kingdom, an
  EU country, or elsewhere. The comparator's name says which proxy was used.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.labour.catalogue import NAMES, POLARITIES, UNITS
from careforce.core.labour.rows import COMPARATOR, published
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    DENOMINATOR,
    MEASURE_ID,
    NUMERATOR,
    PERIOD,
    VALUE,
)

WORKFORCE_MEASURE: Final = "workforce_share"
"""The workforce measure the Census shares are comparators of."""
AGE_GROUPS: Final = (("under 25", 16, 24), ("25-54", 25, 54), ("55 and over", 55, 64))
"""Age groups of the workforce measures and the ages of residents compared with them."""
TABLE_NAMES: Final = {
    "sex": "TS008",
    "age": "TS007",
    "ethnic_group": "TS021",
    "country_of_birth": "TS004 country of birth",
    "passports_held": "TS005 passports held",
}


def _ages(residents: pl.LazyFrame) -> pl.LazyFrame:
    """Single-year ages (TS007) or bands (TS007A) with their first and last year of age."""
    category = pl.col("category").str.to_lowercase()
    single = category.str.extract(r"^aged (\d+) years?$", 1).cast(pl.Int64, strict=False)
    under_one = category.str.contains(r"^aged under 1 year")
    low = category.str.extract(r"^aged (\d+) to \d+ years$", 1).cast(pl.Int64, strict=False)
    high = category.str.extract(r"^aged \d+ to (\d+) years$", 1).cast(pl.Int64, strict=False)
    return (
        residents.filter(pl.col("topic") == "age")
        .with_columns(
            pl.coalesce(single, pl.when(under_one).then(0), low).alias("_low"),
            pl.coalesce(single, pl.when(under_one).then(0), high).alias("_high"),
        )
        .drop_nulls("_low")
    )


def _age_shares(residents: pl.LazyFrame) -> pl.LazyFrame:
    ages = _ages(residents)
    # Single years when the file has them, else bands.
    banded = ages.select((pl.col("_low") != pl.col("_high")).any().alias("_banded"))
    ages = ages.join(banded, how="cross")
    first_age = pl.when(pl.col("_banded")).then(15).otherwise(16)
    working = ages.filter((pl.col("_low") >= first_age) & (pl.col("_high") <= 64))
    parts = []
    for label, low, high in AGE_GROUPS:
        start = pl.when(pl.col("_banded") & (low == 16)).then(15).otherwise(low)
        parts.append(
            working.filter((pl.col("_low") >= start) & (pl.col("_high") <= high))
            .group_by("geography_code", "geography_name", "date", "_banded")
            .agg(pl.col("count").sum().alias(NUMERATOR))
            .with_columns(pl.lit(label).alias(BREAKDOWN_VALUE))
        )
    denominators = working.group_by("geography_code").agg(pl.col("count").sum().alias(DENOMINATOR))
    return (
        pl.concat(parts)
        .join(denominators, on="geography_code")
        .with_columns(
            pl.lit("age_group").alias(BREAKDOWN),
            pl.when(pl.col("_banded"))
            .then(pl.lit("Census 2021 residents aged 15-64 (TS007A five-year bands)"))
            .otherwise(pl.lit("Census 2021 residents aged 16-64 (TS007)"))
            .alias(COMPARATOR),
        )
        .drop("_banded")
    )


def _category(residents: pl.LazyFrame, topic: str, pattern: str) -> pl.LazyFrame:
    return (
        residents.filter(
            (pl.col("topic") == topic) & pl.col("category").str.to_lowercase().str.contains(pattern)
        )
        .group_by("geography_code", "geography_name", "date")
        .agg(pl.col("count").sum().alias("_n"))
    )


def _named_shares(
    residents: pl.LazyFrame,
    topic: str,
    breakdown: str,
    total: str,
    groups: dict[str, str],
    *,
    rest: str | None,
    comparator: str,
) -> pl.LazyFrame:
    denominators = _category(residents, topic, total).rename({"_n": DENOMINATOR})
    parts = [
        _category(residents, topic, pattern).with_columns(pl.lit(label).alias(BREAKDOWN_VALUE))
        for label, pattern in groups.items()
    ]
    counted = pl.concat(parts).rename({"_n": NUMERATOR})
    shares = counted.join(denominators.select("geography_code", DENOMINATOR), on="geography_code")
    if rest is not None:
        leftover = (
            shares.group_by("geography_code", "geography_name", "date")
            .agg(
                (pl.col(DENOMINATOR).first() - pl.col(NUMERATOR).sum()).alias(NUMERATOR),
                pl.col(DENOMINATOR).first(),
            )
            .with_columns(pl.lit(rest).alias(BREAKDOWN_VALUE))
        )
        shares = pl.concat([shares, leftover], how="diagonal_relaxed")
    return shares.with_columns(
        pl.lit(breakdown).alias(BREAKDOWN), pl.lit(comparator).alias(COMPARATOR)
    )


def census_shares(residents: pl.LazyFrame, *, topics: set[str]) -> pl.LazyFrame:
    """Census shares by area, with ``comparator`` naming the table each comes from.

    Args:
        residents: canonical Census counts.
        topics: the topics the counts hold (country of birth is preferred to passports).
    """
    parts = []
    if "sex" in topics:
        parts.append(
            _named_shares(
                residents,
                "sex",
                "sex",
                r"^all persons$",
                {"Female": r"^female$", "Male": r"^male$"},
                rest=None,
                comparator="Census 2021 residents (TS008)",
            )
        )
    if "age" in topics:
        parts.append(_age_shares(residents))
    if "ethnic_group" in topics:
        parts.append(
            _named_shares(
                residents,
                "ethnic_group",
                "ethnicity_group",
                r"^total",
                {"White": r"^white$"},
                rest="Black and other ethnic groups",
                comparator="Census 2021 usual residents (TS021)",
            )
        )
    for topic in ("country_of_birth", "passports_held"):
        if topic in topics:
            groups = {"British": r"(^|: )united kingdom$", "EU": r"(^|: )eu countries$"}
            parts.append(
                _named_shares(
                    residents,
                    topic,
                    "nationality_group",
                    r"^total",
                    groups,
                    rest="Outside EU",
                    comparator=f"Census 2021 usual residents by {topic.replace('_', ' ')}, "
                    f"a proxy for nationality ({TABLE_NAMES[topic].split()[0]})",
                )
            )
            break
    if not parts:
        return pl.LazyFrame()
    return pl.concat(parts, how="diagonal_relaxed").select(
        pl.lit("census_share").alias(MEASURE_ID),
        pl.col("date").alias(PERIOD),
        pl.col("geography_code").alias(AREA_CODE),
        pl.col("geography_name").alias(AREA_NAME),
        BREAKDOWN,
        BREAKDOWN_VALUE,
        NUMERATOR,
        DENOMINATOR,
        (pl.col(NUMERATOR) / pl.col(DENOMINATOR)).alias(VALUE),
        COMPARATOR,
    )


def census_rows(shares: pl.LazyFrame) -> pl.LazyFrame:
    """The Census shares as published rows."""
    return published(shares.drop(COMPARATOR), names=NAMES, units=UNITS, polarities=POLARITIES)


def workforce_comparators(shares: pl.LazyFrame) -> pl.LazyFrame:
    """Comparator rows for the workforce measures (the comparator file ``indicators compute
    --comparators`` reads): each share as the comparator of ``workforce_share``, named."""
    return shares.select(
        pl.lit(WORKFORCE_MEASURE).alias(MEASURE_ID),
        pl.lit("").alias(PERIOD),
        pl.col(AREA_CODE),
        BREAKDOWN,
        BREAKDOWN_VALUE,
        pl.format("{}, {}", pl.col(COMPARATOR), pl.col(AREA_NAME)).alias("comparator"),
        pl.col(VALUE).alias("value"),
    )
