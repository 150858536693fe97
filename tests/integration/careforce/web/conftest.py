"""Every test of the web service's pages and API uses the test database (and the shared site)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _database(db: None) -> None:
    """Open the test database to each test (rolled back afterwards)."""
