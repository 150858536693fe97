"""Benchmark measures as pages show them: named, with a unit and a polarity, all taken from the
measure of the measure catalogue each one benchmarks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from careforce.core.benchmarks.catalogue import BENCHMARK_MEASURES, BenchmarkMeasure
from careforce.core.indicators.catalogue import MEASURES, Measure, UnknownMeasureError
from careforce.core.vocab.published import Polarity, Unit


@dataclass(frozen=True)
class Benchmark:
    """A benchmark measure described by the catalogue measure it benchmarks.

    Attributes:
        definition: how it is computed.
        name: the catalogue measure's name, with the key role for key-role pay (e.g.
            ``Median hourly pay, care workers``).
        unit: the catalogue measure's unit.
        polarity: the catalogue measure's polarity.
    """

    definition: BenchmarkMeasure
    name: str
    unit: Unit
    polarity: Polarity

    @property
    def id(self) -> str:
        """The benchmark measure's id."""
        return self.definition.id


def benchmarks(
    definitions: Sequence[BenchmarkMeasure] = BENCHMARK_MEASURES,
    measures: Sequence[Measure] = MEASURES,
) -> tuple[Benchmark, ...]:
    """Describe each benchmark measure by its catalogue measure (the first entry of its id).

    Raises:
        UnknownMeasureError: a benchmark measure names a measure the catalogue does not have.
    """
    first: dict[str, Measure] = {}
    for entry in measures:
        first.setdefault(entry.id, entry)
    described = []
    for definition in definitions:
        measure = first.get(definition.measure_id)
        if measure is None:
            raise UnknownMeasureError(definition.measure_id)
        name = (
            measure.name
            if definition.key_role is None
            else f"{measure.name}, {definition.key_role}s"
        )
        described.append(Benchmark(definition, name, measure.unit, measure.polarity))
    return tuple(described)


BENCHMARKS: Final = benchmarks()
"""Every benchmark measure, described, in the order pages show them."""
