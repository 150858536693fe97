"""Census 2021 topic summaries as the Nomis bulk download writes them (``census2021-ts0NN-utla.csv``:
``date, geography, geography code`` and one count per category): TS008 sex, TS007 age by single
year, TS021 ethnic group and TS004 country of birth, for each council.

Staffordshire reproduces the strategy's comparators: 50.5% female; of residents aged 16-64, 11.9%
aged 16-24, 60.7% 25-54 and 27.5% 55-64; 95.5% White; 96.5% born in the UK, 2.1% in the EU and
1.5% elsewhere (country of birth standing in for nationality). Other councils have their
region's White and UK-born shares. Counts of the other categories are assumptions.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.synthetic.csv_text import render_table
from careforce.synthetic.geography import STAFFORDSHIRE_CODE
from careforce.synthetic.population import REGION_CENSUS, WORKING_AGE_SHARE
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import CENSUS_2021_WORKING_AGE
from careforce.synthetic.sampling import exact_counts

LEADING: Final = ("date", "geography", "geography code")
"""The first three columns of every bulk file."""

SEX_SHARES: Final[Mapping[str, float]] = CENSUS_2021_WORKING_AGE["sex"]
"""Female and male shares (the published 50.5% / 49.5%)."""

WORKING_AGE_BANDS: Final = ((16, 24, 0.1188), (25, 54, 0.6066), (55, 64, 0.2746))
"""Ages of the three working-age groups and their shares of residents aged 16-64: the published
11.9%, 60.7% and 27.5% (which add up to 100.1%) made to add up to 100%."""
CHILD_SHARE: Final = 0.19
"""Share of residents aged 0-15 (the rest of those not of working age are 65 or over)."""
OLDEST: Final = 100
"""TS007's last category: aged 100 years and over."""

ETHNIC_GROUPS: Final[Mapping[str, float]] = MappingProxyType(
    {
        "Asian, Asian British or Asian Welsh": 0.55,
        "Black, Black British, Black Welsh, Caribbean or African": 0.14,
        "Mixed or Multiple ethnic groups": 0.24,
        "Other ethnic group": 0.07,
    }
)
"""TS021 groups other than White and their share of the rest (assumption)."""
WHITE_PARTS: Final[Mapping[str, float]] = MappingProxyType(
    {
        "White: English, Welsh, Scottish, Northern Irish or British": 0.95,
        "White: Irish": 0.01,
        "White: Other White": 0.04,
    }
)
"""TS021 White sub-groups and their share of White (assumption)."""

BIRTH_SHARES: Final = (0.9647, 0.0206, 0.0147)
"""Born in the UK, in the EU and elsewhere: the published 96.5%, 2.1% and 1.5% made to add up
to 100%."""
ELSEWHERE: Final[Mapping[str, float]] = MappingProxyType(
    {
        "Europe: Non-EU countries": 0.2,
        "Africa": 0.27,
        "Middle East and Asia": 0.41,
        "The Americas and the Caribbean": 0.09,
        "Antarctica and Oceania (including Australasia) and Other": 0.03,
    }
)
"""TS004 groups of people born outside the UK and EU, and their share of them (assumption)."""


def _header(*names: str) -> tuple[str, ...]:
    """Header fields, quoted where they hold a comma (as in "Asian, Asian British...")."""
    return tuple(f'"{name}"' if "," in name else name for name in names)


def _residents(area: AreaProfile) -> int:
    return area.population_thousands * 1000


def _shares(area: AreaProfile) -> tuple[float, float]:
    """White and UK-born shares of the council's residents."""
    if area.code == STAFFORDSHIRE_CODE:
        return CENSUS_2021_WORKING_AGE["ethnicity"]["White"], BIRTH_SHARES[0]
    return REGION_CENSUS[area.region]


def generate_ts008(areas: tuple[AreaProfile, ...]) -> str:
    """TS008 sex."""
    rows = []
    for area in areas:
        female, male = exact_counts(_residents(area), list(SEX_SHARES.values()))
        rows.append(("2021", area.name, area.code, female + male, female, male))
    return render_table((*LEADING, "Sex: All persons", "Sex: Female", "Sex: Male"), rows)


def _age_label(age: int) -> str:
    if age == 0:
        return "Age: Aged under 1 year"
    if age == OLDEST:
        return f"Age: Aged {OLDEST} years and over"
    return f"Age: Aged {age} year" + ("" if age == 1 else "s")


def generate_ts007(areas: tuple[AreaProfile, ...]) -> str:
    """TS007 age by single year (0 to 100 and over)."""
    header = (*LEADING, "Age: Total", *(_age_label(age) for age in range(OLDEST + 1)))
    rows = []
    for area in areas:
        total = _residents(area)
        working = round(total * WORKING_AGE_SHARE)
        children = round(total * CHILD_SHARE)
        counts = dict.fromkeys(range(OLDEST + 1), 0)
        for (first, last, _), group in zip(
            WORKING_AGE_BANDS,
            exact_counts(working, [s for *_, s in WORKING_AGE_BANDS]),
            strict=True,
        ):
            for age, n in zip(
                range(first, last + 1), exact_counts(group, [1] * (last - first + 1)), strict=True
            ):
                counts[age] = n
        for age, n in zip(range(16), exact_counts(children, [1] * 16), strict=True):
            counts[age] = n
        older = list(range(65, OLDEST + 1))
        weights = [max(0.02, 1.0 - (age - 65) / 32) for age in older]
        for age, n in zip(older, exact_counts(total - working - children, weights), strict=True):
            counts[age] = n
        rows.append(("2021", area.name, area.code, total, *counts.values()))
    return render_table(header, rows)


def generate_ts021(areas: tuple[AreaProfile, ...]) -> str:
    """TS021 ethnic group (the five groups, and White's sub-groups)."""
    header = _header(
        *LEADING,
        "Ethnic group: Total: All usual residents",
        *(f"Ethnic group: {g}" for g in ETHNIC_GROUPS),
        "Ethnic group: White",
        *(f"Ethnic group: {g}" for g in WHITE_PARTS),
    )
    rows = []
    for area in areas:
        total = _residents(area)
        white_share, _ = _shares(area)
        white = round(total * white_share)
        others = exact_counts(total - white, list(ETHNIC_GROUPS.values()))
        parts = exact_counts(white, list(WHITE_PARTS.values()))
        rows.append(("2021", area.name, area.code, total, *others, white, *parts))
    return render_table(header, rows)


def generate_ts004(areas: tuple[AreaProfile, ...]) -> str:
    """TS004 country of birth (the UK, EU countries and the rest of the world)."""
    header = (
        *LEADING,
        "Country of birth: Total; measures: Value",
        "Country of birth: Europe; measures: Value",
        "Country of birth: Europe: United Kingdom; measures: Value",
        "Country of birth: Europe: EU countries; measures: Value",
        *(f"Country of birth: {g}; measures: Value" for g in ELSEWHERE),
    )
    rows = []
    for area in areas:
        total = _residents(area)
        _, uk_share = _shares(area)
        rest = 1 - uk_share
        eu_share = BIRTH_SHARES[1] / (BIRTH_SHARES[1] + BIRTH_SHARES[2]) * rest
        uk, eu, elsewhere = exact_counts(total, [uk_share, eu_share, rest - eu_share])
        groups = exact_counts(elsewhere, list(ELSEWHERE.values()))
        europe = uk + eu + groups[0]
        rows.append(("2021", area.name, area.code, total, europe, uk, eu, *groups))
    return render_table(header, rows)


CENSUS_TABLES: Final = {
    "ts004": generate_ts004,
    "ts007": generate_ts007,
    "ts008": generate_ts008,
    "ts021": generate_ts021,
}
"""The tables generated, by their lower-case Census table id."""
