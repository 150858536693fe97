"""URLs of the submissions pages."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.submissions import estimates, views

app_name = "submissions"

urlpatterns = [
    path("", views.submission_list, name="submission-list"),
    path("submissions.<str:file_format>", views.submission_download, name="submission-download"),
    path("support/", views.support_list, name="support-list"),
    path("support/support.<str:file_format>", views.support_download, name="support-download"),
    path("estimates/", estimates.estimate_list, name="estimate-list"),
]
