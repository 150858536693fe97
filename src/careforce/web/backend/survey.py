"""The workforce survey in the web service: rounds with an anonymous link, answers kept in the
respondent's session until submitted, responses stored redacted, counts and results.

Submissions are rate-limited per client address, so one person cannot flood a round: the counts
are kept in the database by the sign-in throttle's mechanism (:mod:`careforce.web.backend.throttle`),
so they are exact however many server processes answer; the address is counted as a keyed hash,
never stored with a response, and responses hold their answers only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import polars as pl
from django.conf import settings
from django.db import transaction
from django.db.models import Count, QuerySet

from careforce.core.survey.answers import routed_answers
from careforce.core.survey.columns import RESPONSE_ID, ROUND
from careforce.core.survey.questionnaire import Questionnaire, QuestionType
from careforce.core.survey.redaction import Redactor
from careforce.core.survey.responses import Finding, responses_schema
from careforce.core.vocab import published as pub
from careforce.io.survey_files import (
    read_questionnaire_file,
    shipped_questionnaires,
    shipped_redactor,
)
from careforce.services.survey import (
    DEFAULT_AREA,
    RoundResults,
    SurveyInputError,
    finding_line,
    import_export,
    measures_chart_svg,
    report_html,
    report_pdf,
    round_results,
)
from careforce.services.survey_baseline import (
    aggregate_results,
    answers_frame,
    answers_rows,
    baseline_rounds,
    measures_frame,
    measures_rows,
)
from careforce.web.backend.branding import branding_from_environment
from careforce.web.backend.throttle import take_place
from careforce.web.models.accounts.models import User
from careforce.web.models.survey.models import SurveyImport, SurveyResponse, SurveyRound
from careforce.web.models.survey.terms import RoundStatus

SUBMISSIONS_PER_HOUR: Final = 20
"""Responses one client address may submit to a round in an hour: enough for a shared computer
in a care home's staff room, too few to flood a round."""
ANSWERS_PER_HOUR: Final = 600
"""Answers (question pages) one client address may send in an hour."""
HOUR: Final = 3600
"""Seconds in the rate-limit window."""
TOKEN_BYTES: Final = 16
"""Random bytes of a round's link token (128 bits: not guessable)."""
STORED_ID_LENGTH: Final = 40
"""Longest stored response id (an imported id is prefixed with its round, or hashed)."""


class RoundNameTakenError(ValueError):
    """The questionnaire already has a round of that name."""


class UnknownRoundError(LookupError):
    """No round has that id or link."""


class RateLimitedError(RuntimeError):
    """The client sent too much in the last hour."""


class AggregateRoundError(ValueError):
    """An aggregate round (the published baseline) has no link and cannot be opened."""


@lru_cache(maxsize=8)
def questionnaire(name: str) -> Questionnaire:
    """A shipped questionnaire by name (cached: the files do not change while serving)."""
    return read_questionnaire_file(name).questionnaire


def questionnaire_names() -> list[str]:
    """The shipped questionnaires' names."""
    return list(shipped_questionnaires())


@lru_cache(maxsize=1)
def _redactor() -> Redactor:
    return shipped_redactor()


def rounds() -> QuerySet[SurveyRound]:
    """Every round, newest first, with its number of responses (``response_count``)."""
    return SurveyRound.objects.annotate(response_count=Count("responses")).order_by(
        "-name", "questionnaire"
    )


def round_by_id(round_id: int) -> SurveyRound:
    """A round by id.

    Raises:
        UnknownRoundError: no such round.
    """
    found = SurveyRound.objects.filter(pk=round_id).first()
    if found is None:
        raise UnknownRoundError(round_id)
    return found


def round_by_token(token: str) -> SurveyRound:
    """A round by its link token.

    Raises:
        UnknownRoundError: no such round.
    """
    found = SurveyRound.objects.filter(token=token).first()
    if found is None:
        raise UnknownRoundError(token)
    return found


def create_round(questionnaire_name: str, name: str, *, user: User | None) -> SurveyRound:
    """Open a new round of a shipped questionnaire.

    Raises:
        RoundNameTakenError: the questionnaire already has a round of that name.
    """
    with transaction.atomic():
        if SurveyRound.objects.filter(questionnaire=questionnaire_name, name=name).exists():
            raise RoundNameTakenError(name)
        return SurveyRound.objects.create(
            questionnaire=questionnaire_name,
            name=name,
            token=secrets.token_urlsafe(TOKEN_BYTES),
            status=RoundStatus.OPEN,
            created_by=user,
        )


def set_status(survey_round: SurveyRound, status: RoundStatus) -> SurveyRound:
    """Open or close a round.

    Raises:
        AggregateRoundError: opening an aggregate round (it takes no responses).
    """
    if survey_round.aggregate is not None and status is RoundStatus.OPEN:
        raise AggregateRoundError(str(survey_round))
    survey_round.status = status
    survey_round.save(update_fields=["status"])
    return survey_round


def _limited(kind: str, client: str, survey_round: SurveyRound, limit: int) -> None:
    secret = str(settings.SECRET_KEY).encode()
    hashed = hashlib.blake2b(client.encode(), key=secret[:64], digest_size=16).hexdigest()
    scope = f"survey-{kind}:{survey_round.pk}"
    if take_place(scope, hashed, limit=limit, window=dt.timedelta(seconds=HOUR)) is not None:
        raise RateLimitedError(kind)


def note_answer(survey_round: SurveyRound, *, client: str) -> None:
    """Count one answer sent from a client address.

    Raises:
        RateLimitedError: too many in the last hour.
    """
    _limited("answer", client, survey_round, ANSWERS_PER_HOUR)


def redacted(answers: Mapping[str, Any], survey: Questionnaire) -> dict[str, Any]:
    """The answers with every free-text answer redacted."""
    out = dict(answers)
    for question in survey.questions:
        value = out.get(question.id)
        if question.type is QuestionType.FREE_TEXT and isinstance(value, str):
            out[question.id] = _redactor().redact(value).text
    return out


def submit(survey_round: SurveyRound, answers: Mapping[str, Any], *, client: str) -> SurveyResponse:
    """Store a response: the answers routing asks, free text redacted.

    Raises:
        RateLimitedError: the client submitted too many responses in the last hour.
    """
    _limited("submit", client, survey_round, SUBMISSIONS_PER_HOUR)
    survey = questionnaire(survey_round.questionnaire)
    kept = redacted(routed_answers(survey, answers), survey)
    return SurveyResponse.objects.create(
        survey_round=survey_round, response_id=secrets.token_hex(10), answers=kept
    )


def responses_frame(survey_round: SurveyRound) -> pl.DataFrame:
    """A round's responses as a typed frame (a column per question)."""
    survey = questionnaire(survey_round.questionnaire)
    schema = responses_schema(survey)
    rows = [
        {
            RESPONSE_ID: response.response_id,
            ROUND: survey_round.name,
            **{q.id: response.answers.get(q.id) for q in survey.questions},
        }
        for response in survey_round.responses.all()
    ]
    frame = pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)
    empty_lists = [
        pl.when(pl.col(q.id).list.len() == 0).then(None).otherwise(pl.col(q.id)).alias(q.id)
        for q in survey.questions
        if q.type is QuestionType.MULTIPLE_CHOICE
    ]
    return frame.with_columns(empty_lists) if empty_lists else frame


@dataclass(frozen=True)
class Results:
    """A round's results and what it is."""

    survey_round: SurveyRound
    questionnaire: Questionnaire
    results: RoundResults


def results(survey_round: SurveyRound) -> Results:
    """A round's survey measures and report content (groups under 10 withheld); an aggregate
    round's are its published measures and counts of answers."""
    survey = questionnaire(survey_round.questionnaire)
    kept = survey_round.aggregate
    if kept is not None:
        found = aggregate_results(
            survey,
            round_name=survey_round.name,
            respondents=int(kept["respondents"]),
            measures=measures_frame(kept["measures"]),
            answers=answers_frame(kept["answers"]),
        )
        return Results(survey_round, survey, found)
    branding = branding_from_environment()
    area = (branding.area_code or DEFAULT_AREA[0], branding.area_name or DEFAULT_AREA[1])
    found = round_results(
        responses_frame(survey_round), survey, round_name=survey_round.name, area=area
    )
    return Results(survey_round, survey, found)


def results_chart(found: Results) -> str:
    """The headline measures chart as accessible inline SVG (empty when nothing to draw)."""
    return measures_chart_svg(found.results.report)


def results_html(found: Results) -> str:
    """The round's results as one self-contained HTML report."""
    return report_html(found.results)


def results_pdf(found: Results) -> bytes:
    """The round's results report as PDF."""
    return report_pdf(found.results)


@dataclass(frozen=True)
class WebImport:
    """What importing an export into a round did."""

    survey_round: SurveyRound
    added: int
    repeated: int
    already_imported: bool
    findings: list[Finding]


def _stored_id(survey_round: SurveyRound, response_id: str) -> str:
    text = f"{survey_round.pk}:{response_id}"
    if len(text) <= STORED_ID_LENGTH:
        return text
    return f"{survey_round.pk}:" + hashlib.sha256(response_id.encode()).hexdigest()[:30]


def import_export_into_round(
    *,
    questionnaire_name: str,
    round_name: str,
    responses: Path,
    mapping: Path | None = None,
) -> WebImport:
    """Import another tool's export into a round (created closed if new), all or nothing; a
    file imported before is recognised and responses already there are not added twice.

    Raises:
        SurveyInputError: an input cannot be used or the export has errors.
    """
    read = import_export(
        questionnaire=questionnaire_name,
        responses=responses,
        mapping=mapping,
        round_name=round_name,
    )
    if read.imported.errors:
        raise SurveyInputError([finding_line(f, file=str(responses)) for f in read.imported.errors])
    with transaction.atomic():
        survey_round, _ = SurveyRound.objects.get_or_create(
            questionnaire=read.questionnaire.id,
            name=round_name,
            defaults={"token": secrets.token_urlsafe(TOKEN_BYTES), "status": RoundStatus.CLOSED},
        )
        if survey_round.imports.filter(sha256=read.sha256).exists():
            return WebImport(survey_round, 0, 0, True, read.imported.findings)
        frame = read.imported.responses
        ids = [_stored_id(survey_round, str(r)) for r in frame.get_column(RESPONSE_ID).to_list()]
        known = set(
            SurveyResponse.objects.filter(response_id__in=ids).values_list("response_id", flat=True)
        )
        questions = [q.id for q in read.questionnaire.questions if q.id in frame.columns]
        new = [
            SurveyResponse(
                survey_round=survey_round,
                response_id=stored,
                answers={q: row[q] for q in questions},
            )
            for stored, row in zip(ids, frame.iter_rows(named=True), strict=True)
            if stored not in known
        ]
        SurveyResponse.objects.bulk_create(new)
        SurveyImport.objects.create(
            survey_round=survey_round,
            sha256=read.sha256,
            file_name=responses.name[:255],
            rows=frame.height,
            added=len(new),
        )
    return WebImport(survey_round, len(new), frame.height - len(new), False, read.imported.findings)


def load_baseline() -> list[SurveyRound]:
    """Load the shipped 2022 baseline into the database: one closed aggregate round per
    questionnaire (``2022 baseline``), marked as the published baseline, holding its published
    measures and counts of answers and no individual responses. Loading again replaces them."""
    names = questionnaire_names()
    loaded = []
    with transaction.atomic():
        for part in baseline_rounds({name: questionnaire(name) for name in names}):
            values = {
                "status": RoundStatus.CLOSED,
                "baseline": True,
                "aggregate": {
                    "respondents": part.respondents,
                    "measures": measures_rows(part.measures),
                    "answers": answers_rows(part.answers),
                },
            }
            survey_round, _ = SurveyRound.objects.update_or_create(
                questionnaire=part.questionnaire,
                name=part.name,
                defaults=values,
                create_defaults={**values, "token": secrets.token_urlsafe(TOKEN_BYTES)},
            )
            loaded.append(survey_round)
    return loaded


def baseline_measures() -> tuple[tuple[int, ...], pl.DataFrame | None]:
    """The published baseline rounds' measures (rows of the published table) for the
    scorecard, with the rounds' ids (None when no baseline is loaded)."""
    found = list(SurveyRound.objects.filter(baseline=True, aggregate__isnull=False).order_by("pk"))
    if not found:
        return (), None
    frames = [measures_frame(r.aggregate["measures"]) for r in found if r.aggregate is not None]
    return tuple(r.pk for r in found), pl.concat(frames, how="vertical")


YEAR_ROUND: Final = r"^\d{4}$"
"""Names of rounds the scorecard reads as periods beside the measures: a calendar year."""


def _scorecard_rounds() -> list[tuple[int, int]]:
    """Closed rounds named by their year with responses, of a shipped questionnaire: (id,
    responses), oldest first."""
    closed = (
        SurveyRound.objects.filter(
            baseline=False,
            aggregate__isnull=True,
            status=RoundStatus.CLOSED,
            name__regex=YEAR_ROUND,
            questionnaire__in=questionnaire_names(),
        )
        .annotate(answered=Count("responses"))
        .filter(answered__gt=0)
        .order_by("name", "questionnaire", "pk")
        .values_list("pk", "answered")
    )
    return list(closed)


_round_measures: dict[tuple[int, int], pl.DataFrame] = {}
"""Measures of the rounds the scorecard reads, by (round id, responses)."""


def scorecard_survey_measures() -> tuple[tuple[object, ...], pl.DataFrame | None]:
    """The survey measures the scorecard reads beside the publication, with a key that changes
    when they do (None when there are none): the published baseline rounds', then those of every
    closed round named by its year (``2023``) that has responses, so the scorecard follows the
    survey from round to round. A year a baseline round publishes is taken from the baseline."""
    baseline_rounds, baseline = baseline_measures()
    frames = [] if baseline is None else [baseline]
    taken = set() if baseline is None else set(baseline.get_column(pub.PERIOD).cast(pl.String))
    found = _scorecard_rounds()
    for kept in found:
        measures = _round_measures.get(kept)
        if measures is None:
            measures = results(SurveyRound.objects.get(pk=kept[0])).results.measures
            if len(_round_measures) >= 64:
                _round_measures.clear()
            _round_measures[kept] = measures
        measures = measures.filter(~pl.col(pub.PERIOD).cast(pl.String).is_in(sorted(taken)))
        if measures.height:
            frames.append(measures)
    key = (baseline_rounds, tuple(found))
    return key, pl.concat(frames, how="diagonal_relaxed") if frames else None
