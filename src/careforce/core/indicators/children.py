"""Children's services measures: from the council's HR extract and providers' returns.

Rows use the same measure ids as the adult measures where the meaning is the same, with the
breakdown ``workforce`` (``children's council staff`` or ``children's independent providers``)
and two-way breakdowns such as ``workforce/sex``. The council's staff are one employer's own
records, so their cells have no workplace count (the employer threshold does not apply).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from careforce.core.indicators.compute import (
    CATEGORY,
    PART_OF,
    RESULT_SCHEMA,
    WORKERS,
    WORKPLACES,
)
from careforce.core.indicators.frames import period_label
from careforce.core.indicators.intervals import byar_lower, byar_upper, wilson_lower, wilson_upper
from careforce.core.intervals import Z_95
from careforce.core.vocab.canonical_columns import HrStaff as H
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    DENOMINATOR,
    LOWER,
    MEASURE_ID,
    NUMERATOR,
    PERIOD,
    UPPER,
    VALUE,
)

COUNCIL_STAFF = "children's council staff"
"""Workforce value of rows from the council's HR extract."""
PROVIDER_STAFF = "children's independent providers"
"""Workforce value of rows from children's providers' returns."""
WORKFORCE = "workforce"
"""Breakdown name of children's services rows."""
DAYS_PER_YEAR = 365.25
"""Days in a year, for lengths of service."""


@dataclass(frozen=True)
class _Cell:
    """Where a row belongs: period, area and workforce."""

    period: str
    area_code: str
    area_name: str
    workforce: str


def _row(
    measure_id: str,
    cell: _Cell,
    *,
    dimension: str | None,
    value_label: str | None,
    numerator: float | None,
    denominator: float | None,
    value: float | None,
    lower: float | None,
    upper: float | None,
    workers: int,
    workplaces: int | None,
) -> dict[str, object]:
    return {
        MEASURE_ID: measure_id,
        PERIOD: cell.period,
        AREA_CODE: cell.area_code,
        AREA_NAME: cell.area_name,
        BREAKDOWN: WORKFORCE if dimension is None else f"{WORKFORCE}/{dimension}",
        BREAKDOWN_VALUE: cell.workforce
        if value_label is None
        else f"{cell.workforce}/{value_label}",
        NUMERATOR: numerator,
        DENOMINATOR: denominator,
        VALUE: value,
        LOWER: lower,
        UPPER: upper,
        WORKERS: workers,
        WORKPLACES: workplaces,
        PART_OF: cell.workforce if dimension is not None else None,
        CATEGORY: value_label if value_label is not None else cell.workforce,
    }


def _wilson(k: float, n: float) -> tuple[float | None, float | None]:
    frame = pl.DataFrame({"k": [k], "n": [n]}).select(
        wilson_lower(pl.col("k"), pl.col("n")).alias("lo"),
        wilson_upper(pl.col("k"), pl.col("n")).alias("hi"),
    )
    return frame[0, "lo"], frame[0, "hi"]


def _byar(k: float) -> tuple[float, float]:
    frame = pl.DataFrame({"k": [k]}).select(
        byar_lower(pl.col("k")).alias("lo"), byar_upper(pl.col("k")).alias("hi")
    )
    return float(frame[0, "lo"]), float(frame[0, "hi"])


def _share_rows(
    measure_id: str,
    counts: dict[str, int],
    *,
    dimension: str,
    base: _Cell,
    workplaces: int | None,
) -> list[dict[str, object]]:
    known = sum(counts.values())
    rows = []
    for label, count in counts.items():
        lower, upper = _wilson(count, known) if known else (None, None)
        rows.append(
            _row(
                measure_id,
                base,
                dimension=dimension,
                value_label=label,
                numerator=count,
                denominator=known,
                value=count / known if known else None,
                lower=lower,
                upper=upper,
                workers=count,
                workplaces=workplaces,
            )
        )
    return rows


def _proportion_row(
    measure_id: str,
    k: float,
    n: float,
    *,
    base: _Cell,
    workers: int,
    workplaces: int | None,
) -> dict[str, object]:
    lower, upper = _wilson(k, n) if n else (None, None)
    return _row(
        measure_id,
        base,
        dimension=None,
        value_label=None,
        numerator=k,
        denominator=n,
        value=k / n if n else None,
        lower=lower,
        upper=upper,
        workers=workers,
        workplaces=workplaces,
    )


def _count_row(
    measure_id: str,
    count: int,
    *,
    base: _Cell,
    workers: int,
    workplaces: int | None,
    dimension: str | None = None,
    value_label: str | None = None,
) -> dict[str, object]:
    lower, upper = _byar(count)
    return _row(
        measure_id,
        base,
        dimension=dimension,
        value_label=value_label,
        numerator=count,
        denominator=None,
        value=count,
        lower=lower,
        upper=upper,
        workers=workers,
        workplaces=workplaces,
    )


def _rate_row(
    measure_id: str,
    k: float,
    n: float,
    *,
    base: _Cell,
    workers: int,
    workplaces: int | None,
) -> dict[str, object]:
    lower, upper = _byar(k)
    return _row(
        measure_id,
        base,
        dimension=None,
        value_label=None,
        numerator=k,
        denominator=n,
        value=k / n if n else None,
        lower=lower / n if n else None,
        upper=upper / n if n else None,
        workers=workers,
        workplaces=workplaces,
    )


def _mean_row(
    measure_id: str, values: pl.Series, *, base: _Cell, workplaces: int | None
) -> dict[str, object]:
    known = [float(v) for v in values.drop_nulls().to_list()]
    n = len(known)
    mean = sum(known) / n if n else None
    variance = sum((v - mean) ** 2 for v in known) / (n - 1) if n > 1 and mean is not None else None
    spread = Z_95 * (variance**0.5) / n**0.5 if variance is not None else None
    return _row(
        measure_id,
        base,
        dimension=None,
        value_label=None,
        numerator=sum(known) if n else None,
        denominator=n,
        value=mean,
        lower=max(mean - spread, 0.0) if mean is not None and spread is not None else None,
        upper=mean + spread if mean is not None and spread is not None else None,
        workers=n,
        workplaces=workplaces,
    )


def _counts(frame: pl.DataFrame, column: str) -> dict[str, int]:
    counted = frame.filter(pl.col(column).is_not_null()).group_by(column).len().sort(column)
    return {str(k): int(v) for k, v in counted.iter_rows()}


def hr_measures(
    staff: pl.DataFrame, *, reference_date: dt.date, area_names: dict[str, str] | None = None
) -> pl.DataFrame:
    """Measures of the council's children's services staff at each year end the extract covers.

    The year ending on the reference date is always measured; the year before it too when the
    extract records leavers in that year (so it covers it). Turnover is people who left in the
    year ÷ people in post at its end.
    """
    names = area_names or {}
    ends = [reference_date]
    previous = reference_date.replace(year=reference_date.year - 1)
    leaving = staff[H.LEAVING_DATE].drop_nulls()
    if leaving.len() and leaving.min() <= previous:  # type: ignore[operator]
        ends.append(previous)
    rows: list[dict[str, object]] = []
    for area_code in sorted(staff[H.AREA_CODE].unique().to_list()):
        area_staff = staff.filter(pl.col(H.AREA_CODE) == area_code)
        for end in sorted(ends):
            start = end.replace(year=end.year - 1)
            in_post = area_staff.filter(
                (pl.col(H.START_WITH_COUNCIL) <= end)
                & (pl.col(H.LEAVING_DATE).is_null() | (pl.col(H.LEAVING_DATE) > end))
            )
            leavers = area_staff.filter(
                (pl.col(H.LEAVING_DATE) > start) & (pl.col(H.LEAVING_DATE) <= end)
            )
            base = _Cell(
                period_label(end), area_code, names.get(area_code, area_code), COUNCIL_STAFF
            )
            headcount = in_post.height
            rows.append(
                _count_row("filled_posts", headcount, base=base, workers=headcount, workplaces=None)
            )
            rows += [
                _count_row(
                    "filled_posts",
                    count,
                    base=base,
                    workers=count,
                    workplaces=None,
                    dimension="role_group",
                    value_label=label,
                )
                for label, count in _counts(in_post, H.ROLE_GROUP).items()
            ]
            rows.append(
                _rate_row(
                    "turnover_rate",
                    leavers.height,
                    headcount,
                    base=base,
                    workers=headcount,
                    workplaces=None,
                )
            )
            years = (pl.lit(end) - pl.col(H.START_WITH_COUNCIL)).dt.total_days() / DAYS_PER_YEAR
            role_years = (pl.lit(end) - pl.col(H.START_IN_ROLE)).dt.total_days() / DAYS_PER_YEAR
            rows.append(
                _mean_row(
                    "average_age", in_post[H.AGE].cast(pl.Float64), base=base, workplaces=None
                )
            )
            rows.append(
                _mean_row(
                    "service_years_mean",
                    in_post.select(years).to_series(),
                    base=base,
                    workplaces=None,
                )
            )
            rows.append(
                _mean_row(
                    "years_in_role_mean",
                    in_post.select(role_years).to_series(),
                    base=base,
                    workplaces=None,
                )
            )
            for dimension, column in (
                ("sex", H.SEX),
                ("ethnicity_group", H.ETHNICITY_GROUP),
                ("nationality_group", H.NATIONALITY_GROUP),
            ):
                rows += _share_rows(
                    "workforce_share",
                    _counts(in_post, column),
                    dimension=dimension,
                    base=base,
                    workplaces=None,
                )
            age_groups = in_post.select(
                pl.when(pl.col(H.AGE) < 25)
                .then(pl.lit("under 25"))
                .when(pl.col(H.AGE) < 55)
                .then(pl.lit("25-54"))
                .when(pl.col(H.AGE).is_not_null())
                .then(pl.lit("55 and over"))
                .alias("age_group")
            )
            rows += _share_rows(
                "workforce_share",
                _counts(age_groups, "age_group"),
                dimension="age_group",
                base=base,
                workplaces=None,
            )
            rows += _share_rows(
                "contract_share",
                _counts(in_post, H.CONTRACT),
                dimension="contract",
                base=base,
                workplaces=None,
            )
            known_fte = in_post.filter(pl.col(H.FULL_TIME).is_not_null())
            rows.append(
                _proportion_row(
                    "full_time_share",
                    int(known_fte[H.FULL_TIME].sum()),
                    known_fte.height,
                    base=base,
                    workers=known_fte.height,
                    workplaces=None,
                )
            )
            rows.append(
                _proportion_row(
                    "zero_hours_share",
                    int(in_post[H.ZERO_HOURS].sum()),
                    headcount,
                    base=base,
                    workers=headcount,
                    workplaces=None,
                )
            )
    return pl.DataFrame(rows, schema=RESULT_SCHEMA)


def provider_measures(
    returns: pl.DataFrame,
    *,
    breakdowns: dict[str, tuple[str, ...]],
    labels: dict[str, str],
    area_names: dict[str, str] | None = None,
) -> pl.DataFrame:
    """Measures of children's independent providers' staff, summed over the providers' returns."""
    names = area_names or {}
    rows: list[dict[str, object]] = []
    measure_of = {
        "years_in_role": "years_in_role_share",
        "years_in_sector": "years_in_sector_share",
        "qualification_level": "qualification_level_share",
        "contract": "contract_share",
    }
    periods = returns.with_columns(
        pl.col("reference_date").map_elements(period_label, return_dtype=pl.String).alias(PERIOD)
    )
    for (area_code, period), group in periods.group_by(AREA_CODE, PERIOD, maintain_order=True):
        providers = group.height
        totals = {
            c: int(group[c].fill_null(0).sum())
            for c in group.columns
            if group[c].dtype.is_integer()
        }
        headcount = totals["headcount"]
        base = _Cell(
            str(period), str(area_code), names.get(str(area_code), str(area_code)), PROVIDER_STAFF
        )
        rows.append(
            _count_row(
                "filled_posts", headcount, base=base, workers=headcount, workplaces=providers
            )
        )
        vac = totals["vacancies"]
        rows.append(
            _count_row("vacancies", vac, base=base, workers=headcount, workplaces=providers)
        )
        rows.append(
            _proportion_row(
                "vacancy_rate",
                vac,
                headcount + vac,
                base=base,
                workers=headcount,
                workplaces=providers,
            )
        )
        rows.append(
            _rate_row(
                "turnover_rate",
                totals["leavers"],
                headcount,
                base=base,
                workers=headcount,
                workplaces=providers,
            )
        )
        rows.append(
            _rate_row(
                "starters_rate",
                totals["starters"],
                headcount,
                base=base,
                workers=headcount,
                workplaces=providers,
            )
        )
        rows.append(
            _proportion_row(
                "zero_hours_share",
                totals["zero_hours"],
                headcount,
                base=base,
                workers=headcount,
                workplaces=providers,
            )
        )
        pattern = {labels[c]: totals[c] for c in breakdowns["working_pattern"]}
        known = sum(pattern.values())
        rows.append(
            _proportion_row(
                "full_time_share",
                pattern["full time"],
                known,
                base=base,
                workers=known,
                workplaces=providers,
            )
        )
        for dimension, columns in breakdowns.items():
            if dimension == "working_pattern":
                continue
            measure_id = measure_of.get(dimension, "workforce_share")
            counts = {labels[c]: totals[c] for c in columns}
            rows += _share_rows(
                measure_id, counts, dimension=dimension, base=base, workplaces=providers
            )
    return pl.DataFrame(rows, schema=RESULT_SCHEMA)


def children_measures(parts: Sequence[pl.DataFrame]) -> pl.DataFrame:
    """All children's services rows together."""
    return (
        pl.concat([p.match_to_schema(RESULT_SCHEMA) for p in parts])
        if parts
        else pl.DataFrame(schema=RESULT_SCHEMA)
    )
