"""Use case: the demo end to end — generate a profile's data, ingest it, estimate the whole
sector from each year's CQC register, compute the measures with the estimates, evaluate the
outcomes framework and write the annual progress report.

Everything goes through the same services as real data: the generated ASC-WDS files are
ingested with ``ingest_ascwds`` exactly as a provider's upload would be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.sources.ascwds.canonical import Area
from careforce.core.vocab.demo import DEMO_NOTICE, DEMO_TODAY
from careforce.core.vocab.published import PERIOD
from careforce.io.csv_text import write_csv
from careforce.io.package_data import package_data_path
from careforce.services.appendix import AppendixResult, demo_appendix
from careforce.services.ascwds import IngestResult, ingest_ascwds
from careforce.services.demo_data import (
    ACTION_PLAN_FILE,
    APPRENTICESHIPS_FILE,
    CHILDREN_EXTRACT_DATE,
    DEFAULT_SEED,
    ENROLMENTS_FILE,
    DemoDataManifest,
    generate_demo_data,
)
from careforce.services.demo_projections import DemoProjections, write_demo_projections
from careforce.services.estimates import EstimatesResult, compute_estimates
from careforce.services.indicators import ESTIMATES_FILE, IndicatorsResult, compute_indicators
from careforce.services.labour import (
    COMPARATORS_FILE,
    LabourResult,
    compute_labour,
    merge_comparators,
)
from careforce.services.outcomes import ReportResult, write_progress_report
from careforce.services.survey import write_demo_survey
from careforce.synthetic.profiles import build_profile
from careforce.synthetic.story import CALIBRATED_YEAR

Progress = Callable[[str], None]
"""Called with a description of each step."""

DEMO_SECRET = b"careforce-demo-data-is-synthetic"
"""Pseudonymisation key for demo data: the data are synthetic, so the key protects nothing."""


@dataclass(frozen=True)
class DemoRun:
    """What the demo produced."""

    data: Path
    ingested: dict[tuple[str, str], IngestResult]
    ingested_dirs: list[Path]
    indicators: IndicatorsResult
    indicators_dir: Path
    outcomes: ReportResult | None = None
    """The outcomes scorecard and progress report (a profile of one area only)."""
    survey: tuple[Path, ...] = ()
    """The survey measures of each demo survey round (a profile of one area only)."""
    labour: LabourResult | None = None
    """The labour-market and skills supply measures."""
    projections: DemoProjections | None = None
    """The projection derived from the demo's measures, its supply file and supply against
    need (a profile of one area only)."""
    appendix: AppendixResult | None = None
    """The annual data appendix (a profile of one area only)."""
    estimated: DemoEstimates | None = None
    """Every area's whole-sector estimates of every year with a CQC register."""

    @property
    def estimates_by_area(self) -> dict[str, EstimatesResult]:
        """The whole-sector estimates of each area in the strategy's year (2021/22), from its
        own CQC register."""
        return self.estimated.of_year(CALIBRATED_YEAR) if self.estimated is not None else {}

    @property
    def estimates(self) -> EstimatesResult | None:
        """The whole-sector estimates of the strategy's year (2021/22), the year the data
        appendix describes, from the area's CQC register of that year (a profile of one area
        only)."""
        by_area = self.estimates_by_area
        return next(iter(by_area.values())) if len(by_area) == 1 else None

    def filled_posts(self, year: str = CALIBRATED_YEAR) -> tuple[float, float]:
        """Filled posts in the returns and estimated for the whole sector in a year (the
        strategy's by default), over every area."""
        returned, estimated = self._sum(year, "filled_posts_returned", "filled_posts_estimate")
        return returned, estimated

    def headcount(self, year: str = CALIBRATED_YEAR) -> float:
        """People estimated to hold the whole sector's posts in a year, over every area."""
        return self._sum(year, "headcount_estimate")[0]

    def estimated_years(self) -> list[str]:
        """The ASC-WDS years with whole-sector estimates, oldest first."""
        return self.estimated.years() if self.estimated is not None else []

    def _sum(self, year: str, *keys: str) -> tuple[float, ...]:
        results = self.estimated.of_year(year) if self.estimated is not None else {}
        summaries = [result.summary for result in results.values()]
        return tuple(sum(float(s.get(key) or 0) for s in summaries) for key in keys)


APPENDIX_PERIOD: Final = "2021/22"
"""The period of the demo's data appendix: the strategy's own year, compared with the seed."""

ENGLAND_AREA: Final = ("E92000001", "England")
"""The area of the postings of a profile of several councils (a national extract)."""


def demo_comparators(labour: Path) -> Path:
    """The demo's comparator file: the shipped hand-typed values (England and regional figures
    from the strategy) first, then those computed from the demo's public-layout files (Census
    2021 shares, ASHE pay)."""
    return merge_comparators(
        package_data_path("demo", "comparators.csv"),
        labour / COMPARATORS_FILE,
        labour / "indicator_comparators.csv",
    )


def demo_labour(data: Path, out: Path, *, areas: dict[str, str]) -> LabourResult:
    """The labour-market measures of a demo data set, from its public-layout files, as
    ``careforce labour compute`` computes them."""
    (code, _), several = next(iter(areas.items())), len(areas) > 1
    return compute_labour(
        out=out,
        postings=data / "postings" / "postings.csv",
        nomis=sorted((data / "labour" / "nomis").glob("*.csv")),
        census=sorted((data / "labour" / "census").glob("*.csv")),
        enrolments=[data / ENROLMENTS_FILE],
        apprenticeships=[data / APPRENTICESHIPS_FILE],
        area_code=ENGLAND_AREA[0] if several else code,
        area_name=ENGLAND_AREA[1] if several else areas[code],
    )


def write_district_lookup(profile: str, path: Path, *, scale: float = 1.0) -> Path:
    """Write the postcode-district → council-district lookup of a demo profile."""
    rows = [
        {
            "area_code": area.code,
            "postcode_district": outward,
            "district_code": district.code,
            "district_name": district.name,
        }
        for area in build_profile(profile, scale=scale).areas
        for district in area.districts
        for outward in district.outward_codes
    ]
    write_csv(path, pl.DataFrame(rows))
    return path


def _registered_year(manifest: DemoDataManifest, register_date: str | None) -> dt.date | None:
    """The reference date a register's whole-sector estimates are for: the latest ASC-WDS year
    the CQC register describes (the register lists the locations as at the month after it), not
    a later year whose locations it cannot know."""
    dates = {
        dt.date.fromisoformat(f.reference_date)
        for f in manifest.files
        if f.dataset.startswith("ascwds-") and f.reference_date
    }
    if register_date is None:
        return None
    registered = [d for d in dates if d < dt.date.fromisoformat(register_date)]
    return max(registered, default=None)


@dataclass(frozen=True)
class DemoEstimates:
    """The whole-sector estimates of a demo: every area's, for every year it has a register."""

    by_area_year: dict[tuple[str, str], EstimatesResult]
    """(ONS code, ASC-WDS year) -> the estimates run of that area and year."""
    folders: dict[tuple[str, str], Path]
    """(ONS code, ASC-WDS year) -> the folder the run wrote."""

    def years(self) -> list[str]:
        """The years estimated, oldest first."""
        return sorted({year for _, year in self.by_area_year})

    def latest(self) -> dict[str, EstimatesResult]:
        """Every area's estimates of the latest year estimated."""
        year = self.years()[-1] if self.by_area_year else ""
        return {code: r for (code, y), r in self.by_area_year.items() if y == year}

    def of_year(self, year: str) -> dict[str, EstimatesResult]:
        """Every area's estimates of one year."""
        return {code: r for (code, y), r in self.by_area_year.items() if y == year}


def demo_estimates(
    data: Path, manifest: DemoDataManifest, ingested: list[Path], out: Path
) -> DemoEstimates:
    """The whole-sector estimates of every area of a demo data set, for every year it has a CQC
    register: each register with the returns (its own year's returned, the nearest other
    years' carried within the method's window), under ``out/<year>`` (one area) or
    ``out/<ONS code>/<year>`` (several), with every published row gathered in
    ``out/estimates.csv`` for ``indicators compute --estimates``."""
    registers = {
        (f.area_code, f.year): (data / f.path, f.reference_date)
        for f in manifest.files
        if f.dataset == "cqc-register" and f.area_code is not None and f.year is not None
    }
    several = len({code for code, _ in registers}) > 1
    results: dict[tuple[str, str], EstimatesResult] = {}
    folders: dict[tuple[str, str], Path] = {}
    for (code, year), (register, dated) in sorted(registers.items()):
        own = [d for d in ingested if d.name == code] if several else ingested
        target = out / code / year if several else out / year
        results[(code, year)] = compute_estimates(
            register, own, out=target, area=code, reference_date=_registered_year(manifest, dated)
        )
        folders[(code, year)] = target
    if results:
        write_csv(out / ESTIMATES_FILE, pl.concat([r.table for r in results.values()]))
    return DemoEstimates(results, folders)


def run_demo(
    out: Path,
    *,
    profile: str = "staffordshire",
    seed: int = DEFAULT_SEED,
    scale: float = 1.0,
    progress: Progress | None = None,
    as_of: dt.date | None = None,
) -> DemoRun:
    """Generate the demo data under ``out/data``, ingest every file set, compute the measures
    and (for a profile of one area) evaluate the outcomes framework and write the annual
    progress report under ``out/outcomes``, with the demo's action plan and its flags at
    ``as_of`` (the demo's own today, :data:`DEMO_TODAY`, by default)."""

    def say(step: str) -> None:
        if progress is not None:
            progress(step)

    data = out / "data"
    say(f"Generating the {profile} demo data")
    manifest = generate_demo_data(profile, data, seed=seed, scale=scale)
    names = {area.code: area.name for area in build_profile(profile, scale=scale).areas}
    file_sets: dict[tuple[str, str], tuple[str, list[Path]]] = {}
    for file in manifest.files:
        if (
            file.dataset.startswith("ascwds-")
            and file.area_code
            and file.year
            and file.reference_date
        ):
            key = (file.area_code, file.year)
            file_sets.setdefault(key, (file.reference_date, []))[1].append(data / file.path)
    ingested: dict[tuple[str, str], IngestResult] = {}
    directories = []
    several = len(names) > 1
    for (area_code, year), (reference_date, paths) in sorted(file_sets.items()):
        say(f"Ingesting ASC-WDS {year} for {names[area_code]}")
        target = out / "ingested" / year / area_code if several else out / "ingested" / year
        ingested[(area_code, year)] = ingest_ascwds(
            paths,
            reference_date=dt.date.fromisoformat(reference_date),
            out=target,
            secret=DEMO_SECRET,
            area=Area(code=area_code, name=names[area_code]),
        )
        directories.append(target)
    say("Computing the labour-market measures")
    labour = demo_labour(data, out / "labour", areas=names)
    say("Estimating the whole sector from each year's CQC register")
    estimated = demo_estimates(data, manifest, directories, out / "estimates")
    say("Computing the measures")
    districts = write_district_lookup(
        profile, data / "geography" / "postcode_districts.csv", scale=scale
    )
    indicators_dir = out / "indicators"
    indicators = compute_indicators(
        directories,
        out=indicators_dir,
        comparators=demo_comparators(out / "labour"),
        districts=districts,
        hr=data / "hr" / "children_staff.csv",
        provider_returns=data / "provider_returns" / "children_providers.csv",
        secret=DEMO_SECRET,
        estimates=out / "estimates",
        # The children's files describe 31 March 2022, not the latest ASC-WDS year.
        children_date=dt.date.fromisoformat(CHILDREN_EXTRACT_DATE),
    )
    outcomes = projections = None
    survey: list[Path] = []
    if len(names) == 1:
        say("Analysing the workforce survey rounds")
        survey = write_demo_survey(out, seed=seed, area=next(iter(names.items())))
        say("Evaluating the outcomes framework and writing the progress report")
        outcomes = write_progress_report(
            indicators=indicators_dir / "indicators.csv",
            out=out / "outcomes",
            plan=data / ACTION_PLAN_FILE,
            as_of=as_of or DEMO_TODAY,
            survey=survey,
            labour=out / "labour",
            notice=DEMO_NOTICE,
            # Report on the workforce data's latest year, with the survey rounds in the
            # scorecard beside it.
            period=max(str(p) for p in indicators.table.get_column(PERIOD).unique()),
        )
        say("Deriving the demo's projection and its supply against need")
        projections = write_demo_projections(
            indicators=indicators_dir,
            population=data / "population" / "population.csv",
            enrolments=data / ENROLMENTS_FILE,
            out=out / "projections",
            area_code=area_code,
        )
    appendix = None
    if len(names) == 1:
        say("Projecting demand and publishing the data appendix")
        # The strategy's appendix describes the strategy's own year (2021/22), the year the
        # demo is calibrated to and compared with the seed, not the latest year estimated.
        appendix = demo_appendix(
            out,
            period=APPENDIX_PERIOD,
            measures=[indicators_dir, out / "estimates", out / "labour", *survey],
            area_code=next(iter(names)),
            population=data / "population" / "population.csv",
        )
    return DemoRun(
        data,
        ingested,
        directories,
        indicators,
        indicators_dir,
        outcomes,
        tuple(survey),
        labour,
        projections,
        appendix,
        estimated,
    )
