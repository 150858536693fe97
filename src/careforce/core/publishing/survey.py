"""Survey measures as rows of the published measures table (the shape of ``indicators.csv``),
named and judged as the measure catalogue says."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from careforce.core.indicators.catalogue import SURVEY_MEASURES, Measure
from careforce.core.survey import columns as sc
from careforce.core.survey.measures import ASKED
from careforce.core.vocab import published as pub


class UnknownSurveyMeasureError(KeyError):
    """A questionnaire gives a measure id that is not a survey measure of the catalogue."""


def published_survey_measures(
    shares: pl.LazyFrame,
    *,
    period: str,
    area_code: str,
    area_name: str,
    measures: Sequence[Measure] = SURVEY_MEASURES,
) -> pl.LazyFrame:
    """The published rows of a round's survey measures.

    Numerator and denominator are respondent counts (not rounded: the groups are small and
    groups under 10 are already withheld); the value is the share, weighted when the shares
    were, with its Wilson interval. A withheld group has the symbol ``[c]``; a measure whose
    question the round did not ask has ``[x]``. No comparator is set.

    Raises:
        UnknownSurveyMeasureError: a measure id is not in ``measures``.
    """
    catalogue = {m.id: m for m in measures}
    ids = shares.select(pub.MEASURE_ID).unique().collect().get_column(pub.MEASURE_ID).to_list()
    unknown = sorted(str(i) for i in ids if i not in catalogue)
    if unknown:
        raise UnknownSurveyMeasureError(", ".join(unknown))
    names = {m.id: m.name for m in measures}
    polarities = {m.id: m.polarity.value for m in measures}
    units = {m.id: m.unit.value for m in measures}
    withheld = pl.col(sc.SUPPRESSED) | ~pl.col(ASKED)
    symbol = (
        pl.when(~pl.col(ASKED))
        .then(pl.lit(pub.Symbol.NOT_AVAILABLE.value))
        .when(pl.col(sc.SUPPRESSED))
        .then(pl.lit(pub.Symbol.CONFIDENTIAL.value))
        .otherwise(None)
    )
    measure = pl.col(pub.MEASURE_ID)
    return shares.select(
        measure,
        measure.replace_strict(names, return_dtype=pl.String).alias(pub.MEASURE_NAME),
        pl.lit(period).alias(pub.PERIOD),
        pl.lit(area_code).alias(pub.AREA_CODE),
        pl.lit(area_name).alias(pub.AREA_NAME),
        pl.col(sc.BREAKDOWN).alias(pub.BREAKDOWN),
        pl.col(sc.GROUP).alias(pub.BREAKDOWN_VALUE),
        pl.when(withheld)
        .then(None)
        .otherwise(pl.col(sc.CHOSEN))
        .cast(pl.Float64)
        .alias(pub.NUMERATOR),
        pl.when(pl.col(ASKED)).then(pl.col(sc.RESPONDENTS)).cast(pl.Float64).alias(pub.DENOMINATOR),
        pl.col(sc.SHARE).alias(pub.VALUE),
        pl.col(sc.LOWER).alias(pub.LOWER),
        pl.col(sc.UPPER).alias(pub.UPPER),
        measure.replace_strict(units, return_dtype=pl.String).alias(pub.UNIT),
        measure.replace_strict(polarities, return_dtype=pl.String).alias(pub.POLARITY),
        pl.lit(None, dtype=pl.Float64).alias(pub.COMPARATOR_VALUE),
        pl.lit(pub.Comparison.NOT_COMPARED.value).alias(pub.COMPARISON),
        symbol.alias(pub.SYMBOL),
        pl.lit(None, dtype=pl.String).alias(pub.COMPARATOR_NAME),
    ).cast(pub.PUBLISHED_SCHEMA)
