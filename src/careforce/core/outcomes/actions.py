"""The action plan's progress at a date: status, overdue milestones and stale actions.

- A milestone is *complete* at the as-of date when it has a completion date on or before it.
- A detailed action is *overdue* when one of its milestones is past due (due before the as-of
  date) and not complete, unless the action itself is complete.
- A detailed action is *stale* when it is not complete and has had no update in the stale period
  (six months by default) before the as-of date; an action never updated counts from the plan's
  start date.
- The status at the as-of date is the status reported by the latest update on or before it. An
  action whose updates never report a status keeps its ``status`` field; one whose first status
  report is after the as-of date was ``not started`` then.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import polars as pl

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.action_plan import ActionPlan

SEQUENCE: Final = "_sequence"
"""Position of an update within its detailed action (internal; breaks ties of equal dates)."""

DETAILS_SCHEMA: Final = pl.Schema(
    {
        c.ORDER: pl.Int64,
        c.ACTION: pl.String,
        c.ACTION_TITLE: pl.String,
        c.CODE: pl.String,
        c.TITLE: pl.String,
        c.OUTCOMES: pl.String,
        c.LEAD_PARTNERS: pl.String,
        c.TIMESCALE: pl.String,
        c.STATUS: pl.String,
        c.NOTE: pl.String,
    }
)
"""Schema of the detailed actions frame."""
MILESTONES_SCHEMA: Final = pl.Schema(
    {c.CODE: pl.String, c.TITLE: pl.String, c.DUE: pl.Date, c.COMPLETED: pl.Date}
)
"""Schema of the milestones frame."""
UPDATES_SCHEMA: Final = pl.Schema(
    {
        c.CODE: pl.String,
        SEQUENCE: pl.Int64,
        c.DATE: pl.Date,
        c.UPDATE_STATUS: pl.String,
        c.TEXT: pl.String,
        c.AUTHOR: pl.String,
        c.EVIDENCE_LINKS: pl.String,
    }
)
"""Schema of the updates frame."""

LIST_SEPARATOR: Final = "; "
"""Separator of lists written in one cell (outcomes, partners, evidence)."""

STATUS_ORDER: Final = tuple(status.value for status in c.ActionStatus)
"""Statuses in the order they are reported."""


def plan_frames(plan: ActionPlan) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The plan as three frames: detailed actions, milestones and updates."""
    details: list[dict[str, Any]] = []
    milestones: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for action in plan.actions:
        for detail in action.detailed_actions:
            details.append(
                {
                    c.ORDER: len(details),
                    c.ACTION: action.code,
                    c.ACTION_TITLE: action.title,
                    c.CODE: detail.code,
                    c.TITLE: detail.title,
                    c.OUTCOMES: LIST_SEPARATOR.join(detail.outcomes),
                    c.LEAD_PARTNERS: LIST_SEPARATOR.join(detail.lead_partners),
                    c.TIMESCALE: detail.timescale,
                    c.STATUS: detail.status.value,
                    c.NOTE: detail.note,
                }
            )
            milestones += [
                {c.CODE: detail.code, c.TITLE: m.title, c.DUE: m.due, c.COMPLETED: m.completed}
                for m in detail.milestones
            ]
            updates += [
                {
                    c.CODE: detail.code,
                    SEQUENCE: index,
                    c.DATE: update.date,
                    c.UPDATE_STATUS: update.status.value if update.status else None,
                    c.TEXT: update.text,
                    c.AUTHOR: update.author,
                    c.EVIDENCE_LINKS: LIST_SEPARATOR.join(
                        f"{item.title} <{item.url}>" if item.url else item.title
                        for item in update.evidence
                    )
                    or None,
                }
                for index, update in enumerate(detail.updates)
            ]
    return (
        pl.DataFrame(details, schema=DETAILS_SCHEMA),
        pl.DataFrame(milestones, schema=MILESTONES_SCHEMA),
        pl.DataFrame(updates, schema=UPDATES_SCHEMA),
    )


def milestone_flags(
    milestones: pl.LazyFrame, details: pl.LazyFrame, *, as_of: dt.date
) -> pl.LazyFrame:
    """Milestones with whether each is complete and overdue at the as-of date.

    Args:
        milestones: the milestones frame of :func:`plan_frames`.
        details: the detailed actions with their status at the as-of date.
        as_of: the date of the flags.
    """
    complete = pl.col(c.COMPLETED).is_not_null() & (pl.col(c.COMPLETED) <= as_of)
    action_done = pl.col(c.STATUS) == c.ActionStatus.COMPLETE.value
    return (
        milestones.join(details.select(c.CODE, c.STATUS), on=c.CODE, how="left")
        .with_columns(complete.alias("complete"))
        .with_columns(
            ((pl.col(c.DUE) < as_of) & ~pl.col("complete") & ~action_done).alias(c.OVERDUE)
        )
        .drop(c.STATUS)
    )


def status_at(details: pl.LazyFrame, updates: pl.LazyFrame, *, as_of: dt.date) -> pl.LazyFrame:
    """The detailed actions with ``status`` replaced by their status at the as-of date."""
    reported = updates.filter(pl.col(c.UPDATE_STATUS).is_not_null())
    latest = (
        reported.filter(pl.col(c.DATE) <= as_of)
        .sort(c.DATE, SEQUENCE)
        .group_by(c.CODE)
        .agg(pl.col(c.UPDATE_STATUS).last().alias("_reported"))
    )
    ever = reported.group_by(c.CODE).agg(pl.len().alias("_reports"))
    return (
        details.join(latest, on=c.CODE, how="left")
        .join(ever, on=c.CODE, how="left")
        .with_columns(
            pl.when(pl.col("_reported").is_not_null())
            .then(pl.col("_reported"))
            .when(pl.col("_reports").is_not_null())
            .then(pl.lit(c.ActionStatus.NOT_STARTED.value))
            .otherwise(pl.col(c.STATUS))
            .alias(c.STATUS)
        )
        .drop("_reported", "_reports")
    )


def action_flags(
    details: pl.LazyFrame,
    milestones: pl.LazyFrame,
    updates: pl.LazyFrame,
    *,
    as_of: dt.date,
    start_date: dt.date,
    stale_after_months: int,
) -> pl.LazyFrame:
    """Every detailed action with its status, milestones, latest update and flags at a date.

    Args:
        details: the detailed actions frame of :func:`plan_frames`.
        milestones: the milestones frame.
        updates: the updates frame.
        as_of: the date of the flags.
        start_date: the plan's start: an action never updated is stale counting from it.
        stale_after_months: months without an update after which an action is stale.
    """
    current = status_at(details, updates, as_of=as_of)
    flagged = milestone_flags(milestones, current, as_of=as_of)
    open_first = flagged.filter(~pl.col("complete")).sort(c.DUE, c.TITLE)
    per_action = flagged.group_by(c.CODE).agg(
        pl.len().cast(pl.Int64).alias(c.MILESTONES),
        pl.col("complete").sum().cast(pl.Int64).alias(c.MILESTONES_COMPLETE),
        pl.col(c.OVERDUE).sum().cast(pl.Int64).alias(c.OVERDUE_MILESTONES),
    )
    upcoming = open_first.group_by(c.CODE).agg(
        pl.col(c.TITLE).first().alias(c.NEXT_MILESTONE), pl.col(c.DUE).first().alias(c.NEXT_DUE)
    )
    heard = (
        updates.filter(pl.col(c.DATE) <= as_of)
        .group_by(c.CODE)
        .agg(pl.col(c.DATE).max().alias(c.LAST_UPDATE))
    )
    since = pl.coalesce(pl.col(c.LAST_UPDATE), pl.lit(start_date))
    stale_before = pl.lit(as_of).dt.offset_by(f"-{stale_after_months}mo")
    done = pl.col(c.STATUS) == c.ActionStatus.COMPLETE.value
    return (
        current.join(per_action, on=c.CODE, how="left")
        .join(upcoming, on=c.CODE, how="left")
        .join(heard, on=c.CODE, how="left")
        .with_columns(
            pl.col(c.MILESTONES, c.MILESTONES_COMPLETE, c.OVERDUE_MILESTONES).fill_null(0),
            pl.when(since <= as_of)
            .then((pl.lit(as_of) - since).dt.total_days())
            .otherwise(None)
            .cast(pl.Int64)
            .alias(c.DAYS_SINCE_UPDATE),
        )
        .with_columns(
            (pl.col(c.OVERDUE_MILESTONES) > 0).alias(c.OVERDUE),
            (~done & (since < stale_before)).alias(c.STALE),
            pl.lit(as_of).alias(c.AS_OF),
        )
        .sort(c.ORDER)
    )


def action_summary(flags: pl.LazyFrame) -> pl.LazyFrame:
    """One row per key action: detailed actions, how many have each status, overdue and stale."""
    return flags.group_by(c.ACTION, c.ACTION_TITLE, maintain_order=True).agg(
        pl.len().cast(pl.Int64).alias(c.DETAILED_ACTIONS),
        *[
            (pl.col(c.STATUS) == status).sum().cast(pl.Int64).alias(status)
            for status in STATUS_ORDER
        ],
        pl.col(c.OVERDUE).sum().cast(pl.Int64).alias(c.OVERDUE),
        pl.col(c.STALE).sum().cast(pl.Int64).alias(c.STALE),
    )


def updates_between(
    updates: pl.LazyFrame, details: pl.LazyFrame, *, start: dt.date, end: dt.date
) -> pl.LazyFrame:
    """Updates dated after ``start`` and on or before ``end``, with their action, newest first
    (updates of one date in plan order)."""
    return (
        updates.filter((pl.col(c.DATE) > start) & (pl.col(c.DATE) <= end))
        .join(
            details.select(c.ORDER, c.CODE, c.TITLE), on=c.CODE, how="left", maintain_order="left"
        )
        .sort([c.DATE, c.ORDER], descending=[True, False], maintain_order=True)
    )
