"""The production configuration, end to end: with a secret key and DATABASE_URL from the
environment, the database is migrated, static files are collected (hashed names, compressed)
and Django's deployment checks pass."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _django(*arguments: str, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "django", *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture
def production(tmp_path: Path) -> dict[str, str]:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for this process; a deployment never has it.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "careforce.web.config.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "CAREFORCE_STATIC_ROOT": str(tmp_path / "static"),
        "CAREFORCE_MEDIA_ROOT": str(tmp_path / "media"),
        "CAREFORCE_ALLOWED_HOSTS": "workforce.example.gov.uk",
    }
    environment.pop("CAREFORCE_JOBS", None)
    return environment


class TestProductionConfiguration:
    def test_migrate_collectstatic_and_deployment_checks(
        self, production: dict[str, str], tmp_path: Path
    ) -> None:
        migrate = _django("migrate", "--no-input", environment=production)
        assert migrate.returncode == 0, migrate.stderr
        collect = _django("collectstatic", "--no-input", environment=production)
        assert collect.returncode == 0, collect.stderr
        manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
        stylesheet = manifest["careforce/careforce.css"]
        assert stylesheet != "careforce/careforce.css"
        assert (tmp_path / "static" / f"{stylesheet}.gz").exists()
        assert "vendor/vega-embed.min.js" in manifest
        check = _django("check", "--deploy", "--fail-level", "ERROR", environment=production)
        assert check.returncode == 0, check.stderr

    def test_refuses_to_start_without_secrets(self, production: dict[str, str]) -> None:
        del production["DJANGO_SECRET_KEY"]
        result = _django("check", environment=production)
        assert result.returncode != 0
        assert "Set DJANGO_SECRET_KEY" in result.stderr
