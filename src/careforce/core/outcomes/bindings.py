"""The framework as frames: one row per measure and source, and the values entered by hand."""

from __future__ import annotations

from typing import Any, Final

import polars as pl

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.framework import Framework, Measure, Source, placed_measures
from careforce.core.vocab import published as pub

SOURCES_SCHEMA: Final = pl.Schema(
    {
        c.ORDER: pl.Int64,
        c.OUTCOME: pl.String,
        c.OUTCOME_TITLE: pl.String,
        c.SUB_OUTCOME: pl.String,
        c.SUB_OUTCOME_TITLE: pl.String,
        c.MEASURE_CODE: pl.String,
        c.MEASURE_TITLE: pl.String,
        c.SOURCE_NUMBER: pl.Int64,
        c.SOURCE_LABEL: pl.String,
        c.SOURCE_STATUS: pl.String,
        pub.MEASURE_ID: pl.String,
        pub.BREAKDOWN: pl.String,
        pub.BREAKDOWN_VALUE: pl.String,
        pub.UNIT: pl.String,
        c.FRAMEWORK_POLARITY: pl.String,
        c.BASELINE_PERIOD: pl.String,
        c.TARGET: pl.Float64,
        c.TARGET_YEAR: pl.Int64,
        c.EXACT: pl.Boolean,
        c.NOTE: pl.String,
    }
)
"""Schema of :func:`framework_sources`."""

MANUAL_SCHEMA: Final = pl.Schema(
    {
        c.ORDER: pl.Int64,
        pub.PERIOD: pl.String,
        pub.VALUE: pl.Float64,
        pub.LOWER: pl.Float64,
        pub.UPPER: pl.Float64,
        pub.SYMBOL: pl.String,
        c.EVIDENCE: pl.String,
        c.EVIDENCE_URL: pl.String,
    }
)
"""Schema of :func:`manual_values`."""


def _join_notes(*notes: str | None) -> str | None:
    kept = [note.strip() for note in notes if note and note.strip()]
    return " ".join(kept) or None


def _source_row(framework: Framework, item: Measure, source: Source, number: int) -> dict[str, Any]:
    target = source.target or item.target
    polarity = source.polarity or item.polarity
    manual = source.manual
    return {
        c.SOURCE_NUMBER: number,
        c.SOURCE_LABEL: source.label or (manual.label if manual else None),
        c.SOURCE_STATUS: (c.SourceStatus.MANUAL if manual else c.SourceStatus.INDICATORS).value,
        pub.MEASURE_ID: None if manual else source.measure_id,
        pub.BREAKDOWN: None if manual else source.breakdown,
        pub.BREAKDOWN_VALUE: None if manual else source.breakdown_value,
        pub.UNIT: manual.unit if manual else None,
        c.FRAMEWORK_POLARITY: polarity.value if polarity else None,
        c.BASELINE_PERIOD: source.baseline_period
        or item.baseline_period
        or framework.baseline_period,
        c.TARGET: target.value if target else None,
        c.TARGET_YEAR: target.year if target else None,
        c.EXACT: source.exact,
        c.NOTE: _join_notes(item.note, source.note),
    }


def framework_sources(framework: Framework) -> pl.DataFrame:
    """One row per framework measure and source, in framework order.

    A measure with no data source has one row with status ``no data source yet`` and the reason
    as its note. Settings are resolved: a source's polarity, baseline period and target, else
    its measure's, else the framework's baseline period.
    """
    rows: list[dict[str, Any]] = []
    for placed in placed_measures(framework):
        item = placed.measure
        common = {
            c.OUTCOME: placed.outcome.code,
            c.OUTCOME_TITLE: placed.outcome.title,
            c.SUB_OUTCOME: placed.sub_outcome.code if placed.sub_outcome else None,
            c.SUB_OUTCOME_TITLE: placed.sub_outcome.title if placed.sub_outcome else None,
            c.MEASURE_CODE: item.code,
            c.MEASURE_TITLE: item.title,
        }
        if not item.sources:
            rows.append(
                {
                    **common,
                    c.SOURCE_NUMBER: 1,
                    c.SOURCE_LABEL: None,
                    c.SOURCE_STATUS: c.SourceStatus.NO_DATA_SOURCE.value,
                    c.FRAMEWORK_POLARITY: item.polarity.value if item.polarity else None,
                    c.BASELINE_PERIOD: item.baseline_period or framework.baseline_period,
                    c.TARGET: item.target.value if item.target else None,
                    c.TARGET_YEAR: item.target.year if item.target else None,
                    c.EXACT: False,
                    c.NOTE: _join_notes(item.no_data_source, item.note),
                }
            )
            continue
        for number, source in enumerate(item.sources, start=1):
            rows.append({**common, **_source_row(framework, item, source, number)})
    for order, row in enumerate(rows):
        row[c.ORDER] = order
    return pl.DataFrame(rows, schema=SOURCES_SCHEMA)


def manual_values(framework: Framework) -> pl.DataFrame:
    """Values entered by hand, keyed by the ``order`` of their source in :func:`framework_sources`.

    A value left out has the symbol given, else ``[x]``.
    """
    rows: list[dict[str, Any]] = []
    order = -1
    for placed in placed_measures(framework):
        if not placed.measure.sources:
            order += 1  # a measure with no source has one row in framework_sources
            continue
        for source in placed.measure.sources:
            order += 1
            if source.manual is not None:
                for entry in source.manual.values:
                    rows.append(
                        {
                            c.ORDER: order,
                            pub.PERIOD: entry.period,
                            pub.VALUE: entry.value,
                            pub.LOWER: entry.lower_ci,
                            pub.UPPER: entry.upper_ci,
                            pub.SYMBOL: entry.symbol
                            or (pub.Symbol.NOT_AVAILABLE.value if entry.value is None else None),
                            c.EVIDENCE: entry.evidence,
                            c.EVIDENCE_URL: entry.evidence_url,
                        }
                    )
    return pl.DataFrame(rows, schema=MANUAL_SCHEMA)
