"""The council's own appendix template, chosen on the service.

A partner analyst or administrator chooses a shipped template or uploads the council's own
(YAML, checked against the template schema; every problem named by line and field). A valid
template is kept under ``MEDIA_ROOT/appendix/<folder>/template.yaml`` and a ``publish-appendix``
job builds the appendix with it and writes its files (HTML, tagged PDF, ODS, XLSX) beside it,
as the ``publish-measures`` job publishes the measures. Once the job has succeeded, its template
is the one in force: the public appendix page and its downloads use it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from django.conf import settings

from careforce.io.appendix_files import DEFAULT_TEMPLATE, parse_template_text, shipped_templates
from careforce.io.config_files import ConfigurationFileError
from careforce.web.backend.access import Viewer
from careforce.web.backend.jobs import JobKind, JobState, enqueue, failure_text, job_state
from careforce.web.models.jobs.models import Job
from careforce.web.models.jobs.terms import JobStatus

APPENDIX_FOLDER: Final = "appendix"
"""Folder of the chosen templates and the appendices made with them, under ``MEDIA_ROOT``."""
TEMPLATE_NAME: Final = "template.yaml"
"""The chosen template, in its folder."""
KEY_NAME: Final = "built-from.txt"
"""What the appendix files in a folder were built from (the sources' key)."""
KEPT: Final = 3
"""Folders kept (older ones are removed when a new appendix is made)."""
UNAVAILABLE_PREFIX: Final = "AppendixUnavailableError: "
"""How a job's message starts when the appendix could not be made from the data."""


class AppendixUnavailableError(RuntimeError):
    """The appendix cannot be made from what is published (the message says why)."""


class TemplateProblemsError(ValueError):
    """A template is invalid: every problem, each naming its line and field."""

    def __init__(self, problems: list[str]) -> None:
        """Record every problem."""
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class TemplateRequest:
    """A template chosen: its job's progress, what it is and when it was asked for."""

    job: JobState
    name: str
    requested: dt.datetime
    finished: dt.datetime | None

    @property
    def ready(self) -> bool:
        """Whether the appendix was made with it (it is then in force)."""
        return self.job.status is JobStatus.SUCCEEDED

    @property
    def problem(self) -> str:
        """Why the appendix could not be made, in words for the page ('' unless it failed)."""
        return failure_text(
            self.job,
            prefix=UNAVAILABLE_PREFIX,
            fault="The appendix could not be made because of a fault in careforce. Try again.",
        )


def may_choose(viewer: Viewer) -> bool:
    """Whether the viewer may choose the template (partner analysts and administrators)."""
    return viewer.sees_partnership_overview


def shipped_names() -> list[str]:
    """The shipped templates' names."""
    return sorted(shipped_templates())


def shipped_text(name: str) -> str:
    """The text of a shipped template.

    Raises:
        KeyError: no shipped template has the name.
    """
    return shipped_templates()[name].read_text(encoding="utf-8")


def template_problems(text: str, *, name: str) -> list[str]:
    """Every problem of a template (``line N: field: message``); none when it is valid."""
    try:
        parse_template_text(text, source=name)
    except ConfigurationFileError as error:
        return list(error.problems)
    return []


def template_text() -> tuple[str, str]:
    """The name and text of the template in force (the shipped default until one is chosen)."""
    chosen = template_in_force()
    if chosen is not None:
        return chosen[0], chosen[1].read_text(encoding="utf-8")
    return DEFAULT_TEMPLATE, shipped_text(DEFAULT_TEMPLATE)


def folder_of(name: str) -> Path:
    """The folder of a chosen template and its appendix."""
    return Path(settings.MEDIA_ROOT) / APPENDIX_FOLDER / name


def request_appendix(viewer: Viewer, *, text: str, name: str) -> int:
    """Keep a template and queue the job that makes the appendix with it.

    Args:
        viewer: Who chose it.
        text: The template (YAML).
        name: What it is called on the page (the uploaded file's name or the shipped name).

    Returns:
        The job's id.

    Raises:
        PermissionError: the viewer may not choose the template.
        TemplateProblemsError: the template is invalid (every problem with line and field).
    """
    if not may_choose(viewer):
        raise PermissionError("Your account cannot choose the appendix template.")
    problems = template_problems(text, name=name)
    if problems:
        raise TemplateProblemsError(problems)
    folder = uuid.uuid4().hex
    path = folder_of(folder) / TEMPLATE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return enqueue(
        JobKind.PUBLISH_APPENDIX,
        payload={"folder": folder, "name": name, "requested_by": viewer.email},
    )


def appendix_failed(payload: dict[str, Any], message: str) -> None:
    """An appendix job failed for good: remove its folder (the page shows the failure)."""
    shutil.rmtree(folder_of(str(payload.get("folder", "none"))), ignore_errors=True)


def _made() -> Job | None:
    return (
        Job.objects.filter(kind=JobKind.PUBLISH_APPENDIX.value, status=JobStatus.SUCCEEDED.value)
        .order_by("-finished", "-id")
        .first()
    )


def remove_old(*, keep: str) -> None:
    """Remove the folders of all but the latest appendices made (and ``keep``)."""
    made = Job.objects.filter(
        kind=JobKind.PUBLISH_APPENDIX.value, status=JobStatus.SUCCEEDED.value
    ).order_by("-finished", "-id")
    pending = Job.objects.filter(
        kind=JobKind.PUBLISH_APPENDIX.value,
        status__in=[JobStatus.PENDING.value, JobStatus.RUNNING.value],
    )
    kept = {
        keep,
        *(str(job.payload.get("folder")) for job in made[: KEPT - 1]),
        *(str(job.payload.get("folder")) for job in pending),
    }
    root = Path(settings.MEDIA_ROOT) / APPENDIX_FOLDER
    for folder in root.iterdir() if root.is_dir() else ():
        if folder.name not in kept:
            shutil.rmtree(folder, ignore_errors=True)


def template_in_force() -> tuple[str, Path] | None:
    """The name and file of the template of the latest appendix made (None: the shipped
    default is in force)."""
    job = _made()
    if job is None:
        return None
    path = folder_of(str(job.payload.get("folder"))) / TEMPLATE_NAME
    return (str(job.payload.get("name") or TEMPLATE_NAME), path) if path.is_file() else None


def made_file(key: str, file_format: str) -> bytes | None:
    """A file of the latest appendix made, if it was built from ``key`` (else None)."""
    job = _made()
    if job is None:
        return None
    folder = folder_of(str(job.payload.get("folder")))
    built = folder / KEY_NAME
    path = folder / f"appendix.{file_format}"
    if not built.is_file() or built.read_text(encoding="utf-8") != key or not path.is_file():
        return None
    return path.read_bytes()


def latest_request() -> TemplateRequest | None:
    """The template chosen most recently (whatever its job's state), or None."""
    job = (
        Job.objects.filter(kind=JobKind.PUBLISH_APPENDIX.value).order_by("-created", "-id").first()
    )
    if job is None:
        return None
    state = job_state(job.pk)
    assert state is not None
    return TemplateRequest(
        job=state,
        name=str(job.payload.get("name") or TEMPLATE_NAME),
        requested=job.created,
        finished=job.finished,
    )
