"""The JSON API of the outcomes scorecard and the action plan: published, so open to everyone,
exactly as the pages are (``/outcomes/``, ``/action-plan/``)."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from typing import Any

import polars as pl
from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from careforce.core.outcomes import columns as c
from careforce.core.vocab.bases import Base
from careforce.core.vocab.published import PERIOD
from careforce.services.outcomes import OutcomesInputError
from careforce.web.apps.api.responses import (
    api_view,
    choice_parameter,
    frame_rows,
    paginated,
    problem,
    same,
)
from careforce.web.backend import publications
from careforce.web.backend.access import Viewer
from careforce.web.backend.action_plan import progress_in_force
from careforce.web.backend.scorecard import partnership_area, published_evaluation


@api_view()
def scorecard(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """The outcomes scorecard of an area: one row per framework source and period."""
    published = publications.published()
    if published is None:
        return paginated(
            request, [], same, about={"framework": None, "area_code": None, "area_name": None}
        )
    area = request.GET.get("area") or partnership_area(published)
    if area is not None and area not in {code for code, _ in published.areas}:
        return problem(404, "Nothing is published for that area.")
    base = Base.RETURNED if request.GET.get("base") == Base.RETURNED.value else Base.ESTIMATED
    try:
        evaluation = published_evaluation(published, area, base=base)
    except OutcomesInputError as error:
        return problem(503, "; ".join(error.lines))
    frame = evaluation.scorecard
    for name, column in (("period", PERIOD), ("outcome", c.OUTCOME)):
        wanted = request.GET.get(name)
        if wanted:
            frame = frame.filter(pl.col(column) == wanted)
    return paginated(
        request,
        frame_rows(frame.select(c.SCORECARD_COLUMNS)),
        same,
        about={
            "framework": evaluation.framework.name,
            "area_code": evaluation.area_code,
            "area_name": evaluation.area_name,
            "base": base.value,
            "base_note": evaluation.base_note(),
        },
    )


def _action_links(code: str) -> dict[str, str]:
    return {
        "self": reverse("api:action-detail", args=[code]),
        "page": reverse("outcomes:action-detail", args=[code]),
    }


def _action_json(row: dict[str, Any]) -> dict[str, Any]:
    row = {key: value for key, value in row.items() if key != c.ORDER}
    return {**row, "links": _action_links(str(row[c.CODE]))}


@api_view()
def action_plan(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """The action plan in force: its name, the date of its flags and each key action's
    detailed actions by status."""
    current, progress = progress_in_force()
    return JsonResponse(
        {
            "name": current.plan.name,
            "as_of": progress.as_of.isoformat(),
            "stale_after_months": current.plan.stale_after_months,
            "key_actions": frame_rows(progress.summary),
            "links": {
                "actions": reverse("api:action-list"),
                "milestones": reverse("api:milestone-list"),
                "updates": reverse("api:action-update-list"),
                "page": reverse("outcomes:action-list"),
            },
        }
    )


@api_view()
def action_list(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """Every detailed action with its status, milestones and overdue and stale flags."""
    _, progress = progress_in_force()
    flags = progress.flags
    status = choice_parameter(request, "status", [status.value for status in c.ActionStatus])
    if status:
        flags = flags.filter(pl.col(c.STATUS) == status)
    return paginated(request, frame_rows(flags), _action_json)


@api_view()
def action_detail(request: HttpRequest, viewer: Viewer, code: str) -> JsonResponse:
    """One detailed action with its milestones and updates."""
    _, progress = progress_in_force()
    found = progress.flags.filter(pl.col(c.CODE) == code)
    if found.is_empty():
        return problem(404, "There is no such detailed action.")
    return JsonResponse(
        {
            **_action_json(frame_rows(found)[0]),
            "milestone_list": frame_rows(progress.milestones.filter(pl.col(c.CODE) == code)),
            "updates": frame_rows(progress.updates.filter(pl.col(c.CODE) == code)),
        }
    )


def _code_filter(request: HttpRequest, frame: pl.DataFrame) -> pl.DataFrame:
    code = request.GET.get("code")
    return frame.filter(pl.col(c.CODE) == code) if code else frame


@api_view()
def milestone_list(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """Every milestone: due, completed, complete and overdue at today's date."""
    _, progress = progress_in_force()
    return paginated(request, frame_rows(_code_filter(request, progress.milestones)), same)


@api_view()
def update_list(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """Every progress update, in the plan's order."""
    _, progress = progress_in_force()
    return paginated(request, frame_rows(_code_filter(request, progress.updates)), same)
