"""How numbers, dates and measure values are written on pages (GOV.UK style)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Final

from django.utils import timezone

from careforce.core.vocab.published import FRACTION_UNITS, Symbol, Unit

MONEY_FORMATS: Final = {Unit.POUNDS_PER_HOUR: "£{:,.2f}", Unit.POUNDS_PER_YEAR: "£{:,.0f}"}
"""Units shown as money, with their format."""
MISSING: Final = Symbol.NOT_AVAILABLE.value
"""GSS shorthand shown when there is no number."""


def number(value: Any, places: int = 0) -> str:
    """A number with thousands separators, e.g. 12,345."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return f"{value:,.{places}f}"


def percent(value: Any, places: int = 1) -> str:
    """A fraction as a percentage, e.g. 0.322 → 32.2%."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return f"{100 * value:.{places}f}%"


def measure_value(value: Any, unit: str) -> str:
    """A measure's value in its unit (a percentage, money, days, years or a count)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if unit in FRACTION_UNITS:
        return percent(value)
    if unit in MONEY_FORMATS:
        return MONEY_FORMATS[Unit(unit)].format(value)
    if unit in (Unit.DAYS, Unit.YEARS):
        return f"{value:,.1f}"
    return number(value)


def date(value: Any) -> str:
    """A date as GOV.UK writes it: 31 March 2022."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day} {value:%B %Y}"


def datetime(value: Any) -> str:
    """A moment as GOV.UK writes it: 31 March 2022 at 2:15pm."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    hour = local.hour % 12 or 12
    return f"{local.day} {local:%B %Y} at {hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


def file_size(value: int) -> str:
    """A size in bytes, e.g. 2.6 MB."""
    size = float(value)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{size:,.1f} GB"


FILTERS: Final = {
    "number": number,
    "percent": percent,
    "measure_value": measure_value,
    "date": date,
    "datetime": datetime,
    "file_size": file_size,
}
"""Filters every template can use."""
