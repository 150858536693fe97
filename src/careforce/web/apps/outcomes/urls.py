"""URLs of the outcomes scorecard (``/outcomes/``) and the action plan (``/action-plan/``)."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.outcomes import reports, views

app_name = "outcomes"

urlpatterns = [
    path("outcomes/", views.scorecard_show, name="scorecard-show"),
    path(
        "outcomes/download.<str:file_format>", views.scorecard_download, name="scorecard-download"
    ),
    path("outcomes/progress-report/", reports.report_show, name="report-show"),
    path("outcomes/progress-report/new/", reports.report_create, name="report-create"),
    path(
        "outcomes/progress-report/progress-report.<str:file_format>",
        reports.report_download,
        name="report-download",
    ),
    path("outcomes/<slug:outcome>/", views.outcome_detail, name="outcome-detail"),
    path(
        "outcomes/<slug:outcome>/download.<str:file_format>",
        views.outcome_download,
        name="outcome-download",
    ),
    path("action-plan/", views.action_list, name="action-list"),
    path("action-plan/download.<str:file_format>", views.action_download, name="action-download"),
    path("action-plan/history/", views.change_list, name="change-list"),
    path("action-plan/action-plan.yaml", views.plan_download, name="plan-download"),
    path("action-plan/<str:code>/", views.action_detail, name="action-detail"),
    path("action-plan/<str:code>/updates/new/", views.update_create, name="update-create"),
    path("action-plan/<str:code>/milestones/new/", views.milestone_create, name="milestone-create"),
    path("action-plan/<str:code>/lead-partners/", views.partners_update, name="partners-update"),
]
