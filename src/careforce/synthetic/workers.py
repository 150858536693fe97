"""Synthetic ASC-WDS staff records: the worker, the snapshots they are in post at, the counts.

A worker is one filled post and the person in it; per-year values are indexed by snapshot (the
base snapshot on 31 March 2020, not written out, then 2020/21 to 2023/24).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Final

from careforce.core.vocab.groups import JOB_ROLE_GROUP, RoleGroup
from careforce.synthetic.published import REFERENCE_YEARS
from careforce.synthetic.workplaces import Workplace

BASE_DATE: Final = dt.date(2020, 3, 31)
"""Date of the base snapshot the simulation starts from (one year before 2020/21's)."""

SNAPSHOT_DATES: Final = (BASE_DATE, *(year.reference_date for year in REFERENCE_YEARS))
"""Dates of the base snapshot and the written snapshots."""

SNAPSHOT_LABELS: Final = ("base", *(year.label for year in REFERENCE_YEARS))
"""Labels of the snapshots, as used to look up published figures."""

NEVER: Final = 99
"""Snapshot index meaning "has not left"."""

FULL_TIME_HOURS: Final = 30.0
"""Weekly hours from which a worker counts as full-time (hours at or above this)."""

WEEKS_PER_YEAR: Final = 365 / 7
"""Weeks in a year, to turn an annual salary into an hourly equivalent."""

STANDARD_WEEKLY_HOURS: Final = 37.5
"""Weekly hours assumed for a salaried worker whose contracted hours are not known."""


@dataclass(slots=True)
class Worker:
    """One filled post and the person in it.

    Per-year values are lists indexed by snapshot (0 base, 1 = 2020/21, 2 = 2021/22, ...).
    """

    serial: int
    workplace: Workplace
    role: int
    first: int
    left: int = NEVER
    worker_id: str = ""
    ni: str = ""
    display: str = ""
    home_postcode: str = ""
    dob: dt.date = BASE_DATE
    gender: str = ""
    ethnicity: str = ""
    nationality: str = ""
    citizenship: str = ""
    country: str = ""
    year_of_entry: str = ""
    visa: str = ""
    recruited_abroad: str = ""
    disabled: str = ""
    recruitment_source: str = ""
    apprentice: str = ""
    start_date: dt.date = BASE_DATE
    start_date_known: bool = True
    in_sector: int = 0
    contract: int = 1
    zero_hours: str = "2"
    full_time: bool = True
    hours: float = 37.5
    hours_known: bool = True
    qualification: str = "none"
    scqual: str = ""
    nonscqual: str = ""
    quals: list[tuple[int, int]] = field(default_factory=list)
    care_certificate: str = ""
    nmc_register: str = ""
    amhp: str = ""
    role_description: str = ""
    salary_interval: str = "?"
    pay: list[float] = field(default_factory=lambda: [0.0] * len(SNAPSHOT_DATES))
    sick: list[str] = field(default_factory=lambda: [""] * len(SNAPSHOT_DATES))
    nationality_group: str = ""
    ethnicity_group: str = ""
    age_band: str = ""
    cached_prefix: str = ""

    @property
    def role_group(self) -> RoleGroup:
        """Skills for Care role group of the post's job role."""
        return JOB_ROLE_GROUP[self.role]

    @property
    def employed(self) -> bool:
        """True for permanent and temporary staff (EMPLSTATUS 1 or 2)."""
        return self.contract in (1, 2)

    def present(self, snapshot: int) -> bool:
        """True when the post is filled by this worker at the snapshot."""
        return self.first <= snapshot < self.left


@dataclass
class YearCounts:
    """Starters, leavers and vacancies of one snapshot, by workplace index and job role."""

    starters: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    leavers: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    vacancies: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class Staffing:
    """An area's workplaces, every worker who was in post at some snapshot, and the counts."""

    workplaces: list[Workplace]
    workers: list[Worker]
    counts: dict[int, YearCounts]

    def present(self, snapshot: int) -> list[Worker]:
        """Workers in post at the snapshot, in workplace then serial order."""
        return [w for w in self.workers if w.present(snapshot)]


def hourly_equivalent(worker: Worker, snapshot: int) -> float:
    """Hourly pay, or an annual salary over the contracted (or standard) hours of a year."""
    if worker.salary_interval == "3":
        return worker.pay[snapshot]
    hours = worker.hours if worker.employed and worker.zero_hours == "2" else STANDARD_WEEKLY_HOURS
    return worker.pay[snapshot] / (WEEKS_PER_YEAR * (hours or STANDARD_WEEKLY_HOURS))
