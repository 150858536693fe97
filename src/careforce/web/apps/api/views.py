"""The JSON API, version 1: the measure catalogue and published values (open to everyone),
and uploads, findings and snapshots (signed-in administrators and provider users, each seeing
only what the pages show them). Session cookies or ``Authorization: Token <token>``."""
# mypy: allow-untyped-decorators

from __future__ import annotations

import math
from typing import Any

import polars as pl
from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from careforce.core.indicators.catalogue import MEASURES, Measure, UnknownMeasureError, measure
from careforce.web.apps.api.openapi import document
from careforce.web.apps.api.responses import (
    RECORD_ROLES,
    api_view,
    choice_parameter,
    paginated,
    problem,
    viewer_label,
)
from careforce.web.backend import publications, uploads
from careforce.web.backend.access import NotVisibleError, Viewer
from careforce.web.models.uploads.terms import Severity


def _measure_json(entry: Measure) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "description": entry.description,
        "unit": entry.unit.value,
        "polarity": entry.polarity.value,
        "kind": entry.kind.value,
        "numerator": entry.numerator,
        "denominator": entry.denominator,
        "breakdowns": [dimension.value for dimension in entry.breakdowns],
        "categories": entry.categories.value if entry.categories else None,
        "methodology": entry.methodology,
        "links": {
            "values": reverse("api:value-list", args=[entry.id]),
            "page": reverse("indicators:measure-detail", args=[entry.id]),
        },
    }


def _catalogue() -> list[Measure]:
    first: dict[str, Measure] = {}
    for entry in MEASURES:
        first.setdefault(entry.id, entry)
    return list(first.values())


@api_view()
def root(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """What the API offers."""
    return JsonResponse(
        {
            "version": "1",
            "viewer": viewer_label(viewer),
            "links": {
                "openapi": reverse("api:schema-show"),
                "measures": reverse("api:measure-list"),
                "uploads": reverse("api:upload-list"),
                "snapshots": reverse("api:snapshot-list"),
                "scorecard": reverse("api:scorecard-show"),
                "action_plan": reverse("api:action-plan-show"),
                "projections": reverse("api:projection-list"),
                "appendix_tables": reverse("api:appendix-table-list"),
                "documentation": reverse("api:documentation-show"),
            },
        }
    )


@api_view()
def schema(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """The OpenAPI 3 document of this API."""
    return JsonResponse(document(), json_dumps_params={"indent": 2})


@api_view()
def measure_list(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """The measure catalogue."""
    return paginated(request, _catalogue(), _measure_json)


@api_view()
def measure_detail(request: HttpRequest, viewer: Viewer, measure_id: str) -> JsonResponse:
    """One measure of the catalogue."""
    try:
        return JsonResponse(_measure_json(measure(measure_id)))
    except UnknownMeasureError:
        return problem(404, "There is no such measure.")


def _value_json(row: dict[str, Any]) -> dict[str, Any]:
    return {
        key: (None if isinstance(value, float) and math.isnan(value) else value)
        for key, value in row.items()
    }


@api_view()
def value_list(request: HttpRequest, viewer: Viewer, measure_id: str) -> JsonResponse:
    """Published values of a measure, filtered by period, area and breakdown."""
    try:
        measure(measure_id)
    except UnknownMeasureError:
        return problem(404, "There is no such measure.")
    published = publications.published()
    if published is None:
        rows: list[dict[str, Any]] = []
    else:
        table = publications.measure_values(
            published.table,
            measure_id=measure_id,
            period=request.GET.get("period") or None,
            area_code=request.GET.get("area_code") or None,
            breakdown=request.GET.get("breakdown") or None,
            breakdown_value=request.GET.get("breakdown_value") or None,
        )
        rows = table.with_columns(pl.col(pl.Float64).fill_nan(None)).to_dicts()
    return paginated(request, rows, _value_json)


def _upload_json(upload: Any) -> dict[str, Any]:
    snapshot = getattr(upload, "snapshot", None) if upload.status == "accepted" else None
    return {
        "id": upload.pk,
        "organisation": {"id": upload.organisation_id, "name": upload.organisation.name},
        "source": upload.source,
        "status": upload.status,
        "status_label": upload.status_label,
        "reference_date": upload.reference_date.isoformat() if upload.reference_date else None,
        "created": upload.created.isoformat(),
        "errors": upload.errors,
        "warnings": upload.warnings,
        "findings_not_stored": upload.findings_not_stored,
        "workplaces": upload.workplaces,
        "staff_records": upload.staff_records,
        "training_records": upload.training_records,
        "duplicate_of": upload.duplicate_of_id,
        "snapshot": snapshot.pk if snapshot is not None else None,
        "files": [
            {
                "position": f.position,
                "name": f.name,
                "role": f.role,
                "sha256": f.sha256,
                "bytes": f.size,
            }
            for f in uploads.upload_files(upload)
        ],
        "links": {
            "findings": reverse("api:finding-list", args=[upload.pk]),
            "page": reverse("uploads:upload-detail", args=[upload.pk]),
        },
    }


@api_view(roles=RECORD_ROLES)
def upload_list(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """Uploads the viewer may see, newest first."""
    return paginated(
        request,
        uploads.uploads_with_files(viewer, with_snapshot=True),
        _upload_json,
    )


@api_view(roles=RECORD_ROLES)
def upload_detail(request: HttpRequest, viewer: Viewer, upload_id: int) -> JsonResponse:
    """One upload (404 when it is another organisation's)."""
    try:
        return JsonResponse(_upload_json(uploads.visible_upload(viewer, upload_id)))
    except NotVisibleError:
        return problem(404, "There is no such upload.")


@api_view(roles=RECORD_ROLES)
def finding_list(request: HttpRequest, viewer: Viewer, upload_id: int) -> JsonResponse:
    """The findings of an upload, by file and line, optionally of one severity or file."""
    try:
        upload = uploads.visible_upload(viewer, upload_id)
    except NotVisibleError:
        return problem(404, "There is no such upload.")
    severity = choice_parameter(request, "severity", [s.value for s in Severity])
    file = choice_parameter(request, "file", ["workplace", "staff", "training"])
    findings = uploads.findings_of(
        upload, severity=Severity(severity) if severity else None, file=file
    )
    guidance: dict[str, str] = {}

    def serialise(finding: Any) -> dict[str, Any]:
        if finding.code not in guidance:
            guidance[finding.code] = uploads.guidance(finding.code)
        return {
            "file": finding.file,
            "line": finding.line,
            "column": finding.column,
            "value": finding.value,
            "code": finding.code,
            "severity": finding.severity,
            "message": finding.message,
            "guidance": guidance[finding.code],
            "more_like_this": finding.more,
        }

    return paginated(request, findings, serialise)


def _snapshot_json(snapshot: Any) -> dict[str, Any]:
    return {
        "id": snapshot.pk,
        "upload": snapshot.upload_id,
        "organisation": {"id": snapshot.organisation_id, "name": snapshot.organisation.name},
        "period": snapshot.period,
        "reference_date": snapshot.reference_date.isoformat(),
        "area_code": snapshot.area_code,
        "area_name": snapshot.area_name,
        "created": snapshot.created.isoformat(),
        "workplaces": snapshot.workplaces,
        "workers": snapshot.workers,
    }


@api_view(roles=RECORD_ROLES)
def snapshot_list(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    """Snapshots holding the viewer's organisation's workplaces (administrators: all)."""
    return paginated(request, uploads.visible_snapshots(viewer), _snapshot_json)


@api_view(roles=RECORD_ROLES)
def snapshot_detail(request: HttpRequest, viewer: Viewer, snapshot_id: int) -> JsonResponse:
    """One snapshot (404 when none of its workplaces is the viewer's)."""
    try:
        return JsonResponse(_snapshot_json(uploads.visible_snapshot(viewer, snapshot_id)))
    except NotVisibleError:
        return problem(404, "There is no such snapshot.")
