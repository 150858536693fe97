"""The layout every page shares (council branding, no crown, GOV.UK components) and the
information pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from web_support import page_of

pytestmark = pytest.mark.integration

WEB = Path(__file__).resolve().parents[4] / "src" / "careforce" / "web"
"""The web package's source folder."""
URL_NAME = re.compile(r"^[a-z]+:[a-z]+(-[a-z]+)*-(list|detail|show|create|update|delete|download)$")
"""URL names are <app>:<noun>-<verb>."""


class TestLayout:
    def test_council_branding_without_the_crown(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("public").get(reverse("pages:home-show")))
        assert page.text(".careforce-header__link") == settings.CAREFORCE_BRANDING.council_name
        assert not page.all(".govuk-header__logotype, .govuk-footer__crown, .govuk-logo-dot")
        assert "Crown copyright" not in page.html
        assert (
            page.text(".govuk-service-navigation__service-name")
            == settings.CAREFORCE_BRANDING.service_name
        )

    def test_skip_link_and_main_landmark(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("public").get(reverse("pages:home-show")))
        assert page.one("a.govuk-skip-link").etree_element.get("href") == "#main-content"
        assert page.one("main#main-content") is not None
        assert page.one("html").etree_element.get("lang") == "en"

    def test_titles_name_the_page_then_the_service(self, client_as: Callable[[str], Any]) -> None:
        brand = settings.CAREFORCE_BRANDING
        home = page_of(client_as("public").get(reverse("pages:home-show")))
        outcomes = page_of(client_as("public").get(reverse("outcomes:scorecard-show")))
        assert home.text("title") == f"{brand.service_name} – {brand.council_name}"
        assert outcomes.text("title") == (
            f"Outcomes scorecard – {brand.service_name} – {brand.council_name}"
        )

    def test_home_page_leads_to_the_years_evidence(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("public").get(reverse("pages:home-show")))
        links = [a.etree_element.get("href") for a in page.all("main a")]
        for name in (
            "appendix:appendix-show",
            "outcomes:report-show",
            "projections:projection-list",
        ):
            assert reverse(name) in links

    def test_navigation_depends_on_role(self, client_as: Callable[[str], Any]) -> None:
        public = page_of(client_as("public").get(reverse("pages:home-show")))
        admin = page_of(client_as("administrator").get(reverse("pages:home-show")))
        assert public.texts(".govuk-service-navigation__item") == ["Evidence", "Outcomes"]
        assert "Administration" in admin.texts(".govuk-service-navigation__item")

    def test_current_section_is_marked(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("provider_a").get(reverse("uploads:upload-list")))
        assert page.text(".govuk-service-navigation__item--active") == "Your data"
        assert page.texts(".careforce-section-navigation [aria-current=page]") == ["Uploads"]

    def test_branding_stylesheet_sets_colours(self, client_as: Callable[[str], Any]) -> None:
        css = client_as("public").get(reverse("shared:branding-show")).content.decode()
        assert f"--careforce-header-background:{settings.CAREFORCE_BRANDING.header_colour}" in css
        assert f"--govuk-brand-colour:{settings.CAREFORCE_BRANDING.brand_colour}" in css

    def test_not_found_page_is_a_gov_uk_page(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("public").get("/no/such/page/")
        assert response.status_code == 404
        assert page_of(response).text("h1") == "Page not found"

    def test_accessibility_statement_and_privacy_notice(
        self, client_as: Callable[[str], Any]
    ) -> None:
        statement = page_of(client_as("public").get(reverse("pages:accessibility-show")))
        assert "WCAG" in statement.text("main")
        privacy = page_of(client_as("public").get(reverse("pages:privacy-show")))
        assert privacy.table()[0][0] == "careforce_session"


class TestConventions:
    def test_templates_use_gov_uk_components_only_through_shared(self) -> None:
        for template in (WEB / "apps").rglob("*.html"):
            assert "govuk_frontend_jinja" not in template.read_text(), template

    def test_templates_are_named_app_slash_page(self) -> None:
        for template in (WEB / "apps").rglob("jinja2/**/*.html"):
            app = template.relative_to(WEB / "apps").parts[0]
            assert template.parent.name == app, template

    def test_url_names_are_noun_verb(self) -> None:
        def names(resolver: URLResolver, prefix: str = "") -> list[str]:
            found = []
            for pattern in resolver.url_patterns:
                if isinstance(pattern, URLResolver):
                    found += names(
                        pattern, f"{pattern.namespace}:" if pattern.namespace else prefix
                    )
                elif isinstance(pattern, URLPattern) and pattern.name:
                    found.append(f"{prefix}{pattern.name}")
            return found

        bad = [name for name in names(get_resolver()) if not URL_NAME.match(name)]
        assert bad == []

    def test_built_stylesheet_uses_the_system_font_stack(self) -> None:
        css = (Path(settings.STATICFILES_DIRS[0]) / "careforce" / "careforce.css").read_text()
        assert "GDS Transport" not in css
        assert "font-family:system-ui" in css
        assert "url(" not in css
