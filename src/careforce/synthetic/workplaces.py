"""Synthetic ASC-WDS workplaces: providers, services, sizes, addresses and registrations.

An area's workplaces are planned so that their sizes follow the published business size shares
(micro, small, medium, large) exactly and their staff add up exactly to the area's filled posts in
each service group. Council-run workplaces make up the local authority's posts; the rest are
private, voluntary or other independent providers, some of them groups of several sites sharing
one CQC provider ID.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.groups import ServiceGroup
from careforce.core.vocab.workplace_codes import CQC_REGULATED_SERVICES, SERVICE_PAY_GROUP
from careforce.synthetic import story
from careforce.synthetic.geography import District
from careforce.synthetic.profiles import AreaProfile
from careforce.synthetic.published import BUSINESS_SIZE_SHARES
from careforce.synthetic.sampling import allocate, exact_counts

SIZE_BOUNDS: Final[Mapping[str, tuple[int, int]]] = MappingProxyType(
    {"micro": (1, 9), "small": (10, 49), "medium": (50, 249), "large": (250, 700)}
)
"""Staff per workplace in each size class (ONS business size bands; large capped at 700, well
inside ASC-WDS's TOTALPERMTEMP limit of 999)."""

_TYPICAL_SIZE: Final[Mapping[str, tuple[float, float]]] = MappingProxyType(
    {"micro": (2.0, 9.0), "small": (10.0, 45.0), "medium": (50.0, 160.0), "large": (250.0, 450.0)}
)
"""Range the first draw of a workplace's size is taken from, log-uniformly, per size class."""

_GROUP_PREFERENCE: Final[Mapping[str, Mapping[ServiceGroup, float]]] = MappingProxyType(
    {
        "micro": {
            ServiceGroup.RESIDENTIAL: 0.7,
            ServiceGroup.NURSING: 0.02,
            ServiceGroup.HOME_CARE: 1.0,
            ServiceGroup.DAY_AND_COMMUNITY: 1.2,
        },
        "small": {
            ServiceGroup.RESIDENTIAL: 1.0,
            ServiceGroup.NURSING: 0.4,
            ServiceGroup.HOME_CARE: 1.0,
            ServiceGroup.DAY_AND_COMMUNITY: 0.4,
        },
        "medium": {
            ServiceGroup.RESIDENTIAL: 0.6,
            ServiceGroup.NURSING: 1.0,
            ServiceGroup.HOME_CARE: 1.0,
            ServiceGroup.DAY_AND_COMMUNITY: 0.05,
        },
        "large": {
            ServiceGroup.RESIDENTIAL: 0.05,
            ServiceGroup.NURSING: 0.3,
            ServiceGroup.HOME_CARE: 1.0,
            ServiceGroup.DAY_AND_COMMUNITY: 0.01,
        },
    }
)
"""How likely a workplace of each size class is to be in each service group (assumption: day
services are small, nursing homes medium, the largest employers home care agencies)."""

SERVICES_BY_GROUP: Final[Mapping[ServiceGroup, Mapping[int, float]]] = MappingProxyType(
    {
        ServiceGroup.NURSING: {1: 1.0},
        ServiceGroup.RESIDENTIAL: {2: 0.93, 14: 0.04, 5: 0.03},
        ServiceGroup.HOME_CARE: {8: 0.62, 55: 0.28, 54: 0.05, 73: 0.03, 17: 0.02},
        ServiceGroup.DAY_AND_COMMUNITY: {6: 0.5, 15: 0.25, 61: 0.15, 13: 0.1},
    }
)
"""Main services of independent workplaces in each service group (assumed mix)."""

LOCAL_AUTHORITY_SERVICES: Final[Mapping[ServiceGroup, Mapping[int, float]]] = MappingProxyType(
    {
        ServiceGroup.NURSING: {1: 1.0},
        ServiceGroup.RESIDENTIAL: {2: 0.6, 14: 0.4},
        ServiceGroup.HOME_CARE: {8: 0.8, 55: 0.2},
        ServiceGroup.DAY_AND_COMMUNITY: {6: 0.55, 16: 0.35, 15: 0.1},
    }
)
"""Main services of council-run workplaces (day centres, reablement, short breaks, social work)."""

OTHER_SERVICES: Final[Mapping[int, tuple[int, ...]]] = MappingProxyType(
    {1: (2, 14), 2: (14, 6), 8: (12, 10, 73), 55: (15, 8), 54: (8,), 6: (15, 13), 15: (6, 13)}
)
"""Other services a workplace with a given main service may also provide."""

EMPLOYER_TYPE_SHARES: Final[Mapping[int, float]] = MappingProxyType({6: 0.78, 7: 0.2, 8: 0.02})
"""Independent employers: private 78%, voluntary or charity 20%, other 2% (assumption)."""

GROUP_SITE_SHARE: Final = 0.35
"""Share of independent CQC workplaces that belong to a provider with several sites."""

UNKNOWN_STARTERS_LEAVERS_SHARE: Final = 0.02
"""Share of workplaces that answer "don't know" (999) for starters and leavers."""

UNKNOWN_VACANCIES_SHARE: Final = 0.015
"""Share of workplaces that answer "don't know" (999) for vacancies."""

_NAME_WORDS: Final = (
    "Oak",
    "Elm",
    "Willow",
    "Beech",
    "Ash",
    "Maple",
    "Cedar",
    "Rose",
    "Holly",
    "Ivy",
    "Birch",
    "Hazel",
    "Rowan",
    "Laurel",
    "Meadow",
    "Brook",
    "Heath",
    "Abbey",
    "Chase",
    "Manor",
    "Grange",
    "Priory",
    "Castle",
    "Orchard",
    "Hill",
    "Vale",
    "Green",
    "Field",
    "Lodge",
    "Park",
    "Croft",
    "Fern",
    "Moor",
    "River",
    "Bridge",
    "Spring",
    "Summer",
    "Church",
    "Mill",
    "Lark",
    "Wren",
    "Kingfisher",
    "Swan",
    "Heron",
    "Linden",
    "Juniper",
    "Aspen",
    "Larch",
    "Bluebell",
    "Primrose",
)
_HOME_SUFFIXES: Final = (
    "House",
    "Lodge",
    "Court",
    "Manor",
    "Grange",
    "Hall",
    "View",
    "Gardens",
    "Care Home",
    "Mews",
)
_STREETS: Final = (
    "High Street",
    "Church Road",
    "Station Road",
    "Park Lane",
    "Mill Lane",
    "London Road",
    "Victoria Road",
    "Manor Road",
    "The Green",
    "School Lane",
    "New Road",
    "Queens Road",
    "Kings Avenue",
    "Chapel Street",
    "Market Street",
    "Stafford Road",
    "Lichfield Road",
    "Oak Drive",
    "Meadow Way",
    "Springfield Road",
    "Windsor Close",
    "Hill Street",
)
_OTHER_TYPES: Final = ("Community interest company", "Social enterprise", "NHS trust")
INWARD_LETTERS: Final = "ABDEFGHJLNPQRSTUWXYZ"
"""Letters that may end a UK postcode (the inward code never uses C, I, K, M, O or V)."""


@dataclass(slots=True)
class Workplace:
    """One workplace, constant across the years except its staff and the counts about them."""

    index: int
    local_id: str
    name: str
    address1: str
    address2: str
    town: str
    postcode: str
    district: District
    employer_type: int
    other_type: str
    main_service: int
    other_services: tuple[int, ...]
    group: ServiceGroup
    size_class: str
    sizes: list[int]
    provider_id: str = ""
    location_id: str = ""
    capacity: int = 0
    service_users: tuple[int, ...] = ()
    answers: dict[str, str] = field(default_factory=dict)
    starters_leavers_unknown: bool = False
    vacancies_unknown: bool = False

    @property
    def regulated(self) -> bool:
        """True when the main service needs CQC registration (REGTYPE 2)."""
        return self.main_service in CQC_REGULATED_SERVICES

    @property
    def local_authority(self) -> bool:
        """True when the council runs the workplace (ESTTYPE 1 or 3)."""
        return self.employer_type in (1, 3)


def postcode(rng: random.Random, outward: str) -> str:
    """A postcode in an outward code: outward, one space, digit 1-9, two letters."""
    letters = INWARD_LETTERS
    digit = 1 + int(rng.random() * 9)
    first, second = letters[int(rng.random() * 20)], letters[int(rng.random() * 20)]
    return f"{outward} {digit}{first}{second}"


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return float(low * (high / low) ** rng.random())


def _fit_sizes(
    rng: random.Random, sizes: list[int], bounds: Sequence[tuple[int, int]], target: int
) -> None:
    """Scale sizes (each within its bounds) so they add up to ``target`` as nearly as possible."""
    for _ in range(6):
        total = sum(sizes)
        if total in (target, 0):
            break
        factor = target / total
        for i, (low, high) in enumerate(bounds):
            sizes[i] = min(high, max(low, round(sizes[i] * factor)))
    gap = target - sum(sizes)
    order = list(range(len(sizes)))
    while gap:
        rng.shuffle(order)
        moved = False
        for i in order:
            low, high = bounds[i]
            if gap > 0 and sizes[i] < high:
                step = min(gap, high - sizes[i], max(1, gap // len(sizes)))
            elif gap < 0 and sizes[i] > low:
                step = -min(-gap, sizes[i] - low, max(1, -gap // len(sizes)))
            else:
                continue
            sizes[i] += step
            gap -= step
            moved = True
            if not gap:
                break
        if not moved:
            break


def _plan_sizes(
    rng: random.Random, posts: Mapping[ServiceGroup, int]
) -> list[tuple[str, ServiceGroup, int]]:
    """Size class, service group and 2021/22 staff of every workplace."""
    total = sum(posts.values())
    classes = list(BUSINESS_SIZE_SHARES)
    shares = [BUSINESS_SIZE_SHARES[c] for c in classes]
    mean = sum(s * sum(_TYPICAL_SIZE[c]) / 2 for c, s in zip(classes, shares, strict=True))
    count = max(len(posts), round(total / mean))
    size_classes = allocate(rng, count, classes, shares)
    sizes = [round(_log_uniform(rng, *_TYPICAL_SIZE[c])) for c in size_classes]
    order = sorted(range(count), key=lambda i: -sizes[i])
    remaining = {g: float(n) for g, n in posts.items()}
    groups: list[ServiceGroup] = [ServiceGroup.RESIDENTIAL] * count
    for i in order:
        weights = [
            _GROUP_PREFERENCE[size_classes[i]][g] * max(remaining[g], 0.01) for g in remaining
        ]
        group = rng.choices(list(remaining), weights=weights)[0]
        groups[i] = group
        remaining[group] -= sizes[i]
    for group in posts:
        members = [i for i in range(count) if groups[i] == group]
        if not members:
            members = [max(range(count), key=lambda i: sizes[i])]
            for i in members:
                groups[i] = group
        member_sizes = [sizes[i] for i in members]
        _fit_sizes(rng, member_sizes, [SIZE_BOUNDS[size_classes[i]] for i in members], posts[group])
        for i, size in zip(members, member_sizes, strict=True):
            sizes[i] = size
    return [(size_classes[i], groups[i], sizes[i]) for i in range(count)]


def _choose_local_authority(
    rng: random.Random, plan: list[tuple[str, ServiceGroup, int]], target: int
) -> set[int]:
    """Workplaces the council runs, adding up to about its published filled posts."""
    weight = {
        ServiceGroup.DAY_AND_COMMUNITY: 4.0,
        ServiceGroup.HOME_CARE: 1.0,
        ServiceGroup.RESIDENTIAL: 1.0,
        ServiceGroup.NURSING: 0.05,
    }
    class_weight = {"micro": 0.3, "small": 1.0, "medium": 1.0, "large": 0.2}
    keys = sorted(
        range(len(plan)),
        key=lambda i: -(rng.random() ** (1 / (weight[plan[i][1]] * class_weight[plan[i][0]]))),
    )
    chosen: set[int] = set()
    total = 0
    for i in keys:
        if total >= target:
            break
        size = plan[i][2]
        if total + size <= target * 1.08 or (not chosen and size <= 2 * target):
            chosen.add(i)
            total += size
    return chosen


def _name(rng: random.Random, service: int, town: str, council: str, la: bool) -> str:
    word = rng.choice(_NAME_WORDS)
    if la:
        label = {
            2: "House",
            14: "Short Breaks",
            8: "Reablement Service",
            55: "Supported Living",
            6: "Day Opportunities",
            16: "Adult Social Care Team",
            15: "Community Support",
            1: "Nursing Home",
        }[service]
        return f"{council} - {town} {label}"
    if service in (1, 2, 5, 14, 70):
        name = f"{word} {rng.choice(_HOME_SUFFIXES)}"
        if service == 1 and rng.random() < 0.4:
            name = f"{name} Nursing Home"
    elif service in (8, 12, 73, 17):
        name = rng.choice(
            (
                f"{town} Home Care",
                f"{word} Care Services",
                f"{word} Homecare Ltd",
                f"Caring Hands {town}",
                f"{word} Home Support",
            )
        )
    elif service in (55, 54):
        name = rng.choice(
            (f"{word} Supported Living", f"{word} Court Extra Care", f"{word} Independent Living")
        )
    else:
        name = rng.choice(
            (
                f"{word} Day Centre",
                f"{town} Day Opportunities",
                f"{word} Community Support",
                f"{town} Carers Hub",
            )
        )
    if rng.random() < 0.03:
        name = f"{name}, {town}"
    return name


def _answers(rng: random.Random, main_service: int) -> dict[str, str]:
    """The workplace's answers about pay, pensions, sleep-ins and travel time."""
    pension = rng.choices(("1", "0", ""), (0.6, 0.25, 0.15))[0]
    answers = {
        "PERMCQC": rng.choices(("1", "0"), (0.9, 0.1))[0],
        "PERMLA": rng.choices(("1", "0", ""), (0.85, 0.1, 0.05))[0],
        "REPEATTRAINING": rng.choices(("1", "2", "3", "4", ""), (0.2, 0.25, 0.2, 0.15, 0.2))[0],
        "SICKPAY": rng.choices(("1", "0", "unknown", ""), (0.3, 0.5, 0.05, 0.15))[0],
        "PENSION": pension,
        "ACTUALCONT": rng.choice(("4", "5", "6", "8"))
        if pension == "1" and rng.random() < 0.6
        else "",
        "OPTOUTPEN": rng.choices(("1", "2", "999", ""), (0.3, 0.45, 0.1, 0.15))[0],
        "HOLIDAY": rng.choices(("28", "29", "30", "33", ""), (0.6, 0.08, 0.07, 0.05, 0.2))[0],
    }
    pay_group = SERVICE_PAY_GROUP[main_service]
    sleep_ins = sleep_in_pay = travel = rate = ""
    if pay_group in (1, 2):
        sleep_ins = rng.choices(("1", "2", ""), (0.4, 0.4, 0.2))[0]
        if sleep_ins == "1":
            sleep_in_pay = rng.choices(("1", "2", "999"), (0.45, 0.5, 0.05))[0]
    if pay_group == 1:
        travel = rng.choices(("1", "2", "3", "5", ""), (0.25, 0.15, 0.25, 0.15, 0.2))[0]
        if travel == "3":
            rate = f"{rng.uniform(8.9, 10.5):.2f}"
    answers.update(SLEEPINS=sleep_ins, SLEEPINPAY=sleep_in_pay, TRAVELTIME=travel, TTDIFFRATE=rate)
    return answers


def _year_sizes(rng: random.Random, size: int, size_class: str) -> list[int]:
    """Staff at each snapshot (base, 2020/21, 2021/22 at the planned size, then the assumed
    continuation years growing a little)."""
    low, high = SIZE_BOUNDS[size_class]
    earlier = min(high, max(low, round(size * rng.uniform(0.97, 1.06))))
    base = min(high, max(low, round(earlier * rng.uniform(0.97, 1.04))))
    sizes = [base, earlier, size]
    for _ in story.CONTINUATION_YEARS:
        sizes.append(min(high, max(low, round(sizes[-1] * rng.uniform(*story.GROWTH)))))
    return sizes


def plan_workplaces(area: AreaProfile, rng: random.Random) -> list[Workplace]:
    """Plan an area's workplaces (the same workplaces are used for every year).

    Args:
        area: The area and its targets.
        rng: The generator to draw from.

    Returns:
        Workplaces whose 2021/22 staff add up to the area's filled posts by service group.
    """
    targets = area.workforce
    plan = _plan_sizes(rng, targets.posts_by_service)
    council_run = _choose_local_authority(rng, plan, targets.local_authority_posts)
    district_weights = [max(1, len(d.outward_codes)) for d in area.districts]
    district_order = allocate(rng, len(plan), list(range(len(area.districts))), district_weights)
    council = area.name.split(",")[0] + (
        " County Council" if area.code.startswith("E10") else " Council"
    )
    employer_types = allocate(
        rng, len(plan), list(EMPLOYER_TYPE_SHARES), list(EMPLOYER_TYPE_SHARES.values())
    )
    workplaces: list[Workplace] = []
    for i, (size_class, group, size) in enumerate(plan):
        district = area.districts[district_order[i]]
        town = rng.choice(district.towns)
        la = i in council_run
        services = (LOCAL_AUTHORITY_SERVICES if la else SERVICES_BY_GROUP)[group]
        main = rng.choices(list(services), weights=list(services.values()))[0]
        others: tuple[int, ...] = ()
        if main in OTHER_SERVICES and rng.random() < 0.3:
            candidates = [
                s
                for s in OTHER_SERVICES[main]
                if main in CQC_REGULATED_SERVICES or s not in CQC_REGULATED_SERVICES
            ]
            if candidates:
                others = (rng.choice(candidates),)
        employer = rng.choices((1, 3), (0.85, 0.15))[0] if la else employer_types[i]
        if main == 16:
            employer = 1
        workplace = Workplace(
            index=i,
            local_id=f"{area.workplace_prefix}{i + 1:05d}",
            name=_name(rng, main, town, council, la),
            address1=f"{rng.randint(1, 250)} {rng.choice(_STREETS)}",
            address2=rng.choice(district.towns) if rng.random() < 0.3 else "",
            town=town,
            postcode=postcode(rng, rng.choice(district.outward_codes)),
            district=district,
            employer_type=employer,
            other_type=rng.choice(_OTHER_TYPES) if employer == 8 else "",
            main_service=main,
            other_services=others,
            group=group,
            size_class=size_class,
            sizes=_year_sizes(rng, size, size_class),
            answers=_answers(rng, main),
        )
        if main in (1, 2):
            beds_per_staff = 0.7 if main == 1 else 0.9
            workplace.capacity = max(3, round(size * beds_per_staff * rng.uniform(0.8, 1.2)))
        codes = (1, 2, 4, 5, 6, 7, 8, 18, 19, 20)
        workplace.service_users = tuple(sorted(rng.sample(codes, rng.randint(1, 3))))
        workplaces.append(workplace)
    _register(rng, area, workplaces)
    _mark_unknown_answers(rng, workplaces)
    return workplaces


def _register(rng: random.Random, area: AreaProfile, workplaces: list[Workplace]) -> None:
    """Give CQC-regulated workplaces provider and location IDs; group some sites together."""
    serial = 0

    def next_id() -> str:
        nonlocal serial
        serial += 1
        return f"1-{100_000_000 + area.index * 400_000 + serial * 3 + rng.randint(0, 2)}"

    regulated = [w for w in workplaces if w.regulated]
    independent = [w for w in regulated if not w.local_authority]
    council_provider = next_id()
    for w in regulated:
        w.location_id = next_id()
        if w.local_authority:
            w.provider_id = council_provider
    rng.shuffle(independent)
    in_groups = round(len(independent) * GROUP_SITE_SHARE)
    position = 0
    brands: set[str] = set()
    while position < in_groups:
        sites = independent[position : position + rng.randint(2, 8)]
        provider = next_id()
        brand = _brand(rng, brands)
        for w in sites:
            w.provider_id = provider
            w.name = f"{brand} - {w.name}"[:120]
        position += len(sites)
    for w in independent[position:]:
        w.provider_id = next_id()
    _unique_names(workplaces)


def _brand(rng: random.Random, taken: set[str]) -> str:
    """A group provider's name that no other group of the area has."""
    for _attempt in range(20):
        brand = f"{rng.choice(_NAME_WORDS)} {rng.choice(('Care Group', 'Healthcare', 'Care'))}"
        if brand not in taken:
            break
    else:
        brand = f"{brand} {len(taken) + 1}"
    taken.add(brand)
    return brand


def _unique_names(workplaces: list[Workplace]) -> None:
    """Give every workplace of the area a name of its own, as registered names are: a repeated
    name takes its town, then its street, then a number."""
    seen: set[str] = set()
    for w in workplaces:
        street = w.address1.split(" ", 1)[-1]
        for candidate in (w.name, f"{w.name}, {w.town}", f"{w.name}, {street}, {w.town}"):
            if candidate not in seen:
                break
        else:
            number = 2
            while f"{candidate} ({number})" in seen:
                number += 1
            candidate = f"{candidate} ({number})"
        w.name = candidate[:120]
        seen.add(w.name)


def _mark_unknown_answers(rng: random.Random, workplaces: list[Workplace]) -> None:
    counts = exact_counts(
        len(workplaces), [UNKNOWN_STARTERS_LEAVERS_SHARE, 1 - UNKNOWN_STARTERS_LEAVERS_SHARE]
    )
    for w in rng.sample(workplaces, counts[0]):
        w.starters_leavers_unknown = True
    counts = exact_counts(len(workplaces), [UNKNOWN_VACANCIES_SHARE, 1 - UNKNOWN_VACANCIES_SHARE])
    for w in rng.sample(workplaces, counts[0]):
        w.vacancies_unknown = True
