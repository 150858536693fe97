"""URLs of the data appendix (``/appendix/``)."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.appendix import views

app_name = "appendix"

urlpatterns = [
    path("", views.appendix_show, name="appendix-show"),
    path("download.<str:file_format>", views.appendix_download, name="appendix-download"),
    path("template/", views.template_update, name="template-update"),
    path("template/template.yaml", views.template_download, name="template-download"),
]
