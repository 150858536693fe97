"""Seeded sampling helpers shared by the synthetic data generators.

Every generator draws from a :class:`random.Random` made by :func:`make_rng` from the run's seed
and a few labels naming what is being drawn, so that one part of the output can change without
shifting the random numbers of every other part. Shares are hit exactly where a test checks them
(:func:`allocate`, :func:`fill_to_shares`) instead of being left to sampling noise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import random
from bisect import bisect
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


class Pick(Generic[T]):
    """A fixed weighted choice, drawn with one random number (faster than ``rng.choices``).

    Example: ``Pick(("1", "2"), (0.9, 0.1))(rng)`` gives ``"1"`` nine times in ten.
    """

    __slots__ = ("_cumulative", "_total", "_values")

    def __init__(self, values: Sequence[T], weights: Sequence[float] | None = None) -> None:
        """Fix the values and their relative weights (equal when not given)."""
        if not values:
            raise ValueError("a choice needs at least one value")
        self._values = tuple(values)
        cumulative = list(accumulate(weights if weights is not None else [1.0] * len(values)))
        if len(cumulative) != len(self._values):
            raise ValueError("values and weights differ in length")
        self._total = cumulative[-1]
        # An infinite last bound keeps every draw inside the table without a bounds check.
        cumulative[-1] = math.inf
        self._cumulative = cumulative

    @classmethod
    def of(cls, weights: Mapping[T, float]) -> Pick[T]:
        """A choice among a mapping's keys weighted by its values."""
        return cls(list(weights), list(weights.values()))

    def __call__(self, rng: random.Random) -> T:
        """Draw one value."""
        return self._values[bisect(self._cumulative, rng.random() * self._total)]


def derive_seed(seed: int, *labels: str | int) -> int:
    """Return a 64-bit seed derived from a run seed and labels, stable across Python versions."""
    text = "/".join([str(seed), *(str(label) for label in labels)])
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def make_rng(seed: int, *labels: str | int) -> random.Random:
    """Return a generator seeded from a run seed and labels (see :func:`derive_seed`)."""
    return random.Random(derive_seed(seed, *labels))


def exact_counts(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` into whole counts proportional to ``weights`` (largest remainder).

    Raises:
        ValueError: If ``total`` is negative or the weights do not sum to a positive number.
    """
    if total < 0:
        raise ValueError(f"total must not be negative, got {total}")
    weight_sum = float(sum(weights))
    if weight_sum <= 0:
        raise ValueError("weights must sum to a positive number")
    raw = [total * max(w, 0.0) / weight_sum for w in weights]
    counts = [int(x) for x in raw]
    short = total - sum(counts)
    order = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for index in order[:short]:
        counts[index] += 1
    return counts


def allocate(
    rng: random.Random, total: int, categories: Sequence[K], weights: Sequence[float]
) -> list[K]:
    """Return ``total`` categories in random order whose counts follow ``weights`` exactly."""
    counts = exact_counts(total, weights)
    drawn: list[K] = []
    for category, count in zip(categories, counts, strict=True):
        drawn.extend([category] * count)
    shuffle(rng, drawn)
    return drawn


def shuffle(rng: random.Random, items: list[T]) -> None:
    """Shuffle a list in place (Fisher-Yates on ``rng.random()``, quicker than rng.shuffle)."""
    draw = rng.random
    for i in range(len(items) - 1, 0, -1):
        j = int(draw() * (i + 1))
        items[i], items[j] = items[j], items[i]


def fill_to_shares(
    rng: random.Random,
    existing: Sequence[K],
    new: int,
    shares: Mapping[K, float],
) -> list[K]:
    """Choose categories for ``new`` items so that existing + new follow ``shares`` closely.

    Used where some of a population is fixed (workers who stay from last year) and the rest
    (this year's starters) can be chosen: the starters make up what the stayers lack.
    Existing items whose category is not in ``shares`` are ignored.
    """
    if new <= 0:
        return []
    categories = list(shares)
    weights = [shares[c] for c in categories]
    have = Counter(existing)
    known = sum(have[c] for c in categories)
    target = exact_counts(known + new, weights)
    need: list[float] = [max(0, t - have[c]) for c, t in zip(categories, target, strict=True)]
    if sum(need) == 0:
        need = weights
    return allocate(rng, new, categories, need)


def weighted_sample(rng: random.Random, weights: Sequence[float], k: int) -> list[int]:
    """Return the indices of ``k`` items drawn without replacement with the given weights.

    Efraimidis and Spirakis' method: each item gets the key ``u ** (1 / w)`` and the ``k``
    largest keys win. Items with weight 0 are drawn only when nothing else is left.
    """
    if k <= 0:
        return []
    keys = [rng.random() ** (1.0 / w) if w > 0 else -1.0 - rng.random() for w in weights]
    return heapq.nlargest(min(k, len(keys)), range(len(keys)), key=keys.__getitem__)


def nudge_to_total(
    rng: random.Random,
    values: list[int],
    indices: Sequence[int],
    lower: Sequence[int],
    upper: Sequence[int],
    target_total: int,
) -> None:
    """Move ``values[i]`` for ``i`` in ``indices`` by one at a time until they sum to a target.

    Each value stays within its ``lower``/``upper`` bound (parallel to ``indices``); when the
    bounds do not allow the target the values get as close as they can.
    """
    current = sum(values[i] for i in indices)
    for _ in range(64):
        gap = target_total - current
        if gap == 0:
            return
        step = 1 if gap > 0 else -1
        movable = [
            position
            for position, i in enumerate(indices)
            if (values[i] < upper[position] if step > 0 else values[i] > lower[position])
        ]
        if not movable:
            return
        rng.shuffle(movable)
        for position in movable[: abs(gap)]:
            values[indices[position]] += step
            current += step


def random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """Return a date drawn uniformly from ``first`` to ``last`` inclusive."""
    if last <= first:
        return first
    return dt.date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def years_before(day: dt.date, years: int) -> dt.date:
    """Return the same calendar day ``years`` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@lru_cache(maxsize=65_536)
def uk_date(day: dt.date) -> str:
    """Format a date as ASC-WDS writes it: ``DD/MM/YYYY``, zero-padded."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def choose(rng: random.Random, items: Sequence[T]) -> T:
    """One item drawn uniformly with a single random number (quicker than ``rng.choice``)."""
    return items[int(rng.random() * len(items))]


def integer(rng: random.Random, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` inclusive, drawn with a single random number."""
    return low + int(rng.random() * (high - low + 1))


def whole_years(start: dt.date, end: dt.date) -> int:
    """Whole years from ``start`` to ``end`` (an age on a date)."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))
