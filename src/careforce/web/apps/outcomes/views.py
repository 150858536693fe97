"""The outcomes scorecard, a page per outcome, the action plan with its updates, and downloads.

The scorecard and the action plan are published pages (anyone may read them); partner analysts
and administrators record progress updates, and administrators add milestones and set lead
partners.
"""
# mypy: allow-untyped-decorators

from __future__ import annotations

from typing import Any, Final

import polars as pl
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.action_plan import UnknownActionError
from careforce.core.vocab.bases import Base
from careforce.services.outcomes import Evaluation, OutcomesInputError
from careforce.web.apps.outcomes.forms import (
    ActionFilterForm,
    MilestoneForm,
    PartnersForm,
    UpdateForm,
)
from careforce.web.apps.outcomes.presentation import (
    ACTION_HEAD,
    ScorecardFilterForm,
    action_rows,
    chart_of,
    chart_table,
    contributes_to,
    flag_words,
    history_rows,
    milestone_rows,
    outcome_links,
    outcome_notes,
    outcome_summary,
    outcome_tables,
    overview_table,
    scorecard_view,
    status_tag,
    summary_rows,
)
from careforce.web.backend import publications
from careforce.web.backend.action_plan import (
    ChangeRejectedError,
    change_history,
    find_detail,
    may_plan,
    may_update,
    plan_yaml,
    progress_in_force,
    record_changes,
)
from careforce.web.backend.downloads import DownloadFormat, DownloadTable, page_download
from careforce.web.backend.scorecard import (
    default_period,
    partnership_area,
    published_evaluation,
    scorecard_periods,
)
from careforce.web.models.accounts.terms import Role
from careforce.web.models.outcomes.terms import ChangeKind
from careforce.web.shared.access import client_address, roles_required, viewer_of
from careforce.web.shared.components import table
from careforce.web.shared.downloads import attachment, page_file
from careforce.web.shared.fragments import remembered

CHANGES_PER_PAGE: Final = 50
"""Changes listed on a page of the history."""


# --- the scorecard --------------------------------------------------------------------------


class _Scorecard:
    """The publication, the area and period asked for, and the evaluated framework."""

    def __init__(self, request: HttpRequest) -> None:
        published = publications.published()
        self.published = published
        self.evaluation: Evaluation | None = None
        self.problem: list[str] = []
        self.form: ScorecardFilterForm | None = None
        if published is None:
            return
        self.published_key = published.key
        default = partnership_area(published)
        areas = published.areas
        periods = scorecard_periods(published)
        data = request.GET.copy()
        if not data.get("area") and default:
            data["area"] = default
        self.form = ScorecardFilterForm(data, areas=areas, periods=periods)
        if not self.form.is_valid():
            raise Http404("no such area or period")
        area = self.form.cleaned_data.get("area") or default
        base = Base(self.form.cleaned_data.get("base") or Base.ESTIMATED.value)
        try:
            self.evaluation = published_evaluation(published, area, base=base)
        except OutcomesInputError as error:
            self.problem = error.lines
            return
        self.view = scorecard_view(
            self.evaluation.scorecard,
            self.form.cleaned_data.get("period")
            or default_period(published, self.evaluation.scorecard),
        )
        self.query = (
            f"area={area}"
            + (
                f"&period={self.form.cleaned_data['period']}"
                if self.form.cleaned_data.get("period")
                else ""
            )
            + (f"&base={base.value}" if base is Base.RETURNED else "")
        )

    def unavailable(self, request: HttpRequest) -> HttpResponse | None:
        """The page to show instead when there is nothing to evaluate, else None."""
        if self.published is None:
            return render(
                request,
                "outcomes/empty.html",
                {"pending": publications.pending_publication()},
            )
        if self.problem:
            return render(request, "outcomes/problem.html", {"lines": self.problem}, status=503)
        return None

    @property
    def area_name(self) -> str:
        """The area's name."""
        assert self.evaluation is not None
        return str(self.evaluation.area_name or self.evaluation.area_code or "")


@require_GET
def scorecard_show(request: HttpRequest) -> HttpResponse:
    """Every measure of the framework: latest value, trend and judgement, by outcome."""
    scorecard = _Scorecard(request)
    unavailable = scorecard.unavailable(request)
    if unavailable is not None:
        return unavailable
    assert scorecard.evaluation is not None
    view = scorecard.view
    _, progress = progress_in_force()
    tables = [
        (
            code,
            title,
            overview_table(
                view.rows,
                outcome=code,
                title=title,
                period=view.period,
                href=f"{reverse('outcomes:outcome-detail', args=[code])}?{scorecard.query}",
            ),
        )
        for code, title in view.outcomes
    ]
    return render(
        request,
        "outcomes/scorecard.html",
        {
            "scorecard": scorecard,
            "framework": scorecard.evaluation.framework,
            "view": view,
            "summary": outcome_summary(view.rows),
            "tables": tables,
            "actions": progress.flags,
            "overdue": int(progress.flags.get_column(c.OVERDUE).sum()),
            "stale": int(progress.flags.get_column(c.STALE).sum()),
            "stale_months": progress.plan.stale_after_months,
        },
    )


@require_GET
def outcome_detail(request: HttpRequest, outcome: str) -> HttpResponse:
    """One outcome: its sub-outcomes' measures, the trend chart, notes and the actions for it."""
    scorecard = _Scorecard(request)
    unavailable = scorecard.unavailable(request)
    if unavailable is not None:
        return unavailable
    assert scorecard.evaluation is not None
    titles = dict(scorecard.view.outcomes)
    if outcome not in titles:
        raise Http404("no such outcome")
    title = titles[outcome]
    whole = scorecard.evaluation.scorecard
    chart = remembered(
        (
            "outcome-chart",
            scorecard.published_key,
            scorecard.evaluation.area_code,
            str(scorecard.evaluation.framework_path),
            outcome,
        ),
        lambda: chart_of(whole, outcome, title),
    )
    _, progress = progress_in_force()
    linked = progress.flags.filter(contributes_to(outcome))
    return render(
        request,
        "outcomes/outcome_detail.html",
        {
            "scorecard": scorecard,
            "outcome": outcome,
            "title": title,
            "framework_outcome": next(
                o for o in scorecard.evaluation.framework.outcomes if o.code == outcome
            ),
            "tables": outcome_tables(scorecard.view.rows, outcome, scorecard.view.period),
            "chart": chart,
            "chart_table": chart_table(chart) if chart else None,
            "notes": outcome_notes(scorecard.view.rows, outcome),
            "actions": table(
                caption=f"Detailed actions contributing to outcome {outcome}",
                head=ACTION_HEAD,
                rows=action_rows(linked, href=_action_href),
            ),
        },
    )


def _scorecard_lines(scorecard: _Scorecard, what: str) -> list[str]:
    assert scorecard.evaluation is not None
    return [
        f"{what}: {scorecard.evaluation.framework.name}",
        f"Area: {scorecard.area_name}. Every period of the published measures.",
        scorecard.evaluation.base_note(),
        "One row per framework measure, data source and period. Rates and shares are fractions "
        "(0.322 means 32.2%); intervals are 95% confidence intervals.",
        "Suppressed or missing values are empty with their symbol; every judgement that needs "
        "them is 'cannot be calculated'.",
    ]


@require_GET
def scorecard_download(request: HttpRequest, file_format: str) -> HttpResponse:
    """The scorecard of the area, every period, as CSV, ODS or XLSX."""
    scorecard = _Scorecard(request)
    if scorecard.evaluation is None:
        raise Http404("no scorecard")
    title = f"Outcomes scorecard for {scorecard.area_name}"
    frame = scorecard.evaluation.scorecard
    return page_file(
        request,
        object_type="outcomes",
        name="outcomes-scorecard",
        file_format=file_format,
        content=lambda chosen: page_download(
            title=title,
            lines=_scorecard_lines(scorecard, "Outcomes scorecard"),
            tables=[DownloadTable("Scorecard", title, frame)],
            file_format=chosen,
        ),
    )


@require_GET
def outcome_download(request: HttpRequest, outcome: str, file_format: str) -> HttpResponse:
    """One outcome's rows of the scorecard, every period, as CSV, ODS or XLSX."""
    scorecard = _Scorecard(request)
    if scorecard.evaluation is None:
        raise Http404("no scorecard")
    frame = scorecard.evaluation.scorecard.filter(pl.col(c.OUTCOME) == outcome)
    if frame.is_empty():
        raise Http404("no such outcome")
    title = f"Outcome {outcome} scorecard for {scorecard.area_name}"
    return page_file(
        request,
        object_type="outcomes",
        name=f"outcome-{outcome}",
        file_format=file_format,
        content=lambda chosen: page_download(
            title=title,
            lines=_scorecard_lines(scorecard, f"Outcome {outcome}"),
            tables=[DownloadTable(f"Outcome {outcome}", title, frame)],
            file_format=chosen,
        ),
    )


# --- the action plan ------------------------------------------------------------------------


def _action_href(code: str) -> str:
    return str(reverse("outcomes:action-detail", args=[code]))


def _filtered(flags: pl.DataFrame, form: ActionFilterForm) -> pl.DataFrame:
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("status"):
        flags = flags.filter(pl.col(c.STATUS) == data["status"])
    if data.get("outcome"):
        flags = flags.filter(contributes_to(data["outcome"]))
    flag = data.get("flag")
    if flag == "overdue":
        flags = flags.filter(pl.col(c.OVERDUE))
    elif flag == "stale":
        flags = flags.filter(pl.col(c.STALE))
    elif flag == "either":
        flags = flags.filter(pl.col(c.OVERDUE) | pl.col(c.STALE))
    return flags


@require_GET
def action_list(request: HttpRequest) -> HttpResponse:
    """The key actions and their detailed actions: status, milestones and flags."""
    current, progress = progress_in_force()
    form = ActionFilterForm(request.GET or None, outcomes=current.plan.outcomes)
    shown = _filtered(progress.flags, form)
    sections = []
    for action in current.plan.actions:
        mine = shown.filter(pl.col(c.ACTION) == action.code)
        if mine.is_empty():
            continue
        sections.append(
            (
                action,
                table(
                    caption=f"Detailed actions of action {action.code}",
                    head=ACTION_HEAD,
                    rows=action_rows(mine, href=_action_href),
                    caption_size="s",
                ),
            )
        )
    viewer = viewer_of(request)
    return render(
        request,
        "outcomes/action_list.html",
        {
            "plan": current.plan,
            "progress": progress,
            "form": form,
            "sections": sections,
            "shown": shown.height,
            "summary_rows": summary_rows(progress.summary),
            "may_update": may_update(viewer),
            "query": request.GET.urlencode(),
            "overdue": int(progress.flags.get_column(c.OVERDUE).sum()),
            "stale": int(progress.flags.get_column(c.STALE).sum()),
        },
    )


@require_GET
def action_download(request: HttpRequest, file_format: str) -> HttpResponse:
    """The action plan's progress as CSV, ODS or XLSX: actions, milestones and updates."""
    current, progress = progress_in_force()
    title = f"Action plan progress: {current.plan.name}, {progress.as_of:%d/%m/%Y}"
    detailed = DownloadTable("Detailed actions", "Detailed actions", progress.flags.drop(c.ORDER))

    def content(chosen: DownloadFormat) -> bytes:
        return page_download(
            title=title,
            lines=[
                title,
                f"{progress.flags.height} detailed actions in {len(current.plan.actions)} key "
                "actions.",
                "Overdue: a milestone is past its due date and not complete. Stale: no update "
                f"in the {current.plan.stale_after_months} months before the date.",
            ],
            # A workbook holds each table on a sheet of its own; CSV holds one table only, the
            # detailed actions (stacking tables of different columns makes an unreadable file).
            tables=[detailed]
            if chosen is DownloadFormat.CSV
            else [
                DownloadTable("Key actions", "Key actions by status", progress.summary),
                detailed,
                DownloadTable("Milestones", "Milestones", progress.milestones),
                DownloadTable("Updates", "Progress updates", progress.updates),
            ],
            file_format=chosen,
        )

    return page_file(
        request,
        name="action-plan",
        file_format=file_format,
        object_type="outcomes",
        content=content,
    )


def _detail_or_404(code: str) -> Any:
    current, progress = progress_in_force()
    try:
        action, detail = find_detail(current.plan, code)
    except UnknownActionError as error:
        raise Http404("no such action") from error
    return current, progress, action, detail


@require_GET
def action_detail(request: HttpRequest, code: str) -> HttpResponse:
    """A detailed action: lead partners, status, milestones, updates and their history."""
    current, progress, action, detail = _detail_or_404(code)
    flags = progress.flags.filter(pl.col(c.CODE) == code).row(0, named=True)
    milestones = progress.milestones.filter(pl.col(c.CODE) == code)
    viewer = viewer_of(request)
    signed_in_partner = may_update(viewer)
    history = list(change_history(code)) if signed_in_partner else []
    return render(
        request,
        "outcomes/action_detail.html",
        {
            "plan": current.plan,
            "action": action,
            "detail": detail,
            "flags": flags,
            "milestones": milestones.height,
            "updates": sorted(
                enumerate(detail.updates), key=lambda item: (item[1].date, item[0]), reverse=True
            ),
            "status_tag": status_tag,
            "may_update": signed_in_partner,
            "may_plan": may_plan(viewer),
            "history": history,
            "history_rows": history_rows(history),
            "milestone_rows": milestone_rows(milestones.to_dicts()),
            "outcome_links": outcome_links(detail.outcomes, current.plan.outcomes),
            "flag_words": flag_words(flags, current.plan.stale_after_months),
        },
    )


def _record(
    request: HttpRequest, code: str, changes: list[tuple[ChangeKind, dict[str, Any]]]
) -> list[str]:
    """Record changes; the problems to show on the form ([] when recorded)."""
    try:
        record_changes(
            viewer_of(request), code=code, changes=changes, ip_address=client_address(request)
        )
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    except ChangeRejectedError as error:
        return error.lines
    return []


@roles_required(Role.ADMINISTRATOR, Role.ANALYST)
@require_http_methods(["GET", "POST"])
def update_create(request: HttpRequest, code: str) -> HttpResponse:
    """Record a progress update (partner analysts and administrators)."""
    current, _, action, detail = _detail_or_404(code)
    form = UpdateForm(request.POST or None, detail=detail, start_date=current.plan.start_date)
    if request.method == "POST" and form.is_valid():
        payload = form.update_payload()
        changes: list[tuple[ChangeKind, dict[str, Any]]] = [(ChangeKind.UPDATE, payload)]
        index = form.milestone_index()
        if index is not None:
            changes.append(
                (
                    ChangeKind.MILESTONE_COMPLETED,
                    {
                        "index": index,
                        "title": detail.milestones[index].title,
                        "completed": payload["date"],
                    },
                )
            )
        problems = _record(request, code, changes)
        if not problems:
            messages.success(request, f"Your update to {code} has been recorded.")
            return redirect("outcomes:action-detail", code)
        for problem in problems:
            form.add_error(None, problem)
    return render(
        request,
        "outcomes/update_form.html",
        {"form": form, "action": action, "detail": detail},
        status=400 if form.errors else 200,
    )


@roles_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def milestone_create(request: HttpRequest, code: str) -> HttpResponse:
    """Add a milestone with a due date (administrators, as the partnership board agrees)."""
    current, _, action, detail = _detail_or_404(code)
    form = MilestoneForm(request.POST or None, start_date=current.plan.start_date)
    if request.method == "POST" and form.is_valid():
        problems = _record(request, code, [(ChangeKind.MILESTONE, form.milestone_payload())])
        if not problems:
            messages.success(request, f"The milestone has been added to {code}.")
            return redirect("outcomes:action-detail", code)
        for problem in problems:
            form.add_error(None, problem)
    return render(
        request,
        "outcomes/milestone_form.html",
        {"form": form, "action": action, "detail": detail},
        status=400 if form.errors else 200,
    )


@roles_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def partners_update(request: HttpRequest, code: str) -> HttpResponse:
    """Set the lead partners (administrators, as the partnership board agrees)."""
    _, _, action, detail = _detail_or_404(code)
    form = PartnersForm(request.POST or None, initial={"partners": "\n".join(detail.lead_partners)})
    if request.method == "POST" and form.is_valid():
        partners = form.cleaned_data["partners"]
        problems = _record(request, code, [(ChangeKind.LEAD_PARTNERS, {"partners": partners})])
        if not problems:
            messages.success(request, f"The lead partners of {code} have been saved.")
            return redirect("outcomes:action-detail", code)
        for problem in problems:
            form.add_error(None, problem)
    return render(
        request,
        "outcomes/partners_form.html",
        {"form": form, "action": action, "detail": detail},
        status=400 if form.errors else 200,
    )


@roles_required(Role.ADMINISTRATOR, Role.ANALYST)
@require_GET
def change_list(request: HttpRequest) -> HttpResponse:
    """Every change recorded to the action plan on the service, newest first."""
    page = Paginator(list(change_history()), CHANGES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "outcomes/change_list.html",
        {"page": page, "rows": history_rows(page.object_list, with_code=True)},
    )


@roles_required(Role.ADMINISTRATOR, Role.ANALYST)
@require_GET
def plan_download(request: HttpRequest) -> HttpResponse:
    """The plan in force as an action-plan file (YAML), for the command line or to keep."""
    current, _ = progress_in_force()
    return attachment(
        request,
        plan_yaml(current),
        file_name="action-plan.yaml",
        media_type="application/yaml; charset=utf-8",
        object_type="action-plan",
        object_id=current.path.name,
    )
