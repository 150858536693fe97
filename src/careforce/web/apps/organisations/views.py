"""Organisations and their workplaces (administrators)."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from careforce.web.apps.organisations.forms import (
    OrganisationFilterForm,
    OrganisationForm,
    TransferDecisionForm,
)
from careforce.web.backend.access import NotVisibleError
from careforce.web.backend.audit import AuditAction, record
from careforce.web.backend.organisations import (
    organisation_records,
    organisations_with_workplace_counts,
    parent_choices,
    visible_organisation,
)
from careforce.web.backend.ownership import (
    TransferRefusedError,
    decide_transfer,
    visible_transfer,
    visible_transfers,
)
from careforce.web.models.accounts.terms import Role
from careforce.web.models.organisations.terms import TransferStatus
from careforce.web.shared.access import client_address, roles_required, viewer_of

PAGE_SIZE = 50
"""Organisations (or workplaces) per page."""


@roles_required(Role.ADMINISTRATOR)
def organisation_list(request: HttpRequest) -> HttpResponse:
    """Every organisation, searchable by name and kind."""
    form = OrganisationFilterForm(request.GET or None)
    if form.is_valid():
        organisations = organisations_with_workplace_counts(
            name_contains=form.cleaned_data.get("q") or "", kind=form.cleaned_data.get("kind") or ""
        )
    else:
        organisations = organisations_with_workplace_counts()
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/organisation_list.html", {"page": page, "form": form})


@roles_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    """Add an organisation."""
    branding = settings.CAREFORCE_BRANDING
    initial = {"area_code": branding.area_code, "area_name": branding.area_name, "kind": "provider"}
    form = OrganisationForm(request.POST or None, initial=initial, parents=parent_choices())
    if request.method == "POST" and form.is_valid():
        organisation = form.save(commit=False)
        organisation.parent_id = form.cleaned_data["parent_organisation"]
        organisation.save()
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
    try:
        records = organisation_records(viewer_of(request), organisation_id)
    except NotVisibleError as error:
        raise Http404("no such organisation") from error
    workplaces = Paginator(records.workplaces, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": records.organisation,
            "workplaces": workplaces,
            "users": records.users,
            "uploads": records.uploads,
            "subsidiaries": records.subsidiaries,
        },
    )


@roles_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def organisation_update(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """Change an organisation's details."""
    try:
        organisation = visible_organisation(viewer_of(request), organisation_id)
    except NotVisibleError as error:
        raise Http404("no such organisation") from error
    form = OrganisationForm(
        request.POST or None, instance=organisation, parents=parent_choices(organisation.pk)
    )
    if request.method == "POST" and form.is_valid():
        changed = form.save(commit=False)
        changed.parent_id = form.cleaned_data["parent_organisation"]
        changed.save()
        record(
            AuditAction.ORGANISATION_UPDATE,
            viewer=viewer_of(request),
            organisation_id=organisation.pk,
            object_type="organisation",
            object_id=organisation.pk,
            ip_address=client_address(request),
            detail={"parent": changed.parent_id},
        )
        messages.success(request, f"{organisation.name}’s details have been saved.")
        return redirect("organisations:organisation-detail", organisation.pk)
    return render(
        request,
        "organisations/organisation_form.html",
        {"form": form, "organisation": organisation},
        status=400 if form.errors else 200,
    )


@roles_required(Role.ADMINISTRATOR, Role.PROVIDER)
def transfer_list(request: HttpRequest) -> HttpResponse:
    """Requests to transfer workplaces between organisations: those waiting for a decision,
    then those decided."""
    viewer = viewer_of(request)
    pending = visible_transfers(viewer, status=TransferStatus.PENDING)
    decided = visible_transfers(viewer).exclude(status=TransferStatus.PENDING.value)
    page = Paginator(decided, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "organisations/transfer_list.html", {"pending": pending, "decided": page}
    )


@roles_required(Role.ADMINISTRATOR, Role.PROVIDER)
@require_http_methods(["GET", "POST"])
def transfer_detail(request: HttpRequest, transfer_id: int) -> HttpResponse:
    """A transfer request, and (for administrators) the form to approve or refuse it while it
    is pending. Provider users read the requests of and for their organisations."""
    viewer = viewer_of(request)
    try:
        transfer = visible_transfer(viewer, transfer_id)
    except NotVisibleError as error:
        raise Http404("no such transfer request") from error
    if request.method == "POST" and viewer.role is not Role.ADMINISTRATOR:
        raise PermissionDenied("only administrators decide on transfers")
    form = TransferDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            decide_transfer(
                viewer=viewer,
                transfer_id=transfer.pk,
                approve=approve,
                reason=form.cleaned_data["reason"],
                ip_address=client_address(request),
            )
        except TransferRefusedError as error:
            messages.error(request, str(error))
            return redirect("organisations:transfer-detail", transfer.pk)
        verdict = "approved" if approve else "refused"
        messages.success(request, f"The transfer of {transfer.reference} has been {verdict}.")
        return redirect("organisations:transfer-list")
    return render(
        request,
        "organisations/transfer_detail.html",
        {
            "transfer": transfer,
            "form": form,
            "deciding": viewer.role is Role.ADMINISTRATOR,
            "asking": viewer.role is Role.ADMINISTRATOR
            or transfer.to_organisation_id in viewer.organisation_ids,
        },
        status=400 if form.errors else 200,
    )
