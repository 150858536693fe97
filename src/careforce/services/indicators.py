"""Use case: compute the workforce measures from ingested data and publish them safely."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.indicators.catalogue import measure_ids
from careforce.core.indicators.children import children_measures, hr_measures, provider_measures
from careforce.core.indicators.compute import all_measures, data_quality
from careforce.core.indicators.crossings import crossed_measures
from careforce.core.indicators.frames import (
    SNAPSHOT,
    worker_measure_frame,
    workplace_role_frame,
)
from careforce.core.indicators.training import training_measures
from careforce.core.indicators.workplace_terms import workplace_shares, workplace_terms_frame
from careforce.core.publishing.coverage import coverage_summaries
from careforce.core.publishing.publish import PRIORITY, publish
from careforce.core.publishing.trends import trends
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
from careforce.core.vocab.published import (
    AREA_CODE,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    COMPARATOR_NAME,
    COMPARATOR_VALUE,
    MEASURE_ID,
    MEASURE_NAME,
    PERIOD,
    PUBLISHED_SCHEMA,
    REQUIRED_COLUMNS,
    SYMBOL_NOTES,
    with_optional_columns,
)
from careforce.io.csv_text import UnreadableFileError, read_csv_table, write_csv
from careforce.io.datasets import (
    LINE_NUMBER,
    UnusableOutputError,
    read_snapshots,
    read_text_table,
)
from careforce.io.package_data import package_data_path
from careforce.io.parquet_files import write_parquet
from careforce.io.secret_key import load_secret
from careforce.io.spreadsheets import Sheet, Workbook, sheet_name, write_ods, write_xlsx
from careforce.io.text_files import write_json
from careforce.services.duplicate_inputs import duplicate_inputs, same_folder_twice

DISTRICT_COLUMNS = ("postcode_district", "district_name")
"""Columns a district lookup must have (``district_code`` is optional)."""

COMPARATOR_COLUMNS = (
    MEASURE_ID,
    PERIOD,
    AREA_CODE,
    BREAKDOWN,
    BREAKDOWN_VALUE,
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
    twice = same_folder_twice(directories)
    if twice is not None:
        raise IndicatorInputError(twice)
    try:
        loaded = read_snapshots(directories, ("establishments", "workers"))
    except (FileNotFoundError, UnusableOutputError) as error:
        raise IndicatorInputError(str(error)) from error
    duplicated = duplicate_inputs(directories, loaded)
    if duplicated is not None:
        raise IndicatorInputError(duplicated)
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


def load_training(directories: Sequence[Path]) -> pl.LazyFrame | None:
    """The training records of several ingestion outputs, tagged by snapshot like
    :func:`load_ascwds` (outputs without a training dataset contribute none)."""
    frames = []
    for index, directory in enumerate(directories):
        try:
            ((_, loaded),) = read_snapshots([directory], ("training",))
        except (FileNotFoundError, UnusableOutputError):
            continue
        frames.append(loaded["training"].with_columns(pl.lit(index).alias(SNAPSHOT)))
    if not frames:
        return None
    return pl.concat(frames, how="diagonal_relaxed").lazy()


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
    name = pl.col("comparator").str.strip_chars()
    return table.with_columns(
        values.alias(COMPARATOR_VALUE),
        pl.when(name == "").then(None).otherwise(name).alias(COMPARATOR_NAME),
    ).with_row_index(PRIORITY)


ESTIMATES_FILE = "estimates.csv"
"""The published rows of ``careforce estimates compute``, in an estimates folder."""


def _estimates(directory: Path | None) -> pl.DataFrame | None:
    """The published estimate rows of an estimates folder, typed as the published table."""
    if directory is None:
        return None
    path = directory / ESTIMATES_FILE
    if not path.is_file():
        raise IndicatorInputError(
            f"{directory}: no {ESTIMATES_FILE} here (run careforce estimates compute)"
        )
    table = read_text_table(path)
    _require_columns(path, table, REQUIRED_COLUMNS, "estimates file")
    table = with_optional_columns(table)
    return table.select(
        pl.when(pl.col(name) == "")
        .then(None)
        .otherwise(pl.col(name))
        .cast(dtype, strict=False)
        .alias(name)
        for name, dtype in PUBLISHED_SCHEMA.items()
    )


def _require_columns(path: Path, table: pl.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise IndicatorInputError(f"{path}: the {what} has no column(s) {', '.join(missing)}")


DISTRICT_LOOKUP: Final = ("geography", "postcode_districts.csv")
"""The shipped lookup of postcode districts to the county's districts and boroughs (ONS code and
name; its source and date are in SOURCE.md beside it), used when no other is given."""


def _districts(path: Path | None) -> pl.LazyFrame:
    if path is None:
        path = package_data_path(*DISTRICT_LOOKUP)
    table = read_text_table(path)
    _require_columns(path, table, DISTRICT_COLUMNS, "district lookup")
    return table.lazy()


def districts_lookup(path: Path | None) -> pl.LazyFrame | None:
    """The district lookup of a CSV file (None when no file is given).

    Raises:
        IndicatorInputError: the file lacks a column.
    """
    return _districts(path)


def _coverage_lines(table: pl.DataFrame) -> list[str]:
    """The coverage of the returns of each area and period, with the warning below 50% of
    locations, when the table holds the whole-sector estimates."""
    lines = []
    for summary in coverage_summaries(table):
        lines.append(summary.sentence())
        if summary.warning:
            lines.append(f"Warning: {summary.warning}")
    return lines


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
            "Each measure is on its own sheet, named by the measure (its id is in the first "
            "column); the notes sheet explains the symbols.",
            *_coverage_lines(table),
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
            name = str(part[0, MEASURE_NAME])
            sheets.append(Sheet(name=sheet_name(name), title=name, table=part))
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
        found = cell_findings(
            raw, returns_source.provider_rules(today=dt.date.today()), file=returns_source.FILE
        )
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
    estimates: Path | None = None,
    children_date: dt.date | None = None,
) -> IndicatorsResult:
    """Compute every measure and write indicators.{csv,parquet,ods,xlsx} (or indicators_unsuppressed.*).

    With ``estimates`` (a folder written by ``careforce estimates compute``), the whole-sector
    estimates and the coverage of the returns are published with the measures. The children's
    files (``hr``, ``provider_returns``) describe ``children_date``, by default the latest
    ASC-WDS reference date.

    Raises:
        IndicatorInputError: an input cannot be used.
    """
    workers, places = load_ascwds(ascwds)
    training = load_training(ascwds)
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
            pl.concat(
                [
                    all_measures(worker_frame, role_frame),
                    crossed_measures(worker_frame, role_frame),
                    workplace_shares(workplace_terms_frame(workers, places, districts=lookup)),
                    *([] if training is None else [training_measures(worker_frame, training)]),
                ]
            ),
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
            reference_date=children_date or snapshot_areas[E.REFERENCE_DATE].max(),  # type: ignore[arg-type]
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
    estimate_rows = _estimates(estimates)
    if estimate_rows is not None:
        table = pl.concat([table, estimate_rows])
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
            "districts": str(districts)
            if districts
            else "/".join(("careforce", "data", *DISTRICT_LOOKUP)),
            "hr": str(hr) if hr else None,
            "provider_returns": str(provider_returns) if provider_returns else None,
            "estimates": str(estimates) if estimates else None,
            "unsuppressed": unsuppressed,
            "rows": table.height,
            "policy": None if unsuppressed else vars(policy or DisclosurePolicy()),
        },
    )
    return IndicatorsResult(
        table, quality, trend_table, [*files, quality_path, trends_path, *extra], unsuppressed
    )
