"""Use case: the provider organisations that may need most support, scored and ranked.

Provider-level figures: shown only to the partnership's administrators and analysts
(``Viewer.sees_partnership_overview``), never to providers or the public. The score itself is
``careforce.core.benchmarks.support``; its weights are the shipped settings file or
``CAREFORCE_SUPPORT_SCORE``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from django.conf import settings

from careforce.core.benchmarks.inputs import worker_inputs, workplace_inputs
from careforce.core.benchmarks.support import (
    ERRORS_PER_100,
    LABELS,
    LEFT_OUT,
    ORGANISATION,
    PERIODS_SINCE_RETURN,
    RANK,
    REASONS,
    SCORE,
    Factor,
    SupportSettings,
    organisation_measures,
    points_column,
    support_scores,
)
from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.indicators.frames import period_label
from careforce.io.support_files import load_support_settings
from careforce.web.backend.access import Viewer
from careforce.web.backend.snapshots import (
    ORGANISATION_ID,
    load_in_force,
    periods_in_force,
    workplaces_in_force,
)
from careforce.web.backend.submissions import (
    CHECKED,
    expected_organisations,
    require_overview,
    submission_periods,
    upload_records,
)
from careforce.web.models.uploads.models import Upload
from careforce.web.models.uploads.terms import Source, UploadStatus

__all__ = ["LABELS", "Factor", "SupportReport", "SupportRow", "providers_needing_support"]


@functools.lru_cache(maxsize=4)
def _settings_from(path: str | None) -> SupportSettings:
    return load_support_settings(Path(path) if path else None)


def score_settings() -> SupportSettings:
    """The support score's settings in force (read once per process and settings file)."""
    return _settings_from(settings.CAREFORCE_SUPPORT_SCORE)


@dataclass(frozen=True)
class SupportRow:
    """A provider organisation's place in the ranking.

    Attributes:
        points: the points of each factor (None: left out for want of data).
    """

    rank: int
    organisation_id: int
    organisation: str
    score: float
    reasons: tuple[str, ...]
    left_out: tuple[str, ...]
    points: dict[Factor, float | None]


@dataclass(frozen=True)
class SupportReport:
    """The ranking for a period."""

    period: str | None
    periods: list[str]
    settings: SupportSettings
    policy: DisclosurePolicy
    rows: list[SupportRow]


def _since_return(period: str, periods: list[str]) -> dict[int, int]:
    """Periods between each organisation's latest accepted return (at or before the period)
    and the period, counted over the periods known to careforce."""
    order = sorted(periods)
    index = {name: position for position, name in enumerate(order)}
    in_force = workplaces_in_force().select(ORGANISATION_ID, "period").unique()
    latest: dict[int, int] = {}
    for organisation_id, returned in in_force.iter_rows():
        position = index.get(returned)
        if position is None or position > index[period]:
            continue
        latest[organisation_id] = max(latest.get(organisation_id, -1), position)
    return {key: index[period] - position for key, position in latest.items()}


def _errors_per_100(period: str) -> dict[int, float | None]:
    """Errors per 100 records of each organisation's latest checked upload at or before the
    period."""
    latest: dict[int, Upload] = {}
    uploads = (
        Upload.objects.filter(
            source=Source.ASCWDS.value,
            reference_date__isnull=False,
            status__in=[status.value for status in CHECKED],
        )
        .exclude(status=UploadStatus.DUPLICATE.value)
        .order_by("created", "id")
    )
    for upload in uploads:
        day = upload.reference_date
        if day is None or period_label(day) > period:
            continue
        latest[upload.organisation_id] = upload
    rates: dict[int, float | None] = {}
    for organisation_id, upload in latest.items():
        records = upload_records(upload)
        rates[organisation_id] = 100 * upload.errors / records if records else None
    return rates


def _measures(period: str, policy: DisclosurePolicy) -> pl.DataFrame:
    workers, establishments = load_in_force(period=period)
    if not establishments.collect_schema().names():
        return pl.DataFrame(schema={ORGANISATION_ID: pl.Int64})
    places, staff = pl.collect_all(
        [workplace_inputs(workers, establishments), worker_inputs(workers)]
    )
    return organisation_measures(
        places.lazy(),
        staff.lazy(),
        min_workplaces=policy.min_workplaces,
        min_workers=policy.min_workers,
    ).collect()


def providers_needing_support(
    *, viewer: Viewer, period: str | None = None, policy: DisclosurePolicy | None = None
) -> SupportReport:
    """Every provider organisation scored and ranked for a period.

    Args:
        viewer: who asks (an administrator or a partner analyst).
        period: the period (default: the newest with accepted data).
        policy: disclosure thresholds of the comparators (default: the published measures').

    Raises:
        NotVisibleError: the viewer may not see provider-level data.
    """
    require_overview(viewer)
    chosen_policy = policy or DisclosurePolicy()
    chosen_settings = score_settings()
    periods = submission_periods()
    if not periods:
        return SupportReport(None, periods, chosen_settings, chosen_policy, [])
    with_data = periods_in_force()
    newest = with_data[-1] if with_data else periods[0]
    chosen = period if period in periods else newest
    organisations = expected_organisations()
    since = _since_return(chosen, periods)
    rates = _errors_per_100(chosen)
    base = pl.DataFrame(
        {
            ORGANISATION_ID: [o.pk for o in organisations],
            ORGANISATION: [o.name for o in organisations],
            PERIODS_SINCE_RETURN: [since.get(o.pk) for o in organisations],
            ERRORS_PER_100: [rates.get(o.pk) for o in organisations],
        },
        schema={
            ORGANISATION_ID: pl.Int64,
            ORGANISATION: pl.String,
            PERIODS_SINCE_RETURN: pl.Int64,
            ERRORS_PER_100: pl.Float64,
        },
    )
    frame = base.join(_measures(chosen, chosen_policy), on=ORGANISATION_ID, how="left")
    scored = support_scores(frame, chosen_settings, period=chosen)
    rows = [
        SupportRow(
            rank=row[RANK],
            organisation_id=row[ORGANISATION_ID],
            organisation=row[ORGANISATION],
            score=row[SCORE],
            reasons=tuple(row[REASONS]),
            left_out=tuple(row[LEFT_OUT]),
            points={factor: row[points_column(factor)] for factor in chosen_settings.factors},
        )
        for row in scored.iter_rows(named=True)
    ]
    return SupportReport(chosen, periods, chosen_settings, chosen_policy, rows)
