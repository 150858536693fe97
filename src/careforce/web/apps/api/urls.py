"""URLs of the JSON API, version 1 (every one is described in openapi.py)."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.api import (
    appendix,
    benchmarks,
    documentation,
    outcomes,
    projections,
    views,
)

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
    path("documentation", documentation.documentation_show, name="documentation-show"),
    path("scorecard", outcomes.scorecard, name="scorecard-show"),
    path("action-plan", outcomes.action_plan, name="action-plan-show"),
    path("action-plan/actions", outcomes.action_list, name="action-list"),
    path("action-plan/actions/<str:code>", outcomes.action_detail, name="action-detail"),
    path("action-plan/milestones", outcomes.milestone_list, name="milestone-list"),
    path("action-plan/updates", outcomes.update_list, name="action-update-list"),
    path("projections", projections.projection_list, name="projection-list"),
    path("projections/<slug:name>", projections.projection_detail, name="projection-detail"),
    path(
        "projections/<slug:name>/sensitivity",
        projections.sensitivity_list,
        name="sensitivity-list",
    ),
    path("projections/<slug:name>/ranges", projections.range_list, name="range-list"),
    path("projections/<slug:name>/supply", projections.supply_list, name="supply-list"),
    path("appendix/tables", appendix.table_list, name="appendix-table-list"),
    path("appendix/tables/<slug:key>", appendix.table_detail, name="appendix-table-detail"),
    path(
        "organisations/<int:organisation_id>/benchmarks",
        benchmarks.benchmark_show,
        name="benchmark-show",
    ),
]
