"""A takeover attempt in a real browser, on a phone and a desktop screen: a provider uploads a
workplace registered to another organisation, cannot accept it, asks for a transfer; an
administrator refuses, then approves a second request; the provider accepts. axe-core checks
every page on the way."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import BrowserSite, Visitor
from careforce.web.models.accounts.models import User
from careforce.web.models.accounts.terms import Role
from careforce.web.models.organisations.models import Organisation, TransferRequest, Workplace
from careforce.web.models.uploads.models import Snapshot, Upload
from web_support import PASSWORD, REFERENCE_DATES, split_file_set, workplace_ids

pytestmark = pytest.mark.e2e

CHECK_SECONDS = 60
"""How long a validation may take."""
BIRCH = "birch@test.example"
ADMIN = "admin@test.example"


def _one_workplace(demo_files: Path, target: Path) -> tuple[str, list[Path]]:
    """Files holding one of the workplaces the browser site's provider (Alder) owns."""
    folder = demo_files / "ascwds" / "2020-21"
    first = workplace_ids(folder)[0]
    return first, split_file_set(folder, target, {first})


def _sign_out(visitor: Visitor) -> None:
    visitor.click("button", "Sign out")


def _decide(visitor: Visitor, decision: str, reason: str) -> None:
    transfer = TransferRequest.objects.get(status="pending")
    visitor.visit("/organisations/transfers/")
    assert transfer.reference in visitor.page.inner_text(".govuk-table")
    visitor.visit(f"/organisations/transfers/{transfer.pk}/")
    visitor.page.check(f"input[name=decision][value={decision}]")
    visitor.page.fill("#id_reason", reason)
    visitor.click("button", "Record the decision")
    assert f"has been {decision}d" in visitor.page.inner_text(".govuk-notification-banner")


def _ask(visitor: Visitor, upload: int, reason: str) -> None:
    visitor.visit(f"/uploads/{upload}/")
    visitor.page.fill("#id_reason", reason)
    visitor.click("button", "Ask for the workplaces to be transferred")
    assert "asked for 1 workplace to be transferred" in visitor.page.inner_text(
        ".govuk-notification-banner"
    )


@pytest.mark.parametrize("width", [375, 1280])
def test_takeover_refused_then_transfer_approved(
    visitor: Visitor,
    browser_site: BrowserSite,
    demo_files: Path,
    tmp_path: Path,
    width: int,
) -> None:
    page = visitor.page
    page.set_viewport_size({"width": width, "height": 900})
    birch = Organisation.objects.create(
        name="Birch Homes", kind="provider", area_code="E10000028", area_name="Staffordshire"
    )
    User.objects.create_user(
        email=BIRCH,
        password=PASSWORD,
        full_name="Birch",
        role=Role.PROVIDER.value,
        organisation=birch,
    )
    reference, files = _one_workplace(demo_files, tmp_path / "birch")
    owned = Workplace.objects.get(reference=reference)
    assert owned.organisation_id == browser_site.provider

    visitor.sign_in(BIRCH)
    visitor.visit("/uploads/new/")
    day = REFERENCE_DATES["2020-21"]
    page.fill("#id_reference_date_day", str(day.day))
    page.fill("#id_reference_date_month", str(day.month))
    page.fill("#id_reference_date_year", str(day.year))
    page.set_input_files("#id_files", [str(path) for path in files])
    visitor.click("button", "Upload and check")
    page.locator("h1").filter(has_text="ready to accept").wait_for(timeout=CHECK_SECONDS * 1000)
    visitor.check()
    upload = Upload.objects.get(organisation=birch).pk
    warning = page.inner_text(".govuk-warning-text")
    assert "1 workplace is registered to another organisation" in warning
    assert "Alder Care Group" not in page.inner_text("main")
    assert "Another organisation" in page.inner_text(".govuk-table")
    assert page.get_by_role("button", name="Accept and add the data").count() == 0

    visitor.click("button", "Ask for the workplaces to be transferred")
    assert "Enter why the workplaces should be transferred" in page.inner_text(
        ".govuk-error-summary"
    )
    _ask(visitor, upload, "We took over this home.")
    assert "waiting for a decision" in page.inner_text(".govuk-table")
    _sign_out(visitor)

    visitor.sign_in(ADMIN)
    _decide(visitor, "refuse", "No evidence of the sale.")
    assert Workplace.objects.get(pk=owned.pk).organisation_id == browser_site.provider
    _sign_out(visitor)

    visitor.sign_in(BIRCH)
    visitor.visit(f"/uploads/{upload}/")
    assert "Refused" in page.inner_text(".govuk-table")
    assert page.get_by_role("button", name="Accept and add the data").count() == 0
    _ask(visitor, upload, "The sale completed on 1 April 2021; the contract is attached.")
    _sign_out(visitor)

    visitor.sign_in(ADMIN)
    _decide(visitor, "approve", "Contract seen.")
    assert Workplace.objects.get(pk=owned.pk).organisation_id == birch.pk
    _sign_out(visitor)

    visitor.sign_in(BIRCH)
    visitor.visit(f"/uploads/{upload}/")
    visitor.click("button", "Accept and add the data")
    assert "has been accepted" in page.inner_text(".govuk-notification-banner")
    snapshot = Snapshot.objects.get(upload_id=upload)
    assert snapshot.workplaces_of.get().organisation_id == birch.pk
    assert len(visitor.checked) >= 15
