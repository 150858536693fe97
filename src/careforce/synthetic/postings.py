"""A job postings extract (one row per posting, Lightcast style) that reproduces the published
tables by job title and by city.

Lightcast's conventions (methodology section 5): a posting seen on several boards is one
*unique* posting plus *duplicates*; ``total = unique + duplicates``; posting intensity is
total / unique; median posting duration is the median number of days a unique posting was active
(posted to expiry/last seen). Here a duplicate row names its original in ``duplicate_of``.

Both published tables are reproduced at once: every posting has a title and a city, the counts
are built with both sets of margins fixed, and durations are placed so that each published title
and each published city has exactly its published median.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.synthetic.csv_text import render_table
from careforce.synthetic.geography import STAFFORDSHIRE_CODE
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import (
    POSTINGS_BY_CITY,
    POSTINGS_BY_TITLE,
    POSTINGS_PERIOD,
    PostingFigures,
)
from careforce.synthetic.sampling import derive_seed, exact_counts, shuffle

POSTING_COLUMNS: Final = (
    "posting_id",
    "title",
    "employer",
    "city",
    "local_authority_code",
    "posted_date",
    "expiry_date",
    "duplicate_of",
    "soc_code",
    "skills",
)
"""Columns of the postings extract: careforce's canonical postings columns."""

OTHER_TITLES: Final[Mapping[str, float]] = MappingProxyType(
    dict.fromkeys(
        (
            "Senior Care Assistants",
            "Senior Care Workers",
            "Domiciliary Care Workers",
            "Home Care Workers",
            "Team Leaders",
            "Deputy Managers",
            "Registered Managers",
            "Care Home Managers",
            "Activities Coordinators",
            "Social Workers",
            "Senior Social Workers",
            "Nursing Assistants",
            "Care Coordinators",
            "Kitchen Assistants",
            "Cooks",
            "Housekeepers",
            "Domestic Assistants",
            "Laundry Assistants",
            "Occupational Therapists",
            "Physiotherapists",
            "Clinical Leads",
            "Unit Managers",
            "Personal Assistants",
            "Live-in Carers",
            "Family Support Workers",
            "Children's Residential Workers",
            "Mental Health Support Workers",
            "Learning Disability Support Workers",
            "Community Support Workers",
            "Rehabilitation Assistants",
            "Care Supervisors",
            "Recruitment Coordinators",
            "Administrators",
            "Maintenance Workers",
            "Drivers",
            "Receptionists",
        ),
        1.0,
    )
)
"""Titles outside the published top ten, equally frequent (assumption): there are enough of them
that none has as many unique postings as the tenth published title, so the published top ten
is the top ten."""

OTHER_CITIES: Final[Mapping[str, float]] = MappingProxyType(
    {
        "Stone": 1.2,
        "Kidsgrove": 1.1,
        "Biddulph": 1.1,
        "Cheadle": 1,
        "Hednesford": 1,
        "Penkridge": 0.9,
        "Codsall": 0.9,
        "Wombourne": 0.8,
    }
)
"""Staffordshire towns outside the published top ten and their relative frequency (assumption):
none has as many unique postings as the tenth published town."""

SOC_CODES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "Nurse": "2237",
        "Social Worker": "2461",
        "Therapist": "2222",
        "Physiotherapist": "2221",
        "Manager": "1232",
        "Senior Care": "6136",
        "Health Care Assistant": "6131",
        "Nursing Assistant": "6131",
        "Kitchen": "9263",
        "Cook": "5435",
    }
)
"""SOC 2020 unit group of a title containing each phrase (first match); 6135 care workers and
home carers otherwise (assumption for the demo)."""
TOWN_DISTRICTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "Cannock": "E07000192",
        "Rugeley": "E07000192",
        "Hednesford": "E07000192",
        "Burton upon Trent": "E07000193",
        "Uttoxeter": "E07000193",
        "Lichfield": "E07000194",
        "Burntwood": "E07000194",
    }
)
"""Staffordshire towns of the postings tables and the district (LAD code) each is in, for towns
not listed among a district's main towns."""

DEFAULT_SOC_CODE: Final = "6135"
"""SOC 2020 6135: care workers and home carers."""

UNIQUE_OUTSIDE_TOP_CITIES: Final = 1_555
"""Unique postings in towns outside the top ten (assumption; 8,500 unique postings in all)."""

DUPLICATES_OUTSIDE_TOP_CITIES: Final = 4_000
"""Duplicate postings in towns outside the top ten (assumption)."""


SKILLS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "care": (
            "Personal Care",
            "Caregiving",
            "Dementia Care",
            "Medication Administration",
            "Safeguarding",
            "Communication Skills",
            "Moving And Handling",
            "Empathy",
            "Record Keeping",
            "Teamwork",
            "Driving Licence",
        ),
        "nurse": (
            "Nursing",
            "Clinical Assessment",
            "Medication Administration",
            "Wound Care",
            "Care Planning",
            "Nursing and Midwifery Council Registration",
            "Palliative Care",
            "Leadership",
            "Safeguarding",
        ),
        "other": (
            "Communication Skills",
            "Management",
            "Safeguarding",
            "Care Planning",
            "Customer Service",
            "Food Hygiene",
            "Microsoft Office",
            "Leadership",
        ),
    }
)
"""Skills listed on postings, by kind of title."""

_EMPLOYER_WORDS: Final = (
    "Oak",
    "Willow",
    "Beech",
    "Cedar",
    "Rose",
    "Heath",
    "Abbey",
    "Manor",
    "Meadow",
    "Priory",
    "Bluebird",
    "Caremark",
    "Home Instead",
    "Avery",
    "Barchester",
    "Sanctuary",
    "Anchor",
    "Select",
    "Helping Hands",
    "Nurse Plus",
)
_EMPLOYER_SUFFIXES: Final = (
    "Care Home",
    "Healthcare",
    "Care",
    "Homecare",
    "Nursing Home",
    "Recruitment",
    "Care Group",
)


def _soc_code(title: str) -> str:
    return next((code for phrase, code in SOC_CODES.items() if phrase in title), DEFAULT_SOC_CODE)


def _skills_kind(title: str) -> str:
    if "Nurse" in title:
        return "nurse"
    if "Care" in title or "Support" in title or "Assistant" in title:
        return "care"
    return "other"


def _balanced(
    rng: random.Random, count: int, low: int, high: int, middle: int, share: float
) -> list[int]:
    """Durations with exactly as many below ``middle`` as above it, the rest at ``middle``."""
    side = int(count * share)
    values = (
        [rng.randint(5, max(5, low)) for _ in range(side)]
        + [rng.randint(high, high + 45) for _ in range(side)]
        + [middle] * (count - 2 * side)
    )
    shuffle(rng, values)
    return values


class _Table:
    """Titles and cities with their targets (None where a title or city is not published)."""

    def __init__(
        self,
        titles: Mapping[str, PostingFigures],
        cities: Mapping[str, PostingFigures],
        other_titles: Mapping[str, int],
        other_cities: Mapping[str, int],
        duplicates_other_titles: int,
        duplicates_other_cities: int,
    ) -> None:
        self.titles = titles
        self.cities = cities
        self.unique_titles = {t: f.unique for t, f in titles.items()} | dict(other_titles)
        self.unique_cities = {c: f.unique for c, f in cities.items()} | dict(other_cities)
        self.other_titles = other_titles
        self.other_cities = other_cities
        self.duplicates_other_titles = duplicates_other_titles
        self.duplicates_other_cities = duplicates_other_cities


def _labels(rng: random.Random, counts: Mapping[str, int]) -> list[str]:
    labels = [name for name, n in counts.items() for _ in range(n)]
    shuffle(rng, labels)
    return labels


def _spread(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    names = list(weights)
    return dict(zip(names, exact_counts(total, [weights[n] for n in names]), strict=True))


def _build(rng: random.Random, table: _Table) -> list[tuple[str, str, int, int]]:
    """Unique postings as (title, city, duplicates, duration)."""
    titles = _labels(rng, table.unique_titles)
    cities = _labels(rng, table.unique_cities)
    cells: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, key in enumerate(zip(titles, cities, strict=True)):
        cells[key].append(i)
    duplicates = _duplicates(rng, table, cells, len(titles))
    durations = _durations(rng, table, cells, len(titles))
    return [(titles[i], cities[i], duplicates[i], durations[i]) for i in range(len(titles))]


def _duplicates(
    rng: random.Random, table: _Table, cells: Mapping[tuple[str, str], list[int]], count: int
) -> list[int]:
    """Duplicates of each unique posting: pair title tokens with city tokens, then swap cities
    until every pair falls in a cell that has a unique posting to duplicate."""
    duplicates = [0] * count
    title_tokens = {t: f.total - f.unique for t, f in table.titles.items()}
    title_tokens |= _spread(table.duplicates_other_titles, dict(table.other_titles))
    city_tokens = {c: f.total - f.unique for c, f in table.cities.items()}
    city_tokens |= _spread(table.duplicates_other_cities, dict(table.other_cities))
    token_titles = _labels(rng, title_tokens)
    token_cities = _labels(rng, city_tokens)
    if len(token_titles) != len(token_cities):
        raise ValueError("title and city duplicates must add up to the same number")
    for i in range(len(token_titles)):
        if (token_titles[i], token_cities[i]) in cells:
            continue
        for _ in range(10_000):
            j = int(rng.random() * len(token_titles))
            if (token_titles[i], token_cities[j]) in cells and (
                token_titles[j],
                token_cities[i],
            ) in cells:
                token_cities[i], token_cities[j] = token_cities[j], token_cities[i]
                break
        else:
            raise ValueError("cannot place every duplicate posting")
    for title, city in zip(token_titles, token_cities, strict=True):
        members = cells[(title, city)]
        duplicates[members[int(rng.random() * len(members))]] += 1
    return duplicates


def _durations(
    rng: random.Random, table: _Table, cells: Mapping[tuple[str, str], list[int]], count: int
) -> list[int]:
    """Days each unique posting was open, around the published medians of its title and city."""
    durations = [0] * count
    for (title, city), members in cells.items():
        title_target = table.titles[title].median_days if title in table.titles else None
        city_target = table.cities[city].median_days if city in table.cities else None
        if title_target is not None and city_target is not None:
            low, high = min(title_target, city_target) - 1, max(title_target, city_target) + 1
            values = _balanced(rng, len(members), low, high, title_target, 0.5)
        elif title_target is not None or city_target is not None:
            target = title_target if title_target is not None else city_target
            assert target is not None
            values = _balanced(rng, len(members), target - 1, target + 1, target, 0.35)
        else:
            values = [rng.randint(8, 70) for _ in members]
        for i, value in zip(members, values, strict=True):
            durations[i] = value
    return durations


def _table(area: AreaProfile) -> _Table:
    """Targets of an area: Staffordshire's published tables, or a scaled title table."""
    other_titles_unique = (
        UNIQUE_OUTSIDE_TOP_CITIES
        + sum(f.unique for f in POSTINGS_BY_CITY.values())
        - sum(f.unique for f in POSTINGS_BY_TITLE.values())
    )
    top_title_duplicates = sum(f.total - f.unique for f in POSTINGS_BY_TITLE.values())
    top_city_duplicates = sum(f.total - f.unique for f in POSTINGS_BY_CITY.values())
    other_title_duplicates = (
        top_city_duplicates + DUPLICATES_OUTSIDE_TOP_CITIES - top_title_duplicates
    )
    if area.code == STAFFORDSHIRE_CODE:
        return _Table(
            POSTINGS_BY_TITLE,
            POSTINGS_BY_CITY,
            _spread(other_titles_unique, OTHER_TITLES),
            _spread(UNIQUE_OUTSIDE_TOP_CITIES, OTHER_CITIES),
            other_title_duplicates,
            DUPLICATES_OUTSIDE_TOP_CITIES,
        )
    jitter = random.Random(derive_seed(0, "postings", area.code))
    # The council's children's staff carry the run's scale as well as the council's size.
    factor = area.children_staff / 788 * jitter.uniform(0.8, 1.2)
    titles = {}
    for title, figures in POSTINGS_BY_TITLE.items():
        unique = max(1, round(figures.unique * factor))
        total = unique + round((figures.total - figures.unique) * factor)
        titles[title] = PostingFigures(
            total, unique, round(total / unique), figures.median_days + jitter.randint(-2, 2)
        )
    town = area.districts[0].towns[0]
    other_unique = max(1, round(other_titles_unique * factor))
    unique_all = sum(f.unique for f in titles.values()) + other_unique
    duplicates_titles = sum(f.total - f.unique for f in titles.values())
    other_duplicates = round(other_title_duplicates * factor)
    return _Table(
        titles,
        {},
        _spread(other_unique, OTHER_TITLES),
        {town: unique_all},
        other_duplicates,
        duplicates_titles + other_duplicates,
    )


def generate_postings(area: AreaProfile, *, seed: int) -> str:
    """The area's job postings, September 2021 to August 2022, as CSV text.

    Args:
        area: The council. Staffordshire reproduces both published tables exactly; another
            council gets the title table scaled to its size, all in its main town.
        seed: The run's seed.

    Returns:
        CSV text with :data:`POSTING_COLUMNS`, dates as YYYY-MM-DD, LF line endings.
    """
    rng = random.Random(derive_seed(seed, "postings", area.code))
    postings = _build(rng, _table(area))
    first, last = POSTINGS_PERIOD
    span = (last - first).days + 1
    towns = {town: d.code for d in area.districts for town in d.towns}
    town_districts = {**towns, **TOWN_DISTRICTS}
    employers = [
        f"{rng.choice(_EMPLOYER_WORDS)} {rng.choice(_EMPLOYER_SUFFIXES)}"
        for _ in range(max(20, len(postings) // 15))
    ]
    rows: list[tuple[object, ...]] = []
    serial = 0
    prefix = f"JP{area.code}-"  # the whole code: councils share their last digits
    for title, city, duplicates, duration in postings:
        serial += 1
        original = f"{prefix}{serial:07d}"
        posted = first + dt.timedelta(days=int(rng.random() * span))
        expiry = posted + dt.timedelta(days=duration)
        employer = employers[int(rng.random() * len(employers))]
        pool = SKILLS[_skills_kind(title)]
        skills = ";".join(rng.sample(pool, min(len(pool), rng.randint(2, 5))))
        district = town_districts.get(city, area.code)
        soc = _soc_code(title)
        rows.append(
            (
                original,
                title,
                employer,
                city,
                district,
                posted.isoformat(),
                expiry.isoformat(),
                "",
                soc,
                skills,
            )
        )
        for _ in range(duplicates):
            serial += 1
            # A duplicate is seen on another board within a week, inside the extract's window.
            seen = min(posted + dt.timedelta(days=rng.randint(0, 6)), last)
            rows.append(
                (
                    f"{prefix}{serial:07d}",
                    title,
                    employer,
                    city,
                    district,
                    seen.isoformat(),
                    (seen + dt.timedelta(days=max(1, duration + rng.randint(-5, 3)))).isoformat(),
                    original,
                    soc,
                    skills,
                )
            )
    return render_table(POSTING_COLUMNS, rows)
