"""URLs of the benchmarks."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.benchmarks import views

app_name = "benchmarks"

urlpatterns = [
    path("", views.benchmark_show, name="benchmark-show"),
]
