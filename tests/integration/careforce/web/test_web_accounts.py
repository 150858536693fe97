"""Accounts pages: your account and API tokens, password changes, users and the audit log."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from careforce.web.backend import accounts
from careforce.web.models.accounts.models import ApiToken, AuditEvent, User
from web_support import PASSWORD, Site, page_of

pytestmark = pytest.mark.integration


class TestAccount:
    def test_summary_list_of_your_details(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("provider_a").get(reverse("accounts:account-show")))
        details = dict(
            zip(
                page.texts(".govuk-summary-list__key"),
                page.texts(".govuk-summary-list__value"),
                strict=True,
            )
        )
        assert details["Role"] == "Provider user"
        assert details["Organisation"] == "Alder Care Group"

    def test_new_token_is_shown_once_and_works(self, client_as: Callable[[str], Any]) -> None:
        client = client_as("analyst")
        response = client.post(reverse("accounts:token-create"), {"name": "monthly report"})
        assert response.status_code == 201
        assert "no-store" in response["Cache-Control"]
        shown = page_of(response)
        secret = shown.text(".govuk-panel .careforce-code")
        assert len(secret) >= 40
        assert ["monthly report", f"{secret[:8]}…"] == shown.table(".govuk-table")[0][:2]
        again = page_of(client.get(reverse("accounts:account-show")))
        assert not again.all(".govuk-panel")
        api = Client().get(reverse("api:root-show"), headers={"Authorization": f"Token {secret}"})
        assert api.json()["viewer"] == "analyst"
        assert ApiToken.objects.get(name="monthly report").digest != secret

    def test_new_token_secret_is_stored_nowhere(self, client_as: Callable[[str], Any]) -> None:
        client = client_as("analyst")
        response = client.post(reverse("accounts:token-create"), {"name": "nightly"})
        secret = page_of(response).text(".govuk-panel .careforce-code")
        token = ApiToken.objects.get(name="nightly")
        assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
        assert secret not in str(dict(client.session))
        for session in Session.objects.all():
            assert secret not in str(session.get_decoded())
            assert secret not in session.session_data
        assert not AuditEvent.objects.filter(detail__icontains=secret).exists()

    def test_sending_the_form_again_creates_no_second_token(
        self, client_as: Callable[[str], Any]
    ) -> None:
        client = client_as("analyst")
        form = page_of(client.get(reverse("accounts:account-show")))
        request_id = form.one('input[name="request_id"]').etree_element.get("value")
        assert len(request_id) >= 16
        data = {"name": "weekly", "request_id": request_id}
        assert client.post(reverse("accounts:token-create"), data).status_code == 201
        again = client.post(reverse("accounts:token-create"), data, follow=True)
        assert ApiToken.objects.filter(name="weekly").count() == 1
        assert "was created already" in page_of(again).text("main")
        assert not page_of(again).all(".govuk-panel")
        fresh = page_of(client.get(reverse("accounts:account-show")))
        assert fresh.one('input[name="request_id"]').etree_element.get("value") != request_id

    def test_token_needs_a_name(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("analyst").post(reverse("accounts:token-create"), {"name": ""})
        assert response.status_code == 400
        assert page_of(response).text(".govuk-error-summary__list") == "Enter a name for the token"

    def test_password_change(self, client_as: Callable[[str], Any], site: Site) -> None:
        client = client_as("analyst")
        new = "a completely different passphrase"
        response = client.post(
            reverse("accounts:password-update"), {"current": PASSWORD, "new": new, "confirm": new}
        )
        assert response.status_code == 302
        assert site.user("analyst").check_password(new)
        assert client.get(reverse("accounts:account-show")).status_code == 200

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (
                {"current": "wrong", "new": "x" * 20, "confirm": "x" * 20},
                "Your current password is not correct",
            ),
            (
                {"current": PASSWORD, "new": "long enough phrase one", "confirm": "other"},
                "The passwords do not match",
            ),
            ({"current": PASSWORD, "new": "short", "confirm": "short"}, "too short"),
        ],
        ids=["wrong-current", "mismatch", "too-short"],
    )
    def test_password_change_errors(
        self, client_as: Callable[[str], Any], data: dict[str, str], message: str
    ) -> None:
        response = client_as("analyst").post(reverse("accounts:password-update"), data)
        assert response.status_code == 400
        assert message in page_of(response).text(".govuk-error-summary")


SIMILAR = "Margaret Thatcherson"
"""A name; the password rules refuse passwords like it."""


class TestPasswordRules:
    def test_password_change_refuses_one_like_your_name(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        User.objects.filter(pk=site.users["analyst"]).update(full_name=SIMILAR)
        new = "MargaretThatcherson"
        response = client_as("analyst").post(
            reverse("accounts:password-update"), {"current": PASSWORD, "new": new, "confirm": new}
        )
        assert response.status_code == 400
        assert "too similar to the full name" in page_of(response).text(".govuk-error-summary")
        assert site.user("analyst").check_password(PASSWORD)

    @pytest.mark.parametrize(
        ("password", "message"),
        [
            ("MargaretThatcherson", "too similar to the full name"),
            ("casey.jones@council.example", "too similar to the email address"),
            ("password12345", "too common"),
            ("4815162342108", "entirely numeric"),
        ],
    )
    def test_administrator_cannot_create_a_user_with_a_weak_password(
        self, client_as: Callable[[str], Any], password: str, message: str
    ) -> None:
        response = client_as("administrator").post(
            reverse("accounts:user-create"),
            {
                "full_name": SIMILAR,
                "email": "casey.jones@council.example",
                "role": "analyst",
                "password": password,
                "is_active": "on",
            },
        )
        assert response.status_code == 400
        assert message in page_of(response).text(".govuk-error-summary")
        assert not User.objects.filter(email="casey.jones@council.example").exists()

    def test_editing_judges_the_password_with_the_new_name(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        response = client_as("administrator").post(
            reverse("accounts:user-update", args=[site.users["analyst"]]),
            {
                "full_name": SIMILAR,
                "email": "analyst@test.example",
                "role": "analyst",
                "password": "MargaretThatcherson",
                "is_active": "on",
            },
        )
        assert response.status_code == 400
        assert "too similar to the full name" in page_of(response).text(".govuk-error-summary")
        assert site.user("analyst").check_password(PASSWORD)

    def test_back_end_and_create_user_apply_the_rules_too(self, site: Site) -> None:
        details = accounts.UserDetails(
            full_name=SIMILAR,
            email="analyst@test.example",
            role="analyst",
            organisation_id=None,
            is_active=True,
            password="MargaretThatcherson",
        )
        with pytest.raises(ValidationError):
            accounts.save_user(site.user("analyst"), details)
        with pytest.raises(ValidationError):
            accounts.change_password(site.user("analyst"), "short")
        with pytest.raises(ValidationError, match="too common"):
            User.objects.create_user(
                email="new@test.example", password="password12345", full_name="New", role="analyst"
            )
        assert site.user("analyst").check_password(PASSWORD)


class TestUsers:
    def test_list_in_a_table(self, client_as: Callable[[str], Any]) -> None:
        rows = page_of(client_as("administrator").get(reverse("accounts:user-list"))).table()
        assert {row[1] for row in rows} == {
            "admin@test.example",
            "analyst@test.example",
            "alder@test.example",
            "birch@test.example",
        }

    def test_create_provider_user(self, client_as: Callable[[str], Any], site: Site) -> None:
        response = client_as("administrator").post(
            reverse("accounts:user-create"),
            {
                "full_name": "Casey Carer",
                "email": "Casey@Test.Example",
                "role": "provider",
                "organisation": site.provider_b,
                "password": "a long enough passphrase",
                "is_active": "on",
            },
        )
        assert response.status_code == 302
        user = User.objects.get(email="casey@test.example")
        assert user.organisation_id == site.provider_b
        assert AuditEvent.objects.filter(action="user-create", object_id=str(user.pk)).exists()

    def test_provider_user_needs_an_organisation(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("administrator").post(
            reverse("accounts:user-create"),
            {
                "full_name": "No Org",
                "email": "no@test.example",
                "role": "provider",
                "password": "a long enough passphrase",
            },
        )
        assert response.status_code == 400
        assert "Choose the provider user’s organisation" in page_of(response).text(
            ".govuk-error-summary"
        )

    def test_duplicate_email_is_refused(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("administrator").post(
            reverse("accounts:user-create"),
            {
                "full_name": "Again",
                "email": "analyst@test.example",
                "role": "analyst",
                "password": "a long enough passphrase",
            },
        )
        assert "There is already a user with this email address" in page_of(response).text(
            ".govuk-error-summary"
        )

    def test_deactivated_user_cannot_sign_in(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        client_as("administrator").post(
            reverse("accounts:user-update", args=[site.users["analyst"]]),
            {
                "full_name": "Analyst",
                "email": "analyst@test.example",
                "role": "analyst",
                "password": "",
            },
        )
        assert site.user("analyst").is_active is False
        response = Client().post(
            reverse("accounts:session-create"),
            {"email": "analyst@test.example", "password": PASSWORD},
        )
        assert response.status_code == 400

    def test_administrator_cannot_remove_own_access(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        response = client_as("administrator").post(
            reverse("accounts:user-update", args=[site.users["administrator"]]),
            {
                "full_name": "Admin",
                "email": "admin@test.example",
                "role": "analyst",
                "is_active": "on",
            },
        )
        assert response.status_code == 400
        assert site.user("administrator").role == "administrator"


class TestAuditLog:
    def test_uploads_and_acceptances_are_logged(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        page = page_of(
            client_as("administrator").get(reverse("accounts:audit-list"), {"action": "acceptance"})
        )
        rows = page.table()
        assert {row[1] for row in rows} == {"alder@test.example", "admin@test.example"}
        assert {row[4] for row in rows} == {
            f"snapshot {site.snapshot_a}",
            f"snapshot {site.snapshot_b}",
        }

    def test_unknown_action_filter_is_not_found(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("administrator").get(
            reverse("accounts:audit-list"), {"action": "nothing"}
        )
        assert response.status_code == 404
