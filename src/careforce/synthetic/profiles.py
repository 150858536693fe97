"""Demo data profiles: which areas are generated and the targets each is calibrated to.

``staffordshire`` is one county calibrated to the figures its workforce strategy publishes
(:mod:`careforce.synthetic.published`). ``england`` is all 153 upper-tier councils: each is
sized from its population with a regional rate of filled posts per resident so that England adds
up to about 1.6 million filled posts, and its targets are Staffordshire's varied by region (pay,
nationality, ethnicity, turnover and vacancies) and, a little, by council.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.groups import ServiceGroup
from careforce.synthetic import published as pub
from careforce.synthetic import story
from careforce.synthetic.geography import (
    ENGLAND_COUNCILS,
    STAFFORDSHIRE_CODE,
    Council,
    District,
    council_districts,
)
from careforce.synthetic.sampling import derive_seed


class UnknownProfileError(ValueError):
    """A profile name is not one of :data:`PROFILE_NAMES`."""

    def __init__(self, name: str) -> None:
        """Record the unknown name."""
        super().__init__(f"unknown profile '{name}'; choose one of {', '.join(PROFILE_NAMES)}")
        self.name = name


PROFILE_NAMES: Final = ("staffordshire", "england")
"""Names of the profiles that can be generated."""

ASCWDS_POSTS_BY_SERVICE: Final[Mapping[ServiceGroup, int]] = MappingProxyType(
    {
        ServiceGroup.NURSING: 5_200,
        ServiceGroup.RESIDENTIAL: 6_300,
        ServiceGroup.HOME_CARE: pub.FILLED_POSTS_HOME_CARE - pub.FILLED_POSTS_PERSONAL_ASSISTANTS,
        ServiceGroup.DAY_AND_COMMUNITY: pub.FILLED_POSTS_DAY_AND_COMMUNITY,
    }
)
"""Staffordshire's filled posts in ASC-WDS workplaces by service group, 2021/22.

Residential and nursing (11,500) is split 5,200 nursing / 6,300 residential (assumption: nursing
homes are about 45% of care home jobs nationally); personal assistants (1,400), who are not in
workplace returns, are taken out of home care (7,200)."""

DAY_AND_COMMUNITY_CONTRACTS: Final = pub.ContractShares(0.90, 0.08, 0.45, 0.15)
"""Contracts of day and community services (not published; assumed from national patterns)."""

TOTAL_ENGLAND_FILLED_POSTS: Final = 1_600_000
"""Filled posts in ASC-WDS workplaces across England that the england profile adds up to."""

LOCAL_AUTHORITY_SHARE_ENGLAND: Final = 0.06
"""Share of filled posts employed by councils outside Staffordshire (about 6% nationally)."""


@dataclass(frozen=True)
class RegionalVariation:
    """How a region's workforce differs from Staffordshire's (assumptions from national
    patterns: Skills for Care regional summaries show London with far more non-British and
    Black, Asian and minority ethnic workers, higher pay, and fewer filled posts per resident).

    Attributes:
        posts_per_resident: Filled posts per resident relative to the national rate.
        british: Share of workers with British nationality.
        white: Share of workers who are White.
        pay: Pay relative to Staffordshire.
        turnover: Turnover relative to Staffordshire.
        vacancies: Vacancy rates relative to Staffordshire.
    """

    posts_per_resident: float
    british: float
    white: float
    pay: float
    turnover: float
    vacancies: float


REGIONAL_VARIATION: Final[Mapping[str, RegionalVariation]] = MappingProxyType(
    {
        "E12000001": RegionalVariation(1.18, 0.96, 0.95, 0.99, 0.92, 0.85),
        "E12000002": RegionalVariation(1.12, 0.92, 0.89, 1.00, 0.98, 0.95),
        "E12000003": RegionalVariation(1.06, 0.92, 0.87, 1.00, 0.98, 0.95),
        "E12000004": RegionalVariation(1.02, 0.89, 0.84, 1.00, 1.00, 1.00),
        "E12000005": RegionalVariation(1.00, 0.88, 0.80, 1.00, 1.00, 1.00),
        "E12000006": RegionalVariation(0.98, 0.86, 0.85, 1.03, 1.05, 1.05),
        "E12000007": RegionalVariation(0.72, 0.60, 0.38, 1.10, 0.95, 1.10),
        "E12000008": RegionalVariation(1.02, 0.84, 0.84, 1.05, 1.07, 1.10),
        "E12000009": RegionalVariation(1.12, 0.89, 0.92, 1.02, 1.03, 1.05),
    }
)
"""Regional variation applied to councils other than Staffordshire."""


@dataclass(frozen=True)
class WorkforceTargets:
    """What one area's ASC-WDS returns are calibrated to.

    Attributes:
        posts_by_service: Filled posts (staff records) at the 2021/22 reference date.
        local_authority_posts: Of those, posts in council-run workplaces.
        female: Share of workers who are female.
        age_bands: Shares by age band (under 25, 25-34, 35-44, 45-54, 55 and over).
        white: Share of workers who are White.
        nationality: Shares by nationality group.
        contracts: Contract mix by service group.
        retention: Recruitment and retention figures by reference year label.
        care_worker_hourly_independent: Care workers' mean hourly pay by year label.
        care_worker_hourly_local_authority: Council care workers' mean hourly pay by year label.
        all_roles_hourly_independent: All roles' mean hourly pay by year label.
    """

    posts_by_service: Mapping[ServiceGroup, int]
    local_authority_posts: int
    female: float
    age_bands: Mapping[str, float]
    white: float
    nationality: Mapping[str, float]
    contracts: Mapping[ServiceGroup, pub.ContractShares]
    retention: Mapping[str, pub.RetentionFigures]
    care_worker_hourly_independent: Mapping[str, float]
    care_worker_hourly_local_authority: Mapping[str, float]
    all_roles_hourly_independent: Mapping[str, float]

    @property
    def filled_posts(self) -> int:
        """All filled posts in ASC-WDS workplaces at the 2021/22 reference date."""
        return sum(self.posts_by_service.values())


CARE_WORKER_HOURLY_INDEPENDENT: Final = story.CARE_WORKER_HOURLY_INDEPENDENT
"""Care workers' mean hourly pay, independent sector, by year (see :mod:`.story`)."""

CARE_WORKER_HOURLY_LOCAL_AUTHORITY: Final = story.CARE_WORKER_HOURLY_LOCAL_AUTHORITY
"""Council care workers' mean hourly pay by year (see :mod:`.story`)."""

STAFFORDSHIRE_TARGETS: Final = WorkforceTargets(
    posts_by_service=ASCWDS_POSTS_BY_SERVICE,
    local_authority_posts=pub.FILLED_POSTS_LOCAL_AUTHORITY,
    female=pub.FEMALE_SHARE,
    age_bands=story.AGE_BAND_SHARES,
    white=pub.WHITE_SHARE,
    nationality=pub.NATIONALITY_SHARES,
    contracts=MappingProxyType(
        {**pub.CONTRACTS_BY_SERVICE, ServiceGroup.DAY_AND_COMMUNITY: DAY_AND_COMMUNITY_CONTRACTS}
    ),
    retention=story.RETENTION,
    care_worker_hourly_independent=CARE_WORKER_HOURLY_INDEPENDENT,
    care_worker_hourly_local_authority=CARE_WORKER_HOURLY_LOCAL_AUTHORITY,
    all_roles_hourly_independent=story.ALL_ROLES_HOURLY_INDEPENDENT,
)
"""Staffordshire's calibration targets."""


@dataclass(frozen=True)
class AreaProfile:
    """One council whose data is generated.

    Attributes:
        index: Position of the council in England's list (keeps identifiers unique nationally).
        code: ONS code of the council.
        name: Name of the council.
        region: ONS code of its region.
        districts: Districts its workplaces and workers are placed in.
        population_thousands: Census 2021 population, thousands.
        workforce: ASC-WDS calibration targets.
        children_staff: Council children's services staff (HR extract size).
        years: How many reference years are generated, from 2020/21 (see
            :data:`PROFILE_YEARS`).
        workplace_prefix: What its workplace references (LOCALESTID) start with. A reference is
            a provider's own, unique only within its upload: the national profile starts each
            council's with the council's code, so that no two councils' workplaces outside CQC
            registration share one and are taken for the same workplace.
        employee_prefix: What its HR extract's employee references start with: the national
            profile gathers every council's extract in one file, so starts each council's with
            the council's code, as a council's own references are unique only within it.
    """

    index: int
    code: str
    name: str
    region: str
    districts: tuple[District, ...]
    population_thousands: int
    workforce: WorkforceTargets
    children_staff: int
    years: int = len(pub.REFERENCE_YEARS)
    workplace_prefix: str = "WP"
    employee_prefix: str = "HR"

    @property
    def population_ratio(self) -> float:
        """Population relative to Staffordshire's."""
        return self.population_thousands / _STAFFORDSHIRE.population_thousands


@dataclass(frozen=True)
class Profile:
    """A set of areas to generate and the scale they are generated at.

    Attributes:
        name: Profile name.
        areas: The councils.
        scale: Multiplier on every area's size (1 = as calibrated; less for quick tests).
    """

    name: str
    areas: tuple[AreaProfile, ...]
    scale: float


_STAFFORDSHIRE: Final = next(c for c in ENGLAND_COUNCILS if c.code == STAFFORDSHIRE_CODE)


def _scaled_posts(posts: Mapping[ServiceGroup, int], factor: float) -> dict[ServiceGroup, int]:
    return {group: max(3, round(count * factor)) for group, count in posts.items()}


def _scaled_rates(
    figures: pub.RetentionFigures, turnover: float, vacancies: float
) -> pub.RetentionFigures:
    return replace(
        figures,
        turnover=round(figures.turnover * turnover, 4),
        registered_nurse_turnover=round(figures.registered_nurse_turnover * turnover, 4),
        vacancy_rate=round(figures.vacancy_rate * vacancies, 4),
        vacancy_by_role=MappingProxyType(
            {role: round(rate * vacancies, 4) for role, rate in figures.vacancy_by_role.items()}
        ),
    )


def _council_targets(council: Council, posts: int) -> WorkforceTargets:
    """Staffordshire's targets varied by the council's region and a council-specific jitter."""
    variation = REGIONAL_VARIATION[council.region]
    jitter = random.Random(derive_seed(0, "council-variation", council.code))
    turnover = variation.turnover * jitter.uniform(0.92, 1.08)
    vacancies = variation.vacancies * jitter.uniform(0.9, 1.1)
    pay = variation.pay * jitter.uniform(0.98, 1.02)
    british = min(0.97, variation.british * jitter.uniform(0.97, 1.03))
    eu = (1 - british) * 0.4
    base = STAFFORDSHIRE_TARGETS
    factor = posts / base.filled_posts
    return replace(
        base,
        posts_by_service=MappingProxyType(_scaled_posts(base.posts_by_service, factor)),
        local_authority_posts=round(
            posts * LOCAL_AUTHORITY_SHARE_ENGLAND * jitter.uniform(0.6, 1.4)
        ),
        white=min(0.97, variation.white * jitter.uniform(0.97, 1.03)),
        nationality=MappingProxyType(
            {"British": british, "EU": eu, "Outside EU": 1 - british - eu}
        ),
        retention=MappingProxyType(
            {label: _scaled_rates(f, turnover, vacancies) for label, f in base.retention.items()}
        ),
        care_worker_hourly_independent=MappingProxyType(
            {k: round(v * pay, 2) for k, v in base.care_worker_hourly_independent.items()}
        ),
        care_worker_hourly_local_authority=MappingProxyType(
            {k: round(v * pay, 2) for k, v in base.care_worker_hourly_local_authority.items()}
        ),
        all_roles_hourly_independent=MappingProxyType(
            {k: round(v * pay, 2) for k, v in base.all_roles_hourly_independent.items()}
        ),
    )


def _scale_targets(targets: WorkforceTargets, scale: float) -> WorkforceTargets:
    if scale == 1:
        return targets
    return replace(
        targets,
        posts_by_service=MappingProxyType(_scaled_posts(targets.posts_by_service, scale)),
        local_authority_posts=round(targets.local_authority_posts * scale),
    )


def _england_posts() -> dict[str, int]:
    """Filled posts of every council: Staffordshire's as calibrated, the others by population."""
    fixed = STAFFORDSHIRE_TARGETS.filled_posts
    weights = {
        c.code: c.population_thousands
        * REGIONAL_VARIATION[c.region].posts_per_resident
        * random.Random(derive_seed(0, "council-size", c.code)).uniform(0.9, 1.1)
        for c in ENGLAND_COUNCILS
        if c.code != STAFFORDSHIRE_CODE
    }
    rate = (TOTAL_ENGLAND_FILLED_POSTS - fixed) / sum(weights.values())
    posts = {code: max(40, round(weight * rate)) for code, weight in weights.items()}
    posts[STAFFORDSHIRE_CODE] = fixed
    return posts


def _area(index: int, council: Council, targets: WorkforceTargets, scale: float) -> AreaProfile:
    children = pub.CHILDREN_STAFF_TOTAL
    if council.code != STAFFORDSHIRE_CODE:
        jitter = random.Random(derive_seed(0, "council-children", council.code))
        ratio = council.population_thousands / _STAFFORDSHIRE.population_thousands
        children = max(8, round(children * ratio * jitter.uniform(0.85, 1.15)))
    return AreaProfile(
        index=index,
        code=council.code,
        name=council.name,
        region=council.region,
        districts=council_districts(council),
        population_thousands=council.population_thousands,
        workforce=_scale_targets(targets, scale),
        children_staff=max(8, round(children * scale)),
    )


PROFILE_YEARS: Final[Mapping[str, int]] = MappingProxyType(
    {"staffordshire": len(pub.REFERENCE_YEARS), "england": 2}
)
"""Reference years each profile generates: the Staffordshire demo tells its story over all four;
the national profile, a benchmark of scale, keeps the two calibrated years (2020/21, 2021/22)."""


def build_profile(name: str, *, scale: float = 1.0) -> Profile:
    """Return the named profile at a scale.

    Args:
        name: One of :data:`PROFILE_NAMES`.
        scale: Multiplier on the number of workplaces, workers and council staff (> 0).

    Raises:
        UnknownProfileError: If the name is not a profile.
        ValueError: If the scale is not positive.
    """
    if scale <= 0:
        raise ValueError(f"scale must be positive, got {scale}")
    index = {council.code: i for i, council in enumerate(ENGLAND_COUNCILS)}
    if name == "staffordshire":
        area = _area(index[STAFFORDSHIRE_CODE], _STAFFORDSHIRE, STAFFORDSHIRE_TARGETS, scale)
        return Profile(name=name, areas=(area,), scale=scale)
    if name == "england":
        posts = _england_posts()
        areas = tuple(
            _area(
                index[c.code],
                c,
                STAFFORDSHIRE_TARGETS
                if c.code == STAFFORDSHIRE_CODE
                else _council_targets(c, posts[c.code]),
                scale,
            )
            for c in ENGLAND_COUNCILS
        )
        years = PROFILE_YEARS[name]
        areas = tuple(
            replace(
                area,
                years=years,
                workplace_prefix=f"WP{area.code}-",
                employee_prefix=f"HR{area.code}-",
            )
            for area in areas
        )
        return Profile(name=name, areas=areas, scale=scale)
    raise UnknownProfileError(name)
