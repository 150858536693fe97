"""Figures published in the Staffordshire Social Care Workforce Strategy 2022-2027.

These are the calibration targets of the demo data. Unless a docstring says otherwise each figure
comes from the strategy's Data Appendix, which cites the Skills for Care 2021/22 dataset for adult
social care, Staffordshire County Council for its children's services staff, a local survey of 14
children's providers, ONS 2018-based subnational population projections, Census 2021, EMSI
(Lightcast) job postings for September 2021 to August 2022 and the DfE localism dashboard.
Percentages are written as fractions (0.322 = 32.2%).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.groups import RoleGroup, ServiceGroup
from careforce.core.vocab.staff_codes import REGISTERED_MANAGER, REGISTERED_NURSE

SENIOR_CARE_WORKER: Final = 7
"""ASC-WDS job role code of a senior care worker (a key role in the strategy's tables)."""

CARE_WORKER: Final = 8
"""ASC-WDS job role code of a care worker (a key role in the strategy's tables)."""


@dataclass(frozen=True)
class ReferenceYear:
    """An ASC-WDS reporting year and the date its snapshot describes."""

    label: str
    reference_date: dt.date

    @property
    def start(self) -> dt.date:
        """First day of the 12 months the year's starters and leavers are counted over."""
        return self.reference_date.replace(year=self.reference_date.year - 1) + dt.timedelta(1)


REFERENCE_YEARS: Final = (
    ReferenceYear("2020-21", dt.date(2021, 3, 31)),
    ReferenceYear("2021-22", dt.date(2022, 3, 31)),
    ReferenceYear("2022-23", dt.date(2023, 3, 31)),
    ReferenceYear("2023-24", dt.date(2024, 3, 31)),
)
"""The four ASC-WDS years generated: 2021/22 calibrated to the strategy, 2020/21 before it, and
2022/23 and 2023/24 as assumed continuations (:mod:`careforce.synthetic.story`)."""

# --- adult social care: size ---------------------------------------------------------------

FILLED_POSTS_TOTAL: Final = 21_000
"""Adult social care filled posts in Staffordshire, all sectors including personal assistants."""

FILLED_POSTS_LOCAL_AUTHORITY: Final = 700
"""Filled posts employed by the local authority."""

FILLED_POSTS_INDEPENDENT: Final = 17_500
"""Filled posts in the independent (private and voluntary) sector."""

FILLED_POSTS_PERSONAL_ASSISTANTS: Final = 1_400
"""Personal assistants employed by individuals (not in ASC-WDS workplace returns)."""

FILLED_POSTS_RESIDENTIAL_AND_NURSING: Final = 11_500
"""Filled posts in residential and nursing care."""

FILLED_POSTS_HOME_CARE: Final = 7_200
"""Filled posts in home care, personal assistants included."""

FILLED_POSTS_DAY_AND_COMMUNITY: Final = 950
"""Filled posts in day and community services."""

BUSINESS_SIZE_SHARES: Final[Mapping[str, float]] = MappingProxyType(
    {"micro": 0.52, "small": 0.37, "medium": 0.09, "large": 0.01}
)
"""Share of social care businesses by employees, 2021 (ONS UK Business Counts): micro 0-9,
small 10-49, medium 50-249, large 250 or more."""

# --- adult social care: who works in it (2021/22) ------------------------------------------

FEMALE_SHARE: Final = 0.86
"""Share of the adult social care workforce that is female."""

AVERAGE_AGE: Final = 43.0
"""Average age of the adult social care workforce, years."""

AGE_BAND_SHARES: Final[Mapping[str, float]] = MappingProxyType(
    {"under 25": 0.10, "25-54": 0.64, "55 and over": 0.27}
)
"""Share of the adult social care workforce by age band (published rounded; sums to 1.01)."""

WHITE_SHARE: Final = 0.91
"""Share of the adult social care workforce that is White."""

NATIONALITY_SHARES: Final[Mapping[str, float]] = MappingProxyType(
    {"British": 0.93, "EU": 0.03, "Outside EU": 0.04}
)
"""Share of the adult social care workforce by nationality group."""


@dataclass(frozen=True)
class ContractShares:
    """Contract mix of a service group, as shares of its workers."""

    permanent: float
    temporary_pool_bank: float
    full_time: float
    zero_hours: float


CONTRACTS_BY_SERVICE: Final[Mapping[ServiceGroup, ContractShares]] = MappingProxyType(
    {
        ServiceGroup.RESIDENTIAL: ContractShares(0.95, 0.05, 0.49, 0.06),
        ServiceGroup.NURSING: ContractShares(0.94, 0.06, 0.63, 0.05),
        ServiceGroup.HOME_CARE: ContractShares(0.95, 0.04, 0.37, 0.42),
    }
)
"""Contracts, full-time working and zero-hours contracts by service group."""

# --- adult social care: recruitment and retention ------------------------------------------


@dataclass(frozen=True)
class RetentionFigures:
    """Recruitment and retention figures of one ASC-WDS year."""

    turnover: float
    leavers_remaining_in_sector: float
    vacancy_rate: float
    vacancy_by_role: Mapping[int, float]
    sickness_days_per_worker: float
    average_years_in_sector: float
    registered_nurse_turnover: float


RETENTION: Final[Mapping[str, RetentionFigures]] = MappingProxyType(
    {
        "2020-21": RetentionFigures(
            turnover=0.282,
            leavers_remaining_in_sector=0.64,
            vacancy_rate=0.065,
            vacancy_by_role=MappingProxyType(
                {
                    REGISTERED_MANAGER: 0.074,
                    SENIOR_CARE_WORKER: 0.087,
                    CARE_WORKER: 0.063,
                    REGISTERED_NURSE: 0.089,
                }
            ),
            sickness_days_per_worker=9.0,
            average_years_in_sector=8.9,
            registered_nurse_turnover=0.473,
        ),
        "2021-22": RetentionFigures(
            turnover=0.322,
            leavers_remaining_in_sector=0.59,
            vacancy_rate=0.099,
            vacancy_by_role=MappingProxyType(
                {
                    REGISTERED_MANAGER: 0.057,
                    SENIOR_CARE_WORKER: 0.135,
                    CARE_WORKER: 0.105,
                    REGISTERED_NURSE: 0.16,
                }
            ),
            sickness_days_per_worker=9.4,
            average_years_in_sector=9.1,
            registered_nurse_turnover=0.554,
        ),
    }
)
"""Turnover, leavers remaining in the sector, vacancy rates, sickness and experience by year."""

SHARE_OVER_10_YEARS_IN_SECTOR: Final = 0.33
"""Share of the workforce with more than 10 years in the sector, 2021/22 ("a third")."""

# --- adult social care: qualifications (2021/22) -------------------------------------------


@dataclass(frozen=True)
class QualificationShares:
    """Shares of a role group by highest relevant social care qualification, and the Care
    Certificate (completed or in progress)."""

    any_relevant: float
    entry_or_level_1: float
    level_2: float
    level_3: float
    level_4_plus: float
    care_certificate: float


QUALIFICATIONS: Final[Mapping[str, QualificationShares]] = MappingProxyType(
    {
        "all": QualificationShares(0.50, 0.01, 0.25, 0.18, 0.08, 0.54),
        RoleGroup.DIRECT_CARE.value: QualificationShares(0.49, 0.01, 0.28, 0.18, 0.02, 0.60),
        # Only "any relevant", level 4+ and the Care Certificate are published for managers;
        # the split of the rest between entry/level 1, level 2 and level 3 is assumed.
        RoleGroup.MANAGERIAL.value: QualificationShares(0.73, 0.01, 0.11, 0.25, 0.36, 0.45),
    }
)
"""Highest relevant qualification and Care Certificate by role group."""

# --- adult social care: pay ----------------------------------------------------------------

CARE_WORKER_HOURLY_INDEPENDENT_2021_22: Final = 9.46
"""Average hourly pay of care workers in the independent sector, 2021/22."""

CARE_WORKER_HOURLY_LOCAL_AUTHORITY_2021_22: Final = 12.91
"""Average hourly pay of care workers employed by the local authority, 2021/22."""

ALL_ROLES_HOURLY_INDEPENDENT: Final[Mapping[str, float]] = MappingProxyType(
    {"2020-21": 9.75, "2021-22": 10.25}
)
"""Average hourly pay of all job roles in the independent sector at March 2021 and March 2022."""

NATIONAL_LIVING_WAGE: Final[Mapping[str, float]] = MappingProxyType(
    {"2020-21": 8.72, "2021-22": 8.91, "2022-23": 9.50, "2023-24": 10.42}
)
"""Statutory National Living Wage in force at each reference date (GOV.UK rates: £8.72 from
April 2020, £8.91 from April 2021, £9.50 from April 2022, £10.42 from April 2023); the strategy's "£0.55 above" and "£1.34 above" use £8.91."""

# --- children's social care: county council staff (2021/22) --------------------------------

CHILDREN_STAFF_BY_ROLE: Final[Mapping[str, int]] = MappingProxyType(
    {
        "Family practitioner": 210,
        "Family time worker": 40,
        "Residential worker": 80,
        "Personal adviser": 40,
        "Social worker or senior practitioner": 330,
        "Management and leadership": 80,
    }
)
"""Staffordshire County Council children and families staff by role (780 of the 788)."""

CHILDREN_STAFF_TOTAL: Final = 788
"""Staff in Staffordshire County Council's children and families services."""

CHILDREN_QUALIFIED_SOCIAL_WORKER_ROLES: Final = 402
"""Qualified social worker roles among the 788 (the projections' base)."""

CHILDREN_FEMALE_SHARE: Final = 0.88
"""Share of the council's children's staff who are female (the appendix says 0.89)."""

CHILDREN_AVERAGE_AGE: Final = 43.0
"""Average age of the council's children's staff."""

CHILDREN_SAFEGUARDING_SW_AVERAGE_AGE: Final = 36.0
"""Average age of safeguarding social workers."""

CHILDREN_AVERAGE_SERVICE_YEARS: Final = 8.1
"""Average years of service with the council."""

CHILDREN_SAFEGUARDING_SW_SERVICE_YEARS: Final = 3.9
"""Average years of service with the council of safeguarding social workers."""

CHILDREN_TURNOVER: Final[Mapping[str, float]] = MappingProxyType({"2020-21": 0.11, "2021-22": 0.16})
"""Turnover of the council's children's staff: 16% in 2021/22, "higher than the previous year
by around 5%", so 11% is used for 2020/21."""

CHILDREN_AGE_BAND_SHARES: Final[Mapping[str, float]] = MappingProxyType(
    {"under 25": 0.03, "25-54": 0.79, "55 and over": 0.18}
)
"""Council children's staff by age band."""

CHILDREN_ETHNICITY_SHARES: Final[Mapping[str, float]] = MappingProxyType(
    {"White": 0.73, "Other ethnic groups": 0.12, "Unknown": 0.15}
)
"""Council children's staff by ethnicity group."""

CHILDREN_NATIONALITY_SHARES: Final[Mapping[str, float]] = MappingProxyType(
    {"British": 0.38, "EU": 0.01, "Outside EU": 0.0, "Unknown": 0.61}
)
"""Council children's staff by nationality group (most records have no nationality)."""

CHILDREN_CONTRACTS: Final = ContractShares(0.90, 0.10, 0.76, 0.06)
"""Council children's staff contracts, full-time working and zero-hours contracts."""

# --- children's social care: independent providers survey ----------------------------------


@dataclass(frozen=True)
class ProviderSurveyFigures:
    """Aggregate figures from the 14 children's providers that answered the local survey."""

    providers: int
    female: float
    age_bands: Mapping[str, float]
    white: float
    nationality: Mapping[str, float]
    full_time: float
    permanent: float
    bank_or_pool: float
    zero_hours: float
    turnover: float
    vacancy_rate: float
    years_in_role: Mapping[str, float]
    years_in_sector: Mapping[str, float]
    qualifications: Mapping[str, float]
    hourly_pay_range: tuple[float, float]


PROVIDER_SURVEY: Final = ProviderSurveyFigures(
    providers=14,
    female=0.77,
    age_bands=MappingProxyType({"under 25": 0.11, "25-54": 0.81, "55 and over": 0.08}),
    white=0.77,
    nationality=MappingProxyType({"British": 0.84, "EU": 0.02, "Outside EU": 0.14}),
    full_time=0.67,
    permanent=0.93,
    bank_or_pool=0.04,
    zero_hours=0.03,
    turnover=0.239,
    vacancy_rate=0.09,
    years_in_role=MappingProxyType({"under 3": 0.31, "3 to 9": 0.48, "10 or more": 0.21}),
    years_in_sector=MappingProxyType({"under 3": 0.25, "3 to 9": 0.40, "10 or more": 0.35}),
    qualifications=MappingProxyType(
        {
            "none": 0.20,
            "entry or level 1": 0.06,
            "level 2": 0.04,
            "level 3": 0.51,
            "level 4 or above": 0.19,
        }
    ),
    hourly_pay_range=(10.16, 21.00),
)
"""The children's independent providers survey, 2022."""

# --- population ----------------------------------------------------------------------------

AGED_65_PLUS_GROWTH_FROM_2022: Final[Mapping[int, float]] = MappingProxyType(
    {2024: 0.031, 2027: 0.085, 2032: 0.184}
)
"""Growth of Staffordshire's population aged 65 and over since 2022 (ONS 2018-based SNPP)."""

AGED_65_PLUS_GROWTH_PATH: Final[Mapping[int, float]] = MappingProxyType(
    {
        2023: 0.0154,
        2024: 0.0311,
        2025: 0.0467,
        2026: 0.0647,
        2027: 0.0849,
        2028: 0.1050,
        2029: 0.1250,
        2030: 0.1448,
        2031: 0.1644,
        2032: 0.1840,
    }
)
"""Yearly growth of the 65+ population since 2022 that reproduces the strategy's adult demand
projections exactly (the smoothest path through the published anchors; see methodology)."""

AGED_0_17: Final[Mapping[int, int]] = MappingProxyType(
    {2022: 167_600, 2024: 167_935, 2027: 167_097, 2032: 164_583}
)
"""Staffordshire's population aged 0 to 17 (ONS 2018-based SNPP)."""

CENSUS_2021_WORKING_AGE: Final[Mapping[str, Mapping[str, float]]] = MappingProxyType(
    {
        "sex": MappingProxyType({"Female": 0.505, "Male": 0.495}),
        "age band": MappingProxyType({"under 25": 0.119, "25-54": 0.607, "55 and over": 0.275}),
        "ethnicity": MappingProxyType({"White": 0.955, "Black and other ethnic groups": 0.045}),
        "nationality": MappingProxyType({"British": 0.965, "EU": 0.021, "Outside EU": 0.015}),
    }
)
"""Staffordshire's working-age residents by characteristic, Census 2021 (the comparators)."""

# --- labour market -------------------------------------------------------------------------


@dataclass(frozen=True)
class PostingFigures:
    """Job postings of one title or city: total and unique postings and median days active."""

    total: int
    unique: int
    intensity: int
    median_days: int


POSTINGS_BY_TITLE: Final[Mapping[str, PostingFigures]] = MappingProxyType(
    {
        "Support Workers": PostingFigures(5724, 1496, 4, 33),
        "Care Assistants": PostingFigures(3901, 1037, 4, 34),
        "Health Care Assistants": PostingFigures(1532, 439, 3, 35),
        "Staff Nurses": PostingFigures(2384, 415, 6, 35),
        "Registered Nurses": PostingFigures(1480, 389, 4, 33),
        "Night Assistants": PostingFigures(842, 267, 3, 35),
        "Registered General Nurses": PostingFigures(1411, 246, 6, 35),
        "Residential Support Workers": PostingFigures(556, 156, 4, 33),
        "Care Workers": PostingFigures(650, 138, 5, 36),
        "Night Nurses": PostingFigures(1007, 128, 8, 39),
    }
)
"""Top social care job titles in postings, September 2021 to August 2022 (EMSI/Lightcast)."""

POSTINGS_BY_CITY: Final[Mapping[str, PostingFigures]] = MappingProxyType(
    {
        "Stafford": PostingFigures(8312, 1957, 4, 34),
        "Burton upon Trent": PostingFigures(4923, 1270, 4, 35),
        "Cannock": PostingFigures(2950, 819, 4, 35),
        "Tamworth": PostingFigures(2116, 621, 3, 34),
        "Lichfield": PostingFigures(2624, 595, 4, 35),
        "Leek": PostingFigures(2128, 447, 5, 35),
        "Newcastle-under-Lyme": PostingFigures(956, 411, 2, 35),
        "Uttoxeter": PostingFigures(1264, 288, 4, 33),
        "Rugeley": PostingFigures(1057, 284, 4, 35),
        "Burntwood": PostingFigures(732, 253, 3, 35),
    }
)
"""Top cities of social care job postings, September 2021 to August 2022 (EMSI/Lightcast)."""

POSTINGS_PERIOD: Final = (dt.date(2021, 9, 1), dt.date(2022, 8, 31))
"""The 12 months the published postings tables cover."""


@dataclass(frozen=True)
class SkillsSupplyFigures:
    """Learning aim enrolments or apprenticeship starts in one subject area."""

    count: int
    share_of_all: float


LEARNING_AIM_ENROLMENTS_2020_21: Final[Mapping[str, SkillsSupplyFigures]] = MappingProxyType(
    {
        "Health and Social Care": SkillsSupplyFigures(5820, 0.225),
        "Child Development and Well Being": SkillsSupplyFigures(510, 0.02),
    }
)
"""Further education learning aim enrolments, Stoke-on-Trent and Staffordshire, 2020/21 (DfE)."""

APPRENTICESHIP_STARTS_2020_21: Final[Mapping[str, SkillsSupplyFigures]] = MappingProxyType(
    {
        "Health and Social Care": SkillsSupplyFigures(1680, 0.218),
        "Child Development and Well Being": SkillsSupplyFigures(480, 0.062),
    }
)
"""Apprenticeship starts, Stoke-on-Trent and Staffordshire, 2020/21 (DfE)."""

APPRENTICESHIP_STARTS_2018_19: Final[Mapping[str, int]] = MappingProxyType(
    {"Health and Social Care": 1670, "Child Development and Well Being": 550}
)
"""Apprenticeship starts in 2018/19 implied by the published changes to 2020/21 ("a rise of 10"
and "a decline of 70")."""

ALL_APPRENTICESHIP_STARTS_CHANGE_2018_19_TO_2020_21: Final = -0.17
"""Change in all apprenticeship starts from 2018/19 to 2020/21 ("a 17% decline")."""

LEARNING_AIM_ENROLMENTS_2018_19: Final[Mapping[str, int]] = MappingProxyType(
    {"Health and Social Care": 5790, "Child Development and Well Being": 350}
)
"""Learning aim enrolments in 2018/19 implied by the published changes to 2020/21 ("a rise of
30 or 0.5%" and "a rise of 160 or 46%")."""

ALL_ENROLMENTS_CHANGE_2018_19_TO_2020_21: Final = -0.19
"""Change in all education and training from 2018/19 to 2020/21 ("a 19% decline for all
education and training participation"), applied to all aim enrolments."""

# --- labour market: claimants, sector size, earnings ---------------------------------------

CLAIMANT_COUNT_APRIL_2022: Final = 15_515
"""Claimants in Staffordshire, April 2022 (ONS claimant count)."""

CLAIMANT_CHANGE_MARCH_TO_APRIL_2022: Final = -495
"""Change in Staffordshire's claimant count from March to April 2022 ("a decline of 495")."""

ENGLAND_CLAIMANT_CHANGE_RATE_APRIL_2022: Final = -0.035
"""Change in England's claimant count from March to April 2022 ("the 3.5% decline seen
nationally")."""

CLAIMANT_RATE_APRIL_2022: Final = 0.029
"""Claimants as a share of residents aged 16-64, Staffordshire, April 2022."""

SOCIAL_CARE_JOBS_2020: Final = 13_500
"""Social care jobs in Staffordshire in 2020 (BRES)."""

SOCIAL_CARE_JOBS_2019: Final = 13_700
"""Social care jobs in 2019: 2020's 13,500 plus the "200 decline between 2019-2020"."""

SOCIAL_CARE_JOBS_2015: Final = 13_175
"""Social care jobs in 2015: 2019's 13,700 less the "525 growth in jobs between 2015-2019"."""

SOCIAL_CARE_EMPLOYMENT_SHARE_2020: Final = 0.038
"""Social care's share of all employment in Staffordshire, 2020."""

ENGLAND_SOCIAL_CARE_EMPLOYMENT_SHARE_2020: Final = 0.043
"""Social care's share of all employment in England, 2020."""

ENGLAND_SOCIAL_CARE_JOBS_CHANGE_2019_TO_2020: Final = -0.031
"""Change in England's social care jobs from 2019 to 2020 ("3.1% decline seen nationally")."""

DISTRICT_EMPLOYMENT_SHARE_RANGE_2020: Final = (0.023, 0.06)
"""Lowest and highest social care share of employment among Staffordshire's districts, 2020."""

LARGEST_SUB_SECTOR_JOBS_2020: Final = 3_500
"""Jobs in each of the two largest sub-sectors, other residential care activities and
residential nursing care activities, 2020 (BRES)."""

WORKPLACE_HOURLY_PAY_ALL_SECTORS_2021: Final = 13.56
"""Median workplace hourly pay, all sectors, Staffordshire, 2021 (ASHE)."""

WORKPLACE_ANNUAL_PAY_FULL_TIME_2021: Final = 28_162
"""Average workplace full-time annual pay, all sectors, Staffordshire, 2021."""
