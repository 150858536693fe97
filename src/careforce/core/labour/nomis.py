"""Labour-market measures from Nomis downloads: claimant count and rate with the monthly change,
social care employment and its share (BRES), businesses by size band (UK Business Counts) and
all-sector pay (ASHE).

Every geography in a file gets its rows, so a download for the county, its districts and England
gives all three; England's value is the comparator of the others, named in ``comparator``.
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
    COMPARATOR_VALUE,
    DENOMINATOR,
    MEASURE_ID,
    NUMERATOR,
    PERIOD,
    SYMBOL,
    VALUE,
)

ENGLAND: Final = "E92000001"
"""ONS code of England, the comparator of every other area."""

SOCIAL_CARE_SIC: Final = ("87", "88")
"""SIC 2007 divisions of social care: 87 residential care, 88 social work without
accommodation (the ONS/Skills for Care industry definition of the sector)."""
CHILD_DAY_CARE_SIC: Final = "8891"
"""SIC 88.91 child day-care activities: nurseries, excluded from social care when a file
separates it (the strategy's sector excludes child day care)."""
TOTAL_INDUSTRY: Final = "37748736"
"""Nomis code of all industries."""

SIZE_BANDS: Final = {
    "10": "micro (0 to 9)",
    "20": "small (10 to 49)",
    "30": "medium (50 to 249)",
    "40": "large (250 or more)",
}
"""UK Business Counts employment size bands (code 0 is the total)."""

_VALUE = "value"
_SYMBOL = "symbol"
_KEYS = [PERIOD, AREA_CODE, AREA_NAME]


def _pick(
    frame: pl.LazyFrame, column: str, *, codes: tuple[str, ...], names: tuple[str, ...]
) -> pl.LazyFrame:
    """Rows whose dimension is one of the codes or whose name starts with one of the names
    (case ignored); every row when the file lacks the dimension."""
    if column not in frame.collect_schema().names():
        return frame
    name = pl.col(f"{column}_name").str.to_lowercase().str.strip_chars()
    # A download made with ``&select=`` may hold neither the code nor the name.
    wanted = pl.col(column).is_in(codes) | ((pl.col(column) == "") & (name == ""))
    for start in names:
        wanted |= name.str.starts_with(start)
    return frame.filter(wanted)


def _areas(frame: pl.LazyFrame) -> pl.LazyFrame:
    return frame.with_columns(
        pl.col("geography_code").alias(AREA_CODE), pl.col("geography_name").alias(AREA_NAME)
    )


def month_period(date: pl.Expr, code: pl.Expr) -> pl.Expr:
    """A month as ``YYYY-MM`` from ``DATE_NAME`` (``April 2022``) or ``DATE_CODE`` (``2022-04``)."""
    named = date.str.strip_chars().str.strptime(pl.Date, "%B %Y", strict=False)
    coded = code.str.strip_chars().str.slice(0, 7).str.strptime(pl.Date, "%Y-%m", strict=False)
    return pl.coalesce(named, coded).dt.strftime("%Y-%m")


COMPARED: Final = frozenset(
    {
        "claimant_rate",
        "claimant_count_change_rate",
        "sector_employment_share",
        "business_count_share",
        "hourly_pay_all_sectors",
        "annual_pay_all_sectors_full_time",
    }
)
"""Measures compared with England: rates, shares and pay (counts of areas of different sizes
are not compared)."""


def _with_england(rows: pl.LazyFrame, *, source: str) -> pl.LazyFrame:
    """Each row's England value of the same measure, period and breakdown as its comparator."""
    england = rows.filter(
        (pl.col(AREA_CODE) == ENGLAND) & pl.col(MEASURE_ID).is_in(list(COMPARED))
    ).select(MEASURE_ID, PERIOD, BREAKDOWN, BREAKDOWN_VALUE, pl.col(VALUE).alias(COMPARATOR_VALUE))
    return rows.join(
        england, on=[MEASURE_ID, PERIOD, BREAKDOWN, BREAKDOWN_VALUE], how="left"
    ).with_columns(
        pl.when(pl.col(AREA_CODE) != ENGLAND)
        .then(pl.col(COMPARATOR_VALUE))
        .alias(COMPARATOR_VALUE),
        pl.when((pl.col(AREA_CODE) != ENGLAND) & pl.col(COMPARATOR_VALUE).is_not_null())
        .then(pl.format("England, {} {}", pl.lit(source), pl.col(PERIOD)))
        .alias(COMPARATOR),
    )


def claimant_measures(observations: pl.LazyFrame) -> pl.LazyFrame:
    """Claimant count, claimant rate and the change since the month before (NM_162_1)."""
    frame = observations.filter(pl.col("dataset") == "claimant_count")
    frame = _pick(frame, "gender", codes=("0",), names=("total", "all"))
    frame = _pick(frame, "age", codes=("0",), names=("all",))
    frame = _areas(frame).with_columns(
        month_period(pl.col("date"), pl.col("date_code")).alias(PERIOD)
    )
    measure_name = pl.col("measure_name").str.to_lowercase()
    counts = frame.filter((pl.col("measure") == "1") | (measure_name == "claimant count"))
    rates = frame.filter(
        (pl.col("measure") == "2") | measure_name.str.starts_with("claimants as a proportion")
    )
    count_rows = counts.select(
        *_KEYS,
        pl.lit("claimant_count").alias(MEASURE_ID),
        pl.col(_VALUE).alias(NUMERATOR),
        pl.col(_VALUE).alias(VALUE),
        pl.col(_SYMBOL).alias(SYMBOL),
    )
    rate_rows = rates.select(
        *_KEYS,
        pl.lit("claimant_rate").alias(MEASURE_ID),
        (pl.col(_VALUE) / 100).round(10).alias(VALUE),
        pl.col(_SYMBOL).alias(SYMBOL),
    )
    month = pl.col(PERIOD).str.strptime(pl.Date, "%Y-%m")
    previous = counts.select(
        AREA_CODE,
        (month.dt.offset_by("1mo").dt.strftime("%Y-%m")).alias(PERIOD),
        pl.col(_VALUE).alias("_previous"),
    )
    changes = counts.join(previous, on=[AREA_CODE, PERIOD], how="inner").with_columns(
        (pl.col(_VALUE) - pl.col("_previous")).alias("_change")
    )
    change_rows = pl.concat(
        [
            changes.select(
                *_KEYS,
                pl.lit("claimant_count_change").alias(MEASURE_ID),
                pl.col("_change").alias(NUMERATOR),
                pl.col("_previous").alias(DENOMINATOR),
                pl.col("_change").alias(VALUE),
            ),
            changes.select(
                *_KEYS,
                pl.lit("claimant_count_change_rate").alias(MEASURE_ID),
                pl.col("_change").alias(NUMERATOR),
                pl.col("_previous").alias(DENOMINATOR),
                (pl.col("_change") / pl.col("_previous")).alias(VALUE),
            ),
        ]
    )
    rows = pl.concat([count_rows, rate_rows, change_rows], how="diagonal_relaxed").with_columns(
        pl.lit("total").alias(BREAKDOWN), pl.lit("all").alias(BREAKDOWN_VALUE)
    )
    return _with_england(rows, source="claimant count")


def sic_code(name: pl.Expr) -> pl.Expr:
    """The SIC digits an industry name begins with (``87 : Residential care`` → ``87``)."""
    return name.str.extract(r"^\s*([0-9]{2,5})\b", 1)


def _social_care(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Rows of the social care industries, at the most detailed SIC level the file has, so
    nothing is counted twice: child day-care is left out where the file separates it."""
    code = sic_code(pl.col("industry_name"))
    care = frame.with_columns(code.alias("_sic")).filter(
        pl.col("_sic").str.slice(0, 2).is_in(SOCIAL_CARE_SIC)
    )
    deepest = care.select(pl.col("_sic").str.len_chars().max().alias("_depth"))
    return (
        care.join(deepest, how="cross")
        .filter(pl.col("_sic").str.len_chars() == pl.col("_depth"))
        .filter(pl.col("_sic") != CHILD_DAY_CARE_SIC)
        .drop("_depth")
    )


def _total_industry(frame: pl.LazyFrame) -> pl.LazyFrame:
    name = pl.col("industry_name").str.to_lowercase().str.strip_chars()
    return frame.filter((pl.col("industry") == TOTAL_INDUSTRY) | name.str.starts_with("total"))


def sector_measures(observations: pl.LazyFrame) -> pl.LazyFrame:
    """Social care employment (total and by industry) and its share of all employment (BRES)."""
    frame = observations.filter(pl.col("dataset") == "bres")
    status = pl.col("employment_status_name").str.to_lowercase().str.strip_chars()
    # Employment (employees + working owners) where the file has it, else employees.
    has_employment = frame.select((status == "employment").any().alias("_has"))
    frame = (
        frame.join(has_employment, how="cross")
        .filter(
            pl.when(pl.col("_has")).then(status == "employment").otherwise(status == "employees")
            | (status == "")
        )
        .drop("_has")
    )
    frame = _pick(frame, "measure", codes=("1",), names=("count",))
    frame = _areas(frame).with_columns(pl.col("date").str.strip_chars().alias(PERIOD))
    care = _social_care(frame)
    sums = care.group_by(_KEYS).agg(
        pl.col(_VALUE).sum().alias("_care"), pl.col(_VALUE).is_null().any().alias("_gap")
    )
    totals = _total_industry(frame).group_by(_KEYS).agg(pl.col(_VALUE).sum().alias("_all"))
    joined = sums.join(totals, on=_KEYS, how="left")
    care_value = pl.when(~pl.col("_gap")).then(pl.col("_care"))
    rows = pl.concat(
        [
            joined.select(
                *_KEYS,
                pl.lit("sector_employment").alias(MEASURE_ID),
                pl.lit("total").alias(BREAKDOWN),
                pl.lit("all").alias(BREAKDOWN_VALUE),
                care_value.alias(NUMERATOR),
                care_value.alias(VALUE),
            ),
            joined.select(
                *_KEYS,
                pl.lit("sector_employment_share").alias(MEASURE_ID),
                pl.lit("total").alias(BREAKDOWN),
                pl.lit("all").alias(BREAKDOWN_VALUE),
                care_value.alias(NUMERATOR),
                pl.col("_all").alias(DENOMINATOR),
                (care_value / pl.col("_all")).alias(VALUE),
            ),
            care.select(
                *_KEYS,
                pl.lit("sector_employment").alias(MEASURE_ID),
                pl.lit("industry").alias(BREAKDOWN),
                pl.col("industry_name").str.strip_chars().alias(BREAKDOWN_VALUE),
                pl.col(_VALUE).alias(NUMERATOR),
                pl.col(_VALUE).alias(VALUE),
                pl.col(_SYMBOL).alias(SYMBOL),
            ),
        ],
        how="diagonal_relaxed",
    )
    return _with_england(rows, source="BRES")


def business_measures(observations: pl.LazyFrame) -> pl.LazyFrame:
    """Share of businesses in each size band (UK Business Counts), of the social care
    industries where the file has them, else of all industries."""
    frame = observations.filter(pl.col("dataset") == "business_counts")
    frame = _pick(frame, "legal_status", codes=("0",), names=("total",))
    frame = _areas(frame).with_columns(pl.col("date").str.strip_chars().alias(PERIOD))
    care = _social_care(frame)
    has_care = care.select(pl.len().alias("_care_rows"))
    chosen = (
        pl.concat([care.drop("_sic"), _total_industry(frame)], how="diagonal_relaxed")
        .join(has_care, how="cross")
        .filter(
            pl.when(pl.col("_care_rows") > 0)
            .then(sic_code(pl.col("industry_name")).is_not_null())
            .otherwise(True)
        )
    )
    band = pl.col("employment_sizeband")
    by_band = chosen.group_by(*_KEYS, band).agg(pl.col(_VALUE).sum())
    totals = by_band.filter(band == "0").select(*_KEYS, pl.col(_VALUE).alias("_all"))
    rows = (
        by_band.filter(band.is_in(list(SIZE_BANDS)))
        .join(totals, on=_KEYS, how="left")
        .select(
            *_KEYS,
            pl.lit("business_count_share").alias(MEASURE_ID),
            pl.lit("size_band").alias(BREAKDOWN),
            band.replace_strict(SIZE_BANDS, default=None).alias(BREAKDOWN_VALUE),
            pl.col(_VALUE).alias(NUMERATOR),
            pl.col("_all").alias(DENOMINATOR),
            (pl.col(_VALUE) / pl.col("_all")).alias(VALUE),
        )
    )
    return _with_england(rows, source="UK Business Counts")


def pay_measures(observations: pl.LazyFrame) -> pl.LazyFrame:
    """Median hourly pay excluding overtime (all workers) and median gross annual pay of
    full-time workers, by workplace (ASHE)."""
    frame = observations.filter(pl.col("dataset") == "ashe")
    frame = _pick(frame, "item", codes=("2",), names=("median",))
    frame = frame.filter(
        (pl.col("measures") == "20100") | (pl.col("measures").str.to_lowercase() == "value")
    )
    frame = _areas(frame).with_columns(pl.col("date").str.strip_chars().alias(PERIOD))
    pay = pl.col("pay_name").str.to_lowercase()
    sex = pl.col("sex_name").str.to_lowercase()
    hourly = frame.filter(
        pay.str.contains("hourly pay")
        & pay.str.contains("excluding overtime")
        & sex.str.contains("all")
    )
    annual = frame.filter(
        pay.str.contains("annual pay")
        & pay.str.contains("gross")
        & sex.str.contains("full time")
        & ~sex.str.contains("male")
    )
    rows = pl.concat(
        [
            part.select(
                *_KEYS,
                pl.lit(measure).alias(MEASURE_ID),
                pl.lit("total").alias(BREAKDOWN),
                pl.lit("all").alias(BREAKDOWN_VALUE),
                pl.col(_VALUE).alias(VALUE),
                pl.col(_SYMBOL).alias(SYMBOL),
            )
            for part, measure in (
                (hourly, "hourly_pay_all_sectors"),
                (annual, "annual_pay_all_sectors_full_time"),
            )
        ]
    )
    return _with_england(rows, source="ASHE")


def nomis_measures(observations: pl.LazyFrame) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """Every Nomis measure in published rows, and the comparator named for each row.

    Returns:
        The published rows, and the rows' keys with the ``comparator`` naming their comparator
        value (source and period).
    """
    present = set(observations.collect_schema().names())
    needed = {
        "claimant_count": ("gender", "measure"),
        "bres": ("industry", "employment_status_name"),
        "business_counts": ("employment_sizeband", "industry"),
        "ashe": ("pay_name", "item"),
    }
    builders = {
        "claimant_count": claimant_measures,
        "bres": sector_measures,
        "business_counts": business_measures,
        "ashe": pay_measures,
    }
    parts = []
    for dataset, columns in needed.items():
        if set(columns) <= present:
            parts.append(builders[dataset](observations))
    if not parts:
        empty = pl.LazyFrame(schema={MEASURE_ID: pl.String, VALUE: pl.Float64})
        return published(empty, names=NAMES, units=UNITS, polarities=POLARITIES), empty
    rows = pl.concat(parts, how="diagonal_relaxed")
    keys = [MEASURE_ID, PERIOD, AREA_CODE, BREAKDOWN, BREAKDOWN_VALUE]
    names = rows.select(*keys, pl.col(COMPARATOR)).filter(pl.col(COMPARATOR).is_not_null())
    return published(rows, names=NAMES, units=UNITS, polarities=POLARITIES), names
