"""Turning labour-market results into rows of the published table."""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.vocab.published import (
    COMPARATOR_NAME,
    COMPARATOR_VALUE,
    COMPARISON,
    DENOMINATOR,
    LOWER,
    MEASURE_NAME,
    NUMERATOR,
    POLARITY,
    PUBLISHED_COLUMNS,
    PUBLISHED_SCHEMA,
    SYMBOL,
    UNIT,
    UPPER,
    VALUE,
    Comparison,
)

COMPARATOR: Final = "comparator"
"""Column naming a row's comparator (source and period), kept beside the published table."""


def published(
    frame: pl.LazyFrame, *, names: dict[str, str], units: dict[str, str], polarities: dict[str, str]
) -> pl.LazyFrame:
    """Rows with the published table's columns and types.

    Args:
        frame: measure_id, period, area_code, area_name, breakdown, breakdown_value, value and
            any of numerator, denominator, symbol, comparator_value, comparison.
        names: each measure's name.
        units: each measure's unit.
        polarities: each measure's polarity.
    """
    present = frame.collect_schema().names()
    fill = {
        NUMERATOR: pl.lit(None, dtype=pl.Float64),
        DENOMINATOR: pl.lit(None, dtype=pl.Float64),
        LOWER: pl.lit(None, dtype=pl.Float64),
        UPPER: pl.lit(None, dtype=pl.Float64),
        COMPARATOR_VALUE: pl.lit(None, dtype=pl.Float64),
        COMPARISON: pl.lit(Comparison.NOT_COMPARED.value),
        SYMBOL: pl.lit(None, dtype=pl.String),
        COMPARATOR_NAME: pl.lit(None, dtype=pl.String),
    }
    measure = pl.col("measure_id")
    return (
        frame.with_columns(
            *(expr.alias(name) for name, expr in fill.items() if name not in present),
            measure.replace_strict(names, default="").alias(MEASURE_NAME),
            measure.replace_strict(units, default="").alias(UNIT),
            measure.replace_strict(polarities, default="").alias(POLARITY),
        )
        .with_columns(
            pl.when(pl.col(VALUE).is_null() & pl.col(SYMBOL).is_null())
            .then(pl.lit("[x]"))
            .otherwise(pl.col(SYMBOL))
            .alias(SYMBOL)
        )
        .select(pl.col(name).cast(dtype) for name, dtype in PUBLISHED_SCHEMA.items())
        .select(PUBLISHED_COLUMNS)
    )
