"""Workplace ownership: which workplaces of an upload belong to another organisation, and the
requests to transfer a workplace from one organisation to another.

A workplace belongs to one organisation at a time (see
:class:`~careforce.web.models.organisations.models.Workplace`). A provider's upload holding a
workplace registered to an organisation it may not upload for cannot be accepted
(:func:`careforce.web.backend.uploads.accept_upload` refuses it); its uploader may ask for the
workplaces to be transferred, and an administrator approves or refuses each request. Every
step is in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from careforce.io.snapshot_files import read_establishments
from careforce.web.backend.access import NotVisibleError, Viewer
from careforce.web.backend.audit import AuditAction, record
from careforce.web.backend.organisations import attribute_workplaces
from careforce.web.backend.uploads import media_root, visible_upload
from careforce.web.models.organisations.models import TransferRequest, Workplace
from careforce.web.models.organisations.terms import TransferStatus
from careforce.web.models.uploads.models import Upload
from careforce.web.models.uploads.terms import UploadStatus

ANOTHER_ORGANISATION = "Another organisation"
"""How a workplace's owner is named to those who may not see who it is."""


class TransferRefusedError(ValueError):
    """A transfer cannot be asked for or decided (no reason, already decided...)."""


@dataclass(frozen=True)
class OwnershipConflict:
    """A workplace of an upload registered to an organisation the upload may not be for.

    Attributes:
        reference: the workplace's reference in the upload (LOCALESTID).
        identity: which workplace it is.
        owner: who it is registered to, as the viewer may be told it.
        transfer: the status of the latest request to transfer it to the uploader ('' if none).
    """

    reference: str
    identity: str
    owner: str
    transfer: str


def ownership_conflicts(viewer: Viewer, upload: Upload) -> list[OwnershipConflict]:
    """The workplaces of a valid upload that are registered to an organisation it may not be
    accepted for (owners are named to administrators only)."""
    if upload.status != UploadStatus.VALID or not upload.output:
        return []
    establishments = read_establishments(media_root() / upload.output)
    conflicts = [
        owner
        for owner in attribute_workplaces(upload.organisation, establishments)
        if owner.conflict
    ]
    if not conflicts:
        return []
    names = dict(
        Workplace.objects.filter(identity__in=[c.identity for c in conflicts]).values_list(
            "identity", "organisation__name"
        )
    )
    latest: dict[str, str] = {}
    requests = TransferRequest.objects.filter(
        identity__in=[c.identity for c in conflicts], to_organisation=upload.organisation
    ).order_by("created", "id")
    for identity, status in requests.values_list("identity", "status"):
        latest[identity] = status
    return [
        OwnershipConflict(
            reference=c.establishment_id,
            identity=c.identity,
            owner=names.get(c.identity, "") if viewer.is_administrator else ANOTHER_ORGANISATION,
            transfer=latest.get(c.identity, ""),
        )
        for c in conflicts
    ]


def request_transfers(
    *, viewer: Viewer, upload_id: int, reason: str, ip_address: str = ""
) -> list[TransferRequest]:
    """Ask for the workplaces of an upload registered to another organisation to be transferred
    to the upload's organisation (one request per workplace not already asked for).

    Raises:
        NotVisibleError: the viewer may not see the upload.
        TransferRefusedError: no reason was given, or the upload has no such workplaces.
    """
    upload = visible_upload(viewer, upload_id)
    if not reason.strip():
        raise TransferRefusedError("Enter why the workplaces should be transferred.")
    conflicts = ownership_conflicts(viewer, upload)
    wanted = [c for c in conflicts if c.transfer != TransferStatus.PENDING]
    if not wanted:
        raise TransferRefusedError("There is no workplace of this upload to ask for.")
    created = []
    with transaction.atomic():
        registered = {
            workplace.identity: workplace
            for workplace in Workplace.objects.filter(identity__in=[c.identity for c in wanted])
        }
        for conflict in wanted:
            workplace = registered.get(conflict.identity)
            if workplace is None:
                continue
            transfer = TransferRequest.objects.create(
                workplace=workplace,
                identity=conflict.identity,
                reference=conflict.reference,
                from_organisation_id=workplace.organisation_id,
                to_organisation=upload.organisation,
                upload_id=upload.pk,
                requested_by_id=viewer.user_id,
                reason=reason.strip(),
            )
            record(
                AuditAction.TRANSFER_REQUEST,
                viewer=viewer,
                organisation_id=upload.organisation_id,
                object_type="transfer-request",
                object_id=transfer.pk,
                ip_address=ip_address,
                detail={
                    "identity": conflict.identity,
                    "from": workplace.organisation_id,
                    "to": upload.organisation_id,
                    "upload": upload.pk,
                },
            )
            created.append(transfer)
    return created


def visible_transfers(
    viewer: Viewer, *, status: TransferStatus | None = None
) -> QuerySet[TransferRequest]:
    """The transfer requests the viewer may see, newest first: all for administrators; for
    provider users, those asked for by their organisations and those for their organisations'
    workplaces (so an organisation sees who asked for its workplaces, and the decision)."""
    transfers = TransferRequest.objects.select_related(
        "from_organisation", "to_organisation", "requested_by", "decided_by"
    )
    if status is not None:
        transfers = transfers.filter(status=status.value)
    asked_by = viewer.organisation_filter("to_organisation_id")
    asked_of = viewer.organisation_filter("from_organisation_id")
    if asked_by is None or asked_of is None:
        return transfers.none()
    return transfers.filter(Q(**asked_by) | Q(**asked_of))


def visible_transfer(viewer: Viewer, transfer_id: int) -> TransferRequest:
    """One transfer request the viewer may see.

    Raises:
        NotVisibleError: there is no such request or the viewer may not see it.
    """
    found = visible_transfers(viewer).filter(pk=transfer_id).first()
    if found is None:
        raise NotVisibleError(f"transfer request {transfer_id}")
    return found


def decide_transfer(
    *, viewer: Viewer, transfer_id: int, approve: bool, reason: str, ip_address: str = ""
) -> TransferRequest:
    """Approve or refuse a pending transfer request (administrators only); on approval the
    workplace belongs to the requesting organisation from then on.

    Raises:
        NotVisibleError: the viewer is not an administrator, or there is no such request.
        TransferRefusedError: no reason was given, or the request was decided already.
    """
    if not viewer.is_administrator:
        raise NotVisibleError(f"transfer request {transfer_id}")
    if not reason.strip():
        raise TransferRefusedError("Enter the reason for the decision.")
    requests = TransferRequest.objects
    with transaction.atomic():
        transfer = requests.select_for_update().filter(pk=transfer_id).first()
        if transfer is None:
            raise NotVisibleError(f"transfer request {transfer_id}")
        if transfer.status != TransferStatus.PENDING:
            raise TransferRefusedError("This request has already been decided.")
        status = TransferStatus.APPROVED if approve else TransferStatus.REFUSED
        previous = None
        if approve:
            workplace = Workplace.objects.select_for_update().filter(identity=transfer.identity)
            found = workplace.first()
            if found is None:
                raise TransferRefusedError("The workplace is no longer registered.")
            previous = found.organisation_id
            taken = set(
                Workplace.objects.filter(organisation_id=transfer.to_organisation_id)
                .exclude(pk=found.pk)
                .values_list("reference", flat=True)
            )
            reference = next(
                (ref for ref in (transfer.reference, found.reference) if ref and ref not in taken),
                None,
            )
            if reference is None:
                raise TransferRefusedError(
                    "The organisation has another workplace with this reference."
                )
            workplace.update(organisation_id=transfer.to_organisation_id, reference=reference)
        requests.filter(pk=transfer.pk).update(
            status=status.value,
            decided_by_id=viewer.user_id,
            decided=timezone.now(),
            decision_reason=reason.strip(),
        )
        record(
            AuditAction.TRANSFER_APPROVE if approve else AuditAction.TRANSFER_REFUSE,
            viewer=viewer,
            organisation_id=transfer.to_organisation_id,
            object_type="transfer-request",
            object_id=transfer.pk,
            ip_address=ip_address,
            detail={
                "identity": transfer.identity,
                "from": previous if previous is not None else transfer.from_organisation_id,
                "to": transfer.to_organisation_id,
                "reason": reason.strip()[:500],
            },
        )
    return requests.get(pk=transfer.pk)
