"""URLs of the JSON API, version 1 (every one is described in openapi.py)."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.api import views

app_name = "api"

urlpatterns = [
    path("", views.root, name="root-show"),
    path("openapi.json", views.schema, name="schema-show"),
    path("measures", views.measure_list, name="measure-list"),
    path("measures/<slug:measure_id>", views.measure_detail, name="measure-detail"),
    path("measures/<slug:measure_id>/values", views.value_list, name="value-list"),
    path("uploads", views.upload_list, name="upload-list"),
    path("uploads/<int:upload_id>", views.upload_detail, name="upload-detail"),
    path("uploads/<int:upload_id>/findings", views.finding_list, name="finding-list"),
    path("snapshots", views.snapshot_list, name="snapshot-list"),
    path("snapshots/<int:snapshot_id>", views.snapshot_detail, name="snapshot-detail"),
]
