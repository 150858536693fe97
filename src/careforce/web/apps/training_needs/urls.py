"""URLs of the priority training needs (``/training-needs/``)."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.training_needs import views

app_name = "training"

urlpatterns = [
    path("", views.need_list, name="need-list"),
    path("download.<str:file_format>", views.need_download, name="need-download"),
    path("priorities/new/", views.priorities_create, name="priorities-create"),
]
