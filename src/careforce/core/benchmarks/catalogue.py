"""The measures a provider is benchmarked on, described as data."""

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
    """One benchmark measure.

    Attributes:
        id: stable identifier.
        name: short name for tables.
        description: what it shows.
        unit: ``proportion``, ``days``, ``pounds per hour`` or ``pounds per year``.
        polarity: ``low-is-good``, ``high-is-good`` or ``no-judgement``.
        aggregate: how it is aggregated.
        input: the column of the workplace or worker inputs it is computed from.
        key_role: for pay, the key job role it is about.
        no_data_state: the state shown for a workplace with nothing to compute it from.
    """

    id: str
    name: str
    description: str
    unit: str
    polarity: str
    aggregate: Aggregate
    input: str
    key_role: str | None = None
    no_data_state: str = "no-data"


BENCHMARK_MEASURES: Final[tuple[BenchmarkMeasure, ...]] = (
    BenchmarkMeasure(
        "turnover_rate",
        "Staff turnover rate",
        "Leavers in the last 12 months as a share of directly employed staff.",
        "proportion",
        "low-is-good",
        Aggregate.RATE,
        "leavers",
    ),
    BenchmarkMeasure(
        "vacancy_rate",
        "Vacancy rate",
        "Vacant posts as a share of all posts (filled + vacant).",
        "proportion",
        "low-is-good",
        Aggregate.RATE,
        "vacancies",
    ),
    BenchmarkMeasure(
        "sickness_days_per_worker",
        "Sickness days per worker",
        "Average days lost to sickness per staff record in the last 12 months.",
        "days",
        "low-is-good",
        Aggregate.MEAN,
        "days_sick",
        no_data_state="no-sickness-days",
    ),
    BenchmarkMeasure(
        "care_worker_hourly_pay",
        "Median hourly pay, care workers",
        "Median hourly rate of hourly-paid care workers.",
        "pounds per hour",
        "high-is-good",
        Aggregate.MEDIAN,
        "hourly_rate",
        key_role="care worker",
        no_data_state="no-hourly-pay",
    ),
    BenchmarkMeasure(
        "senior_care_worker_hourly_pay",
        "Median hourly pay, senior care workers",
        "Median hourly rate of hourly-paid senior care workers.",
        "pounds per hour",
        "high-is-good",
        Aggregate.MEDIAN,
        "hourly_rate",
        key_role="senior care worker",
        no_data_state="no-hourly-pay",
    ),
    BenchmarkMeasure(
        "registered_nurse_hourly_pay",
        "Median hourly pay, registered nurses",
        "Median hourly rate of hourly-paid registered nurses.",
        "pounds per hour",
        "high-is-good",
        Aggregate.MEDIAN,
        "hourly_rate",
        key_role="registered nurse",
        no_data_state="no-hourly-pay",
    ),
    BenchmarkMeasure(
        "registered_manager_annual_pay",
        "Median annual pay, registered managers",
        "Median full-time equivalent annual salary of salaried registered managers.",
        "pounds per year",
        "high-is-good",
        Aggregate.MEDIAN,
        "annual_pay_fte",
        key_role="registered manager",
        no_data_state="no-annual-pay",
    ),
    BenchmarkMeasure(
        "relevant_qualification_share",
        "Holding a relevant social care qualification",
        "Share of staff records with a relevant social care qualification (of those answered).",
        "proportion",
        "high-is-good",
        Aggregate.SHARE,
        "qualified",
        no_data_state="no-qualification-answers",
    ),
    BenchmarkMeasure(
        "care_certificate_share",
        "Care Certificate completed or in progress",
        "Share of staff records with the Care Certificate completed or in progress.",
        "proportion",
        "high-is-good",
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
