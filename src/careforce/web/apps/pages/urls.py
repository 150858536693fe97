"""URLs of the information pages."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.pages import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home-show"),
    path("accessibility/", views.accessibility, name="accessibility-show"),
    path("privacy/", views.privacy, name="privacy-show"),
]
