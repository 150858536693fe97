"""URLs of the upload journey and the records."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.uploads import views

app_name = "uploads"

urlpatterns = [
    path("", views.upload_list, name="upload-list"),
    path("new/", views.upload_create, name="upload-create"),
    path("<int:upload_id>/", views.upload_detail, name="upload-detail"),
    path("<int:upload_id>/status.json", views.upload_status, name="status-show"),
    path("<int:upload_id>/findings/", views.finding_list, name="finding-list"),
    path(
        "<int:upload_id>/findings.<str:file_format>",
        views.finding_download,
        name="finding-download",
    ),
    path("<int:upload_id>/files/<int:position>/", views.file_download, name="file-download"),
    path("<int:upload_id>/accept/", views.snapshot_create, name="snapshot-create"),
    path("<int:upload_id>/check/", views.validation_create, name="validation-create"),
    path("<int:upload_id>/transfers/", views.transfer_create, name="transfer-create"),
    path("<int:upload_id>/organisations/", views.organisations_create, name="organisations-create"),
    path("records/", views.snapshot_list, name="snapshot-list"),
    path("records/<int:snapshot_id>/", views.snapshot_detail, name="snapshot-detail"),
    path(
        "records/<int:snapshot_id>/<str:establishment_id>/",
        views.record_list,
        name="record-list",
    ),
]
