"""Use case: compute the workforce measures from ingested data and publish them safely."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from careforce.core.disclosure.policy import SYMBOL_NOTES, DisclosurePolicy
from careforce.core.disclosure.suppression import SUPPRESSED, SYMBOL, protect
from careforce.core.indicators.catalogue import MEASURES, Kind, Measure, measure_ids
from careforce.core.indicators.children import children_measures, hr_measures, provider_measures
from careforce.core.indicators.compute import (
    ALL,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    CATEGORY,
    DENOMINATOR,
    LOWER,
    MEASURE_ID,
    NUMERATOR,
    PART_OF,
    UPPER,
    VALUE,
    WORKERS,
    WORKPLACES,
    all_measures,
    data_quality,
)
from careforce.core.indicators.frames import (
    AREA_CODE,
    PERIOD,
    SNAPSHOT,
    worker_measure_frame,
    workplace_role_frame,
)
from careforce.core.indicators.intervals import byar_lower, byar_upper
from careforce.core.indicators.judgement import MIN_TREND_PERIODS, Trend, comparison, trend
from careforce.core.sources.ascwds.findings import FINDINGS_SCHEMA
from careforce.core.sources.children import hr_extract
from careforce.core.sources.children import provider_returns as returns_source
from careforce.core.sources.children.validation import (
    MissingColumnsError,
    cell_findings,
    require_columns,
)
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.io.csv_text import UnreadableFileError, read_csv_table, write_csv
from careforce.io.datasets import LINE_NUMBER, read_snapshots, read_text_table
from careforce.io.parquet_files import write_parquet
from careforce.io.secret_key import load_secret
from careforce.io.spreadsheets import Sheet, Workbook, write_ods, write_xlsx
from careforce.io.text_files import write_json

OUTPUT_COLUMNS = (
    "measure_id",
    "measure_name",
    "period",
    "area_code",
    "area_name",
    "breakdown",
    "breakdown_value",
    "numerator",
    "denominator",
    "value",
    "lower_ci",
    "upper_ci",
    "unit",
    "polarity",
    "comparator_value",
    "comparison",
    "symbol",
)
"""Columns of indicators.csv, in order."""

DISTRICT_COLUMNS = ("postcode_district", "district_name")
"""Columns a district lookup must have (``district_code`` is optional)."""

COMPARATOR_COLUMNS = (
    "measure_id",
    "period",
    "area_code",
    "breakdown",
    "breakdown_value",
    "comparator",
    "value",
)
"""Columns of a comparator file; period and area_code may be blank to apply to all."""


class IndicatorInputError(ValueError):
    """An input to the measures cannot be used (missing dataset, malformed comparator file...)."""


@dataclass(frozen=True)
class IndicatorsResult:
    """What a computation produced."""

    table: pl.DataFrame
    quality: pl.DataFrame
    trends: pl.DataFrame
    files: list[Path]
    unsuppressed: bool


def load_ascwds(directories: Sequence[Path]) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """Workers and establishments of several ingestion outputs, tagged by snapshot."""
    if not directories:
        raise IndicatorInputError("no ASC-WDS data given (use --ascwds DIR)")
    try:
        loaded = read_snapshots(directories, ("establishments", "workers"))
    except FileNotFoundError as error:
        raise IndicatorInputError(str(error)) from error
    workers, places = [], []
    for index, (manifest, frames) in enumerate(loaded):
        area_code = manifest.get("area_code")
        area_name = manifest.get("area_name")
        places.append(
            frames["establishments"].with_columns(
                pl.lit(index).alias(SNAPSHOT),
                pl.col(E.AREA_CODE).fill_null(pl.lit(area_code, dtype=pl.String)),
                pl.col(E.AREA_NAME).fill_null(pl.lit(area_name, dtype=pl.String)),
            )
        )
        workers.append(frames["workers"].with_columns(pl.lit(index).alias(SNAPSHOT)))
    return (
        pl.concat(workers, how="diagonal_relaxed").lazy(),
        pl.concat(places, how="diagonal_relaxed").lazy(),
    )


def _comparators(path: Path | None) -> pl.DataFrame | None:
    if path is None:
        return None
    table = read_text_table(path, keep_lines=True)
    _require_columns(path, table, COMPARATOR_COLUMNS, "comparator file")
    values = table["value"].cast(pl.Float64, strict=False)
    bad = table.filter(values.is_null())
    if bad.height:
        row = bad.row(0, named=True)
        raise IndicatorInputError(
            f"{path}, line {row[LINE_NUMBER]}, column value: '{row['value']}' is not a number"
        )
    return table.with_columns(values.alias("comparator_value")).with_row_index("_priority")


def _require_columns(path: Path, table: pl.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise IndicatorInputError(f"{path}: the {what} has no column(s) {', '.join(missing)}")


def _districts(path: Path | None) -> pl.LazyFrame | None:
    if path is None:
        return None
    table = read_text_table(path)
    _require_columns(path, table, DISTRICT_COLUMNS, "district lookup")
    return table.lazy()


def _with_comparators(results: pl.DataFrame, comparators: pl.DataFrame | None) -> pl.DataFrame:
    if comparators is None:
        return results.with_columns(pl.lit(None, dtype=pl.Float64).alias("comparator_value"))
    keyed = results.with_row_index("_cell")
    matches = (
        keyed.select("_cell", MEASURE_ID, PERIOD, AREA_CODE, BREAKDOWN, BREAKDOWN_VALUE)
        .join(
            comparators.select(
                MEASURE_ID,
                BREAKDOWN,
                BREAKDOWN_VALUE,
                "_priority",
                "comparator_value",
                pl.col(PERIOD).alias("_period"),
                pl.col(AREA_CODE).alias("_area"),
            ),
            on=[MEASURE_ID, BREAKDOWN, BREAKDOWN_VALUE],
            how="inner",
        )
        .filter(
            ((pl.col("_period") == "") | (pl.col("_period") == pl.col(PERIOD)))
            & ((pl.col("_area") == "") | (pl.col("_area") == pl.col(AREA_CODE)))
        )
        .sort("_priority")
        .group_by("_cell")
        .agg(pl.col("comparator_value").first())
    )
    return keyed.join(matches, on="_cell", how="left").sort("_cell").drop("_cell")


def _catalogue_columns() -> pl.DataFrame:
    first: dict[str, Measure] = {}
    for entry in MEASURES:
        first.setdefault(entry.id, entry)
    return pl.DataFrame(
        {
            MEASURE_ID: list(first),
            "measure_name": [m.name for m in first.values()],
            "unit": [m.unit.value for m in first.values()],
            "polarity": [m.polarity.value for m in first.values()],
            "_kind": [m.kind.value for m in first.values()],
            "_order": list(range(len(first))),
        }
    )


def _groupings() -> list[list[str]]:
    """Groupings of cells into parts of one whole: the parts of one breakdown (for two-way
    breakdowns, one row of the table), and for two-way breakdowns also one column."""
    cell = [MEASURE_ID, PERIOD, AREA_CODE, BREAKDOWN]
    return [[*cell, PART_OF], [*cell, CATEGORY]]


def publish(
    results: pl.DataFrame,
    *,
    policy: DisclosurePolicy,
    comparators: pl.DataFrame | None,
    unsuppressed: bool,
) -> pl.DataFrame:
    """Add catalogue columns and comparisons, apply disclosure control, and order the table."""
    table = _with_comparators(results, comparators).join(
        _catalogue_columns(), on=MEASURE_ID, how="left"
    )
    count_kinds = [Kind.COUNT.value, Kind.WORKPLACE_COUNT.value]
    mean_or_median = [Kind.MEAN.value, Kind.MEDIAN.value]
    table = table.with_columns(
        pl.when(pl.col("_kind").is_in(mean_or_median) & (pl.col(LOWER) < 0))
        .then(0.0)
        .otherwise(pl.col(LOWER))
        .alias(LOWER)
    ).with_columns(
        comparison(
            pl.col(LOWER),
            pl.col(UPPER),
            pl.col(VALUE),
            pl.col("comparator_value"),
            pl.col("polarity"),
        ).alias("comparison")
    )
    missing = pl.col(VALUE).is_null() | pl.col(VALUE).is_nan()
    if unsuppressed:
        table = table.with_columns(
            pl.when(missing).then(pl.lit("[x]")).otherwise(pl.lit("")).alias(SYMBOL)
        )
    else:
        lazy = protect(
            table.lazy(),
            policy=policy,
            groups=_groupings(),
            order=[BREAKDOWN_VALUE],
            withheld=[NUMERATOR, DENOMINATOR, VALUE, LOWER, UPPER, "comparator_value"],
            counts=[NUMERATOR, DENOMINATOR],
            missing=missing & (pl.col(WORKERS) == 0),
        )
        published_count = pl.col("_kind").is_in(count_kinds) & ~pl.col(SUPPRESSED)
        table = (
            lazy.with_columns(
                pl.when(published_count)
                .then(pl.col(NUMERATOR))
                .otherwise(pl.col(VALUE))
                .alias(VALUE),
                # A count's interval comes from the rounded count, so it cannot reveal the exact one.
                pl.when(published_count)
                .then(byar_lower(pl.col(NUMERATOR)))
                .otherwise(pl.col(LOWER))
                .alias(LOWER),
                pl.when(published_count)
                .then(byar_upper(pl.col(NUMERATOR)))
                .otherwise(pl.col(UPPER))
                .alias(UPPER),
                pl.when(pl.col(SUPPRESSED))
                .then(pl.lit("not-compared"))
                .otherwise(pl.col("comparison"))
                .alias("comparison"),
            )
            .with_columns(
                pl.when((pl.col(SYMBOL) == "") & (pl.col(VALUE).is_null() | pl.col(VALUE).is_nan()))
                .then(pl.lit("[x]"))
                .otherwise(pl.col(SYMBOL))
                .alias(SYMBOL)
            )
            .drop(SUPPRESSED)
            .collect()
        )
    table = table.with_columns(
        pl.when(pl.col(VALUE).is_nan()).then(None).otherwise(pl.col(VALUE)).alias(VALUE),
        pl.when(pl.col(SYMBOL) == "").then(None).otherwise(pl.col(SYMBOL)).alias(SYMBOL),
    )
    return table.sort(
        ["_order", PERIOD, AREA_CODE, pl.col(BREAKDOWN) != "total", BREAKDOWN, BREAKDOWN_VALUE]
    ).select(list(OUTPUT_COLUMNS))


def trends(table: pl.DataFrame) -> pl.DataFrame:
    """The trend of every published series with enough periods (else 'cannot be calculated')."""
    series = (
        table.sort(PERIOD)
        .group_by([MEASURE_ID, AREA_CODE, BREAKDOWN, BREAKDOWN_VALUE], maintain_order=True)
        .agg(pl.col(PERIOD), pl.col(VALUE), pl.col(LOWER), pl.col(UPPER))
    )
    enough = series.select(
        pl.col(VALUE).list.drop_nulls().list.len() >= MIN_TREND_PERIODS
    ).to_series()
    judged = [
        trend(values, lowers, uppers).value if long_enough else Trend.CANNOT_BE_CALCULATED.value
        for values, lowers, uppers, long_enough in zip(
            series[VALUE].to_list(),
            series[LOWER].to_list(),
            series[UPPER].to_list(),
            enough.to_list(),
            strict=True,
        )
    ]
    return series.select(
        MEASURE_ID,
        AREA_CODE,
        BREAKDOWN,
        BREAKDOWN_VALUE,
        pl.col(PERIOD).list.join(";").alias("periods"),
        pl.Series("trend", judged, dtype=pl.String),
    )


def _workbook(table: pl.DataFrame, *, unsuppressed: bool) -> Workbook:
    status = (
        "UNSUPPRESSED: these figures have not been through disclosure control and must not be published."
        if unsuppressed
        else "Published figures: cells built on few workers or workplaces are suppressed, and counts "
        "are rounded to the nearest 5."
    )
    cover = Sheet(
        name="Cover",
        title="Adult social care workforce measures",
        lines=(
            "Workforce measures computed by careforce from ASC-WDS data, with Skills for Care definitions.",
            status,
            f"Periods: {', '.join(sorted(table[PERIOD].unique().to_list()))}.",
            "Rates and shares are fractions (0.322 means 32.2%). Intervals are 95% confidence intervals.",
            "Each measure is on its own sheet; the notes sheet explains the symbols.",
        ),
    )
    notes = Sheet(
        name="Notes",
        title="Notes and symbols",
        table=pl.DataFrame(
            {"symbol": [s.value for s in SYMBOL_NOTES], "meaning": list(SYMBOL_NOTES.values())}
        ),
    )
    sheets = [cover, notes]
    for measure_id in measure_ids():
        part = table.filter(pl.col(MEASURE_ID) == measure_id)
        if part.height:
            sheets.append(Sheet(name=measure_id[:31], title=part[0, "measure_name"], table=part))
    return Workbook(sheets)


def _source_table(path: Path, *, columns: Sequence[str], source: str) -> pl.DataFrame:
    try:
        table = read_csv_table(path.read_bytes()).frame
    except (OSError, UnreadableFileError) as error:
        raise IndicatorInputError(f"{path}: {error}") from error
    table = table.rename(
        {c: c.strip().lower() for c in table.columns if c not in (LINE, FIELD_COUNT)}
    )
    try:
        require_columns(table, columns, source=source)
    except MissingColumnsError as error:
        raise IndicatorInputError(f"{path}: {error}") from error
    return table


def _raise_on_errors(path: Path, findings: pl.DataFrame) -> None:
    errors = findings.filter(pl.col("severity") == "error")
    if errors.height:
        detail = "; ".join(
            f"line {f['line']}, column {f['column'] or '(row)'}, value '{f['value']}': {f['message']}"
            for f in errors.head(3).iter_rows(named=True)
        )
        raise IndicatorInputError(f"{path}: {errors.height} error(s) — {detail}")


def children_results(
    *,
    hr: Path | None,
    provider_returns: Path | None,
    reference_date: dt.date,
    area_names: dict[str, str],
    secret: bytes,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Children's services measures and the findings on their input files."""
    parts, findings = [], []
    if hr is not None:
        raw = _source_table(hr, columns=hr_extract.REQUIRED_COLUMNS, source="HR extract")
        found = cell_findings(raw, hr_extract.hr_rules(today=dt.date.today()), file=hr_extract.FILE)
        _raise_on_errors(hr, found)
        findings.append(found)
        staff = hr_extract.hr_staff_frame(raw, reference_date=reference_date, secret=secret)
        parts.append(hr_measures(staff, reference_date=reference_date, area_names=area_names))
    if provider_returns is not None:
        raw = _source_table(
            provider_returns,
            columns=returns_source.REQUIRED_COLUMNS,
            source="provider returns file",
        )
        found = cell_findings(raw, returns_source.provider_rules(), file=returns_source.FILE)
        _raise_on_errors(provider_returns, found)
        findings.append(found)
        parts.append(
            provider_measures(
                returns_source.provider_returns_frame(raw),
                breakdowns=returns_source.BREAKDOWNS,
                labels=returns_source.LABELS,
                area_names=area_names,
            )
        )
    found_all = pl.concat(findings) if findings else pl.DataFrame(schema=FINDINGS_SCHEMA)
    return children_measures(parts), found_all


def compute_indicators(
    ascwds: Sequence[Path],
    *,
    out: Path,
    comparators: Path | None = None,
    districts: Path | None = None,
    hr: Path | None = None,
    provider_returns: Path | None = None,
    unsuppressed: bool = False,
    policy: DisclosurePolicy | None = None,
    secret: bytes | None = None,
) -> IndicatorsResult:
    """Compute every measure and write indicators.{csv,parquet,ods,xlsx} (or indicators_unsuppressed.*).

    Raises:
        IndicatorInputError: an input cannot be used.
    """
    workers, places = load_ascwds(ascwds)
    lookup = _districts(districts)
    # Build each frame once: every breakdown's aggregation reads them.
    worker_frame, role_frame = (
        frame.lazy()
        for frame in pl.collect_all(
            [
                worker_measure_frame(workers, places, districts=lookup),
                workplace_role_frame(workers, places, districts=lookup),
            ]
        )
    )
    results, quality, snapshot_areas = pl.collect_all(
        [
            all_measures(worker_frame, role_frame),
            data_quality(role_frame),
            places.select(E.AREA_CODE, E.AREA_NAME, E.REFERENCE_DATE).unique(),
        ]
    )
    input_findings = pl.DataFrame(schema=FINDINGS_SCHEMA)
    if hr is not None or provider_returns is not None:
        area_names = {
            code: name
            for code, name in snapshot_areas.select(E.AREA_CODE, E.AREA_NAME).iter_rows()
            if code and name
        }
        children, input_findings = children_results(
            hr=hr,
            provider_returns=provider_returns,
            reference_date=snapshot_areas[E.REFERENCE_DATE].max(),  # type: ignore[arg-type]
            area_names=area_names,
            secret=secret if secret is not None else load_secret(),
        )
        results = pl.concat([results, children])
    table = publish(
        results,
        policy=policy or DisclosurePolicy(),
        comparators=_comparators(comparators),
        unsuppressed=unsuppressed,
    )
    trend_table = trends(table)
    stem = "indicators_unsuppressed" if unsuppressed else "indicators"
    out.mkdir(parents=True, exist_ok=True)
    files = [out / f"{stem}.{suffix}" for suffix in ("csv", "parquet", "ods", "xlsx")]
    write_csv(files[0], table)
    write_parquet(files[1], table)
    book = _workbook(table, unsuppressed=unsuppressed)
    write_ods(files[2], book)
    write_xlsx(files[3], book)
    quality_path = out / "data_quality.csv"
    write_csv(quality_path, quality.sort(MEASURE_ID, PERIOD, AREA_CODE, "state"))
    trends_path = out / "trends.csv"
    write_csv(trends_path, trend_table)
    extra = []
    if hr is not None or provider_returns is not None:
        extra.append(out / "input_findings.csv")
        write_csv(extra[0], input_findings)
    write_json(
        out / f"{stem}_manifest.json",
        {
            "inputs": [str(p) for p in ascwds],
            "comparators": str(comparators) if comparators else None,
            "districts": str(districts) if districts else None,
            "hr": str(hr) if hr else None,
            "provider_returns": str(provider_returns) if provider_returns else None,
            "unsuppressed": unsuppressed,
            "rows": table.height,
            "policy": None if unsuppressed else vars(policy or DisclosurePolicy()),
        },
    )
    return IndicatorsResult(
        table, quality, trend_table, [*files, quality_path, trends_path, *extra], unsuppressed
    )


__all__ = ["ALL", "WORKPLACES", "IndicatorInputError", "IndicatorsResult", "compute_indicators"]
