"""Publishing computed measures: catalogue columns, comparisons with comparators, disclosure
control, and the values and intervals of published counts, rates and shares worked out from the
rounded counts."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.disclosure.suppression import SUPPRESSED, protect
from careforce.core.indicators.catalogue import MEASURES, Kind, Measure
from careforce.core.indicators.compute import CATEGORY, PART_OF, WORKERS
from careforce.core.indicators.intervals import byar_lower, byar_upper, wilson_lower, wilson_upper
from careforce.core.indicators.judgement import comparison
from careforce.core.vocab.ordering import sort_columns
from careforce.core.vocab.published import (
    AREA_CODE,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    COMPARATOR_NAME,
    COMPARATOR_VALUE,
    COMPARISON,
    DENOMINATOR,
    LOWER,
    MEASURE_ID,
    MEASURE_NAME,
    NUMERATOR,
    PERIOD,
    POLARITY,
    PUBLISHED_COLUMNS,
    SYMBOL,
    TOTAL,
    UNIT,
    UPPER,
    VALUE,
    Comparison,
    Symbol,
)

PRIORITY = "_priority"
"""Column of a comparator table: the position of the comparator row (the first match wins)."""
ANY = ""
"""Period or area of a comparator row that applies to every period or area."""

_KIND = "_kind"
_ORDER = "_order"
_COUNT_KINDS = (Kind.COUNT.value, Kind.WORKPLACE_COUNT.value)
_MEAN_OR_MEDIAN = (Kind.MEAN.value, Kind.MEDIAN.value)
_PROPORTION_KINDS = (
    Kind.SHARE.value,
    Kind.CATEGORY_SHARE.value,
    Kind.WORKPLACE_PROPORTION.value,
    Kind.WORKPLACE_SHARE.value,
)
"""Kinds published as rounded numerator ÷ rounded denominator with a Wilson interval."""
_RATE_KINDS = (Kind.WORKPLACE_RATE.value,)
"""Kinds published as rounded numerator ÷ rounded denominator with a Byar interval."""


def with_comparators(results: pl.DataFrame, comparators: pl.DataFrame | None) -> pl.DataFrame:
    """Each cell's comparator value: the first comparator row of its measure and breakdown
    value whose period and area are the cell's or ``ANY`` (null when none matches).

    Args:
        results: computed cells.
        comparators: measure id, breakdown, breakdown value, period, area code, the comparator
            value, its name (source and period; optional) and its priority (see
            :data:`PRIORITY`), or None for no comparators.
    """
    if comparators is None:
        return results.with_columns(
            pl.lit(None, dtype=pl.Float64).alias(COMPARATOR_VALUE),
            pl.lit(None, dtype=pl.String).alias(COMPARATOR_NAME),
        )
    if COMPARATOR_NAME not in comparators.columns:
        comparators = comparators.with_columns(pl.lit(None, dtype=pl.String).alias(COMPARATOR_NAME))
    keyed = results.with_row_index("_cell")
    matches = (
        keyed.select("_cell", MEASURE_ID, PERIOD, AREA_CODE, BREAKDOWN, BREAKDOWN_VALUE)
        .join(
            comparators.select(
                MEASURE_ID,
                BREAKDOWN,
                BREAKDOWN_VALUE,
                PRIORITY,
                COMPARATOR_VALUE,
                COMPARATOR_NAME,
                pl.col(PERIOD).alias("_period"),
                pl.col(AREA_CODE).alias("_area"),
            ),
            on=[MEASURE_ID, BREAKDOWN, BREAKDOWN_VALUE],
            how="inner",
        )
        .filter(
            ((pl.col("_period") == ANY) | (pl.col("_period") == pl.col(PERIOD)))
            & ((pl.col("_area") == ANY) | (pl.col("_area") == pl.col(AREA_CODE)))
        )
        .sort(PRIORITY)
        .group_by("_cell")
        .agg(pl.col(COMPARATOR_VALUE).first(), pl.col(COMPARATOR_NAME).first())
    )
    return keyed.join(matches, on="_cell", how="left").sort("_cell").drop("_cell")


def catalogue_columns(measures: Sequence[Measure] = MEASURES) -> pl.DataFrame:
    """Name, unit and polarity of each measure id (its first catalogue entry), with its kind
    and catalogue position in the hidden columns ``_kind`` and ``_order``."""
    first: dict[str, Measure] = {}
    for entry in measures:
        first.setdefault(entry.id, entry)
    return pl.DataFrame(
        {
            MEASURE_ID: list(first),
            MEASURE_NAME: [m.name for m in first.values()],
            UNIT: [m.unit.value for m in first.values()],
            POLARITY: [m.polarity.value for m in first.values()],
            _KIND: [m.kind.value for m in first.values()],
            _ORDER: list(range(len(first))),
        }
    )


def groupings() -> list[list[str]]:
    """Groupings of cells into parts of one whole: the parts of one breakdown (for two-way
    breakdowns, one row of the table), and for two-way breakdowns also one column."""
    cell = [MEASURE_ID, PERIOD, AREA_CODE, BREAKDOWN]
    return [[*cell, PART_OF], [*cell, CATEGORY]]


def _missing() -> pl.Expr:
    return pl.col(VALUE).is_null() | pl.col(VALUE).is_nan()


def _protected(table: pl.DataFrame, policy: DisclosurePolicy) -> pl.DataFrame:
    """Disclosure control; a published count's value and interval come from the rounded count,
    and a published rate's or share's from the rounded numerator and denominator, so they
    cannot reveal the exact counts (docs/methodology.md, "Rounding and published rates")."""
    lazy = protect(
        table.lazy(),
        policy=policy,
        groups=groupings(),
        order=[BREAKDOWN_VALUE],
        withheld=[NUMERATOR, DENOMINATOR, VALUE, LOWER, UPPER, COMPARATOR_VALUE],
        counts=[NUMERATOR, DENOMINATOR],
        missing=_missing() & (pl.col(WORKERS) == 0),
    )
    published = ~pl.col(SUPPRESSED)
    published_count = pl.col(_KIND).is_in(_COUNT_KINDS) & published
    proportion = pl.col(_KIND).is_in(_PROPORTION_KINDS) & published
    rate = pl.col(_KIND).is_in(_RATE_KINDS) & published
    numerator, denominator = pl.col(NUMERATOR), pl.col(DENOMINATOR)
    known = denominator > 0
    return (
        lazy.with_columns(
            pl.when(published_count)
            .then(numerator)
            .when(proportion | rate)
            .then(pl.when(known).then(numerator / denominator))
            .otherwise(pl.col(VALUE))
            .alias(VALUE),
            pl.when(published_count)
            .then(byar_lower(numerator))
            .when(proportion)
            .then(pl.when(known).then(wilson_lower(numerator, denominator)))
            .when(rate)
            .then(pl.when(known).then(byar_lower(numerator) / denominator))
            .otherwise(pl.col(LOWER))
            .alias(LOWER),
            pl.when(published_count)
            .then(byar_upper(numerator))
            .when(proportion)
            .then(pl.when(known).then(wilson_upper(numerator, denominator)))
            .when(rate)
            .then(pl.when(known).then(byar_upper(numerator) / denominator))
            .otherwise(pl.col(UPPER))
            .alias(UPPER),
            pl.when(pl.col(SUPPRESSED))
            .then(pl.lit(Comparison.NOT_COMPARED.value))
            .otherwise(pl.col(COMPARISON))
            .alias(COMPARISON),
        )
        .with_columns(
            pl.when((pl.col(SYMBOL) == "") & _missing())
            .then(pl.lit(Symbol.NOT_AVAILABLE.value))
            .otherwise(pl.col(SYMBOL))
            .alias(SYMBOL)
        )
        .drop(SUPPRESSED)
        .collect()
    )


def publish(
    results: pl.DataFrame,
    *,
    policy: DisclosurePolicy,
    comparators: pl.DataFrame | None,
    unsuppressed: bool,
) -> pl.DataFrame:
    """Add catalogue columns and comparisons, apply disclosure control, and order the table.

    Args:
        results: computed cells (the schema of :data:`careforce.core.indicators.compute.RESULT_SCHEMA`).
        policy: disclosure thresholds and rounding.
        comparators: comparator rows (see :func:`with_comparators`), or None.
        unsuppressed: skip disclosure control (for internal use only, never for publication).

    Returns:
        The published table: :data:`careforce.core.vocab.published.PUBLISHED_COLUMNS`, in
        catalogue order, then by period, area and breakdown (headline rows first).
    """
    table = with_comparators(results, comparators).join(
        catalogue_columns(), on=MEASURE_ID, how="left"
    )
    table = table.with_columns(
        pl.when(pl.col(_KIND).is_in(_MEAN_OR_MEDIAN) & (pl.col(LOWER) < 0))
        .then(0.0)
        .otherwise(pl.col(LOWER))
        .alias(LOWER)
    ).with_columns(
        comparison(
            pl.col(LOWER),
            pl.col(UPPER),
            pl.col(VALUE),
            pl.col(COMPARATOR_VALUE),
            pl.col(POLARITY),
        ).alias(COMPARISON)
    )
    if unsuppressed:
        table = table.with_columns(
            pl.when(_missing())
            .then(pl.lit(Symbol.NOT_AVAILABLE.value))
            .otherwise(pl.lit(""))
            .alias(SYMBOL)
        )
    else:
        table = _protected(table, policy)
    table = table.with_columns(
        pl.when(pl.col(VALUE).is_nan()).then(None).otherwise(pl.col(VALUE)).alias(VALUE),
        pl.when(pl.col(SYMBOL) == "").then(None).otherwise(pl.col(SYMBOL)).alias(SYMBOL),
        # A withheld comparator is not named either.
        pl.when(pl.col(COMPARATOR_VALUE).is_null())
        .then(None)
        .otherwise(pl.col(COMPARATOR_NAME))
        .alias(COMPARATOR_NAME),
    )
    # Breakdown values in their natural order (age bands youngest first...), not alphabetical.
    return table.sort(
        [
            _ORDER,
            PERIOD,
            AREA_CODE,
            pl.col(BREAKDOWN) != TOTAL,
            BREAKDOWN,
            *sort_columns(BREAKDOWN, BREAKDOWN_VALUE),
        ]
    ).select(list(PUBLISHED_COLUMNS))
