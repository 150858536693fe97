"""The action plan in force on the web service, and the changes partners record to it.

The plan file (``CAREFORCE_ACTION_PLAN``, else the shipped Staffordshire plan) is the starting
point; every change recorded on the service (a dated update, a milestone added or completed,
lead partners agreed) is kept as a row and replayed, in the order recorded, onto the file's
plan. The file is never rewritten, so the history is complete and the plan in force can be
downloaded as a plan file at any time. A change that no longer fits the file (for example
after the file was replaced) is not applied and is listed as such in the history.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from django.conf import settings
from django.db import transaction
from pydantic import ValidationError

from careforce.core.configuration import Problem
from careforce.core.outcomes.action_plan import (
    ActionPlan,
    DetailedAction,
    KeyAction,
    Milestone,
    UnknownActionError,
    Update,
    with_lead_partners,
    with_milestone,
    with_milestone_completed,
    with_update,
)
from careforce.core.outcomes.validation import ConfigurationError
from careforce.io.outcomes_files import format_action_plan_yaml
from careforce.services.outcomes import (
    ActionProgress,
    action_progress,
    configuration_path,
    load_action_plan,
)
from careforce.web.backend.access import Viewer
from careforce.web.backend.audit import AuditAction, record
from careforce.web.backend.demo_mode import service_today
from careforce.web.models.accounts.terms import Role
from careforce.web.models.outcomes.models import ActionChange
from careforce.web.models.outcomes.terms import ChangeKind

UPDATERS: Final = frozenset({Role.ADMINISTRATOR, Role.ANALYST})
"""Roles that may record progress updates and complete milestones (partner analysts and
administrators)."""
PLANNERS: Final = frozenset({Role.ADMINISTRATOR})
"""Roles that may add milestones and set lead partners (what the partnership board agrees)."""
PLANNING_KINDS: Final = frozenset({ChangeKind.MILESTONE, ChangeKind.LEAD_PARTNERS})
"""Changes only planners may record."""


class ChangeRejectedError(ValueError):
    """A change cannot be recorded; ``lines`` says why, one problem per line."""

    def __init__(self, lines: list[str]) -> None:
        """Keep every line; the message is the first."""
        self.lines = lines or ["the change cannot be recorded"]
        super().__init__(self.lines[0])


def may_update(viewer: Viewer) -> bool:
    """Whether the viewer may record progress updates and complete milestones."""
    return viewer.role in UPDATERS


def may_plan(viewer: Viewer) -> bool:
    """Whether the viewer may add milestones and set lead partners."""
    return viewer.role in PLANNERS


def plan_file() -> str | None:
    """The configured action-plan file (None: the shipped Staffordshire plan)."""
    configured: str | None = getattr(settings, "CAREFORCE_ACTION_PLAN", None)
    return configured or None


def apply_change(
    plan: ActionPlan, kind: ChangeKind, code: str, payload: Mapping[str, Any]
) -> ActionPlan:
    """The plan with one change applied.

    Raises:
        UnknownActionError: no detailed action has the code.
        ConfigurationError: the change does not fit the plan.
        ValidationError: the payload is not a valid change of its kind.
    """
    if kind is ChangeKind.UPDATE:
        return with_update(plan, code=code, update=Update.model_validate(payload))
    if kind is ChangeKind.MILESTONE:
        return with_milestone(plan, code=code, milestone=Milestone.model_validate(payload))
    if kind is ChangeKind.MILESTONE_COMPLETED:
        index = int(payload["index"])
        detail = find_detail(plan, code)[1]
        title = payload.get("title")
        if index < len(detail.milestones) and title and detail.milestones[index].title != title:
            raise ConfigurationError(
                [Problem(("milestones", index), f"milestone {index + 1} is now {title!r}")]
            )
        return with_milestone_completed(
            plan, code=code, index=index, completed=dt.date.fromisoformat(str(payload["completed"]))
        )
    partners = [str(partner) for partner in payload.get("partners", [])]
    return with_lead_partners(plan, code=code, partners=partners)


@dataclass(frozen=True)
class PlanInForce:
    """The plan file with every recorded change that fits applied.

    Attributes:
        plan: the plan in force.
        path: the plan file.
        applied: changes applied.
        not_applied: ids of recorded changes that no longer fit the plan file.
        key: identifies the state (file and changes), for what is kept in memory from it.
    """

    plan: ActionPlan
    path: Path
    applied: int
    not_applied: frozenset[int] = field(default_factory=frozenset)
    key: tuple[object, ...] = ()


_cache: dict[tuple[object, ...], PlanInForce] = {}
_progress: dict[tuple[object, ...], ActionProgress] = {}
_cache_lock = threading.Lock()


def _state_key(path: Path) -> tuple[object, ...]:
    changes = ActionChange.objects
    last = changes.order_by("-id").values_list("id", "created").first()
    return (str(path), path.stat().st_mtime_ns, changes.count(), last)


def plan_in_force() -> PlanInForce:
    """The plan file with the recorded changes replayed (kept in memory until either changes).

    Raises:
        OutcomesInputError: the plan file cannot be used.
    """
    path = configuration_path(plan_file(), framework=False)
    key = _state_key(path)
    with _cache_lock:
        found = _cache.get(key)
    if found is not None:
        return found
    loaded = load_action_plan(path)
    plan, applied, skipped = loaded.plan, 0, set()
    for change in ActionChange.objects.order_by("created", "id"):
        try:
            plan = apply_change(plan, ChangeKind(change.kind), change.code, change.payload)
            applied += 1
        except (
            UnknownActionError,
            ConfigurationError,
            ValidationError,
            KeyError,
            TypeError,
            ValueError,
        ):
            skipped.add(change.pk)
    result = PlanInForce(plan, loaded.path, applied, frozenset(skipped), key)
    with _cache_lock:
        _cache.clear()
        _cache[key] = result
    return result


def progress_in_force(as_of: dt.date | None = None) -> tuple[PlanInForce, ActionProgress]:
    """The plan in force and its progress (status, milestones, overdue and stale flags) today."""
    current = plan_in_force()
    when = as_of or service_today()
    key = (current.key, when)
    with _cache_lock:
        found = _progress.get(key)
    if found is None:
        found = action_progress(current.plan, as_of=when, path=current.path)
        with _cache_lock:
            _progress.clear()
            _progress[key] = found
    return current, found


def find_detail(plan: ActionPlan, code: str) -> tuple[KeyAction, DetailedAction]:
    """A detailed action and its key action.

    Raises:
        UnknownActionError: no detailed action has the code.
    """
    for action in plan.actions:
        for detail in action.detailed_actions:
            if detail.code == code:
                return action, detail
    raise UnknownActionError(code)


def _problem_lines(error: ConfigurationError) -> list[str]:
    return [problem.message for problem in error.problems] or ["the change does not fit the plan"]


def record_changes(
    viewer: Viewer,
    *,
    code: str,
    changes: Sequence[tuple[ChangeKind, Mapping[str, Any]]],
    ip_address: str = "",
) -> list[int]:
    """Check changes to a detailed action against the plan in force and record them all, or
    none (with an audit entry each).

    Returns:
        The changes' ids.

    Raises:
        PermissionError: the viewer's role may not record one of the kinds of change.
        UnknownActionError: no detailed action has the code.
        ChangeRejectedError: a change does not fit the plan in force.
    """
    for kind, _ in changes:
        allowed = may_plan(viewer) if kind in PLANNING_KINDS else may_update(viewer)
        if not allowed:
            raise PermissionError("Your account cannot change the action plan in this way.")
    ids = []
    with transaction.atomic():
        plan = plan_in_force().plan
        find_detail(plan, code)
        for kind, payload in changes:
            try:
                plan = apply_change(plan, kind, code, payload)
            except ConfigurationError as error:
                raise ChangeRejectedError(_problem_lines(error)) from None
            except ValidationError as error:
                raise ChangeRejectedError([str(item["msg"]) for item in error.errors()]) from None
            except (KeyError, TypeError, ValueError) as error:
                raise ChangeRejectedError(
                    [f"the {kind.label.lower()} is incomplete: {error}"]
                ) from None
            change = ActionChange.objects.create(
                code=code,
                kind=kind.value,
                payload=dict(payload),
                user_id=viewer.user_id,
                recorded_by=viewer.email,
            )
            record(
                AuditAction.ACTION_PLAN_CHANGE,
                viewer=viewer,
                object_type="action",
                object_id=code,
                ip_address=ip_address,
                detail={"kind": kind.value, "change": change.pk},
            )
            ids.append(int(change.pk))
    return ids


@dataclass(frozen=True)
class ChangeRow:
    """A recorded change as the history shows it."""

    id: int
    code: str
    kind: ChangeKind
    payload: dict[str, Any]
    recorded_by: str
    recorded_by_name: str
    created: dt.datetime
    applied: bool


def change_history(code: str | None = None) -> Iterator[ChangeRow]:
    """Recorded changes, newest first (of one detailed action, or all)."""
    current = plan_in_force()
    changes = ActionChange.objects.select_related("user").order_by("-created", "-id")
    if code is not None:
        changes = changes.filter(code=code)
    for change in changes:
        name = change.user.full_name if change.user is not None else ""
        yield ChangeRow(
            id=change.pk,
            code=change.code,
            kind=ChangeKind(change.kind),
            payload=change.payload,
            recorded_by=change.recorded_by,
            recorded_by_name=name or change.recorded_by,
            created=change.created,
            applied=change.pk not in current.not_applied,
        )


def plan_yaml(current: PlanInForce) -> bytes:
    """The plan in force as a plan file (YAML), to keep or to use with the command line."""
    header = (
        f"The action plan in force on {service_today().isoformat()}: {current.path.name} with "
        f"{current.applied} change{'s' if current.applied != 1 else ''} recorded on careforce."
    )
    return format_action_plan_yaml(current.plan, header=header).encode("utf-8")
