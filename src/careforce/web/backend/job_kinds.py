"""The kinds of background job, what each runs and whom a failure is told: validating an
upload, publishing the measures, the progress report and the data appendix (used by the job worker, :mod:`careforce.web.backend.jobs`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from careforce.web.backend.appendix import run_appendix
from careforce.web.backend.appendix_templates import appendix_failed
from careforce.web.backend.jobs import FailureHandler, Handler, JobKind
from careforce.web.backend.progress_reports import report_failed, run_report
from careforce.web.backend.publications import publication_failed, run_publication
from careforce.web.backend.uploads import run_validation, validation_failed

HANDLERS: Final[Mapping[JobKind, Handler]] = {
    JobKind.VALIDATE_UPLOAD: run_validation,
    JobKind.PUBLISH_MEASURES: run_publication,
    JobKind.PROGRESS_REPORT: run_report,
    JobKind.PUBLISH_APPENDIX: run_appendix,
}
"""What each kind of job runs, called with the job's payload and a progress callback."""
ON_FAILURE: Final[Mapping[JobKind, FailureHandler]] = {
    JobKind.VALIDATE_UPLOAD: validation_failed,
    JobKind.PUBLISH_MEASURES: publication_failed,
    JobKind.PROGRESS_REPORT: report_failed,
    JobKind.PUBLISH_APPENDIX: appendix_failed,
}
"""Told when a job of the kind fails for good (a fault, or too many interruptions), so that
its upload or publication shows a failed state that can be tried again."""
