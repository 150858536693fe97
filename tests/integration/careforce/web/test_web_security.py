"""Security of the service: headers and Content-Security-Policy, no inline script or style,
CSRF, cookies, Argon2 password hashing, sign-in throttling and session expiry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careforce.web.apps.accounts.middleware import ACTIVITY_KEY
from careforce.web.models.accounts.models import AuditEvent, LoginThrottle
from careforce.web.shared.security import CONTENT_SECURITY_POLICY
from web_support import PASSWORD, Site, page_of

pytestmark = pytest.mark.integration

PAGES = (
    ("public", "pages:home-show", []),
    ("public", "indicators:measure-detail", ["turnover_rate"]),
    ("public", "indicators:measure-detail", ["workforce_share"]),
    ("public", "accounts:session-create", []),
    ("provider_a", "uploads:upload-list", []),
    ("provider_a", "benchmarks:benchmark-show", []),
    ("administrator", "accounts:user-list", []),
    ("administrator", "accounts:audit-list", []),
)


def _sign_in(client: Client, email: str, password: str) -> Any:
    return client.post(reverse("accounts:session-create"), {"email": email, "password": password})


class TestHeaders:
    @pytest.mark.parametrize(("role", "name", "args"), PAGES)
    def test_every_page_has_the_policy(
        self, client_as: Callable[[str], Any], role: str, name: str, args: list[str]
    ) -> None:
        response = client_as(role).get(reverse(name, args=args))
        assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]

    def test_policy_forbids_inline_code_and_eval(self) -> None:
        directives = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
        assert directives["script-src"] == "'self'"
        assert directives["style-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"

    @pytest.mark.parametrize(("role", "name", "args"), PAGES)
    def test_pages_have_no_inline_script_or_style(
        self, client_as: Callable[[str], Any], role: str, name: str, args: list[str]
    ) -> None:
        page = page_of(client_as(role).get(reverse(name, args=args)))
        for script in page.all("script"):
            element = script.etree_element
            assert element.get("src") or element.get("type") == "application/json"
        assert not page.all("style")
        assert not page.all("[style]")

    def test_signed_in_pages_are_not_cached(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("provider_a").get(reverse("uploads:upload-list"))
        assert response["Cache-Control"] == "no-store"


class TestCsrf:
    def test_form_without_token_is_refused(self, site: Site) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(site.user("provider_a"))
        response = client.post(reverse("uploads:snapshot-create", args=[site.upload_a_errors]))
        assert response.status_code == 403
        assert "expired" in page_of(response).text("main")


class TestPasswords:
    def test_passwords_are_hashed_with_argon2(self, site: Site) -> None:
        assert site.user("analyst").password.startswith("argon2$argon2id$")

    def test_sign_in_with_wrong_password_is_an_error(self, site: Site) -> None:
        response = _sign_in(Client(), "analyst@test.example", "wrong password")
        page = page_of(response)
        assert response.status_code == 400
        assert (
            page.text(".govuk-error-summary__list") == "Enter a correct email address and password"
        )
        assert AuditEvent.objects.filter(
            action="sign-in-failed", actor="analyst@test.example"
        ).exists()

    def test_sign_in_and_out(self, site: Site) -> None:
        client = Client()
        response = _sign_in(client, "ANALYST@test.example", PASSWORD)
        assert response.status_code == 302
        assert client.get(reverse("accounts:account-show")).status_code == 200
        client.post(reverse("accounts:session-delete"))
        assert client.get(reverse("accounts:account-show")).status_code == 302
        actions = list(
            AuditEvent.objects.filter(actor="analyst@test.example").values_list("action", flat=True)
        )
        assert {"sign-in", "sign-out"} <= set(actions)

    def test_next_page_must_be_on_this_site(self, site: Site) -> None:
        response = Client().post(
            reverse("accounts:session-create"),
            {
                "email": "analyst@test.example",
                "password": PASSWORD,
                "next": "https://evil.example/",
            },
        )
        assert response["Location"] == "/"


class TestThrottling:
    def test_five_failures_lock_the_account_for_that_address(self, site: Site) -> None:
        client = Client(REMOTE_ADDR="192.0.2.10")
        for _ in range(settings.CAREFORCE_LOGIN_ATTEMPTS):
            _sign_in(client, "analyst@test.example", "wrong password")
        response = _sign_in(client, "analyst@test.example", PASSWORD)
        assert response.status_code == 400
        assert "too many attempts" in page_of(response).text(".govuk-error-summary")
        assert AuditEvent.objects.filter(action="sign-in-locked").exists()

    def test_another_address_is_not_locked(self, site: Site) -> None:
        for _ in range(settings.CAREFORCE_LOGIN_ATTEMPTS):
            _sign_in(Client(REMOTE_ADDR="192.0.2.10"), "analyst@test.example", "wrong password")
        assert (
            _sign_in(Client(REMOTE_ADDR="192.0.2.11"), "analyst@test.example", PASSWORD).status_code
            == 302
        )

    def test_lock_ends_after_fifteen_minutes(self, site: Site) -> None:
        client = Client(REMOTE_ADDR="192.0.2.12")
        for _ in range(settings.CAREFORCE_LOGIN_ATTEMPTS):
            _sign_in(client, "analyst@test.example", "wrong password")
        earlier = timezone.now() - dt.timedelta(minutes=16)
        LoginThrottle.objects.update(window_start=earlier, locked_until=earlier)
        assert _sign_in(client, "analyst@test.example", PASSWORD).status_code == 302

    def test_four_failures_do_not_lock(self, site: Site) -> None:
        client = Client(REMOTE_ADDR="192.0.2.13")
        for _ in range(settings.CAREFORCE_LOGIN_ATTEMPTS - 1):
            _sign_in(client, "analyst@test.example", "wrong password")
        assert _sign_in(client, "analyst@test.example", PASSWORD).status_code == 302


class TestSessions:
    def test_session_times_out_after_thirty_idle_minutes(self) -> None:
        assert settings.SESSION_COOKIE_AGE == 30 * 60
        assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True

    def test_activity_pushes_the_expiry_back(self, site: Site) -> None:
        client = Client()
        _sign_in(client, "analyst@test.example", PASSWORD)
        soon = timezone.now() + dt.timedelta(minutes=2)
        Session.objects.update(expire_date=soon)
        client.get(reverse("accounts:account-show"))
        assert Session.objects.get().expire_date == soon  # the sign-in just stamped it
        session = client.session
        session[ACTIVITY_KEY] = 0
        session.save()
        Session.objects.update(expire_date=soon)
        client.get(reverse("accounts:account-show"))
        assert Session.objects.get().expire_date > timezone.now() + dt.timedelta(minutes=29)

    def test_session_cookie_is_http_only_and_same_site(self, site: Site) -> None:
        client = Client()
        _sign_in(client, "analyst@test.example", PASSWORD)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"

    def test_expired_session_signs_out(self, site: Site) -> None:
        client = Client()
        _sign_in(client, "analyst@test.example", PASSWORD)
        Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
        assert client.get(reverse("accounts:account-show")).status_code == 302


class TestBehindAProxy:
    def test_failures_count_per_client_behind_a_trusted_proxy(
        self, site: Site, settings: Any
    ) -> None:
        settings.CAREFORCE_TRUSTED_PROXIES = 1
        guesser = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
        for _ in range(settings.CAREFORCE_LOGIN_ATTEMPTS):
            _sign_in(guesser, "analyst@test.example", "wrong password")
        assert _sign_in(guesser, "analyst@test.example", PASSWORD).status_code == 400
        spoofing = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.1, 198.51.100.7")
        assert _sign_in(spoofing, "analyst@test.example", PASSWORD).status_code == 400
        colleague = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.8")
        assert _sign_in(colleague, "analyst@test.example", PASSWORD).status_code == 302
        assert AuditEvent.objects.filter(
            action="sign-in-locked", ip_address="198.51.100.7"
        ).exists()
