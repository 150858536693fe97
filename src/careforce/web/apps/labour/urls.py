"""URLs of the labour-market section (``/labour-market/``)."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.labour import views

app_name = "labour"

urlpatterns = [
    path("", views.overview_show, name="overview-show"),
    path(
        "<slug:section>/download.<str:file_format>",
        views.section_download,
        name="section-download",
    ),
]
