"""Chart specifications (Vega-Lite, built with Altair) for the progress report; rendering to SVG
happens in io.

Each function takes the frame that is also shown next to the chart as its data table, so every
chart has a table (accessibility) and the two cannot disagree.
"""

from __future__ import annotations

from typing import Any, Final

import altair as alt
import polars as pl

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.actions import STATUS_ORDER
from careforce.core.vocab import published as pub

PANEL_WIDTH: Final = 190
"""Width of one small-multiple panel in pixels (three fit an A4 page)."""
PANEL_HEIGHT: Final = 110
"""Height of one small-multiple panel in pixels."""
PANEL_COLUMNS: Final = 3
"""Panels per row of a small-multiple chart."""
PANEL_LABEL_CHARACTERS: Final = 34
"""A panel's label is wrapped onto lines of at most this many characters (at 10 pt they fit
its width), so that no label is cut short."""
_PANEL: Final = "_panel"
"""Column of a small-multiple chart's data: the panel's label, wrapped (lines joined by a
line break, which the header splits into lines)."""
VALUE_FORMAT: Final = ",.1~f"
"""Axis labels as the tables write values (shown scale: percentages as 32.2, thousands
separated, at most one decimal place), never a raw float such as 1.336303."""
SMALL_VALUE_FORMAT: Final = ",.2~r"
"""Axis labels of values between 0 and 1 (two significant figures: 0.02, 0.15), so that a panel
whose values are all small does not label every tick "0"."""
VALUE_LABEL: Final = (
    f"abs(datum.value) > 0 && abs(datum.value) < 1 ? format(datum.value, '{SMALL_VALUE_FORMAT}')"
    f" : format(datum.value, '{VALUE_FORMAT}')"
)
"""An axis label: :data:`SMALL_VALUE_FORMAT` below 1, :data:`VALUE_FORMAT` otherwise."""
STATUS_COLOURS: Final = {
    c.ActionStatus.NOT_STARTED.value: "#505a5f",
    c.ActionStatus.ON_TRACK.value: "#00703c",
    c.ActionStatus.AT_RISK.value: "#f47738",
    c.ActionStatus.OFF_TRACK.value: "#d4351c",
    c.ActionStatus.COMPLETE.value: "#1d70b8",
}
"""Colours of the action statuses (GOV.UK palette); the legend names each, so colour is never
the only cue."""


def _data(frame: pl.DataFrame) -> alt.Data:
    data: alt.Data = alt.Data(values=frame.to_dicts())  # type: ignore[no-untyped-call]
    return data


def _finish(chart: alt.TopLevelMixin, *, title: str, description: str) -> dict[str, Any]:
    spec: dict[str, Any] = chart.properties(title=title, description=description).to_dict()
    return spec


def wrapped(label: str, width: int = PANEL_LABEL_CHARACTERS) -> str:
    r"""A label broken into lines of at most ``width`` characters at spaces (a longer word stays
    whole on its own line), the lines joined by line breaks.

    >>> wrapped("3.1a Level 2 Adult Social Care Certificate completed (%)", 30)
    '3.1a Level 2 Adult Social Care\nCertificate completed (%)'
    """
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def series_chart(points: pl.DataFrame, *, title: str, description: str) -> dict[str, Any]:
    """Small multiples: one panel per series, its value by period with 95% intervals.

    Args:
        points: rows with series, period, shown_value, shown_lower and shown_upper, in the order
            the panels should appear; rows without a value are left out of the picture.
        title: chart title.
        description: what the chart shows (read out by screen readers).
    """
    plotted = (
        points.filter(pl.col(c.SHOWN_VALUE).is_not_null())
        .select(c.SERIES, pub.PERIOD, c.SHOWN_VALUE, c.SHOWN_LOWER, c.SHOWN_UPPER)
        .with_columns(pl.col(c.SERIES).map_elements(wrapped, return_dtype=pl.String).alias(_PANEL))
    )
    # Only series with a value get a panel (an empty panel has no extent to draw); every panel
    # has every period on the same axis, so the panels line up.
    order = list(dict.fromkeys(plotted.get_column(_PANEL).to_list()))
    periods = sorted(set(points.get_column(pub.PERIOD).to_list()))
    x = alt.X(
        f"{pub.PERIOD}:O",
        title=None,
        axis=alt.Axis(labelAngle=0),
        scale=alt.Scale(domain=periods),
    )
    tooltip = [
        f"{c.SERIES}:N",
        f"{pub.PERIOD}:O",
        alt.Tooltip(f"{c.SHOWN_VALUE}:Q", format=VALUE_FORMAT),
        alt.Tooltip(f"{c.SHOWN_LOWER}:Q", format=VALUE_FORMAT),
    ]
    interval = (
        alt.Chart()
        .mark_rule(color="#505a5f")
        .encode(x=x, y=alt.Y(f"{c.SHOWN_LOWER}:Q"), y2=alt.Y2(f"{c.SHOWN_UPPER}:Q"))
    )
    line = (
        alt.Chart()
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=40), color="#1d70b8")
        .encode(
            x=x,
            y=alt.Y(
                f"{c.SHOWN_VALUE}:Q",
                title=None,
                scale=alt.Scale(zero=False, nice=True),
                axis=alt.Axis(format=VALUE_FORMAT, labelExpr=VALUE_LABEL, tickCount=4),
            ),
            tooltip=tooltip,
        )
    )
    chart = (
        alt.layer(interval, line, data=_data(plotted))
        .properties(width=PANEL_WIDTH, height=PANEL_HEIGHT)
        .facet(
            facet=alt.Facet(
                f"{_PANEL}:N",
                title=None,
                sort=order,
                # the whole label, on as many lines as it needs: never cut short
                header=alt.Header(
                    labelLimit=0,
                    labelFontSize=10,
                    labelExpr="split(datum.value, '\\n')",
                ),
            ),
            columns=PANEL_COLUMNS,
        )
        .resolve_scale(y="independent")
    )
    return _finish(chart, title=title, description=description)


def status_chart(counts: pl.DataFrame, *, title: str) -> dict[str, Any]:
    """Stacked bars: the detailed actions of each key action by status.

    Args:
        counts: rows with action (label), status and count.
        title: chart title.
    """
    order = list(dict.fromkeys(counts.get_column(c.ACTION).to_list()))
    chart = (
        alt.Chart(_data(counts.filter(pl.col(c.COUNT) > 0)))
        .mark_bar()
        .encode(
            y=alt.Y(f"{c.ACTION}:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X(f"sum({c.COUNT}):Q", title="Detailed actions", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                f"{c.STATUS}:N",
                title="Status",
                scale=alt.Scale(
                    domain=list(STATUS_ORDER), range=[STATUS_COLOURS[s] for s in STATUS_ORDER]
                ),
                sort=list(STATUS_ORDER),
            ),
            order=alt.Order("status_rank:Q"),
            tooltip=[f"{c.ACTION}:N", f"{c.STATUS}:N", f"{c.COUNT}:Q"],
        )
        .transform_calculate(
            status_rank=" + ".join(
                f"(datum.status == '{status}' ? {rank} : 0)"
                for rank, status in enumerate(STATUS_ORDER)
            )
        )
        .properties(width=420, height=24 * max(len(order), 1))
    )
    return _finish(
        chart,
        title=title,
        description=(
            "For each key action, a bar of its detailed actions split by status: not started, "
            "on track, at risk, off track and complete."
        ),
    )
