"""The ownership pages: an upload holding another organisation's workplaces, the request to
transfer them, the administrators' decisions and the parent on the organisation form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from careforce.web.backend import uploads
from careforce.web.backend.access import Viewer
from careforce.web.backend.jobs import run_pending
from careforce.web.models.organisations.models import Organisation, TransferRequest, Workplace
from careforce.web.models.uploads.models import Snapshot
from careforce.web.models.uploads.terms import Source
from web_support import PROVIDER_A_WORKPLACES, REFERENCE_DATES, Site, incoming, page_of

pytestmark = pytest.mark.integration


def takeover(site: Site, provider_files: dict[str, Any]) -> int:
    """Provider B's upload of provider A's 2020-21 files, validated."""
    upload = uploads.create_upload(
        viewer=Viewer.of(site.user("provider_b")),
        organisation_id=site.provider_b,
        source=Source.ASCWDS,
        files=incoming(provider_files["a/2020-21"]),
        reference_date=REFERENCE_DATES["2020-21"],
    )
    run_pending()
    return int(upload.pk)


class TestUploadPage:
    def test_provider_is_told_another_organisation_and_cannot_accept(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = takeover(site, provider_files)
        client = client_as("provider_b")
        page = page_of(client.get(reverse("uploads:upload-detail", args=[upload])))
        assert "12 workplaces are registered to another organisation" in page.text(
            ".govuk-warning-text"
        )
        rows = page.table(".govuk-table")
        assert len([row for row in rows if row[2] == "Another organisation"]) == 12
        assert "Alder Care Group" not in page.html
        assert "Accept and add the data" not in page.html
        refused = client.post(reverse("uploads:snapshot-create", args=[upload]), follow=True)
        assert "registered to another organisation" in page_of(refused).text(
            ".govuk-notification-banner"
        )
        assert not Snapshot.objects.filter(upload_id=upload).exists()

    def test_administrator_sees_the_owner(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = takeover(site, provider_files)
        page = page_of(
            client_as("administrator").get(reverse("uploads:upload-detail", args=[upload]))
        )
        owners = {row[2] for row in page.table(".govuk-table") if len(row) == 4}
        assert "Alder Care Group" in owners

    def test_reason_is_required_then_request_is_recorded(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = takeover(site, provider_files)
        client = client_as("provider_b")
        url = reverse("uploads:transfer-create", args=[upload])
        missing = client.post(url, {"reason": ""})
        assert missing.status_code == 400
        summary = page_of(missing).text(".govuk-error-summary")
        assert "Enter why the workplaces should be transferred" in summary
        asked = client.post(url, {"reason": "We bought the homes."}, follow=True)
        assert "asked for 12 workplaces to be transferred" in page_of(asked).text(
            ".govuk-notification-banner"
        )
        assert TransferRequest.objects.filter(status="pending").count() == PROVIDER_A_WORKPLACES
        page = page_of(client.get(reverse("uploads:upload-detail", args=[upload])))
        assert "Asked for: waiting for a decision" in page.html
        assert "An administrator will decide" in page.text("main")


class TestAdministratorPages:
    def test_pending_requests_are_listed_and_decided(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = takeover(site, provider_files)
        client_as("provider_b").post(
            reverse("uploads:transfer-create", args=[upload]), {"reason": "Bought."}
        )
        admin = client_as("administrator")
        listed = page_of(admin.get(reverse("organisations:transfer-list")))
        rows = listed.table(".govuk-table")
        assert len(rows) == PROVIDER_A_WORKPLACES
        assert {(row[2], row[3]) for row in rows} == {("Alder Care Group", "Birch Homes")}
        transfer = TransferRequest.objects.order_by("pk").first()
        assert transfer is not None
        url = reverse("organisations:transfer-detail", args=[transfer.pk])
        missing = admin.post(url, {"decision": "approve", "reason": ""})
        assert missing.status_code == 400
        assert "Enter the reason for the decision" in page_of(missing).text(".govuk-error-summary")
        done = admin.post(url, {"decision": "refuse", "reason": "No evidence."}, follow=True)
        assert "has been refused" in page_of(done).text(".govuk-notification-banner")
        decided = page_of(admin.get(url))
        assert "No evidence." in decided.text(".govuk-summary-list")
        assert decided.all("textarea") == []


class TestProviderPages:
    def test_both_organisations_read_the_request_and_neither_decides(
        self, client_as: Callable[[str], Any], site: Site, provider_files: dict[str, Any]
    ) -> None:
        upload = takeover(site, provider_files)
        client_as("provider_b").post(
            reverse("uploads:transfer-create", args=[upload]), {"reason": "Bought."}
        )
        transfer = TransferRequest.objects.order_by("pk").first()
        assert transfer is not None
        url = reverse("organisations:transfer-detail", args=[transfer.pk])
        for role, upload_link in (("provider_a", False), ("provider_b", True)):
            client = client_as(role)
            listed = page_of(client.get(reverse("organisations:transfer-list")))
            assert len(listed.table(".govuk-table")) == PROVIDER_A_WORKPLACES
            page = page_of(client.get(url))
            assert "Bought." in page.text(".govuk-summary-list")
            assert page.all("textarea") == []
            assert "An administrator will approve or refuse" in page.text("main")
            assert (f"Upload {upload}" in page.text(".govuk-summary-list")) is upload_link
            assert client.post(url, {"decision": "approve", "reason": "Mine."}).status_code == 403
        owner_page = page_of(client_as("provider_a").get(url))
        assert "tell your council's administrator" in owner_page.text("main")
        transfer.refresh_from_db()
        assert transfer.status == "pending"

    def test_a_request_between_other_organisations_is_not_shown(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        third = Organisation.objects.create(name="Cedar Lodge Ltd", kind="provider")
        workplace = Workplace.objects.filter(organisation_id=site.provider_a).first()
        assert workplace is not None
        transfer = TransferRequest.objects.create(
            workplace=workplace,
            identity=workplace.identity,
            reference=workplace.reference,
            from_organisation_id=site.provider_a,
            to_organisation=third,
            reason="Ours now.",
        )
        client = client_as("provider_b")
        url = reverse("organisations:transfer-detail", args=[transfer.pk])
        assert client.get(url).status_code == 404
        listed = page_of(client.get(reverse("organisations:transfer-list")))
        assert "Cedar Lodge Ltd" not in listed.html


class TestParentOnTheForm:
    def test_administrator_sets_a_parent(self, client_as: Callable[[str], Any], site: Site) -> None:
        admin = client_as("administrator")
        url = reverse("organisations:organisation-update", args=[site.provider_a])
        form = page_of(admin.get(url))
        options = form.texts("#id_parent_organisation option")
        assert "Birch Homes" in options
        assert "Alder Care Group" not in options
        saved = admin.post(
            url,
            {
                "name": "Alder Care Group",
                "kind": "provider",
                "area_code": "E10000028",
                "area_name": "Staffordshire",
                "cqc_provider_id": "",
                "parent_organisation": str(site.provider_b),
            },
        )
        assert saved.status_code == 302
        assert Organisation.objects.get(pk=site.provider_a).parent_id == site.provider_b
        detail = page_of(
            admin.get(reverse("organisations:organisation-detail", args=[site.provider_b]))
        )
        assert "Alder Care Group" in detail.text(".govuk-summary-list")
        # Birch Homes cannot be given Alder as its parent now: that would be a loop.
        other = page_of(
            admin.get(reverse("organisations:organisation-update", args=[site.provider_b]))
        )
        assert "Alder Care Group" not in other.texts("#id_parent_organisation option")


class TestParentBenchmarks:
    def test_parent_user_chooses_a_subsidiary_others_cannot(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        url = reverse("benchmarks:benchmark-show")
        other = page_of(client_as("provider_b").get(url, {"organisation": site.provider_a}))
        assert "Alder Care Group" not in other.text("main")
        Organisation.objects.filter(pk=site.provider_a).update(parent_id=site.provider_b)
        chosen = page_of(client_as("provider_b").get(url, {"organisation": site.provider_a}))
        assert "Alder Care Group" in chosen.text("main")
        child = page_of(client_as("provider_a").get(url, {"organisation": site.provider_b}))
        assert "Birch Homes" not in child.text("main")
