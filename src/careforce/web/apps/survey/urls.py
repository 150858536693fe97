"""URLs of the workforce survey: analysts' rounds (``/survey/rounds/``) and a round's
anonymous link (``/survey/<token>/``)."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.survey import views

app_name = "survey"

urlpatterns = [
    path("rounds/", views.round_list, name="round-list"),
    path("rounds/<int:round_id>/", views.round_detail, name="round-detail"),
    path("rounds/<int:round_id>/status/", views.round_status_update, name="round-status-update"),
    path(
        "rounds/<int:round_id>/download.<str:file_format>",
        views.round_download,
        name="round-download",
    ),
    path("<str:token>/", views.start_show, name="start-show"),
    path("<str:token>/questions/<str:question_id>/", views.answer_update, name="answer-update"),
    path("<str:token>/check/", views.response_create, name="response-create"),
    path("<str:token>/done/", views.confirmation_show, name="confirmation-show"),
]
