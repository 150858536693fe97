"""URLs of organisations."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="organisation-list"),
    path("new/", views.organisation_create, name="organisation-create"),
    path("<int:organisation_id>/", views.organisation_detail, name="organisation-detail"),
    path("<int:organisation_id>/change/", views.organisation_update, name="organisation-update"),
    path("transfers/", views.transfer_list, name="transfer-list"),
    path("transfers/<int:transfer_id>/", views.transfer_detail, name="transfer-detail"),
]
