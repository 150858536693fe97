"""Use case: generate a profile's demo data set and write it, with a manifest, to a folder.

Layout of the folder (see ``docs/demo-data.md``)::

    ascwds/<year>/{workplace,staff,training}.csv            one council (staffordshire)
    ascwds/<year>/<ONS code>/{workplace,staff,training}.csv several councils (england)
    hr/children_staff.csv
    provider_returns/children_providers.csv
    population/population.csv
    population/census_2021_working_age.csv
    postings/postings.csv                                   canonical postings columns
    enrolments/{further-education-aim-enrolments,apprenticeship-starts}.csv  DfE EES layout
    labour/nomis/*.csv                                      Nomis API CSV downloads
    labour/census/census2021-<table>-utla.csv               Census 2021 bulk CSVs
    cqc/[<ONS code>/]01_April_<year>_HSCA_Active_Locations.ods  CQC register of each year
    truth/synthetic-truth-workplaces.csv                    synthetic truth (tests only)
    outcomes/action-plan.yaml                               the action plan with its progress
    manifest.json

The manifest says the data are synthetic (``"synthetic": true``) and gives the demo's own
"today" (``"today"``), the date the action plan's flags are judged at.

The same profile, scale and seed give byte-identical files. Councils are generated in parallel
processes when there are several; each council's output depends only on the seed and the
council, never on the order the processes finish in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from careforce import __version__
from careforce.core.vocab.cqc_register import REGISTER_LAYOUT
from careforce.core.vocab.demo import DEMO_NOTICE, DEMO_TODAY
from careforce.io.cqc_register_files import write_register_ods
from careforce.io.outcomes_files import format_action_plan_yaml
from careforce.io.text_files import write_text_file
from careforce.services.outcomes import load_action_plan
from careforce.synthetic.action_story import demo_action_plan
from careforce.synthetic.ascwds_returns import (
    FILE_KINDS,
    area_response,
    area_truth,
    area_years,
    render_returns,
    simulate_area,
)
from careforce.synthetic.census_tables import CENSUS_TABLES
from careforce.synthetic.cqc_register import register_entries, register_row
from careforce.synthetic.csv_text import concatenate_tables
from careforce.synthetic.enrolments import generate_apprenticeship_starts, generate_enrolments
from careforce.synthetic.geography import REGIONS
from careforce.synthetic.hr_extract import generate_hr_extract
from careforce.synthetic.labour_market import (
    generate_ashe,
    generate_bres,
    generate_business_counts,
    generate_claimant_count,
)
from careforce.synthetic.population import (
    generate_census_comparators,
    generate_population,
)
from careforce.synthetic.postings import generate_postings
from careforce.synthetic.profiles import (
    PROFILE_NAMES,
    AreaProfile,
    UnknownProfileError,
    build_profile,
)
from careforce.synthetic.provider_returns import generate_provider_returns
from careforce.synthetic.published import REFERENCE_YEARS, ReferenceYear
from careforce.synthetic.sampling import make_rng
from careforce.synthetic.workers import Staffing

__all__ = [
    "PROFILE_NAMES",
    "DemoDataManifest",
    "DemoFile",
    "UnknownProfileError",
    "generate_demo_data",
]

Progress = Callable[[str, int, int], None]
"""Called with (what is being done, steps done, steps in all)."""

MANIFEST_NAME: Final = "manifest.json"
"""Name of the manifest written beside the data."""

DEFAULT_SEED: Final = 2022
"""Seed used when none is given."""


@dataclass(frozen=True)
class DemoFile:
    """One generated file.

    Attributes:
        path: Path relative to the output folder, with forward slashes.
        dataset: What it holds: ``ascwds-workplace``, ``ascwds-staff``, ``ascwds-training``,
            ``hr-extract``, ``provider-returns``, ``population``, ``census-comparators``,
            ``postings``, ``enrolments``, ``apprenticeships``, ``nomis`` or ``census``.
        area_code: ONS code of the council, for per-council files.
        year: ASC-WDS reference year (e.g. ``2021-22``), for ASC-WDS files and the CQC
            register of that year.
        reference_date: The date the file describes, where it has one (YYYY-MM-DD).
        rows: Data rows (not counting the header).
        bytes: Size in bytes.
        sha256: Hex SHA-256 of the content.
    """

    path: str
    dataset: str
    area_code: str | None
    year: str | None
    reference_date: str | None
    rows: int
    bytes: int
    sha256: str


@dataclass(frozen=True)
class DemoDataManifest:
    """What a demo data run wrote.

    Attributes:
        profile: Profile name.
        seed: Seed used.
        scale: Scale the profile was generated at.
        areas: ONS codes of the councils generated.
        files: Every file written (except the manifest), in a fixed order.
    """

    profile: str
    seed: int
    scale: float
    areas: tuple[str, ...]
    files: tuple[DemoFile, ...]

    def total_bytes(self) -> int:
        """Bytes written in all files."""
        return sum(f.bytes for f in self.files)

    def to_json(self) -> str:
        """The manifest as indented JSON (no timestamps, so equal runs give equal manifests)."""
        payload: dict[str, Any] = {
            "careforce_version": __version__,
            "profile": self.profile,
            "seed": self.seed,
            "scale": self.scale,
            "synthetic": True,
            "notice": DEMO_NOTICE,
            "today": DEMO_TODAY.isoformat(),
            "reference_dates": {
                y.label: y.reference_date.isoformat()
                for y in REFERENCE_YEARS
                if any(f.year == y.label for f in self.files)
            },
            "areas": list(self.areas),
            "files": [asdict(f) for f in self.files],
        }
        return json.dumps(payload, indent=2) + "\n"


@dataclass(frozen=True)
class _AreaTask:
    """One council to generate (plain values, so it can be sent to another process)."""

    profile: str
    scale: float
    position: int
    seed: int
    out: Path
    per_area_folders: bool
    size: int
    every_location_returns: bool = False


@lru_cache(maxsize=4)
def _profile(name: str, scale: float) -> tuple[AreaProfile, ...]:
    return build_profile(name, scale=scale).areas


@dataclass(frozen=True)
class _AreaResult:
    files: list[DemoFile]
    hr_extract: str
    provider_returns: str
    postings: str
    truth: str


def _rows(text: str) -> int:
    return max(0, text.count("\n") - 1)


def _write(
    out: Path,
    relative: str,
    text: str,
    *,
    dataset: str,
    area_code: str | None = None,
    year: str | None = None,
    reference_date: str | None = None,
) -> DemoFile:
    written = write_text_file(out / relative, text)
    return DemoFile(
        path=relative,
        dataset=dataset,
        area_code=area_code,
        year=year,
        reference_date=reference_date,
        rows=_rows(text),
        bytes=written.bytes,
        sha256=written.sha256,
    )


TRUTH_FILE: Final = "truth/synthetic-truth-workplaces.csv"
"""The demo's synthetic truth: every workplace's true filled posts, returned or not (see
``careforce.synthetic.response``). Only a synthetic data set has one; careforce never reads it."""

REGISTER_NAME = "01_April_2022_HSCA_Active_Locations.ods"
"""The demo's CQC register of 2021/22, the strategy's year (see :func:`register_name`)."""


def register_name(as_at: dt.date) -> str:
    """A CQC register's file name as CQC names the month's file, e.g.
    ``01_April_2024_HSCA_Active_Locations.ods`` for the register as at 1 April 2024."""
    return f"{as_at:%d_%B_%Y}_HSCA_Active_Locations.ods"


def _write_register(
    task: _AreaTask, area: AreaProfile, staffing: Staffing, year: ReferenceYear
) -> DemoFile:
    """Write the area's CQC register ("Care directory with filters") of one ASC-WDS year, as
    at 1 April after its reference date (the month after it, as a council downloads it): every
    CQC-regulated workplace of the area active in that year, in the published layout. Every
    synthetic workplace is active in every year (none opens or closes), so each year's register
    lists the same locations with the same ratings."""
    entries = register_entries(
        staffing.workplaces,
        council=area.name,
        region=REGIONS[area.region],
        rng=make_rng(task.seed, "register", area.code),
    )
    as_at = year.reference_date + dt.timedelta(days=1)
    name = register_name(as_at)
    relative = f"cqc/{area.code}/{name}" if task.per_area_folders else f"cqc/{name}"
    path = task.out / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    write_register_ods(
        path, REGISTER_LAYOUT, (register_row(e) for e in entries), as_at=f"{as_at:%d %B %Y}"
    )
    data = path.read_bytes()
    return DemoFile(
        path=relative,
        dataset="cqc-register",
        area_code=area.code,
        year=year.label,
        reference_date=as_at.isoformat(),
        rows=len(entries),
        bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _generate_area(task: _AreaTask) -> _AreaResult:
    """Generate and write one council's ASC-WDS files; return its other tables as text."""
    area = _profile(task.profile, task.scale)[task.position]
    dates = {y.label: y.reference_date.isoformat() for y in REFERENCE_YEARS}
    staffing = simulate_area(area, seed=task.seed)
    response = area_response(staffing, area_code=area.code, seed=task.seed)
    files = [
        _write_register(task, area, staffing, year)
        for year in REFERENCE_YEARS
        if year.label in area_years(staffing)
    ]
    for annual in render_returns(
        staffing,
        area_code=area.code,
        seed=task.seed,
        response=None if task.every_location_returns else response,
    ):
        folder = (
            f"ascwds/{annual.year}/{area.code}"
            if task.per_area_folders
            else (f"ascwds/{annual.year}")
        )
        for kind in FILE_KINDS:
            files.append(
                _write(
                    task.out,
                    f"{folder}/{kind}.csv",
                    annual.files[kind],
                    dataset=f"ascwds-{kind}",
                    area_code=area.code,
                    year=annual.year,
                    reference_date=dates[annual.year],
                )
            )
    return _AreaResult(
        files=files,
        hr_extract=generate_hr_extract(area, seed=task.seed),
        provider_returns=generate_provider_returns(area, seed=task.seed),
        postings=generate_postings(area, seed=task.seed),
        truth=area_truth(staffing, response, area_code=area.code),
    )


def _run_areas(tasks: list[_AreaTask], workers: int) -> Iterator[_AreaResult]:
    """Results in task order, computed in ``workers`` processes when more than one."""
    if workers <= 1 or len(tasks) <= 1:
        yield from map(_generate_area, tasks)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # Largest councils first keeps both processes busy to the end; results are put back in
        # task order so the output does not depend on scheduling.
        order = sorted(range(len(tasks)), key=lambda i: -tasks[i].size)
        futures = {i: pool.submit(_generate_area, tasks[i]) for i in order}
        for i in range(len(tasks)):
            yield futures[i].result()


ENROLMENTS_FILE: Final = "enrolments/further-education-aim-enrolments.csv"
"""Learning aim enrolments by sector subject area, in the DfE Explore Education Statistics layout."""
APPRENTICESHIPS_FILE: Final = "enrolments/apprenticeship-starts.csv"
"""Apprenticeship starts by sector subject area, in the DfE Explore Education Statistics layout."""
NOMIS_FILES: Final = {
    "labour/nomis/claimant-count-NM_162_1.csv": generate_claimant_count,
    "labour/nomis/bres-NM_189_1.csv": generate_bres,
    "labour/nomis/business-counts-NM_141_1.csv": generate_business_counts,
    "labour/nomis/ashe-workplace-NM_99_1.csv": generate_ashe,
}
"""Nomis API CSV downloads of the demo and their generators."""
CENSUS_FOLDER: Final = "labour/census"
"""Folder of the Census 2021 bulk CSVs (``census2021-<table>-utla.csv``)."""


def _labour_market_files(out: Path, areas: tuple[AreaProfile, ...]) -> list[DemoFile]:
    """The Nomis downloads and Census 2021 tables of the demo's areas."""
    files = [
        _write(out, relative, generate(areas), dataset="nomis")
        for relative, generate in NOMIS_FILES.items()
    ]
    files.extend(
        _write(
            out,
            f"{CENSUS_FOLDER}/census2021-{table}-utla.csv",
            generate(areas),
            dataset="census",
            reference_date="2021-03-21",
        )
        for table, generate in CENSUS_TABLES.items()
    )
    return files


CHILDREN_EXTRACT_DATE: Final = "2022-03-31"
"""Date the council's HR extract and the children's provider returns describe."""

ACTION_PLAN_FILE: Final = "outcomes/action-plan.yaml"
"""The demo's action plan: the shipped plan with the demo's partners, milestones and updates."""


def _action_plan_file(out: Path) -> DemoFile:
    plan = demo_action_plan(load_action_plan().plan)
    header = f"{DEMO_NOTICE}\nThe strategy's action plan with invented progress up to {DEMO_TODAY}."
    return _write(
        out,
        ACTION_PLAN_FILE,
        format_action_plan_yaml(plan, header=header),
        dataset="action-plan",
        reference_date=DEMO_TODAY.isoformat(),
    )


def generate_demo_data(
    profile: str,
    out: Path,
    *,
    seed: int = DEFAULT_SEED,
    progress: Progress | None = None,
    scale: float = 1.0,
    workers: int | None = None,
    every_location_returns: bool = False,
) -> DemoDataManifest:
    """Generate a profile's demo data and write it, with ``manifest.json``, under ``out``.

    Args:
        profile: ``staffordshire`` or ``england``.
        out: Output folder (created if needed; files already there are overwritten).
        seed: Seed; the same seed gives byte-identical files.
        progress: Called as work advances, with (step, done, total).
        scale: Multiplier on the number of workplaces, workers and staff (for quick tests).
        workers: Processes to generate councils in (default: one per CPU, for several councils).
        every_location_returns: Write every workplace's ASC-WDS files, not only those of the
            workplaces that return (``careforce.synthetic.response``); the synthetic truth still
            says which would have.

    Returns:
        The manifest of what was written.

    Raises:
        UnknownProfileError: If the profile is not one of :data:`PROFILE_NAMES`.
    """
    chosen = build_profile(profile, scale=scale)
    areas = chosen.areas
    several = len(areas) > 1
    total = len(areas) + 5
    done = 0

    def step(what: str) -> None:
        nonlocal done
        if progress is not None:
            progress(what, done, total)
        done += 1

    step("Generating councils")
    tasks = [
        _AreaTask(
            chosen.name,
            scale,
            i,
            seed,
            out,
            several,
            area.workforce.filled_posts,
            every_location_returns,
        )
        for i, area in enumerate(areas)
    ]
    processes = workers if workers is not None else (os.cpu_count() or 1) if several else 1
    files: list[DemoFile] = []
    hr, providers, postings, truth = [], [], [], []
    for area, result in zip(areas, _run_areas(tasks, processes), strict=True):
        files.extend(result.files)
        hr.append(result.hr_extract)
        providers.append(result.provider_returns)
        postings.append(result.postings)
        truth.append(result.truth)
        step(f"Generated {area.name}")
    files.append(
        _write(
            out,
            TRUTH_FILE,
            concatenate_tables(truth),
            dataset="synthetic-truth",
            # The latest year written (the national profile stops at 2021/22).
            reference_date=max(
                f.reference_date or "" for f in files if f.dataset == "ascwds-staff"
            ),
        )
    )
    extract_date = CHILDREN_EXTRACT_DATE
    files.append(
        _write(
            out,
            "hr/children_staff.csv",
            concatenate_tables(hr),
            dataset="hr-extract",
            reference_date=extract_date,
        )
    )
    files.append(
        _write(
            out,
            "provider_returns/children_providers.csv",
            concatenate_tables(providers),
            dataset="provider-returns",
            reference_date=extract_date,
        )
    )
    step("Population")
    files.append(
        _write(out, "population/population.csv", generate_population(areas), dataset="population")
    )
    files.append(
        _write(
            out,
            "population/census_2021_working_age.csv",
            generate_census_comparators(areas),
            dataset="census-comparators",
            reference_date="2021-03-21",
        )
    )
    step("Job postings")
    files.append(
        _write(out, "postings/postings.csv", concatenate_tables(postings), dataset="postings")
    )
    step("Education supply")
    files.append(_write(out, ENROLMENTS_FILE, generate_enrolments(areas), dataset="enrolments"))
    files.append(
        _write(
            out,
            APPRENTICESHIPS_FILE,
            generate_apprenticeship_starts(areas),
            dataset="apprenticeships",
        )
    )
    files.extend(_labour_market_files(out, areas))
    files.append(_action_plan_file(out))
    manifest = DemoDataManifest(
        profile=chosen.name,
        seed=seed,
        scale=scale,
        areas=tuple(area.code for area in areas),
        files=tuple(files),
    )
    write_text_file(out / MANIFEST_NAME, manifest.to_json())
    if progress is not None:
        progress("Done", total, total)
    return manifest
