"""URLs of the published measures."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.indicators import views

app_name = "indicators"

urlpatterns = [
    path("", views.measure_list, name="measure-list"),
    path("download.<str:file_format>", views.overview_download, name="overview-download"),
    path("publications/", views.publication_list, name="publication-list"),
    path("publications/new/", views.publication_create, name="publication-create"),
    path("publications/retry/", views.publication_retry, name="publication-retry-create"),
    path(
        "publications/<int:publication_id>/<str:name>/",
        views.publication_download,
        name="publication-download",
    ),
    path("<slug:measure_id>/", views.measure_detail, name="measure-detail"),
    path(
        "<slug:measure_id>/download.<str:file_format>",
        views.measure_download,
        name="measure-download",
    ),
    path(
        "<slug:measure_id>/unrounded.<str:file_format>",
        views.measure_unrounded_download,
        name="measure-unrounded-download",
    ),
]
