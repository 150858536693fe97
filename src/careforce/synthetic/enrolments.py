"""Education and training supply: further education learning aim enrolments and apprenticeship
starts by sector subject area (tier 2) and academic year, as the DfE publishes them.

Staffordshire reproduces the published 2020/21 counts and shares for Health and Social Care and
for Child Development and Well Being, and the published changes in apprenticeship starts since
2018/19. The published figures are for Stoke-on-Trent and Staffordshire together; the demo
attaches them to the county.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from careforce.synthetic.csv_text import render_table
from careforce.synthetic.geography import STAFFORDSHIRE_CODE
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import (
    ALL_APPRENTICESHIP_STARTS_CHANGE_2018_19_TO_2020_21,
    APPRENTICESHIP_STARTS_2018_19,
    APPRENTICESHIP_STARTS_2020_21,
    LEARNING_AIM_ENROLMENTS_2020_21,
    SkillsSupplyFigures,
)
from careforce.synthetic.sampling import derive_seed, exact_counts

ENROLMENT_COLUMNS: Final = (
    "area_code",
    "area_name",
    "academic_year",
    "measure",
    "sector_subject_area",
    "count",
)
"""Columns of the enrolments file."""

ACADEMIC_YEARS: Final = ("2018/19", "2019/20", "2020/21", "2021/22")
"""Academic years covered."""

MEASURES: Final = ("learning_aim_enrolments", "apprenticeship_starts")
"""What is counted: further education learning aim enrolments, apprenticeship starts."""

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

YEAR_FACTORS: Final[Mapping[str, float]] = MappingProxyType(
    {"2018/19": 1.06, "2019/20": 1.03, "2020/21": 1.0, "2021/22": 1.02}
)
"""Size of each year relative to 2020/21 for enrolments (assumption)."""


def _staffordshire_targets() -> dict[tuple[str, str], dict[str, int]]:
    """Totals and care-area counts by (year, measure) for Stoke-on-Trent and Staffordshire."""

    def totals(figures: Mapping[str, SkillsSupplyFigures]) -> int:
        return round(
            figures["Health and Social Care"].count / figures["Health and Social Care"].share_of_all
        )

    enrol_total = totals(LEARNING_AIM_ENROLMENTS_2020_21)
    appr_total = totals(APPRENTICESHIP_STARTS_2020_21)
    appr_2018 = round(appr_total / (1 + ALL_APPRENTICESHIP_STARTS_CHANGE_2018_19_TO_2020_21))
    appr_hsc = {
        "2018/19": APPRENTICESHIP_STARTS_2018_19["Health and Social Care"],
        "2020/21": APPRENTICESHIP_STARTS_2020_21["Health and Social Care"].count,
    }
    appr_cd = {
        "2018/19": APPRENTICESHIP_STARTS_2018_19["Child Development and Well Being"],
        "2020/21": APPRENTICESHIP_STARTS_2020_21["Child Development and Well Being"].count,
    }
    appr_totals = {
        "2018/19": appr_2018,
        "2019/20": round((appr_2018 + appr_total) / 2 * 1.03),
        "2020/21": appr_total,
        "2021/22": round(appr_total * 1.04),
    }
    targets: dict[tuple[str, str], dict[str, int]] = {}
    enrol_hsc = LEARNING_AIM_ENROLMENTS_2020_21["Health and Social Care"].count
    enrol_cd = LEARNING_AIM_ENROLMENTS_2020_21["Child Development and Well Being"].count
    for year in ACADEMIC_YEARS:
        factor = YEAR_FACTORS[year]
        targets[(year, "learning_aim_enrolments")] = {
            "total": round(enrol_total * factor),
            "Health and Social Care": round(enrol_hsc * (factor if year != "2020/21" else 1)),
            "Child Development and Well Being": round(
                enrol_cd * (factor if year != "2020/21" else 1)
            ),
        }
        hsc = appr_hsc.get(
            year,
            round((appr_hsc["2018/19"] + appr_hsc["2020/21"]) / 2 * 0.97)
            if year == "2019/20"
            else round(appr_hsc["2020/21"] * 1.03),
        )
        cd = appr_cd.get(
            year,
            round((appr_cd["2018/19"] + appr_cd["2020/21"]) / 2)
            if year == "2019/20"
            else round(appr_cd["2020/21"] * 0.98),
        )
        targets[(year, "apprenticeship_starts")] = {
            "total": appr_totals[year],
            "Health and Social Care": hsc,
            "Child Development and Well Being": cd,
        }
    return targets


def generate_enrolments(areas: tuple[AreaProfile, ...]) -> str:
    """Enrolments and apprenticeship starts by area, year and sector subject area, as CSV text.

    Args:
        areas: The councils. Staffordshire has the published figures; another council has them
            scaled to its population, varied a little.
    """
    base = _staffordshire_targets()
    rows: list[tuple[object, ...]] = []
    for area in areas:
        jitter = random.Random(derive_seed(0, "enrolments", area.code))
        ratio = (
            1.0
            if area.code == STAFFORDSHIRE_CODE
            else (area.population_ratio * jitter.uniform(0.85, 1.15))
        )
        name = "Stoke-on-Trent and Staffordshire" if area.code == STAFFORDSHIRE_CODE else area.name
        for (year, measure), figures in base.items():
            column = MEASURES.index(measure)
            total = round(figures["total"] * ratio)
            care = {k: round(v * ratio) for k, v in figures.items() if k != "total"}
            others = [a for a, w in SECTOR_SUBJECT_AREAS.items() if w[column] > 0]
            rest = exact_counts(
                max(0, total - sum(care.values())),
                [SECTOR_SUBJECT_AREAS[a][column] * jitter.uniform(0.9, 1.1) for a in others],
            )
            counts = {**care, **dict(zip(others, rest, strict=True))}
            rows.extend(
                (area.code, name, year, measure, subject, count)
                for subject, count in counts.items()
            )
    return render_table(ENROLMENT_COLUMNS, rows)
