"""Chart specifications (Vega-Lite, built with Altair) for the measure pages.

Each function takes the frame that the page also shows as the chart's table, so a chart and
its table cannot disagree. Specifications carry a description (read out by screen readers)
and no tooltips (every value is in the table).
"""

from __future__ import annotations

from typing import Any, Final

import altair as alt
import polars as pl

from careforce.core.vocab.published import FRACTION_UNITS, LOWER, PERIOD, UPPER, VALUE

WIDTH: Final = 560
"""Chart width in pixels (fits the two-thirds column of a GOV.UK page)."""
HEIGHT: Final = 260
"""Chart height in pixels."""
COLOUR: Final = "#1d70b8"
"""GOV.UK blue: 5.2:1 contrast with white, enough for graphical objects (3:1)."""


def _data(frame: pl.DataFrame) -> alt.Data:
    data: alt.Data = alt.Data(values=frame.to_dicts())  # type: ignore[no-untyped-call]
    return data


def _axis_format(unit: str) -> str:
    return ".0%" if unit in FRACTION_UNITS else ",.2~f"


def trend_chart(
    series: pl.DataFrame, *, title: str, description: str, unit: str, axis_title: str
) -> dict[str, Any]:
    """A measure over periods: points joined by a line, with 95% interval bars.

    Args:
        series: ``period``, ``value``, ``lower_ci``, ``upper_ci`` (oldest first; rows without a
            value are left out of the chart and stay in the table).
        title: chart title.
        description: what the chart shows, for screen readers.
        unit: the measure's unit (percentages for proportions and rates).
        axis_title: title of the value axis.
    """
    known = series.filter(pl.col(VALUE).is_not_null()).select(PERIOD, VALUE, LOWER, UPPER)
    data = _data(known)
    x = alt.X(f"{PERIOD}:O", title="Period", axis=alt.Axis(labelAngle=0))
    y_axis = alt.Axis(format=_axis_format(unit), title=axis_title)
    line = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=60, color=COLOUR), color=COLOUR)
        .encode(x=x, y=alt.Y(f"{VALUE}:Q", axis=y_axis, scale=alt.Scale(zero=False)))
    )
    bars = (
        alt.Chart(data)
        .mark_rule(color=COLOUR, strokeWidth=2)
        .encode(x=x, y=alt.Y(f"{LOWER}:Q"), y2=alt.Y2(f"{UPPER}:Q"))
    )
    chart = (bars + line).properties(
        width=WIDTH, height=HEIGHT, title=title, description=description
    )
    # The chart is built from known-good parts; validating it against the schema each time
    # would cost more than drawing the page.
    spec: dict[str, Any] = chart.to_dict(validate=False)
    return spec


def category_chart(
    shares: pl.DataFrame, *, title: str, description: str, unit: str, axis_title: str
) -> dict[str, Any]:
    """A measure across the categories of a breakdown: horizontal bars with 95% interval rules.

    Args:
        shares: ``category``, ``value``, ``lower_ci``, ``upper_ci`` in the order to draw them.
        title: chart title.
        description: what the chart shows, for screen readers.
        unit: the measure's unit.
        axis_title: title of the value axis.
    """
    known = shares.filter(pl.col(VALUE).is_not_null()).select("category", VALUE, LOWER, UPPER)
    order = known["category"].to_list()
    data = _data(known)
    y = alt.Y("category:N", title=None, sort=order)
    x_axis = alt.Axis(format=_axis_format(unit), title=axis_title)
    bars = alt.Chart(data).mark_bar(color=COLOUR).encode(y=y, x=alt.X(f"{VALUE}:Q", axis=x_axis))
    rules = (
        alt.Chart(data)
        .mark_rule(color="#0b0c0c", strokeWidth=2)
        .encode(y=y, x=alt.X(f"{LOWER}:Q"), x2=alt.X2(f"{UPPER}:Q"))
    )
    height = max(60, 28 * max(len(order), 1))
    chart = (bars + rules).properties(
        width=WIDTH, height=height, title=title, description=description
    )
    # The chart is built from known-good parts; validating it against the schema each time
    # would cost more than drawing the page.
    spec: dict[str, Any] = chart.to_dict(validate=False)
    return spec
