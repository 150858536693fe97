"""Population by area, age band and year, in the long layout of ONS subnational projections,
and Census 2021 working-age comparators.

Staffordshire's figures reproduce the strategy's published growth of the 65+ population
(the yearly path that reproduces its demand projections exactly) and its 0-17 population; other
years and bands are smooth paths around them. Staffordshire's eight districts add up to the
county in every band and year. Other councils follow Staffordshire's shape scaled to their own
population, with their region's age structure and growth.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.synthetic.csv_text import render_table
from careforce.synthetic.geography import (
    STAFFORDSHIRE_CODE,
    STAFFORDSHIRE_DISTRICT_POPULATION_THOUSANDS,
)
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import (
    AGED_0_17,
    AGED_65_PLUS_GROWTH_PATH,
    CENSUS_2021_WORKING_AGE,
)
from careforce.synthetic.sampling import derive_seed, exact_counts

YEARS: Final = tuple(range(2018, 2044))
"""Years covered, as in the ONS 2018-based subnational population projections."""

AGE_BANDS: Final = ("0-17", "18-64", "65+", "75+", "85+", "All ages")
"""Age bands written; 75+ and 85+ are parts of 65+, and All ages is 0-17 + 18-64 + 65+."""

POPULATION_COLUMNS: Final = (
    "area_code",
    "area_name",
    "geography",
    "year",
    "age_band",
    "population",
)
"""Columns of the population file."""

CENSUS_COLUMNS: Final = (
    "area_code",
    "area_name",
    "characteristic",
    "category",
    "residents",
    "share",
)
"""Columns of the Census 2021 working-age comparators file."""

STAFFORDSHIRE_2022: Final[Mapping[str, int]] = MappingProxyType(
    {"0-17": AGED_0_17[2022], "18-64": 522_100, "65+": 195_300}
)
"""Staffordshire's population in 2022 by broad band (0-17 published; others ONS 2018-based
projections, rounded)."""

OLDER_SHARES_2022: Final[Mapping[str, float]] = MappingProxyType({"75+": 0.487, "85+": 0.122})
"""Shares of the 65+ population aged 75+ and 85+ in 2022; both rise each year as people live
longer (assumption in line with ONS projections)."""

WORKING_AGE_SHARE: Final = 0.615
"""Share of residents aged 16 to 64 in Census 2021 (England about 63%; Staffordshire lower)."""

_REGION_AGE: Final[Mapping[str, tuple[float, float, float]]] = MappingProxyType(
    {
        # region: (65+ share factor, 0-17 share factor, 65+ growth factor)
        "E12000001": (1.0, 0.97, 0.95),
        "E12000002": (0.92, 1.02, 1.0),
        "E12000003": (0.93, 1.02, 1.0),
        "E12000004": (0.97, 1.0, 1.05),
        "E12000005": (0.9, 1.05, 1.0),
        "E12000006": (0.97, 1.02, 1.08),
        "E12000007": (0.55, 1.08, 1.2),
        "E12000008": (0.97, 1.01, 1.05),
        "E12000009": (1.1, 0.94, 1.0),
    }
)
"""How a region's age structure and ageing differ from Staffordshire's (assumption)."""

REGION_CENSUS: Final[Mapping[str, tuple[float, float]]] = MappingProxyType(
    {
        # region: (White share, British share) of working-age residents
        "E12000001": (0.93, 0.96),
        "E12000002": (0.85, 0.93),
        "E12000003": (0.83, 0.93),
        "E12000004": (0.84, 0.91),
        "E12000005": (0.76, 0.92),
        "E12000006": (0.85, 0.9),
        "E12000007": (0.52, 0.74),
        "E12000008": (0.87, 0.9),
        "E12000009": (0.92, 0.94),
    }
)
"""White and British shares of working-age residents by region, Census 2021 (rounded)."""

_DISTRICT_AGE: Final[Mapping[str, float]] = MappingProxyType(
    {
        "E07000192": 0.95,
        "E07000193": 0.95,
        "E07000194": 1.08,
        "E07000195": 1.0,
        "E07000196": 1.1,
        "E07000197": 1.02,
        "E07000198": 1.15,
        "E07000199": 0.85,
    }
)
"""How much older each Staffordshire district's population is than the county's (65+ factor)."""


def _interpolate(anchors: Mapping[int, float], year: int) -> float:
    keys = sorted(anchors)
    if year <= keys[0]:
        return anchors[keys[0]]
    if year >= keys[-1]:
        return anchors[keys[-1]]
    for low, high in itertools.pairwise(keys):
        if low <= year <= high:
            return anchors[low] + (anchors[high] - anchors[low]) * (year - low) / (high - low)
    raise AssertionError("unreachable")


def _growth_65(year: int) -> float:
    """Growth of the 65+ population since 2022."""
    if year in AGED_65_PLUS_GROWTH_PATH:
        return AGED_65_PLUS_GROWTH_PATH[year]
    if year <= 2022:
        return 1.018 ** (year - 2022) - 1
    level = 1 + AGED_65_PLUS_GROWTH_PATH[2032]
    for later in range(2033, year + 1):
        level *= 1 + 0.016 - (later - 2033) * 0.0007
    return level - 1


def staffordshire_path() -> dict[int, dict[str, int]]:
    """Staffordshire's population by year and band (0-17, 18-64, 65+, 75+, 85+)."""
    young = {2018: 165_900, **AGED_0_17, 2043: round(AGED_0_17[2032] * 0.9975**11)}
    working = {2018: 524_000, 2022: STAFFORDSHIRE_2022["18-64"], 2032: 512_000, 2043: 505_000}
    path: dict[int, dict[str, int]] = {}
    for year in YEARS:
        older = round(STAFFORDSHIRE_2022["65+"] * (1 + _growth_65(year)))
        rise = year - 2022
        path[year] = {
            "0-17": round(_interpolate(young, year)),
            "18-64": round(_interpolate(working, year)),
            "65+": older,
            "75+": round(older * (OLDER_SHARES_2022["75+"] + 0.005 * rise)),
            "85+": round(older * (OLDER_SHARES_2022["85+"] + 0.0015 * rise)),
        }
    return path


def _council_path(area: AreaProfile) -> dict[int, dict[str, int]]:
    base = staffordshire_path()
    if area.code == STAFFORDSHIRE_CODE:
        return base
    jitter = random.Random(derive_seed(0, "population", area.code))
    older_share, young_share, older_growth = _REGION_AGE[area.region]
    older_share *= jitter.uniform(0.9, 1.1)
    older_growth *= jitter.uniform(0.9, 1.1)
    young_growth = jitter.uniform(-0.004, 0.004)
    total_2022 = area.population_thousands * 1000 * 1.005
    staffs_total = sum(base[2022][b] for b in ("0-17", "18-64", "65+"))
    path: dict[int, dict[str, int]] = {}
    for year in YEARS:
        rise = year - 2022
        ratio = {b: base[year][b] / base[2022][b] for b in ("0-17", "18-64", "65+", "75+", "85+")}
        older = (
            total_2022
            * base[2022]["65+"]
            / staffs_total
            * older_share
            * (1 + (ratio["65+"] - 1) * older_growth)
        )
        young = (
            total_2022
            * base[2022]["0-17"]
            / staffs_total
            * young_share
            * (ratio["0-17"] * (1 + young_growth) ** rise)
        )
        working_2022 = (
            total_2022
            - (total_2022 * base[2022]["65+"] / staffs_total * older_share)
            - (total_2022 * base[2022]["0-17"] / staffs_total * young_share)
        )
        path[year] = {
            "0-17": round(young),
            "18-64": round(working_2022 * ratio["18-64"]),
            "65+": round(older),
            "75+": round(older * base[year]["75+"] / base[year]["65+"]),
            "85+": round(older * base[year]["85+"] / base[year]["65+"]),
        }
    return path


def _rows(
    code: str, name: str, geography: str, path: Mapping[int, Mapping[str, int]]
) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for year in YEARS:
        values = dict(path[year])
        values["All ages"] = values["0-17"] + values["18-64"] + values["65+"]
        rows.extend((code, name, geography, year, band, values[band]) for band in AGE_BANDS)
    return rows


def _district_paths(
    county: Mapping[int, Mapping[str, int]],
) -> dict[str, dict[int, dict[str, int]]]:
    """Staffordshire's districts, adding up exactly to the county in every band and year."""
    codes = list(STAFFORDSHIRE_DISTRICT_POPULATION_THOUSANDS)
    base = [STAFFORDSHIRE_DISTRICT_POPULATION_THOUSANDS[c] for c in codes]
    paths: dict[str, dict[int, dict[str, int]]] = {c: {} for c in codes}
    for year in YEARS:
        for band, value in county[year].items():
            older = band in ("65+", "75+", "85+")
            young = band == "0-17"
            weights = [
                b
                * (_DISTRICT_AGE[c] if older else (2 - _DISTRICT_AGE[c]) if young else 1.0)
                * (1 + (year - 2022) * 0.002 * (_DISTRICT_AGE[c] - 1) if older else 1.0)
                for c, b in zip(codes, base, strict=True)
            ]
            for code, share in zip(codes, exact_counts(value, weights), strict=True):
                paths[code].setdefault(year, {})[band] = share
    return paths


def generate_population(areas: tuple[AreaProfile, ...]) -> str:
    """Population by area, age band and year, 2018 to 2043, as CSV text.

    Args:
        areas: The councils; Staffordshire's districts are included when it is one of them.

    Returns:
        CSV text with :data:`POPULATION_COLUMNS` (one row per area, year and band).
    """
    rows: list[tuple[object, ...]] = []
    for area in areas:
        path = _council_path(area)
        rows.extend(_rows(area.code, area.name, "council", path))
        if area.code == STAFFORDSHIRE_CODE:
            districts = _district_paths(path)
            for district in area.districts:
                rows.extend(
                    _rows(district.code, district.name, "district", districts[district.code])
                )
    return render_table(POPULATION_COLUMNS, rows)


def generate_census_comparators(areas: tuple[AreaProfile, ...]) -> str:
    """Working-age residents (16-64) by sex, age band, ethnicity and nationality, Census 2021.

    Staffordshire has its published shares; other councils their region's ethnicity and
    nationality mix.
    """
    rows: list[tuple[object, ...]] = []
    for area in areas:
        residents = round(area.population_thousands * 1000 * WORKING_AGE_SHARE)
        for characteristic, shares in CENSUS_2021_WORKING_AGE.items():
            adjusted = dict(shares)
            if area.code != STAFFORDSHIRE_CODE:
                white, british = REGION_CENSUS[area.region]
                if characteristic == "ethnicity":
                    adjusted = {"White": white, "Black and other ethnic groups": 1 - white}
                elif characteristic == "nationality":
                    adjusted = {
                        "British": british,
                        "EU": (1 - british) * 0.55,
                        "Outside EU": (1 - british) * 0.45,
                    }
            categories = list(adjusted)
            counts = exact_counts(residents, [adjusted[c] for c in categories])
            for category, count in zip(categories, counts, strict=True):
                rows.append(
                    (
                        area.code,
                        area.name,
                        characteristic,
                        category,
                        count,
                        f"{adjusted[category]:.3f}",
                    )
                )
    return render_table(CENSUS_COLUMNS, rows)
