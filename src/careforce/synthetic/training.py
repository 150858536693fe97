"""Synthetic ASC-WDS training records.

Each worker gets a training history once, dated between their start (or three years before
they were last in post) and the last snapshot they were in post at; each year's training file
holds the records of that year's staff completed by its reference date. No record has an expiry
date: the validity in months (or ``none``) says how long it lasts, as providers usually write it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Container, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from careforce.core.vocab.groups import RoleGroup
from careforce.core.vocab.training_codes import TRAINING_CATEGORY
from careforce.synthetic.ascwds_text import TRAINING_HEADER
from careforce.synthetic.csv_text import quote, render_csv
from careforce.synthetic.sampling import Pick, choose, derive_seed, uk_date, years_before
from careforce.synthetic.workers import SNAPSHOT_DATES, Staffing, Worker

RECORDS_PER_WORKER: Final = (0.12, 0.12, 0.16, 0.16, 0.14, 0.12, 0.08, 0.06, 0.04)
"""Chance of a worker having 0, 1, ... 8 training records (about 3.3 on average)."""

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
_CATEGORIES: Final = {group: Pick.of(weights) for group, weights in CATEGORY_WEIGHTS.items()}
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
def _variants(seed: int) -> dict[int, tuple[tuple[str, str], ...]]:
    """For each category, renderings of a record around its date: (before, after) the date.

    Drawn once per run seed and shared by every area (they are only renderings).
    """
    rng = random.Random(derive_seed(seed, "training-variants"))
    variants: dict[int, tuple[tuple[str, str], ...]] = {}
    for category in sorted(TRAINING_CATEGORY.codes):
        names = COURSE_NAMES.get(category, (TRAINING_CATEGORY.label(category),))
        rendered = []
        for _ in range(VARIANTS_PER_CATEGORY):
            who = _WHO(rng)
            provider = _PROVIDER(rng) if who == "2" and rng.random() < 0.5 else ""
            notes = quote(_NOTES(rng)) if rng.random() < 0.03 else ""
            before = ",".join(
                (
                    str(category),
                    quote(choose(rng, names)),
                    _ACCREDITED(rng),
                    who,
                    provider,
                    _HOW(rng),
                    _VALIDITY(rng),
                    "",
                )
            )
            rendered.append((before, ",," + notes))
        variants[category] = tuple(rendered)
    return variants


@lru_cache(maxsize=8192)
def _date_text(ordinal: int) -> str:
    return uk_date(dt.date.fromordinal(ordinal))


def _history(
    rng: random.Random, w: Worker, variants: dict[int, tuple[tuple[str, str], ...]]
) -> list[tuple[int, str]]:
    """A worker's training records: (date ordinal, CSV text from CATEGORY to NOTES)."""
    count = _COUNT(rng)
    if not count:
        return []
    last = SNAPSHOT_DATES[min(w.left - 1, len(SNAPSHOT_DATES) - 1)]
    window = years_before(SNAPSHOT_DATES[max(w.first, 1)], HISTORY_YEARS)
    first = max(w.start_date, window, years_before(w.dob, -16))
    pick_category = _CATEGORIES[w.role_group]
    categories = {pick_category(rng): None for _ in range(count)}
    start = first.toordinal()
    span = max(0, last.toordinal() - start) + 1
    records = []
    for category in categories:
        day = start + int(rng.random() * span)
        before, after = choose(rng, variants[category])
        records.append((day, before + _date_text(day) + after))
    return records


class TrainingRecords:
    """Training records of an area's workers, drawn once and filtered per snapshot."""

    def __init__(self, staffing: Staffing, *, seed: int, variant_seed: int) -> None:
        """Draw every worker's training history (``variant_seed`` is the run's seed)."""
        rng = random.Random(derive_seed(seed, "training"))
        self._staffing = staffing
        variants = _variants(variant_seed)
        self._records = {w.serial: _history(rng, w, variants) for w in staffing.workers}

    def render(self, snapshot: int, workplaces: Container[int] | None = None) -> str:
        """The training file of a snapshot (1 = 2020/21, 2 = 2021/22), of the workplaces whose
        indices are in ``workplaces`` (every workplace by default)."""
        last = SNAPSHOT_DATES[snapshot].toordinal()
        rows = [
            f"{w.workplace.local_id},{w.worker_id},{text}"
            for w in self._staffing.workers
            if w.present(snapshot) and (workplaces is None or w.workplace.index in workplaces)
            for day, text in self._records[w.serial]
            if day <= last
        ]
        return render_csv(TRAINING_HEADER, rows)
