"""The action plan as configuration: key actions, their detailed actions, lead partners, status,
milestones and dated updates with evidence.

An action-plan file (YAML) is checked against the JSON Schema generated from these models, then
by the models, then across fields (:func:`parse_action_plan`). The current status of a detailed
action is its ``status`` field; an update may record the status it reported, and the latest such
update must agree with ``status``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from careforce.core.configuration import (
    SCHEMA_DIALECT,
    Problem,
    SchemaGenerator,
    duplicates,
    model_checked,
    parse_checked,
    tidy_schema,
)
from careforce.core.outcomes.columns import ActionStatus
from careforce.core.outcomes.validation import CODE_PATTERN, WORDING, ConfigurationError

ACTION_PLAN_SCHEMA_VERSION: Final = "1"
"""Version of the action-plan file format; bumped on any incompatible change."""
ACTION_PLAN_SCHEMA_ID: Final = "https://careforce.example/schemas/action-plan/v1.json"
"""The ``$id`` of the action-plan JSON Schema; carries :data:`ACTION_PLAN_SCHEMA_VERSION`."""
DEFAULT_STALE_MONTHS: Final = 6
"""A detailed action with no update in six months is stale (the partnership reports at least
twice a year; issue #7)."""
MAX_STALE_MONTHS: Final = 60
"""Longest stale period accepted: the life of a five-year strategy."""

Code = Annotated[str, Field(pattern=CODE_PATTERN, max_length=32)]
Text = Annotated[str, Field(min_length=1)]


def _as_text(value: Any) -> Any:
    """Outcome numbers may be written bare in YAML (``[1, 3]``); they are codes, so text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


OutcomeCode = Annotated[
    str,
    BeforeValidator(_as_text),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "description": "Code of an outcome of the framework, e.g. 1",
        }
    ),
]
IsoDate = Annotated[
    dt.date,
    WithJsonSchema({"type": "string", "format": "date", "description": "a date, YYYY-MM-DD"}),
]

_STRICT = ConfigDict(extra="forbid", use_enum_values=False)


class Evidence(BaseModel):
    """A piece of evidence for an update: a document, page or dataset."""

    model_config = _STRICT

    title: Text = Field(description="What the evidence is, e.g. 'Board paper, March 2023'.")
    url: str | None = Field(default=None, description="Link to it, if it is online.")


class Milestone(BaseModel):
    """A step of a detailed action with a due date."""

    model_config = _STRICT

    title: Text = Field(description="What is to be done.")
    due: IsoDate = Field(description="Due date, YYYY-MM-DD.")
    completed: IsoDate | None = Field(
        default=None, description="Date it was completed, YYYY-MM-DD; omit while open."
    )


class Update(BaseModel):
    """A dated progress update on a detailed action."""

    model_config = _STRICT

    date: IsoDate = Field(description="Date of the update, YYYY-MM-DD.")
    text: Text = Field(description="What happened.")
    status: ActionStatus | None = Field(
        default=None, description="Status reported with the update, if it set one."
    )
    author: str | None = Field(default=None, description="Who reported it (a role or partner).")
    evidence: list[Evidence] = Field(
        default_factory=list, description="Evidence links for the update."
    )


class DetailedAction(BaseModel):
    """A detailed action, e.g. 3.1, with its owner, status, milestones and updates."""

    model_config = _STRICT

    code: Code = Field(description="Code, unique in the plan, e.g. 3.1.")
    title: Text = Field(description="The detailed action as the strategy words it.")
    outcomes: list[OutcomeCode] = Field(
        min_length=1,
        description="Codes of the outcomes it contributes to, e.g. [1, 2, 3, 4].",
        json_schema_extra={"uniqueItems": True},
    )
    outcomes_note: str | None = Field(
        default=None, description="Where the outcome links come from, when not stated."
    )
    lead_partners: list[Text] = Field(
        default_factory=list, description="Partners leading it (empty until agreed)."
    )
    timescale: str | None = Field(default=None, description="When it is due, in words.")
    status: ActionStatus = Field(
        default=ActionStatus.NOT_STARTED,
        description="Current status: not started, on track, at risk, off track or complete.",
    )
    milestones: list[Milestone] = Field(
        default_factory=list, description="Milestones with due dates."
    )
    updates: list[Update] = Field(default_factory=list, description="Dated progress updates.")
    note: str | None = Field(default=None, description="Notes.")


class KeyAction(BaseModel):
    """A key action of the plan, e.g. 3 'Develop an improved journey into work'."""

    model_config = _STRICT

    code: Code = Field(description="Code, unique in the plan, e.g. 3.")
    title: Text = Field(description="The action as the strategy words it.")
    detailed_actions: list[DetailedAction] = Field(
        min_length=1, description="Its detailed actions."
    )


class ActionPlan(BaseModel):
    """An action plan: key actions and their detailed actions."""

    model_config = ConfigDict(extra="forbid", title="careforce action plan")

    schema_version: Literal["1"] = Field(description='Version of this file format; must be "1".')
    name: Text = Field(description="Title of the plan, shown in outputs.")
    description: str | None = Field(default=None, description="What the plan is for.")
    source: str | None = Field(default=None, description="The strategy it comes from.")
    start_date: IsoDate = Field(
        description="Date the plan started: an action never updated is stale from this date."
    )
    stale_after_months: int = Field(
        default=DEFAULT_STALE_MONTHS,
        ge=1,
        le=MAX_STALE_MONTHS,
        description="An action with no update for this many months is stale (default 6).",
    )
    outcomes: dict[str, Text] = Field(
        default_factory=dict,
        description="Outcome codes and titles; when given, every link must be one of them.",
    )
    actions: list[KeyAction] = Field(min_length=1, description="The key actions, in order.")


def action_plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of action-plan files, generated from the models.

    The committed copy in ``schema/action-plan.v1.schema.json`` is what validates files; a test
    checks it equals this.
    """
    generated = ActionPlan.model_json_schema(schema_generator=SchemaGenerator)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": ACTION_PLAN_SCHEMA_ID,
        **tidy_schema(generated),
    }
    schema["description"] = (
        f"careforce action plan, format version {ACTION_PLAN_SCHEMA_VERSION}. Written as YAML; "
        "see docs/outcomes.md."
    )
    return schema


def _detailed_problems(
    plan: ActionPlan, detail: DetailedAction, where: tuple[str | int, ...]
) -> Iterator[Problem]:
    if plan.outcomes:
        for index, code in enumerate(detail.outcomes):
            if code not in plan.outcomes:
                known = ", ".join(plan.outcomes)
                yield Problem(
                    (*where, "outcomes", index), f"there is no outcome {code!r} (outcomes: {known})"
                )
    for index, milestone in enumerate(detail.milestones):
        if milestone.completed is not None and milestone.completed < plan.start_date:
            yield Problem(
                (*where, "milestones", index, "completed"),
                f"{milestone.completed} is before the plan's start_date {plan.start_date}",
            )
    reported = [
        (update.date, index, update.status)
        for index, update in enumerate(detail.updates)
        if update.status is not None
    ]
    if reported:
        date, index, status = max(reported)
        if status is not detail.status:
            yield Problem(
                (*where, "status"),
                f"is {detail.status.value!r} but the latest update ({date}, updates[{index}]) "
                f"reports {status.value!r}; make them agree",
            )


def check_action_plan(plan: ActionPlan) -> list[Problem]:
    """Problems across fields: unique codes, outcome links, dates and status."""
    problems: list[Problem] = []
    action_codes: list[tuple[tuple[str | int, ...], str]] = []
    detail_codes: list[tuple[tuple[str | int, ...], str]] = []
    for a_index, action in enumerate(plan.actions):
        action_codes.append((("actions", a_index, "code"), action.code))
        for d_index, detail in enumerate(action.detailed_actions):
            where: tuple[str | int, ...] = ("actions", a_index, "detailed_actions", d_index)
            detail_codes.append(((*where, "code"), detail.code))
            problems.extend(_detailed_problems(plan, detail, where))
    problems.extend(duplicates(action_codes, "action"))
    problems.extend(duplicates(detail_codes, "detailed action"))
    return problems


def parse_action_plan(data: Any, schema: Mapping[str, Any]) -> ActionPlan:
    """Validate raw action-plan data (as read from YAML) and build the plan.

    Args:
        data: the parsed file.
        schema: the action-plan JSON Schema.

    Raises:
        ConfigurationError: with every problem found, each naming its field.
    """
    return parse_checked(data, schema, WORDING, ActionPlan, check_action_plan, ConfigurationError)


class UnknownActionError(KeyError):
    """No detailed action has the code asked for."""


def _with_detail_change(
    plan: ActionPlan, code: str, change: Callable[[dict[str, Any]], None]
) -> ActionPlan:
    """The plan with one detailed action's data changed in place by ``change``, checked again."""
    data = plan.model_dump(mode="python", exclude_unset=True)
    for action in data["actions"]:
        for detail in action["detailed_actions"]:
            if detail["code"] == code:
                change(detail)
                return model_checked(data, ActionPlan, check_action_plan, ConfigurationError)
    raise UnknownActionError(code)


def with_update(plan: ActionPlan, *, code: str, update: Update) -> ActionPlan:
    """The plan with an update added to a detailed action (and its status, if reported).

    Raises:
        UnknownActionError: no detailed action has that code.
        ConfigurationError: the plan with the update is inconsistent (e.g. an older update
            reporting a status that is not the current one).
    """

    def change(detail: dict[str, Any]) -> None:
        detail.setdefault("updates", []).append(
            update.model_dump(mode="python", exclude_unset=True)
        )
        if update.status is not None:
            detail["status"] = update.status

    return _with_detail_change(plan, code, change)


def with_milestone(plan: ActionPlan, *, code: str, milestone: Milestone) -> ActionPlan:
    """The plan with a milestone added to a detailed action (milestones are kept by due date).

    Raises:
        UnknownActionError: no detailed action has that code.
        ConfigurationError: the plan with the milestone is inconsistent.
    """

    def change(detail: dict[str, Any]) -> None:
        milestones = [*detail.get("milestones", []), milestone.model_dump(exclude_unset=True)]
        detail["milestones"] = sorted(milestones, key=lambda item: item["due"])

    return _with_detail_change(plan, code, change)


def with_milestone_completed(
    plan: ActionPlan, *, code: str, index: int, completed: dt.date
) -> ActionPlan:
    """The plan with a detailed action's milestone (by position) marked complete on a date.

    Raises:
        UnknownActionError: no detailed action has that code.
        ConfigurationError: there is no such milestone, it is already complete, or the date is
            before the plan's start.
    """

    def change(detail: dict[str, Any]) -> None:
        milestones = detail.get("milestones", [])
        where: tuple[str | int, ...] = ("milestones", index)
        if not 0 <= index < len(milestones):
            raise ConfigurationError([Problem(where, f"{code} has no milestone {index + 1}")])
        if milestones[index].get("completed") is not None:
            raise ConfigurationError(
                [Problem(where, f"{milestones[index]['title']!r} is already complete")]
            )
        milestones[index]["completed"] = completed

    return _with_detail_change(plan, code, change)


def with_lead_partners(plan: ActionPlan, *, code: str, partners: list[str]) -> ActionPlan:
    """The plan with a detailed action's lead partners replaced.

    Raises:
        UnknownActionError: no detailed action has that code.
        ConfigurationError: a partner's name is empty.
    """

    def change(detail: dict[str, Any]) -> None:
        detail["lead_partners"] = list(partners)

    return _with_detail_change(plan, code, change)
