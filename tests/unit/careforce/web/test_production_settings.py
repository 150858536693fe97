"""Production settings insist on secrets and secure cookies."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator

import pytest
from django.core.exceptions import ImproperlyConfigured

pytestmark = pytest.mark.unit

MODULE = "careforce.web.config.production"
BASE = "careforce.web.config.settings"


@pytest.fixture(autouse=True)
def _fresh_modules() -> Iterator[None]:
    """Import the settings afresh under each test's environment, then put the originals back."""
    saved = {name: sys.modules.pop(name) for name in (MODULE, BASE) if name in sys.modules}
    yield
    for name in (MODULE, BASE):
        sys.modules.pop(name, None)
    sys.modules.update(saved)


def _load() -> object:
    sys.modules.pop(MODULE, None)
    sys.modules.pop(BASE, None)
    return importlib.import_module(MODULE)


class TestProductionSettings:
    def test_refuses_to_start_without_a_secret_key(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
        monkeypatch.setenv("DATABASE_URL", "postgres://u@localhost/careforce")
        with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
            _load()

    def test_refuses_to_start_without_a_database(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
        monkeypatch.delenv("DATABASE_URL", raising=False)
        with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
            _load()

    def test_secure_cookies_hsts_and_postgresql(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
        monkeypatch.setenv("DATABASE_URL", "postgres://careforce:pw@db.internal:5432/careforce")
        production = _load()
        assert production.SESSION_COOKIE_SECURE is True  # type: ignore[attr-defined]
        assert production.CSRF_COOKIE_SECURE is True  # type: ignore[attr-defined]
        assert production.SECURE_HSTS_SECONDS == 31536000  # type: ignore[attr-defined]
        assert production.DEBUG is False  # type: ignore[attr-defined]
        database = production.DATABASES["default"]  # type: ignore[attr-defined]
        assert database["ENGINE"] == "django.db.backends.postgresql"
        assert database["HOST"] == "db.internal"
        assert "OPTIONS" not in database or "transaction_mode" not in database["OPTIONS"]
