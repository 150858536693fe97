"""Education and training supply in the DfE Explore Education Statistics layouts: further
education and skills learning aim enrolments (older column names: ``ssa_t2_desc``,
``e_and_t_aims_enrolments``) and apprenticeship starts (newer names: ``ssa_tier_2``,
``starts``), by local authority, academic year and tier 2 sector subject area.

Staffordshire reproduces the published 2020/21 counts and shares for Health and Social Care and
for Child Development and Well Being, and their changes since 2018/19. The published figures are
for Stoke-on-Trent and Staffordshire together; the demo files them under the county. As EES does,
volumes are rounded to the nearest 10, a count below 5 is ``low``, and the ``Total`` subject row
is the rounded total (so the subjects need not add up to it exactly).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.synthetic.csv_text import render_table
from careforce.synthetic.geography import REGIONS, STAFFORDSHIRE_CODE
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import (
    ALL_APPRENTICESHIP_STARTS_CHANGE_2018_19_TO_2020_21,
    ALL_ENROLMENTS_CHANGE_2018_19_TO_2020_21,
    APPRENTICESHIP_STARTS_2018_19,
    APPRENTICESHIP_STARTS_2020_21,
    LEARNING_AIM_ENROLMENTS_2018_19,
    LEARNING_AIM_ENROLMENTS_2020_21,
    SkillsSupplyFigures,
)
from careforce.synthetic.sampling import derive_seed, exact_counts

LEADING_COLUMNS: Final = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "new_la_code",
    "old_la_code",
    "la_name",
)
"""EES standard leading columns of a local authority level file."""
ENROLMENT_COLUMNS: Final = (*LEADING_COLUMNS, "ssa_t2_desc", "sex", "e_and_t_aims_enrolments")
"""Columns of the enrolments file (the older EES names)."""
APPRENTICESHIP_COLUMNS: Final = (
    *LEADING_COLUMNS,
    "apps_level",
    "age_summary",
    "ssa_tier_2",
    "starts",
)
"""Columns of the apprenticeship starts file (the newer EES names)."""

ACADEMIC_YEARS: Final = ("2018/19", "2019/20", "2020/21", "2021/22")
"""Academic years covered."""

MEASURES: Final = ("learning_aim_enrolments", "apprenticeship_starts")
"""What is counted: further education learning aim enrolments, apprenticeship starts."""

OLD_LA_CODES: Final = {STAFFORDSHIRE_CODE: "860"}
"""DfE three-digit local authority codes known to the demo."""

SECTOR_SUBJECT_AREAS: Final[Mapping[str, tuple[float, float]]] = MappingProxyType(
    {
        # tier 2 area: (weight among enrolments, weight among apprenticeship starts)
        "Health and Social Care": (0.0, 0.0),
        "Child Development and Well Being": (0.0, 0.0),
        "Nursing, Subjects and Vocations Allied to Medicine": (1.5, 1.2),
        "Public Services": (1.2, 1.5),
        "Science": (1.5, 0.3),
        "Mathematics and Statistics": (6.0, 0.0),
        "Agriculture": (1.0, 0.8),
        "Animal Care and Veterinary Science": (1.2, 0.4),
        "Engineering": (3.0, 8.0),
        "Manufacturing Technologies": (1.0, 6.0),
        "Transportation Operations and Maintenance": (1.5, 4.0),
        "Building and Construction": (4.0, 7.0),
        "ICT for Users": (3.0, 0.5),
        "ICT Practitioners": (2.0, 3.5),
        "Retailing and Wholesaling": (1.5, 4.0),
        "Warehousing and Distribution": (0.5, 3.0),
        "Service Enterprises": (3.0, 2.5),
        "Hospitality and Catering": (2.5, 4.5),
        "Sport, Leisure and Recreation": (3.0, 1.5),
        "Crafts, Creative Arts and Design": (3.5, 0.3),
        "Media and Communication": (1.0, 0.3),
        "Teaching and Lecturing": (1.5, 2.5),
        "Direct Learning Support": (1.0, 1.0),
        "Foundations for Learning and Life": (14.0, 0.0),
        "Preparation for Work": (6.0, 0.0),
        "Accounting and Finance": (1.0, 3.5),
        "Administration": (1.5, 5.0),
        "Business Management": (2.0, 9.0),
        "Marketing and Sales": (0.5, 1.0),
        "Languages, Literature and Culture of the British Isles": (4.0, 0.0),
    }
)
"""DfE tier 2 sector subject areas and how the rest of the total is spread among them
(assumption; the two care areas are set from the published figures)."""

CARE: Final = ("Health and Social Care", "Child Development and Well Being")
"""The strategy's two care subject areas."""
MIDDLE_YEAR_FACTORS: Final[Mapping[str, float]] = MappingProxyType(
    {"2019/20": 0.5, "2021/22": 1.03}
)
"""2019/20 lies halfway between 2018/19 and 2020/21; 2021/22 is 2020/21 grown 3% (assumption)."""
ROUNDING: Final = 10
"""EES rounds FE and apprenticeship volumes to the nearest 10."""
LOW: Final = 5
"""Below this a count is published as ``low`` (EES FE guidance)."""


def _path(first: Mapping[str, int], last: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """Counts by year from the 2018/19 and 2020/21 anchors."""
    middle = {k: round((first[k] + last[k]) * MIDDLE_YEAR_FACTORS["2019/20"]) for k in first}
    after = {k: round(last[k] * MIDDLE_YEAR_FACTORS["2021/22"]) for k in first}
    return {"2018/19": dict(first), "2019/20": middle, "2020/21": dict(last), "2021/22": after}


def _anchors(
    figures: Mapping[str, SkillsSupplyFigures], before: Mapping[str, int], change: float
) -> dict[str, dict[str, int]]:
    total = _rounded(
        figures["Health and Social Care"].count / figures["Health and Social Care"].share_of_all
    )
    last = {"total": total, **{k: figures[k].count for k in CARE}}
    first = {"total": _rounded(total / (1 + change)), **{k: before[k] for k in CARE}}
    return _path(first, last)


def _rounded(value: float) -> int:
    return int(round(value / ROUNDING) * ROUNDING)


def _cell(value: int) -> str:
    """A published EES volume: rounded to 10, ``low`` below 5."""
    if 0 < value < LOW:
        return "low"
    return str(_rounded(value))


def staffordshire_targets() -> dict[str, dict[str, dict[str, int]]]:
    """Total and care-area counts by measure and year for Stoke-on-Trent and Staffordshire."""
    return {
        "learning_aim_enrolments": _anchors(
            LEARNING_AIM_ENROLMENTS_2020_21,
            LEARNING_AIM_ENROLMENTS_2018_19,
            ALL_ENROLMENTS_CHANGE_2018_19_TO_2020_21,
        ),
        "apprenticeship_starts": _anchors(
            APPRENTICESHIP_STARTS_2020_21,
            APPRENTICESHIP_STARTS_2018_19,
            ALL_APPRENTICESHIP_STARTS_CHANGE_2018_19_TO_2020_21,
        ),
    }


def _leading(area: AreaProfile, year: str) -> tuple[str, ...]:
    return (
        year[:4] + year[5:],
        "Academic year",
        "Local authority",
        "E92000001",
        "England",
        area.region,
        REGIONS[area.region],
        area.code,
        OLD_LA_CODES.get(area.code, ""),
        area.name,
    )


def _generate(areas: tuple[AreaProfile, ...], measure: str) -> list[tuple[object, ...]]:
    column = MEASURES.index(measure)
    base = staffordshire_targets()[measure]
    rows: list[tuple[object, ...]] = []
    for area in areas:
        jitter = random.Random(derive_seed(0, "enrolments", area.code))
        ratio = (
            1.0
            if area.code == STAFFORDSHIRE_CODE
            else area.population_ratio * jitter.uniform(0.85, 1.15)
        )
        filters = ("Total",) if column == 0 else ("Total", "Total")
        for year in ACADEMIC_YEARS:
            figures = base[year]
            total = round(figures["total"] * ratio)
            care = {k: round(figures[k] * ratio) for k in CARE}
            others = [a for a, w in SECTOR_SUBJECT_AREAS.items() if w[column] > 0]
            rest = exact_counts(
                max(0, total - sum(care.values())),
                [SECTOR_SUBJECT_AREAS[a][column] * jitter.uniform(0.9, 1.1) for a in others],
            )
            counts = {**care, **dict(zip(others, rest, strict=True)), "Total": total}
            leading = _leading(area, year)
            for subject, count in counts.items():
                if column == 0:
                    rows.append((*leading, subject, *filters, _cell(count)))
                else:
                    rows.append((*leading, *filters, subject, _cell(count)))
    return rows


def generate_enrolments(areas: tuple[AreaProfile, ...]) -> str:
    """Learning aim enrolments by local authority, year and tier 2 subject, as EES CSV text.

    Args:
        areas: The councils. Staffordshire has the published figures; another council has them
            scaled to its population, varied a little.
    """
    return render_table(ENROLMENT_COLUMNS, _generate(areas, "learning_aim_enrolments"))


def generate_apprenticeship_starts(areas: tuple[AreaProfile, ...]) -> str:
    """Apprenticeship starts by local authority, year and tier 2 subject, as EES CSV text."""
    return render_table(APPRENTICESHIP_COLUMNS, _generate(areas, "apprenticeship_starts"))
