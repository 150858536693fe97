"""Publishing the measures from the data in force, and reading what was published.

Whenever a snapshot is accepted a publication is queued; its job takes the data in force (see
:mod:`careforce.web.backend.snapshots`), runs :func:`compute_indicators` on it — the same
computation, disclosure control and files as ``careforce indicators compute`` — and records
the publication. Pages and the API read the latest ready publication's table, kept in memory
until a newer one is ready.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Final

import polars as pl
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.indicators.catalogue import measure_ids
from careforce.core.indicators.compute import QUALITY_SCHEMA
from careforce.core.publishing.trends import TRENDS_SCHEMA
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    MEASURE_ID,
    PERIOD,
)
from careforce.io.csv_text import UnreadableFileError
from careforce.io.datasets import read_text_table
from careforce.io.raw_files import stored_path
from careforce.io.snapshot_files import read_table, write_part
from careforce.services.indicators import IndicatorInputError, compute_indicators
from careforce.web.backend.estimates import estimates_folder
from careforce.web.backend.jobs import JobKind, Progress, enqueue
from careforce.web.backend.snapshots import parts_in_force
from careforce.web.models.indicators.models import Publication
from careforce.web.models.indicators.terms import PublicationStatus
from careforce.web.models.uploads.models import Upload
from careforce.web.models.uploads.terms import Source, UploadStatus

logger = logging.getLogger(__name__)


PUBLICATIONS_FOLDER: Final = "publications"
"""Folder of the media root with one folder per publication."""
TABLE_FILE: Final = "indicators.parquet"
"""The published table of a publication."""
DOWNLOADS: Final = {
    "csv": ("indicators.csv", "text/csv; charset=utf-8"),
    "ods": ("indicators.ods", "application/vnd.oasis.opendocument.spreadsheet"),
    "xlsx": (
        "indicators.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "quality": ("data_quality.csv", "text/csv; charset=utf-8"),
}
"""The whole publication's files, by download name: (file, media type)."""


@dataclass(frozen=True)
class Published:
    """What a publication holds, in memory.

    Attributes:
        publication_id: the publication.
        created: when it was computed.
        table: every published value (the columns of ``indicators.csv``).
        trends: the trend of each series.
        quality: workplaces left out of each workplace-reported measure, by state.
        policy: the disclosure control it was published under (the service publishes with
            the default thresholds).
    """

    publication_id: int
    created: dt.datetime
    table: pl.DataFrame
    trends: pl.DataFrame
    quality: pl.DataFrame
    policy: DisclosurePolicy = field(default_factory=DisclosurePolicy)

    @property
    def key(self) -> tuple[int, str]:
        """Identifies this publication's content, for what is kept in memory from it."""
        return self.publication_id, str(self.created)

    @cached_property
    def periods(self) -> list[str]:
        """The periods published, oldest first (worked out once per publication)."""
        return sorted(self.table[PERIOD].unique().to_list())

    @cached_property
    def areas(self) -> list[tuple[str, str]]:
        """The areas published: (code, name), by name (worked out once per publication)."""
        pairs = self.table.select(AREA_CODE, AREA_NAME).unique().sort(AREA_NAME)
        return list(pairs.iter_rows())


def request_publication(*, reason: str) -> int:
    """Queue the measures to be published again from the data in force.

    Returns:
        The publication's id.
    """
    publication = Publication.objects.create(
        status=PublicationStatus.PENDING.value, reason=reason[:200]
    )
    publication.job_id = enqueue(
        JobKind.PUBLISH_MEASURES, payload={"publication_id": publication.pk}
    )
    publication.save(update_fields=["job_id"])
    return int(publication.pk)


class PublicationNotRetryableError(ValueError):
    """There is no failed publication to try again (or one is already waiting or running)."""


def publication_failed(payload: dict[str, Any], message: str) -> None:
    """Job failure handler: the publication failed (it is no longer shown as being updated)."""
    Publication.objects.filter(
        pk=payload["publication_id"],
        status__in=(PublicationStatus.PENDING.value, PublicationStatus.RUNNING.value),
    ).update(status=PublicationStatus.FAILED.value, finished=timezone.now(), message=message)


def failed_publication() -> Publication | None:
    """The latest publication when it failed and nothing newer waits (None otherwise)."""
    latest = (
        Publication.objects.exclude(status=PublicationStatus.SUPERSEDED.value)
        .order_by("-id")
        .first()
    )
    if latest is None or latest.status != PublicationStatus.FAILED.value:
        return None
    return latest


def retry_publication() -> int:
    """Publish the measures again after the latest publication failed.

    Returns:
        The new publication's id.

    Raises:
        PublicationNotRetryableError: the latest publication did not fail.
    """
    failed = failed_publication()
    if failed is None:
        raise PublicationNotRetryableError("The latest publication of the measures did not fail.")
    return request_publication(reason=f"Publication {failed.pk} failed; tried again")


def _comparators() -> tuple[Path | None, str]:
    """The comparator file to use and how to name it: the latest stored upload of comparator
    values, else the ``CAREFORCE_COMPARATORS`` setting, else none."""
    latest = (
        Upload.objects.filter(source=Source.COMPARATORS.value, status=UploadStatus.STORED.value)
        .order_by("-created", "-id")
        .first()
    )
    if latest is not None:
        first = latest.files.order_by("position").first()
        if first is not None:
            path = stored_path(Path(settings.MEDIA_ROOT), first.stored)
            return path, f"{first.name} (upload {latest.pk})"
    configured = getattr(settings, "CAREFORCE_COMPARATORS", None)
    return (Path(configured), Path(configured).name) if configured else (None, "")


def run_publication(payload: dict[str, Any], progress: Progress) -> None:
    """Job: publish the measures (the ``publish-measures`` job)."""
    publications = Publication.objects
    publication = publications.get(pk=payload["publication_id"])
    newer = publications.filter(
        pk__gt=publication.pk, status=PublicationStatus.PENDING.value
    ).exists()
    if newer:
        # A later request will publish everything this one would have: skip the work.
        publications.filter(pk=publication.pk).update(
            status=PublicationStatus.SUPERSEDED.value, finished=timezone.now()
        )
        return
    publications.filter(pk=publication.pk).update(status=PublicationStatus.RUNNING.value)
    root = Path(settings.MEDIA_ROOT)
    relative = f"{PUBLICATIONS_FOLDER}/{publication.pk}"
    folder = root / relative
    shutil.rmtree(folder, ignore_errors=True)
    progress("Choosing the data in force", 0, 3)
    parts = parts_in_force()
    if not parts:
        publications.filter(pk=publication.pk).update(
            status=PublicationStatus.READY.value,
            finished=timezone.now(),
            rows=0,
            directory="",
            snapshot_ids=[],
            message="No data has been accepted yet.",
        )
        return
    inputs = []
    for part in parts:
        if part.complete:
            inputs.append(root / part.directory)
        else:
            target = folder / "inputs" / str(part.snapshot_id)
            write_part(root / part.directory, target, establishment_ids=part.establishment_ids)
            inputs.append(target)
    progress("Computing the measures", 1, 3)
    comparators, comparators_name = _comparators()
    estimates = estimates_folder()
    message = ""
    try:
        result = compute_indicators(
            inputs, out=folder, comparators=comparators, estimates=estimates
        )
    except (IndicatorInputError, UnreadableFileError) as error:
        if comparators is None and estimates is None:
            raise
        unused = ["comparator values"] if comparators is not None else []
        unused += ["whole-sector estimates"] if estimates is not None else []
        message = f"The {' or the '.join(unused)} could not be used ({error}); " + (
            "no comparisons are shown."
            if estimates is None
            else "the measures are published without them."
        )
        result = compute_indicators(inputs, out=folder, comparators=None)
    progress("Recording the publication", 2, 3)
    publications.filter(pk=publication.pk).update(
        status=PublicationStatus.READY.value,
        finished=timezone.now(),
        rows=result.table.height,
        directory=relative,
        snapshot_ids=[part.snapshot_id for part in parts],
        comparators=comparators_name if comparators and not message else "",
        message=message,
    )
    # Earlier publications' files stay: downloads already started can finish, and the
    # record of what was published when remains.


def current_publication() -> Publication | None:
    """The latest ready publication (None before any)."""
    return (
        Publication.objects.filter(status=PublicationStatus.READY.value)
        .order_by("-finished", "-id")
        .first()
    )


def pending_publication() -> Publication | None:
    """A publication waiting or running (None when the measures are up to date)."""
    return (
        Publication.objects.filter(
            Q(status=PublicationStatus.PENDING.value) | Q(status=PublicationStatus.RUNNING.value)
        )
        .order_by("-id")
        .first()
    )


def recent_publications(limit: int) -> QuerySet[Publication]:
    """The latest publications, newest first (of any status)."""
    return Publication.objects.all()[:limit]


def ready_publication(publication_id: int) -> Publication | None:
    """A ready publication by id (None when there is none)."""
    return Publication.objects.filter(
        pk=publication_id, status=PublicationStatus.READY.value
    ).first()


_cache: dict[tuple[int, str], Published] = {}
_cache_lock = threading.Lock()


def _read_csv(path: Path, schema: pl.Schema) -> pl.DataFrame:
    if not path.exists():
        return pl.DataFrame(schema=schema)
    table = read_text_table(path)
    if table.is_empty():
        return pl.DataFrame(schema=schema)
    return table.select(pl.col(name).cast(dtype) for name, dtype in schema.items())


def published() -> Published | None:
    """The latest ready publication's tables (None when nothing is published yet)."""
    publication = current_publication()
    if publication is None or not publication.directory:
        return None
    key = (publication.pk, str(publication.finished or publication.created))
    with _cache_lock:
        found = _cache.get(key)
    if found is not None:
        return found
    folder = Path(settings.MEDIA_ROOT) / publication.directory
    loaded = Published(
        publication_id=publication.pk,
        created=publication.finished or publication.created,
        table=read_table(folder / TABLE_FILE),
        trends=_read_csv(folder / "trends.csv", TRENDS_SCHEMA),
        quality=_read_csv(folder / "data_quality.csv", QUALITY_SCHEMA),
    )
    with _cache_lock:
        _cache.clear()
        _cache[key] = loaded
    return loaded


def publication_file(publication: Publication, name: str) -> tuple[Path, str]:
    """A file of a publication by download name (``csv``, ``ods``, ``xlsx``, ``quality``).

    Returns:
        The path and its media type.

    Raises:
        FileNotFoundError: there is no such file.
    """
    if name not in DOWNLOADS or not publication.directory:
        raise FileNotFoundError(name)
    file, media_type = DOWNLOADS[name]
    return stored_path(Path(settings.MEDIA_ROOT), f"{publication.directory}/{file}"), media_type


def measure_values(
    table: pl.DataFrame,
    *,
    measure_id: str,
    period: str | None = None,
    area_code: str | None = None,
    breakdown: str | None = None,
    breakdown_value: str | None = None,
) -> pl.DataFrame:
    """Published values of one measure, optionally for one period, area and breakdown."""
    conditions = [pl.col(MEASURE_ID) == measure_id]
    for column, wanted in (
        (PERIOD, period),
        (AREA_CODE, area_code),
        (BREAKDOWN, breakdown),
        (BREAKDOWN_VALUE, breakdown_value),
    ):
        if wanted:
            conditions.append(pl.col(column) == wanted)
    return table.filter(*conditions)


def published_measure_ids(table: pl.DataFrame) -> list[str]:
    """The measures with published values, in catalogue order."""
    present = set(table[MEASURE_ID].unique().to_list())
    return [measure_id for measure_id in measure_ids() if measure_id in present]
