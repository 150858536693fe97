"""The workforce survey's pages.

Respondents answer a round through its link with no account: a start page, one question per
page, a check-your-answers page and a confirmation (GOV.UK patterns, no JavaScript needed). The
answers are kept in the session until submitted, so a respondent can leave and come back.
Partner analysts and administrators open and close rounds, watch the number of responses and
read the results.
"""
# mypy: allow-untyped-decorators

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careforce.core.survey.answers import (
    AnswerError,
    next_question,
    parse_answer,
    routed_answers,
    shown,
    visible_questions,
)
from careforce.core.survey.questionnaire import Question, Questionnaire
from careforce.web.apps.survey.presentation import (
    answer_text,
    download_tables,
    likert_tables,
    measure_rows,
    question_component,
    ranking_tables,
)
from careforce.web.backend import survey as backend
from careforce.web.backend.downloads import DownloadFormat, page_download
from careforce.web.models.accounts.terms import Role
from careforce.web.models.survey.terms import RoundStatus
from careforce.web.shared.access import client_address, roles_required
from careforce.web.shared.downloads import attachment, page_file

if TYPE_CHECKING:
    from careforce.web.models.survey.models import SurveyRound

ANALYSTS: Final = (Role.ANALYST, Role.ADMINISTRATOR)
"""Who runs rounds and reads their results."""
ROUND_NAME_LENGTH: Final = 20
"""Longest round name, e.g. 2024 or 2024-spring."""


# --- answering a round --------------------------------------------------------------------


def _round(token: str) -> SurveyRound:
    try:
        return backend.round_by_token(token)
    except backend.UnknownRoundError as error:
        raise Http404("no such survey") from error


def _answers(request: HttpRequest, token: str) -> dict[str, Any]:
    stored = request.session.get(f"survey:{token}", {})
    return dict(stored) if isinstance(stored, dict) else {}


def _keep(request: HttpRequest, token: str, answers: dict[str, Any]) -> None:
    request.session[f"survey:{token}"] = answers


def _closed(request: HttpRequest, survey_round: SurveyRound) -> HttpResponse:
    survey = backend.questionnaire(survey_round.questionnaire)
    return render(request, "survey/closed.html", {"survey": survey}, status=410)


def _next_url(token: str, survey: Questionnaire, answers: dict[str, Any]) -> str:
    following = next_question(survey, answers)
    if following is None:
        return reverse("survey:response-create", args=[token])
    return reverse("survey:answer-update", args=[token, following.id])


@require_GET
def start_show(request: HttpRequest, token: str) -> HttpResponse:
    """The start page of a round's link."""
    survey_round = _round(token)
    if survey_round.status != RoundStatus.OPEN:
        return _closed(request, survey_round)
    survey = backend.questionnaire(survey_round.questionnaire)
    answers = _answers(request, token)
    context = {
        "survey": survey,
        "token": token,
        "start": _next_url(token, survey, answers)
        if answers
        else reverse("survey:answer-update", args=[token, survey.questions[0].id]),
        "resuming": bool(answers),
        "questions": len(survey.questions),
    }
    return render(request, "survey/start.html", context)


def _question(survey: Questionnaire, question_id: str) -> Question:
    try:
        return survey.question(question_id)
    except KeyError as error:
        raise Http404("no such question") from error


@require_http_methods(["GET", "POST"])
def answer_update(request: HttpRequest, token: str, question_id: str) -> HttpResponse:
    """One question of a round: its form, and its answer checked and kept."""
    survey_round = _round(token)
    if survey_round.status != RoundStatus.OPEN:
        return _closed(request, survey_round)
    survey = backend.questionnaire(survey_round.questionnaire)
    question = _question(survey, question_id)
    answers = _answers(request, token)
    if not shown(question, answers):
        return redirect(_next_url(token, survey, answers))
    error = ""
    current = answers.get(question.id)
    if request.method == "POST":
        try:
            backend.note_answer(survey_round, client=client_address(request))
        except backend.RateLimitedError:
            return render(request, "survey/busy.html", {"survey": survey}, status=429)
        values = request.POST.getlist("answer")
        try:
            answers[question.id] = parse_answer(question, values)
        except AnswerError as problem:
            error, current = str(problem), values
        else:
            answers = routed_answers(survey, answers)
            _keep(request, token, answers)
            if request.GET.get("change") and next_question(survey, answers) is None:
                return redirect(reverse("survey:response-create", args=[token]))
            return redirect(_next_url(token, survey, answers))
    asked = visible_questions(survey, answers)
    position = next((i for i, q in enumerate(asked) if q.id == question.id), 0)
    back = (
        reverse("survey:answer-update", args=[token, asked[position - 1].id])
        if position > 0
        else reverse("survey:start-show", args=[token])
    )
    context = {
        "survey": survey,
        "question": question,
        "component": question_component(question, current, error=error),
        "kind": question.type.value,
        "error": error,
        "back": back,
        "position": position + 1,
    }
    return render(request, "survey/question.html", context, status=400 if error else 200)


@require_http_methods(["GET", "POST"])
def response_create(request: HttpRequest, token: str) -> HttpResponse:
    """Check your answers, then send them."""
    survey_round = _round(token)
    if survey_round.status != RoundStatus.OPEN:
        return _closed(request, survey_round)
    survey = backend.questionnaire(survey_round.questionnaire)
    answers = _answers(request, token)
    missing = next_question(survey, answers)
    if missing is not None:
        return redirect(reverse("survey:answer-update", args=[token, missing.id]))
    if request.method == "POST":
        try:
            backend.submit(survey_round, answers, client=client_address(request))
        except backend.RateLimitedError:
            return render(request, "survey/busy.html", {"survey": survey}, status=429)
        request.session.pop(f"survey:{token}", None)
        request.session[f"survey-done:{token}"] = True
        return redirect(reverse("survey:confirmation-show", args=[token]))
    rows = [
        {
            "key": {"text": question.text},
            "value": {"text": answer_text(question, answers.get(question.id))},
            "actions": {
                "items": [
                    {
                        "href": reverse("survey:answer-update", args=[token, question.id])
                        + "?change=1",
                        "text": "Change",
                        "visuallyHiddenText": question.text,
                    }
                ]
            },
        }
        for question in visible_questions(survey, answers)
    ]
    return render(request, "survey/check.html", {"survey": survey, "rows": rows})


@require_GET
def confirmation_show(request: HttpRequest, token: str) -> HttpResponse:
    """The confirmation that a response was sent."""
    survey_round = _round(token)
    survey = backend.questionnaire(survey_round.questionnaire)
    if not request.session.get(f"survey-done:{token}"):
        return redirect(reverse("survey:start-show", args=[token]))
    return render(request, "survey/done.html", {"survey": survey})


# --- analysts' rounds -----------------------------------------------------------------------


def _round_by_id(round_id: int) -> SurveyRound:
    try:
        return backend.round_by_id(round_id)
    except backend.UnknownRoundError as error:
        raise Http404("no such round") from error


@roles_required(*ANALYSTS)
@require_http_methods(["GET", "POST"])
def round_list(request: HttpRequest) -> HttpResponse:
    """Every round with its link, status and number of responses; a form to open a new one."""
    names = backend.questionnaire_names()
    problems: dict[str, str] = {}
    chosen, name = names[0], ""
    if request.method == "POST":
        chosen = str(request.POST.get("questionnaire", ""))
        name = str(request.POST.get("name", "")).strip()
        if chosen not in names:
            problems["questionnaire"] = "Select a questionnaire"
        if not name or len(name) > ROUND_NAME_LENGTH or not name.replace("-", "").isalnum():
            problems["name"] = "Enter a round name of letters, digits and hyphens, like 2024"
        if not problems:
            try:
                created = backend.create_round(chosen, name, user=request.user)  # type: ignore[arg-type]
            except backend.RoundNameTakenError:
                problems["name"] = f"The {chosen} survey already has a round called {name}"
            else:
                messages.success(request, f"The {chosen} survey round {created.name} is open.")
                return redirect(reverse("survey:round-list"))
    rounds = [
        {
            "round": found,
            "link": request.build_absolute_uri(reverse("survey:start-show", args=[found.token])),
        }
        for found in backend.rounds()
    ]
    context = {
        "rounds": rounds,
        "names": names,
        "chosen": chosen,
        "name": name,
        "problems": problems,
        "error_list": [{"text": text, "href": f"#{key}"} for key, text in problems.items()],
        "questionnaire_items": [
            {"value": n, "text": n.capitalize(), "checked": n == chosen} for n in names
        ],
    }
    return render(request, "survey/round_list.html", context, status=400 if problems else 200)


@roles_required(*ANALYSTS)
@require_POST
def round_status_update(request: HttpRequest, round_id: int) -> HttpResponse:
    """Open or close a round."""
    survey_round = _round_by_id(round_id)
    try:
        status = RoundStatus(str(request.POST.get("status", "")))
    except ValueError:
        return HttpResponse("Choose open or closed.", status=400, content_type="text/plain")
    try:
        backend.set_status(survey_round, status)
    except backend.AggregateRoundError:
        return HttpResponse(
            "The published baseline takes no responses.", status=400, content_type="text/plain"
        )
    messages.success(request, f"The round {survey_round} is {status.value}.")
    return redirect(reverse("survey:round-list"))


@roles_required(*ANALYSTS)
@require_GET
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    """A round's results: the measures with their intervals (chart and table), Likert
    questions and rankings; groups under 10 respondents withheld."""
    found = backend.results(_round_by_id(round_id))
    report = found.results.report
    context = {
        "survey_round": found.survey_round,
        "survey": found.questionnaire,
        "respondents": report.respondents,
        "measures": measure_rows(found.results.measures),
        "chart": backend.results_chart(found),
        "rankings": ranking_tables(report),
        "likert": likert_tables(report),
    }
    return render(request, "survey/round_detail.html", context)


@roles_required(*ANALYSTS)
@require_GET
def round_download(request: HttpRequest, round_id: int, file_format: str) -> HttpResponse:
    """A round's results as an HTML or PDF report, or its tables as CSV, ODS or XLSX."""
    found = backend.results(_round_by_id(round_id))
    name = f"survey-{found.survey_round.questionnaire}-{found.survey_round.name}"
    if file_format in ("html", "pdf"):
        html = file_format == "html"
        return attachment(
            request,
            backend.results_html(found).encode("utf-8") if html else backend.results_pdf(found),
            file_name=f"{name}.{file_format}",
            media_type="text/html; charset=utf-8" if html else "application/pdf",
            object_type="survey-round",
            object_id=found.survey_round.pk,
        )
    title = f"{found.questionnaire.title} {found.survey_round.name}: results"

    def content(chosen: DownloadFormat) -> bytes:
        return page_download(
            title=title,
            lines=[f"{found.results.report.respondents} responses. Groups under 10 withheld [c]."],
            tables=download_tables(found.results),
            file_format=chosen,
        )

    return page_file(
        request, name=name, file_format=file_format, object_type="survey-round", content=content
    )
