"""Chart specifications (Vega-Lite, built with Altair) of the labour-market pages.

Each chart is drawn from the table the page shows beside it, so they cannot disagree; every
specification carries a description for screen readers and no tooltips.
"""

from __future__ import annotations

from typing import Any, Final

import altair as alt
import polars as pl

WIDTH: Final = 560
"""Chart width in pixels (the two-thirds column of a GOV.UK page)."""
HEIGHT: Final = 260
"""Chart height in pixels."""
COLOURS: Final = ("#1d70b8", "#d4351c")
"""GOV.UK blue and red: both at least 3:1 against white, as graphical objects need."""


def _data(frame: pl.DataFrame) -> alt.Data:
    data: alt.Data = alt.Data(values=frame.to_dicts())  # type: ignore[no-untyped-call]
    return data


def bar_chart(
    frame: pl.DataFrame,
    *,
    category: str,
    value: str,
    title: str,
    description: str,
    percent: bool = False,
) -> dict[str, Any]:
    """Horizontal bars of one value per category, in the frame's order."""
    known = frame.filter(pl.col(value).is_not_null()).select(category, value)
    axis = alt.Axis(format=".0%" if percent else ",d", title=value)
    chart = (
        alt.Chart(_data(known))
        .mark_bar(color=COLOURS[0])
        .encode(
            y=alt.Y(f"{category}:N", sort=None, title=category),
            x=alt.X(f"{value}:Q", axis=axis),
        )
        .properties(
            width=WIDTH,
            height=max(HEIGHT // 2, 22 * known.height),
            title=title,
            description=description,
        )
    )
    spec: dict[str, Any] = chart.to_dict(validate=False)
    return spec


def line_chart(
    frame: pl.DataFrame,
    *,
    x: str,
    values: list[str],
    title: str,
    description: str,
    percent: bool = False,
) -> dict[str, Any]:
    """Lines of one or more series over ``x`` (each series in its own colour and dash)."""
    long = frame.select(x, *values).unpivot(index=x, variable_name="Series", value_name="Value")
    long = long.filter(pl.col("Value").is_not_null())
    axis = alt.Axis(format=".1%" if percent else ",d", title=title)
    chart = (
        alt.Chart(_data(long))
        .mark_line(point=True)
        .encode(
            x=alt.X(f"{x}:O", title=x, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("Value:Q", axis=axis, scale=alt.Scale(zero=False)),
            color=alt.Color("Series:N", scale=alt.Scale(range=list(COLOURS))),
            strokeDash=alt.StrokeDash("Series:N"),
        )
        .properties(width=WIDTH, height=HEIGHT, title=title, description=description)
    )
    spec: dict[str, Any] = chart.to_dict(validate=False)
    return spec
