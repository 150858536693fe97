"""Synthetic ASC-WDS staff: who works where, and how that changes over two years.

The simulation starts from a base snapshot on 31 March 2020 (not written out) and moves it on to
31 March 2021 and 31 March 2022. Each year some staff leave, and each workplace recruits starters
to reach its planned size, so the same person keeps the same UNIQUEWORKERID and NI number while
they stay, leavers disappear and starters appear with a STARTDATE inside the year. The
workplace's STARTERS and LEAVERS are counted from these records (plus people who joined and left
within the same year, who appear in both counts but in no snapshot).

Calibration is exact where it can be: leavers are drawn to an exact number (turnover), starters'
characteristics are chosen to make up what the stayers lack (:func:`fill_to_shares`), and sickness,
pay and years in the sector are shifted to their published means.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, TypeVar

from careforce.core.vocab.groups import JOB_ROLE_GROUP, RoleGroup, ServiceGroup
from careforce.core.vocab.staff_codes import REGISTERED_MANAGER, REGISTERED_NURSE, SOCIAL_WORKER
from careforce.synthetic import identities as ids
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import (
    AVERAGE_AGE,
    CARE_WORKER,
    NATIONAL_LIVING_WAGE,
    REFERENCE_YEARS,
)
from careforce.synthetic.sampling import (
    Pick,
    allocate,
    choose,
    exact_counts,
    fill_to_shares,
    integer,
    nudge_to_total,
    random_date,
    shuffle,
    weighted_sample,
    whole_years,
    years_before,
)
from careforce.synthetic.workplaces import Workplace, postcode

K = TypeVar("K", bound=Hashable)

BASE_DATE: Final = dt.date(2020, 3, 31)
"""Date of the base snapshot the simulation starts from (one year before 2020/21's)."""

SNAPSHOT_DATES: Final = (BASE_DATE, *(year.reference_date for year in REFERENCE_YEARS))
"""Dates of the base snapshot and the two written snapshots."""

SNAPSHOT_LABELS: Final = ("base", *(year.label for year in REFERENCE_YEARS))
"""Labels of the snapshots, as used to look up published figures."""

NEVER: Final = 99
"""Snapshot index meaning "has not left"."""

IN_AND_OUT_SHARE: Final = 0.15
"""Planned share of a year's leavers who also joined that year (in the counts, in no snapshot);
the final number is whatever makes turnover exactly the published rate, about this share."""

REGISTERED_MANAGER_TURNOVER: Final = 0.18
"""Registered managers leaving each year (assumption, below the all-roles rate)."""

NON_EMPLOYED_LEAVING: Final = 0.25
"""Share of bank, agency and other staff who stop working at a workplace each year (they are
outside the published turnover, which counts permanent and temporary staff only)."""

FULL_TIME_HOURS: Final = 30.0
"""Weekly hours from which a worker counts as full-time (hours at or above this)."""

WEEKS_PER_YEAR: Final = 365 / 7
"""Weeks in a year, to turn an annual salary into an hourly equivalent."""

STANDARD_WEEKLY_HOURS: Final = 37.5
"""Weekly hours assumed for a salaried worker whose contracted hours are not known."""

ROLE_MIX: Final[Mapping[str, Mapping[int, float]]] = MappingProxyType(
    {
        "care home": {
            8: 0.58,
            7: 0.12,
            43: 0.02,
            45: 0.02,
            34: 0.025,
            25: 0.03,
            26: 0.17,
            23: 0.005,
            27: 0.005,
            52: 0.02,
            5: 0.01,
        },
        "nursing home": {
            16: 0.13,
            37: 0.01,
            8: 0.5,
            7: 0.1,
            43: 0.015,
            34: 0.02,
            25: 0.025,
            26: 0.17,
            27: 0.005,
            38: 0.02,
            45: 0.005,
        },
        "home care": {
            8: 0.8,
            7: 0.06,
            40: 0.03,
            5: 0.03,
            25: 0.04,
            3: 0.01,
            43: 0.01,
            27: 0.01,
            45: 0.01,
        },
        "supported living": {52: 0.72, 7: 0.06, 45: 0.06, 8: 0.1, 25: 0.02, 43: 0.02, 9: 0.02},
        "day service": {
            8: 0.35,
            52: 0.25,
            34: 0.12,
            26: 0.1,
            25: 0.06,
            3: 0.04,
            23: 0.03,
            27: 0.05,
        },
        "community": {9: 0.55, 52: 0.25, 25: 0.06, 3: 0.04, 11: 0.05, 5: 0.05},
        "social work": {6: 0.45, 15: 0.1, 39: 0.15, 35: 0.05, 2: 0.06, 25: 0.15, 36: 0.04},
    }
)
"""Job roles of the staff (other than the registered manager) by kind of service (assumption
from national patterns: care workers dominate, nurses only in nursing homes)."""

SERVICE_KIND: Final[Mapping[int, str]] = MappingProxyType(
    {
        1: "nursing home",
        2: "care home",
        5: "care home",
        14: "care home",
        70: "care home",
        8: "home care",
        12: "home care",
        17: "home care",
        54: "home care",
        73: "home care",
        55: "supported living",
        6: "day service",
        7: "day service",
        13: "day service",
        15: "community",
        61: "community",
        62: "community",
        16: "social work",
    }
)
"""Kind of service of each main service a workplace can have."""

HOURLY_RATE: Final[Mapping[int, float]] = MappingProxyType(
    {
        8: 9.46,
        7: 10.3,
        52: 9.6,
        9: 9.75,
        34: 9.45,
        26: 9.2,
        25: 10.45,
        45: 10.95,
        5: 10.75,
        40: 10.65,
        23: 9.45,
        27: 9.35,
        37: 12.3,
        38: 9.85,
        11: 10.3,
        36: 10.6,
    }
)
"""Typical hourly pay of hourly-paid roles, independent sector, March 2022 (assumption around
the published care worker average; shifted to the published means during calibration)."""

ANNUAL_SALARY: Final[Mapping[int, int]] = MappingProxyType(
    {
        4: 35_500,
        43: 27_800,
        3: 27_000,
        2: 38_500,
        1: 56_000,
        16: 35_800,
        6: 36_500,
        15: 35_500,
        39: 27_500,
        35: 32_500,
        24: 32_000,
        44: 30_000,
        17: 33_000,
    }
)
"""Typical full-time annual salary of salaried roles (managers, nurses, social workers and
other professionals), independent sector, March 2022 (assumption)."""

LOCAL_AUTHORITY_PAY: Final = (1.36, 1.08)
"""Council pay relative to independent pay, hourly and annual (the published care worker
averages are £12.91 and £9.46)."""

EARLIER_YEAR_PAY: Final = 0.955
"""Pay at March 2021 relative to March 2022 before calibration (published all-roles £9.75 and
£10.25)."""

CONTRACT_SPLIT: Final = (0.2, 0.8)
"""How the published "temporary, pool or bank" share splits between temporary (EMPLSTATUS 2)
and pool/bank (3); what is left after permanent goes to agency (4) and other (7) equally."""

QUALIFICATION_SHARES: Final[Mapping[RoleGroup, Mapping[str, float]]] = MappingProxyType(
    {
        RoleGroup.DIRECT_CARE: {"L1": 0.01, "L2": 0.28, "L3": 0.18, "L4": 0.02, "none": 0.51},
        RoleGroup.MANAGERIAL: {"L1": 0.01, "L2": 0.11, "L3": 0.25, "L4": 0.36, "none": 0.27},
        RoleGroup.REGULATED_PROFESSION: {"L1": 0.0, "L2": 0.0, "L3": 0.05, "L4": 0.8, "none": 0.15},
        RoleGroup.OTHER: {"L1": 0.02, "L2": 0.18, "L3": 0.08, "L4": 0.02, "none": 0.7},
    }
)
"""Highest relevant social care qualification by role group: direct care and managerial are the
published 2021/22 shares; regulated professions and other roles are assumed so that the overall
share matches the published 50%."""

CARE_CERTIFICATE_SHARE: Final[Mapping[RoleGroup, float]] = MappingProxyType(
    {
        RoleGroup.DIRECT_CARE: 0.60,
        RoleGroup.MANAGERIAL: 0.45,
        RoleGroup.REGULATED_PROFESSION: 0.20,
        RoleGroup.OTHER: 0.35,
    }
)
"""Share with the Care Certificate completed or in progress: direct care 60% and managerial 45%
published; the others assumed so that the overall share matches the published 54%."""

CARE_CERTIFICATE_COMPLETED: Final = 0.75
"""Of those with the Care Certificate, the share who have completed it (rest in progress)."""

RECRUITMENT_SOURCES: Final[Mapping[str, float]] = MappingProxyType(
    {"5": 0.10, "7": 0.06, "8": 0.08, "10": 0.14, "12": 0.06, "15": 0.16, "17": 0.05, "18": 0.35}
)
"""Where starters not recruited from adult social care came from (relative weights)."""

ADULT_SOCIAL_CARE_SOURCES: Final[Mapping[str, float]] = MappingProxyType({"1": 0.15, "2": 0.85})
"""Starters recruited from adult social care: council (1) or independent (2) employers."""

QUALIFICATION_CODES: Final[Mapping[str, tuple[int, ...]]] = MappingProxyType(
    {
        "L1": (76, 34),
        "L2": (53, 1, 302, 110),
        "L3": (54, 109, 304, 2),
        "L4": (132, 307, 10),
        "nurse": (28, 153),
        "social worker": (16, 17),
    }
)
"""QUALACH codes recorded for a highest qualification at each level."""

MAINJRDESC_OPTIONS: Final[Mapping[int, tuple[str, ...]]] = MappingProxyType(
    {
        23: ("Wellbeing assistant", "Care assistant (nights)", "Companion"),
        27: ("Driver", "Maintenance", "Housekeeper", "Gardener", "Hairdresser"),
    }
)
"""Descriptions given for the two "other" job roles, which need one."""

_DISABLED: Final = Pick(("0", "1", "2", "3", ""), (0.8, 0.03, 0.04, 0.05, 0.08))
_APPRENTICE: Final = Pick(("2", "1", "999", ""), (0.85, 0.03, 0.04, 0.08))
_NON_SOCIAL_CARE: Final = Pick(
    ("2", "1;2", "1;3", "1;4", "1;6", "999", ""), (0.4, 0.15, 0.12, 0.03, 0.05, 0.1, 0.15)
)
_NMC: Final = Pick(("1", "2", "3", ""), (0.8, 0.13, 0.06, 0.01))
_AMHP: Final = Pick(("2", "1", "999"), (0.8, 0.1, 0.1))
_GENDER_ANSWERED: Final = Pick(("", "3", "4", "?"), (0.004, 0.003, 0.001, 0.992))
_CITIZENSHIP: Final = Pick(("1", "2", "999", ""), (0.15, 0.7, 0.1, 0.05))
_VISA: Final = Pick(("2", "999", ""), (0.7, 0.1, 0.2))
_ABROAD: Final = Pick(("1", "2"), (0.6, 0.4))
_SOURCE_ANSWERED: Final = Pick(("16", "", "?"), (0.05, 0.05, 0.9))
_PAY_ANSWERED: Final = Pick(("known", "999", ""), (0.94, 0.04, 0.02))
_SICK_ANSWERED: Final = Pick(("999", "", "?"), (0.06, 0.03, 0.91))
_BRITISH_WHITE: Final = Pick.of(ids.BRITISH_WHITE_ETHNICITIES)
_BRITISH_OTHER: Final = Pick.of(ids.BRITISH_OTHER_ETHNICITIES)
_EU: Final = Pick.of(ids.EU_NATIONALITIES)
_NON_EU: Final = Pick.of(ids.NON_EU_NATIONALITIES)
_INITIAL: Final = Pick("ABCDEFGHIJKLMNOPRSTVWY")
_SURNAME: Final = Pick(ids.SURNAMES)
_CONTRACTED_FULL: Final = Pick(
    (30.0, 32.5, 35.0, 36.0, 37.5, 37.5, 37.5, 40.0, 40.0, 42.0, 45.0, 48.0)
)
_CONTRACTED_PART: Final = Pick(
    (6.0, 8.0, 10.0, 12.0, 15.0, 16.0, 18.0, 20.0, 20.0, 22.5, 24.0, 25.0, 27.5, 29.0)
)
_AVERAGE_FULL: Final = Pick((30.0, 32.0, 36.0, 40.0, 45.0))
_AVERAGE_PART: Final = Pick((4.0, 7.5, 10.0, 12.0, 16.0, 20.0, 24.0))


@dataclass(slots=True)
class Worker:
    """One filled post and the person in it.

    Per-year values are lists indexed by snapshot (0 base, 1 = 2020/21, 2 = 2021/22).
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
    pay: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    sick: list[str] = field(default_factory=lambda: ["", "", ""])
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


def _fill(
    rng: random.Random,
    new: Sequence[Worker],
    existing: Sequence[Worker],
    key: Callable[[Worker], K],
    shares: Mapping[K, float],
) -> list[K]:
    return fill_to_shares(rng, [key(w) for w in existing], len(new), shares)


def _contract_shares(area: AreaProfile, group: ServiceGroup) -> dict[int, float]:
    figures = area.workforce.contracts[group]
    temporary, bank = (figures.temporary_pool_bank * s for s in CONTRACT_SPLIT)
    rest = max(0.0, 1 - figures.permanent - figures.temporary_pool_bank)
    return {1: figures.permanent, 2: temporary, 3: bank, 4: rest / 2, 7: rest / 2}


class _Simulation:
    """The state of one area's simulation (a class so the many steps share their inputs)."""

    def __init__(self, area: AreaProfile, workplaces: list[Workplace], seed: int) -> None:
        self.area = area
        self.workplaces = workplaces
        self.rng = random.Random(seed)
        self.workers: list[Worker] = []
        self.counts: dict[int, YearCounts] = {1: YearCounts(), 2: YearCounts()}
        self.rm_vacant: dict[int, set[int]] = {}
        self.serial = 0
        self.person_base = area.index * 400_000
        targets = area.workforce
        self.white_by_nationality = self._white_shares(targets.white, targets.nationality)

    # --- people ----------------------------------------------------------------------------

    @staticmethod
    def _white_shares(white: float, nationality: Mapping[str, float]) -> dict[str, float]:
        eu, other = 0.88, 0.12
        british = nationality["British"]
        rest = white - nationality["EU"] * eu - nationality["Outside EU"] * other
        return {"British": min(0.99, max(0.3, rest / british)), "EU": eu, "Outside EU": other}

    def _new_worker(self, workplace: Workplace, role: int, first: int) -> Worker:
        self.serial += 1
        worker = Worker(serial=self.serial, workplace=workplace, role=role, first=first)
        self.workers.append(worker)
        return worker

    def _identify(self, worker: Worker) -> None:
        """Details nothing in the simulation depends on, drawn only for workers who are written
        (so not for the base snapshot's leavers)."""
        rng = self.rng
        workplace, role = worker.workplace, worker.role
        worker.worker_id = f"{worker.serial:06d}"
        worker.ni = ids.ni_number(self.person_base + worker.serial) if rng.random() < 0.96 else ""
        worker.display = f"{_INITIAL(rng)} {_SURNAME(rng)}"
        if rng.random() < 0.96:
            district = workplace.district
            if rng.random() < 0.2:
                district = choose(rng, self.area.districts)
            worker.home_postcode = postcode(rng, choose(rng, district.outward_codes))
        worker.disabled = _DISABLED(rng)
        worker.apprentice = _APPRENTICE(rng)
        worker.nonscqual = _NON_SOCIAL_CARE(rng)
        if role in MAINJRDESC_OPTIONS:
            worker.role_description = choose(rng, MAINJRDESC_OPTIONS[role])
        if role == REGISTERED_NURSE:
            worker.nmc_register = _NMC(rng)
        if role == SOCIAL_WORKER:
            worker.amhp = _AMHP(rng)
        self._qualification_codes(worker)

    def _roles(self, workplace: Workplace, count: int, with_manager: bool) -> list[int]:
        mix = ROLE_MIX[SERVICE_KIND[workplace.main_service]]
        roles = [REGISTERED_MANAGER] if with_manager and count > 0 else []
        roles.extend(self.rng.choices(list(mix), weights=list(mix.values()), k=count - len(roles)))
        return roles

    # --- attributes ------------------------------------------------------------------------

    def _assign_contracts(self, new: list[Worker], existing: list[Worker]) -> None:
        """Contract, zero hours and full-time working, by service group."""
        rng = self.rng
        managers = [w for w in new if w.role == REGISTERED_MANAGER]
        for w in managers:
            w.contract, w.zero_hours, w.full_time = 1, "2", True
        others = [w for w in new if w.role != REGISTERED_MANAGER]
        for group in ServiceGroup:
            members = [w for w in others if w.workplace.group is group]
            if not members:
                continue
            have = [w for w in [*existing, *managers] if w.workplace.group is group]
            figures = self.area.workforce.contracts[group]
            contracts = _fill(
                rng, members, have, lambda w: w.contract, _contract_shares(self.area, group)
            )
            for w, contract in zip(members, contracts, strict=True):
                w.contract = contract
            unknown = [w for w in members if rng.random() < 0.01]
            for w in unknown:
                w.zero_hours = "999"
            known = [w for w in members if w.zero_hours != "999"]
            zero = _fill(
                rng,
                known,
                [w for w in have if w.zero_hours != "999"],
                lambda w: w.zero_hours,
                {"1": figures.zero_hours, "2": 1 - figures.zero_hours},
            )
            for w, answer in zip(known, zero, strict=True):
                w.zero_hours = answer
            full = _fill(
                rng,
                members,
                have,
                lambda w: w.full_time,
                {True: figures.full_time, False: 1 - figures.full_time},
            )
            for w, is_full in zip(members, full, strict=True):
                w.full_time = is_full
        for w in new:
            if w.contract not in (1, 2) or w.zero_hours == "1":
                w.hours = (_AVERAGE_FULL if w.full_time else _AVERAGE_PART)(rng)
            else:
                w.hours = (_CONTRACTED_FULL if w.full_time else _CONTRACTED_PART)(rng)
            # Permanent or temporary staff who do not know whether they are on a zero-hours
            # contract can give neither contracted nor average hours without a finding.
            w.hours_known = not (w.contract in (1, 2) and w.zero_hours == "999")

    def _assign_demographics(
        self, new: list[Worker], existing: list[Worker], snapshot: int
    ) -> None:
        rng = self.rng
        targets = self.area.workforce
        day = SNAPSHOT_DATES[snapshot]
        # Sex: a few blank, don't know or other; the rest female or male in the published ratio.
        for w in new:
            w.gender = _GENDER_ANSWERED(rng)
        known = [w for w in new if w.gender == "?"]
        sexes = _fill(
            rng,
            known,
            [w for w in existing if w.gender in ("1", "2")],
            lambda w: w.gender,
            {"2": targets.female, "1": 1 - targets.female},
        )
        for w, sex in zip(known, sexes, strict=True):
            w.gender = sex
        # Age band at this snapshot, then an age inside it; the mean age is calibrated by
        # moving the new workers' ages within their bands.
        bands = _fill(rng, new, existing, lambda w: self._band(w, day), targets.age_bands)
        ages: list[int] = []
        lower: list[int] = []
        upper: list[int] = []
        for band in bands:
            low, high, mode = {
                "under 25": (16, 24, 21),
                "25-54": (25, 54, 38),
                "55 and over": (55, 75 - (2 - snapshot), 56),
            }[band]
            ages.append(min(high, max(low, round(rng.triangular(low, high + 0.99, mode) - 0.49))))
            lower.append(low)
            upper.append(high)
        fixed = sum(whole_years(w.dob, day) for w in existing)
        goal = round(AVERAGE_AGE * (len(existing) + len(new))) - fixed
        nudge_to_total(rng, ages, range(len(ages)), lower, upper, goal)
        for w, age in zip(new, ages, strict=True):
            w.dob = years_before(day, age) - dt.timedelta(days=int(rng.random() * 365))
        # Nationality group, then ethnicity group within it, then the codes.
        for w in new:
            w.nationality_group = "?" if rng.random() < 0.97 else "Unknown"
        known = [w for w in new if w.nationality_group == "?"]
        groups = _fill(
            rng,
            known,
            [w for w in existing if w.nationality_group != "Unknown"],
            lambda w: w.nationality_group,
            targets.nationality,
        )
        for w, group in zip(known, groups, strict=True):
            w.nationality_group = group
        for w in new:
            w.ethnicity_group = "?" if rng.random() < 0.97 else "Unknown"
        for group, white in self.white_by_nationality.items():
            members = [w for w in new if w.ethnicity_group == "?" and w.nationality_group == group]
            have = [
                w
                for w in existing
                if w.nationality_group == group and w.ethnicity_group != "Unknown"
            ]
            chosen = _fill(
                rng,
                members,
                have,
                lambda w: w.ethnicity_group,
                {"White": white, "Other": 1 - white},
            )
            for w, ethnic in zip(members, chosen, strict=True):
                w.ethnicity_group = ethnic
        for w in new:
            if w.ethnicity_group == "?":
                w.ethnicity_group = rng.choices(("White", "Other"), (0.9, 0.1))[0]
            self._codes(w)

    @staticmethod
    def _band(worker: Worker, day: dt.date) -> str:
        age = whole_years(worker.dob, day)
        return "under 25" if age < 25 else "25-54" if age < 55 else "55 and over"

    def _codes(self, w: Worker) -> None:
        """Nationality, ethnicity, country of birth, citizenship and visa codes."""
        rng = self.rng
        group = w.nationality_group
        if group in {"British", "Unknown"}:
            code = 826 if group == "British" else 0
            w.nationality = "826" if group == "British" else choose(rng, ("998", ""))
            ethnic = _BRITISH_WHITE(rng) if w.ethnicity_group == "White" else _BRITISH_OTHER(rng)
            born_abroad = rng.random() < (0.02 if w.ethnicity_group == "White" else 0.45)
            country = ids.BIRTH_COUNTRY_BY_ETHNICITY.get(ethnic, 999) if born_abroad else 826
            if code == 0:
                country = choose(rng, (826, 998))
        else:
            code = (_EU if group == "EU" else _NON_EU)(rng)
            w.nationality = str(code)
            if w.ethnicity_group == "White":
                ethnic = 32 if code == 372 else 34
            else:
                ethnic = (
                    ids.ETHNICITY_BY_COUNTRY.get(code, 98)
                    if group != "EU"
                    else choose(rng, (38, 44, 98))
                )
            country = code if rng.random() < 0.95 else 998
            w.citizenship = _CITIZENSHIP(rng)
        w.ethnicity = (
            "99"
            if w.ethnicity_group == "Unknown" and rng.random() < 0.85
            else ("" if w.ethnicity_group == "Unknown" else str(ethnic))
        )
        w.country = "" if rng.random() < 0.01 else str(country)

    def _complete_arrival(self, w: Worker) -> None:
        """Year of entry, visa and recruited-abroad answers (need the start date)."""
        rng = self.rng
        if w.country not in ("", "826", "998") and rng.random() < 0.8:
            latest = min(w.start_date.year, SNAPSHOT_DATES[w.first].year)
            first = w.dob.year
            if w.nationality == "826":
                latest = min(latest, w.dob.year + 20)
            else:
                first = max(first, latest - 15)
            w.year_of_entry = str(integer(rng, first, max(first, latest)))
        non_british = w.nationality not in ("", "826", "998")
        if non_british and w.citizenship != "1":
            recent = w.start_date >= dt.date(2022, 2, 15)
            if w.nationality_group == "Outside EU" and recent:
                w.visa = "1"
            else:
                w.visa = _VISA(rng)
            if w.visa == "1":
                w.recruited_abroad = _ABROAD(rng)

    def _assign_start(self, new: list[Worker], snapshot: int) -> None:
        rng = self.rng
        day = SNAPSHOT_DATES[snapshot]
        for w in new:
            earliest_start = years_before(w.dob, -16)
            if snapshot == 0:
                years = min(rng.expovariate(1 / 4.5), max(0.0, (day - earliest_start).days / 365))
                w.start_date = max(earliest_start, day - dt.timedelta(days=int(years * 365.25)))
            else:
                first = max(SNAPSHOT_DATES[snapshot - 1] + dt.timedelta(1), earliest_start)
                w.start_date = random_date(rng, first, day)
            w.start_date_known = snapshot > 0 or rng.random() > 0.01
            self._complete_arrival(w)

    def _assign_experience(self, new: list[Worker], snapshot: int) -> None:
        """Year started in the sector (STARTINSECT), before calibration."""
        rng = self.rng
        year = SNAPSHOT_DATES[snapshot].year
        for w in new:
            latest = w.start_date.year
            earliest = w.dob.year + 14
            if rng.random() < 0.04:
                w.in_sector = 0
                continue
            if snapshot == 0:
                experience = rng.gammavariate(1.3, 8.5 / 1.3)
            elif w.recruitment_source in ("1", "2", "8"):
                experience = rng.uniform(1, 14)
            elif w.recruitment_source in ("5", "7", "12"):
                experience = rng.uniform(0, 5)
            else:
                experience = 0.0
            w.in_sector = min(latest, max(earliest, year - round(experience)))

    def _assign_qualifications(self, new: list[Worker], existing: list[Worker]) -> None:
        rng = self.rng
        for group in RoleGroup:
            members = [w for w in new if w.role_group is group]
            if not members:
                continue
            have = [w for w in existing if w.role_group is group]
            unknown = [w for w in members if rng.random() < 0.04]
            for w in unknown:
                w.qualification = "unknown"
            known = [w for w in members if w.qualification != "unknown"]
            levels = _fill(
                rng,
                known,
                [w for w in have if w.qualification != "unknown"],
                lambda w: w.qualification,
                QUALIFICATION_SHARES[group],
            )
            for w, level in zip(known, levels, strict=True):
                w.qualification = level
            share = CARE_CERTIFICATE_SHARE[group]
            for w in members:
                w.care_certificate = "" if rng.random() < 0.05 else "?"
            known = [w for w in members if w.care_certificate == "?"]
            certificates = _fill(
                rng,
                known,
                [w for w in have if w.care_certificate],
                lambda w: w.care_certificate,
                {
                    "1": share * CARE_CERTIFICATE_COMPLETED,
                    "3": share * (1 - CARE_CERTIFICATE_COMPLETED),
                    "2": 1 - share,
                },
            )
            for w, answer in zip(known, certificates, strict=True):
                w.care_certificate = answer

    def _qualification_codes(self, w: Worker) -> None:
        rng = self.rng
        if w.qualification == "unknown":
            w.scqual = "999"
            return
        if w.qualification == "none":
            w.scqual = "2"
            return
        if w.qualification == "L1":
            level = choose(rng, (0, 1))
        elif w.qualification == "L4":
            level = (
                6
                if w.role_group is RoleGroup.REGULATED_PROFESSION
                else choose(rng, (4, 5, 5, 5, 6))
            )
        else:
            level = int(w.qualification[1])
        w.scqual = f"1;{level}"
        if rng.random() < 0.15:
            return
        if w.role == REGISTERED_NURSE:
            codes = QUALIFICATION_CODES["nurse"]
        elif w.role == SOCIAL_WORKER:
            codes = QUALIFICATION_CODES["social worker"]
        else:
            codes = QUALIFICATION_CODES[w.qualification]
        latest = min(SNAPSHOT_DATES[w.first].year, w.start_date.year + 3)
        earliest = min(latest, max(w.dob.year + 17, latest - 15))
        w.quals = [(choose(rng, codes), integer(rng, earliest, latest))]
        if rng.random() < 0.2:
            w.quals.append((choose(rng, (52, 90, 133, 103)), integer(rng, earliest, latest)))

    def _assign_sources(self, new: list[Worker], snapshot: int) -> None:
        """RECSOURCE: for starters, the published share from adult social care."""
        rng = self.rng
        if snapshot == 0:
            from_care = 0.6
        else:
            label = SNAPSHOT_LABELS[snapshot]
            from_care = self.area.workforce.retention[label].leavers_remaining_in_sector
        for w in new:
            w.recruitment_source = _SOURCE_ANSWERED(rng)
        for employed in (True, False):
            known = [w for w in new if w.recruitment_source == "?" and w.employed is employed]
            sources = {
                **{k: v * from_care for k, v in ADULT_SOCIAL_CARE_SOURCES.items()},
                **{
                    k: v * (1 - from_care) / sum(RECRUITMENT_SOURCES.values())
                    for k, v in RECRUITMENT_SOURCES.items()
                },
            }
            for w, source in zip(
                known, allocate(rng, len(known), list(sources), list(sources.values())), strict=True
            ):
                w.recruitment_source = source

    def _populate(self, new: list[Worker], existing: list[Worker], snapshot: int) -> None:
        self._assign_contracts(new, existing)
        self._assign_sources(new, snapshot)
        self._assign_demographics(new, existing, snapshot)
        self._assign_start(new, snapshot)
        self._assign_experience(new, snapshot)
        self._assign_qualifications(new, existing)

    # --- years -----------------------------------------------------------------------------

    def run(self) -> Staffing:
        rng = self.rng
        label = SNAPSHOT_LABELS[1]
        regulated = [w.index for w in self.workplaces if w.regulated and not w.vacancies_unknown]
        rate = self.area.workforce.retention[label].vacancy_by_role[REGISTERED_MANAGER]
        self.rm_vacant[0] = set(rng.sample(regulated, round(rate * len(regulated))))
        base: list[Worker] = []
        for workplace in self.workplaces:
            with_manager = workplace.regulated and workplace.index not in self.rm_vacant[0]
            for role in self._roles(workplace, workplace.sizes[0], with_manager):
                base.append(self._new_worker(workplace, role, 0))
        self._populate(base, [], 0)
        for snapshot in (1, 2):
            self._advance(snapshot)
        for worker in self.workers:
            if worker.left > 1:
                self._identify(worker)
        self.workers.sort(key=lambda w: (w.workplace.index, w.serial))
        return Staffing(self.workplaces, self.workers, self.counts)

    def _expected_employed(self, snapshot: int) -> tuple[int, float]:
        sizes: Counter[ServiceGroup] = Counter()
        for workplace in self.workplaces:
            sizes[workplace.group] += workplace.sizes[snapshot]
        total = 0.0
        for group, size in sizes.items():
            shares = _contract_shares(self.area, group)
            total += size * (shares[1] + shares[2])
        return sum(sizes.values()), total

    def _advance(self, snapshot: int) -> None:
        rng = self.rng
        figures = self.area.workforce.retention[SNAPSHOT_LABELS[snapshot]]
        previous = [w for w in self.workers if w.present(snapshot - 1)]
        size_before, _ = self._expected_employed(snapshot - 1)
        size_now, employed_now = self._expected_employed(snapshot)
        leavers_total = round(figures.turnover * employed_now)
        in_and_out = round(IN_AND_OUT_SHARE * leavers_total)
        # Registered managers: enough leave for the published RM vacancy rate.
        regulated = [w.index for w in self.workplaces if w.regulated and not w.vacancies_unknown]
        vacant_now = round(figures.vacancy_by_role[REGISTERED_MANAGER] * len(regulated))
        managers = [
            w
            for w in previous
            if w.role == REGISTERED_MANAGER and not w.workplace.vacancies_unknown
        ]
        still_vacant = self.rm_vacant[snapshot - 1]
        manager_leavers = max(
            round(REGISTERED_MANAGER_TURNOVER * len(managers)), vacant_now - len(still_vacant)
        )
        for w in rng.sample(managers, min(len(managers), manager_leavers)):
            w.left = snapshot
        without = sorted(still_vacant | {w.workplace.index for w in managers if w.left == snapshot})
        self.rm_vacant[snapshot] = set(rng.sample(without, min(len(without), vacant_now)))
        # Registered nurses leave at their own published rate.
        nurses = [w for w in previous if w.role == REGISTERED_NURSE and w.employed]
        nurse_total = round(
            figures.registered_nurse_turnover * len(nurses) * size_now / max(1, size_before)
        )
        nurse_in_and_out = round(IN_AND_OUT_SHARE * nurse_total)
        self._choose_leavers(nurses, nurse_total - nurse_in_and_out, snapshot)
        others = [
            w
            for w in previous
            if w.employed and w.role not in (REGISTERED_NURSE, REGISTERED_MANAGER)
        ]
        taken = sum(1 for w in previous if w.left == snapshot)
        self._choose_leavers(others, leavers_total - in_and_out - taken, snapshot)
        for w in previous:
            if not w.employed and rng.random() < NON_EMPLOYED_LEAVING:
                w.left = snapshot
        starters = self._recruit(snapshot, previous)
        stayers = [w for w in previous if w.left > snapshot]
        self._populate(starters, stayers, snapshot)
        self._calibrate_experience(snapshot, stayers, starters)
        self._set_pay(snapshot)
        self._set_sickness(snapshot)
        self._count(snapshot, previous, starters)

    def _choose_leavers(self, pool: list[Worker], count: int, snapshot: int) -> None:
        previous_date = SNAPSHOT_DATES[snapshot - 1]
        weights = []
        for w in pool:
            weight = 1.0
            if (previous_date - w.start_date).days < 365:
                weight *= 1.8
            if whole_years(w.dob, previous_date) < 25:
                weight *= 1.3
            weights.append(weight)
        for index in weighted_sample(self.rng, weights, count):
            pool[index].left = snapshot

    def _recruit(self, snapshot: int, previous: list[Worker]) -> list[Worker]:
        rng = self.rng
        by_workplace: dict[int, list[Worker]] = defaultdict(list)
        for w in previous:
            by_workplace[w.workplace.index].append(w)
        needed: dict[int, int] = {}
        excess: Counter[ServiceGroup] = Counter()
        for workplace in self.workplaces:
            staying = sum(1 for w in by_workplace[workplace.index] if w.left > snapshot)
            gap = workplace.sizes[snapshot] - staying
            needed[workplace.index] = max(0, gap)
            if gap < 0:
                excess[workplace.group] += -gap
                workplace.sizes[snapshot] = staying
        for group, extra in excess.items():
            candidates = [
                w
                for w in self.workplaces
                if w.group is group and needed[w.index] > 0 and w.sizes[snapshot] > 1
            ]
            surplus = extra
            while surplus and candidates:
                workplace = rng.choice(candidates)
                needed[workplace.index] -= 1
                workplace.sizes[snapshot] -= 1
                surplus -= 1
                if not needed[workplace.index] or workplace.sizes[snapshot] <= 1:
                    candidates.remove(workplace)
        starters: list[Worker] = []
        for workplace in self.workplaces:
            here = by_workplace[workplace.index]
            staying_manager = any(w.role == REGISTERED_MANAGER and w.left > snapshot for w in here)
            count = needed[workplace.index]
            roles: list[int] = []
            if (
                workplace.regulated
                and not staying_manager
                and workplace.index not in self.rm_vacant[snapshot]
            ):
                roles.append(REGISTERED_MANAGER)
                if count == 0:
                    # The new manager takes the place of someone who left.
                    count = 1
                    workplace.sizes[snapshot] += 1
            replaced = [w.role for w in here if w.left == snapshot and w.role != REGISTERED_MANAGER]
            shuffle(rng, replaced)
            roles.extend(replaced[: max(0, count - len(roles))])
            if len(roles) < count:
                roles.extend(self._roles(workplace, count - len(roles), with_manager=False))
            starters.extend(self._new_worker(workplace, role, snapshot) for role in roles)
        return starters

    def _calibrate_experience(
        self, snapshot: int, stayers: list[Worker], starters: list[Worker]
    ) -> None:
        """Shift STARTINSECT years so the mean years in the sector hits the published figure."""
        figures = self.area.workforce.retention[SNAPSHOT_LABELS[snapshot]]
        year = SNAPSHOT_DATES[snapshot].year
        adjustable = starters if snapshot == 2 else [*stayers, *starters]
        fixed = [w for w in stayers if w.in_sector] if snapshot == 2 else []
        movable = [w for w in adjustable if w.in_sector]
        count = len(fixed) + len(movable)
        if not movable:
            return
        target_total = round(count * year - figures.average_years_in_sector * count)
        target_total -= sum(w.in_sector for w in fixed)
        values = [w.in_sector for w in movable]
        lower = [w.dob.year + 14 for w in movable]
        upper = [min(w.start_date.year, year) for w in movable]
        nudge_to_total(self.rng, values, range(len(values)), lower, upper, target_total)
        for w, value in zip(movable, values, strict=True):
            w.in_sector = value

    # --- per-year values ---------------------------------------------------------------------

    def _set_pay(self, snapshot: int) -> None:
        rng = self.rng
        present = [w for w in self.workers if w.present(snapshot)]
        for w in present:
            if w.salary_interval == "?":
                w.salary_interval = _PAY_ANSWERED(rng)
                if w.salary_interval == "known":
                    w.salary_interval = "1" if w.role in ANNUAL_SALARY else "3"
            if w.salary_interval not in ("1", "3"):
                continue
            if w.first < snapshot and w.pay[snapshot - 1] > 0:
                w.pay[snapshot] = w.pay[snapshot - 1] * rng.uniform(1.03, 1.07)
            else:
                w.pay[snapshot] = self._draw_pay(w)
        label = SNAPSHOT_LABELS[snapshot]
        targets = self.area.workforce
        floor = NATIONAL_LIVING_WAGE[label] + 0.01
        hourly = [w for w in present if w.salary_interval == "3"]
        care_independent = [
            w for w in hourly if w.role == CARE_WORKER and not w.workplace.local_authority
        ]
        care_council = [w for w in hourly if w.role == CARE_WORKER and w.workplace.local_authority]
        self._shift_mean(
            care_independent, targets.care_worker_hourly_independent[label], snapshot, floor
        )
        self._shift_mean(
            care_council, targets.care_worker_hourly_local_authority[label], snapshot, floor
        )
        independent = [
            w
            for w in present
            if w.salary_interval in ("1", "3") and not w.workplace.local_authority
        ]
        others = [w for w in independent if w.salary_interval == "3" and w.role != CARE_WORKER]
        if others:
            goal = targets.all_roles_hourly_independent[label] * len(independent)
            fixed = sum(
                hourly_equivalent(w, snapshot)
                for w in independent
                if w.salary_interval != "3" or w.role == CARE_WORKER
            )
            # Repeated because the wage floor can hold some rates up.
            for _ in range(4):
                total = fixed + sum(w.pay[snapshot] for w in others)
                step = (goal - total) / len(others)
                for w in others:
                    w.pay[snapshot] = max(floor, round(w.pay[snapshot] + step, 2))

    def _shift_mean(
        self, workers: list[Worker], target: float, snapshot: int, floor: float
    ) -> None:
        if not workers:
            return
        for _ in range(3):
            mean = sum(w.pay[snapshot] for w in workers) / len(workers)
            for w in workers:
                w.pay[snapshot] = max(floor, round(w.pay[snapshot] + target - mean, 2))

    def _draw_pay(self, w: Worker) -> float:
        rng = self.rng
        la_hourly, la_annual = LOCAL_AUTHORITY_PAY if w.workplace.local_authority else (1.0, 1.0)
        year = SNAPSHOT_DATES[w.first].year
        experience = year - w.in_sector if w.in_sector else 0
        earlier = EARLIER_YEAR_PAY if w.first <= 1 else 1.0
        if w.salary_interval == "1":
            salary = ANNUAL_SALARY[w.role] * la_annual * earlier * rng.uniform(0.88, 1.12)
            hours = w.hours if w.employed and w.zero_hours == "2" else STANDARD_WEEKLY_HOURS
            return float(round(salary * min(1.0, hours / STANDARD_WEEKLY_HOURS)))
        rate = HOURLY_RATE[w.role] * la_hourly * earlier * rng.uniform(0.95, 1.06)
        return round(rate + 0.03 * min(experience, 5), 2)

    def _set_sickness(self, snapshot: int) -> None:
        rng = self.rng
        present = [w for w in self.workers if w.present(snapshot)]
        target = self.area.workforce.retention[SNAPSHOT_LABELS[snapshot]].sickness_days_per_worker
        known: list[Worker] = []
        raw: list[float] = []
        for w in present:
            answer = _SICK_ANSWERED(rng)
            if answer != "?":
                w.sick[snapshot] = answer
                continue
            known.append(w)
            raw.append(0.0 if rng.random() < 0.35 else rng.expovariate(0.65 / target))
        if not known:
            return
        factor = target * len(raw) / max(sum(raw), 1e-9)
        halves = [min(360, round(value * factor * 2)) for value in raw]
        goal = round(target * len(raw) * 2)
        nudge_to_total(
            rng, halves, range(len(halves)), [0] * len(halves), [360] * len(halves), goal
        )
        for w, half in zip(known, halves, strict=True):
            w.sick[snapshot] = str(half // 2) if half % 2 == 0 else f"{half // 2}.5"

    def _count(self, snapshot: int, previous: list[Worker], starters: list[Worker]) -> None:
        """Starters and leavers by workplace and role, with people who joined and left within
        the year added so that turnover (overall and of nurses) is exactly the published rate."""
        rng = self.rng
        figures = self.area.workforce.retention[SNAPSHOT_LABELS[snapshot]]
        counts = self.counts[snapshot]
        for w in previous:
            if w.left == snapshot and w.employed:
                counts.leavers[(w.workplace.index, w.role)] += 1
        employed_starters = [w for w in starters if w.employed]
        for w in employed_starters:
            counts.starters[(w.workplace.index, w.role)] += 1
        reported = [w for w in employed_starters if not w.workplace.starters_leavers_unknown]
        employed_now = [
            w
            for w in self.workers
            if w.present(snapshot) and w.employed and not w.workplace.starters_leavers_unknown
        ]
        gone = [
            w
            for w in previous
            if w.left == snapshot and w.employed and not w.workplace.starters_leavers_unknown
        ]
        nurses_now = sum(1 for w in employed_now if w.role == REGISTERED_NURSE)
        nurses_gone = sum(1 for w in gone if w.role == REGISTERED_NURSE)
        nurse_in_and_out = max(
            0, round(figures.registered_nurse_turnover * nurses_now) - nurses_gone
        )
        in_and_out = max(nurse_in_and_out, round(figures.turnover * len(employed_now)) - len(gone))
        nurses = [w for w in reported if w.role == REGISTERED_NURSE]
        others = [w for w in reported if w.role not in (REGISTERED_NURSE, REGISTERED_MANAGER)]
        for pool, number in ((nurses, nurse_in_and_out), (others, in_and_out - nurse_in_and_out)):
            if not pool:
                continue
            for w in rng.choices(pool, k=number):
                key = (w.workplace.index, w.role)
                counts.starters[key] += 1
                counts.leavers[key] += 1
        self._vacancies(snapshot)

    def _vacancies(self, snapshot: int) -> None:
        rng = self.rng
        figures = self.area.workforce.retention[SNAPSHOT_LABELS[snapshot]]
        counts = self.counts[snapshot].vacancies
        filled: Counter[tuple[int, int]] = Counter()
        staff: Counter[int] = Counter()
        for w in self.workers:
            if w.present(snapshot):
                staff[w.workplace.index] += 1
                if not w.workplace.vacancies_unknown:
                    filled[(w.workplace.index, w.role)] += 1
        for index in self.rm_vacant[snapshot]:
            counts[(index, REGISTERED_MANAGER)] = 1
        by_role: Counter[int] = Counter()
        for (_, role), number in filled.items():
            by_role[role] += number
        total_filled = sum(by_role.values())
        total = round(figures.vacancy_rate * total_filled / (1 - figures.vacancy_rate))
        wanted: dict[int, int] = {}
        for role, rate in figures.vacancy_by_role.items():
            if role != REGISTERED_MANAGER:
                wanted[role] = round(rate * by_role[role] / (1 - rate))
        rest = max(0, total - sum(wanted.values()) - len(self.rm_vacant[snapshot]))
        other_roles = sorted(r for r in by_role if r not in figures.vacancy_by_role)
        for role, number in zip(
            other_roles,
            exact_counts(rest, [by_role[r] for r in other_roles]) if other_roles else [],
            strict=True,
        ):
            wanted[role] = number
        vacancies_at: Counter[int] = Counter()
        for role in sorted(wanted):
            places = [(index, number) for (index, r), number in filled.items() if r == role]
            if not places:
                continue
            place = Pick([index for index, _ in places], [number for _, number in places])
            for _ in range(wanted[role]):
                for _attempt in range(8):
                    index = place(rng)
                    if vacancies_at[index] + 1 < staff[index]:
                        break
                counts[(index, role)] += 1
                vacancies_at[index] += 1


def hourly_equivalent(worker: Worker, snapshot: int) -> float:
    """Hourly pay, or an annual salary over the contracted (or standard) hours of a year."""
    if worker.salary_interval == "3":
        return worker.pay[snapshot]
    hours = worker.hours if worker.employed and worker.zero_hours == "2" else STANDARD_WEEKLY_HOURS
    return worker.pay[snapshot] / (WEEKS_PER_YEAR * (hours or STANDARD_WEEKLY_HOURS))


def simulate_staffing(area: AreaProfile, workplaces: list[Workplace], *, seed: int) -> Staffing:
    """Simulate an area's staff from the base snapshot through 2020/21 and 2021/22.

    Args:
        area: The area and its targets.
        workplaces: The area's planned workplaces (their sizes are adjusted in place where the
            staff who stay exceed the plan).
        seed: Seed of this area's staff simulation.

    Returns:
        The workplaces, every worker in post at some snapshot, and starters, leavers and
        vacancies by workplace and job role for each written snapshot.
    """
    return _Simulation(area, workplaces, seed).run()
