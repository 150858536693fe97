"""The JSON API of a provider's benchmarks: administrators, and the users of the organisation
(or of its parent) only, as on the page (``/benchmarks/``); another organisation answers 404."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from careforce.web.apps.api.responses import RECORD_ROLES, api_view, frame_rows, problem
from careforce.web.backend.access import NotVisibleError, Viewer
from careforce.web.backend.benchmarks import Base, NoBenchmarkDataError, provider_benchmarks


@api_view(roles=RECORD_ROLES)
def benchmark_show(request: HttpRequest, viewer: Viewer, organisation_id: int) -> JsonResponse:
    """One workplace of the organisation against comparable workplaces in a period
    (``period`` and ``workplace`` as on the page; default: the latest and the first)."""
    try:
        report = provider_benchmarks(
            viewer=viewer,
            organisation_id=organisation_id,
            period=request.GET.get("period") or None,
            workplace=request.GET.get("workplace") or None,
            base=Base.RETURNED
            if request.GET.get("base") == Base.RETURNED.value
            else Base.ESTIMATED,
        )
    except NotVisibleError:
        return problem(404, "There is no such organisation.")
    except NoBenchmarkDataError as error:
        return problem(404, str(error))
    return JsonResponse(
        {
            "organisation": {"id": report.organisation.pk, "name": report.organisation.name},
            "period": report.period,
            "periods": report.periods,
            "workplace": {
                "key": report.workplace.key,
                "reference": report.workplace.reference,
                "name": report.workplace.name,
                "main_service": report.workplace.main_service,
            },
            "workplaces": [
                {
                    "key": choice.key,
                    "reference": choice.reference,
                    "name": choice.name,
                    "main_service": choice.main_service,
                }
                for choice in report.workplaces
            ],
            "disclosure": {
                "min_workers": report.policy.min_workers,
                "min_workplaces": report.policy.min_workplaces,
            },
            "rows": frame_rows(report.rows),
            "group_sizes": frame_rows(report.sizes),
            "links": {
                "page": f"{reverse('benchmarks:benchmark-show')}?organisation={organisation_id}"
            },
        }
    )
