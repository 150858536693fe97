"""The audit log: who signed in, uploaded, accepted, downloaded or changed what, and when."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.db.models import QuerySet

from careforce.web.backend.access import Viewer
from careforce.web.models.accounts.models import AuditEvent


class AuditAction(StrEnum):
    """What an audit entry records."""

    SIGN_IN = "sign-in"
    SIGN_IN_FAILED = "sign-in-failed"
    SIGN_IN_LOCKED = "sign-in-locked"
    SIGN_OUT = "sign-out"
    PASSWORD_CHANGE = "password-change"
    UPLOAD = "upload"
    UPLOAD_RETRY = "upload-retry"
    ACCEPTANCE = "acceptance"
    DOWNLOAD = "download"
    PUBLICATION = "publication"
    USER_CREATE = "user-create"
    USER_UPDATE = "user-update"
    ORGANISATION_CREATE = "organisation-create"
    ORGANISATION_UPDATE = "organisation-update"
    TOKEN_CREATE = "token-create"
    TOKEN_REVOKE = "token-revoke"
    ACTION_PLAN_CHANGE = "action-plan-change"
    TRAINING_PRIORITIES = "training-priorities"
    TRANSFER_REQUEST = "transfer-request"
    TRANSFER_APPROVE = "transfer-approve"
    TRANSFER_REFUSE = "transfer-refuse"


def record(
    action: AuditAction,
    *,
    viewer: Viewer | None = None,
    actor: str = "",
    organisation_id: int | None = None,
    object_type: str = "",
    object_id: object = "",
    ip_address: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Add an entry to the audit log.

    Args:
        action: what happened.
        viewer: who did it (None for the system).
        actor: who did it when nobody is signed in (e.g. the email address tried at sign-in).
        organisation_id: the organisation whose records were concerned.
        object_type: the kind of record concerned (``upload``, ``snapshot``...).
        object_id: its id.
        ip_address: where the request came from.
        detail: anything else worth keeping (never personal data from the files).
    """
    signed_in = viewer is not None and viewer.user_id is not None
    AuditEvent.objects.create(
        user_id=viewer.user_id if signed_in and viewer else None,
        actor=(viewer.email if signed_in and viewer else actor)[:254],
        action=action.value,
        organisation_id=organisation_id,
        object_type=object_type,
        object_id=str(object_id),
        ip_address=ip_address[:45],
        detail=detail or {},
    )


def audit_events(*, action: str | None = None) -> QuerySet[AuditEvent]:
    """The audit log, newest first, with each entry's organisation (of one action, or all)."""
    events = AuditEvent.objects.select_related("organisation")
    return events.filter(action=action) if action else events
