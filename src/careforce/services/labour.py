"""Computing the labour-market measures from the public files a council downloads: job
postings, Nomis (claimant count, BRES, UK Business Counts, ASHE), Census 2021 and DfE skills
supply; writing ``labour.csv`` (the published table's columns), its spreadsheets, the named
comparators and the findings on the inputs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.labour.catalogue import LABOUR_MEASURES
from careforce.core.labour.census import census_rows, census_shares, workforce_comparators
from careforce.core.labour.job_adverts import advert_measures
from careforce.core.labour.nomis import nomis_measures
from careforce.core.labour.postings import (
    Window,
    default_window,
    extent,
    posting_measures,
    prepare_postings,
)
from careforce.core.labour.rows import COMPARATOR
from careforce.core.labour.sections import pipeline_counts
from careforce.core.labour.skills import skills_measures
from careforce.core.projections.projection import project
from careforce.core.projections.supply import supply_gap
from careforce.core.sources.ascwds.findings import FINDINGS_SCHEMA
from careforce.core.sources.labour import census as census_source
from careforce.core.sources.labour import nomis as nomis_source
from careforce.core.sources.labour import nomis_friendly
from careforce.core.sources.labour import postings as postings_source
from careforce.core.sources.labour.common import LabourFileError
from careforce.core.sources.labour.enrolments import SkillsMeasure, skills_rows
from careforce.core.sources.labour.job_adverts import advert_rows, header_row
from careforce.core.vocab.ascwds_columns import LINE
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    COMPARATOR_NAME,
    COMPARATOR_VALUE,
    MEASURE_ID,
    MEASURE_NAME,
    PERIOD,
    PUBLISHED_SCHEMA,
    SYMBOL_NOTES,
    VALUE,
)
from careforce.io.csv_text import write_csv
from careforce.io.labour_files import (
    LabourFileUnreadableError,
    read_labour_table,
    read_published_table,
    read_text_rows,
    read_workbook_tables,
    rows_frame,
)
from careforce.io.spreadsheets import Sheet, Workbook, write_ods, write_xlsx
from careforce.io.text_files import write_json
from careforce.services.projections import load_parameters

LABOUR_FILE: Final = "labour.csv"
"""Name of the measures table in the output folder."""
COMPARATORS_FILE: Final = "labour_comparators.csv"
"""Name of the comparators file: every comparator named, in the comparator-file layout that
``careforce indicators compute --comparators`` reads."""
FINDINGS_FILE: Final = "labour_findings.csv"
"""Name of the findings on the inputs."""


class LabourInputError(ValueError):
    """An input to the labour-market measures cannot be used."""


@dataclass(frozen=True)
class LabourResult:
    """What a computation produced."""

    table: pl.DataFrame
    comparators: pl.DataFrame
    findings: pl.DataFrame
    files: list[Path]


def _table(path: Path) -> tuple[list[str], pl.DataFrame]:
    try:
        table = read_labour_table(path)
    except LabourFileUnreadableError as error:
        raise LabourInputError(str(error)) from None
    return table.header, table.frame


def _checked(path: Path, findings: pl.DataFrame) -> pl.DataFrame:
    """The findings with the file's path; raises when any is an error."""
    findings = findings.with_columns(pl.lit(str(path)).alias("file"))
    errors = findings.filter(pl.col("severity") == "error")
    if errors.height:
        detail = "; ".join(
            f"line {f['line']}, column {f['column'] or '(row)'}, value '{f['value']}': {f['message']}"
            for f in errors.head(3).iter_rows(named=True)
        )
        raise LabourInputError(f"{path}: {errors.height} error(s) — {detail}")
    return findings


def postings_rows(
    path: Path, *, mapping: Path | None, area_code: str, area_name: str, window: Window | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Postings measures of one extract and the findings on it."""
    try:
        columns = None
        if mapping is not None:
            columns = postings_source.column_mapping(_table(mapping)[1])
        frame = postings_source.mapped(_table(path)[1], columns)
    except LabourFileError as error:
        raise LabourInputError(f"{mapping or path}: {error}") from None
    postings, found = postings_source.checked_postings(frame)
    # Each stage's input is let go once the next is built: the text columns of the extract,
    # the canonical postings and the prepared postings are never all held at once.
    del frame
    findings = _checked(path, found)
    canonical = postings.lazy()
    del postings
    if window is None:
        try:
            window = default_window(*extent(canonical).collect().row(0))
        except ValueError as error:
            raise LabourInputError(f"{path}: {error}") from None
    # Every breakdown reads the prepared postings: build them once.
    prepared = prepare_postings(canonical, window=window).collect().lazy()
    del canonical
    rows = posting_measures(prepared, area_code=area_code, area_name=area_name, window=window)
    return rows.collect(), findings


def nomis_rows(paths: Sequence[Path]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Nomis measures, the comparators named, and the findings on the files."""
    by_dataset: dict[str, list[pl.DataFrame]] = {}
    findings = []
    for path in paths:
        try:
            records = read_text_rows(path)
        except LabourFileUnreadableError as error:
            raise LabourInputError(str(error)) from None
        try:
            if nomis_friendly.is_friendly(records):
                observations, found = nomis_friendly.friendly_observations(records)
            else:
                header, raw = _table(path)
                observations, found = nomis_source.observations(raw, header)
        except LabourFileError as error:
            raise LabourInputError(f"{path}: {error}") from None
        findings.append(_checked(path, found))
        dataset = observations.get_column("dataset")[0] if observations.height else "empty"
        by_dataset.setdefault(dataset, []).append(observations)
    rows, names = [], []
    for frames in by_dataset.values():
        measured, named = nomis_measures(pl.concat(frames, how="diagonal_relaxed").lazy())
        result, named_frame = pl.collect_all([measured, named])
        rows.append(result)
        names.append(named_frame)
    return _concat(rows), _concat(names), _findings(findings)


def census_rows_of(paths: Sequence[Path]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Census shares, the workforce comparators they give, and the findings on the files."""
    parts, findings = [], []
    for path in paths:
        _, raw = _table(path)
        try:
            counts, found = census_source.residents(raw)
        except LabourFileError as error:
            raise LabourInputError(f"{path}: {error}") from None
        findings.append(_checked(path, found))
        parts.append(counts)
    if not parts:
        return _concat([]), _concat([]), _findings([])
    residents = pl.concat(parts).lazy()
    topics = set(pl.concat(parts).get_column("topic").unique().to_list())
    shares = census_shares(residents, topics=topics).collect()
    return (
        census_rows(shares.lazy()).collect(),
        workforce_comparators(shares.lazy()).collect(),
        _findings(findings),
    )


def skills_rows_of(
    enrolments: Sequence[Path], apprenticeships: Sequence[Path], *, base_year: int | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Skills supply measures and the findings on the files."""
    parts, findings = [], []
    for measure, paths in (
        (SkillsMeasure.ENROLMENTS, enrolments),
        (SkillsMeasure.APPRENTICESHIP_STARTS, apprenticeships),
    ):
        for path in paths:
            _, raw = _table(path)
            try:
                rows, found = skills_rows(raw, measure=measure)
            except LabourFileError as error:
                raise LabourInputError(f"{path}: {error}") from None
            findings.append(_checked(path, found))
            parts.append(rows)
    if not parts:
        return _concat([]), _findings([])
    measured = skills_measures(pl.concat(parts).lazy(), base_year=base_year).collect()
    return measured, _findings(findings)


def job_advert_rows(paths: Sequence[Path]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Online job advert measures of ONS workbooks, and the findings on them."""
    parts, findings = [], []
    for path in paths:
        try:
            sheets = read_workbook_tables(path)
        except LabourFileUnreadableError as error:
            raise LabourInputError(str(error)) from None
        for name, rows in sheets.items():
            try:
                start = header_row(rows)
            except LabourFileError:
                continue  # a notes or contents sheet
            try:
                cells, found = advert_rows(rows_frame(rows, start), table=name)
            except LabourFileError as error:
                raise LabourInputError(f"{path}: {error}") from None
            findings.append(_checked(path, found))
            parts.append(cells)
    if not parts:
        if paths:
            raise LabourInputError(f"{paths[0]}: no job advert table was found")
        return _concat([]), _findings([])
    return advert_measures(pl.concat(parts).lazy()).collect(), _findings(findings)


def _concat(frames: Sequence[pl.DataFrame]) -> pl.DataFrame:
    frames = [f for f in frames if f.width]
    return pl.concat(frames, how="diagonal_relaxed") if frames else pl.DataFrame()


def _findings(frames: Sequence[pl.DataFrame]) -> pl.DataFrame:
    return pl.concat(frames) if frames else pl.DataFrame(schema=FINDINGS_SCHEMA)


def _workbook(table: pl.DataFrame, comparators: pl.DataFrame) -> Workbook:
    cover = Sheet(
        name="Cover",
        title="Labour market and skills supply",
        lines=(
            "Labour-market measures computed by careforce from public files: job postings "
            "(Lightcast definitions), Nomis (claimant count, BRES, UK Business Counts, ASHE), "
            "Census 2021 and DfE Explore Education Statistics.",
            "Rates and shares are fractions (0.029 means 2.9%). Posting intensity is total "
            "postings per unique posting.",
            "Every comparator is named on the Comparators sheet (source and period).",
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
    for entry in LABOUR_MEASURES:
        part = table.filter(pl.col(MEASURE_ID) == entry.id)
        if part.height:
            sheets.append(Sheet(name=entry.id[:31], title=part[0, MEASURE_NAME], table=part))
    if comparators.height:
        sheets.append(Sheet(name="Comparators", title="Comparators named", table=comparators))
    return Workbook(sheets)


def compute_labour(
    *,
    out: Path,
    postings: Path | None = None,
    postings_mapping: Path | None = None,
    nomis: Sequence[Path] = (),
    census: Sequence[Path] = (),
    enrolments: Sequence[Path] = (),
    apprenticeships: Sequence[Path] = (),
    job_adverts: Sequence[Path] = (),
    area_code: str = "",
    area_name: str = "",
    window: Window | None = None,
    base_year: int | None = None,
) -> LabourResult:
    """Compute the labour-market measures of the given files and write them to ``out``.

    Raises:
        LabourInputError: no input was given, or an input cannot be used.
    """
    if postings is None and not (nomis or census or enrolments or apprenticeships or job_adverts):
        raise LabourInputError(
            "no input given: use --postings, --nomis, --census, --enrolments, --apprenticeships "
            "or --job-adverts"
        )
    if postings_mapping is not None and postings is None:
        raise LabourInputError("--postings-mapping needs --postings")
    parts: list[pl.DataFrame] = []
    named: list[pl.DataFrame] = []
    findings: list[pl.DataFrame] = []
    nomis_table, nomis_named, found = nomis_rows(nomis)
    parts.append(nomis_table)
    findings.append(found)
    census_table, census_comparators, found = census_rows_of(census)
    parts.append(census_table)
    findings.append(found)
    skills_table, found = skills_rows_of(enrolments, apprenticeships, base_year=base_year)
    parts.append(skills_table)
    findings.append(found)
    adverts_table, found = job_advert_rows(job_adverts)
    parts.append(adverts_table)
    findings.append(found)
    if postings is not None:
        if not area_code:
            raise LabourInputError("a postings extract needs --area CODE (the area it covers)")
        name = area_name or _area_name(area_code, [nomis_table, census_table, skills_table])
        table, found = postings_rows(
            postings, mapping=postings_mapping, area_code=area_code, area_name=name, window=window
        )
        parts.insert(0, table)
        findings.append(found)
    table = _concat(parts)
    table = (
        table.match_to_schema(PUBLISHED_SCHEMA)
        if table.width
        else pl.DataFrame(schema=PUBLISHED_SCHEMA)
    )
    order = {entry.id: index for index, entry in enumerate(LABOUR_MEASURES)}
    table = table.sort(
        pl.col(MEASURE_ID).replace_strict(order, default=len(order)),
        PERIOD,
        AREA_CODE,
        BREAKDOWN,
        BREAKDOWN_VALUE,
        maintain_order=True,
    )
    table = _with_comparator_names(table, nomis_named)
    named.append(_named_comparators(table, nomis_named))
    named.append(census_comparators)
    named.append(_pay_comparators(table))
    comparators = _concat(named)
    out.mkdir(parents=True, exist_ok=True)
    files = [
        out / LABOUR_FILE,
        out / "labour.ods",
        out / "labour.xlsx",
        out / COMPARATORS_FILE,
        out / FINDINGS_FILE,
    ]
    write_csv(files[0], table)
    book = _workbook(table, comparators)
    write_ods(files[1], book)
    write_xlsx(files[2], book)
    write_csv(
        files[3],
        comparators
        if comparators.width
        else pl.DataFrame(schema=dict.fromkeys(COMPARATOR_COLUMNS, pl.String)),
    )
    all_findings = _findings(findings)
    write_csv(files[4], all_findings)
    write_json(
        out / "labour_manifest.json",
        {
            "postings": str(postings) if postings else None,
            "postings_mapping": str(postings_mapping) if postings_mapping else None,
            "nomis": [str(p) for p in nomis],
            "census": [str(p) for p in census],
            "enrolments": [str(p) for p in enrolments],
            "apprenticeships": [str(p) for p in apprenticeships],
            "job_adverts": [str(p) for p in job_adverts],
            "area_code": area_code or None,
            "window": window.label if window else None,
            "rows": table.height,
        },
    )
    return LabourResult(table, comparators, all_findings, files)


COMPARATOR_COLUMNS: Final = (
    MEASURE_ID,
    PERIOD,
    AREA_CODE,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    "comparator",
    "value",
)
"""Columns of the comparators file (the comparator-file layout of the workforce measures)."""


def _with_comparator_names(table: pl.DataFrame, names: pl.DataFrame) -> pl.DataFrame:
    """The published rows with each comparator's name (source and period) beside its value."""
    if not names.height or not table.height:
        return table
    keys = [MEASURE_ID, PERIOD, AREA_CODE, BREAKDOWN, BREAKDOWN_VALUE]
    first = names.unique(subset=keys, keep="first", maintain_order=True)
    return (
        table.join(first.select(*keys, COMPARATOR), on=keys, how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col(COMPARATOR_VALUE).is_not_null())
            .then(pl.coalesce(pl.col(COMPARATOR_NAME), pl.col(COMPARATOR)))
            .alias(COMPARATOR_NAME)
        )
        .drop(COMPARATOR)
    )


def _named_comparators(table: pl.DataFrame, names: pl.DataFrame) -> pl.DataFrame:
    """The comparator of each row that has one, with its name, in the comparator-file layout."""
    if not names.height:
        return pl.DataFrame()
    keys = [MEASURE_ID, PERIOD, AREA_CODE, BREAKDOWN, BREAKDOWN_VALUE]
    return (
        table.filter(pl.col(COMPARATOR_VALUE).is_not_null())
        .join(names, on=keys, how="inner")
        .select(
            *keys, pl.col(COMPARATOR).alias("comparator"), pl.col(COMPARATOR_VALUE).alias("value")
        )
    )


WORKFORCE_PAY_MEASURE: Final = "hourly_pay_median"
"""The workforce measure all-sector pay (ASHE) is the comparator of."""


def _pay_comparators(table: pl.DataFrame) -> pl.DataFrame:
    """All-sector median hourly pay (ASHE) as the named comparator of the workforce's median
    hourly pay in the same area, the latest year."""
    pay = table.filter(
        (pl.col(MEASURE_ID) == "hourly_pay_all_sectors") & pl.col(VALUE).is_not_null()
    )
    if pay.is_empty():
        return pl.DataFrame()
    latest = pay.sort(PERIOD).group_by(AREA_CODE, maintain_order=True).last()
    return latest.select(
        pl.lit(WORKFORCE_PAY_MEASURE).alias(MEASURE_ID),
        pl.lit("").alias(PERIOD),
        pl.col(AREA_CODE),
        pl.lit("total").alias(BREAKDOWN),
        pl.lit("all").alias(BREAKDOWN_VALUE),
        pl.format(
            "ASHE {} median workplace hourly pay, all sectors, {}",
            pl.col(PERIOD),
            pl.col(AREA_NAME),
        ).alias("comparator"),
        pl.col(VALUE).alias("value"),
    )


def merge_comparators(overrides: Path | None, computed: Path, out: Path) -> Path:
    """A comparator file for ``indicators compute``: the hand-typed rows first (they override,
    as the first matching row wins), then the comparators computed from public data.

    Raises:
        LabourInputError: a file cannot be read or lacks a comparator-file column.
    """
    parts = []
    for path in (overrides, computed):
        if path is None:
            continue
        _, frame = _table(path)
        missing = [c for c in COMPARATOR_COLUMNS if c not in frame.columns]
        if missing:
            raise LabourInputError(f"{path}: not a comparator file (no {', '.join(missing)})")
        # Values as numbers: text starting with '-' would be written safe for a spreadsheet.
        value = pl.col("value").str.strip_chars()
        bad = frame.filter((value != "") & value.cast(pl.Float64, strict=False).is_null())
        if bad.height:
            line, cell = bad.select(LINE, "value").row(0)
            raise LabourInputError(f"{path}, line {line}, column value: {cell!r} is not a number")
        parts.append(
            frame.select(COMPARATOR_COLUMNS).with_columns(value.cast(pl.Float64, strict=False))
        )
    write_csv(
        out,
        pl.concat(parts)
        if parts
        else pl.DataFrame(schema=dict.fromkeys(COMPARATOR_COLUMNS, pl.String)),
    )
    return out


def _area_name(code: str, tables: Sequence[pl.DataFrame]) -> str:
    """The area's name as another input gives it, else its code."""
    for table in tables:
        if table.width and AREA_NAME in table.columns:
            match = table.filter(pl.col(AREA_CODE) == code)
            if match.height:
                return str(match[0, AREA_NAME])
    return code


SUPPLY_PAIRS: Final = (
    ("staffordshire-2022-adult", ("Health and Social Care",), "Adult social care"),
    (
        "staffordshire-2022-children",
        ("Child Development and Well Being",),
        "Children's social care",
    ),
)
"""The projections the pipeline is set against: adult social care with Health and Social Care,
children's social care with Child Development and Well Being (the strategy's pairing)."""


def supply_against_need(
    table: pl.DataFrame, *, area: str, params: str, subjects: Sequence[str]
) -> pl.DataFrame:
    """New staff needed each year (the projection) against the training pipeline in the
    labour-market measures (enrolments + apprenticeship starts in the subjects).

    Returns:
        The supply gap table (see :func:`careforce.core.projections.supply.supply_gap`); empty
        when the measures have no enrolments or starts in the subjects for the area.

    Raises:
        ProjectionInputError: the parameter file cannot be used.
    """
    counts = pipeline_counts(table, area=area, subjects=tuple(subjects))
    if counts.is_empty():
        return pl.DataFrame()
    loaded = load_parameters(params)
    return supply_gap(project(loaded.params), counts, base_year=loaded.params.base_year)


def read_labour(folder: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The measures (typed) and the named comparators written by :func:`compute_labour`.

    Raises:
        LabourInputError: the folder has no readable ``labour.csv``.
    """
    try:
        table = read_published_table(folder / LABOUR_FILE, PUBLISHED_SCHEMA)
    except LabourFileUnreadableError as error:
        raise LabourInputError(str(error)) from None
    comparators = pl.DataFrame(schema=dict.fromkeys(COMPARATOR_COLUMNS, pl.String))
    if (folder / COMPARATORS_FILE).is_file():
        _, frame = _table(folder / COMPARATORS_FILE)
        comparators = frame.select(c for c in frame.columns if c in COMPARATOR_COLUMNS)
    return table, comparators
