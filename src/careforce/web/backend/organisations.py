"""Organisations and their workplaces: which organisation an ASC-WDS workplace belongs to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from django.db import transaction
from django.db.models import Count, QuerySet

from careforce.core.organisations.grouping import (
    GROUP_KEY,
    GROUP_KIND,
    GROUP_NAME,
    group_by_provider,
)
from careforce.core.organisations.identity import IDENTITY, identity_expression
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.io.snapshot_files import read_establishments
from careforce.web.backend.access import NotVisibleError, Viewer, subsidiaries_of
from careforce.web.backend.audit import AuditAction, record
from careforce.web.models.accounts.models import User
from careforce.web.models.organisations.models import Organisation, Workplace
from careforce.web.models.organisations.terms import OrganisationKind
from careforce.web.models.uploads.models import Upload

AREA_UPLOADERS = (OrganisationKind.COUNCIL, OrganisationKind.PARTNER)
"""Organisations whose ASC-WDS uploads cover other organisations' workplaces (an area's data)."""


@dataclass(frozen=True)
class WorkplaceOwner:
    """The organisation a workplace of an upload is attributed to.

    Attributes:
        establishment_id: the workplace's reference (LOCALESTID).
        organisation_id: the organisation whose data it is (for a conflict, the one it is
            registered to).
        registered: whether a registration decided it (else it fell to the uploader).
        identity: which workplace it is (see :mod:`careforce.core.organisations.identity`).
        conflict: it is registered to an organisation the uploader may not upload for, so the
            upload cannot be accepted until it is transferred.
    """

    establishment_id: str
    organisation_id: int
    registered: bool
    identity: str = ""
    conflict: bool = False


def identities_of(establishments: pl.DataFrame) -> dict[str, str]:
    """Each workplace's identity, by reference (the first row of a reference counts)."""
    frame = establishments.select(E.ESTABLISHMENT_ID, identity_expression()).unique(
        E.ESTABLISHMENT_ID, keep="first", maintain_order=True
    )
    return dict(zip(frame[E.ESTABLISHMENT_ID], frame[IDENTITY], strict=True))


def owners_of(identities: Iterable[str]) -> dict[str, int]:
    """The organisation each registered workplace belongs to, by identity."""
    wanted = sorted(set(identities))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        rows = Workplace.objects.filter(identity__in=wanted[start : start + 500]).values_list(
            "identity", "organisation_id"
        )
        found.update(rows)
    return found


def visible_organisations(viewer: Viewer) -> QuerySet[Organisation]:
    """The organisations the viewer may see records of (a query set)."""
    organisations = Organisation.objects
    scope = viewer.organisation_filter("pk")
    return organisations.none() if scope is None else organisations.filter(**scope)


def visible_organisation(viewer: Viewer, organisation_id: int) -> Organisation:
    """One organisation the viewer may see.

    Raises:
        NotVisibleError: there is no such organisation or the viewer may not see it.
    """
    found = visible_organisations(viewer).filter(pk=organisation_id).first()
    if found is None:
        raise NotVisibleError(f"organisation {organisation_id}")
    return found


def attribute_workplaces(
    organisation: Organisation, establishments: pl.DataFrame
) -> list[WorkplaceOwner]:
    """Decide whose data each workplace of an upload is.

    A workplace registered to an organisation is that organisation's data. An upload by a
    council or partner is an area's data: an unregistered workplace stays with the uploader.
    A provider's upload may hold its own workplaces, its subsidiaries' and unregistered ones
    (which become its own); a workplace registered to any other organisation is a conflict.
    """
    identities = identities_of(establishments)
    owners = owners_of(identities.values())
    area_upload = OrganisationKind(organisation.kind) in AREA_UPLOADERS
    allowed = {organisation.pk, *subsidiaries_of(organisation.pk)}
    result = []
    for ref in sorted(identities):
        identity = identities[ref]
        owner = owners.get(identity)
        if owner is None:
            result.append(WorkplaceOwner(ref, organisation.pk, False, identity))
        else:
            conflict = not area_upload and owner not in allowed
            result.append(WorkplaceOwner(ref, owner, True, identity, conflict))
    return result


def register_workplaces(organisation: Organisation, establishments: pl.DataFrame) -> int:
    """Register to an organisation the workplaces of an upload that nobody has registered (a
    workplace registered to any organisation stays with it).

    Returns:
        How many were registered.
    """
    workplaces = Workplace.objects
    rows = (
        establishments.select(
            E.ESTABLISHMENT_ID,
            E.NAME,
            pl.col(E.MAIN_SERVICE).cast(pl.String),
            E.LOCATION_ID,
            identity_expression(),
        )
        .unique(IDENTITY, keep="first", maintain_order=True)
        .unique(E.ESTABLISHMENT_ID, keep="first", maintain_order=True)
    )
    taken = set(owners_of(rows[IDENTITY]))
    references = set(
        workplaces.filter(organisation=organisation).values_list("reference", flat=True)
    )
    new = [
        Workplace(
            organisation=organisation,
            reference=row[E.ESTABLISHMENT_ID],
            name=row[E.NAME] or "",
            main_service=row[E.MAIN_SERVICE] or "",
            cqc_location_id=row[E.LOCATION_ID] or "",
            identity=row[IDENTITY],
        )
        for row in rows.iter_rows(named=True)
        if row[IDENTITY] not in taken and row[E.ESTABLISHMENT_ID] not in references
    ]
    workplaces.bulk_create(new, batch_size=1000)
    return len(new)


def create_organisations_from_workplaces(
    *, viewer: Viewer, upload: Upload, directory: Path, ip_address: str = ""
) -> list[int]:
    """Create an organisation for each provider in an area upload whose workplaces are not
    registered yet, and register them (administrators only).

    Workplaces of the council (local authority sector) are registered to the uploading
    council; other workplaces are grouped by CQC provider ID, or stand alone.

    Args:
        viewer: who asks (must be an administrator).
        upload: a validated ASC-WDS upload by a council or partner.
        directory: the upload's validation output (with ``establishments.parquet``).
        ip_address: for the audit log.

    Returns:
        The ids of the organisations created.

    Raises:
        NotVisibleError: the viewer is not an administrator.
    """
    if not viewer.is_administrator:
        raise NotVisibleError("organisations")
    uploader = upload.organisation
    establishments = read_establishments(directory)
    identities = identities_of(establishments)
    registered = set(owners_of(identities.values()))
    fresh = establishments.filter(~identity_expression().is_in(sorted(registered))).unique(
        E.ESTABLISHMENT_ID, keep="first", maintain_order=True
    )
    groups = group_by_provider(fresh.lazy(), council_name=uploader.name).collect()
    by_key = fresh.join(groups, on=E.ESTABLISHMENT_ID, how="inner")
    organisations = Organisation
    created: list[int] = []
    with transaction.atomic():
        for (_key, name, kind), part in by_key.group_by(
            GROUP_KEY, GROUP_NAME, GROUP_KIND, maintain_order=True
        ):
            if kind == "council":
                owner = uploader
            else:
                provider_ids = part[E.PROVIDER_ID].drop_nulls().unique().to_list()
                owner = organisations.objects.create(
                    name=str(name)[:200],
                    kind=OrganisationKind.PROVIDER.value,
                    area_code=uploader.area_code,
                    area_name=uploader.area_name,
                    cqc_provider_id=provider_ids[0] if provider_ids else "",
                )
                created.append(owner.pk)
            register_workplaces(owner, part)
        record(
            AuditAction.ORGANISATION_CREATE,
            viewer=viewer,
            organisation_id=uploader.pk,
            object_type="upload",
            object_id=upload.pk,
            ip_address=ip_address,
            detail={"organisations": len(created), "from": "workplaces"},
        )
    return created


def organisation_choices(*, kind: OrganisationKind | None = None) -> list[tuple[int, str]]:
    """(id, name) of every organisation, by name, for forms."""
    organisations = Organisation.objects.order_by("name", "id")
    if kind is not None:
        organisations = organisations.filter(kind=kind.value)
    return [(pk, name) for pk, name in organisations.values_list("pk", "name")]


def parent_choices(organisation_id: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of the organisations that may be an organisation's parent: any but itself and
    those below it."""
    excluded = set() if organisation_id is None else {organisation_id}
    excluded.update(subsidiaries_of(organisation_id))
    return [(pk, name) for pk, name in organisation_choices() if pk not in excluded]


def organisation_name(organisation_id: int | None) -> str:
    """An organisation's name ('' when there is none)."""
    if organisation_id is None:
        return ""
    found = Organisation.objects.filter(pk=organisation_id).values_list("name", flat=True)
    return next(iter(found), "")


def organisations_with_workplace_counts(
    *, name_contains: str = "", kind: str = ""
) -> QuerySet[Organisation]:
    """Organisations by name, each with ``workplace_count``, optionally only those whose name
    contains some text or of one kind."""
    organisations = Organisation.objects.annotate(workplace_count=Count("workplaces"))
    if name_contains:
        organisations = organisations.filter(name__icontains=name_contains)
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations.order_by("name", "id")


@dataclass(frozen=True)
class OrganisationRecords:
    """An organisation and what is registered to it.

    Attributes:
        organisation: the organisation.
        workplaces: its registered workplaces.
        users: its users.
        uploads: how many uploads it has.
        subsidiaries: the organisations whose parent it is.
    """

    organisation: Organisation
    workplaces: QuerySet[Workplace]
    users: QuerySet[User]
    uploads: int
    subsidiaries: QuerySet[Organisation]


def organisation_records(viewer: Viewer, organisation_id: int) -> OrganisationRecords:
    """An organisation the viewer may see, its workplaces, its users and how many uploads it has.

    Raises:
        NotVisibleError: there is no such organisation or the viewer may not see it.
    """
    organisation = visible_organisation(viewer, organisation_id)
    return OrganisationRecords(
        organisation=organisation,
        workplaces=organisation.workplaces.all(),
        users=organisation.users.all(),
        uploads=organisation.uploads.count(),
        subsidiaries=organisation.subsidiaries.all(),
    )
