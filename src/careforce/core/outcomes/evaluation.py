"""Evaluating the framework: every framework measure and source, for every period.

The scorecard has one row per framework source and period (a framework measure usually has one
source; one with none has one row per period saying so). Each row holds the value with its
interval and symbol, the change since the baseline period and since the previous period, whether
each change is significant and its direction against polarity, and progress to the target.

No value is ever made up: a suppressed or missing value stays empty with its symbol (``[c]``,
``[x]``) and every change and judgement that needs it is ``cannot be calculated``.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.framework import SignificanceTest
from careforce.core.outcomes.significance import direction, significant_change
from careforce.core.outcomes.targets import progress_to_target, target_status
from careforce.core.vocab import published as pub

PERIOD_INDEX: Final = "_period_index"
"""Position of a period in the scorecard's sorted periods (internal)."""
BASELINE_INDEX: Final = "_baseline_index"
"""Position of the baseline period (internal)."""
INDICATOR_NAME: Final = "_indicator_name"
"""Measure name given by the indicator results (internal)."""
INDICATOR_UNIT: Final = "_indicator_unit"
"""Unit given by the indicator results (internal)."""
INDICATOR_POLARITY: Final = "_indicator_polarity"
"""Polarity given by the indicator results (internal)."""
_BASELINE_LOWER: Final = "_baseline_lower"
_BASELINE_UPPER: Final = "_baseline_upper"
_PREVIOUS_LOWER: Final = "_previous_lower"
_PREVIOUS_UPPER: Final = "_previous_upper"

WITHHELD_SYMBOLS: Final = (pub.Symbol.CONFIDENTIAL.value, pub.Symbol.NOT_AVAILABLE.value)
"""Symbols that mean there is no number: any number beside them is dropped, never shown."""


def scorecard_periods(
    indicators: pl.LazyFrame, sources: pl.LazyFrame, manual: pl.LazyFrame
) -> pl.LazyFrame:
    """The periods of the scorecard, sorted: those of the indicators, the manual values and the
    baselines (a baseline with no data still gets its row, showing that it is missing)."""
    return (
        pl.concat(
            [
                indicators.select(pub.PERIOD),
                manual.select(pub.PERIOD),
                sources.select(pl.col(c.BASELINE_PERIOD).alias(pub.PERIOD)),
            ]
        )
        .drop_nulls()
        .unique()
        .sort(pub.PERIOD)
        .with_row_index(PERIOD_INDEX)
        .with_columns(pl.col(PERIOD_INDEX).cast(pl.Int64))
    )


def _indicator_observations(indicators: pl.LazyFrame, sources: pl.LazyFrame) -> pl.LazyFrame:
    keys = [pub.MEASURE_ID, pub.BREAKDOWN, pub.BREAKDOWN_VALUE]
    names = indicators.collect_schema().names()
    indicators = indicators.with_columns(
        pl.lit(None, dtype=pub.PUBLISHED_SCHEMA.get(name, pl.String())).alias(name)
        for name in (c.BASE, *c.COMPARATOR_COLUMNS)
        if name not in names
    )
    return (
        sources.filter(pl.col(c.SOURCE_STATUS) == c.SourceStatus.INDICATORS.value)
        .select(c.ORDER, *keys)
        .join(indicators, on=keys, how="inner")
        .select(
            c.ORDER,
            pub.PERIOD,
            pub.VALUE,
            pub.LOWER,
            pub.UPPER,
            pub.SYMBOL,
            c.BASE,
            *c.COMPARATOR_COLUMNS,
            pl.col(pub.MEASURE_NAME).alias(INDICATOR_NAME),
            pl.col(pub.UNIT).alias(INDICATOR_UNIT),
            pl.col(pub.POLARITY).alias(INDICATOR_POLARITY),
        )
        .unique(subset=[c.ORDER, pub.PERIOD], keep="first", maintain_order=True)
    )


def _observed_values(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Numbers only where they exist: nothing beside a withholding symbol, no interval without a
    value, and ``[x]`` wherever there is neither a number nor a symbol."""
    frame = frame.with_columns(
        pl.when(pl.col(pub.SYMBOL).str.strip_chars() == "")
        .then(None)
        .otherwise(pl.col(pub.SYMBOL))
        .alias(pub.SYMBOL)
    )
    withheld = pl.col(pub.SYMBOL).is_in(WITHHELD_SYMBOLS).fill_null(value=False)
    value = pl.when(withheld | pl.col(pub.VALUE).is_nan()).then(None).otherwise(pl.col(pub.VALUE))
    frame = frame.with_columns(value.alias(pub.VALUE))
    present = pl.col(pub.VALUE).is_not_null()
    interval_ok = (
        present
        & pl.col(pub.LOWER).is_not_null()
        & pl.col(pub.UPPER).is_not_null()
        & ~pl.col(pub.LOWER).is_nan()
        & ~pl.col(pub.UPPER).is_nan()
    )
    return frame.with_columns(
        pl.when(interval_ok).then(pl.col(pub.LOWER)).otherwise(None).alias(pub.LOWER),
        pl.when(interval_ok).then(pl.col(pub.UPPER)).otherwise(None).alias(pub.UPPER),
        # A value is never withheld (see above), so its symbol can only qualify it ([u]).
        pl.when(present)
        .then(pl.col(pub.SYMBOL))
        .otherwise(pl.coalesce(pl.col(pub.SYMBOL), pl.lit(pub.Symbol.NOT_AVAILABLE.value)))
        .alias(pub.SYMBOL),
    )


def _first_given(column: str) -> pl.Expr:
    return pl.col(column).drop_nulls().first().over(c.ORDER)


def _with_descriptions(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Label, unit and polarity: the framework's, else the indicator results'."""
    name = pl.coalesce(_first_given(INDICATOR_NAME), pl.col(pub.MEASURE_ID))
    named = (
        pl.when(pl.col(pub.BREAKDOWN) == pub.TOTAL)
        .then(name)
        .otherwise(pl.concat_str([name, pl.lit(": "), pl.col(pub.BREAKDOWN_VALUE)]))
    )
    return frame.with_columns(
        pl.coalesce(pl.col(c.SOURCE_LABEL), named).alias(c.SOURCE_LABEL),
        pl.coalesce(pl.col(pub.UNIT), _first_given(INDICATOR_UNIT)).alias(pub.UNIT),
        pl.coalesce(
            pl.col(c.FRAMEWORK_POLARITY),
            _first_given(INDICATOR_POLARITY),
            pl.lit(pub.Polarity.NO_JUDGEMENT.value),
        ).alias(pub.POLARITY),
    )


def _change_columns(
    *,
    reference: str,
    reference_lower: str,
    reference_upper: str,
    applies: pl.Expr,
    change: str,
    significant: str,
    judged: str,
    test: SignificanceTest,
) -> list[pl.Expr]:
    """Change from a reference value, its significance and direction, where ``applies``."""
    no_source = pl.col(c.SOURCE_STATUS) == c.SourceStatus.NO_DATA_SOURCE.value
    tested = significant_change(
        value=pl.col(pub.VALUE),
        lower=pl.col(pub.LOWER),
        upper=pl.col(pub.UPPER),
        reference=pl.col(reference),
        reference_lower=pl.col(reference_lower),
        reference_upper=pl.col(reference_upper),
        exact=pl.col(c.EXACT),
        test=test,
    )
    difference = pl.col(pub.VALUE) - pl.col(reference)
    return [
        pl.when(applies).then(difference).otherwise(None).alias(change),
        pl.when(applies).then(tested).otherwise(None).alias(significant),
        pl.when(no_source)
        .then(pl.lit(c.Direction.CANNOT_BE_CALCULATED.value))
        .when(~applies)
        .then(pl.lit(c.Direction.NOT_APPLICABLE.value))
        .otherwise(direction(difference, tested, pl.col(pub.POLARITY)))
        .alias(judged),
    ]


def _last_observed(column: str) -> pl.Expr:
    """The column's value in the row's latest earlier period that has a value: a measure
    observed in some periods only (a survey round's year beside the financial years of the
    returns) is compared with its own last observation, not with a period it was never
    observed in. With no earlier observation the period before is named (change cannot be
    calculated)."""
    return (
        pl.when(pl.col(pub.VALUE).is_not_null())
        .then(pl.col(column))
        .otherwise(None)
        .shift(1)
        .forward_fill()
        .over(c.ORDER)
    )


def evaluate_framework(
    indicators: pl.LazyFrame,
    sources: pl.LazyFrame,
    manual: pl.LazyFrame,
    *,
    area_code: str | None,
    area_name: str | None,
    test: SignificanceTest = SignificanceTest.Z_TEST,
) -> pl.LazyFrame:
    """The scorecard: every framework source for every period, judged.

    Args:
        indicators: indicator results of one area (the columns of
            :data:`~careforce.core.outcomes.columns.INDICATOR_COLUMNS`).
        sources: :func:`~careforce.core.outcomes.bindings.framework_sources`.
        manual: :func:`~careforce.core.outcomes.bindings.manual_values`.
        area_code: code of the area, written in every row.
        area_name: name of the area, written in every row.
        test: how a change between two values with intervals is judged.

    Returns:
        The scorecard with the columns of :data:`~careforce.core.outcomes.columns.SCORECARD_COLUMNS`,
        in framework order then period order.
    """
    periods = scorecard_periods(indicators, sources, manual)
    observed = pl.concat(
        [
            _indicator_observations(indicators, sources),
            manual.select(c.ORDER, pub.PERIOD, pub.VALUE, pub.LOWER, pub.UPPER, pub.SYMBOL),
        ],
        how="diagonal_relaxed",
    )
    evidence = manual.select(c.ORDER, pub.PERIOD, c.EVIDENCE, c.EVIDENCE_URL)
    grid = (
        sources.join(periods, how="cross")
        .join(observed, on=[c.ORDER, pub.PERIOD], how="left")
        .join(evidence, on=[c.ORDER, pub.PERIOD], how="left")
        .join(
            periods.select(
                pl.col(pub.PERIOD).alias(c.BASELINE_PERIOD),
                pl.col(PERIOD_INDEX).alias(BASELINE_INDEX),
            ),
            on=c.BASELINE_PERIOD,
            how="left",
        )
        .sort(c.ORDER, PERIOD_INDEX)
    )
    grid = _with_descriptions(_observed_values(grid))
    baseline = grid.filter(pl.col(pub.PERIOD) == pl.col(c.BASELINE_PERIOD)).select(
        c.ORDER,
        pl.col(pub.VALUE).alias(c.BASELINE_VALUE),
        pl.col(pub.LOWER).alias(_BASELINE_LOWER),
        pl.col(pub.UPPER).alias(_BASELINE_UPPER),
        pl.col(pub.SYMBOL).alias(c.BASELINE_SYMBOL),
    )
    grid = (
        grid.join(baseline, on=c.ORDER, how="left")
        .sort(c.ORDER, PERIOD_INDEX)
        .with_columns(
            _last_observed(pub.PERIOD).alias(c.PREVIOUS_PERIOD),
            _last_observed(pub.VALUE).alias(c.PREVIOUS_VALUE),
            _last_observed(pub.LOWER).alias(_PREVIOUS_LOWER),
            _last_observed(pub.UPPER).alias(_PREVIOUS_UPPER),
        )
        .with_columns(
            pl.when(pl.col(c.PREVIOUS_PERIOD).is_null())
            .then(pl.col(pub.PERIOD).shift(1).over(c.ORDER))
            .otherwise(pl.col(c.PREVIOUS_PERIOD))
            .alias(c.PREVIOUS_PERIOD)
        )
    )
    after_baseline = pl.col(PERIOD_INDEX) > pl.col(BASELINE_INDEX)
    scored = grid.with_columns(
        *_change_columns(
            reference=c.BASELINE_VALUE,
            reference_lower=_BASELINE_LOWER,
            reference_upper=_BASELINE_UPPER,
            applies=after_baseline,
            change=c.CHANGE_SINCE_BASELINE,
            significant=c.SIGNIFICANT,
            judged=c.DIRECTION,
            test=test,
        ),
        *_change_columns(
            reference=c.PREVIOUS_VALUE,
            reference_lower=_PREVIOUS_LOWER,
            reference_upper=_PREVIOUS_UPPER,
            applies=pl.col(c.PREVIOUS_PERIOD).is_not_null(),
            change=c.CHANGE_SINCE_LAST,
            significant=c.SIGNIFICANT_SINCE_LAST,
            judged=c.DIRECTION_SINCE_LAST,
            test=test,
        ),
        pl.when(pl.col(PERIOD_INDEX) >= pl.col(BASELINE_INDEX))
        .then(progress_to_target(pl.col(pub.VALUE), pl.col(c.BASELINE_VALUE), pl.col(c.TARGET)))
        .otherwise(None)
        .alias(c.PROGRESS_TO_TARGET),
        pl.when((pl.col(PERIOD_INDEX) < pl.col(BASELINE_INDEX)) & pl.col(c.TARGET).is_not_null())
        .then(pl.lit(c.TargetStatus.NOT_APPLICABLE.value))
        .otherwise(
            target_status(
                pl.col(pub.VALUE), pl.col(c.BASELINE_VALUE), pl.col(c.TARGET), pl.col(pub.POLARITY)
            )
        )
        .alias(c.TARGET_STATUS),
        pl.lit(area_code, dtype=pl.String).alias(pub.AREA_CODE),
        pl.lit(area_name, dtype=pl.String).alias(pub.AREA_NAME),
    )
    return scored.sort(c.ORDER, PERIOD_INDEX).select(c.SCORECARD_COLUMNS)
