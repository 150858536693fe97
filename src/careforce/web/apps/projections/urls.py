"""URLs of the workforce demand projections (``/projections/``)."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.projections import views

app_name = "projections"

urlpatterns = [
    path("", views.projection_list, name="projection-list"),
    path("<slug:name>/", views.projection_detail, name="projection-detail"),
    path(
        "<slug:name>/download.<str:file_format>",
        views.projection_download,
        name="projection-download",
    ),
    path("<slug:name>/parameters.toml", views.parameters_download, name="parameters-download"),
    path("<slug:name>/scenario/", views.scenario_create, name="scenario-create"),
    path("<slug:name>/scenario/parameters.toml", views.scenario_download, name="scenario-download"),
]
