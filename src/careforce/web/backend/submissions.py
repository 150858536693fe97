"""Use case: which organisations and workplaces have returned data for a period.

For the partnership's administrators and analysts only (``Viewer.sees_partnership_overview``):
organisation- and workplace-level submission status, the area's coverage and each provider's
data quality. Submission status is not staff data.

The workplaces *known to careforce* are those registered to an organisation and those in any
accepted return; until estimates from the CQC register land, they are the denominator of the
coverage figures.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from careforce.core.indicators.frames import period_label
from careforce.core.vocab.canonical_columns import Establishment as E
from careforce.web.backend.access import NotVisibleError, Viewer
from careforce.web.backend.snapshots import ORGANISATION_ID, SNAPSHOT_ID, workplaces_in_force
from careforce.web.models.organisations.models import Organisation, Workplace
from careforce.web.models.organisations.terms import OrganisationKind
from careforce.web.models.uploads.models import Finding, Snapshot, SnapshotWorkplace, Upload
from careforce.web.models.uploads.terms import Severity, Source, UploadStatus

TOP_RULES: Final = 3
"""How many rule codes the data-quality table names for each provider."""
WITH_ERRORS: Final = frozenset({UploadStatus.INVALID, UploadStatus.UNUSABLE})
"""Upload statuses that mean the latest upload has errors."""
CHECKED: Final = frozenset({UploadStatus.VALID, UploadStatus.INVALID, UploadStatus.ACCEPTED})
"""Upload statuses whose findings and record counts are complete."""


class SubmissionStatus(StrEnum):
    """Where an organisation's (or workplace's) return for a period is."""

    RETURNED = "returned"
    """An accepted return is in force."""
    ERRORS = "errors"
    """Nothing accepted, and the latest upload has errors."""
    LATE = "late"
    """Nothing accepted by the due date."""
    NOT_RETURNED = "not-returned"
    """Nothing accepted yet, and the due date has not passed."""

    @property
    def label(self) -> str:
        """The status as pages name it."""
        return {
            SubmissionStatus.RETURNED: "Returned",
            SubmissionStatus.ERRORS: "Latest upload has errors",
            SubmissionStatus.LATE: "Late",
            SubmissionStatus.NOT_RETURNED: "Not returned yet",
        }[self]

    @property
    def colour(self) -> str:
        """The GOV.UK tag colour of the status."""
        return {
            SubmissionStatus.RETURNED: "green",
            SubmissionStatus.ERRORS: "red",
            SubmissionStatus.LATE: "orange",
            SubmissionStatus.NOT_RETURNED: "grey",
        }[self]


@dataclass(frozen=True)
class OrganisationSubmission:
    """An organisation's return for the period."""

    organisation_id: int
    name: str
    kind: str
    status: SubmissionStatus
    workplaces_known: int
    workplaces_returned: int
    filled_posts: int
    latest_upload: dt.date | None
    latest_upload_status: str

    @property
    def kind_label(self) -> str:
        """The organisation's kind as pages name it."""
        return OrganisationKind(self.kind).label


@dataclass(frozen=True)
class WorkplaceSubmission:
    """A known workplace's return for the period.

    Attributes:
        filled_posts: staff records in force in the period, else the latest known (from
            ``posts_period``), else None.
    """

    organisation_id: int
    organisation: str
    reference: str
    name: str
    main_service: str
    status: SubmissionStatus
    filled_posts: int | None
    posts_period: str


@dataclass(frozen=True)
class Coverage:
    """How much of the area the returns cover (the denominator: workplaces known to careforce).

    Attributes:
        workplaces_known: workplaces known to careforce.
        workplaces_returned: those with an accepted return in force for the period.
        posts_returned: staff records of the returned workplaces.
        posts_known: those plus the latest known staff records of the others.
        workplaces_without_posts: known workplaces with no staff records figure at all (not in
            ``posts_known``).
    """

    workplaces_known: int
    workplaces_returned: int
    posts_returned: int
    posts_known: int
    workplaces_without_posts: int

    @property
    def workplace_share(self) -> float | None:
        """Share of known workplaces that returned."""
        return self.workplaces_returned / self.workplaces_known if self.workplaces_known else None

    @property
    def post_share(self) -> float | None:
        """Share of known filled posts in returned workplaces."""
        return self.posts_returned / self.posts_known if self.posts_known else None


@dataclass(frozen=True)
class RuleCount:
    """Findings of one rule in an upload."""

    code: str
    severity: str
    count: int


@dataclass(frozen=True)
class ProviderQuality:
    """The data quality of an organisation's latest upload for the period."""

    organisation: str
    upload_id: int
    uploaded: dt.date
    status: str
    records: int | None
    errors: int
    warnings: int
    rules: tuple[RuleCount, ...]

    @property
    def errors_per_100(self) -> float | None:
        """Errors per 100 records (workplace, staff and training rows)."""
        return 100 * self.errors / self.records if self.records else None

    @property
    def top_rules(self) -> tuple[RuleCount, ...]:
        """The rules with most findings (errors first)."""
        return self.rules[:TOP_RULES]


@dataclass(frozen=True)
class SubmissionsReport:
    """The submissions page: everything for one period, filtered."""

    period: str | None
    periods: list[str]
    due: dt.date | None
    status: str
    kind: str
    organisations: list[OrganisationSubmission]
    workplaces: list[WorkplaceSubmission]
    coverage: Coverage
    quality: list[ProviderQuality] = field(default_factory=list)


def require_overview(viewer: Viewer) -> None:
    """Refuse viewers who may not see every provider's submissions.

    Raises:
        NotVisibleError: the viewer is not an administrator or a partner analyst.
    """
    if not viewer.sees_partnership_overview:
        raise NotVisibleError("only the partnership's administrators and analysts see this")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day some months later (the month's last day where it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(period: str) -> dt.date:
    """When a period's returns are due: ``CAREFORCE_RETURN_DUE_MONTHS`` after 31 March."""
    reference = dt.date(int(period[:4]) + 1, 3, 31)
    return add_months(reference, int(settings.CAREFORCE_RETURN_DUE_MONTHS))


def _ascwds_uploads() -> list[Upload]:
    return list(
        Upload.objects.filter(source=Source.ASCWDS.value, reference_date__isnull=False)
        .exclude(status=UploadStatus.DUPLICATE.value)
        .order_by("created", "id")
    )


def submission_periods() -> list[str]:
    """Periods with accepted data or ASC-WDS uploads, newest first."""
    periods = set(Snapshot.objects.values_list("period", flat=True))
    periods |= {
        period_label(day)
        for day in Upload.objects.filter(
            source=Source.ASCWDS.value, reference_date__isnull=False
        ).values_list("reference_date", flat=True)
        if day is not None
    }
    return sorted(periods, reverse=True)


def latest_uploads(period: str | None = None) -> dict[int, Upload]:
    """Each organisation's latest ASC-WDS upload (for one period, or any)."""
    latest: dict[int, Upload] = {}
    for upload in _ascwds_uploads():
        if upload.reference_date is None:
            continue
        if period is None or period_label(upload.reference_date) == period:
            latest[upload.organisation_id] = upload
    return latest


@dataclass
class _Known:
    organisation_id: int
    reference: str
    name: str = ""
    main_service: str = ""
    posts: int | None = None
    posts_period: str = ""


def known_workplaces() -> dict[tuple[int, str], _Known]:
    """Every workplace known to careforce (registered, or in an accepted return), with its
    latest staff records figure."""
    known: dict[tuple[int, str], _Known] = {}
    for organisation_id, reference, name, service in Workplace.objects.values_list(
        "organisation_id", "reference", "name", "main_service"
    ):
        known[(organisation_id, reference)] = _Known(organisation_id, reference, name, service)
    rows = SnapshotWorkplace.objects.order_by("period", "snapshot__created", "snapshot_id")
    for organisation_id, reference, name, service, period, workers in rows.values_list(
        "organisation_id", "establishment_id", "name", "main_service", "period", "workers"
    ):
        entry = known.setdefault((organisation_id, reference), _Known(organisation_id, reference))
        entry.name = name or entry.name
        entry.main_service = service or entry.main_service
        entry.posts, entry.posts_period = workers, period
    return known


def expected_organisations() -> list[Organisation]:
    """Organisations expected to return data: care providers and any organisation with known
    workplaces."""
    with_workplaces = {key[0] for key in known_workplaces()}
    return [
        organisation
        for organisation in Organisation.objects.order_by("name", "id")
        if organisation.kind == OrganisationKind.PROVIDER.value
        or organisation.pk in with_workplaces
    ]


def _returned_posts(period: str) -> dict[tuple[int, str], int]:
    in_force = workplaces_in_force(period=period)
    keys = {
        (row[SNAPSHOT_ID], row[E.ESTABLISHMENT_ID]): row[ORGANISATION_ID]
        for row in in_force.iter_rows(named=True)
    }
    posts: dict[tuple[int, str], int] = {}
    rows = SnapshotWorkplace.objects.filter(period=period).values_list(
        "snapshot_id", "establishment_id", "workers"
    )
    for snapshot_id, reference, workers in rows:
        organisation_id = keys.get((snapshot_id, reference))
        if organisation_id is not None:
            posts[(organisation_id, reference)] = workers
    return posts


def _status(
    returned: bool, upload: Upload | None, due: dt.date, today: dt.date
) -> SubmissionStatus:
    if returned:
        return SubmissionStatus.RETURNED
    if upload is not None and upload.status in WITH_ERRORS:
        return SubmissionStatus.ERRORS
    return SubmissionStatus.LATE if today > due else SubmissionStatus.NOT_RETURNED


def rule_counts(uploads: Iterable[Upload]) -> dict[int, tuple[RuleCount, ...]]:
    """Each upload's findings by rule code, errors first, then most found."""
    ids = [upload.pk for upload in uploads]
    found: dict[int, list[RuleCount]] = defaultdict(list)
    rows = (
        Finding.objects.filter(upload_id__in=ids)
        .values("upload_id", "code", "severity")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        found[row["upload_id"]].append(RuleCount(row["code"], row["severity"], row["n"]))
    return {
        upload_id: tuple(
            sorted(counts, key=lambda r: (r.severity != Severity.ERROR.value, -r.count, r.code))
        )
        for upload_id, counts in found.items()
    }


def upload_records(upload: Upload) -> int | None:
    """The rows an upload's files held (workplaces, staff and training records)."""
    counts = [upload.workplaces, upload.staff_records, upload.training_records]
    if all(count is None for count in counts):
        return None
    return sum(count or 0 for count in counts)


def _quality(
    organisations: list[Organisation], uploads: dict[int, Upload]
) -> list[ProviderQuality]:
    chosen = [uploads[o.pk] for o in organisations if o.pk in uploads]
    rules = rule_counts(chosen)
    return [
        ProviderQuality(
            organisation=organisation.name,
            upload_id=upload.pk,
            uploaded=timezone.localdate(upload.created),
            status=UploadStatus(upload.status).label,
            records=upload_records(upload),
            errors=upload.errors,
            warnings=upload.warnings,
            rules=rules.get(upload.pk, ()),
        )
        for organisation in organisations
        if (upload := uploads.get(organisation.pk)) is not None and upload.status in CHECKED
    ]


def _empty(periods: list[str], status: str, kind: str) -> SubmissionsReport:
    return SubmissionsReport(
        period=None,
        periods=periods,
        due=None,
        status=status,
        kind=kind,
        organisations=[],
        workplaces=[],
        coverage=Coverage(0, 0, 0, 0, 0),
    )


def submissions(
    *,
    viewer: Viewer,
    period: str | None = None,
    status: str = "",
    kind: str = "",
    today: dt.date | None = None,
) -> SubmissionsReport:
    """Organisations and their workplaces by submission status for a period.

    Args:
        viewer: who asks (an administrator or a partner analyst).
        period: the period (default: the newest with data or uploads).
        status: show only this ``SubmissionStatus`` (default: all).
        kind: show only organisations of this kind (default: all).
        today: the date lateness is judged on (default: today).

    Raises:
        NotVisibleError: the viewer may not see every provider's submissions.
    """
    require_overview(viewer)
    status = status if status in {s.value for s in SubmissionStatus} else ""
    kind = kind if kind in {k.value for k in OrganisationKind} else ""
    periods = submission_periods()
    if not periods:
        return _empty(periods, status, kind)
    chosen = period if period in periods else periods[0]
    due = due_date(chosen)
    day = today or timezone.localdate()
    uploads = latest_uploads(chosen)
    returned = _returned_posts(chosen)
    known = known_workplaces()
    for organisation_id, reference in returned:
        known.setdefault((organisation_id, reference), _Known(organisation_id, reference))
    expected = expected_organisations()
    by_organisation: dict[int, list[_Known]] = defaultdict(list)
    for key in sorted(known, key=lambda k: k[1]):
        by_organisation[key[0]].append(known[key])
    rows, places = [], []
    for organisation in expected:
        mine = by_organisation.get(organisation.pk, [])
        returned_here = [w for w in mine if (organisation.pk, w.reference) in returned]
        upload = uploads.get(organisation.pk)
        state = _status(bool(returned_here), upload, due, day)
        rows.append(
            OrganisationSubmission(
                organisation_id=organisation.pk,
                name=organisation.name,
                kind=organisation.kind,
                status=state,
                workplaces_known=len(mine),
                workplaces_returned=len(returned_here),
                filled_posts=sum(returned[(organisation.pk, w.reference)] for w in returned_here),
                latest_upload=timezone.localdate(upload.created) if upload else None,
                latest_upload_status=UploadStatus(upload.status).label if upload else "",
            )
        )
        for workplace in mine:
            posts = returned.get((organisation.pk, workplace.reference))
            place_state = (
                SubmissionStatus.RETURNED if posts is not None else _status(False, upload, due, day)
            )
            places.append(
                WorkplaceSubmission(
                    organisation_id=organisation.pk,
                    organisation=organisation.name,
                    reference=workplace.reference,
                    name=workplace.name,
                    main_service=workplace.main_service,
                    status=place_state,
                    filled_posts=posts if posts is not None else workplace.posts,
                    posts_period=chosen if posts is not None else workplace.posts_period,
                )
            )
    coverage = _coverage(places)
    shown = [r for r in rows if (not status or r.status == status) and (not kind or r.kind == kind)]
    of_kind = {o.pk for o in expected if not kind or o.kind == kind}
    shown_ids = {r.organisation_id for r in shown}
    return SubmissionsReport(
        period=chosen,
        periods=periods,
        due=due,
        status=status,
        kind=kind,
        organisations=shown,
        workplaces=[
            p for p in places if p.organisation_id in of_kind and (not status or p.status == status)
        ],
        coverage=coverage,
        quality=_quality([o for o in expected if o.pk in shown_ids], uploads),
    )


def _coverage(places: list[WorkplaceSubmission]) -> Coverage:
    returned = [p for p in places if p.status is SubmissionStatus.RETURNED]
    return Coverage(
        workplaces_known=len(places),
        workplaces_returned=len(returned),
        posts_returned=sum(p.filled_posts or 0 for p in returned),
        posts_known=sum(p.filled_posts or 0 for p in places),
        workplaces_without_posts=sum(1 for p in places if p.filled_posts is None),
    )
