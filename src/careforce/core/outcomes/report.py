"""The annual progress report's content: the scorecard at the latest period, what changed since
the previous period and since last year, and the action plan's status. Numbers are formatted
here; turning the content into HTML and PDF happens in io.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Final

import polars as pl

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.actions import STATUS_ORDER
from careforce.core.outcomes.columns import COUNT, SERIES, SHOWN_LOWER, SHOWN_UPPER, SHOWN_VALUE
from careforce.core.outcomes.presentation import (
    EMPTY,
    format_change,
    format_comparator,
    format_interval,
    format_progress,
    format_value,
    shown_scale,
    unit_suffix,
)
from careforce.core.vocab import published as pub

CHANGE_WORDS: Final = (
    c.Direction.IMPROVING.value,
    c.Direction.WORSENING.value,
    c.Direction.INCREASING.value,
    c.Direction.DECREASING.value,
)
"""Directions that report a significant change."""
DIRECTION_ORDER: Final = (
    *CHANGE_WORDS,
    c.Direction.NO_SIGNIFICANT_CHANGE.value,
    c.Direction.CANNOT_BE_CALCULATED.value,
    c.Direction.NOT_APPLICABLE.value,
)
"""Directions in the order they are counted in the summary."""
YEAR: Final = dt.timedelta(days=365)
"""'Since last year' for the action plan: the 365 days before the as-of date."""


@dataclass(frozen=True)
class Table:
    """A table as text cells: a caption, column headings and rows (the first cell of each row
    is its row heading)."""

    caption: str
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Chart:
    """A chart: its Vega-Lite specification, what it shows, and its data as a table."""

    key: str
    title: str
    description: str
    spec: dict[str, Any]
    table: Table


@dataclass(frozen=True)
class OutcomeSection:
    """One outcome: its scorecard table and chart."""

    code: str
    title: str
    table: Table
    chart: Chart | None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ProgressReport:
    """Everything the progress report shows, as text and tables."""

    title: str
    framework: str
    source: str | None
    area: str | None
    period: str | None
    previous_period: str | None
    baseline_periods: list[str]
    as_of: str
    plan: str | None
    summary: Table
    outcomes: list[OutcomeSection]
    changes: Table
    status_summary: Table | None
    status_chart: Chart | None
    actions: Table | None
    status_changes: Table | None
    recent_updates: Table | None
    flags: dict[str, int]
    training_needs: Table | None = None
    """The priority training needs (action 1.3), when the report is given them."""
    notice: str = ""
    """A line shown at the top of the report and at the foot of every printed page (the
    demo's synthetic-data notice)."""


def latest_period(scorecard: pl.DataFrame) -> str | None:
    """The last period with any value, else the last period, else None."""
    with_values = scorecard.filter(pl.col(pub.VALUE).is_not_null())
    frame = with_values if with_values.height else scorecard
    periods = frame.get_column(pub.PERIOD).drop_nulls()
    return str(periods.max()) if periods.len() else None


def _previous(scorecard: pl.DataFrame, period: str | None) -> str | None:
    """The period the report's changes are from: the one the period's observed series are
    compared with (a survey round's year between two financial years is not it)."""
    compared = scorecard.filter(
        (pl.col(pub.PERIOD) == period)
        & pl.col(pub.VALUE).is_not_null()
        & pl.col(c.PREVIOUS_VALUE).is_not_null()
    ).get_column(c.PREVIOUS_PERIOD)
    if period and compared.len():
        return str(compared.mode().sort().item(-1))
    earlier = (
        scorecard.filter(pl.col(pub.PERIOD) < period).get_column(pub.PERIOD) if period else None
    )
    return str(earlier.max()) if earlier is not None and earlier.len() else None


def _label(row: dict[str, Any]) -> str:
    return str(row[c.SOURCE_LABEL] or "No data source yet")


def _data(row: dict[str, Any]) -> str:
    """What the data are: the source's label, how it was entered and its base."""
    label = _label(row) + (" (entered by hand)" if row[c.SOURCE_STATUS] == "manual" else "")
    base = row.get(c.BASE)
    return f"{label}; {base}" if base else label


def comparator_cell(row: dict[str, Any]) -> str:
    """A scorecard row's comparison with its named comparator (empty without one)."""
    return format_comparator(
        row.get(pub.COMPARATOR_VALUE),
        row.get(pub.UNIT),
        name=row.get(pub.COMPARATOR_NAME),
        comparison=row.get(pub.COMPARISON),
    )


def _baseline(row: dict[str, Any]) -> str:
    shown = format_value(row[c.BASELINE_VALUE], row[pub.UNIT], symbol=row[c.BASELINE_SYMBOL])
    return f"{shown} ({row[c.BASELINE_PERIOD]})"


def _target(row: dict[str, Any]) -> str:
    if row[c.TARGET] is None:
        return "No target"
    target = f"{format_value(row[c.TARGET], row[pub.UNIT])} by {row[c.TARGET_YEAR]}"
    return f"{target}: {row[c.TARGET_STATUS]}, {format_progress(row[c.PROGRESS_TO_TARGET])}"


def _judged(change: str, judgement: str) -> str:
    return judgement if change == EMPTY else f"{change}: {judgement}"


def _scorecard_table(rows: list[dict[str, Any]], *, caption: str) -> Table:
    header = [
        "Measure",
        "Data",
        "Latest value",
        "95% interval",
        "Baseline",
        "Change since baseline",
        "Change since previous period",
        "Target",
        "Comparator",
    ]
    body = []
    for row in rows:
        no_source = row[c.SOURCE_STATUS] == c.SourceStatus.NO_DATA_SOURCE.value
        body.append(
            [
                f"{row[c.MEASURE_CODE]} {row[c.MEASURE_TITLE]}",
                _data(row),
                format_value(row[pub.VALUE], row[pub.UNIT], symbol=row[pub.SYMBOL]),
                format_interval(row[pub.LOWER], row[pub.UPPER], row[pub.UNIT]),
                EMPTY if no_source else _baseline(row),
                _judged(
                    format_change(row[c.CHANGE_SINCE_BASELINE], row[pub.UNIT]), row[c.DIRECTION]
                ),
                _judged(
                    format_change(row[c.CHANGE_SINCE_LAST], row[pub.UNIT]),
                    row[c.DIRECTION_SINCE_LAST],
                ),
                _target(row),
                comparator_cell(row) or EMPTY,
            ]
        )
    return Table(caption=caption, header=header, rows=body)


def _series_name(row: dict[str, Any]) -> str:
    suffix = unit_suffix(row[pub.UNIT])
    return f"{row[c.MEASURE_CODE]} {_label(row)}" + (f" ({suffix})" if suffix else "")


def outcome_chart(outcome: str, title: str, scorecard: pl.DataFrame, key: str) -> Chart | None:
    """Small multiples of every series of the outcome that has at least one value."""
    series = scorecard.filter(
        (pl.col(c.OUTCOME) == outcome)
        & pl.col(pub.VALUE).is_not_null().any().over(c.MEASURE_CODE, c.SOURCE_NUMBER)
    )
    if not series.height:
        return None
    rows = series.to_dicts()
    points = pl.DataFrame(
        {
            SERIES: [_series_name(row) for row in rows],
            pub.PERIOD: [row[pub.PERIOD] for row in rows],
            SHOWN_VALUE: [_scaled(row[pub.VALUE], row[pub.UNIT]) for row in rows],
            SHOWN_LOWER: [_scaled(row[pub.LOWER], row[pub.UNIT]) for row in rows],
            SHOWN_UPPER: [_scaled(row[pub.UPPER], row[pub.UNIT]) for row in rows],
        },
        schema={
            SERIES: pl.String,
            pub.PERIOD: pl.String,
            SHOWN_VALUE: pl.Float64,
            SHOWN_LOWER: pl.Float64,
            SHOWN_UPPER: pl.Float64,
        },
    )
    chart_title = f"Outcome {outcome}: {title} — measures by period"
    description = (
        f"Small multiples, one panel per measure of outcome {outcome} with data: the value in "
        "each period as a point on a line, with a vertical bar for its 95% confidence interval. "
        "Each panel has its own scale. Missing or suppressed values are not drawn; the table "
        "below gives every value with its symbol."
    )
    table = Table(
        caption=f"Data for the chart of outcome {outcome}",
        header=["Measure", "Period", "Value", "95% interval"],
        rows=[
            [
                _series_name(row),
                str(row[pub.PERIOD]),
                format_value(row[pub.VALUE], row[pub.UNIT], symbol=row[pub.SYMBOL]),
                format_interval(row[pub.LOWER], row[pub.UPPER], row[pub.UNIT]),
            ]
            for row in rows
        ],
    )
    # Imported here: loading Altair takes most of a second, which every command would pay.
    from careforce.core.outcomes.charts import series_chart  # noqa: PLC0415

    spec = series_chart(points, title=chart_title, description=description)
    return Chart(key=key, title=chart_title, description=description, spec=spec, table=table)


def _scaled(value: float | None, unit: str | None) -> float | None:
    return None if value is None else value * shown_scale(unit)


SUMMARY_WORDS: Final = {
    c.SourceStatus.INDICATORS.value: "Data series from the indicator results",
    c.SourceStatus.MANUAL.value: "Data series entered by hand with evidence",
    c.SourceStatus.NO_DATA_SOURCE.value: "Measures with no data source yet",
    c.Direction.IMPROVING.value: "Series improving since the baseline",
    c.Direction.WORSENING.value: "Series worsening since the baseline",
    c.Direction.INCREASING.value: "Series increasing since the baseline (no polarity)",
    c.Direction.DECREASING.value: "Series decreasing since the baseline (no polarity)",
    c.Direction.NO_SIGNIFICANT_CHANGE.value: "Series with no significant change since the baseline",
    c.Direction.CANNOT_BE_CALCULATED.value: "Series whose change since the baseline cannot be "
    "calculated",
    c.Direction.NOT_APPLICABLE.value: "Series whose latest period is their baseline period",
}
"""How the summary table names each count."""


def _summary(latest: pl.DataFrame, sources: pl.DataFrame) -> Table:
    counts = dict(sources.group_by(c.SOURCE_STATUS).len().iter_rows())
    with_data = latest.filter(pl.col(c.SOURCE_STATUS) != c.SourceStatus.NO_DATA_SOURCE.value)
    directions = dict(with_data.group_by(c.DIRECTION).len().iter_rows())
    rows = [
        [SUMMARY_WORDS[status.value], str(counts.get(status.value, 0))] for status in c.SourceStatus
    ]
    rows += [
        [SUMMARY_WORDS[word], str(directions[word])]
        for word in DIRECTION_ORDER
        if directions.get(word)
    ]
    return Table(caption="The framework at a glance", header=["Count of", "Number"], rows=rows)


def _changes(latest: pl.DataFrame, period: str | None, previous: str | None) -> Table:
    changed = latest.filter(pl.col(c.DIRECTION_SINCE_LAST).is_in(CHANGE_WORDS))
    rows = [
        [
            f"{row[c.MEASURE_CODE]} {_label(row)}",
            format_value(row[c.PREVIOUS_VALUE], row[pub.UNIT]),
            format_value(row[pub.VALUE], row[pub.UNIT]),
            format_change(row[c.CHANGE_SINCE_LAST], row[pub.UNIT]),
            str(row[c.DIRECTION_SINCE_LAST]),
        ]
        for row in changed.to_dicts()
    ]
    return Table(
        caption=f"Significant changes from {previous or 'the previous period'} to {period}",
        header=["Measure", str(previous or "Previous"), str(period), "Change", "Direction"],
        rows=rows,
    )


def _overdue_words(count: int) -> str:
    return f"overdue ({count} milestone{'s' if count != 1 else ''})"


def _action_tables(
    flags: pl.DataFrame,
    summary: pl.DataFrame,
    year_ago: pl.DataFrame,
    updates: pl.DataFrame,
) -> tuple[Table, Chart, Table, Table, Table]:
    status_summary = Table(
        caption="Detailed actions by status, for each key action",
        header=[
            "Key action",
            "Detailed actions",
            *[s.capitalize() for s in STATUS_ORDER],
            "Overdue",
            "Stale",
        ],
        rows=[
            [
                f"{row[c.ACTION]}. {row[c.ACTION_TITLE]}",
                str(row[c.DETAILED_ACTIONS]),
                *[str(row[s]) for s in STATUS_ORDER],
                str(row[c.OVERDUE]),
                str(row[c.STALE]),
            ]
            for row in summary.to_dicts()
        ],
    )
    counts = summary.select(
        pl.concat_str([pl.col(c.ACTION), pl.lit(". "), pl.col(c.ACTION_TITLE)])
        .str.slice(0, 60)
        .alias(c.ACTION),
        *STATUS_ORDER,
    ).unpivot(index=c.ACTION, variable_name=c.STATUS, value_name=COUNT)
    chart_title = "Status of the detailed actions of each key action"
    from careforce.core.outcomes.charts import status_chart  # noqa: PLC0415

    spec = status_chart(counts, title=chart_title)
    chart = Chart(
        key="action-status",
        title=chart_title,
        description=str(spec.get("description", "")),
        spec=spec,
        table=status_summary,
    )
    details = Table(
        caption="Detailed actions: status, next milestone and flags",
        header=[
            "Detailed action",
            "Lead partners",
            "Status",
            "Next milestone",
            "Last update",
            "Flags",
        ],
        rows=[
            [
                f"{row[c.CODE]} {row[c.TITLE]}",
                row[c.LEAD_PARTNERS] or "Not yet agreed",
                str(row[c.STATUS]),
                f"{row[c.NEXT_MILESTONE]} (due {row[c.NEXT_DUE]})"
                if row[c.NEXT_MILESTONE]
                else "None open",
                str(row[c.LAST_UPDATE]) if row[c.LAST_UPDATE] else "Never updated",
                ", ".join(
                    word
                    for word, on in (
                        (_overdue_words(row[c.OVERDUE_MILESTONES]), row[c.OVERDUE]),
                        ("stale", row[c.STALE]),
                    )
                    if on
                )
                or "No flags",
            ]
            for row in flags.to_dicts()
        ],
    )
    before = dict(year_ago.select(c.CODE, c.STATUS).iter_rows())
    moved = [row for row in flags.to_dicts() if before.get(row[c.CODE]) != row[c.STATUS]]
    status_changes = Table(
        caption="Detailed actions whose status changed in the last year",
        header=["Detailed action", "A year before", "Now"],
        rows=[
            [f"{row[c.CODE]} {row[c.TITLE]}", str(before.get(row[c.CODE])), str(row[c.STATUS])]
            for row in moved
        ],
    )
    recent = Table(
        caption="Updates in the last year, newest first",
        header=["Detailed action", "Date", "Update", "Evidence"],
        rows=[
            [
                f"{row[c.CODE]} {row[c.TITLE]}",
                str(row[c.DATE]),
                str(row[c.TEXT]) + (f" ({row[c.UPDATE_STATUS]})" if row[c.UPDATE_STATUS] else ""),
                row[c.EVIDENCE_LINKS] or "None given",
            ]
            for row in updates.to_dicts()
        ],
    )
    return status_summary, chart, details, status_changes, recent


@dataclass(frozen=True)
class ActionInputs:
    """The action plan's frames for the report (from :mod:`careforce.core.outcomes.actions`)."""

    name: str
    flags: pl.DataFrame
    summary: pl.DataFrame
    flags_year_ago: pl.DataFrame
    recent_updates: pl.DataFrame
    stale_after_months: int


def progress_report(
    scorecard: pl.DataFrame,
    *,
    framework: str,
    source: str | None,
    area: str | None,
    as_of: dt.date,
    actions: ActionInputs | None,
    period: str | None = None,
) -> ProgressReport:
    """Assemble the report's content.

    Args:
        scorecard: the evaluated framework (:func:`~careforce.core.outcomes.evaluation.evaluate_framework`).
        framework: the framework's name.
        source: the strategy it comes from.
        area: the area's name.
        as_of: the date of the report (action flags are computed for it).
        actions: the action plan's frames, or None for a report without the plan.
        period: the period reported on (default the latest with any value), e.g. the latest
            year of the workforce data when a survey round of a later year is in the scorecard.
    """
    period = period or latest_period(scorecard)
    previous = _previous(scorecard, period)
    latest = scorecard.filter(pl.col(pub.PERIOD) == period) if period else scorecard.clear()
    sources = scorecard.unique(subset=[c.MEASURE_CODE, c.SOURCE_NUMBER], maintain_order=True)
    outcomes = []
    for outcome, title in (
        sources.select(c.OUTCOME, c.OUTCOME_TITLE).unique(maintain_order=True).iter_rows()
    ):
        rows = latest.filter(pl.col(c.OUTCOME) == outcome).to_dicts()
        table = _scorecard_table(
            rows, caption=f"Scorecard for outcome {outcome}: {title}, {period}"
        )
        notes = [
            f"{row[c.MEASURE_CODE]}: {row[c.NOTE]}"
            for row in rows
            if row[c.NOTE] and row[c.SOURCE_NUMBER] == 1
        ]
        chart = outcome_chart(outcome, title, scorecard, key=f"outcome-{outcome}")
        outcomes.append(OutcomeSection(outcome, title, table, chart, notes))
    flags = {"overdue": 0, "stale": 0, "detailed_actions": 0, "stale_months": 0}
    status_summary = chart = details = status_changes = recent = None
    if actions is not None:
        status_summary, chart, details, status_changes, recent = _action_tables(
            actions.flags, actions.summary, actions.flags_year_ago, actions.recent_updates
        )
        flags = {
            "overdue": int(actions.flags.get_column(c.OVERDUE).sum()),
            "stale": int(actions.flags.get_column(c.STALE).sum()),
            "detailed_actions": actions.flags.height,
            "stale_months": actions.stale_after_months,
        }
    baselines = sorted({str(p) for p in sources.get_column(c.BASELINE_PERIOD).drop_nulls()})
    return ProgressReport(
        title=f"Annual progress report{f' {period}' if period else ''}: {framework}",
        framework=framework,
        source=source,
        area=area,
        period=period,
        previous_period=previous,
        baseline_periods=baselines,
        as_of=as_of.isoformat(),
        plan=actions.name if actions else None,
        summary=_summary(latest, sources),
        outcomes=outcomes,
        changes=_changes(latest, period, previous),
        status_summary=status_summary,
        status_chart=chart,
        actions=details,
        status_changes=status_changes,
        recent_updates=recent,
        flags=flags,
    )
