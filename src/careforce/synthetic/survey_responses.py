"""Demo responses to the annual workforce survey: the 2022 engagement surveys as the strategy
reports them (261 staff, 62 organisations: 4 in 5 satisfied, 3 in 5 would recommend, 1 in 5
considering leaving, 9 in 10 organisations struggling to recruit and 5 in 10 to retain, and the
published counts of what matters most, suggestions, challenges and initiatives), and 2023 and
2024 rounds that continue the story of the demo's workforce data (plausible continuations, not
published figures): fewer staff considering leaving and fewer organisations struggling to
recruit and retain as turnover and vacancies fall from their 2021/22 peak; the 2023 and 2024
rounds also ask the new questions.

Counts are hit exactly (the seed's figures are counts); who answers what is shuffled with a
seeded generator. Rows use the careforce export layout: one column per question id, option
values as answers, multiple choices separated by ';'.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from careforce.synthetic.sampling import allocate, exact_counts, make_rng, shuffle

SEPARATOR: Final = ";"
"""Separator of multiple choices in one cell (the careforce layout's)."""
BANDS: Final = ("under-1", "1-to-2", "3-to-5", "6-to-10", "over-10")
"""Years-in-role and years-in-sector bands, shortest first."""

Row = dict[str, str]


@dataclass(frozen=True)
class StaffRound:
    """The answers of one staff round, as counts (or shares of those asked).

    Attributes:
        name: the round, e.g. ``2022``.
        working: respondents working in care.
        prospective: respondents not yet working in care.
        tenure: years-in-role band → (respondents, satisfied with their job).
        recommend: respondents (of all) who would recommend working in care.
        leaving: respondents (working) considering leaving in the next 12 months.
        matters_most: option → respondents choosing it (of all, up to three each).
        suggestions: theme → free-text answers on joining or staying with that theme.
        aspects: satisfaction question → share satisfied (of those working).
        agreement: agreement question → share agreeing (asked from 2023).
        hours: share willing to change hours (None: not asked).
        training: the training questions' answers (None: not asked).
    """

    name: str
    working: int
    prospective: int
    tenure: Mapping[str, tuple[int, int]]
    recommend: int
    leaving: int
    matters_most: Mapping[str, int]
    suggestions: Mapping[str, int]
    aspects: Mapping[str, float]
    agreement: Mapping[str, float] = field(default_factory=dict)
    hours: float | None = None
    leaving_reasons: Mapping[str, float] = field(
        default_factory=lambda: {"pay": 0.62, "work-pressures": 0.45, "health": 0.2, "stress": 0.38}
    )
    training: TrainingAnswers | None = None


@dataclass(frozen=True)
class TrainingAnswers:
    """The training questions of a staff round (asked from 2023).

    Attributes:
        received: share (of those working) who received all the training they needed.
        wanted: option → share (of those working) choosing it among up to three.
    """

    received: float
    wanted: Mapping[str, float]


@dataclass(frozen=True)
class OrganisationRound:
    """The answers of one organisations round, as counts."""

    name: str
    service_types: Mapping[str, int]
    sizes: Mapping[str, int]
    recruit: int
    retain: int
    challenges: Mapping[str, int]
    initiatives: Mapping[str, int]
    support: Mapping[str, int]
    pathway: Mapping[str, int] = field(default_factory=dict)

    @property
    def respondents(self) -> int:
        """Organisations that answered."""
        return sum(self.service_types.values())


_ASPECTS_2022: Final = {
    "satisfaction_team_working": 0.88,
    "satisfaction_physical_environment": 0.80,
    "satisfaction_making_a_difference": 0.80,
    "satisfaction_training": 0.68,
    "satisfaction_progression": 0.52,
    "satisfaction_work_life_balance": 0.46,
    "satisfaction_pay": 0.34,
}
STAFF_2022: Final = StaffRound(
    name="2022",
    working=250,
    prospective=11,
    # 200 of 250 satisfied (4 in 5), falling with years in role as the strategy reports.
    tenure={
        "under-1": (40, 37),
        "1-to-2": (55, 47),
        "3-to-5": (60, 48),
        "6-to-10": (50, 36),
        "over-10": (45, 32),
    },
    recommend=157,  # 60% of 261: 3 in 5
    leaving=49,  # 19.6% of 250: "almost 20%", 1 in 5
    matters_most={
        "work-life-balance": 165,
        "making-a-difference": 155,
        "pay": 146,
        "team-working": 70,
        "training": 52,
        "progression": 44,
        "job-security": 38,
        "physical-environment": 20,
    },
    suggestions={
        "pay-and-benefits": 120,
        "expenses-mileage": 30,
        "progression-training": 30,
        "image-of-care": 30,
        "uncoded": 16,
    },
    aspects=_ASPECTS_2022,
)
"""The 2022 staff survey (June-July 2022)."""
STAFF_2023: Final = StaffRound(
    name="2023",
    working=296,
    prospective=14,
    # 238 of 296 satisfied (80%, as in 2022); fewer considering leaving (18.6%) as turnover
    # falls back from its 2021/22 peak.
    tenure={
        "under-1": (52, 46),
        "1-to-2": (66, 55),
        "3-to-5": (70, 56),
        "6-to-10": (58, 44),
        "over-10": (50, 37),
    },
    recommend=192,
    leaving=55,
    matters_most={
        "work-life-balance": 190,
        "pay": 186,
        "making-a-difference": 170,
        "team-working": 84,
        "training": 60,
        "progression": 58,
        "job-security": 50,
        "physical-environment": 24,
    },
    suggestions={
        "pay-and-benefits": 138,
        "expenses-mileage": 41,
        "progression-training": 36,
        "image-of-care": 33,
        "uncoded": 22,
    },
    aspects={**_ASPECTS_2022, "satisfaction_pay": 0.31, "satisfaction_training": 0.71},
    agreement={
        "feels_valued_by_employer": 0.62,
        "feels_valued_by_public": 0.38,
        "feels_rewarded": 0.41,
        "strength_based_practice": 0.83,
        "digital_confidence": 0.71,
        "helps_with_technology": 0.58,
    },
    hours=0.55,
    training=TrainingAnswers(
        received=0.54,
        wanted={
            "dementia": 0.34,
            "mental-health": 0.31,
            "digital": 0.27,
            "medication": 0.22,
            "end-of-life": 0.2,
            "leadership": 0.18,
            "autism": 0.16,
            "positive-behaviour": 0.14,
            "learning-disability": 0.12,
            "person-centred": 0.09,
            "first-aid": 0.08,
            "safeguarding": 0.06,
            "moving-people": 0.05,
            "none": 0.1,
        },
    ),
)
"""The 2023 staff round (a plausible continuation): as satisfied as in 2022, fewer considering
leaving as turnover falls, pay still first; the training questions asked for the first time
(assumed shares: dementia, mental health and digital skills most wanted, as the strategy's
priorities and Skills for Care's training surveys suggest)."""
STAFF_2024: Final = StaffRound(
    name="2024",
    working=318,
    prospective=15,
    # 263 of 318 satisfied (83%); 16% considering leaving, as turnover falls again in 2023/24.
    tenure={
        "under-1": (56, 52),
        "1-to-2": (70, 60),
        "3-to-5": (75, 62),
        "6-to-10": (62, 48),
        "over-10": (55, 41),
    },
    recommend=213,
    leaving=51,
    matters_most={
        "work-life-balance": 201,
        "pay": 190,
        "making-a-difference": 184,
        "team-working": 92,
        "training": 66,
        "progression": 63,
        "job-security": 52,
        "physical-environment": 27,
    },
    suggestions={
        "pay-and-benefits": 141,
        "expenses-mileage": 43,
        "progression-training": 41,
        "image-of-care": 35,
        "uncoded": 24,
    },
    aspects={**_ASPECTS_2022, "satisfaction_pay": 0.37, "satisfaction_training": 0.74},
    agreement={
        "feels_valued_by_employer": 0.66,
        "feels_valued_by_public": 0.40,
        "feels_rewarded": 0.45,
        "strength_based_practice": 0.85,
        "digital_confidence": 0.75,
        "helps_with_technology": 0.62,
    },
    hours=0.56,
    training=TrainingAnswers(
        received=0.58,
        wanted={
            "dementia": 0.33,
            "mental-health": 0.32,
            "digital": 0.25,
            "medication": 0.21,
            "end-of-life": 0.2,
            "leadership": 0.19,
            "autism": 0.17,
            "positive-behaviour": 0.14,
            "learning-disability": 0.12,
            "person-centred": 0.08,
            "first-aid": 0.08,
            "safeguarding": 0.05,
            "moving-people": 0.05,
            "none": 0.11,
        },
    ),
)
"""The 2024 staff round (April-May 2024, a plausible continuation): more satisfied with pay as
the wage floor rises, fewer considering leaving as turnover and vacancies fall."""
ORGANISATIONS_2022: Final = OrganisationRound(
    name="2022",
    service_types={
        "residential": 18,
        "nursing": 8,
        "home-care": 16,
        "day-and-community": 6,
        "childrens-services": 14,
    },
    sizes={"micro": 10, "small": 30, "medium": 17, "large": 5},
    recruit=56,  # 90% of 62: 9 in 10
    retain=31,  # 50%: 5 in 10
    challenges={
        "better-pay-outside": 48,
        "travel": 33,
        "perception": 27,
        "work-life-balance": 25,
        "few-applicants": 20,
    },
    initiatives={
        "improving-pay": 14,
        "feeling-valued": 10,
        "transport-support": 9,
        "flexible-hours": 7,
        "training-progression": 6,
    },
    support={
        "pay-conditions": 30,
        "recruitment-support": 24,
        "transport-help": 18,
        "jobs-fairs": 11,
        "training-funding": 9,
    },
)
"""The 2022 organisations survey."""
ORGANISATIONS_2023: Final = OrganisationRound(
    name="2023",
    service_types={
        "residential": 20,
        "nursing": 9,
        "home-care": 19,
        "day-and-community": 7,
        "childrens-services": 15,
    },
    sizes={"micro": 11, "small": 34, "medium": 19, "large": 6},
    recruit=59,
    retain=32,
    challenges={
        "better-pay-outside": 50,
        "travel": 35,
        "perception": 26,
        "work-life-balance": 27,
        "few-applicants": 24,
    },
    initiatives={
        "improving-pay": 18,
        "feeling-valued": 15,
        "transport-support": 12,
        "flexible-hours": 10,
        "training-progression": 9,
    },
    support={
        "pay-conditions": 33,
        "recruitment-support": 27,
        "transport-help": 21,
        "jobs-fairs": 14,
        "training-funding": 12,
    },
    pathway={"using": 12, "planning": 20, "aware-not-using": 18, "not-aware": 20},
)
"""The 2023 organisations round (a plausible continuation): recruiting a little easier, the Care
Workforce Pathway asked."""
ORGANISATIONS_2024: Final = OrganisationRound(
    name="2024",
    service_types={
        "residential": 21,
        "nursing": 9,
        "home-care": 20,
        "day-and-community": 8,
        "childrens-services": 16,
    },
    sizes={"micro": 11, "small": 36, "medium": 20, "large": 7},
    recruit=56,  # 76% of 74, as vacancies fall to 7% in 2023/24
    retain=30,  # 41%
    challenges={
        "better-pay-outside": 45,
        "travel": 33,
        "perception": 24,
        "work-life-balance": 26,
        "few-applicants": 22,
    },
    initiatives={
        "improving-pay": 20,
        "feeling-valued": 17,
        "transport-support": 14,
        "flexible-hours": 12,
        "training-progression": 11,
    },
    support={
        "pay-conditions": 34,
        "recruitment-support": 28,
        "transport-help": 22,
        "jobs-fairs": 15,
        "training-funding": 14,
    },
    pathway={"using": 20, "planning": 22, "aware-not-using": 16, "not-aware": 16},
)
"""The 2024 organisations round (April-May 2024, a plausible continuation): fewer struggling to
recruit and retain as vacancies and turnover fall, more using the Care Workforce Pathway."""

SUGGESTIONS: Final[Mapping[str, tuple[str, ...]]] = {
    "pay-and-benefits": (
        "Better pay and sick pay",
        "Rewarding pay, overtime enhancements and healthcare benefits",
        "A proper wage that matches the NHS",
        "Higher hourly rates of pay",
    ),
    "expenses-mileage": (
        "Support with repairs, insurance and mileage",
        "Fuel allowance for drivers",
        "Mileage at a fair rate per mile",
    ),
    "progression-training": (
        "Good quality training so staff can do their best",
        "Clear routes to progression and promotion",
        "Funded qualifications",
    ),
    "image-of-care": (
        "Change the public perception of care work",
        "Raise the profile of social care",
        "Promote a better reputation for care as worthwhile work",
    ),
    "uncoded": ("More staff on each shift", "Smaller teams", "Nothing to add"),
}
"""Free-text suggestions, each with exactly one theme of the shipped codebook (or none)."""


def _spread(
    rng: random.Random, rows: Sequence[Row], column: str, counts: Mapping[str, int]
) -> None:
    values = allocate(rng, len(rows), list(counts), list(counts.values()))
    for row, value in zip(rows, values, strict=True):
        row[column] = value


def _split(
    rng: random.Random,
    rows: Sequence[Row],
    column: str,
    yes: int,
    positive: Sequence[tuple[str, float]],
    negative: Sequence[tuple[str, float]],
) -> None:
    """Give ``yes`` rows one of the positive answers and the rest a negative one."""
    order = list(rows)
    shuffle(rng, order)
    for chosen, answers in ((order[:yes], positive), (order[yes:], negative)):
        counts = exact_counts(len(chosen), [w for _, w in answers])
        values = [v for (v, _), n in zip(answers, counts, strict=True) for _ in range(n)]
        for row, value in zip(chosen, values, strict=True):
            row[column] = value


def _choose_many(
    rng: random.Random, rows: Sequence[Row], column: str, counts: Mapping[str, int]
) -> None:
    """Multiple choice with exact counts: each option goes to the rows with fewest choices."""
    chosen: list[list[str]] = [[] for _ in rows]
    for option, count in counts.items():
        order = list(range(len(rows)))
        shuffle(rng, order)
        order.sort(key=lambda i: len(chosen[i]))
        for index in order[:count]:
            chosen[index].append(option)
    for row, options in zip(rows, chosen, strict=True):
        row[column] = SEPARATOR.join(options)


_SATISFIED = (("satisfied", 0.6), ("very-satisfied", 0.4))
_NOT_SATISFIED = (("neither", 0.5), ("dissatisfied", 0.35), ("very-dissatisfied", 0.15))
_AGREE = (("agree", 0.65), ("strongly-agree", 0.35))
_NOT_AGREE = (("neither", 0.4), ("disagree", 0.4), ("strongly-disagree", 0.2))


def _tenure(rng: random.Random, working: Sequence[Row], spec: StaffRound) -> None:
    order = list(working)
    shuffle(rng, order)
    start = 0
    for band, (count, satisfied) in spec.tenure.items():
        group = order[start : start + count]
        start += count
        for row in group:
            row["years_in_role"] = band
            at_least = BANDS.index(band)
            row["years_in_sector"] = BANDS[min(len(BANDS) - 1, at_least + rng.choice((0, 0, 1, 2)))]
        _split(rng, group, "job_satisfaction", satisfied, _SATISFIED, _NOT_SATISFIED)


def staff_responses(spec: StaffRound, *, seed: int) -> list[Row]:
    """The responses of a staff round (careforce layout)."""
    rng = make_rng(seed, "survey", "staff", spec.name)
    total = spec.working + spec.prospective
    rows: list[Row] = [
        {"response_id": f"staff-{spec.name}-{i + 1:04d}", "round": spec.name} for i in range(total)
    ]
    for index, row in enumerate(rows):
        row["working_in_care"] = "yes" if index < spec.working else "no"
    working = rows[: spec.working]
    if len(spec.tenure) and sum(n for n, _ in spec.tenure.values()) != spec.working:
        raise ValueError(f"the {spec.name} tenure bands do not add up to {spec.working}")
    _spread(
        rng,
        working,
        "role_group",
        _shares(
            spec.working,
            {
                "direct-care": 0.6,
                "managerial-supervisory": 0.2,
                "regulated-professions": 0.1,
                "other": 0.1,
            },
        ),
    )
    _spread(
        rng,
        working,
        "sector",
        _shares(
            spec.working,
            {"independent": 0.6, "local-authority": 0.32, "nhs": 0.04, "personal-assistant": 0.04},
        ),
    )
    _spread(
        rng,
        working,
        "service",
        _shares(
            spec.working,
            {
                "residential": 0.28,
                "nursing": 0.12,
                "home-care": 0.32,
                "day-and-community": 0.12,
                "childrens-services": 0.1,
                "other": 0.06,
            },
        ),
    )
    _tenure(rng, working, spec)
    for question, share in spec.aspects.items():
        _split(rng, working, question, round(share * spec.working), _SATISFIED, _NOT_SATISFIED)
    _split(
        rng,
        rows,
        "would_recommend",
        spec.recommend,
        (("yes", 1.0),),
        (("no", 0.4), ("not-sure", 0.6)),
    )
    _split(
        rng,
        working,
        "considering_leaving",
        spec.leaving,
        (("leave-role", 0.4), ("leave-sector", 0.6)),
        (("no", 0.75), ("not-sure", 0.25)),
    )
    leavers = [r for r in working if r["considering_leaving"] in ("leave-role", "leave-sector")]
    _choose_many(
        rng,
        leavers,
        "leaving_reasons",
        {k: round(v * len(leavers)) for k, v in spec.leaving_reasons.items()},
    )
    for row in leavers:
        row["leaving_reasons"] = row["leaving_reasons"] or "other"
    _choose_many(rng, rows, "matters_most", spec.matters_most)
    _suggest(rng, rows, spec.suggestions)
    for question, share in spec.agreement.items():
        _split(rng, working, question, round(share * spec.working), _AGREE, _NOT_AGREE)
    if spec.hours is not None:
        _split(
            rng,
            working,
            "willing_to_change_hours",
            round(spec.hours * spec.working),
            (("increase", 0.4), ("decrease", 0.2), ("either", 0.4)),
            (("no", 0.7), ("not-sure", 0.3)),
        )
        _split(
            rng,
            working,
            "wellbeing",
            round(0.58 * spec.working),
            (("good", 0.7), ("very-good", 0.3)),
            (("fair", 0.6), ("poor", 0.3), ("very-poor", 0.1)),
        )
    if spec.training is not None:
        _training(make_rng(seed, "survey", "staff", spec.name, "training"), working, spec.training)
    return rows


def _training(rng: random.Random, working: Sequence[Row], answers: TrainingAnswers) -> None:
    """The training questions (their own random stream, so the other answers stay as they
    were before the questions were asked)."""
    _split(
        rng,
        working,
        "training_received",
        round(answers.received * len(working)),
        (("yes-all", 1.0),),
        (("yes-some", 0.6), ("no", 0.3), ("not-sure", 0.1)),
    )
    none = round(answers.wanted.get("none", 0.0) * len(working))
    order = list(working)
    shuffle(rng, order)
    for row in order[:none]:
        row["training_wanted"] = "none"
    rest = order[none:]
    _choose_many(
        rng,
        rest,
        "training_wanted",
        {k: round(v * len(working)) for k, v in answers.wanted.items() if k != "none"},
    )


def _shares(total: int, shares: Mapping[str, float]) -> dict[str, int]:
    return dict(zip(shares, exact_counts(total, list(shares.values())), strict=True))


def _suggest(rng: random.Random, rows: Sequence[Row], suggestions: Mapping[str, int]) -> None:
    order = list(rows)
    shuffle(rng, order)
    start = 0
    for theme, count in suggestions.items():
        texts = SUGGESTIONS[theme]
        for offset, row in enumerate(order[start : start + count]):
            row["join_or_stay"] = texts[offset % len(texts)]
        start += count


def organisation_responses(spec: OrganisationRound, *, seed: int) -> list[Row]:
    """The responses of an organisations round (careforce layout)."""
    rng = make_rng(seed, "survey", "organisations", spec.name)
    rows: list[Row] = [
        {"response_id": f"organisation-{spec.name}-{i + 1:03d}", "round": spec.name}
        for i in range(spec.respondents)
    ]
    _spread(rng, rows, "service_type", spec.service_types)
    _spread(rng, rows, "size", spec.sizes)
    _split(
        rng,
        rows,
        "struggling_to_recruit",
        spec.recruit,
        (("yes", 1.0),),
        (("no", 0.8), ("not-sure", 0.2)),
    )
    _split(
        rng,
        rows,
        "struggling_to_retain",
        spec.retain,
        (("yes", 1.0),),
        (("no", 0.8), ("not-sure", 0.2)),
    )
    recruiting = [r for r in rows if r["struggling_to_recruit"] == "yes"]
    _choose_many(rng, recruiting, "recruitment_challenges", spec.challenges)
    _choose_many(rng, rows, "successful_initiatives", spec.initiatives)
    _choose_many(rng, rows, "most_useful_support", spec.support)
    if spec.pathway:
        _spread(rng, rows, "care_workforce_pathway", spec.pathway)
    return rows


STAFF_ROUNDS: Final = (STAFF_2022, STAFF_2023, STAFF_2024)
"""The demo's staff rounds."""
ORGANISATION_ROUNDS: Final = (ORGANISATIONS_2022, ORGANISATIONS_2023, ORGANISATIONS_2024)
"""The demo's organisations rounds."""
