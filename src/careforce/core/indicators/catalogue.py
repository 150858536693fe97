"""The measure catalogue: every workforce measure careforce computes, described as data.

Definitions follow Skills for Care's conventions for the adult social care workforce; the
methodology of each is written out in docs/methodology.md.
"""

from __future__ import annotations

from dataclasses import replace

from careforce.core.indicators.catalogue_policy import POLICY_MEASURES
from careforce.core.indicators.measure_types import (
    DEMOGRAPHIC,
    ORGANISATIONAL,
    TRAINING_SOURCE,
    WORKPLACE_BREAKDOWNS,
    Dimension,
    Kind,
    Measure,
)
from careforce.core.vocab.published import Polarity, Unit

__all__ = [
    "DEMOGRAPHIC",
    "MEASURES",
    "ORGANISATIONAL",
    "TRAINING_SOURCE",
    "WORKPLACE_BREAKDOWNS",
    "Dimension",
    "Kind",
    "Measure",
    "UnknownMeasureError",
    "measure",
    "measure_ids",
]

_WORKERS = ("ascwds.workers", "ascwds.establishments")
_PLACES = ("ascwds.establishments", "ascwds.workers")
_ALL = (*ORGANISATIONAL, *DEMOGRAPHIC)

_ADULT_MEASURES: tuple[Measure, ...] = (
    Measure(
        "filled_posts",
        "Filled posts",
        "Posts with a person working in them (staff records).",
        Unit.COUNT,
        Polarity.NO_JUDGEMENT,
        Kind.COUNT,
        "staff records (all contract types)",
        "",
        _ALL,
        _WORKERS,
        "One person may hold several posts; people are counted by distinct person_id elsewhere. "
        "Counts are of the records in the data, not estimates for workplaces that did not return data.",
    ),
    Measure(
        "headcount",
        "Headcount (people)",
        "People working in the posts: distinct people, however many posts each holds.",
        Unit.COUNT,
        Polarity.NO_JUDGEMENT,
        Kind.COUNT,
        "distinct person_id (keyed hash of the NI number, else of the staff record)",
        "",
        _ALL,
        _WORKERS,
        "A person with posts in two breakdown groups counts once in each and once in the total. "
        "People without an NI number count once per staff record.",
    ),
    Measure(
        "vacancies",
        "Vacancies",
        "Posts being actively recruited for (permanent and temporary).",
        Unit.COUNT,
        Polarity.LOW_IS_GOOD,
        Kind.WORKPLACE_COUNT,
        "vacancies reported by workplaces (VACANCIES by job role)",
        "",
        WORKPLACE_BREAKDOWNS,
        _PLACES,
        "Workplaces whose vacancies are unknown are excluded (state no-vacancies). A registered "
        "manager vacancy of a workplace not regulated by CQC is ignored.",
    ),
    Measure(
        "vacancy_rate",
        "Vacancy rate",
        "Vacant posts as a share of all posts (filled + vacant).",
        Unit.PROPORTION,
        Polarity.LOW_IS_GOOD,
        Kind.WORKPLACE_PROPORTION,
        "vacancies",
        "filled posts + vacancies",
        WORKPLACE_BREAKDOWNS,
        _PLACES,
        "Skills for Care definition. Only workplaces that answered VACANCIES count.",
    ),
    Measure(
        "turnover_rate",
        "Staff turnover rate",
        "Leavers in the last 12 months as a share of directly employed staff.",
        Unit.RATE,
        Polarity.LOW_IS_GOOD,
        Kind.WORKPLACE_RATE,
        "leavers in the last 12 months (LEAVERS by job role)",
        "directly employed staff records (permanent and temporary)",
        WORKPLACE_BREAKDOWNS,
        _PLACES,
        "Skills for Care definition: bank, pool and agency staff are excluded from both parts. A "
        "workplace is excluded when its declared staff (TOTALPERMTEMP) and recorded staff differ "
        "(mismatch-workers), its leavers are unknown (no-leavers), it has no permanent or temporary "
        "staff (no-perm-or-temp) or its rate exceeds 995% (incorrect-turnover).",
    ),
    Measure(
        "starters_rate",
        "Starters rate",
        "Starters in the last 12 months as a share of directly employed staff.",
        Unit.RATE,
        Polarity.NO_JUDGEMENT,
        Kind.WORKPLACE_RATE,
        "starters in the last 12 months (STARTERS by job role)",
        "directly employed staff records (permanent and temporary)",
        WORKPLACE_BREAKDOWNS,
        _PLACES,
        "Exclusions as for turnover, with unknown starters (no-starters) in place of unknown leavers.",
    ),
    Measure(
        "leavers_remaining_in_sector",
        "Leavers remaining in the sector",
        "Share of people recruited in the last 12 months who came from another adult social care "
        "employer: the sector's measure of how many leavers stay in the sector.",
        Unit.PROPORTION,
        Polarity.HIGH_IS_GOOD,
        Kind.SHARE,
        "permanent and temporary staff records started in the last 12 months recruited from adult "
        "social care (RECSOURCE 1 or 2)",
        "permanent and temporary staff records started in the last 12 months with a known "
        "recruitment source",
        ORGANISATIONAL,
        _WORKERS,
        "Skills for Care infer the share of leavers who stay in the sector from where starters were "
        "recruited, not from tracked destinations; careforce does the same.",
    ),
    Measure(
        "sickness_days_per_worker",
        "Sickness days per worker",
        "Average days lost to sickness per worker in the last 12 months.",
        Unit.DAYS,
        Polarity.LOW_IS_GOOD,
        Kind.MEAN,
        "days sick (DAYSSICK)",
        "staff records with known days sick",
        _ALL,
        _WORKERS,
        "Don't know (999) is excluded.",
    ),
    Measure(
        "years_in_sector_mean",
        "Average years in the sector",
        "Average years since workers started in adult social care.",
        Unit.YEARS,
        Polarity.HIGH_IS_GOOD,
        Kind.MEAN,
        "reference year − year started in the sector (STARTINSECT)",
        "staff records with a known year",
        _ALL,
        _WORKERS,
        "Don't know (999) is excluded.",
    ),
    Measure(
        "experience_10_plus_share",
        "Workers with more than 10 years in the sector",
        "Share of workers who have been in adult social care for more than 10 years.",
        Unit.PROPORTION,
        Polarity.HIGH_IS_GOOD,
        Kind.SHARE,
        "staff records with more than 10 years in the sector",
        "staff records with a known year",
        _ALL,
        _WORKERS,
        "",
    ),
    Measure(
        "average_age",
        "Average age",
        "Average age of workers at the reference date.",
        Unit.YEARS,
        Polarity.NO_JUDGEMENT,
        Kind.MEAN,
        "age at the reference date",
        "staff records with a valid date of birth",
        _ALL,
        _WORKERS,
        "Ages outside 14–100 are treated as unknown.",
    ),
    *(
        Measure(
            "workforce_share",
            "Share of the workforce",
            "Share of workers in each group (sex, age band, broad age group, ethnicity, nationality).",
            Unit.PROPORTION,
            Polarity.NO_JUDGEMENT,
            Kind.CATEGORY_SHARE,
            "staff records in the group",
            "staff records with a known value",
            (Dimension.TOTAL, *ORGANISATIONAL[1:]),
            _WORKERS,
            "Unknown values are excluded from the denominator. Compared with the resident "
            "working-age population (Census 2021) for representativeness.",
            categories=dimension,
        )
        for dimension in DEMOGRAPHIC
    ),
    Measure(
        "contract_share",
        "Contract type",
        "Share of workers on each contract type.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        Kind.CATEGORY_SHARE,
        "staff records with the contract type",
        "staff records",
        ORGANISATIONAL,
        _WORKERS,
        "Permanent, temporary, bank or pool, agency, other.",
        categories=Dimension.CONTRACT,
    ),
    Measure(
        "full_time_share",
        "Working full time",
        "Share of workers working 30 or more hours a week.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        Kind.SHARE,
        "staff records with 30 or more contracted (or, for other contracts, average) weekly hours",
        "staff records with known hours",
        _ALL,
        _WORKERS,
        "Full time is 30 or more hours a week (the usual ONS split; a named constant).",
    ),
    Measure(
        "zero_hours_share",
        "On zero-hours contracts",
        "Share of workers on zero-hours contracts.",
        Unit.PROPORTION,
        Polarity.LOW_IS_GOOD,
        Kind.SHARE,
        "staff records on a zero-hours contract (ZEROHRCONT 1)",
        "staff records with a yes or no answer",
        _ALL,
        _WORKERS,
        "Don't know is excluded.",
    ),
    Measure(
        "relevant_qualification_share",
        "Holding a relevant social care qualification",
        "Share of workers holding a relevant social care qualification.",
        Unit.PROPORTION,
        Polarity.HIGH_IS_GOOD,
        Kind.SHARE,
        "staff records with SCQUAL 1 (yes)",
        "staff records with a yes or no answer",
        _ALL,
        _WORKERS,
        "Don't know is excluded.",
    ),
    Measure(
        "qualification_level_share",
        "Highest relevant qualification level",
        "Share of workers by their highest relevant social care qualification level.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        Kind.CATEGORY_SHARE,
        "staff records in the level group",
        "staff records with a yes or no qualification answer",
        ORGANISATIONAL,
        _WORKERS,
        "Levels: no relevant qualification, entry or level 1, level 2, level 3, level 4 or above, "
        "level not known.",
        categories=Dimension.QUALIFICATION_LEVEL,
    ),
    Measure(
        "care_certificate_share",
        "Care Certificate completed or in progress",
        "Share of workers who have completed or are working towards the Care Certificate.",
        Unit.PROPORTION,
        Polarity.HIGH_IS_GOOD,
        Kind.SHARE,
        "staff records with CARECERT 1 or 3",
        "staff records with an answer",
        _ALL,
        _WORKERS,
        "",
    ),
    Measure(
        "hourly_pay_median",
        "Median hourly pay",
        "Median hourly pay of hourly-paid workers.",
        Unit.POUNDS_PER_HOUR,
        Polarity.HIGH_IS_GOOD,
        Kind.MEDIAN,
        "hourly rate (SALARYINT 3)",
        "hourly-paid staff records",
        ORGANISATIONAL,
        _WORKERS,
        "",
    ),
    Measure(
        "hourly_pay_mean",
        "Mean hourly pay",
        "Mean hourly pay of hourly-paid workers.",
        Unit.POUNDS_PER_HOUR,
        Polarity.HIGH_IS_GOOD,
        Kind.MEAN,
        "hourly rate (SALARYINT 3)",
        "hourly-paid staff records",
        ORGANISATIONAL,
        _WORKERS,
        "",
    ),
    Measure(
        "annual_pay_fte_median",
        "Median full-time equivalent annual pay",
        "Median annual salary of salaried workers, scaled to 37.5 hours a week.",
        Unit.POUNDS_PER_YEAR,
        Polarity.HIGH_IS_GOOD,
        Kind.MEDIAN,
        "annual salary × 37.5 ÷ contracted hours (SALARYINT 1)",
        "salaried staff records with contracted hours",
        ORGANISATIONAL,
        _WORKERS,
        "Used for nurses and managers, who are mostly salaried.",
    ),
    Measure(
        "pay_above_national_living_wage",
        "Median hourly pay above the National Living Wage",
        "Median hourly pay minus the statutory National Living Wage in force at the reference date.",
        Unit.POUNDS_PER_HOUR,
        Polarity.HIGH_IS_GOOD,
        Kind.DIFFERENCE,
        "median hourly pay",
        "National Living Wage (statutory rate for those aged 21 or over)",
        ORGANISATIONAL,
        _WORKERS,
        "National Living Wage rates are listed in docs/methodology.md.",
    ),
    Measure(
        "pay_below_real_living_wage_share",
        "Paid below the real Living Wage",
        "Share of hourly-paid workers paid less than the real Living Wage (outside London).",
        Unit.PROPORTION,
        Polarity.LOW_IS_GOOD,
        Kind.SHARE,
        "hourly-paid staff records paid below the real Living Wage",
        "hourly-paid staff records",
        ORGANISATIONAL,
        _WORKERS,
        "The real Living Wage is the voluntary rate set by the Living Wage Foundation (not the "
        "statutory National Living Wage); rates in docs/methodology.md.",
    ),
    Measure(
        "experience_pay_premium",
        "Pay premium for experience",
        "How much more the median hourly pay of workers with 5 or more years in the sector is than "
        "that of workers with under 1 year, as a proportion.",
        Unit.PROPORTION,
        Polarity.HIGH_IS_GOOD,
        Kind.DIFFERENCE,
        "median hourly pay, 5 or more years in the sector",
        "median hourly pay, under 1 year",
        ORGANISATIONAL,
        _WORKERS,
        "",
    ),
    *POLICY_MEASURES,
)
"""The measures computed from ASC-WDS data."""

_HR = "hr_staff"
_PROVIDERS = "provider_returns"
_ALSO_FOR_CHILDREN: dict[str, tuple[str, ...]] = {
    "filled_posts": (_HR, _PROVIDERS),
    "vacancies": (_PROVIDERS,),
    "vacancy_rate": (_PROVIDERS,),
    "turnover_rate": (_HR, _PROVIDERS),
    "starters_rate": (_PROVIDERS,),
    "average_age": (_HR,),
    "workforce_share": (_HR, _PROVIDERS),
    "contract_share": (_HR, _PROVIDERS),
    "full_time_share": (_HR, _PROVIDERS),
    "zero_hours_share": (_HR, _PROVIDERS),
    "qualification_level_share": (_PROVIDERS,),
}
"""Measures with the same meaning for children's services staff, and the sources they come from."""

_CHILDREN_ONLY: tuple[Measure, ...] = (
    Measure(
        "service_years_mean",
        "Average years with the council",
        "Average length of service with the council of children's services staff.",
        Unit.YEARS,
        Polarity.HIGH_IS_GOOD,
        Kind.MEAN,
        "reference date − start date with the council, in years",
        "staff in post with a start date",
        (),
        (_HR,),
        "From the council's HR extract.",
        children=(_HR,),
    ),
    Measure(
        "years_in_role_mean",
        "Average years in role",
        "Average time children's services staff have been in their current role.",
        Unit.YEARS,
        Polarity.HIGH_IS_GOOD,
        Kind.MEAN,
        "reference date − start date in the role, in years",
        "staff in post with a start date in role",
        (),
        (_HR,),
        "From the council's HR extract.",
        children=(_HR,),
    ),
    Measure(
        "years_in_role_share",
        "Years in role",
        "Share of children's providers' staff by time in their current role.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        Kind.CATEGORY_SHARE,
        "staff in the band",
        "staff with a known time in role",
        (),
        (_PROVIDERS,),
        "Bands: under 3 years, 3 to 9 years, 10 years or more.",
        categories=Dimension.YEARS_IN_ROLE,
        children=(_PROVIDERS,),
    ),
    Measure(
        "years_in_sector_share",
        "Years in the sector",
        "Share of children's providers' staff by time working in the sector.",
        Unit.PROPORTION,
        Polarity.NO_JUDGEMENT,
        Kind.CATEGORY_SHARE,
        "staff in the band",
        "staff with a known time in the sector",
        (),
        (_PROVIDERS,),
        "Bands: under 3 years, 3 to 9 years, 10 years or more.",
        categories=Dimension.YEARS_IN_SECTOR,
        children=(_PROVIDERS,),
    ),
)
"""Measures that only children's services sources give."""

_ESTIMATES = ("cqc_register", "estimates")
"""Sources of the estimate measures: the register and the output of `careforce estimates compute`
(not computed by `indicators compute` itself, which publishes them as given)."""
_ESTIMATE_BREAKDOWNS = (
    Dimension.TOTAL,
    Dimension.SERVICE_GROUP,
    Dimension.JOB_ROLE_GROUP,
    Dimension.SECTOR,
)
_ESTIMATE_MEASURES: tuple[Measure, ...] = (
    Measure(
        "filled_posts_estimate",
        "Filled posts (whole-sector estimate)",
        "Filled posts of every in-scope CQC-registered location, returned or estimated, plus "
        "the returns of workplaces not regulated by CQC.",
        Unit.COUNT,
        Polarity.NO_JUDGEMENT,
        Kind.COUNT,
        "filled posts of each location: its return, a carried-forward or interpolated return, "
        "or a model's estimate",
        "",
        _ESTIMATE_BREAKDOWNS,
        _ESTIMATES,
        "`careforce estimates compute`; intervals are 95% bootstrap intervals (docs/methodology.md, "
        '"Whole-sector estimates").',
    ),
    Measure(
        "headcount_estimate",
        "Headcount (whole-sector estimate)",
        "People holding the estimated filled posts: each service group's estimated filled posts "
        "times the people per post of its returns (Skills for Care's method).",
        Unit.COUNT,
        Polarity.NO_JUDGEMENT,
        Kind.COUNT,
        "estimated filled posts × distinct people ÷ staff records of the returns of the service "
        "group (of the area when the group has no staff records)",
        "",
        (Dimension.TOTAL, Dimension.SERVICE_GROUP, Dimension.SECTOR),
        _ESTIMATES,
        "`careforce estimates compute`; intervals are the filled posts' 95% bootstrap intervals "
        "times the people per post, which is taken as known (docs/methodology.md, "
        '"Headcount of the whole sector").',
    ),
    Measure(
        "vacancies_estimate",
        "Vacancies (whole-sector estimate)",
        "Vacancies of every in-scope location: returned, or estimated from the vacancies per "
        "filled post of returned locations of the same service group.",
        Unit.COUNT,
        Polarity.LOW_IS_GOOD,
        Kind.COUNT,
        "vacancies of each location, returned or estimated",
        "",
        (Dimension.TOTAL, Dimension.SERVICE_GROUP),
        _ESTIMATES,
        "`careforce estimates compute`.",
    ),
    Measure(
        "coverage_locations_share",
        "Coverage of locations",
        "Share of the in-scope CQC-registered locations with a return at the reference date.",
        Unit.PROPORTION,
        Polarity.HIGH_IS_GOOD,
        Kind.SHARE,
        "in-scope locations with a current return",
        "in-scope locations on the CQC register",
        (Dimension.TOTAL, Dimension.SERVICE_GROUP),
        _ESTIMATES,
        "`careforce estimates compute`.",
    ),
    Measure(
        "coverage_posts_share",
        "Coverage of filled posts",
        "Share of the estimated filled posts of in-scope locations that current returns give.",
        Unit.PROPORTION,
        Polarity.HIGH_IS_GOOD,
        Kind.SHARE,
        "filled posts of locations with a current return",
        "estimated filled posts of every in-scope location",
        (Dimension.TOTAL, Dimension.SERVICE_GROUP),
        _ESTIMATES,
        "`careforce estimates compute`.",
    ),
    *(
        Measure(
            f"{rate}_weighted",
            f"{name} (weighted to the whole sector)",
            f"{name} of the estimated whole sector: the returns weighted to the estimated "
            "workforce by service group and size band.",
            Unit.RATE if rate != "vacancy_rate" else Unit.PROPORTION,
            Polarity.LOW_IS_GOOD if rate != "starters_rate" else Polarity.NO_JUDGEMENT,
            Kind.WORKPLACE_RATE if rate != "vacancy_rate" else Kind.WORKPLACE_PROPORTION,
            numerator,
            denominator,
            (Dimension.TOTAL, Dimension.SERVICE_GROUP),
            _ESTIMATES,
            f"`careforce estimates compute`; the unweighted figure of the returns alone is `{rate}`.",
        )
        for rate, name, numerator, denominator in (
            (
                "vacancy_rate",
                "Vacancy rate",
                "vacancies, returned or estimated",
                "filled posts + vacancies, returned or estimated",
            ),
            (
                "turnover_rate",
                "Turnover rate",
                "leavers in the last 12 months, returned or estimated",
                "filled posts, returned or estimated",
            ),
            (
                "starters_rate",
                "Starters rate",
                "starters in the last 12 months, returned or estimated",
                "filled posts, returned or estimated",
            ),
        )
    ),
    *(
        Measure(
            f"hourly_pay_{kind}_weighted",
            f"{name} hourly pay (weighted to the whole sector)",
            f"{name} hourly pay of the estimated whole sector: the returns' hourly-paid staff "
            "records weighted to the estimated workforce by service group and size band.",
            Unit.POUNDS_PER_HOUR,
            Polarity.HIGH_IS_GOOD,
            computed,
            "hourly rate (SALARYINT 3), each record weighted by its cell's estimated filled "
            "posts ÷ the cell's hourly-paid records",
            "hourly-paid staff records of returned workplaces, weighted",
            (Dimension.TOTAL, Dimension.SERVICE_GROUP),
            _ESTIMATES,
            "`careforce estimates compute`; the unweighted figure of the returns alone is "
            f"`hourly_pay_{kind}`.",
        )
        for kind, name, computed in (
            ("median", "Median", Kind.MEDIAN),
            ("mean", "Mean", Kind.MEAN),
        )
    ),
)
"""Whole-sector estimates from the CQC register and the returns (``careforce estimates``)."""
# --- the annual workforce survey --------------------------------------------------------------

_STAFF_SURVEY = ("survey.staff",)
_ORGANISATION_SURVEY = ("survey.organisations",)
_STAFF_GROUPS = (
    Dimension.TOTAL,
    Dimension.ROLE_GROUP,
    Dimension.SECTOR,
    Dimension.SERVICE_GROUP,
    Dimension.YEARS_IN_ROLE,
    Dimension.YEARS_IN_SECTOR,
)
_SURVEY_NOTE = (
    "Share of the respondents who answered the question (routed-out and unanswered questions are "
    "left out); Wilson interval, on Kish's effective sample size when the answers are weighted to "
    "the workforce. Groups of fewer than 10 respondents are withheld. See docs/survey.md."
)


def _survey_share(
    measure_id: str,
    name: str,
    description: str,
    numerator: str,
    *,
    polarity: Polarity = Polarity.HIGH_IS_GOOD,
    organisations: bool = False,
) -> Measure:
    return Measure(
        measure_id,
        name,
        description,
        Unit.PROPORTION,
        polarity,
        Kind.SHARE,
        numerator,
        "organisations that answered" if organisations else "respondents who answered",
        (Dimension.TOTAL, Dimension.SERVICE_GROUP) if organisations else _STAFF_GROUPS,
        _ORGANISATION_SURVEY if organisations else _STAFF_SURVEY,
        _SURVEY_NOTE,
    )


SURVEY_MEASURES: tuple[Measure, ...] = (
    _survey_share(
        "job_satisfaction_share",
        "Satisfied with their job",
        "Share of staff satisfied with their current job.",
        "satisfied or very satisfied",
    ),
    _survey_share(
        "would_recommend_share",
        "Would recommend working in care",
        "Share of respondents who would recommend working in social care to a friend.",
        "yes",
    ),
    _survey_share(
        "considering_leaving_share",
        "Considering leaving",
        "Share of staff considering leaving their role or social care in the next 12 months.",
        "thinking of leaving their role or social care",
        polarity=Polarity.LOW_IS_GOOD,
    ),
    _survey_share(
        "feels_valued_by_employer_share",
        "Feel valued by their employer",
        "Share of staff who feel valued by their employer.",
        "agree or strongly agree",
    ),
    _survey_share(
        "feels_valued_by_public_share",
        "Feel valued by the public",
        "Share of staff who feel the public values the work they do.",
        "agree or strongly agree",
    ),
    _survey_share(
        "feels_rewarded_share",
        "Feel rewarded",
        "Share of staff who feel rewarded by their employer for the work they do.",
        "agree or strongly agree",
    ),
    _survey_share(
        "willing_to_change_hours_share",
        "Willing to change hours",
        "Share of staff willing and able to work more or fewer hours when their service needs it.",
        "yes, more hours, fewer hours or either",
    ),
    _survey_share(
        "strength_based_practice_share",
        "Work in a strength-based way",
        "Share of staff who say they help the people they support reach their own goals.",
        "agree or strongly agree",
    ),
    _survey_share(
        "digital_confidence_share",
        "Confident with technology",
        "Share of staff confident using technology to do their job well.",
        "agree or strongly agree",
    ),
    _survey_share(
        "helps_with_technology_share",
        "Help people use technology",
        "Share of staff who can help the people they support use technology to stay independent.",
        "agree or strongly agree",
    ),
    _survey_share(
        "training_received_share",
        "Received the training needed",
        "Share of staff who received all the training they needed for their role in the last "
        "12 months.",
        "yes, all of it",
    ),
    replace(
        _survey_share(
            "training_wanted_share",
            "Training that would help most",
            "Share of staff choosing each kind of training as among the three that would help "
            "them most in their role (one share for each ASC-WDS training category offered).",
            "respondents choosing the category",
            polarity=Polarity.NO_JUDGEMENT,
        ),
        kind=Kind.CATEGORY_SHARE,
        breakdowns=(Dimension.TOTAL,),
        categories=Dimension.TRAINING_CATEGORY,
        methodology=_SURVEY_NOTE
        + " Respondents choose up to three, so the shares add up to more than 1.",
    ),
    _survey_share(
        "organisations_struggling_to_recruit_share",
        "Organisations struggling to recruit",
        "Share of care organisations struggling to recruit staff.",
        "yes",
        polarity=Polarity.LOW_IS_GOOD,
        organisations=True,
    ),
    _survey_share(
        "organisations_struggling_to_retain_share",
        "Organisations struggling to retain",
        "Share of care organisations struggling to keep staff.",
        "yes",
        polarity=Polarity.LOW_IS_GOOD,
        organisations=True,
    ),
)
"""Measures of the annual workforce survey (computed by careforce survey analyse)."""

MEASURES: tuple[Measure, ...] = (
    *(replace(m, children=_ALSO_FOR_CHILDREN.get(m.id, ())) for m in _ADULT_MEASURES),
    *_CHILDREN_ONLY,
    *_ESTIMATE_MEASURES,
    *SURVEY_MEASURES,
)
"""Every measure, in the order they are published."""


class UnknownMeasureError(KeyError):
    """A measure id is not in the catalogue."""


def measure(measure_id: str) -> Measure:
    """Look up the first catalogue entry with the given id."""
    for entry in MEASURES:
        if entry.id == measure_id:
            return entry
    raise UnknownMeasureError(measure_id)


def measure_ids() -> list[str]:
    """The distinct measure ids, in catalogue order."""
    return list(dict.fromkeys(entry.id for entry in MEASURES))
