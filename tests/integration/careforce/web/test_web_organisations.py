"""Organisations pages (administrators) and creating organisations from an area upload."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from careforce.web.backend.access import Viewer
from careforce.web.backend.jobs import run_pending
from careforce.web.backend.uploads import accept_upload, attribution_summary, create_upload
from careforce.web.models.organisations.models import Organisation, Workplace
from careforce.web.models.uploads.terms import Source
from web_support import REFERENCE_DATES, Site, incoming, page_of

pytestmark = pytest.mark.integration


class TestOrganisationPages:
    def test_list_with_workplace_counts(self, client_as: Callable[[str], Any]) -> None:
        rows = page_of(
            client_as("administrator").get(reverse("organisations:organisation-list"))
        ).table()
        counts = {row[0]: row[3] for row in rows}
        assert counts["Alder Care Group"] == "12"
        assert counts["Staffordshire County Council"] == "0"

    def test_search_by_name(self, client_as: Callable[[str], Any]) -> None:
        rows = page_of(
            client_as("administrator").get(
                reverse("organisations:organisation-list"), {"q": "birch"}
            )
        ).table()
        assert [row[0] for row in rows] == ["Birch Homes"]

    def test_create_checks_the_area_code(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("administrator").post(
            reverse("organisations:organisation-create"),
            {
                "name": "Cedar Care",
                "kind": "provider",
                "area_code": "STAFFS",
                "area_name": "Staffordshire",
            },
        )
        assert response.status_code == 400
        assert "Enter an ONS area code, like E10000028" in page_of(response).text(
            ".govuk-error-summary"
        )

    def test_create(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("administrator").post(
            reverse("organisations:organisation-create"),
            {
                "name": "Cedar Care",
                "kind": "provider",
                "area_code": "e10000028",
                "area_name": "Staffordshire",
            },
        )
        organisation = Organisation.objects.get(name="Cedar Care")
        assert response["Location"] == reverse(
            "organisations:organisation-detail", args=[organisation.pk]
        )
        assert organisation.area_code == "E10000028"

    def test_detail_lists_registered_workplaces(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        page = page_of(
            client_as("administrator").get(
                reverse("organisations:organisation-detail", args=[site.provider_a])
            )
        )
        assert len(page.table()) == 12
        assert "alder@test.example" in page.text("main")


class TestAreaUploads:
    def test_council_upload_is_attributed_to_registered_providers(
        self, site: Site, provider_files: dict[str, Any]
    ) -> None:
        admin = Viewer.of(site.user("administrator"))
        upload = create_upload(
            viewer=admin,
            organisation_id=site.council,
            source=Source.ASCWDS,
            files=incoming(provider_files["all/2021-22"]),
            reference_date=REFERENCE_DATES["2021-22"],
        )
        run_pending()
        upload.refresh_from_db()
        summary = attribution_summary(upload)
        assert summary is not None
        assert summary.organisations == 2
        assert summary.unregistered == 0
        snapshot = accept_upload(viewer=admin, upload_id=upload.pk)
        by_owner: dict[int, int] = {}
        for workplace in snapshot.workplaces_of.all():
            by_owner[workplace.organisation_id] = by_owner.get(workplace.organisation_id, 0) + 1
        assert by_owner == {
            site.provider_a: 12,
            site.provider_b: Workplace.objects.filter(organisation_id=site.provider_b).count(),
        }

    def test_creating_organisations_from_unregistered_workplaces(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        Workplace.objects.all().delete()
        admin = Viewer.of(site.user("administrator"))
        upload = create_upload(
            viewer=admin,
            organisation_id=site.council,
            source=Source.ASCWDS,
            files=incoming(provider_files["all/2021-22"]),
            reference_date=REFERENCE_DATES["2021-22"],
        )
        run_pending()
        detail = page_of(
            client_as("administrator").get(reverse("uploads:upload-detail", args=[upload.pk]))
        )
        assert "not registered to any provider" in detail.text("main")
        before = Organisation.objects.count()
        client_as("administrator").post(reverse("uploads:organisations-create", args=[upload.pk]))
        assert Organisation.objects.count() > before
        assert (
            Workplace.objects.count()
            == len(provider_files["all/2021-22"][0].read_text().splitlines()) - 1
        )
        upload.refresh_from_db()
        summary = attribution_summary(upload)
        assert summary is not None
        assert summary.unregistered == 0
