"""The workforce a figure is about: the whole sector as estimated from the CQC register, or only
the workplaces that sent returns.

A measure of the returns (``turnover_rate``) has a counterpart of the estimated whole sector
(``turnover_rate_weighted``) when ``careforce estimates compute`` has been run; outputs that can
use either say which one every figure is on.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Base(StrEnum):
    """Whose workforce a figure describes."""

    ESTIMATED = "estimated"
    """Every in-scope registered location and unregistered workplace, returned or estimated."""
    RETURNED = "returned"
    """Only the workplaces with a current return."""


BASE_LABELS: Final[dict[Base, str]] = {
    Base.ESTIMATED: "estimated for the whole sector",
    Base.RETURNED: "returns only",
}
"""How each base reads on every output."""

ESTIMATED_COUNTERPARTS: Final[dict[str, str]] = {
    "filled_posts": "filled_posts_estimate",
    "headcount": "headcount_estimate",
    "vacancies": "vacancies_estimate",
    "vacancy_rate": "vacancy_rate_weighted",
    "turnover_rate": "turnover_rate_weighted",
    "starters_rate": "starters_rate_weighted",
    "hourly_pay_median": "hourly_pay_median_weighted",
    "hourly_pay_mean": "hourly_pay_mean_weighted",
}
"""The measure of the returns -> its counterpart of the estimated whole sector."""

BASE_COLUMN: Final = "base"
"""Column of an output saying which base a row's figure is on (see :data:`BASE_LABELS`)."""


def base_label(base: Base | str) -> str:
    """How a base reads, e.g. ``estimated for the whole sector``."""
    return BASE_LABELS[Base(base)]
