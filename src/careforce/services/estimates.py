"""Use case: whole-sector workforce estimates from the CQC register and ASC-WDS returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.estimates.calibration import TARGET_COLUMNS, calibrate
from careforce.core.estimates.carrying import RETURN_WINDOW_DAYS
from careforce.core.estimates.columns import (
    AREA_CODE,
    FILLED_POSTS,
    LOCATIONS_COLUMNS,
    LOWER,
    SOURCE,
    UPPER,
    Source,
)
from careforce.core.estimates.estimate import Estimates, estimate
from careforce.core.estimates.pay import weighted_pay_rows
from careforce.core.estimates.people import (
    PEOPLE_PER_POST,
    RECORDS,
    SEEN_PEOPLE_PER_POST,
    headcount_rows,
    people_per_post,
)
from careforce.core.estimates.returns import (
    pay_records,
    person_records,
    role_posts,
    workplace_returns,
)
from careforce.core.estimates.tables import HEADCOUNT_ESTIMATE, estimate_rows
from careforce.core.indicators.frames import period_label
from careforce.core.publishing.estimates import publish_estimates
from careforce.core.sources import cqc_register
from careforce.core.sources.ascwds.findings import FINDINGS_SCHEMA
from careforce.core.vocab import published as pub
from careforce.core.vocab.cqc_register import Location, Scope
from careforce.io.cqc_register_files import read_area_lookup, read_register
from careforce.io.csv_text import UnreadableFileError, write_csv
from careforce.io.datasets import LINE_NUMBER, read_text_table
from careforce.io.text_files import write_json
from careforce.services.indicators import IndicatorInputError, load_ascwds

COVERAGE_WARNING: Final = 0.5
"""Below this share of in-scope locations returning, most of an area's estimate comes from the
models rather than from returns: the summary and the pages warn that figures lean on models."""
NOT_RETURNED_COLUMNS: Final = (
    "location_id",
    "location_name",
    "provider_name",
    "area_code",
    "service_group",
    "beds",
    "filled_posts",
    "source",
)
"""Columns of ``not_returned.csv``: the in-scope locations without a current return."""


class EstimatesInputError(ValueError):
    """An input to the estimates cannot be used."""


@dataclass(frozen=True)
class Register:
    """The register as read: every location (in scope or not) and the findings on its rows."""

    locations: pl.DataFrame
    findings: pl.DataFrame
    file_format: str
    area_names: dict[str, str] = field(default_factory=dict)


def load_register(path: Path, *, area: str | None = None) -> Register:
    """Read and check the CQC register; with ``area``, locations of other areas are out of
    scope (so a return of one of them is still matched and reported, not lost).

    Raises:
        EstimatesInputError: the register lacks a required column.
        UnreadableFileError: the file cannot be read (a ``RegisterFileError`` for workbooks).
    """
    table = read_register(path, keep=lambda h: cqc_register.register_header(h) is not None)
    lookup = read_area_lookup()
    try:
        named = cqc_register.named_register(table.frame)
    except cqc_register.RegisterColumnsError as error:
        raise EstimatesInputError(f"{path}: {error}") from error
    findings = cqc_register.register_findings(named, lookup=lookup, header_width=len(table.header))
    locations = cqc_register.locations_frame(named, lookup=lookup)
    if area is not None:
        elsewhere = pl.col(Location.IN_SCOPE) & (pl.col(Location.AREA_CODE) != area)
        locations = locations.with_columns(
            pl.when(elsewhere)
            .then(pl.lit(Scope.OTHER_AREA.value))
            .otherwise(pl.col(Location.SCOPE_REASON))
            .alias(Location.SCOPE_REASON),
            (pl.col(Location.IN_SCOPE) & ~elsewhere).alias(Location.IN_SCOPE),
        )
    names = dict(
        lookup.select(cqc_register.LOOKUP_CODE, cqc_register.LOOKUP_NAME)
        .unique(cqc_register.LOOKUP_CODE, keep="first")
        .iter_rows()
    )
    return Register(locations, findings, table.file_format, names)


@dataclass(frozen=True)
class EstimatesResult:
    """What a run produced."""

    estimates: Estimates
    table: pl.DataFrame
    accuracy: pl.DataFrame
    reference_date: dt.date
    files: list[Path]
    summary: dict[str, float | int | str | None]
    warnings: list[str]
    notes: list[str] = field(default_factory=list)


def _returns(
    ascwds: Sequence[Path],
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    try:
        workers, places = load_ascwds(ascwds)
    except IndicatorInputError as error:
        raise EstimatesInputError(str(error)) from error
    returns, roles, pay, people = pl.collect_all(
        [
            workplace_returns(workers, places),
            role_posts(workers),
            pay_records(workers),
            person_records(workers),
        ]
    )
    return returns, roles, pay, people


def _targets(path: Path) -> pl.DataFrame:
    """The calibration targets of a CSV file.

    Raises:
        EstimatesInputError: a column is missing or a target is not a positive number.
    """
    try:
        table = read_text_table(path, keep_lines=True)
    except UnreadableFileError as error:
        raise EstimatesInputError(str(error)) from error
    missing = [c for c in TARGET_COLUMNS if c not in table.columns]
    if missing:
        raise EstimatesInputError(
            f"{path}: the calibration file has no column(s) {', '.join(missing)}"
        )
    if "breakdown" not in table.columns:
        table = table.with_columns(pl.lit("total").alias("breakdown"))
    if "breakdown_value" not in table.columns:
        table = table.with_columns(pl.lit("all").alias("breakdown_value"))
    table = table.with_columns(
        pl.col(FILLED_POSTS).cast(pl.Float64, strict=False).alias("_target"),
        pl.when(pl.col("breakdown") == "")
        .then(pl.lit("total"))
        .otherwise(pl.col("breakdown"))
        .alias("breakdown"),
    )
    bad = table.filter(
        pl.col("_target").is_null()
        | (pl.col("_target") <= 0)
        | ~pl.col("breakdown").is_in(["total", "service_group"])
    )
    if bad.height:
        row = bad.row(0, named=True)
        raise EstimatesInputError(
            f"{path}, line {row[LINE_NUMBER]}: filled_posts must be a positive number and "
            f"breakdown total or service_group (found {row[FILLED_POSTS]!r}, {row['breakdown']!r})"
        )
    return table.select(
        AREA_CODE, "breakdown", "breakdown_value", pl.col("_target").alias(FILLED_POSTS)
    )


def _summary(estimates: Estimates, table: pl.DataFrame) -> dict[str, float | int | str | None]:
    located = estimates.locations
    returned = located.filter(pl.col(SOURCE) == Source.RETURNED.value)
    total = float(located[FILLED_POSTS].sum()) + float(estimates.unregistered[FILLED_POSTS].sum())
    counts = {s.value: located.filter(pl.col(SOURCE) == s.value).height for s in Source}
    return {
        "in_scope_locations": located.height,
        **{f"locations_{k}": v for k, v in counts.items()},
        "unregistered_workplaces": estimates.unregistered.height,
        "filled_posts_estimate": round(total, 1),
        "filled_posts_returned": round(
            float(returned[FILLED_POSTS].sum()) + float(estimates.unregistered[FILLED_POSTS].sum()),
            1,
        ),
        "coverage_locations_share": returned.height / located.height if located.height else None,
        "coverage_posts_share": (
            float(returned[FILLED_POSTS].sum()) / float(located[FILLED_POSTS].sum())
            if located.height and located[FILLED_POSTS].sum() > 0
            else None
        ),
        "published_rows": table.height,
    }


def _posts_per_person(ratios: pl.DataFrame, column: str) -> float | None:
    """Posts per person of every area's returns together (by one of the ratio columns)."""
    areas = ratios.filter(pl.col("service_group") == "all")
    people = float((areas[column] * areas[RECORDS]).sum())
    return round(int(areas[RECORDS].sum()) / people, 3) if people else None


def _headcount_summary(
    rows: pl.DataFrame, ratios: pl.DataFrame
) -> dict[str, float | int | str | None]:
    """The estimated people of every area together, their interval when there is one area, and
    the posts per person used and as the returns alone show them."""
    total = rows.filter(pl.col(pub.BREAKDOWN) == pub.TOTAL)
    one = total.height == 1
    return {
        HEADCOUNT_ESTIMATE: round(float(total[pub.NUMERATOR].sum()), 1) if total.height else None,
        "headcount_lower": round(float(total[pub.LOWER][0]), 1) if one else None,
        "headcount_upper": round(float(total[pub.UPPER][0]), 1) if one else None,
        "posts_per_person": _posts_per_person(ratios, PEOPLE_PER_POST),
        "posts_per_person_returned": _posts_per_person(ratios, SEEN_PEOPLE_PER_POST),
    }


HEADCOUNT_NOTE: Final = (
    "Headcount (people) is estimated as Skills for Care does: the estimated filled posts of "
    "each service group over the posts per person of its returns (people told apart by their "
    "pseudonymous NI key). The returns alone show {seen} posts per person; a person's other "
    "post in a workplace that did not return is not seen, so careforce scales the posts people "
    "hold in two workplaces up by the returns' coverage of the estimated posts, giving {used}. "
    "The interval carries the uncertainty of the modelled posts, not of the posts per person."
)
"""The note on how the headcount is estimated (``{seen}``, ``{used}``: posts per person)."""


def _headcount_note(ratios: pl.DataFrame) -> str:
    seen = _posts_per_person(ratios, SEEN_PEOPLE_PER_POST)
    used = _posts_per_person(ratios, PEOPLE_PER_POST)
    return HEADCOUNT_NOTE.format(
        seen="no" if seen is None else f"{seen:.2f}", used="none" if used is None else f"{used:.2f}"
    )


def compute_estimates(
    register: Path,
    ascwds: Sequence[Path],
    *,
    out: Path,
    area: str | None = None,
    reference_date: dt.date | None = None,
    window_days: int = RETURN_WINDOW_DAYS,
    policy: DisclosurePolicy | None = None,
    unsuppressed: bool = False,
    calibration: Path | None = None,
) -> EstimatesResult:
    """Estimate every in-scope location of the register and write ``locations.csv``,
    ``estimates.csv``, ``accuracy.csv``, ``not_returned.csv``, ``findings.csv`` and
    ``estimates_manifest.json``.

    Args:
        register: the CQC "Care directory with filters" (ODS, XLSX or CSV).
        ascwds: output directories of ``careforce ingest ascwds`` (several periods allowed).
        out: directory for the outputs.
        area: ONS code of the one area to estimate (default: every area of the register).
        reference_date: the date estimated (default: the latest reference date of the returns).
        window_days: how far from the reference date a return may be carried.
        policy: disclosure control of ``estimates.csv``.
        unsuppressed: write ``estimates.csv`` without disclosure control (not for publication).
        calibration: published totals to rake the modelled locations to (CSV: ``area_code``,
            ``filled_posts``, optional ``breakdown`` and ``breakdown_value``); the adjustment is
            written to ``calibration.csv``.

    Raises:
        EstimatesInputError: an input cannot be used.
    """
    loaded = load_register(register, area=area)
    returns, roles, pay, people = _returns(ascwds)
    if returns.height == 0:
        raise EstimatesInputError("the ASC-WDS outputs hold no workplaces")
    day = reference_date or returns["reference_date"].max()
    assert isinstance(day, dt.date)
    if area is not None:
        returns = returns.filter(pl.col(AREA_CODE).is_null() | (pl.col(AREA_CODE) == area))
    estimates = estimate(
        loaded.locations, returns, roles, reference_date=day, window_days=window_days
    )
    report = None
    if calibration is not None:
        estimates, report = calibrate(estimates, _targets(calibration))
    headcount = headcount_rows(estimates, people)
    table = publish_estimates(
        pl.concat([estimate_rows(estimates), headcount, weighted_pay_rows(estimates, pay)]),
        period=period_label(day),
        area_names=loaded.area_names,
        policy=policy or DisclosurePolicy(),
        unsuppressed=unsuppressed,
    )
    out.mkdir(parents=True, exist_ok=True)
    files = [
        out / name
        for name in (
            "locations.csv",
            "estimates.csv",
            "accuracy.csv",
            "not_returned.csv",
            "findings.csv",
        )
    ]
    located = estimates.locations.with_columns(
        pl.col(c).round(1) for c in (FILLED_POSTS, LOWER, UPPER)
    )
    write_csv(files[0], located.select(LOCATIONS_COLUMNS))
    write_csv(files[1], table)
    write_csv(files[2], estimates.accuracy)
    write_csv(
        files[3],
        located.filter(pl.col(SOURCE) != Source.RETURNED.value).select(NOT_RETURNED_COLUMNS),
    )
    findings = pl.concat(
        [
            loaded.findings.match_to_schema(FINDINGS_SCHEMA),
            estimates.findings.match_to_schema(FINDINGS_SCHEMA),
        ]
    )
    write_csv(files[4], findings)
    ratios = people_per_post(estimates, people)
    summary = _summary(estimates, table) | _headcount_summary(headcount, ratios)
    warnings = list(estimates.notes)
    notes = [_headcount_note(ratios)]
    share = summary["coverage_locations_share"]
    if isinstance(share, float) and share < COVERAGE_WARNING:
        warnings.append(
            f"Only {share:.0%} of in-scope locations returned (below {COVERAGE_WARNING:.0%}): "
            "most of the estimate comes from models, not returns."
        )
    if report is not None:
        files.append(out / "calibration.csv")
        write_csv(files[-1], report)
        for row in report.iter_rows(named=True):
            if abs(row["after"] - row["target"]) > 0.001 * row["target"]:
                warnings.append(
                    f"Calibration could not meet the target of {row['target']:,.0f} filled posts "
                    f"for {row['area_code']} {row['breakdown']} {row['breakdown_value']} "
                    f"({row['after']:,.0f} after raking): the target and the register disagree."
                )
    manifest = out / "estimates_manifest.json"
    write_json(
        manifest,
        {
            "register": str(register),
            "register_format": loaded.file_format,
            "inputs": [str(p) for p in ascwds],
            "area": area,
            "reference_date": day.isoformat(),
            "window_days": window_days,
            "unsuppressed": unsuppressed,
            "calibration": str(calibration) if calibration else None,
            "summary": summary,
            "warnings": warnings,
            "notes": notes,
        },
    )
    return EstimatesResult(
        estimates, table, estimates.accuracy, day, [*files, manifest], summary, warnings, notes
    )
