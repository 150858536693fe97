"""Priority training needs on the web service (action 1.3): the ranked list from the latest
publication (with the skills in demand of the stored labour-market measures and the training
items of the stored survey rounds), and the priorities the partnership agreed each year.

Agreeing priorities is recorded like a change to the action plan: each record is a row (who,
when, what), written to the audit log, and never changed; the latest record of a year is the
one in force.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

import polars as pl
from django.db import transaction

from careforce.core.outcomes.training_needs import priority_training_needs
from careforce.core.vocab.published import AREA_CODE
from careforce.web.backend.access import Viewer
from careforce.web.backend.audit import AuditAction, record
from careforce.web.backend.labour import labour_results
from careforce.web.backend.publications import Published
from careforce.web.backend.survey import baseline_measures, results
from careforce.web.models.accounts.terms import Role
from careforce.web.models.survey.models import SurveyRound
from careforce.web.models.training_needs.models import AgreedPriorities

RECORDERS: Final = frozenset({Role.ADMINISTRATOR, Role.ANALYST})
"""Roles that may record the priorities the partnership agreed (partner analysts and
administrators, as for action-plan updates)."""
MAX_PRIORITIES: Final = 20
"""Most priorities one record may hold."""
MAX_PRIORITY_LENGTH: Final = 300
"""Longest priority, in characters."""
STAFF_QUESTIONNAIRE: Final = "staff"
"""The questionnaire whose rounds hold the survey training items."""


class PrioritiesRejectedError(ValueError):
    """The priorities cannot be recorded; the message says why."""


@dataclass(frozen=True)
class AgreedYear:
    """The priorities in force for a year, and how many times they were recorded."""

    year: str
    priorities: list[str]
    note: str
    recorded_by: str
    created: dt.datetime
    records: int


def may_record(viewer: Viewer) -> bool:
    """Whether the viewer may record agreed priorities."""
    return viewer.role in RECORDERS


def stored_survey() -> pl.DataFrame | None:
    """The survey measures the service holds that the needs read: the published baseline
    rounds' and the latest staff round with responses (None when there are neither)."""
    _, baseline = baseline_measures()
    frames = [] if baseline is None else [baseline]
    latest = (
        SurveyRound.objects.filter(
            questionnaire=STAFF_QUESTIONNAIRE, aggregate__isnull=True, responses__isnull=False
        )
        .distinct()
        .order_by("-name", "-id")
        .first()
    )
    if latest is not None:
        frames.append(results(latest).results.measures)
    return pl.concat(frames, how="diagonal_relaxed") if frames else None


def ranked_needs(published: Published, *, period: str | None = None) -> pl.DataFrame:
    """The ranked needs of every area of a publication (the latest period unless given),
    drawing on the stored labour-market measures and survey rounds when there are any."""
    labour = labour_results()
    return priority_training_needs(
        published.table,
        period=period,
        labour=labour.table if labour is not None else None,
        survey=stored_survey(),
    )


def needs_of_area(needs: pl.DataFrame, area: str | None) -> pl.DataFrame:
    """The needs of one area (all when None)."""
    return needs if area is None else needs.filter(pl.col(AREA_CODE) == area)


def agreed_years() -> list[AgreedYear]:
    """The priorities in force for each year, latest year first."""
    in_force: dict[str, AgreedPriorities] = {}
    counts: dict[str, int] = {}
    for entry in AgreedPriorities.objects.order_by("created", "id"):
        in_force[entry.year] = entry
        counts[entry.year] = counts.get(entry.year, 0) + 1
    return [
        AgreedYear(
            year=year,
            priorities=[str(p) for p in entry.priorities],
            note=entry.note,
            recorded_by=entry.recorded_by,
            created=entry.created,
            records=counts[year],
        )
        for year, entry in sorted(in_force.items(), reverse=True)
    ]


def agreed_history() -> list[AgreedPriorities]:
    """Every record of agreed priorities, newest first."""
    return list(AgreedPriorities.objects.order_by("-created", "-id"))


def record_priorities(
    viewer: Viewer, *, year: str, priorities: list[str], note: str, ip_address: str = ""
) -> AgreedPriorities:
    """Record the priorities agreed for a year, and write it to the audit log.

    Raises:
        PermissionError: the viewer may not record priorities.
        PrioritiesRejectedError: there is no priority, too many, or one is too long.
    """
    if not may_record(viewer):
        raise PermissionError("only partner analysts and administrators record priorities")
    cleaned = [p.strip() for p in priorities if p.strip()]
    if not cleaned:
        raise PrioritiesRejectedError("Enter at least one priority")
    if len(cleaned) > MAX_PRIORITIES:
        raise PrioritiesRejectedError(f"Enter {MAX_PRIORITIES} priorities or fewer")
    if any(len(p) > MAX_PRIORITY_LENGTH for p in cleaned):
        raise PrioritiesRejectedError(
            f"Each priority must be {MAX_PRIORITY_LENGTH} characters or fewer"
        )
    with transaction.atomic():
        entry = AgreedPriorities.objects.create(
            year=year,
            priorities=cleaned,
            note=note.strip(),
            user_id=viewer.user_id,
            recorded_by=viewer.email,
        )
        record(
            AuditAction.TRAINING_PRIORITIES,
            viewer=viewer,
            object_type="training-priorities",
            object_id=entry.pk,
            ip_address=ip_address,
            detail={"year": year, "priorities": str(len(cleaned))},
        )
    return entry
