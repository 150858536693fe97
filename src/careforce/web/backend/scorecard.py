"""The outcomes scorecard of the published measures: the framework in force
(``CAREFORCE_OUTCOMES_FRAMEWORK``, else the shipped Staffordshire framework) evaluated against
the current publication for one area.

The published survey baseline (see :func:`careforce.web.backend.survey.load_baseline`) and the
closed survey rounds named by their year are evaluated beside the publication (see
:func:`careforce.web.backend.survey.scorecard_survey_measures`), so the framework's survey
measures have their baseline and follow the survey from round to round.

The publication is disclosure-controlled, so the scorecard shows nothing that is not already
published: a suppressed value stays ``[c]`` and every judgement that needs it cannot be made.
"""

from __future__ import annotations

import threading

import polars as pl
from django.conf import settings

from careforce.core.outcomes.report import latest_period
from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import Base
from careforce.services.outcomes import (
    Evaluation,
    configuration_path,
    evaluate,
    load_framework,
)
from careforce.web.backend.publications import Published
from careforce.web.backend.survey import scorecard_survey_measures
from careforce.web.models.organisations.models import Organisation
from careforce.web.models.organisations.terms import OrganisationKind

_cache: dict[tuple[object, ...], Evaluation] = {}
_cache_lock = threading.Lock()
MAX_KEPT = 16
"""Evaluations kept in memory (one per publication and area)."""


def framework_file() -> str | None:
    """The configured framework file (None: the shipped Staffordshire framework)."""
    configured: str | None = getattr(settings, "CAREFORCE_OUTCOMES_FRAMEWORK", None)
    return configured or None


def partnership_area(published: Published) -> str | None:
    """The area the scorecard shows by default: the service's council area
    (``CAREFORCE_AREA_CODE``) when it is published, else a council organisation's area, else
    the first published area."""
    codes = [code for code, _ in published.areas]
    councils = Organisation.objects.filter(kind=OrganisationKind.COUNCIL.value)
    candidates = [
        settings.CAREFORCE_BRANDING.area_code,
        *councils.order_by("id").values_list("area_code", flat=True),
    ]
    for code in candidates:
        if code in codes:
            return str(code)
    return codes[0] if codes else None


def published_evaluation(
    published: Published, area: str | None, *, base: Base = Base.ESTIMATED
) -> Evaluation:
    """The framework evaluated against the publication for an area (kept in memory), on the
    whole sector as estimated where the publication holds the estimates, or on the returns
    alone (``base``).

    Raises:
        OutcomesInputError: the framework cannot be used with the publication (a measure id
            it names is not published, for example) or the area is not published.
    """
    path = configuration_path(framework_file(), framework=True)
    survey_key, baseline = scorecard_survey_measures()
    key = (published.key, area, str(path), path.stat().st_mtime_ns, survey_key, base)
    with _cache_lock:
        found = _cache.get(key)
    if found is not None:
        return found
    loaded = load_framework(path)
    table = published.table
    if baseline is not None:
        table = pl.concat([table, baseline], how="diagonal_relaxed")
    evaluation = evaluate(
        loaded.framework,
        table,
        area=area,
        lines=loaded.lines,
        framework_path=loaded.path,
        base=base,
    )
    with _cache_lock:
        if len(_cache) >= MAX_KEPT:
            _cache.clear()
        _cache[key] = evaluation
    return evaluation


def scorecard_periods(published: Published) -> list[str]:
    """The periods the scorecard offers, newest first: the publication's and the survey
    rounds' it reads."""
    _, baseline = scorecard_survey_measures()
    extra = set() if baseline is None else set(baseline.get_column(pub.PERIOD).unique())
    return sorted({*published.periods, *extra}, reverse=True)


def default_period(published: Published, scorecard: pl.DataFrame) -> str | None:
    """The period the scorecard shows unless asked: the latest of the publication's periods
    with any value (a survey round's year has the survey measures only)."""
    return latest_period(scorecard.filter(pl.col(pub.PERIOD).is_in(published.periods)))
