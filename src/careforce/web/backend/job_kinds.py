"""The kinds of background job and what each runs: validating an upload and publishing the
measures (used by the job worker, :mod:`careforce.web.backend.jobs`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from careforce.web.backend.jobs import Handler, JobKind
from careforce.web.backend.publications import run_publication
from careforce.web.backend.uploads import run_validation

HANDLERS: Final[Mapping[JobKind, Handler]] = {
    JobKind.VALIDATE_UPLOAD: run_validation,
    JobKind.PUBLISH_MEASURES: run_publication,
}
"""What each kind of job runs, called with the job's payload and a progress callback."""
