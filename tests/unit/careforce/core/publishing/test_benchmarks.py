"""Benchmark measures described by the measure catalogue."""

from __future__ import annotations

import pytest

from careforce.core.benchmarks.catalogue import BENCHMARK_MEASURES, Aggregate, BenchmarkMeasure
from careforce.core.indicators.catalogue import UnknownMeasureError, measure
from careforce.core.publishing.benchmarks import BENCHMARKS, benchmarks
from careforce.core.vocab.published import Polarity, Unit

pytestmark = pytest.mark.unit


def test_every_benchmark_measure_in_order() -> None:
    assert [b.id for b in BENCHMARKS] == [m.id for m in BENCHMARK_MEASURES]
    assert [b.definition for b in BENCHMARKS] == list(BENCHMARK_MEASURES)


def test_names_units_and_polarities_are_the_catalogue_measures() -> None:
    described = {b.id: (b.name, b.unit, b.polarity) for b in BENCHMARKS}
    assert described == {
        "turnover_rate": ("Staff turnover rate", Unit.RATE, Polarity.LOW_IS_GOOD),
        "vacancy_rate": ("Vacancy rate", Unit.PROPORTION, Polarity.LOW_IS_GOOD),
        "sickness_days_per_worker": ("Sickness days per worker", Unit.DAYS, Polarity.LOW_IS_GOOD),
        "care_worker_hourly_pay": (
            "Median hourly pay, care workers",
            Unit.POUNDS_PER_HOUR,
            Polarity.HIGH_IS_GOOD,
        ),
        "senior_care_worker_hourly_pay": (
            "Median hourly pay, senior care workers",
            Unit.POUNDS_PER_HOUR,
            Polarity.HIGH_IS_GOOD,
        ),
        "registered_nurse_hourly_pay": (
            "Median hourly pay, registered nurses",
            Unit.POUNDS_PER_HOUR,
            Polarity.HIGH_IS_GOOD,
        ),
        "registered_manager_annual_pay": (
            "Median full-time equivalent annual pay, registered managers",
            Unit.POUNDS_PER_YEAR,
            Polarity.HIGH_IS_GOOD,
        ),
        "relevant_qualification_share": (
            "Holding a relevant social care qualification",
            Unit.PROPORTION,
            Polarity.HIGH_IS_GOOD,
        ),
        "care_certificate_share": (
            "Care Certificate completed or in progress",
            Unit.PROPORTION,
            Polarity.HIGH_IS_GOOD,
        ),
    }


def test_every_benchmark_names_a_catalogue_measure() -> None:
    for definition in BENCHMARK_MEASURES:
        assert measure(definition.measure_id).id == definition.measure_id


def test_an_unknown_measure_is_refused() -> None:
    unknown = BenchmarkMeasure("x", "no_such_measure", Aggregate.MEAN, "days_sick")
    with pytest.raises(UnknownMeasureError):
        benchmarks([unknown])
