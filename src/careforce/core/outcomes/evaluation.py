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

WITHHELD_SYMBOLS: Final = (c.SUPPRESSED, c.NOT_AVAILABLE)
"""Symbols that mean there is no number: any number beside them is dropped, never shown."""


def scorecard_periods(
    indicators: pl.LazyFrame, sources: pl.LazyFrame, manual: pl.LazyFrame
) -> pl.LazyFrame:
    """The periods of the scorecard, sorted: those of the indicators, the manual values and the
    baselines (a baseline with no data still gets its row, showing that it is missing)."""
    return (
        pl.concat(
            [
                indicators.select(c.PERIOD),
                manual.select(c.PERIOD),
                sources.select(pl.col(c.BASELINE_PERIOD).alias(c.PERIOD)),
            ]
        )
        .drop_nulls()
        .unique()
        .sort(c.PERIOD)
        .with_row_index(PERIOD_INDEX)
        .with_columns(pl.col(PERIOD_INDEX).cast(pl.Int64))
    )


def _indicator_observations(indicators: pl.LazyFrame, sources: pl.LazyFrame) -> pl.LazyFrame:
    keys = [c.MEASURE_ID, c.BREAKDOWN, c.BREAKDOWN_VALUE]
    return (
        sources.filter(pl.col(c.SOURCE_STATUS) == c.SourceStatus.INDICATORS.value)
        .select(c.ORDER, *keys)
        .join(indicators, on=keys, how="inner")
        .select(
            c.ORDER,
            c.PERIOD,
            c.VALUE,
            c.LOWER,
            c.UPPER,
            c.SYMBOL,
            pl.col(c.MEASURE_NAME).alias(INDICATOR_NAME),
            pl.col(c.UNIT).alias(INDICATOR_UNIT),
            pl.col(c.POLARITY).alias(INDICATOR_POLARITY),
        )
        .unique(subset=[c.ORDER, c.PERIOD], keep="first", maintain_order=True)
    )


def _observed_values(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Numbers only where they exist: nothing beside a withholding symbol, no interval without a
    value, and ``[x]`` wherever there is neither a number nor a symbol."""
    frame = frame.with_columns(
        pl.when(pl.col(c.SYMBOL).str.strip_chars() == "")
        .then(None)
        .otherwise(pl.col(c.SYMBOL))
        .alias(c.SYMBOL)
    )
    withheld = pl.col(c.SYMBOL).is_in(WITHHELD_SYMBOLS).fill_null(value=False)
    value = pl.when(withheld | pl.col(c.VALUE).is_nan()).then(None).otherwise(pl.col(c.VALUE))
    frame = frame.with_columns(value.alias(c.VALUE))
    present = pl.col(c.VALUE).is_not_null()
    interval_ok = (
        present
        & pl.col(c.LOWER).is_not_null()
        & pl.col(c.UPPER).is_not_null()
        & ~pl.col(c.LOWER).is_nan()
        & ~pl.col(c.UPPER).is_nan()
    )
    return frame.with_columns(
        pl.when(interval_ok).then(pl.col(c.LOWER)).otherwise(None).alias(c.LOWER),
        pl.when(interval_ok).then(pl.col(c.UPPER)).otherwise(None).alias(c.UPPER),
        # A value is never withheld (see above), so its symbol can only qualify it ([u]).
        pl.when(present)
        .then(pl.col(c.SYMBOL))
        .otherwise(pl.coalesce(pl.col(c.SYMBOL), pl.lit(c.NOT_AVAILABLE)))
        .alias(c.SYMBOL),
    )


def _first_given(column: str) -> pl.Expr:
    return pl.col(column).drop_nulls().first().over(c.ORDER)


def _with_descriptions(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Label, unit and polarity: the framework's, else the indicator results'."""
    name = pl.coalesce(_first_given(INDICATOR_NAME), pl.col(c.MEASURE_ID))
    named = (
        pl.when(pl.col(c.BREAKDOWN) == c.TOTAL)
        .then(name)
        .otherwise(pl.concat_str([name, pl.lit(": "), pl.col(c.BREAKDOWN_VALUE)]))
    )
    return frame.with_columns(
        pl.coalesce(pl.col(c.SOURCE_LABEL), named).alias(c.SOURCE_LABEL),
        pl.coalesce(pl.col(c.UNIT), _first_given(INDICATOR_UNIT)).alias(c.UNIT),
        pl.coalesce(
            pl.col(c.FRAMEWORK_POLARITY),
            _first_given(INDICATOR_POLARITY),
            pl.lit(c.Polarity.NO_JUDGEMENT.value),
        ).alias(c.POLARITY),
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
        value=pl.col(c.VALUE),
        lower=pl.col(c.LOWER),
        upper=pl.col(c.UPPER),
        reference=pl.col(reference),
        reference_lower=pl.col(reference_lower),
        reference_upper=pl.col(reference_upper),
        exact=pl.col(c.EXACT),
        test=test,
    )
    difference = pl.col(c.VALUE) - pl.col(reference)
    return [
        pl.when(applies).then(difference).otherwise(None).alias(change),
        pl.when(applies).then(tested).otherwise(None).alias(significant),
        pl.when(no_source)
        .then(pl.lit(c.Direction.CANNOT_BE_CALCULATED.value))
        .when(~applies)
        .then(pl.lit(c.Direction.NOT_APPLICABLE.value))
        .otherwise(direction(difference, tested, pl.col(c.POLARITY)))
        .alias(judged),
    ]


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
            manual.select(c.ORDER, c.PERIOD, c.VALUE, c.LOWER, c.UPPER, c.SYMBOL),
        ],
        how="diagonal_relaxed",
    )
    evidence = manual.select(c.ORDER, c.PERIOD, c.EVIDENCE, c.EVIDENCE_URL)
    grid = (
        sources.join(periods, how="cross")
        .join(observed, on=[c.ORDER, c.PERIOD], how="left")
        .join(evidence, on=[c.ORDER, c.PERIOD], how="left")
        .join(
            periods.select(
                pl.col(c.PERIOD).alias(c.BASELINE_PERIOD),
                pl.col(PERIOD_INDEX).alias(BASELINE_INDEX),
            ),
            on=c.BASELINE_PERIOD,
            how="left",
        )
        .sort(c.ORDER, PERIOD_INDEX)
    )
    grid = _with_descriptions(_observed_values(grid))
    baseline = grid.filter(pl.col(c.PERIOD) == pl.col(c.BASELINE_PERIOD)).select(
        c.ORDER,
        pl.col(c.VALUE).alias(c.BASELINE_VALUE),
        pl.col(c.LOWER).alias(_BASELINE_LOWER),
        pl.col(c.UPPER).alias(_BASELINE_UPPER),
        pl.col(c.SYMBOL).alias(c.BASELINE_SYMBOL),
    )
    grid = (
        grid.join(baseline, on=c.ORDER, how="left")
        .sort(c.ORDER, PERIOD_INDEX)
        .with_columns(
            pl.col(c.PERIOD).shift(1).over(c.ORDER).alias(c.PREVIOUS_PERIOD),
            pl.col(c.VALUE).shift(1).over(c.ORDER).alias(c.PREVIOUS_VALUE),
            pl.col(c.LOWER).shift(1).over(c.ORDER).alias(_PREVIOUS_LOWER),
            pl.col(c.UPPER).shift(1).over(c.ORDER).alias(_PREVIOUS_UPPER),
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
        .then(progress_to_target(pl.col(c.VALUE), pl.col(c.BASELINE_VALUE), pl.col(c.TARGET)))
        .otherwise(None)
        .alias(c.PROGRESS_TO_TARGET),
        pl.when((pl.col(PERIOD_INDEX) < pl.col(BASELINE_INDEX)) & pl.col(c.TARGET).is_not_null())
        .then(pl.lit(c.TargetStatus.NOT_APPLICABLE.value))
        .otherwise(
            target_status(
                pl.col(c.VALUE), pl.col(c.BASELINE_VALUE), pl.col(c.TARGET), pl.col(c.POLARITY)
            )
        )
        .alias(c.TARGET_STATUS),
        pl.lit(area_code, dtype=pl.String).alias(c.AREA_CODE),
        pl.lit(area_name, dtype=pl.String).alias(c.AREA_NAME),
    )
    return scored.sort(c.ORDER, PERIOD_INDEX).select(c.SCORECARD_COLUMNS)
