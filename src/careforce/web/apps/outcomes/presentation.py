"""What the outcomes pages show, built from the evaluated scorecard and the action plan's flags:
GOV.UK table parameters, tags and the filter form."""
# mypy: allow-subclassing-any

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

import polars as pl
from django import forms
from django.urls import reverse
from markupsafe import Markup

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.actions import LIST_SEPARATOR, STATUS_ORDER
from careforce.core.outcomes.presentation import (
    EMPTY,
    format_change,
    format_interval,
    format_progress,
    format_value,
)
from careforce.core.outcomes.report import Chart, comparator_cell, latest_period, outcome_chart
from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import Base
from careforce.web.backend.action_plan import ChangeRow
from careforce.web.models.outcomes.terms import ChangeKind
from careforce.web.shared.components import Cell, link, table
from careforce.web.shared.formats import date, datetime
from careforce.web.shared.forms import choice_field

JUDGEMENT_COLOURS: Final = {
    c.Direction.IMPROVING.value: "green",
    c.Direction.WORSENING.value: "red",
    c.Direction.INCREASING.value: "blue",
    c.Direction.DECREASING.value: "blue",
    c.Direction.NO_SIGNIFICANT_CHANGE.value: "grey",
    c.Direction.CANNOT_BE_CALCULATED.value: "grey",
    c.Direction.NOT_APPLICABLE.value: "grey",
}
"""GOV.UK tag colour of each judgement."""
STATUS_COLOURS: Final = {
    c.ActionStatus.NOT_STARTED.value: "grey",
    c.ActionStatus.ON_TRACK.value: "green",
    c.ActionStatus.AT_RISK.value: "orange",
    c.ActionStatus.OFF_TRACK.value: "red",
    c.ActionStatus.COMPLETE.value: "blue",
}
"""GOV.UK tag colour of each action status."""
NO_SOURCE: Final = "No data source yet"
"""What a measure with no data source shows."""
INDICATORS_TITLE: Final = "Indicators"
"""Heading of an outcome's measures that belong to no sub-outcome."""


def coloured_tag(text: str, colour: str | None) -> Markup:
    """A GOV.UK tag (as HTML, for a table cell)."""
    classes = f"govuk-tag govuk-tag--{colour}" if colour else "govuk-tag"
    return Markup('<strong class="{}">{}</strong>').format(classes, text.capitalize())


def judgement_tag(direction: str | None) -> Markup:
    """A judgement (improving, worsening...) as a coloured tag."""
    word = direction or c.Direction.CANNOT_BE_CALCULATED.value
    return coloured_tag(word, JUDGEMENT_COLOURS.get(word))


def status_tag(status: str) -> Markup:
    """An action status as a coloured tag."""
    return coloured_tag(status, STATUS_COLOURS.get(status))


def flag_tags(row: dict[str, Any]) -> Markup:
    """The overdue and stale flags of a detailed action, as tags ('No flags' when neither)."""
    tags = []
    if row[c.OVERDUE]:
        count = row[c.OVERDUE_MILESTONES]
        tags.append(coloured_tag(f"Overdue ({count} milestone{'s' if count != 1 else ''})", "red"))
    if row[c.STALE]:
        tags.append(coloured_tag("Stale", "yellow"))
    return Markup(" ").join(tags) if tags else Markup("No flags")


class ScorecardFilterForm(forms.Form):
    """The area and period the scorecard is shown for."""

    area = forms.ChoiceField(label="Area", required=False)
    period = forms.ChoiceField(label="Period", required=False)
    base = forms.ChoiceField(
        label="Workforce",
        required=False,
        choices=[
            ("", "Estimated for the whole sector, where estimated"),
            (Base.RETURNED.value, "Returns only"),
        ],
    )

    def __init__(
        self, *args: Any, areas: list[tuple[str, str]], periods: list[str], **kwargs: Any
    ) -> None:
        """Offer the published areas and the scorecard's periods (latest first)."""
        super().__init__(*args, **kwargs)
        choice_field(self.fields["area"]).choices = areas
        choice_field(self.fields["period"]).choices = [
            ("", "Latest with data"),
            *[(p, p) for p in periods],
        ]


def _source_label(row: dict[str, Any]) -> str:
    label = str(row[c.SOURCE_LABEL] or NO_SOURCE)
    label += " (entered by hand)" if row[c.SOURCE_STATUS] == "manual" else ""
    base = row.get(c.BASE)
    label = f"{label}; {base}" if base else label
    compared = comparator_cell(row)
    return f"{label}; {compared}" if compared else label


def _no_source(row: dict[str, Any]) -> bool:
    return bool(row[c.SOURCE_STATUS] == c.SourceStatus.NO_DATA_SOURCE.value)


def _value(row: dict[str, Any]) -> str:
    return format_value(row[pub.VALUE], row[pub.UNIT], symbol=row[pub.SYMBOL])


def _trend(row: dict[str, Any]) -> Markup:
    """The change since the previous period and its judgement as a tag."""
    if _no_source(row):
        return Markup(EMPTY)
    if row[c.PREVIOUS_PERIOD] is None:
        return Markup("No earlier period")
    change = format_change(row[c.CHANGE_SINCE_LAST], row[pub.UNIT])
    tag = judgement_tag(row[c.DIRECTION_SINCE_LAST])
    if change == EMPTY:
        return tag
    return Markup("{} since {}<br>{}").format(change, row[c.PREVIOUS_PERIOD], tag)


def _since_baseline(row: dict[str, Any]) -> Markup:
    """The judgement since the baseline as a tag (saying so when the period is the baseline)."""
    if _no_source(row):
        return Markup("")
    if row[c.DIRECTION] == c.Direction.NOT_APPLICABLE.value and row[c.BASELINE_PERIOD]:
        words = (
            "Baseline period"
            if row[pub.PERIOD] == row[c.BASELINE_PERIOD]
            else "Before the baseline"
        )
        return coloured_tag(words, "grey")
    return judgement_tag(row[c.DIRECTION])


def _target(row: dict[str, Any]) -> str:
    if row[c.TARGET] is None:
        return "No target"
    target = f"{format_value(row[c.TARGET], row[pub.UNIT])} by {row[c.TARGET_YEAR]}"
    return f"{target}: {row[c.TARGET_STATUS]}, {format_progress(row[c.PROGRESS_TO_TARGET])}"


def _baseline_change(row: dict[str, Any]) -> str:
    if _no_source(row):
        return EMPTY
    baseline = format_value(row[c.BASELINE_VALUE], row[pub.UNIT], symbol=row[c.BASELINE_SYMBOL])
    change = format_change(row[c.CHANGE_SINCE_BASELINE], row[pub.UNIT])
    return f"{baseline} in {row[c.BASELINE_PERIOD]}" + (f"; {change}" if change != EMPTY else "")


def measure_anchor(code: str) -> str:
    """The id of a measure's row on its outcome page."""
    return f"measure-{code}"


@dataclass(frozen=True)
class ScorecardView:
    """The scorecard of an area at a period."""

    period: str | None
    rows: pl.DataFrame
    outcomes: list[tuple[str, str]]


def scorecard_view(scorecard: pl.DataFrame, period: str | None) -> ScorecardView:
    """The rows of a period (the latest with any value when None)."""
    chosen = period or latest_period(scorecard)
    rows = scorecard.filter(pl.col(pub.PERIOD) == chosen) if chosen else scorecard.clear()
    outcomes = list(
        scorecard.select(c.OUTCOME, c.OUTCOME_TITLE).unique(maintain_order=True).iter_rows()
    )
    return ScorecardView(chosen, rows, [(str(code), str(title)) for code, title in outcomes])


def overview_table(
    rows: pl.DataFrame, *, outcome: str, title: str, period: str | None, href: str
) -> dict[str, Any]:
    """One outcome's measures on the overview: latest value, trend and judgement."""
    body: list[list[Cell]] = []
    for row in rows.filter(pl.col(c.OUTCOME) == outcome).iter_rows(named=True):
        code = str(row[c.MEASURE_CODE])
        target = f"{href}#{measure_anchor(code)}"
        measure = (
            link(target, f"{code} {row[c.MEASURE_TITLE]}")
            if row[c.SOURCE_NUMBER] == 1
            else link(target, code, hidden=f" {row[c.MEASURE_TITLE]}")
        )
        body.append(
            [
                measure,
                _source_label(row),
                _value(row),
                _trend(row),
                _since_baseline(row),
            ]
        )
    return table(
        caption=f"Measures of outcome {outcome} ({title}), {period or 'no data yet'}",
        caption_size="s",
        head=["Measure", "Data", "Latest value", "Trend", "Since the baseline"],
        rows=body,
        numeric=[2],
    )


@dataclass(frozen=True)
class SubOutcomeTable:
    """A sub-outcome (or the outcome's indicators) and its measures' table."""

    code: str | None
    title: str
    table: dict[str, Any]


def outcome_tables(rows: pl.DataFrame, outcome: str, period: str | None) -> list[SubOutcomeTable]:
    """An outcome's measures at a period, one table per sub-outcome, then its indicators."""
    chosen = rows.filter(pl.col(c.OUTCOME) == outcome)
    groups: dict[str | None, list[dict[str, Any]]] = {}
    titles: dict[str | None, str] = {}
    for row in chosen.iter_rows(named=True):
        key = row[c.SUB_OUTCOME]
        groups.setdefault(key, []).append(row)
        titles[key] = row[c.SUB_OUTCOME_TITLE] or INDICATORS_TITLE
    tables = []
    for key, members in groups.items():
        body: list[list[Cell]] = [
            [
                Markup('<span id="{}">{}</span> {}').format(
                    measure_anchor(str(row[c.MEASURE_CODE])),
                    row[c.MEASURE_CODE],
                    row[c.MEASURE_TITLE],
                )
                if row[c.SOURCE_NUMBER] == 1
                else f"{row[c.MEASURE_CODE]} {row[c.MEASURE_TITLE]} (source {row[c.SOURCE_NUMBER]})",
                _source_label(row),
                _value(row),
                format_interval(row[pub.LOWER], row[pub.UPPER], row[pub.UNIT]),
                _baseline_change(row),
                _since_baseline(row),
                _trend(row),
                _target(row),
            ]
            for row in members
        ]
        heading = f"sub-outcome {key}" if key else f"the {titles[key].lower()}"
        tables.append(
            SubOutcomeTable(
                key,
                titles[key],
                table(
                    caption=f"Measures of {heading}, {period or 'no data yet'}",
                    caption_size="s",
                    head=[
                        "Measure",
                        "Data",
                        "Value",
                        "95% interval",
                        "Baseline and change",
                        "Since the baseline",
                        "Trend",
                        "Target",
                    ],
                    rows=body,
                    numeric=[2],
                ),
            )
        )
    return tables


def outcome_notes(rows: pl.DataFrame, outcome: str) -> list[tuple[str, str, str | None]]:
    """Notes and evidence of an outcome's measures: (measure, text, link)."""
    notes: list[tuple[str, str, str | None]] = []
    chosen = rows.filter((pl.col(c.OUTCOME) == outcome) & (pl.col(c.SOURCE_NUMBER) == 1))
    for row in chosen.iter_rows(named=True):
        if row[c.NOTE]:
            notes.append((str(row[c.MEASURE_CODE]), str(row[c.NOTE]), None))
        if row[c.EVIDENCE]:
            notes.append((str(row[c.MEASURE_CODE]), str(row[c.EVIDENCE]), row[c.EVIDENCE_URL]))
    return notes


def chart_of(scorecard: pl.DataFrame, outcome: str, title: str) -> Chart | None:
    """The outcome's small-multiples chart with its data table (None when nothing has data)."""
    return outcome_chart(outcome, title, scorecard, key=f"outcome-{outcome}")


def chart_table(chart: Chart) -> dict[str, Any]:
    """A chart's data table as GOV.UK table parameters."""
    return table(
        caption=chart.table.caption,
        head=chart.table.header,
        rows=chart.table.rows,
        numeric=[2],
        caption_size="s",
    )


@dataclass(frozen=True)
class OutcomeSummary:
    """How an outcome's data series are doing: since the baseline and since the last period."""

    code: str
    title: str
    series: int
    since_baseline: dict[str, int]
    since_last: dict[str, int]


def outcome_summary(rows: pl.DataFrame) -> list[OutcomeSummary]:
    """Per outcome: the data series and how many have each judgement (since the baseline, and
    since the previous period)."""
    summary = []
    for outcome, title in (
        rows.select(c.OUTCOME, c.OUTCOME_TITLE).unique(maintain_order=True).iter_rows()
    ):
        mine = rows.filter(
            (pl.col(c.OUTCOME) == outcome)
            & (pl.col(c.SOURCE_STATUS) != c.SourceStatus.NO_DATA_SOURCE.value)
        )
        counts = [
            {str(k): int(v) for k, v in mine.group_by(column).len().iter_rows()}
            for column in (c.DIRECTION, c.DIRECTION_SINCE_LAST)
        ]
        summary.append(OutcomeSummary(str(outcome), str(title), mine.height, *counts))
    return summary


def contributes_to(outcome: str) -> pl.Expr:
    """Whether a detailed action (a row of the action flags) contributes to an outcome."""
    return pl.col(c.OUTCOMES).str.split(LIST_SEPARATOR).list.contains(pl.lit(outcome))


def action_rows(flags: pl.DataFrame, *, href: Any) -> Iterable[list[Cell]]:
    """Rows of a table of detailed actions: action, lead partners, status, next milestone,
    last update, flags. ``href`` gives a detailed action's page from its code."""
    for row in flags.iter_rows(named=True):
        yield [
            link(href(row[c.CODE]), f"{row[c.CODE]} {row[c.TITLE]}"),
            str(row[c.LEAD_PARTNERS] or "Not yet agreed").replace(LIST_SEPARATOR, ", "),
            status_tag(str(row[c.STATUS])),
            f"{row[c.NEXT_MILESTONE]} (due {date(row[c.NEXT_DUE])})"
            if row[c.NEXT_MILESTONE]
            else "None open",
            date(row[c.LAST_UPDATE]) if row[c.LAST_UPDATE] else "Never updated",
            flag_tags(row),
        ]


ACTION_HEAD: Final = [
    "Detailed action",
    "Lead partners",
    "Status",
    "Next milestone",
    "Last update",
    "Flags",
]
"""Headings of a table of detailed actions."""


def summary_rows(summary: pl.DataFrame) -> list[list[Cell]]:
    """Rows of the key actions' table: each key action, its detailed actions by status, flags."""
    return [
        [
            link(f"#action-{row[c.ACTION]}", f"{row[c.ACTION]}. {row[c.ACTION_TITLE]}"),
            row[c.DETAILED_ACTIONS],
            *[row[status] for status in STATUS_ORDER],
            row[c.OVERDUE],
            row[c.STALE],
        ]
        for row in summary.iter_rows(named=True)
    ]


def milestone_rows(milestones: Iterable[dict[str, Any]]) -> list[list[Cell]]:
    """Rows of a detailed action's milestones: title, due, completed, overdue."""
    return [
        [
            str(row[c.TITLE]),
            date(row[c.DUE]),
            date(row[c.COMPLETED]) if row[c.COMPLETED] else "Not yet",
            coloured_tag("Overdue", "red") if row[c.OVERDUE] else "No",
        ]
        for row in milestones
    ]


def outcome_links(codes: Iterable[str], titles: dict[str, str]) -> Markup:
    """Links to the outcome pages of a detailed action's outcomes."""
    return Markup(", ").join(
        link(reverse("outcomes:outcome-detail", args=[code]), f"{code}. {titles.get(code, '')}")
        for code in codes
    )


def flag_words(row: dict[str, Any], stale_after_months: int) -> str:
    """The flags of a detailed action, in words."""
    words = []
    if row[c.OVERDUE]:
        count = row[c.OVERDUE_MILESTONES]
        words.append(f"Overdue: {count} milestone{'s' if count != 1 else ''} past due")
    if row[c.STALE]:
        words.append(f"Stale: no update in the last {stale_after_months} months")
    return "; ".join(words) or "No flags"


def describe_change(change: ChangeRow) -> str:
    """A recorded change in words."""
    payload = change.payload
    if change.kind is ChangeKind.UPDATE:
        status = f" (status {payload['status']})" if payload.get("status") else ""
        return f"Progress update dated {_iso_date(payload.get('date'))}{status}: {payload.get('text', '')}"
    if change.kind is ChangeKind.MILESTONE:
        return f"Milestone added: {payload.get('title')} (due {_iso_date(payload.get('due'))})"
    if change.kind is ChangeKind.MILESTONE_COMPLETED:
        return (
            f"Milestone completed: {payload.get('title')} on {_iso_date(payload.get('completed'))}"
        )
    partners = payload.get("partners") or []
    return f"Lead partners set: {', '.join(partners) if partners else 'none (not yet agreed)'}"


def _iso_date(value: Any) -> str:
    try:
        return date(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def history_rows(history: Iterable[ChangeRow], *, with_code: bool = False) -> list[list[Cell]]:
    """Rows of a table of recorded changes: when, (action,) change, by whom, applied."""
    rows: list[list[Cell]] = []
    for change in history:
        row: list[Cell] = [datetime(change.created)]
        if with_code:
            row.append(link(reverse("outcomes:action-detail", args=[change.code]), change.code))
        row += [
            describe_change(change),
            change.recorded_by_name,
            "Yes" if change.applied else "No: it no longer fits the plan file",
        ]
        rows.append(row)
    return rows
