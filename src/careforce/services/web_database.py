"""The web database's models, found by name through Django's app registry.

Services sit below the web layer and never import it; they find the models the web apps
declare when a use case runs (after Django is set up), as Django's own ``get_user_model`` does.
"""

from __future__ import annotations

from typing import Any, Final

from django.apps import apps
from django.conf import settings

ORGANISATION: Final = "organisations.Organisation"
"""A council, care provider or partner organisation."""
WORKPLACE: Final = "organisations.Workplace"
"""A workplace (ASC-WDS establishment reference) registered to an organisation."""
UPLOAD: Final = "uploads.Upload"
"""A set of files someone uploaded."""
UPLOAD_FILE: Final = "uploads.UploadFile"
"""One raw file of an upload, kept byte for byte."""
FINDING: Final = "uploads.Finding"
"""One validation finding of an upload."""
SNAPSHOT: Final = "uploads.Snapshot"
"""An accepted upload: immutable canonical data."""
SNAPSHOT_WORKPLACE: Final = "uploads.SnapshotWorkplace"
"""A workplace of a snapshot and the organisation it belongs to."""
JOB: Final = "jobs.Job"
"""A piece of background work."""
PUBLICATION: Final = "indicators.Publication"
"""A computed, disclosure-controlled table of every measure."""
AUDIT_EVENT: Final = "accounts.AuditEvent"
"""An entry of the audit log."""
ACTION_CHANGE: Final = "outcomes.ActionChange"
"""A change recorded to the action plan (an update, a milestone, lead partners)."""
API_TOKEN: Final = "accounts.ApiToken"
"""A user's API token."""


def model(label: str) -> Any:
    """The model class with the given ``app_label.ModelName``."""
    return apps.get_model(label)


def user_model() -> Any:
    """The user model (``AUTH_USER_MODEL``)."""
    return apps.get_model(settings.AUTH_USER_MODEL)
