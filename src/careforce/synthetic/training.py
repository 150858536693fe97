"""Synthetic ASC-WDS training records.

Not every workplace uses the training file (:data:`RECORDING_SHARE`). In those that do, each
worker has the mandatory topics (:data:`MANDATORY_REFRESH`) refreshed on a cycle: completed soon
after starting, then again before each record expires — or, now and then, months after it has
(:data:`ON_TIME`), so some training is expired at a reference date. A training file keeps each
topic's latest completion by its reference date, as providers update a record when it is
refreshed. A few other categories by role group (:data:`CATEGORY_WEIGHTS`) are dated between the
worker's start (or three years before they were first in post) and the calibrated year 2021/22,
with now and then one more in each later year in post. No record has an expiry date: the validity
in months (or ``none``, or blank) says how long it lasts, as providers usually write it.

Skills for Care publishes no national share of staff with current or expired training by
category, so the chances below are assumptions; the refresher periods follow its "Core and
mandatory training" guide (annual practical refreshers, up to three-yearly for the others).
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_right
from collections.abc import Container, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.groups import RoleGroup
from careforce.core.vocab.training_codes import TRAINING_CATEGORY
from careforce.synthetic.ascwds_text import TRAINING_HEADER
from careforce.synthetic.csv_text import quote, render_csv
from careforce.synthetic.published import REFERENCE_YEARS
from careforce.synthetic.sampling import Pick, choose, derive_seed, uk_date, years_before
from careforce.synthetic.story import CALIBRATED_YEAR
from careforce.synthetic.workers import SNAPSHOT_DATES, Staffing, Worker

RECORDS_PER_WORKER: Final = (0.3, 0.3, 0.22, 0.12, 0.06)
"""Chance of a worker having 0, 1, ... 4 records of categories other than the mandatory topics
(about 1.3 on average)."""

RECORDING_SHARE: Final = 0.7
"""Share of independent workplaces that record their staff's training in ASC-WDS; council
workplaces all do (assumed)."""

MANDATORY_REFRESH: Final[Mapping[int, int]] = MappingProxyType(
    {20: 36, 9: 36, 6: 12, 10: 12, 15: 12, 7: 12, 14: 36, 23: 36, 41: 36}
)
"""Months a mandatory topic's record lasts before a refresher is due, by ASC-WDS category:
safeguarding adults, health and safety, fire safety, infection prevention and control,
assisting and moving people, basic life support and first aid, mental capacity and liberty
safeguards, equality and diversity, Oliver McGowan training (e-learning)."""

MANDATORY_RECORDED: Final[Mapping[int, float]] = MappingProxyType(
    {20: 0.94, 9: 0.92, 6: 0.92, 10: 0.93, 15: 0.88, 7: 0.78, 14: 0.8, 23: 0.8, 41: 0.7}
)
"""Chance that a worker of a recording workplace has the topic recorded at all (assumed);
assisting and moving people is for direct care and regulated professions only, at this chance,
and a fifth of it for other roles."""

OLIVER_MCGOWAN_FROM: Final = dt.date(2022, 11, 1)
"""The Oliver McGowan e-learning was launched in November 2022: no earlier completion."""

ON_TIME: Final = 0.8
"""Chance that a refresher is done before the record expires (within its last two months);
otherwise it is done one to seventeen months after (assumed)."""

VALIDITY_GIVEN: Final = 0.85
"""Share of mandatory records that give their validity in months; the rest leave it blank."""

INDUCTION_DAYS: Final = 90
"""A new worker completes each mandatory topic within this many days of starting."""

_MONTH_DAYS: Final = 30.44
_MOVING_PEOPLE: Final = 15

LATER_YEAR_RECORD: Final = 0.3
"""Chance of one more record of another category for each year in post after the calibrated year
(about the yearly rate of :data:`RECORDS_PER_WORKER` over a worker's history; assumed)."""

_CALIBRATED: Final = 1 + [year.label for year in REFERENCE_YEARS].index(CALIBRATED_YEAR)

HISTORY_YEARS: Final = 3
"""Training is recorded from this many years before the first written snapshot a worker is in
(or their start, if later) up to the last snapshot they are in post at."""

CATEGORY_WEIGHTS: Final[Mapping[RoleGroup, Mapping[int, float]]] = MappingProxyType(
    {
        RoleGroup.DIRECT_CARE: {
            20: 8,
            15: 7,
            10: 7,
            6: 6,
            9: 5,
            7: 4,
            13: 4,
            8: 3,
            14: 3,
            2: 3,
            22: 2,
            23: 2,
            38: 2,
            16: 2,
            17: 1,
            26: 1,
            33: 1,
            41: 1,
        },
        RoleGroup.MANAGERIAL: {
            20: 6,
            11: 5,
            35: 4,
            6: 4,
            9: 4,
            10: 3,
            14: 3,
            26: 3,
            37: 2,
            15: 2,
            23: 2,
            41: 1,
        },
        RoleGroup.REGULATED_PROFESSION: {
            20: 5,
            13: 5,
            10: 4,
            7: 4,
            6: 3,
            15: 3,
            14: 3,
            17: 2,
            29: 1,
            27: 1,
        },
        RoleGroup.OTHER: {6: 6, 9: 6, 8: 4, 30: 4, 20: 4, 10: 3, 45: 2, 26: 2, 23: 1},
    }
)
"""Training categories recorded for each role group and their relative frequency."""

COURSE_NAMES: Final[Mapping[int, tuple[str, ...]]] = MappingProxyType(
    {
        20: (
            "Safeguarding adults level 2",
            "Safeguarding adults refresher",
            "Safeguarding adults level 3",
        ),
        15: ("Moving and handling", "Moving and handling, practical", "People moving and handling"),
        10: ("Infection prevention and control", "Infection control and PPE"),
        6: ("Fire safety awareness", "Fire marshal training"),
        9: ("Health and safety awareness",),
        7: ("Emergency first aid at work", "Basic life support"),
        13: ("Medication awareness", "Safe handling of medicines", "Medication competency"),
        8: ("Food hygiene level 2",),
        14: ("Mental Capacity Act and DoLS",),
        2: ("Dementia awareness", "Dementia care, tier 2"),
        11: ("Leadership and management", "Leading a care team"),
        35: ("Supervision skills",),
    }
)
"""Course titles providers give some training categories (the category label otherwise)."""

PROVIDER_CODES: Final = (88, 41, 999, 37, 56, 62, 31)
"""Training provider codes used when training was delivered by an external provider."""


VARIANTS_PER_CATEGORY: Final = 48
"""Different renderings (title, accreditation, delivery, validity, notes) drawn per category."""

_COUNT: Final = Pick(range(len(RECORDS_PER_WORKER)), RECORDS_PER_WORKER)
_CATEGORIES: Final = {
    group: Pick.of({c: v for c, v in weights.items() if c not in MANDATORY_REFRESH})
    for group, weights in CATEGORY_WEIGHTS.items()
}
_ACCREDITED: Final = Pick(("1", "0", "999", ""), (0.35, 0.35, 0.1, 0.2))
_WHO: Final = Pick(("1", "2", ""), (0.5, 0.4, 0.1))
_HOW: Final = Pick(("1", "2", ""), (0.5, 0.4, 0.1))
_VALIDITY: Final = Pick(("12", "24", "36", "none", ""), (0.3, 0.15, 0.15, 0.2, 0.2))
_PROVIDER: Final = Pick([str(code) for code in PROVIDER_CODES])
_NOTES: Final = Pick(
    (
        "Refresher booked",
        'Delivered as "train the trainer"',
        "Completed online, certificate on file",
    )
)


@lru_cache(maxsize=8)
def _variants(seed: int) -> dict[int, tuple[tuple[str, str, str], ...]]:
    """For each category, renderings of a record around its date and validity: (the columns
    CATEGORY to HOWDELIVERED, VALIDITY, what follows the date).

    Drawn once per run seed and shared by every area (they are only renderings).
    """
    rng = random.Random(derive_seed(seed, "training-variants"))
    variants: dict[int, tuple[tuple[str, str, str], ...]] = {}
    for category in sorted(TRAINING_CATEGORY.codes):
        names = COURSE_NAMES.get(category, (TRAINING_CATEGORY.label(category),))
        rendered = []
        for _ in range(VARIANTS_PER_CATEGORY):
            who = _WHO(rng)
            provider = _PROVIDER(rng) if who == "2" and rng.random() < 0.5 else ""
            notes = quote(_NOTES(rng)) if rng.random() < 0.03 else ""
            head = ",".join(
                (
                    str(category),
                    quote(choose(rng, names)),
                    _ACCREDITED(rng),
                    who,
                    provider,
                    _HOW(rng),
                )
            )
            rendered.append((head, _VALIDITY(rng), ",," + notes))
        variants[category] = tuple(rendered)
    return variants


@lru_cache(maxsize=8192)
def _date_text(ordinal: int) -> str:
    return uk_date(dt.date.fromordinal(ordinal))


def _history(
    rng: random.Random, w: Worker, variants: dict[int, tuple[tuple[str, str, str], ...]]
) -> list[tuple[int, str]]:
    """A worker's records of categories other than the mandatory topics: (date ordinal, CSV
    text from CATEGORY to NOTES).

    :data:`RECORDS_PER_WORKER` are dated up to the calibrated year (or the worker's first year
    in post, if later), so that year's file has them whatever years follow; each later year in
    post may add one more (:data:`LATER_YEAR_RECORD`).
    """
    count = _COUNT(rng)
    last = min(w.left - 1, len(SNAPSHOT_DATES) - 1)
    through = min(last, max(w.first, _CALIBRATED))
    window = years_before(SNAPSHOT_DATES[max(w.first, 1)], HISTORY_YEARS)
    first = max(w.start_date, window, years_before(w.dob, -16)).toordinal()
    spans = [(first, SNAPSHOT_DATES[through].toordinal())] * count
    for snapshot in range(through + 1, last + 1):
        if rng.random() < LATER_YEAR_RECORD:
            spans.append(
                (
                    max(first, SNAPSHOT_DATES[snapshot - 1].toordinal() + 1),
                    SNAPSHOT_DATES[snapshot].toordinal(),
                )
            )
    if not spans:
        return []
    pick_category = _CATEGORIES[w.role_group]
    categories = {pick_category(rng): span for span in spans}
    records = []
    for category, (start, end) in categories.items():
        day = start + int(rng.random() * (max(0, end - start) + 1))
        head, validity, after = choose(rng, variants[category])
        records.append((day, f"{head},{validity},{_date_text(day)}{after}"))
    return records


def _refreshes(rng: random.Random, w: Worker, months: int, earliest: dt.date) -> list[int]:
    """The completion dates (ordinals) of one mandatory topic over a worker's time in post, up
    to the last snapshot they are in post at."""
    last = SNAPSHOT_DATES[min(w.left - 1, len(SNAPSHOT_DATES) - 1)].toordinal()
    window = years_before(SNAPSHOT_DATES[max(w.first, 1)], HISTORY_YEARS).toordinal()
    lasts = round(months * _MONTH_DAYS)
    start = max(w.start_date, years_before(w.dob, -16), earliest).toordinal()
    if start >= window - lasts:
        day = start + int(rng.random() * INDUCTION_DAYS)
    else:
        # In post long before the window: the last completion before it falls anywhere in the
        # record's life.
        day = window - int(rng.random() * lasts)
    days = []
    while day <= last:
        days.append(day)
        if rng.random() < ON_TIME:
            day += lasts - int(rng.random() * 60)
        else:
            day += lasts + 30 + int(rng.random() * 480)
    return days


def _mandatory(
    rng: random.Random, w: Worker, variants: dict[int, tuple[tuple[str, str, str], ...]]
) -> list[tuple[list[int], str, str]]:
    """A worker's mandatory topics: (completion dates, text before the date, text after)."""
    chains = []
    for category, months in MANDATORY_REFRESH.items():
        chance = MANDATORY_RECORDED[category]
        if category == _MOVING_PEOPLE and w.role_group not in (
            RoleGroup.DIRECT_CARE,
            RoleGroup.REGULATED_PROFESSION,
        ):
            chance /= 5
        if rng.random() >= chance:
            continue
        earliest = OLIVER_MCGOWAN_FROM if category == 41 else dt.date.min
        days = _refreshes(rng, w, months, earliest)
        if not days:
            continue
        head, _, after = choose(rng, variants[category])
        validity = str(months) if rng.random() < VALIDITY_GIVEN else ""
        chains.append((days, f"{head},{validity},", after))
    return chains


class TrainingRecords:
    """Training records of an area's workers, drawn once and filtered per snapshot."""

    def __init__(self, staffing: Staffing, *, seed: int, variant_seed: int) -> None:
        """Draw every worker's training history (``variant_seed`` is the run's seed)."""
        rng = random.Random(derive_seed(seed, "training"))
        self._staffing = staffing
        variants = _variants(variant_seed)
        recording = {
            p.index
            for p in staffing.workplaces
            if p.local_authority or rng.random() < RECORDING_SHARE
        }
        self._records: dict[int, list[tuple[int, str]]] = {}
        self._mandatory: dict[int, list[tuple[list[int], str, str]]] = {}
        for w in staffing.workers:
            if w.workplace.index in recording:
                self._mandatory[w.serial] = _mandatory(rng, w, variants)
                self._records[w.serial] = _history(rng, w, variants)

    def render(self, snapshot: int, workplaces: Container[int] | None = None) -> str:
        """The training file of a snapshot (1 = 2020/21, 2 = 2021/22), of the workplaces whose
        indices are in ``workplaces`` (every workplace by default): each mandatory topic's
        latest completion by the reference date, and the other records completed by then."""
        last = SNAPSHOT_DATES[snapshot].toordinal()
        rows = []
        for w in self._staffing.workers:
            if w.serial not in self._records or not w.present(snapshot):
                continue
            if workplaces is not None and w.workplace.index not in workplaces:
                continue
            key = f"{w.workplace.local_id},{w.worker_id},"
            for days, before, after in self._mandatory[w.serial]:
                position = bisect_right(days, last)
                if position:
                    rows.append(key + before + _date_text(days[position - 1]) + after)
            rows.extend(key + text for day, text in self._records[w.serial] if day <= last)
        return render_csv(TRAINING_HEADER, rows)
