"""Fixtures for the browser tests (a pytest plugin named in tests/conftest.py): Debian's Chromium
driven by Playwright against a live server, with axe-core run on every page and every
Content-Security-Policy violation reported.

pytest loads this plugin before Django is set up: what imports the data model (the web back
end, the models) is imported inside the functions that use it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from careforce.web.backend.access import Viewer
from careforce.web.models.accounts.terms import Role
from careforce.web.models.uploads.terms import Source
from database_copy import DatabaseCopy, copy_database, restore_database
from web_support import PASSWORD, REFERENCE_DATES, incoming

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (installed by make setup); Playwright's own browsers are not used."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Headless, offline, no background traffic."""
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core, installed from npm by make setup (package-lock.json pins it)."""
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SELF_RELOADS = 3
"""How many times a page may reload itself while it is being checked."""
"""WCAG 2.2 AA rules and axe's best practices."""
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""
"""Collects Content-Security-Policy violations on every page."""


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Chromium for the run."""
    assert CHROMIUM.exists(), (
        "Chromium is missing: run `make setup` (it installs Debian's chromium)"
    )
    assert AXE.exists(), "axe-core is missing: run `make setup` (npm ci)"
    # Playwright's synchronous API keeps an event loop in this thread; Django's ORM (used by the
    # tests themselves, never concurrently) refuses to run beside one unless told it is safe.
    patch = pytest.MonkeyPatch()
    patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    patch.undo()


class Visitor:
    """A person using the service in the browser; every page they reach is checked with axe
    and for Content-Security-Policy violations."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.checked: list[str] = []
        self.axe_source = AXE.read_text(encoding="utf-8")

    def check(self) -> None:
        """Run axe-core on the page: no violations; and no CSP violations.

        A page that reloads itself while it is checked (an upload's page refreshes while the
        files are checked) is checked again once it has loaded.
        """
        page = self.page
        for attempt in range(SELF_RELOADS + 1):
            page.wait_for_load_state("load")
            try:
                page.evaluate(self.axe_source)
                result = page.evaluate(
                    "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                    AXE_TAGS,
                )
                csp = page.evaluate("window.__cspViolations")
                break
            except PlaywrightError as error:
                if "context was destroyed" not in str(error) or attempt == SELF_RELOADS:
                    raise
        violations = [
            f"{item['id']} ({item['impact']}): {item['help']} at {[node['target'] for node in item['nodes']][:3]}"
            for item in result["violations"]
        ]
        assert violations == [], f"{page.url}: {json.dumps(violations, indent=1)}"
        assert csp == [], page.url
        self.checked.append(page.url)

    def visit(self, path: str) -> Page:
        """Go to a page and check it."""
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def click(self, role: str, name: str) -> Page:
        """Follow a link or press a button, wait for the next page and check it."""
        with self.page.expect_navigation():
            self.page.get_by_role(role, name=name, exact=True).first.click()  # type: ignore[arg-type]
        self.check()
        return self.page

    def fits(self, width: int) -> None:
        """At a viewport ``width`` pixels wide, the page (once its charts are drawn) does not
        scroll sideways: wide tables scroll inside their own region, charts fit their container."""
        page = self.page
        page.set_viewport_size({"width": width, "height": 900})
        for chart in page.locator(".careforce-chart:not([hidden])").all():
            chart.locator("svg").first.wait_for(timeout=10_000)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{page.url} at {width} px scrolls sideways by {overflow} px"

    def sign_in(self, email: str, password: str = PASSWORD) -> None:
        """Sign in through the sign-in page."""
        self.visit("/sign-in/")
        self.page.fill("#id_email", email)
        self.page.fill("#id_password", password)
        self.click("button", "Sign in")


@dataclass(frozen=True)
class BrowserSite:
    """Data of a browser test: a provider with accepted 2020-21 data, and people."""

    provider: int
    council: int
    accepted_upload: int
    snapshot: int


def build_browser_site(provider_files: dict[str, Any]) -> BrowserSite:
    """Organisations, one user of each role and provider A's accepted 2020-21 data."""
    from careforce.web.backend.jobs import run_pending  # noqa: PLC0415
    from careforce.web.backend.uploads import accept_upload, create_upload  # noqa: PLC0415
    from careforce.web.models.accounts.models import User  # noqa: PLC0415
    from careforce.web.models.organisations.models import Organisation  # noqa: PLC0415

    organisations = Organisation.objects
    council = organisations.create(
        name="Staffordshire County Council",
        kind="council",
        area_code="E10000028",
        area_name="Staffordshire",
    )
    provider = organisations.create(
        name="Alder Care Group", kind="provider", area_code="E10000028", area_name="Staffordshire"
    )
    people = {
        "admin@test.example": (Role.ADMINISTRATOR, None),
        "analyst@test.example": (Role.ANALYST, None),
        "alder@test.example": (Role.PROVIDER, provider),
    }
    for email, (role, organisation) in people.items():
        User.objects.create_user(
            email=email,
            password=PASSWORD,
            full_name=email.split("@")[0].title(),
            role=role.value,
            organisation=organisation,
        )
    viewer = Viewer.of(User.objects.get(email="alder@test.example"))
    upload = create_upload(
        viewer=viewer,
        organisation_id=provider.pk,
        source=Source.ASCWDS,
        files=incoming(provider_files["all/2020-21"]),
        reference_date=REFERENCE_DATES["2020-21"],
    )
    run_pending()
    snapshot = accept_upload(viewer=viewer, upload_id=upload.pk)
    run_pending()
    return BrowserSite(
        provider=provider.pk, council=council.pk, accepted_upload=upload.pk, snapshot=snapshot.pk
    )


@pytest.fixture(scope="session")
def browser_site_copy(
    django_db_setup: None,
    django_db_blocker: Any,
    web_key: None,
    provider_files: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[BrowserSite, DatabaseCopy]:
    """``browser_site``'s data, built once per run in an emptied database (the shared ``site``
    of the other tests may still be there) and copied (rows and media files)."""
    from django.conf import settings  # noqa: PLC0415

    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        built = build_browser_site(provider_files)
        return built, copy_database(
            Path(settings.MEDIA_ROOT), tmp_path_factory.mktemp("browser-site-media")
        )


@pytest.fixture
def browser_site(
    transactional_db: None,
    web_key: None,
    provider_files: dict[str, Any],
    browser_site_copy: tuple[BrowserSite, DatabaseCopy],
) -> BrowserSite:
    """Fresh data for one browser test: the database holds exactly the rows ``build_browser_site``
    makes (built once per run, put back before each test), whatever earlier tests left."""
    built, saved = browser_site_copy
    restore_database(saved)
    return built


@pytest.fixture
def visitor(
    chromium: Browser,
    browser_site: BrowserSite,
    live_server: Any,
    settings: Any,
) -> Iterator[Visitor]:
    """A browser tab on the live server (with ``browser_site``'s data), with jobs run by the
    worker thread as in service."""
    from careforce.web.backend.jobs import stop_worker  # noqa: PLC0415

    settings.CAREFORCE_JOBS = "thread"
    context = chromium.new_context(accept_downloads=True, viewport={"width": 1200, "height": 900})
    context.add_init_script(CSP_LISTENER)
    try:
        yield Visitor(context.new_page(), live_server.url)
    finally:
        context.close()
        stop_worker()
