"""Which synthetic workplaces send an ASC-WDS return: realistic, non-random non-response.

ASC-WDS covers "typically around 50%" of CQC-regulated workplaces, and not at random: councils
complete it for all their services, care homes more often than community services, larger
services more often than small ones. The demo writes a CQC register of every location and the
ASC-WDS files of the locations that return, so the whole-sector estimates have something to
estimate. Every figure below is an assumption (no response rate by service and size is
published); together they give about half of the CQC-registered locations returning and a
little over half of their filled posts.

The true filled posts of every workplace, returned or not, are written beside the register as
synthetic truth (:func:`truth_rows`), so tests can compare the estimates with them.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from careforce.synthetic.csv_text import render_table
from careforce.synthetic.workplaces import Workplace

CARE_HOME_SERVICES: Final = frozenset({1, 2})
"""ASC-WDS main services of care homes (with and without nursing)."""

RESPONSE_BY_SERVICE: Final[Mapping[int, float]] = MappingProxyType(
    {
        1: 0.68,  # care home with nursing
        2: 0.64,  # care home without nursing
        8: 0.50,  # domiciliary care
        17: 0.45,  # shared lives
        54: 0.50,  # extra care housing
        55: 0.50,  # supported living
        61: 0.38,  # community learning disability
        62: 0.38,  # community mental health
    }
)
"""Chance that an independent small location of each ASC-WDS main service returns (assumed)."""

OTHER_SERVICE_RESPONSE: Final = 0.45
"""Chance for a CQC-regulated main service not in :data:`RESPONSE_BY_SERVICE` (assumed)."""

SIZE_FACTOR: Final[Mapping[str, float]] = MappingProxyType(
    {"micro": 0.6, "small": 1.0, "medium": 1.25, "large": 1.4}
)
"""Multiplier on the chance by business size (fewer than 10, 10-49, 50-249, 250 or more staff):
micro services return least (assumed)."""

MAXIMUM_RESPONSE: Final = 0.95
"""No independent location is certain to return."""

EARLIER_YEAR_EXTRA: Final = 0.06
"""Added to the chance of returning for each year before the calibrated one: some locations
returned then and have lapsed since, so the calibrated year's estimates carry their earlier return
forward (assumed). The years after it keep the calibrated year's response."""


def response_propensity(workplace: Workplace) -> float:
    """Chance that a workplace returns its ASC-WDS files in the calibrated year.

    Council workplaces (ESTTYPE 1 or 3) always return; so do workplaces no CQC register lists
    (no estimate could see one that did not, so the demo keeps its truth and estimates over the
    same workforce). Independent CQC-regulated locations return with a chance by main service
    and size.
    """
    if workplace.local_authority or not workplace.regulated:
        return 1.0
    base = RESPONSE_BY_SERVICE.get(workplace.main_service, OTHER_SERVICE_RESPONSE)
    return min(MAXIMUM_RESPONSE, base * SIZE_FACTOR[workplace.size_class])


@dataclass(frozen=True)
class Response:
    """Who returned: the indices of the returning workplaces of each written snapshot.

    Attributes:
        propensity: Workplace index -> chance of returning in the calibrated year.
        returned: Snapshot (1 = 2020/21, 2 = 2021/22, ...) -> indices of the returning
            workplaces.
    """

    propensity: Mapping[int, float]
    returned: Mapping[int, frozenset[int]]


def draw_response(
    workplaces: Sequence[Workplace],
    rng: random.Random,
    *,
    snapshots: int = 2,
    calibrated: int | None = None,
) -> Response:
    """Draw which workplaces return in each written snapshot.

    One draw per workplace decides every year: a workplace that returns in the calibrated year
    (snapshot ``calibrated``, the latest by default) returned in the earlier ones too, and a few
    returned earlier only (:data:`EARLIER_YEAR_EXTRA` a year); the years after it have the same
    returns, so about half of the registered locations return in each of them.
    """
    calibrated = snapshots if calibrated is None else calibrated
    propensity = {w.index: response_propensity(w) for w in workplaces}
    draws = {w.index: rng.random() for w in workplaces}
    returned = {}
    for snapshot in range(1, snapshots + 1):
        extra = EARLIER_YEAR_EXTRA * max(0, calibrated - snapshot)
        returned[snapshot] = frozenset(
            index for index, chance in propensity.items() if draws[index] < min(1.0, chance + extra)
        )
    return Response(MappingProxyType(propensity), MappingProxyType(returned))


TRUTH_HEADER: Final = (
    "area_code",
    "workplace_ref",
    "location_id",
    "main_service",
    "service_group",
    "council",
    "cqc_registered",
    "size_class",
    "beds",
    "response_propensity",
)
"""Leading columns of the synthetic truth; ``filled_posts_<year>``, ``returned_<year>`` and
``people_<year>`` follow for each written year."""


def truth_rows(
    workplaces: Sequence[Workplace],
    response: Response,
    posts: Mapping[int, Sequence[int]],
    *,
    area_code: str,
    years: Sequence[str],
    people: Mapping[int, Sequence[float]] | None = None,
) -> str:
    """The synthetic truth of an area as CSV text: one row per workplace (returned or not) with
    its true filled posts in each written year, whether it returned then, and its true people:
    each post carries 1 ÷ the posts its person holds in the area that year, so the workplaces'
    people add up to the area's distinct people (its true headcount).

    Args:
        workplaces: The area's workplaces.
        response: Who returned.
        posts: Workplace index -> filled posts at each written snapshot (in ``years`` order).
        area_code: ONS code of the area.
        years: Labels of the written years, oldest first.
        people: Workplace index -> people at each written snapshot (default: one a post).
    """
    header = [
        *TRUTH_HEADER,
        *(f"filled_posts_{year}" for year in years),
        *(f"returned_{year}" for year in years),
        *(f"people_{year}" for year in years),
    ]
    rows = []
    for w in workplaces:
        rows.append(
            (
                area_code,
                w.local_id,
                w.location_id,
                w.main_service,
                w.group.value,
                "Y" if w.local_authority else "N",
                "Y" if w.regulated else "N",
                w.size_class,
                w.capacity if w.main_service in CARE_HOME_SERVICES else 0,
                f"{response.propensity[w.index]:.3f}",
                *posts[w.index],
                *(
                    "Y" if w.index in response.returned[snapshot] else "N"
                    for snapshot in range(1, len(years) + 1)
                ),
                *(f"{n:.3f}" for n in (people[w.index] if people is not None else posts[w.index])),
            )
        )
    return render_table(header, rows)
