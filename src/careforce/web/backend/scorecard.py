"""The outcomes scorecard of the published measures: the framework in force
(``CAREFORCE_OUTCOMES_FRAMEWORK``, else the shipped Staffordshire framework) evaluated against
the current publication for one area.

The publication is disclosure-controlled, so the scorecard shows nothing that is not already
published: a suppressed value stays ``[c]`` and every judgement that needs it cannot be made.
"""

from __future__ import annotations

import threading

from django.conf import settings

from careforce.services.outcomes import (
    Evaluation,
    configuration_path,
    evaluate,
    load_framework,
)
from careforce.web.backend.publications import Published
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


def published_evaluation(published: Published, area: str | None) -> Evaluation:
    """The framework evaluated against the publication for an area (kept in memory).

    Raises:
        OutcomesInputError: the framework cannot be used with the publication (a measure id
            it names is not published, for example) or the area is not published.
    """
    path = configuration_path(framework_file(), framework=True)
    key = (published.key, area, str(path), path.stat().st_mtime_ns)
    with _cache_lock:
        found = _cache.get(key)
    if found is not None:
        return found
    loaded = load_framework(path)
    evaluation = evaluate(
        loaded.framework,
        published.table,
        area=area,
        lines=loaded.lines,
        framework_path=loaded.path,
    )
    with _cache_lock:
        if len(_cache) >= MAX_KEPT:
            _cache.clear()
        _cache[key] = evaluation
    return evaluation
