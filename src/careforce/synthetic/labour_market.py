"""Labour-market downloads in the Nomis API CSV layout: claimant count (NM_162_1), BRES
employment by industry (NM_189_1), UK Business Counts by size band (NM_141_1) and ASHE
workplace earnings (NM_99_1), for each council, Staffordshire's districts and England.

Staffordshire reproduces the appendix: 15,515 claimants in April 2022 after a fall of 495 (3.1%;
England 3.5%) and a claimant rate of 2.9%; 13,500 social care jobs in 2020, 3.8% of all employment
(England 4.3%), after growth of 525 from 2015 to 2019 and a fall of 200 to 2020 (England 3.1%),
districts from 2.3% to 6.0%, the two largest sub-sectors 3,500 jobs each; businesses 52% micro,
37% small, 9% medium, 1% large; workplace hourly pay £13.56 and full-time annual pay £28,162.
Other figures (other months and years, England's levels, other councils) are assumptions.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

from careforce.synthetic.csv_text import render_table
from careforce.synthetic.geography import (
    STAFFORDSHIRE_CODE,
    STAFFORDSHIRE_DISTRICT_POPULATION_THOUSANDS,
)
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import (
    CLAIMANT_CHANGE_MARCH_TO_APRIL_2022,
    CLAIMANT_COUNT_APRIL_2022,
    CLAIMANT_RATE_APRIL_2022,
    DISTRICT_EMPLOYMENT_SHARE_RANGE_2020,
    ENGLAND_CLAIMANT_CHANGE_RATE_APRIL_2022,
    ENGLAND_SOCIAL_CARE_EMPLOYMENT_SHARE_2020,
    ENGLAND_SOCIAL_CARE_JOBS_CHANGE_2019_TO_2020,
    LARGEST_SUB_SECTOR_JOBS_2020,
    SOCIAL_CARE_EMPLOYMENT_SHARE_2020,
    SOCIAL_CARE_JOBS_2015,
    SOCIAL_CARE_JOBS_2019,
    SOCIAL_CARE_JOBS_2020,
    WORKPLACE_ANNUAL_PAY_FULL_TIME_2021,
    WORKPLACE_HOURLY_PAY_ALL_SECTORS_2021,
)
from careforce.synthetic.sampling import derive_seed, exact_counts

ENGLAND: Final = ("E92000001", "England")
"""England's ONS code and name."""

TAIL: Final = (
    "MEASURES",
    "MEASURES_NAME",
    "OBS_VALUE",
    "OBS_STATUS",
    "OBS_STATUS_NAME",
    "OBS_CONF",
    "OBS_CONF_NAME",
    "URN",
    "RECORD_OFFSET",
    "RECORD_COUNT",
)
"""Columns after the dimensions in every Nomis API CSV."""
SUFFIXES: Final = ("", "_NAME", "_CODE", "_TYPE", "_TYPECODE", "_SORTORDER")
"""The six columns of each dimension."""

MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""Month names as Nomis writes them in DATE_NAME."""
MONTHS: Final = tuple((year, number) for year in (2020, 2021, 2022) for number in range(1, 13))[:28]
"""Claimant count months: January 2020 to April 2022."""

CLAIMANT_SHAPE: Final = (
    0.74,
    0.76,
    0.79,
    1.31,
    1.58,
    1.57,
    1.56,
    1.55,
    1.54,
    1.53,
    1.53,
    1.54,
    1.55,
    1.54,
    1.53,
    1.47,
    1.40,
    1.33,
    1.27,
    1.20,
    1.14,
    1.09,
    1.05,
    1.03,
    1.02,
    1.01,
    1.0,
)
"""Claimant count by month relative to March 2022 (January 2020 to March 2022): the pandemic
rise and the recovery (assumption)."""

WORKING_AGE_RESIDENTS: Final = round(CLAIMANT_COUNT_APRIL_2022 / CLAIMANT_RATE_APRIL_2022, -3)
"""Staffordshire's residents aged 16-64 implied by the claimant rate (535,000)."""
ENGLAND_WORKING_AGE_RESIDENTS: Final = 35_600_000
"""England's residents aged 16-64 (assumption, about the mid-2021 estimate)."""
ENGLAND_CLAIMANTS_MARCH_2022: Final = 1_200_000
"""England's claimant count in March 2022 (assumption)."""

BRES_YEARS: Final = (2015, 2016, 2017, 2018, 2019, 2020)
"""BRES years generated."""
CARE_JOBS: Final[Mapping[int, int]] = MappingProxyType(
    {
        2015: SOCIAL_CARE_JOBS_2015,
        2016: 13_380,
        2017: 13_520,
        2018: 13_630,
        2019: SOCIAL_CARE_JOBS_2019,
        2020: SOCIAL_CARE_JOBS_2020,
    }
)
"""Staffordshire's social care jobs by year (2016-2018 assumed on the way from 2015 to 2019)."""
ALL_JOBS_2020: Final = round(SOCIAL_CARE_JOBS_2020 / SOCIAL_CARE_EMPLOYMENT_SHARE_2020, -3)
"""Staffordshire's employment in all industries in 2020 (355,000)."""
ALL_JOBS_GROWTH: Final[Mapping[int, float]] = MappingProxyType(
    {2015: 0.96, 2016: 0.975, 2017: 0.99, 2018: 1.0, 2019: 1.02, 2020: 1.0}
)
"""All-industry employment by year relative to 2020 (assumption)."""
ENGLAND_ALL_JOBS_2020: Final = 28_000_000
"""England's employment in all industries in 2020 (assumption)."""

CARE_CLASSES: Final[Mapping[str, float]] = MappingProxyType(
    {
        "8710 : Residential nursing care activities": LARGEST_SUB_SECTOR_JOBS_2020,
        "8720 : Residential care activities for learning difficulties, mental health and "
        "substance abuse": 1_000,
        "8730 : Residential care activities for the elderly and disabled": 2_500,
        "8790 : Other residential care activities": LARGEST_SUB_SECTOR_JOBS_2020,
        "8810 : Social work activities without accommodation for the elderly and disabled": 2_000,
        "8899 : Other social work activities without accommodation n.e.c.": 1_000,
    }
)
"""Social care SIC classes with Staffordshire's 2020 jobs (the two largest as published, the
rest an assumption adding up to 13,500)."""
CHILD_DAY_CARE: Final = ("8891 : Child day-care activities", 0.19)
"""Child day-care (SIC 88.91, not social care here) and its jobs relative to social care's."""

DISTRICT_CARE_SHARES: Final[Mapping[str, float]] = MappingProxyType(
    {
        "E07000192": 0.040,
        "E07000193": 0.031,
        "E07000194": DISTRICT_EMPLOYMENT_SHARE_RANGE_2020[0],
        "E07000195": 0.042,
        "E07000196": 0.033,
        "E07000197": DISTRICT_EMPLOYMENT_SHARE_RANGE_2020[1],
        "E07000198": 0.037,
        "E07000199": 0.029,
    }
)
"""Social care share of employment by district, 2020 (the lowest and highest as published; the
others assumed and scaled so the districts add up to the county)."""

SIZE_BANDS: Final = (
    ("0", "Total"),
    ("10", "Micro (0 to 9)"),
    ("20", "Small (10 to 49)"),
    ("30", "Medium-sized (50 to 249)"),
    ("40", "Large (250+)"),
)
"""UK Business Counts employment size bands."""
BUSINESSES: Final[Mapping[str, tuple[int, int, int, int]]] = MappingProxyType(
    {
        "87 : Residential care activities": (150, 165, 70, 5),
        "88 : Social work activities without accommodation": (360, 200, 20, 5),
    }
)
"""Staffordshire's social care local units by size band, 2021: 510, 365, 90 and 10 in all,
i.e. 52.3%, 37.4%, 9.2% and 1.0% (the published 52%, 37%, 9% and 1%)."""
ENGLAND_BUSINESSES: Final[Mapping[str, tuple[int, int, int, int]]] = MappingProxyType(
    {
        "87 : Residential care activities": (4_000, 5_500, 2_100, 250),
        "88 : Social work activities without accommodation": (19_000, 6_500, 900, 120),
    }
)
"""England's social care local units by size band, 2021 (assumption)."""

ENGLAND_PAY: Final = (14.82, 31_285)
"""England's median workplace hourly pay excluding overtime and full-time gross annual pay,
2021 (assumption)."""
SUPPRESSED_DISTRICT: Final = "E07000199"
"""The district whose ASHE figures are suppressed in the demo, to show the symbol."""


def _header(dimensions: Sequence[str]) -> tuple[str, ...]:
    return (*(d + s for d in ("DATE", "GEOGRAPHY", *dimensions) for s in SUFFIXES), *TAIL)


def _geography(code: str, name: str) -> tuple[str, ...]:
    kind = (
        ("countries", "499")
        if code.startswith("E92")
        else ("local authorities: county / unitary (as of April 2023)", "474")
        if code.startswith(("E10", "E06", "E08", "E09"))
        else ("local authorities: district / unitary (as of April 2023)", "424")
    )
    return (code, name, code, kind[0], kind[1], "0")


def _dimension(code: str, name: str) -> tuple[str, ...]:
    return (code, name, code, "", "", "0")


def _date(name: str, code: str) -> tuple[str, ...]:
    return (code, name, code, "date", "0", "0")


def _tail(
    value: object,
    *,
    measures: tuple[str, str] = ("20100", "Value"),
    status: tuple[str, str] = ("A", "Normal Value"),
) -> tuple[object, ...]:
    return (*measures, value, *status, "F", "Free (free for publication)", "", "0", "0")


def _areas(areas: Sequence[AreaProfile]) -> list[tuple[str, str, float, AreaProfile | None]]:
    """(code, name, size relative to Staffordshire, council) for England, each council and
    Staffordshire's districts."""
    rows: list[tuple[str, str, float, AreaProfile | None]] = []
    for area in areas:
        jitter = random.Random(derive_seed(0, "labour-market", area.code))
        ratio = (
            1.0
            if area.code == STAFFORDSHIRE_CODE
            else area.population_ratio * jitter.uniform(0.9, 1.1)
        )
        rows.append((area.code, area.name, ratio, area))
    return rows


def _district_split(area: AreaProfile, total: int) -> dict[str, int]:
    codes = [d.code for d in area.districts]
    weights = [STAFFORDSHIRE_DISTRICT_POPULATION_THOUSANDS[c] for c in codes]
    return dict(zip(codes, exact_counts(total, weights), strict=True))


def generate_claimant_count(areas: tuple[AreaProfile, ...]) -> str:
    """Claimant count and rate by month, January 2020 to April 2022 (NM_162_1)."""
    rows: list[tuple[object, ...]] = []

    def add(code: str, name: str, counts: Sequence[int], residents: int) -> None:
        for (year, number), count in zip(MONTHS, counts, strict=True):
            date = _date(f"{MONTH_NAMES[number - 1]} {year}", f"{year}-{number:02d}")
            common = (
                *date,
                *_geography(code, name),
                *_dimension("0", "Total"),
                *_dimension("0", "All categories: Age 16+"),
            )
            rows.append((*common, *_dimension("1", "Claimant count"), *_tail(count)))
            rate = round(100 * count / residents, 1)
            rows.append(
                (
                    *common,
                    *_dimension("2", "Claimants as a proportion of residents aged 16-64"),
                    *_tail(rate),
                )
            )

    march = CLAIMANT_COUNT_APRIL_2022 - CLAIMANT_CHANGE_MARCH_TO_APRIL_2022
    county = [round(march * f) for f in CLAIMANT_SHAPE] + [CLAIMANT_COUNT_APRIL_2022]
    england_april = round(
        ENGLAND_CLAIMANTS_MARCH_2022 * (1 + ENGLAND_CLAIMANT_CHANGE_RATE_APRIL_2022)
    )
    england = [round(ENGLAND_CLAIMANTS_MARCH_2022 * f) for f in CLAIMANT_SHAPE] + [england_april]
    add(*ENGLAND, england, ENGLAND_WORKING_AGE_RESIDENTS)
    for code, name, ratio, area in _areas(areas):
        counts = [round(n * ratio) for n in county]
        residents = round(WORKING_AGE_RESIDENTS * ratio)
        add(code, name, counts, residents)
        if area is not None and code == STAFFORDSHIRE_CODE:
            splits = [_district_split(area, n) for n in counts]
            population = _district_split(area, residents)
            for district in area.districts:
                add(
                    district.code,
                    district.name,
                    [s[district.code] for s in splits],
                    population[district.code],
                )
    return render_table(_header(("GENDER", "AGE", "MEASURE")), rows)


def _district_care(
    area: AreaProfile, all_jobs: int, care_jobs: int
) -> tuple[dict[str, int], dict[str, int]]:
    """Districts' employment and social care jobs: the published extremes fixed, the others
    scaled so the districts add up to the county."""
    totals = _district_split(area, all_jobs)
    low, high = DISTRICT_EMPLOYMENT_SHARE_RANGE_2020
    fixed = {c: round(totals[c] * s) for c, s in DISTRICT_CARE_SHARES.items() if s in (low, high)}
    others = [c for c in totals if c not in fixed]
    rest = exact_counts(
        care_jobs - sum(fixed.values()), [totals[c] * DISTRICT_CARE_SHARES[c] for c in others]
    )
    return totals, {**fixed, **dict(zip(others, rest, strict=True))}


def generate_bres(areas: tuple[AreaProfile, ...]) -> str:
    """Employment by social care SIC class and in all industries, 2015-2020 (NM_189_1)."""
    rows: list[tuple[object, ...]] = []
    names = [*CARE_CLASSES, CHILD_DAY_CARE[0]]

    def add(code: str, name: str, year: int, care: int, all_jobs: int) -> None:
        classes = exact_counts(care, list(CARE_CLASSES.values()))
        values = [*classes, round(care * CHILD_DAY_CARE[1])]
        common = (*_date(str(year), str(year)), *_geography(code, name))
        status = (*_dimension("4", "Employment"), *_dimension("1", "Count"))
        for index, (industry, value) in enumerate(zip(names, values, strict=True)):
            rows.append((*common, *_dimension(str(index + 1), industry), *status, *_tail(value)))
        rows.append((*common, *_dimension("37748736", "Total"), *status, *_tail(all_jobs)))

    england_2020 = round(ENGLAND_ALL_JOBS_2020 * ENGLAND_SOCIAL_CARE_EMPLOYMENT_SHARE_2020)
    england_2019 = round(england_2020 / (1 + ENGLAND_SOCIAL_CARE_JOBS_CHANGE_2019_TO_2020))
    for year in BRES_YEARS:
        england_care = (
            england_2020
            if year == 2020
            else round(england_2019 * CARE_JOBS[year] / CARE_JOBS[2019])
        )
        add(*ENGLAND, year, england_care, round(ENGLAND_ALL_JOBS_2020 * ALL_JOBS_GROWTH[year]))
        for code, name, ratio, area in _areas(areas):
            care = round(CARE_JOBS[year] * ratio)
            all_jobs = round(ALL_JOBS_2020 * ALL_JOBS_GROWTH[year] * ratio)
            add(code, name, year, care, all_jobs)
            if area is not None and code == STAFFORDSHIRE_CODE:
                totals, cares = _district_care(area, all_jobs, care)
                for district in area.districts:
                    add(
                        district.code,
                        district.name,
                        year,
                        cares[district.code],
                        totals[district.code],
                    )
    return render_table(_header(("INDUSTRY", "EMPLOYMENT_STATUS", "MEASURE")), rows)


def generate_business_counts(areas: tuple[AreaProfile, ...]) -> str:
    """Social care local units by employment size band, 2021 (NM_141_1)."""
    rows: list[tuple[object, ...]] = []

    def add(
        code: str, name: str, table: Mapping[str, tuple[int, int, int, int]], ratio: float
    ) -> None:
        common = (*_date("2021", "2021"), *_geography(code, name))
        for index, (industry, bands) in enumerate(table.items()):
            counts = [max(0, round(n * ratio / 5) * 5) for n in bands]
            for (band, label), value in zip(SIZE_BANDS, [sum(counts), *counts], strict=True):
                rows.append(
                    (
                        *common,
                        *_dimension(str(index + 1), industry),
                        *_dimension(band, label),
                        *_dimension("0", "Total"),
                        *_tail(value),
                    )
                )

    add(*ENGLAND, ENGLAND_BUSINESSES, 1.0)
    for code, name, ratio, _ in _areas(areas):
        add(code, name, BUSINESSES, ratio)
    return render_table(_header(("INDUSTRY", "EMPLOYMENT_SIZEBAND", "LEGAL_STATUS")), rows)


def generate_ashe(areas: tuple[AreaProfile, ...]) -> str:
    """Median workplace pay, 2021 (NM_99_1): hourly excluding overtime of all workers and
    gross annual of full-time workers, with their confidence (coefficient of variation)."""
    rows: list[tuple[object, ...]] = []

    def add(code: str, name: str, hourly: float | None, annual: int | None) -> None:
        common = (*_date("2021", "2021"), *_geography(code, name))
        for sex, pay, value in (
            (("7", "All Workers"), ("6", "Hourly pay - excluding overtime"), hourly),
            (("8", "Full Time Workers"), ("7", "Annual pay - gross"), annual),
        ):
            cells = (*common, *_dimension(*sex), *_dimension("2", "Median"), *_dimension(*pay))
            if value is None:
                suppressed = ("*", "These figures are suppressed as statistically unreliable")
                rows.append((*cells, *_tail("", status=suppressed)))
                continue
            rows.append((*cells, *_tail(value)))
            rows.append((*cells, *_tail(3.1, measures=("20701", "Confidence"))))

    add(*ENGLAND, *ENGLAND_PAY)
    for code, name, _, area in _areas(areas):
        jitter = random.Random(derive_seed(0, "ashe", code))
        factor = 1.0 if code == STAFFORDSHIRE_CODE else jitter.uniform(0.92, 1.12)
        add(
            code,
            name,
            round(WORKPLACE_HOURLY_PAY_ALL_SECTORS_2021 * factor, 2),
            round(WORKPLACE_ANNUAL_PAY_FULL_TIME_2021 * factor),
        )
        if area is not None and code == STAFFORDSHIRE_CODE:
            for district in area.districts:
                if district.code == SUPPRESSED_DISTRICT:
                    add(district.code, district.name, None, None)
                    continue
                step = random.Random(derive_seed(0, "ashe", district.code)).uniform(0.9, 1.1)
                add(
                    district.code,
                    district.name,
                    round(WORKPLACE_HOURLY_PAY_ALL_SECTORS_2021 * step, 2),
                    round(WORKPLACE_ANNUAL_PAY_FULL_TIME_2021 * step),
                )
    return render_table(_header(("SEX", "ITEM", "PAY")), rows)
