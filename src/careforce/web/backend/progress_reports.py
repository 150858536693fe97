"""The annual progress report for the partnership board, made in the background.

A partner analyst or administrator asks for it; a ``progress-report`` job evaluates the
framework in force against the current publication for an area (the partnership's by default),
takes the action plan in force with the changes recorded on the service, and writes the report
(HTML and PDF, as ``careforce outcomes report`` does, with the priority training needs page)
under ``MEDIA_ROOT/progress-reports/``.
The latest report made is what the outcomes pages offer for download (the report is made from
published figures only, so anyone may download it).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from django.conf import settings

from careforce.io.reports import HTML_NAME, PDF_NAME
from careforce.services.outcomes import OutcomesInputError, write_report_of
from careforce.web.backend import publications
from careforce.web.backend.access import Viewer
from careforce.web.backend.action_plan import progress_in_force
from careforce.web.backend.demo_mode import demo_notice
from careforce.web.backend.jobs import (
    JobKind,
    JobState,
    Progress,
    enqueue,
    failure_text,
    job_state,
)
from careforce.web.backend.scorecard import partnership_area, published_evaluation
from careforce.web.backend.training_needs import ranked_needs
from careforce.web.models.jobs.models import Job
from careforce.web.models.jobs.terms import JobStatus

REPORTS_FOLDER: Final = "progress-reports"
"""Folder of the reports under ``MEDIA_ROOT``, one sub-folder per report."""
KEPT: Final = 5
"""Reports kept on disk (older ones are removed when a new one is made)."""
UNAVAILABLE_PREFIX: Final = "ReportUnavailableError: "
"""How a job's message starts when the report could not be made from the data."""


class ReportFormat(StrEnum):
    """Formats of the report."""

    HTML = "html"
    PDF = "pdf"

    @property
    def file_name(self) -> str:
        """The file the report job writes."""
        return HTML_NAME if self is ReportFormat.HTML else PDF_NAME

    @property
    def media_type(self) -> str:
        """The HTTP content type."""
        return "text/html; charset=utf-8" if self is ReportFormat.HTML else "application/pdf"


class ReportUnavailableError(RuntimeError):
    """The report cannot be made from what is published (the message says why)."""


@dataclass(frozen=True)
class ReportState:
    """A report asked for: its job's progress, and when it is ready, what it is of."""

    job: JobState
    requested: dt.datetime
    finished: dt.datetime | None
    area_name: str
    as_of: str

    @property
    def ready(self) -> bool:
        """Whether the report was made."""
        return self.job.status is JobStatus.SUCCEEDED

    @property
    def problem(self) -> str:
        """Why it could not be made, in words for the page ('' unless it failed)."""
        return failure_text(
            self.job,
            prefix=UNAVAILABLE_PREFIX,
            fault="The report could not be made because of a fault in careforce. Try again.",
        )


def may_request(viewer: Viewer) -> bool:
    """Whether the viewer may ask for a new report (partner analysts and administrators)."""
    return viewer.sees_partnership_overview


def request_report(viewer: Viewer, *, area: str | None = None) -> int:
    """Queue a new progress report.

    Returns:
        The job's id.

    Raises:
        PermissionError: the viewer may not ask for reports.
    """
    if not may_request(viewer):
        raise PermissionError("Your account cannot ask for a progress report.")
    return enqueue(
        JobKind.PROGRESS_REPORT,
        payload={
            "folder": uuid.uuid4().hex,
            "area": area,
            "requested_by": viewer.email,
        },
    )


def _folder(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / REPORTS_FOLDER / name


def run_report(payload: dict[str, Any], progress: Progress) -> None:
    """Job: write the progress report (the ``progress-report`` job)."""
    progress("Evaluating the outcomes framework", 0, 3)
    published = publications.published()
    if published is None:
        raise ReportUnavailableError(
            "No measures are published yet, so the outcomes cannot be reported."
        )
    area = payload.get("area") or partnership_area(published)
    try:
        evaluation = published_evaluation(published, area)
        progress("Taking the action plan in force", 1, 3)
        _, plan_progress = progress_in_force()
    except OutcomesInputError as error:
        raise ReportUnavailableError("; ".join(error.lines)) from None
    progress("Writing the report and its PDF", 2, 3)
    folder = _folder(str(payload["folder"]))
    shutil.rmtree(folder, ignore_errors=True)
    write_report_of(
        evaluation,
        plan_progress,
        out=folder,
        as_of=plan_progress.as_of,
        training_needs=ranked_needs(published),
        notice=demo_notice(),
    )
    _remove_old(keep=str(payload["folder"]))


def report_failed(payload: dict[str, Any], message: str) -> None:
    """A report job failed for good: remove what it wrote (the page shows the failure)."""
    shutil.rmtree(_folder(str(payload.get("folder", "none"))), ignore_errors=True)


def _remove_old(*, keep: str) -> None:
    made = Job.objects.filter(
        kind=JobKind.PROGRESS_REPORT.value, status=JobStatus.SUCCEEDED.value
    ).order_by("-finished", "-id")
    kept = {keep, *(str(job.payload.get("folder")) for job in made[: KEPT - 1])}
    root = Path(settings.MEDIA_ROOT) / REPORTS_FOLDER
    for folder in root.iterdir() if root.is_dir() else ():
        if folder.name not in kept:
            shutil.rmtree(folder, ignore_errors=True)


def _state(job: Job) -> ReportState:
    state = job_state(job.pk)
    assert state is not None
    area_name, as_of = "", ""
    if job.status == JobStatus.SUCCEEDED.value:
        manifest = _folder(str(job.payload.get("folder"))) / "scorecard_manifest.json"
        if manifest.exists():
            area_name = str(json.loads(manifest.read_text(encoding="utf-8")).get("area_name") or "")
        as_of = job.finished.date().isoformat() if job.finished else ""
    return ReportState(
        job=state, requested=job.created, finished=job.finished, area_name=area_name, as_of=as_of
    )


def latest_request() -> ReportState | None:
    """The report asked for most recently (whatever its state), or None."""
    job = Job.objects.filter(kind=JobKind.PROGRESS_REPORT.value).order_by("-created", "-id").first()
    return _state(job) if job is not None else None


def latest_report() -> ReportState | None:
    """The latest report made, or None."""
    job = (
        Job.objects.filter(kind=JobKind.PROGRESS_REPORT.value, status=JobStatus.SUCCEEDED.value)
        .order_by("-finished", "-id")
        .first()
    )
    return _state(job) if job is not None else None


def report_file(file_format: ReportFormat) -> Path | None:
    """The latest report made in a format (None: there is none)."""
    job = (
        Job.objects.filter(kind=JobKind.PROGRESS_REPORT.value, status=JobStatus.SUCCEEDED.value)
        .order_by("-finished", "-id")
        .first()
    )
    if job is None:
        return None
    path = _folder(str(job.payload.get("folder"))) / file_format.file_name
    return path if path.exists() else None
