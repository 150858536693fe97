"""Cells of the appendix: a published number as shown, with the measure row it came from.

Every number the appendix prints is a :class:`Cell`; a cell keeps the measure id, breakdown,
breakdown value and period of its row, so that any figure can be traced back to the tidy
measure table. A cell without a number carries a GSS symbol: the row's own symbol (set by
disclosure control when the measures were published) or ``[x]`` when there is no row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import polars as pl

from careforce.core.indicators import catalogue
from careforce.core.publishing.shown import NUMBER_FORMATS, PLACES
from careforce.core.vocab import published as pub
from careforce.core.vocab.ordering import category_rank, ordered
from careforce.core.vocab.published import FRACTION_UNITS, Symbol, Unit

RATIO_PLACES: Final = 1
"""Decimal places of a ratio (posting intensity 4.1), which :data:`PLACES` does not list."""
DEFAULT_FORMAT: Final = "decimal1"
"""Spreadsheet number format of a unit :data:`NUMBER_FORMATS` does not list."""
_YEAR: Final = re.compile(r"^([0-9]{4})")

Key = tuple[str, str, str, str]
"""A measure row's key: measure id, breakdown, breakdown value, period."""


@dataclass(frozen=True)
class Cell:
    """One published number (or its symbol) and the measure row it came from.

    Attributes:
        measure_id: Measure of the row.
        breakdown: Breakdown of the row.
        breakdown_value: Breakdown value of the row.
        period: Period of the row.
        value: The value at the precision shown (fractions for rates), or None.
        unit: Unit of the value (None when there is no row).
        symbol: GSS symbol when there is no value.
        lower: Lower limit of the 95% interval, if published.
        upper: Upper limit of the 95% interval, if published.
        comparator: Whether the cell shows the row's comparator value.
    """

    measure_id: str
    breakdown: str
    breakdown_value: str
    period: str
    value: float | None
    unit: str | None
    symbol: str | None = None
    lower: float | None = None
    upper: float | None = None
    comparator: bool = False

    @property
    def text(self) -> str:
        """The cell as the appendix writes it: 32.2%, 18,255, £12.91, or its symbol."""
        if self.value is None or self.unit is None:
            return self.symbol or Symbol.NOT_AVAILABLE.value
        return format_value(self.value, self.unit)

    @property
    def number_format(self) -> str:
        """Name of the spreadsheet number format that shows the value as :attr:`text` does."""
        return NUMBER_FORMATS.get(self.unit or "", DEFAULT_FORMAT)

    @property
    def key(self) -> Key:
        """The key of the measure row the cell came from."""
        return (self.measure_id, self.breakdown, self.breakdown_value, self.period)


def places(unit: str) -> int:
    """Decimal places a value of the unit is shown with (fractions: of the fraction)."""
    return PLACES.get(unit, RATIO_PLACES)


def shown_value(value: float, unit: str) -> float:
    """The value rounded as it is shown."""
    return round(value, places(unit))


def format_value(value: float, unit: str) -> str:
    """A value as the appendix writes it (32.2%, 18,255, £12.91, £18,838, 9.4, 4.1)."""
    if unit in FRACTION_UNITS:
        return f"{value * 100:,.1f}%"
    if unit == Unit.POUNDS_PER_HOUR:
        return f"£{value:,.2f}"
    if unit == Unit.POUNDS_PER_YEAR:
        return f"£{value:,.0f}"
    if unit == Unit.COUNT:
        return f"{value:,.0f}"
    return f"{value:,.{places(unit)}f}"


def period_year(period: str) -> int | None:
    """The first year a period names (2021/22 → 2021, 2021-09/2022-08 → 2021)."""
    match = _YEAR.match(period)
    return int(match.group(1)) if match else None


def not_after(period: str, appendix_period: str) -> bool:
    """Whether a measure's period is no later than the appendix period: a period written as
    the appendix period is compared as text; any other by its first year, against the year
    the appendix period ends (a financial year 2021/22 ends in 2022)."""
    if "/" in appendix_period and len(period) == len(appendix_period) and "/" in period:
        return period <= appendix_period
    year, start = period_year(period), period_year(appendix_period)
    if year is None or start is None:
        return False
    end = start + 1 if "/" in appendix_period else start
    return year <= end


class MeasureRows:
    """The tidy measure rows of one area, indexed by measure, breakdown, value and period."""

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Index rows (each a mapping of the published table's columns)."""
        self._rows: dict[Key, Mapping[str, Any]] = {}
        self._periods: dict[tuple[str, str], list[str]] = {}
        self._values: dict[tuple[str, str], list[str]] = {}
        self._names: dict[str, tuple[str, str]] = {}
        for row in rows:
            key = (
                str(row[pub.MEASURE_ID]),
                str(row[pub.BREAKDOWN]),
                str(row[pub.BREAKDOWN_VALUE]),
                str(row[pub.PERIOD]),
            )
            self._rows.setdefault(key, row)
            self._names.setdefault(key[0], (str(row[pub.MEASURE_NAME]), str(row[pub.UNIT])))
            self._periods.setdefault(key[:2], []).append(key[3])
            self._values.setdefault(key[:2], []).append(key[2])
        for mapping in (self._periods, self._values):
            for pair, items in mapping.items():
                mapping[pair] = list(dict.fromkeys(items))
        for pair, items in self._periods.items():
            self._periods[pair] = sorted(items)

    @classmethod
    def of_area(cls, frame: pl.DataFrame, area_code: str) -> MeasureRows:
        """The rows of one area of a published table."""
        return cls(frame.filter(pl.col(pub.AREA_CODE) == area_code).iter_rows(named=True))

    def has_measure(self, measure_id: str) -> bool:
        """Whether any row holds the measure."""
        return measure_id in self._names

    def row(self, key: Key) -> Mapping[str, Any] | None:
        """The row of a key, if there is one."""
        return self._rows.get(key)

    def name(self, measure_id: str) -> str:
        """The measure's name, as its rows give it (else as the catalogue gives it, else the
        id)."""
        if measure_id in self._names:
            return self._names[measure_id][0]
        try:
            return catalogue.measure(measure_id).name
        except catalogue.UnknownMeasureError:
            return measure_id

    def unit(self, measure_id: str) -> str | None:
        """The measure's unit, as its rows give it."""
        return self._names[measure_id][1] if measure_id in self._names else None

    def periods(self, measure_id: str, breakdown: str) -> list[str]:
        """The periods of a measure's breakdown, in order."""
        return self._periods.get((measure_id, breakdown), [])

    def values(self, measure_id: str, breakdown: str) -> list[str]:
        """The breakdown values of a measure's breakdown, in their natural order (ordinal
        categories such as size and age bands lowest first, others as the rows give them)."""
        values = self._values.get((measure_id, breakdown), [])
        if any(category_rank(breakdown, value) is not None for value in values):
            return ordered(breakdown, values)
        return values

    def cell(self, key: Key, *, comparator: bool = False) -> Cell:
        """The cell of a key: the row's value as shown, or its symbol, or ``[x]``."""
        row = self._rows.get(key)
        if row is None:
            return Cell(*key, value=None, unit=None, symbol=Symbol.NOT_AVAILABLE.value)
        unit = str(row[pub.UNIT])
        raw = row[pub.COMPARATOR_VALUE] if comparator else row[pub.VALUE]
        symbol = row[pub.SYMBOL] or None
        if raw is None:
            shown_symbol = (None if comparator else symbol) or Symbol.NOT_AVAILABLE.value
            return Cell(*key, value=None, unit=unit, symbol=shown_symbol, comparator=comparator)
        if symbol and not comparator:
            # A row with a symbol publishes no number, whatever its value column holds.
            return Cell(*key, value=None, unit=unit, symbol=str(symbol))
        lower, upper = (None, None) if comparator else (row[pub.LOWER], row[pub.UPPER])
        return Cell(
            *key,
            value=shown_value(float(raw), unit),
            unit=unit,
            lower=None if lower is None else float(lower),
            upper=None if upper is None else float(upper),
            comparator=comparator,
        )
