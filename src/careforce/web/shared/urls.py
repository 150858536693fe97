"""URLs of the shared layer."""

from __future__ import annotations

from django.urls import path

from careforce.web.shared import views

app_name = "shared"

urlpatterns = [
    path("branding.css", views.branding_stylesheet, name="branding-show"),
    path("health", views.health, name="health-show"),
]
