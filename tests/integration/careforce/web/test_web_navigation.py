"""The navigation: each role's sections and their pages (the same pages each role saw in the
flat list before), every page's address, and the current section and page marked once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from careforce.web.models.accounts.terms import Role
from careforce.web.shared.navigation import navigation, sections_for
from web_support import page_of

pytestmark = pytest.mark.integration

TOP = ".govuk-service-navigation__item"
TOP_CURRENT = ".govuk-service-navigation__item--active"
SECTION = "nav.careforce-section-navigation"
SECTION_CURRENT = f"{SECTION} a[aria-current=page]"

PUBLIC = {
    "Evidence": ["Measures", "Labour market", "Projections", "Data appendix"],
    "Outcomes": ["Scorecard", "Action plan"],
}
SECTIONS: dict[Role | None, dict[str, list[str]]] = {
    None: PUBLIC,
    Role.PROVIDER: {
        **PUBLIC,
        "Your data": ["Uploads", "Records", "Benchmarks"],
        "Your account": ["Your account"],
    },
    Role.ANALYST: {
        "Evidence": ["Measures", "Labour market", "Projections", "Data appendix", "Downloads"],
        "Outcomes": ["Scorecard", "Action plan", "Training needs"],
        "Providers": ["Returns", "Provider support"],
        "Survey": ["Survey"],
        "Your account": ["Your account"],
    },
    Role.ADMINISTRATOR: {
        "Evidence": ["Measures", "Labour market", "Projections", "Data appendix", "Downloads"],
        "Outcomes": ["Scorecard", "Action plan", "Training needs"],
        "Providers": ["Uploads", "Records", "Organisations", "Returns", "Provider support"],
        "Survey": ["Survey"],
        "Administration": ["Users", "Audit log"],
        "Your account": ["Your account"],
    },
}
"""Each role's sections and pages."""
FLAT = {
    None: {"measure-list", "scorecard-show", "action-list", "overview-show", "projection-list", "appendix-show"},
    Role.PROVIDER: {
        "measure-list", "scorecard-show", "action-list", "overview-show", "projection-list", "appendix-show",
        "upload-list", "snapshot-list", "benchmark-show", "account-show",
    },
    Role.ANALYST: {
        "measure-list", "scorecard-show", "action-list", "overview-show", "projection-list", "appendix-show",
        "submission-list", "support-list", "round-list", "need-list", "publication-list",
        "account-show",
    },
    Role.ADMINISTRATOR: {
        "measure-list", "scorecard-show", "action-list", "overview-show", "projection-list", "appendix-show",
        "upload-list", "snapshot-list", "organisation-list", "submission-list", "support-list",
        "round-list", "need-list", "user-list", "publication-list", "audit-list",
        "account-show",
    },
}  # fmt: skip
"""The pages (URL names without their app) each role's flat navigation listed before sections
(with the data appendix, added to it at the same time)."""
ROLES = {
    "public": None,
    "provider_a": Role.PROVIDER,
    "analyst": Role.ANALYST,
    "administrator": Role.ADMINISTRATOR,
}
"""The people of the test site, by role."""


class TestSections:
    @pytest.mark.parametrize("role", list(SECTIONS), ids=str)
    def test_each_role_sees_its_sections_and_pages(self, role: Role | None) -> None:
        seen = {text: [page.text for page in pages] for text, pages in sections_for(role)}
        assert seen == SECTIONS[role]
        assert len(seen) <= 6

    @pytest.mark.parametrize("role", list(SECTIONS), ids=str)
    def test_each_role_sees_the_pages_it_saw_before(self, role: Role | None) -> None:
        names = [page.name.split(":")[1] for _, pages in sections_for(role) for page in pages]
        assert len(names) == len(set(names))
        assert set(names) == FLAT[role]

    @pytest.mark.parametrize("role", list(SECTIONS), ids=str)
    def test_every_page_has_an_address(self, role: Role | None) -> None:
        for _, pages in sections_for(role):
            for page in pages:
                assert reverse(page.name).startswith("/")

    def test_a_section_links_to_its_first_page(self) -> None:
        found = navigation(Role.ADMINISTRATOR, "/")
        assert [item["href"] for item in found["sections"]] == [
            reverse("indicators:measure-list"),
            reverse("outcomes:scorecard-show"),
            reverse("uploads:upload-list"),
            reverse("survey:round-list"),
            reverse("accounts:user-list"),
            reverse("accounts:account-show"),
        ]
        assert not any(item["active"] for item in found["sections"])
        assert found["section"] is None

    def test_the_longest_matching_address_is_current(self) -> None:
        path = reverse("indicators:publication-list")
        assert path.startswith(reverse("indicators:measure-list"))
        found = navigation(Role.ANALYST, path + "2021-22/")
        assert [item["text"] for item in found["sections"] if item["active"]] == ["Evidence"]
        assert not any(item["current"] for item in found["sections"])
        pages = found["section"]["pages"]
        assert [page["text"] for page in pages if page["current"]] == ["Downloads"]

    def test_a_single_page_section_has_no_section_navigation(self) -> None:
        found = navigation(Role.ANALYST, reverse("survey:round-list"))
        assert [item["text"] for item in found["sections"] if item["current"]] == ["Survey"]
        assert found["section"] is None


class TestPages:
    def test_public_home_page_marks_nothing(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("public").get(reverse("pages:home-show")))
        assert page.texts(TOP) == ["Evidence", "Outcomes"]
        assert page.all(TOP_CURRENT) == []
        assert page.all(SECTION) == []

    @pytest.mark.parametrize("role", list(ROLES))
    def test_every_page_marks_its_section_and_itself_once(
        self, client_as: Callable[[str], Any], role: str
    ) -> None:
        client = client_as(role)
        for section, pages in sections_for(ROLES[role]):
            for item in pages:
                page = page_of(client.get(reverse(item.name)))
                assert page.texts(TOP) == list(SECTIONS[ROLES[role]])
                assert page.texts(TOP_CURRENT) == [section], item.text
                if len(pages) == 1:
                    assert page.all(SECTION) == []
                    continue
                nav = page.one(SECTION)
                assert nav.etree_element.get("aria-label") == section
                assert page.texts(f"{SECTION} li") == [other.text for other in pages]
                assert page.texts(SECTION_CURRENT) == [item.text]
