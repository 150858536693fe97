"""Which provider organisations may need most support: a documented, configurable score.

The score prioritises the partnership's conversations with providers (strategy action 2); it
is not a judgement of quality. Each factor turns one of the provider's figures into a concern
between 0 and 1 (0: no concern; 1: the concern is at or beyond the factor's ``full_at``
threshold), and the score adds each factor's weight times its concern. A factor without data
(no usable figures from the provider, or too few similar workplaces to compare it with) adds
nothing and is listed as left out: nothing is ever filled in with a guess.

Comparators are like for like: the other organisations' workplaces with the same main service
in the same council area (the benchmarks' same-service group), weighted by the provider's own
mix of services, and withheld below the disclosure thresholds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

import polars as pl

from careforce.core.benchmarks.inputs import KEY, ORGANISATION_ID
from careforce.core.vocab.canonical_columns import Establishment as E

ORGANISATION: Final = "organisation"
"""Column: the organisation's name."""
SCORE: Final = "score"
"""Column: the score (0 to the sum of the weights), rounded to one decimal place."""
RANK: Final = "rank"
"""Column: the rank (1 = most support needed; equal scores share a rank)."""
REASONS: Final = "reasons"
"""Column: one plain-English line per contributing factor."""
LEFT_OUT: Final = "left_out"
"""Column: one line per factor without data."""
PERIODS_SINCE_RETURN: Final = "periods_since_return"
"""Column: periods since the last accepted return (0: this period; null: never)."""
ERRORS_PER_100: Final = "errors_per_100"
"""Column: errors per 100 records of the latest checked upload (null: none)."""


class Factor(StrEnum):
    """The factors of the score."""

    TURNOVER = "turnover"
    VACANCY = "vacancy"
    CARE_CERTIFICATE = "care_certificate"
    QUALIFIED = "qualified"
    NO_RECENT_RETURN = "no_recent_return"
    DATA_QUALITY = "data_quality"


COMPARED: Final = (Factor.TURNOVER, Factor.VACANCY, Factor.CARE_CERTIFICATE, Factor.QUALIFIED)
"""Factors measured against similar workplaces."""
HIGHER_IS_WORSE: Final = frozenset({Factor.TURNOVER, Factor.VACANCY})
"""Compared factors where the provider's figure above the comparator is the concern."""
LABELS: Final = {
    Factor.TURNOVER: "Staff turnover",
    Factor.VACANCY: "Vacancy rate",
    Factor.CARE_CERTIFICATE: "Care Certificate (completed or in progress)",
    Factor.QUALIFIED: "Staff with a relevant social care qualification",
    Factor.NO_RECENT_RETURN: "No recent return",
    Factor.DATA_QUALITY: "Data quality",
}
"""How the factors are named on the page and in the downloads."""


def points_column(factor: Factor) -> str:
    """Column: the points a factor adds to the score (null when left out)."""
    return f"points_{factor.value}"


def comparator_column(factor: Factor) -> str:
    """Column: the comparator of a compared factor."""
    return f"{factor.value}_comparator"


def service_column(factor: Factor) -> str:
    """Column: the main service of the comparator (null when the provider has several)."""
    return f"{factor.value}_service"


class SupportSettingsError(ValueError):
    """Support score settings that cannot be used (every problem names its field)."""


@dataclass(frozen=True)
class FactorSetting:
    """A factor's weight and threshold.

    Attributes:
        weight: the points the factor adds at full concern (0 leaves it out of the score).
        full_at: the difference (or value) at which the concern is full: for compared factors
            a difference from the comparator as a fraction (0.2 = 20 percentage points), for
            no recent return a number of periods, for data quality errors per 100 records.
    """

    weight: float
    full_at: float


@dataclass(frozen=True)
class SupportSettings:
    """The score's version and each factor's setting."""

    version: str
    factors: Mapping[Factor, FactorSetting]

    @property
    def maximum(self) -> float:
        """The highest possible score."""
        return sum(setting.weight for setting in self.factors.values())


def support_settings(data: Mapping[str, Any]) -> SupportSettings:
    """Settings from a parsed configuration file (``version`` and one table per factor).

    Raises:
        SupportSettingsError: a field is missing, unknown or out of range.
    """
    problems: list[str] = []
    version = data.get("version")
    if not isinstance(version, str) or not version:
        problems.append("version: give the version of the settings as text")
    known = {factor.value for factor in Factor}
    problems.extend(
        f"{name}: not a factor (factors: {', '.join(sorted(known))})"
        for name in data
        if name not in known and name != "version"
    )
    factors: dict[Factor, FactorSetting] = {}
    for factor in Factor:
        entry = data.get(factor.value)
        if not isinstance(entry, Mapping):
            problems.append(f"{factor.value}: give its weight and full_at")
            continue
        values = {}
        for name in ("weight", "full_at"):
            value = entry.get(name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(f"{factor.value}.{name}: give a number")
            elif value < 0 or (name == "full_at" and value == 0):
                problems.append(f"{factor.value}.{name}: must be more than 0")
            else:
                values[name] = float(value)
        problems.extend(
            f"{factor.value}.{name}: not a setting (settings: weight, full_at)"
            for name in entry
            if name not in ("weight", "full_at")
        )
        if len(values) == 2:  # weight and full_at
            factors[factor] = FactorSetting(**values)
    if problems:
        raise SupportSettingsError("; ".join(problems))
    return SupportSettings(version=str(version), factors=factors)


# --- the provider's figures against similar workplaces ---------------------------------------

MEASURE: Final = "_measure"
_NUM, _DEN, _RECORDED = "_num", "_den", "_recorded"


def _workplace_parts(places: pl.LazyFrame, staff: pl.LazyFrame) -> pl.LazyFrame:
    """Per workplace and compared factor: numerator, denominator and staff records (usable
    figures only)."""
    about = places.select(
        *KEY, ORGANISATION_ID, E.AREA_CODE, E.MAIN_SERVICE, pl.col("recorded").alias(_RECORDED)
    )
    rates = [
        places.filter(pl.col("leavers_state").is_null()).select(
            *KEY,
            pl.lit(Factor.TURNOVER.value).alias(MEASURE),
            pl.col("leavers").cast(pl.Float64).alias(_NUM),
            pl.col("direct").cast(pl.Float64).alias(_DEN),
        ),
        places.filter(pl.col("vacancies_state").is_null()).select(
            *KEY,
            pl.lit(Factor.VACANCY.value).alias(MEASURE),
            pl.col("vacancies").cast(pl.Float64).alias(_NUM),
            (pl.col("recorded") + pl.col("vacancies")).cast(pl.Float64).alias(_DEN),
        ),
    ]
    shares = [
        staff.group_by(*KEY).agg(
            pl.lit(factor.value).alias(MEASURE),
            pl.col(factor.value).sum().cast(pl.Float64).alias(_NUM),
            pl.col(factor.value).count().cast(pl.Float64).alias(_DEN),
        )
        for factor in (Factor.CARE_CERTIFICATE, Factor.QUALIFIED)
    ]
    return (
        pl.concat([*rates, *shares]).filter(pl.col(_DEN) > 0).join(about, on=list(KEY), how="inner")
    )


def organisation_measures(
    places: pl.LazyFrame, staff: pl.LazyFrame, *, min_workplaces: int, min_workers: int
) -> pl.LazyFrame:
    """Each organisation's turnover, vacancy rate and Care Certificate and qualification shares
    beside those of similar workplaces.

    Args:
        places: workplace inputs (``careforce.core.benchmarks.inputs.workplace_inputs``).
        staff: worker inputs (``worker_inputs``).
        min_workplaces: a comparator built on fewer workplaces is withheld (left out).
        min_workers: a comparator built on fewer staff records is withheld (left out).

    Returns:
        One row per organisation with workplaces: ``organisation_id``, and for each compared
        factor its value, ``<factor>_comparator`` and ``<factor>_service``. Where a comparator
        exists the value covers only the workplaces whose main service has one (like for
        like); the comparator is the other organisations' figure for each main service,
        weighted by the organisation's own denominators.
    """
    parts = _workplace_parts(places, staff)
    group = [MEASURE, E.AREA_CODE, E.MAIN_SERVICE]
    own = parts.group_by(*group, ORGANISATION_ID).agg(
        pl.col(_NUM).sum(), pl.col(_DEN).sum(), pl.col(_RECORDED).sum(), pl.len().alias("_w")
    )
    totals = own.group_by(*group).agg(
        pl.col(_NUM).sum().alias("_all_num"),
        pl.col(_DEN).sum().alias("_all_den"),
        pl.col(_RECORDED).sum().alias("_all_rec"),
        pl.col("_w").sum().alias("_all_w"),
    )
    others_den = pl.col("_all_den") - pl.col(_DEN)
    enough = (
        ((pl.col("_all_w") - pl.col("_w")) >= min_workplaces)
        & ((pl.col("_all_rec") - pl.col(_RECORDED)) >= min_workers)
        & (others_den > 0)
    )
    compared = own.join(totals, on=group, how="inner").with_columns(
        pl.when(enough)
        .then((pl.col("_all_num") - pl.col(_NUM)) / others_den)
        .otherwise(None)
        .alias("_comparator")
    )
    has = pl.col("_comparator").is_not_null()
    per_measure = compared.group_by(ORGANISATION_ID, MEASURE).agg(
        (pl.col(_NUM).sum() / pl.col(_DEN).sum()).alias("_own_all"),
        (pl.col(_NUM).filter(has).sum() / pl.col(_DEN).filter(has).sum()).alias("_own_like"),
        (
            (pl.col(_DEN) * pl.col("_comparator")).filter(has).sum()
            / pl.col(_DEN).filter(has).sum()
        ).alias("_comparator"),
        pl.col(E.MAIN_SERVICE).filter(has).unique().alias("_services"),
    )
    long = per_measure.select(
        ORGANISATION_ID,
        MEASURE,
        pl.when(pl.col("_services").list.len() > 0)
        .then(pl.col("_own_like"))
        .otherwise(pl.col("_own_all"))
        .alias("_value"),
        pl.when(pl.col("_services").list.len() > 0).then(pl.col("_comparator")).alias("_cmp"),
        pl.when(pl.col("_services").list.len() == 1)
        .then(pl.col("_services").list.first())
        .alias("_service"),
    )
    organisations = places.select(ORGANISATION_ID).unique()
    columns = []
    for factor in COMPARED:
        columns.append(
            long.filter(pl.col(MEASURE) == factor.value).select(
                ORGANISATION_ID,
                pl.col("_value").alias(factor.value),
                pl.col("_cmp").alias(comparator_column(factor)),
                pl.col("_service").cast(pl.String).alias(service_column(factor)),
            )
        )
    result = organisations
    for part in columns:
        result = result.join(part, on=ORGANISATION_ID, how="left")
    return result.sort(ORGANISATION_ID)


# --- the score ---------------------------------------------------------------------------------


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _similar(service: str | None) -> str:
    if service:
        return f"similar workplaces ({service}) in the area"
    return "similar workplaces in the area (weighted by its mix of main services)"


def _compared(
    row: Mapping[str, Any], factor: Factor, setting: FactorSetting
) -> tuple[float | None, str]:
    """A compared factor's concern and its line (or why it is left out)."""
    value, comparator = row.get(factor.value), row.get(comparator_column(factor))
    label = LABELS[factor]
    if value is None:
        return None, f"{label}: left out, no usable figures in its return"
    if comparator is None:
        return None, f"{label}: left out, too few similar workplaces in the area to compare"
    difference = value - comparator if factor in HIGHER_IS_WORSE else comparator - value
    concern = min(max(difference / setting.full_at, 0.0), 1.0)
    similar = _similar(row.get(service_column(factor)))
    return concern, f"{label} {_percent(value)} against {_percent(comparator)} for {similar}"


def _no_return(row: Mapping[str, Any], setting: FactorSetting, period: str) -> tuple[float, str]:
    since = row.get(PERIODS_SINCE_RETURN)
    if since is None:
        return 1.0, f"No accepted return yet (as of {period})"
    concern = min(max(since / setting.full_at, 0.0), 1.0)
    plural = "period" if since == 1 else "periods"
    return concern, f"Last accepted return {since} {plural} before {period}"


def _quality(row: Mapping[str, Any], setting: FactorSetting) -> tuple[float | None, str]:
    rate = row.get(ERRORS_PER_100)
    label = LABELS[Factor.DATA_QUALITY]
    if rate is None:
        return None, f"{label}: left out, no checked upload"
    concern = min(max(rate / setting.full_at, 0.0), 1.0)
    return concern, f"{rate:.1f} errors per 100 records in its latest upload"


def _score_row(row: Mapping[str, Any], settings: SupportSettings, period: str) -> dict[str, Any]:
    points: dict[str, float | None] = {}
    reasons: list[tuple[float, str]] = []
    left_out: list[str] = []
    for factor, setting in settings.factors.items():
        if factor in COMPARED:
            concern, line = _compared(row, factor, setting)
        elif factor is Factor.NO_RECENT_RETURN:
            concern, line = _no_return(row, setting, period)
        else:
            concern, line = _quality(row, setting)
        if concern is None:
            points[points_column(factor)] = None
            if setting.weight > 0:
                left_out.append(line)
            continue
        earned = setting.weight * concern
        points[points_column(factor)] = earned
        if earned > 0:
            reasons.append((earned, line))
    score = round(sum(value for value in points.values() if value is not None), 1)
    ordered = [line for _, line in sorted(reasons, key=lambda item: -item[0])]
    return {SCORE: score, REASONS: ordered, LEFT_OUT: left_out, **points}


def support_scores(
    providers: pl.DataFrame, settings: SupportSettings, *, period: str
) -> pl.DataFrame:
    """Score and rank provider organisations.

    Args:
        providers: one row per organisation: ``organisation_id``, ``organisation``, the
            compared factors' values, comparators and services (``organisation_measures``; a
            missing column is no data), ``periods_since_return`` and ``errors_per_100``.
        settings: the weights and thresholds.
        period: the period the score is for (named in the reasons).

    Returns:
        The organisations ranked (highest score first, then by name): ``rank``, ``score``,
        ``reasons`` (largest contribution first), ``left_out`` and ``points_<factor>``.
    """
    rows = [
        {
            ORGANISATION_ID: row.get(ORGANISATION_ID),
            ORGANISATION: row.get(ORGANISATION),
            **_score_row(row, settings, period),
        }
        for row in providers.iter_rows(named=True)
    ]
    schema: dict[str, pl.DataType] = {
        ORGANISATION_ID: pl.Int64(),
        ORGANISATION: pl.String(),
        SCORE: pl.Float64(),
        REASONS: pl.List(pl.String()),
        LEFT_OUT: pl.List(pl.String()),
        **{points_column(factor): pl.Float64() for factor in settings.factors},
    }
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    return (
        frame.with_columns(
            pl.col(SCORE).rank(method="min", descending=True).cast(pl.Int64).alias(RANK)
        )
        .sort([RANK, ORGANISATION, ORGANISATION_ID], nulls_last=True)
        .select(RANK, *schema)
    )
