"""The vocabulary of accounts: the roles of the web service's users."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """Roles of signed-in users (people who are not signed in are the public)."""

    ADMINISTRATOR = "administrator"
    """Manages organisations, users and data; sees every organisation's uploads."""
    ANALYST = "analyst"
    """A partner analyst: every published measure and the full downloads; no provider records."""
    PROVIDER = "provider"
    """A care provider's user: its own organisation's uploads, records and benchmarks only."""


ROLE_LABELS: dict[Role, str] = {
    Role.ADMINISTRATOR: "Administrator",
    Role.ANALYST: "Partner analyst",
    Role.PROVIDER: "Provider user",
}
"""How each role is named on pages."""
