"""The service's navigation: a few sections at the top of every page, and the pages of the
current section in a section navigation below them.

Each page is listed once, with the roles that see it (None: the public); a role sees the sections
holding at least one of its pages, each section linking to its first page. The current page is
the one whose address is the longest start of the page's address; its section is the current
section.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from careforce.web.models.accounts.terms import Role

EVERYONE: frozenset[Role | None] = frozenset({None, *Role})
SIGNED_IN: frozenset[Role | None] = frozenset(Role)
STAFF: frozenset[Role | None] = frozenset({Role.ANALYST, Role.ADMINISTRATOR})
PROVIDERS: frozenset[Role | None] = frozenset({Role.PROVIDER})
ADMINISTRATORS: frozenset[Role | None] = frozenset({Role.ADMINISTRATOR})
DATA_STAFF: frozenset[Role | None] = frozenset({Role.PROVIDER, Role.ADMINISTRATOR})
"""Who sees uploads and records: providers (their own) and administrators (everyone's)."""


@dataclass(frozen=True)
class Page:
    """A page of the navigation: its link text, URL name and the roles that see it."""

    text: str
    name: str
    roles: frozenset[Role | None]


@dataclass(frozen=True)
class Section:
    """A top-level item: its text (``staff_text`` for analysts and administrators, when it
    differs) and its pages in order."""

    text: str
    pages: tuple[Page, ...]
    staff_text: str | None = None

    def text_for(self, role: Role | None) -> str:
        """The section's name as ``role`` reads it."""
        return self.staff_text if self.staff_text and role in STAFF else self.text


SECTIONS: tuple[Section, ...] = (
    Section(
        "Evidence",
        (
            Page("Measures", "indicators:measure-list", EVERYONE),
            Page("Labour market", "labour:overview-show", EVERYONE),
            Page("Projections", "projections:projection-list", EVERYONE),
            Page("Data appendix", "appendix:appendix-show", EVERYONE),
            Page("Downloads", "indicators:publication-list", STAFF),
        ),
    ),
    Section(
        "Outcomes",
        (
            Page("Scorecard", "outcomes:scorecard-show", EVERYONE),
            Page("Action plan", "outcomes:action-list", EVERYONE),
            Page("Training needs", "training:need-list", STAFF),
        ),
    ),
    Section(
        "Your data",
        (
            Page("Uploads", "uploads:upload-list", DATA_STAFF),
            Page("Records", "uploads:snapshot-list", DATA_STAFF),
            Page("Benchmarks", "benchmarks:benchmark-show", PROVIDERS),
            Page("Organisations", "organisations:organisation-list", ADMINISTRATORS),
            Page("Returns", "submissions:submission-list", STAFF),
            Page("Provider support", "submissions:support-list", STAFF),
        ),
        staff_text="Providers",
    ),
    Section("Survey", (Page("Survey", "survey:round-list", STAFF),)),
    Section(
        "Administration",
        (
            Page("Users", "accounts:user-list", ADMINISTRATORS),
            Page("Audit log", "accounts:audit-list", ADMINISTRATORS),
        ),
    ),
    Section("Your account", (Page("Your account", "accounts:account-show", SIGNED_IN),)),
)
"""Every section and page, in the order they are shown."""


def sections_for(role: Role | None) -> list[tuple[str, list[Page]]]:
    """The sections ``role`` sees, each with the pages ``role`` sees in it."""
    seen = [
        (section.text_for(role), [page for page in section.pages if role in page.roles])
        for section in SECTIONS
    ]
    return [(text, pages) for text, pages in seen if pages]


def _current(path: str, hrefs: list[str]) -> str | None:
    """The address among ``hrefs`` that is the longest start of ``path``."""
    matching = [
        href
        for href in hrefs
        if path == href or (href != "/" and path.startswith(href.rstrip("/") + "/"))
    ]
    return max(matching, key=len, default=None)


def navigation(role: Role | None, path: str) -> dict[str, Any]:
    """What the layout renders for ``role`` on the page at ``path``: ``sections`` for GOV.UK's
    service navigation (the current section ``active``, or ``current`` on its own first page)
    and ``section``, the current section's name and pages (None off every section, or when the
    section has a single page)."""
    sections: list[tuple[str, list[dict[str, Any]]]] = [
        (text, [{"text": page.text, "href": reverse(page.name)} for page in pages])
        for text, pages in sections_for(role)
    ]
    current = _current(path, [link["href"] for _, links in sections for link in links])
    items: list[dict[str, Any]] = []
    section: dict[str, Any] | None = None
    for text, links in sections:
        for link in links:
            link["current"] = link["href"] == current
        within = any(link["current"] for link in links)
        first = links[0]["href"]
        items.append(
            {"text": text, "href": first, "active": within, "current": within and path == first}
        )
        if within and len(links) > 1:
            section = {"text": text, "pages": links}
    return {"sections": items, "section": section}
