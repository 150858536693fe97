"""Aggregate workforce returns from independent children's social care providers.

Each provider returns one row of counts about its staff (no personal data). The counts are made
by building the providers' pooled workforce with the published shares exactly, dealing it out to
the providers by size, and counting: so the totals over all providers reproduce the published
survey, and each provider differs as real ones do. See ``docs/demo-data.md`` for the schema.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.synthetic.csv_text import render_table
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import (
    CHILDREN_STAFF_TOTAL,
    PROVIDER_SURVEY,
    ProviderSurveyFigures,
)
from careforce.synthetic.sampling import allocate, exact_counts, make_rng

RETURN_DATE: Final = "2022-03-31"
"""Date the providers' returns describe."""

PROVIDER_COLUMNS: Final = (
    "area_code",
    "provider_ref",
    "provider_name",
    "service_type",
    "reference_date",
    "headcount",
    "female",
    "male",
    "age_under_25",
    "age_25_54",
    "age_55_plus",
    "ethnicity_white",
    "ethnicity_black_and_other",
    "nationality_british",
    "nationality_eu",
    "nationality_outside_eu",
    "full_time",
    "part_time",
    "permanent",
    "temporary",
    "bank_or_pool",
    "zero_hours",
    "years_in_role_under_3",
    "years_in_role_3_to_9",
    "years_in_role_10_plus",
    "years_in_sector_under_3",
    "years_in_sector_3_to_9",
    "years_in_sector_10_plus",
    "qualification_none",
    "qualification_entry_or_level_1",
    "qualification_level_2",
    "qualification_level_3",
    "qualification_level_4_plus",
    "starters",
    "leavers",
    "vacancies",
    "hourly_pay_min",
    "hourly_pay_max",
)
"""Columns of the providers' returns, in order (all counts are of people)."""

STAFF_PER_PROVIDER: Final = 30
"""Average staff of a responding provider (assumption: small children's homes and agencies)."""

SERVICE_TYPES: Final[Mapping[str, float]] = MappingProxyType(
    {
        "Children's home": 0.6,
        "Independent fostering agency": 0.2,
        "Supported accommodation (16-17)": 0.15,
        "Residential special school": 0.05,
    }
)
"""Kinds of service the providers run (assumption)."""

EXPERIENCE_JOINT: Final[Mapping[tuple[str, str], float]] = MappingProxyType(
    {
        ("under_3", "under_3"): 0.25,
        ("under_3", "3_to_9"): 0.06,
        ("3_to_9", "3_to_9"): 0.34,
        ("3_to_9", "10_plus"): 0.14,
        ("10_plus", "10_plus"): 0.21,
    }
)
"""Joint shares of (years in role, years in sector): both published margins, with nobody longer
in their role than in the sector."""

_NAMES: Final = (
    "Horizon",
    "Meadowbank",
    "Keystone",
    "Beacon",
    "Northfield",
    "Cedar House",
    "Brightpath",
    "Oakleigh",
    "Compass",
    "Lighthouse",
    "Willow Tree",
    "Pathways",
    "Riverside",
    "Hillcrest",
    "Summit",
    "Fairhaven",
    "Kingfisher",
    "Evergreen",
)
_SUFFIXES: Final = ("Children's Services Ltd", "Care Ltd", "Homes", "Fostering", "Young People")


def _pooled(rng: random.Random, total: int, survey: ProviderSurveyFigures) -> list[dict[str, str]]:
    """The providers' pooled workforce, one dict of categories per person, shares exact."""

    def spread(shares: Mapping[str, float]) -> list[str]:
        return allocate(rng, total, list(shares), list(shares.values()))

    ages = {
        "age_under_25": survey.age_bands["under 25"],
        "age_25_54": survey.age_bands["25-54"],
        "age_55_plus": survey.age_bands["55 and over"],
    }
    nationality = {
        "nationality_british": survey.nationality["British"],
        "nationality_eu": survey.nationality["EU"],
        "nationality_outside_eu": survey.nationality["Outside EU"],
    }
    contracts = {
        "permanent": survey.permanent,
        "bank_or_pool": survey.bank_or_pool,
        "temporary": 1 - survey.permanent - survey.bank_or_pool,
    }
    quals = dict(
        zip(
            (
                "qualification_none",
                "qualification_entry_or_level_1",
                "qualification_level_2",
                "qualification_level_3",
                "qualification_level_4_plus",
            ),
            survey.qualifications.values(),
            strict=True,
        )
    )
    experience = allocate(rng, total, list(EXPERIENCE_JOINT), list(EXPERIENCE_JOINT.values()))
    columns = {
        "sex": spread({"female": survey.female, "male": 1 - survey.female}),
        "age": spread(ages),
        "ethnicity": spread(
            {"ethnicity_white": survey.white, "ethnicity_black_and_other": 1 - survey.white}
        ),
        "nationality": spread(nationality),
        "hours": spread({"full_time": survey.full_time, "part_time": 1 - survey.full_time}),
        "contract": spread(contracts),
        "zero": spread({"zero_hours": survey.zero_hours, "": 1 - survey.zero_hours}),
        "qualification": spread(quals),
    }
    people = []
    for i in range(total):
        person = {key: values[i] for key, values in columns.items()}
        role, sector = experience[i]
        person["role"] = f"years_in_role_{role}"
        person["sector"] = f"years_in_sector_{sector}"
        people.append(person)
    return people


def generate_provider_returns(area: AreaProfile, *, seed: int) -> str:
    """The area's children's providers' returns, as CSV text.

    Staffordshire has the 14 published respondents; another council has a number in proportion
    to its population (at least 3).

    Args:
        area: The council.
        seed: The run's seed.

    Returns:
        CSV text with :data:`PROVIDER_COLUMNS`, LF line endings.
    """
    rng = make_rng(seed, "provider-returns", area.code)
    survey = PROVIDER_SURVEY
    providers = max(3, round(survey.providers * area.population_ratio))
    # The council's children's staff carry the run's scale (and a council's own variation).
    factor = area.children_staff / (CHILDREN_STAFF_TOTAL * area.population_ratio)
    total = max(providers * 5, round(providers * STAFF_PER_PROVIDER * factor))
    sizes = [rng.lognormvariate(0, 0.6) for _ in range(providers)]
    headcounts = [n + 3 for n in exact_counts(total - 3 * providers, sizes)]
    people = _pooled(rng, sum(headcounts), survey)
    leavers = exact_counts(round(survey.turnover * len(people)), headcounts)
    vacancy_total = round(survey.vacancy_rate * len(people) / (1 - survey.vacancy_rate))
    vacancies = exact_counts(vacancy_total, [h * rng.uniform(0.3, 1.7) for h in headcounts])
    low, high = survey.hourly_pay_range
    lowest, highest = rng.randrange(providers), rng.randrange(providers)
    names = rng.sample(_NAMES, min(providers, len(_NAMES)))
    rows = []
    position = 0
    for p in range(providers):
        staff = people[position : position + headcounts[p]]
        position += headcounts[p]
        counts: Counter[str] = Counter()
        for person in staff:
            counts.update(v for v in person.values() if v)
        pay_min = low if p == lowest else round(rng.uniform(low, low + 1.2), 2)
        pay_max = high if p == highest else round(rng.uniform(14.0, high - 0.5), 2)
        starters = max(0, leavers[p] + rng.randint(-1, 2))
        name = names[p % len(names)] + ("" if p < len(names) else f" {p // len(names) + 1}")
        row: list[object] = [
            area.code,
            f"CP{area.index:03d}{p + 1:02d}",
            f"{name} {rng.choice(_SUFFIXES)}",
            rng.choices(list(SERVICE_TYPES), list(SERVICE_TYPES.values()))[0],
            RETURN_DATE,
            headcounts[p],
        ]
        row.extend(counts[column] for column in PROVIDER_COLUMNS[6:33])
        row.extend([starters, leavers[p], vacancies[p], f"{pay_min:.2f}", f"{pay_max:.2f}"])
        rows.append(row)
    return render_table(PROVIDER_COLUMNS, rows)
