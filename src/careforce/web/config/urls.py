"""The service's URLs: one include per app."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("", include("careforce.web.apps.pages.urls")),
    path("", include("careforce.web.shared.urls")),
    path("", include("careforce.web.apps.accounts.urls")),
    path("organisations/", include("careforce.web.apps.organisations.urls")),
    path("uploads/", include("careforce.web.apps.uploads.urls")),
    path("measures/", include("careforce.web.apps.indicators.urls")),
    path("benchmarks/", include("careforce.web.apps.benchmarks.urls")),
    path("submissions/", include("careforce.web.apps.submissions.urls")),
    path("", include("careforce.web.apps.outcomes.urls")),
    path("survey/", include("careforce.web.apps.survey.urls")),
    path("training-needs/", include("careforce.web.apps.training_needs.urls")),
    path("labour-market/", include("careforce.web.apps.labour.urls")),
    path("api/v1/", include("careforce.web.apps.api.urls")),
    path("projections/", include("careforce.web.apps.projections.urls")),
    path("appendix/", include("careforce.web.apps.appendix.urls")),
]

handler400 = "careforce.web.shared.views.bad_request"
handler403 = "careforce.web.shared.views.permission_denied"
handler404 = "careforce.web.shared.views.page_not_found"
handler500 = "careforce.web.shared.views.server_error"
