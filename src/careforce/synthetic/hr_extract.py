"""A council HR extract of its children's services staff.

One row per person employed at any time from 1 April 2020 to the extract date (31 March 2022):
everyone in post on that date, and everyone who left during 2020/21 or 2021/22 with their leaving
date and reason. The extract is calibrated to what Staffordshire County Council published about
its children and families staff; see ``docs/demo-data.md`` for the schema.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from careforce.synthetic import published as pub
from careforce.synthetic.csv_text import render_table
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.sampling import (
    Pick,
    allocate,
    exact_counts,
    make_rng,
    nudge_to_total,
    random_date,
    shuffle,
    years_before,
)

EXTRACT_DATE: Final = dt.date(2022, 3, 31)
"""Date the HR extract describes (the end of 2021/22)."""

YEAR_ENDS: Final = (dt.date(2021, 3, 31), EXTRACT_DATE)
"""Ends of the two years whose leavers the extract includes."""

HR_COLUMNS: Final = (
    "area_code",
    "employee_ref",
    "role",
    "role_group",
    "qualified_social_worker",
    "team",
    "fte",
    "contract_type",
    "zero_hours",
    "start_date_in_role",
    "start_date_with_council",
    "leaving_date",
    "leaving_reason",
    "date_of_birth",
    "sex",
    "ethnicity",
    "nationality",
)
"""Columns of the HR extract, in order."""

GROWTH_2021_22: Final = 18
"""Net growth in staff during 2021/22 (assumption: 770 at 31 March 2021, 788 a year later)."""

ROLES: Final[Mapping[str, tuple[tuple[str, bool, float], ...]]] = MappingProxyType(
    {
        "Family practitioner": (("Family practitioner", False, 1.0),),
        "Family time worker": (("Family time worker", False, 1.0),),
        "Residential worker": (
            ("Residential care worker", False, 0.85),
            ("Senior residential care worker", False, 0.15),
        ),
        "Personal adviser": (("Personal adviser", False, 1.0),),
        "Social worker or senior practitioner": (
            ("Social worker", True, 0.7),
            ("Senior practitioner", True, 0.3),
        ),
        "Management and leadership": (
            ("Team manager", True, 0.75),
            ("Service manager", True, 0.15),
            ("Head of service", False, 0.05),
            ("Business manager", False, 0.05),
        ),
        "Other": (("Business support officer", False, 1.0),),
    }
)
"""Job titles within each published role group: (title, qualified social worker, share)."""

LEAVER_AVERAGE_AGE: Final = 41.0
"""Average age of leavers (assumption: a little younger than the staff in post)."""

LEAVER_SAFEGUARDING_AVERAGE_AGE: Final = 34.0
"""Average age of leaving safeguarding social workers (assumption)."""

SAFEGUARDING_SHARE: Final = 0.6
"""Share of social workers (not senior practitioners) in safeguarding teams (assumption)."""

ETHNICITIES: Final[Mapping[str, Mapping[str, float]]] = MappingProxyType(
    {
        "White": {
            "White - English, Welsh, Scottish, Northern Irish or British": 0.9,
            "White - Irish": 0.02,
            "White - Any other White background": 0.08,
        },
        "Other ethnic groups": {
            "Asian or Asian British - Indian": 0.2,
            "Asian or Asian British - Pakistani": 0.15,
            "Black or Black British - Caribbean": 0.15,
            "Black or Black British - African": 0.2,
            "Mixed - White and Black Caribbean": 0.15,
            "Mixed - Any other mixed background": 0.1,
            "Any other ethnic group": 0.05,
        },
        "Unknown": {"Not known": 0.6, "Prefer not to say": 0.4},
    }
)
"""Ethnicity values written in the extract, by published ethnicity group."""

NATIONALITIES: Final[Mapping[str, Mapping[str, float]]] = MappingProxyType(
    {
        "British": {"British": 1.0},
        "EU": {"Irish": 0.4, "Polish": 0.3, "Romanian": 0.3},
        "Outside EU": {"Indian": 0.5, "Zimbabwean": 0.5},
        "Unknown": {"": 0.85, "Not known": 0.15},
    }
)
"""Nationality values written in the extract, by published nationality group (most records have
none, as the council published)."""

LEAVING_REASONS: Final = Pick(
    ("Resignation", "Retirement", "End of fixed-term contract", "Dismissal", "Redundancy", "Other"),
    (0.62, 0.13, 0.1, 0.03, 0.02, 0.1),
)
"""Reasons recorded for leaving and their relative frequency (assumption)."""

_TEAMS: Final = {
    "Family practitioner": ("Family Support", "Early Help", "Children in Care"),
    "Family time worker": ("Family Time",),
    "Residential worker": ("Residential",),
    "Personal adviser": ("Leaving Care",),
    "Management and leadership": (
        "Safeguarding",
        "Children in Care",
        "Disabled Children",
        "Family Support",
        "Fostering",
        "Leadership",
    ),
    "Other": ("Business Support",),
}
_LOCALITIES: Final = ("North", "South", "East", "West", "Central")


@dataclass
class _Person:
    role_group: str
    title: str
    qualified: bool
    team: str
    first_day: dt.date
    role_start: dt.date = EXTRACT_DATE
    leaving: dt.date | None = None
    dob: dt.date = EXTRACT_DATE
    sex: str = ""
    ethnicity: str = ""
    nationality: str = ""
    contract: str = "Permanent"
    zero_hours: str = "N"
    fte: str = "1.00"

    @property
    def safeguarding(self) -> bool:
        return self.title == "Social worker" and self.team.startswith("Safeguarding")


def _role_counts(total: int) -> list[str]:
    groups = [*pub.CHILDREN_STAFF_BY_ROLE, "Other"]
    weights = [
        *pub.CHILDREN_STAFF_BY_ROLE.values(),
        pub.CHILDREN_STAFF_TOTAL - sum(pub.CHILDREN_STAFF_BY_ROLE.values()),
    ]
    return [g for g, n in zip(groups, exact_counts(total, weights), strict=True) for _ in range(n)]


def _titles(rng: random.Random, groups: Sequence[str]) -> list[tuple[str, str, bool]]:
    titled: list[tuple[str, str, bool]] = []
    for group in dict.fromkeys(groups):
        members = [g for g in groups if g == group]
        options = ROLES[group]
        titles = allocate(rng, len(members), list(range(len(options))), [o[2] for o in options])
        titled.extend((group, options[i][0], options[i][1]) for i in titles)
    return titled


def _team(rng: random.Random, group: str, title: str, locality: str) -> str:
    if title in ("Social worker", "Senior practitioner"):
        if title == "Social worker" and rng.random() < SAFEGUARDING_SHARE:
            base = "Safeguarding"
        else:
            base = rng.choice(("Children in Care", "Disabled Children", "Fostering", "Assessment"))
    else:
        base = rng.choice(_TEAMS[group])
    return f"{base} - {locality}" if base not in ("Leadership", "Business Support") else base


def _calibrate_ages(
    rng: random.Random,
    people: list[_Person],
    safeguarding_mean: float,
    mean: float,
    bands: Mapping[str, float],
) -> None:
    """Dates of birth for people in post at the extract date: bands exact, means nudged."""
    limits = {"under 25": (21, 24, 23), "25-54": (25, 54, 40), "55 and over": (55, 66, 57)}
    chosen = allocate(rng, len(people), list(bands), list(bands.values()))
    # Safeguarding social workers are the youngest group: give them the younger bands first.
    order = sorted(range(len(people)), key=lambda i: (not people[i].safeguarding, rng.random()))
    ranked = sorted(chosen, key=("under 25", "25-54", "55 and over").index)
    young_first = ranked[: sum(1 for p in people if p.safeguarding)]
    rest = ranked[len(young_first) :]
    shuffle(rng, rest)
    assigned = dict(zip(order, [*young_first, *rest], strict=True))
    ages = []
    for i, person in enumerate(people):
        low, high, mode = limits[assigned[i]]
        if person.safeguarding:
            mode = min(high, max(low, 32))
        ages.append(min(high, max(low, round(rng.triangular(low, high, mode)))))
    lows = [limits[assigned[i]][0] for i in range(len(people))]
    highs = [limits[assigned[i]][1] for i in range(len(people))]
    safe = [i for i, p in enumerate(people) if p.safeguarding]
    others = [i for i, p in enumerate(people) if not p.safeguarding]
    nudge_to_total(
        rng,
        ages,
        safe,
        [lows[i] for i in safe],
        [highs[i] for i in safe],
        round(safeguarding_mean * len(safe)),
    )
    nudge_to_total(
        rng,
        ages,
        others,
        [lows[i] for i in others],
        [highs[i] for i in others],
        round(mean * len(people)) - sum(ages[i] for i in safe),
    )
    for person, age in zip(people, ages, strict=True):
        person.dob = years_before(EXTRACT_DATE, age) - dt.timedelta(days=int(rng.random() * 365))


def _calibrate_service(rng: random.Random, people: list[_Person], joiners: int) -> None:
    """Start dates with the council for people in post: the published mean service years."""
    first_new = YEAR_ENDS[0] + dt.timedelta(1)
    for person in people[:joiners]:
        person.first_day = random_date(rng, first_new, EXTRACT_DATE)
    stayers = people[joiners:]
    years = [
        1 + min(30, round(rng.expovariate(1 / (5.0 if p.safeguarding else 8.5)))) for p in stayers
    ]
    highs = [max(1, EXTRACT_DATE.year - (p.dob.year + 18)) for p in stayers]
    years = [min(y, h) for y, h in zip(years, highs, strict=True)]
    new_service = sum((EXTRACT_DATE - p.first_day).days for p in people[:joiners]) / 365.25
    safe = [i for i, p in enumerate(stayers) if p.safeguarding]
    others = [i for i, p in enumerate(stayers) if not p.safeguarding]
    safe_new = [p for p in people[:joiners] if p.safeguarding]
    safe_new_years = sum((EXTRACT_DATE - p.first_day).days for p in safe_new) / 365.25
    # Whole years of service plus about half a year on average (the day within the year).
    nudge_to_total(
        rng,
        years,
        safe,
        [1] * len(safe),
        [highs[i] for i in safe],
        round(
            pub.CHILDREN_SAFEGUARDING_SW_SERVICE_YEARS * (len(safe) + len(safe_new))
            - safe_new_years
            - 0.5 * len(safe)
        ),
    )
    target = pub.CHILDREN_AVERAGE_SERVICE_YEARS * len(people) - new_service - 0.5 * len(stayers)
    nudge_to_total(
        rng,
        years,
        others,
        [1] * len(others),
        [highs[i] for i in others],
        round(target - sum(years[i] for i in safe)),
    )
    for person, whole in zip(stayers, years, strict=True):
        person.first_day = years_before(EXTRACT_DATE, whole) - dt.timedelta(
            days=int(rng.random() * 365)
        )


def _assign_categories(rng: random.Random, people: list[_Person]) -> None:
    sexes = allocate(
        rng, len(people), ["F", "M"], [pub.CHILDREN_FEMALE_SHARE, 1 - pub.CHILDREN_FEMALE_SHARE]
    )
    ethnic = allocate(
        rng,
        len(people),
        list(pub.CHILDREN_ETHNICITY_SHARES),
        list(pub.CHILDREN_ETHNICITY_SHARES.values()),
    )
    nations = allocate(
        rng,
        len(people),
        list(pub.CHILDREN_NATIONALITY_SHARES),
        list(pub.CHILDREN_NATIONALITY_SHARES.values()),
    )
    figures = pub.CHILDREN_CONTRACTS
    casual = figures.zero_hours
    fixed_term = figures.temporary_pool_bank - casual
    contracts = allocate(
        rng,
        len(people),
        ["Permanent", "Fixed term", "Casual"],
        [figures.permanent, fixed_term, casual],
    )
    for person, sex, e, n, contract in zip(people, sexes, ethnic, nations, contracts, strict=True):
        person.sex = sex
        person.ethnicity = Pick.of(ETHNICITIES[e])(rng)
        person.nationality = Pick.of(NATIONALITIES[n])(rng)
        person.contract = contract
        person.zero_hours = "Y" if contract == "Casual" else "N"
    salaried = [p for p in people if p.contract != "Casual"]
    full = round(figures.full_time * len(people))
    flags = allocate(rng, len(salaried), [True, False], [full, max(0, len(salaried) - full)])
    for person, is_full in zip(salaried, flags, strict=True):
        person.fte = "1.00" if is_full else f"{rng.choice((0.4, 0.5, 0.6, 0.7, 0.8, 0.9)):.2f}"
    for person in people:
        if person.contract == "Casual":
            person.fte = ""


def generate_hr_extract(area: AreaProfile, *, seed: int) -> str:
    """The council's HR extract of children's services staff, as CSV text.

    Args:
        area: The council; its ``children_staff`` is the number in post at the extract date.
        seed: The run's seed.

    Returns:
        CSV text with :data:`HR_COLUMNS`, dates as YYYY-MM-DD, LF line endings.
    """
    rng = make_rng(seed, "hr", area.code)
    in_post = area.children_staff
    growth = round(GROWTH_2021_22 * in_post / pub.CHILDREN_STAFF_TOTAL)
    leavers_now = round(pub.CHILDREN_TURNOVER["2021-22"] * in_post)
    joiners = min(in_post, leavers_now + growth)
    headcount_before = in_post - joiners + leavers_now
    leavers_before = round(pub.CHILDREN_TURNOVER["2020-21"] * headcount_before)
    localities = [d.name for d in area.districts] if len(area.districts) > 1 else list(_LOCALITIES)

    def make(count: int) -> list[_Person]:
        people = []
        for group, title, qualified in _titles(rng, _role_counts(count)):
            team = _team(rng, group, title, rng.choice(localities))
            people.append(_Person(group, title, qualified, team, EXTRACT_DATE))
        shuffle(rng, people)
        return people

    current = make(in_post)
    _calibrate_ages(
        rng,
        current,
        pub.CHILDREN_SAFEGUARDING_SW_AVERAGE_AGE,
        pub.CHILDREN_AVERAGE_AGE,
        pub.CHILDREN_AGE_BAND_SHARES,
    )
    _calibrate_service(rng, current, joiners)
    former = make(leavers_now + leavers_before)
    _calibrate_ages(
        rng,
        former,
        LEAVER_SAFEGUARDING_AVERAGE_AGE,
        LEAVER_AVERAGE_AGE,
        pub.CHILDREN_AGE_BAND_SHARES,
    )
    for i, person in enumerate(former):
        year_end = YEAR_ENDS[1] if i < leavers_now else YEAR_ENDS[0]
        year_start = years_before(year_end, 1) + dt.timedelta(1)
        person.leaving = random_date(rng, year_start, year_end)
        service = 1 + round(rng.expovariate(1 / 5))
        person.first_day = min(
            years_before(year_start, service) - dt.timedelta(days=int(rng.random() * 365)),
            year_start - dt.timedelta(1),
        )
        person.first_day = max(person.first_day, years_before(person.dob, -18))
    everyone = [*current, *former]
    _assign_categories(rng, current)
    _assign_categories(rng, former)
    for person in everyone:
        last = person.leaving or EXTRACT_DATE
        if rng.random() < 0.6:
            person.role_start = person.first_day
        else:
            person.role_start = random_date(rng, person.first_day, last)
    references = rng.sample(range(16**6, 16**7), len(everyone))
    everyone.sort(key=lambda p: (p.first_day, p.dob))
    rows = [
        (
            area.code,
            f"{area.employee_prefix}{reference:07X}",
            person.title,
            person.role_group,
            "Y" if person.qualified else "N",
            person.team,
            person.fte,
            person.contract,
            person.zero_hours,
            person.role_start.isoformat(),
            person.first_day.isoformat(),
            person.leaving.isoformat() if person.leaving else "",
            LEAVING_REASONS(rng) if person.leaving else "",
            person.dob.isoformat(),
            person.sex,
            person.ethnicity,
            person.nationality,
        )
        for reference, person in zip(references, everyone, strict=True)
    ]
    return render_table(HR_COLUMNS, rows)
