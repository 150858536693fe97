"""How the demo's workforce changes from year to year: four reference years, 2020/21 to 2023/24.

2021/22 is calibrated to the figures the strategy publishes (:mod:`careforce.synthetic.published`);
2020/21 uses the strategy's earlier-year figures where it gives them. 2022/23 and 2023/24 are not
published anywhere for the county: they are **plausible continuations**, assumed from the
direction of Skills for Care's national reports for those years (turnover and vacancies falling
back from their 2021/22 peak, international recruitment raising the shares of workers from
outside the EU and from Black, Asian and minority ethnic groups, the Care Certificate spreading,
zero-hours contracts slowly declining, an older workforce) and from the statutory wage floor.
Nothing here is a real figure for those years.

Each year's shares are the 2021/22 targets plus the year's :class:`YearShift` (0 for 2021/22).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.staff_codes import REGISTERED_MANAGER, REGISTERED_NURSE
from careforce.synthetic import published as pub

CALIBRATED_YEAR: Final = "2021-22"
"""The year calibrated to the strategy's published figures."""

CONTINUATION_YEARS: Final = ("2022-23", "2023-24")
"""Years that continue the story past the published figures (assumed, not published)."""

AGE_BAND_SHARES: Final[Mapping[str, float]] = MappingProxyType(
    {
        "under 25": 0.10,
        "25-34": 0.187,
        "35-44": 0.217,
        "45-54": 0.236,
        "55 and over": 0.27,
    }
)
"""Adult social care workforce by age band, 2021/22: under 25, 25-54 and 55 and over are the
strategy's published shares (10%, 64%, 27%; they sum to 1.01 and are used as weights); the
published 25-54 share is split 19 : 22 : 24 between 25-34, 35-44 and 45-54 as in Skills for
Care's national age profile (The state of the adult social care sector and workforce in England,
2022: under 25 about 9%, 25-34 about 19%, 35-44 about 22%, 45-54 about 24%, 55 and over about
26%)."""

AGE_BANDS: Final[Mapping[str, tuple[int, int, int]]] = MappingProxyType(
    {
        "under 25": (16, 24, 21),
        "25-34": (25, 34, 30),
        "35-44": (35, 44, 40),
        "45-54": (45, 54, 50),
        "55 and over": (55, 75, 58),
    }
)
"""Youngest, oldest and most common age drawn in each band."""


@dataclass(frozen=True)
class YearShift:
    """How a year's targets differ from 2021/22's (fractions: 0.01 is one percentage point).

    Attributes:
        female: Added to the female share.
        white: Added to the White share.
        british: Added to the British share; the opposite goes 25% to EU, 75% outside the EU.
        older: Added to the share aged 55 and over, taken from under 25 (a third) and 25-54.
        average_age: Added to the mean age, years.
        care_certificate: Added to each role group's Care Certificate share.
        qualified: Moved from "no relevant qualification" to levels 2 (60%) and 3 (40%) in
            each role group.
        zero_hours: Multiplies each service group's zero-hours share.
        full_time: Added to each service group's full-time share.
    """

    female: float = 0.0
    white: float = 0.0
    british: float = 0.0
    older: float = 0.0
    average_age: float = 0.0
    care_certificate: float = 0.0
    qualified: float = 0.0
    zero_hours: float = 1.0
    full_time: float = 0.0


YEAR_SHIFTS: Final[Mapping[str, YearShift]] = MappingProxyType(
    {
        "2020-21": YearShift(
            female=0.004,
            white=0.006,
            british=0.006,
            older=-0.007,
            average_age=-0.2,
            care_certificate=-0.03,
            qualified=-0.008,
            zero_hours=1.05,
            full_time=-0.01,
        ),
        CALIBRATED_YEAR: YearShift(),
        "2022-23": YearShift(
            female=-0.006,
            white=-0.018,
            british=-0.022,
            older=0.006,
            average_age=0.2,
            care_certificate=0.025,
            qualified=0.007,
            zero_hours=0.95,
            full_time=0.01,
        ),
        "2023-24": YearShift(
            female=-0.011,
            white=-0.041,
            british=-0.048,
            older=0.011,
            average_age=0.3,
            care_certificate=0.045,
            qualified=0.012,
            zero_hours=0.9,
            full_time=0.02,
        ),
    }
)
"""Each year's shift from 2021/22 (2022/23 and 2023/24 assumed; see the module's description)."""

RETENTION: Final[Mapping[str, pub.RetentionFigures]] = MappingProxyType(
    {
        **pub.RETENTION,
        "2022-23": pub.RetentionFigures(
            turnover=0.297,
            leavers_remaining_in_sector=0.61,
            vacancy_rate=0.087,
            vacancy_by_role=MappingProxyType(
                {
                    REGISTERED_MANAGER: 0.066,
                    pub.SENIOR_CARE_WORKER: 0.117,
                    pub.CARE_WORKER: 0.091,
                    REGISTERED_NURSE: 0.132,
                }
            ),
            sickness_days_per_worker=8.7,
            average_years_in_sector=9.0,
            registered_nurse_turnover=0.468,
        ),
        "2023-24": pub.RetentionFigures(
            turnover=0.263,
            leavers_remaining_in_sector=0.62,
            vacancy_rate=0.071,
            vacancy_by_role=MappingProxyType(
                {
                    REGISTERED_MANAGER: 0.074,
                    pub.SENIOR_CARE_WORKER: 0.093,
                    pub.CARE_WORKER: 0.073,
                    REGISTERED_NURSE: 0.104,
                }
            ),
            sickness_days_per_worker=8.1,
            average_years_in_sector=8.8,
            registered_nurse_turnover=0.402,
        ),
    }
)
"""Turnover, vacancies, sickness and experience by year: 2020/21 and 2021/22 published, 2022/23
and 2023/24 assumed (falling back from the 2021/22 peak as they did nationally; a registered
manager vacancy rate that rises again in 2023/24)."""

CARE_WORKER_HOURLY_INDEPENDENT: Final[Mapping[str, float]] = MappingProxyType(
    {
        "2020-21": 9.00,
        CALIBRATED_YEAR: pub.CARE_WORKER_HOURLY_INDEPENDENT_2021_22,
        "2022-23": 10.05,
        "2023-24": 10.96,
    }
)
"""Care workers' mean hourly pay, independent sector. 2021/22 is published (£9.46); 2020/21 is
assumed (£9.00: the published gap of £0.55 over the wage floor, less the rise in the floor);
2022/23 and 2023/24 assumed, a little above that year's wage floor."""

CARE_WORKER_HOURLY_LOCAL_AUTHORITY: Final[Mapping[str, float]] = MappingProxyType(
    {
        "2020-21": 12.60,
        CALIBRATED_YEAR: pub.CARE_WORKER_HOURLY_LOCAL_AUTHORITY_2021_22,
        "2022-23": 13.52,
        "2023-24": 14.31,
    }
)
"""Council care workers' mean hourly pay. 2021/22 is published (£12.91); the others assumed."""

ALL_ROLES_HOURLY_INDEPENDENT: Final[Mapping[str, float]] = MappingProxyType(
    {**pub.ALL_ROLES_HOURLY_INDEPENDENT, "2022-23": 10.92, "2023-24": 11.83}
)
"""All roles' mean hourly pay, independent sector: 2020/21 and 2021/22 published, later assumed."""

GROWTH: Final = (0.985, 1.045)
"""Range each workplace's staff is multiplied by from one continuation year to the next (about
1.5% growth a year in filled posts, as nationally)."""


def year_shift(label: str) -> YearShift:
    """The shift of a snapshot's targets (the base snapshot takes 2020/21's)."""
    return YEAR_SHIFTS.get(label, YEAR_SHIFTS["2020-21"])
