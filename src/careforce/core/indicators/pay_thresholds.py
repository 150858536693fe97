"""Pay thresholds the pay measures compare with, by the date they came into force."""

from __future__ import annotations

import datetime as dt

NATIONAL_LIVING_WAGE: tuple[tuple[dt.date, float], ...] = (
    (dt.date(2019, 4, 1), 8.21),
    (dt.date(2020, 4, 1), 8.72),
    (dt.date(2021, 4, 1), 8.91),
    (dt.date(2022, 4, 1), 9.50),
    (dt.date(2023, 4, 1), 10.42),
    (dt.date(2024, 4, 1), 11.44),
    (dt.date(2025, 4, 1), 12.21),
    (dt.date(2026, 4, 1), 12.71),
)
"""Statutory National Living Wage (pounds an hour, aged 21+ from April 2021, 23+ before), from GOV.UK."""

REAL_LIVING_WAGE: tuple[tuple[dt.date, float], ...] = (
    (dt.date(2019, 11, 11), 9.30),
    (dt.date(2020, 11, 9), 9.50),
    (dt.date(2021, 11, 15), 9.90),
    (dt.date(2022, 9, 22), 10.90),
    (dt.date(2023, 10, 24), 12.00),
    (dt.date(2024, 10, 22), 12.60),
    (dt.date(2025, 10, 21), 13.45),
)
"""Real Living Wage outside London (pounds an hour), announced by the Living Wage Foundation."""


class NoRateError(LookupError):
    """No rate was in force on the date asked about."""


def rate_on(rates: tuple[tuple[dt.date, float], ...], day: dt.date) -> float:
    """The rate in force on a day (the latest one that started on or before it)."""
    in_force = [rate for start, rate in rates if start <= day]
    if not in_force:
        raise NoRateError(f"no rate in force on {day.isoformat()}")
    return in_force[-1]
