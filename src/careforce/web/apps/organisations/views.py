"""Organisations and their workplaces (administrators)."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from careforce.web.apps.organisations.forms import OrganisationFilterForm, OrganisationForm
from careforce.web.backend.audit import AuditAction, record
from careforce.web.models.accounts.terms import Role
from careforce.web.models.organisations.models import Organisation
from careforce.web.shared.access import client_address, roles_required, viewer_of

PAGE_SIZE = 50
"""Organisations (or workplaces) per page."""


@roles_required(Role.ADMINISTRATOR)
def organisation_list(request: HttpRequest) -> HttpResponse:
    """Every organisation, searchable by name and kind."""
    form = OrganisationFilterForm(request.GET or None)
    organisations = Organisation.objects.annotate(workplace_count=Count("workplaces"))
    if form.is_valid():
        if form.cleaned_data.get("q"):
            organisations = organisations.filter(name__icontains=form.cleaned_data["q"])
        if form.cleaned_data.get("kind"):
            organisations = organisations.filter(kind=form.cleaned_data["kind"])
    page = Paginator(organisations.order_by("name", "id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "organisations/organisation_list.html", {"page": page, "form": form})


@roles_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    """Add an organisation."""
    branding = settings.CAREFORCE_BRANDING
    initial = {"area_code": branding.area_code, "area_name": branding.area_name, "kind": "provider"}
    form = OrganisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        organisation = form.save()
        record(
            AuditAction.ORGANISATION_CREATE,
            viewer=viewer_of(request),
            organisation_id=organisation.pk,
            object_type="organisation",
            object_id=organisation.pk,
            ip_address=client_address(request),
        )
        messages.success(request, f"{organisation.name} has been added.")
        return redirect("organisations:organisation-detail", organisation.pk)
    return render(
        request,
        "organisations/organisation_form.html",
        {"form": form, "organisation": None},
        status=400 if form.errors else 200,
    )


@roles_required(Role.ADMINISTRATOR)
def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """An organisation, its users and its registered workplaces."""
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    workplaces = Paginator(organisation.workplaces.all(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "workplaces": workplaces,
            "users": organisation.users.all(),
            "uploads": organisation.uploads.count(),
        },
    )


@roles_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def organisation_update(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """Change an organisation's details."""
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        record(
            AuditAction.ORGANISATION_UPDATE,
            viewer=viewer_of(request),
            organisation_id=organisation.pk,
            object_type="organisation",
            object_id=organisation.pk,
            ip_address=client_address(request),
        )
        messages.success(request, f"{organisation.name}’s details have been saved.")
        return redirect("organisations:organisation-detail", organisation.pk)
    return render(
        request,
        "organisations/organisation_form.html",
        {"form": form, "organisation": organisation},
        status=400 if form.errors else 200,
    )
