"""The measures a provider is benchmarked on, described as data.

Each benchmark measure is a measure of the measure catalogue (by its id), computed for one
workplace and its comparison groups; its name, unit and polarity are the catalogue measure's
(see :mod:`careforce.core.publishing.benchmarks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Aggregate(StrEnum):
    """How a benchmark measure is aggregated over a group of workplaces."""

    RATE = "rate"
    """Sum of a workplace-reported count ÷ sum of a base, over workplaces with usable data."""
    SHARE = "share"
    """Staff records meeting a condition ÷ staff records with an answer."""
    MEAN = "mean"
    """Mean over staff records with a value."""
    MEDIAN = "median"
    """Median over staff records with a value."""


@dataclass(frozen=True)
class BenchmarkMeasure:
    """How one benchmark measure is computed.

    Attributes:
        id: stable identifier.
        measure_id: the measure of the measure catalogue it benchmarks (for key-role pay, the
            measure restricted to the key role).
        aggregate: how it is aggregated.
        input: the column of the workplace or worker inputs it is computed from.
        key_role: for pay, the key job role it is about.
        no_data_state: the state shown for a workplace with nothing to compute it from.
    """

    id: str
    measure_id: str
    aggregate: Aggregate
    input: str
    key_role: str | None = None
    no_data_state: str = "no-data"


BENCHMARK_MEASURES: Final[tuple[BenchmarkMeasure, ...]] = (
    BenchmarkMeasure(
        "turnover_rate",
        "turnover_rate",
        Aggregate.RATE,
        "leavers",
    ),
    BenchmarkMeasure(
        "vacancy_rate",
        "vacancy_rate",
        Aggregate.RATE,
        "vacancies",
    ),
    BenchmarkMeasure(
        "sickness_days_per_worker",
        "sickness_days_per_worker",
        Aggregate.MEAN,
        "days_sick",
        no_data_state="no-sickness-days",
    ),
    BenchmarkMeasure(
        "care_worker_hourly_pay",
        "hourly_pay_median",
        Aggregate.MEDIAN,
        "hourly_rate",
        key_role="care worker",
        no_data_state="no-hourly-pay",
    ),
    BenchmarkMeasure(
        "senior_care_worker_hourly_pay",
        "hourly_pay_median",
        Aggregate.MEDIAN,
        "hourly_rate",
        key_role="senior care worker",
        no_data_state="no-hourly-pay",
    ),
    BenchmarkMeasure(
        "registered_nurse_hourly_pay",
        "hourly_pay_median",
        Aggregate.MEDIAN,
        "hourly_rate",
        key_role="registered nurse",
        no_data_state="no-hourly-pay",
    ),
    BenchmarkMeasure(
        "registered_manager_annual_pay",
        "annual_pay_fte_median",
        Aggregate.MEDIAN,
        "annual_pay_fte",
        key_role="registered manager",
        no_data_state="no-annual-pay",
    ),
    BenchmarkMeasure(
        "relevant_qualification_share",
        "relevant_qualification_share",
        Aggregate.SHARE,
        "qualified",
        no_data_state="no-qualification-answers",
    ),
    BenchmarkMeasure(
        "care_certificate_share",
        "care_certificate_share",
        Aggregate.SHARE,
        "care_certificate",
        no_data_state="no-care-certificate-answers",
    ),
)
"""Every benchmark measure, in the order pages show them."""

STATE_NOTES: Final[dict[str, str]] = {
    "mismatch-workers": "the staff records do not match the number of staff the workplace "
    "declared (TOTALPERMTEMP)",
    "no-leavers": "the number of leavers is not known",
    "no-perm-or-temp": "there are no permanent or temporary staff records",
    "incorrect-turnover": "the turnover rate would be over 995%, which is taken to be an error",
    "no-vacancies": "the number of vacancies is not known",
    "no-sickness-days": "no staff record gives days sick",
    "no-hourly-pay": "no staff record in the role has an hourly rate",
    "no-annual-pay": "no staff record in the role has an annual salary and contracted hours",
    "no-qualification-answers": "no staff record answers the qualification question",
    "no-care-certificate-answers": "no staff record answers the Care Certificate question",
    "no-data": "there are no data",
    "too-few-workplaces": "fewer workplaces than the disclosure threshold",
    "too-few-workers": "fewer staff records than the disclosure threshold",
}
"""Plain-English meaning of each state shown instead of a number."""
