"""Chart specifications (Vega-Lite, built with Altair) for projections; rendering happens in io.

Each function takes the frame that is also written next to the chart as its data table, so
every chart has a table (accessibility) and the two cannot disagree.
"""

from __future__ import annotations

from typing import Any, Final

import altair as alt
import polars as pl

from careforce.core.projections import columns as c
from careforce.core.projections.sensitivity import LABEL

WIDTH: Final = 640
"""Chart width in pixels (fits an A4 page at 96 dpi with margins)."""
HEIGHT: Final = 320
"""Chart height in pixels."""
SCENARIO_LABEL: Final = "scenario_label"
"""Column of the scenario chart's data with the scenario's label."""


def _values(frame: pl.DataFrame) -> alt.Data:
    return _data(frame.to_dicts())


def _data(values: list[dict[str, Any]]) -> alt.Data:
    data: alt.Data = alt.Data(values=values)  # type: ignore[no-untyped-call]
    return data


def _finish(chart: alt.TopLevelMixin, *, title: str, description: str) -> dict[str, Any]:
    spec: dict[str, Any] = chart.properties(title=title, description=description).to_dict()
    return spec


def fan_chart(summary: pl.DataFrame, *, title: str, measure_label: str) -> dict[str, Any]:
    """Fan chart: the P10-P90 band, the median and the central projection by year.

    Args:
        summary: rows of one group and one measure with year, central, p10, p50 and p90.
        title: chart title.
        measure_label: axis title of the measure, e.g. "Total new staff needed".
    """
    data = _values(summary.select(c.YEAR, c.CENTRAL, c.P10, c.P50, c.P90))
    x = alt.X(f"{c.YEAR}:O", title="Year")
    band = (
        alt.Chart(data)
        .mark_area(opacity=0.3, color="#1d70b8")
        .encode(
            x=x,
            y=alt.Y(f"{c.P10}:Q", title=measure_label),
            y2=alt.Y2(f"{c.P90}:Q"),
            tooltip=[f"{c.YEAR}:O", f"{c.P10}:Q", f"{c.P50}:Q", f"{c.P90}:Q"],
        )
    )
    median = (
        alt.Chart(data)
        .mark_line(color="#003078", point=True)
        .encode(x=x, y=alt.Y(f"{c.P50}:Q"), tooltip=[f"{c.YEAR}:O", f"{c.P50}:Q"])
    )
    central = (
        alt.Chart(data)
        .mark_line(color="#d4351c", strokeDash=[6, 4])
        .encode(x=x, y=alt.Y(f"{c.CENTRAL}:Q"), tooltip=[f"{c.YEAR}:O", f"{c.CENTRAL}:Q"])
    )
    chart = alt.layer(band, median, central).properties(width=WIDTH, height=HEIGHT)
    return _finish(
        chart,
        title=title,
        description=(
            f"{measure_label} by year: shaded band from the 10th to the 90th percentile of the "
            "simulated draws, solid line the median, dashed line the central projection."
        ),
    )


def scenario_chart(frame: pl.DataFrame, *, title: str, measure_label: str) -> dict[str, Any]:
    """Line chart: total new staff needed by year, one line per scenario.

    Args:
        frame: rows of one group with scenario_label, year and total_new_staff.
        title: chart title.
        measure_label: axis title.
    """
    chart = (
        alt.Chart(_values(frame.select(SCENARIO_LABEL, c.YEAR, c.TOTAL_NEW_STAFF)))
        .mark_line(point=True)
        .encode(
            x=alt.X(f"{c.YEAR}:O", title="Year"),
            y=alt.Y(f"{c.TOTAL_NEW_STAFF}:Q", title=measure_label),
            color=alt.Color(f"{SCENARIO_LABEL}:N", title="Scenario"),
            strokeDash=alt.StrokeDash(f"{SCENARIO_LABEL}:N", title="Scenario"),
            tooltip=[f"{SCENARIO_LABEL}:N", f"{c.YEAR}:O", f"{c.TOTAL_NEW_STAFF}:Q"],
        )
        .properties(width=WIDTH, height=HEIGHT)
    )
    return _finish(
        chart,
        title=title,
        description=f"{measure_label} by year under each scenario, one line per scenario.",
    )


def tornado_chart(sensitivity: pl.DataFrame, *, title: str, measure_label: str) -> dict[str, Any]:
    """Tornado chart: for each parameter, the result at its low and high value around the base.

    Args:
        sensitivity: the one-way sensitivity frame (largest swing first).
        title: chart title.
        measure_label: axis title.
    """
    order = sensitivity.get_column(LABEL).to_list()
    bars = pl.concat(
        [
            sensitivity.select(
                pl.col(LABEL),
                pl.lit(setting).alias("setting"),
                pl.col(c.RESULT_BASE).alias("from"),
                pl.col(result).alias("to"),
                pl.col(value).alias("value"),
            )
            for setting, result, value in (
                ("low value", c.RESULT_LOW, c.LOW_VALUE),
                ("high value", c.RESULT_HIGH, c.HIGH_VALUE),
            )
        ]
    )
    base = float(sensitivity.get_column(c.RESULT_BASE)[0]) if sensitivity.height else 0.0
    y = alt.Y(f"{LABEL}:N", sort=order, title=None)
    chart = alt.layer(
        alt.Chart(_values(bars))
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("from:Q", title=measure_label, scale=alt.Scale(zero=False)),
            x2=alt.X2("to:Q"),
            color=alt.Color(
                "setting:N",
                title="Parameter at",
                scale=alt.Scale(domain=["low value", "high value"], range=["#1d70b8", "#f47738"]),
            ),
            tooltip=[f"{LABEL}:N", "setting:N", "value:Q", "to:Q"],
        ),
        alt.Chart(_data([{"base": base}])).mark_rule(color="black").encode(x="base:Q"),
    ).properties(width=WIDTH, height=max(HEIGHT // 2, 24 * len(order)))
    return _finish(
        chart,
        title=title,
        description=(
            f"{measure_label} with each parameter at its low and high value and the others as "
            "given; the vertical line is the central result. Longest bars matter most."
        ),
    )


def supply_chart(gap: pl.DataFrame, *, title: str) -> dict[str, Any]:
    """Line chart: new staff needed each year against the training pipeline.

    Args:
        gap: the supply-gap frame (year, new_staff_in_year, pipeline).
        title: chart title.
    """
    long = gap.select(
        c.YEAR,
        pl.col(c.NEW_STAFF_IN_YEAR).alias("New staff needed in the year"),
        pl.col(c.PIPELINE).alias("Training pipeline"),
    ).unpivot(index=c.YEAR, variable_name="series", value_name="people")
    chart = (
        alt.Chart(_values(long))
        .mark_line(point=True)
        .encode(
            x=alt.X(f"{c.YEAR}:O", title="Year"),
            y=alt.Y("people:Q", title="People"),
            color=alt.Color("series:N", title=None),
            strokeDash=alt.StrokeDash("series:N", title=None),
            tooltip=[f"{c.YEAR}:O", "series:N", "people:Q"],
        )
        .properties(width=WIDTH, height=HEIGHT)
    )
    return _finish(
        chart,
        title=title,
        description="New staff needed each year and the expected entrants from training.",
    )
