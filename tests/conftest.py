"""Set-up shared by the whole suite: Django's settings for the web service's tests, and a
throwaway PostgreSQL server when the suite runs against PostgreSQL.

The database tests (those using a Django database fixture) run on SQLite by default. With
``CAREFORCE_TEST_DATABASE=postgresql`` the suite starts its own PostgreSQL server with
``initdb``/``pg_ctl`` in a temporary folder, runs only the database tests against it and stops
it afterwards. ``make test`` runs both passes, each in two worker processes (pytest-xdist): every
worker has its own data folder, SQLite file or PostgreSQL server, live server and browser.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

pytest_plugins = ("web_support", "browser_support")

SETTINGS_MODULE = "careforce.web.config.settings"
"""The web service's settings, used by every Django test."""
DATABASE_VARIABLE = "CAREFORCE_TEST_DATABASE"
"""``postgresql`` runs the database tests against a PostgreSQL server started for the run."""
POSTGRES_USER = "careforce"
"""Superuser of the throwaway cluster (trust authentication on the loopback address only)."""
SYSTEM_POSTGRES_ACCOUNT = "postgres"
"""initdb refuses to run as root: as root, the cluster is run as this account."""
START_SECONDS = 30
"""How long the server may take to start."""

os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)


def _postgres_bindir() -> Path | None:
    """Where initdb and pg_ctl are (None when PostgreSQL is not installed)."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if found:
            candidates.append(Path(found))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class PostgresServer:
    """A PostgreSQL cluster in a temporary folder, listening on the loopback address."""

    bindir: Path
    folder: Path
    port: int
    account: str | None

    @property
    def url(self) -> str:
        """The DATABASE_URL of its ``postgres`` database."""
        return f"postgres://{POSTGRES_USER}@127.0.0.1:{self.port}/postgres"

    def _run(self, *arguments: str) -> None:
        done = subprocess.run(
            [str(self.bindir / arguments[0]), *arguments[1:]],
            check=False,
            capture_output=True,
            text=True,
            user=self.account,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"{arguments[0]} failed: {done.stderr.strip() or done.stdout.strip()}"
            )

    @classmethod
    def start(cls, folder: Path) -> PostgresServer:
        """Create and start a cluster (as the postgres account when running as root)."""
        bindir = _postgres_bindir()
        if bindir is None:
            raise FileNotFoundError("no PostgreSQL binaries")
        account = SYSTEM_POSTGRES_ACCOUNT if os.geteuid() == 0 else None
        folder.mkdir(parents=True, exist_ok=True)
        if account is not None:
            shutil.chown(folder, user=account)
        server = cls(bindir=bindir, folder=folder, port=_free_port(), account=account)
        data = folder / "data"
        server._run(
            "initdb", "-D", str(data), "-U", POSTGRES_USER, "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        options = (
            f"-p {server.port} -c listen_addresses=127.0.0.1 -k {folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        server._run(
            "pg_ctl", "-D", str(data), "-o", options, "-l", str(folder / "server.log"),
            "-w", "-t", str(START_SECONDS), "start",
        )  # fmt: skip
        return server

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _uses_database(item: pytest.Item) -> bool:
    return "django_db_setup" in getattr(item, "fixturenames", ())


def _distributes(config: pytest.Config) -> bool:
    """Whether this process hands the tests to worker processes (``pytest -n``) and runs none."""
    return getattr(config.option, "dist", "no") != "no" and not hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    """Point Django at a temporary data folder and at SQLite or a fresh PostgreSQL server."""
    workdir = Path(tempfile.mkdtemp(prefix="careforce-tests-"))
    config.add_cleanup(lambda: shutil.rmtree(workdir, ignore_errors=True))
    os.environ["CAREFORCE_DATA_DIR"] = str(workdir / "data")
    os.environ["CAREFORCE_JOBS"] = "manual"
    wanted = os.environ.get(DATABASE_VARIABLE, "sqlite")
    config.stash[_database_key] = wanted
    if _distributes(config):
        # The workers (pytest-xdist) start from this process's environment and each set up
        # their own; Django must not be set up in them before that, as it would be with the
        # settings module already named.
        os.environ.pop("DJANGO_SETTINGS_MODULE", None)
        return
    if wanted == "postgresql":
        try:
            # Its own folder (not inside the private work folder): the cluster's account owns it.
            server = PostgresServer.start(Path(tempfile.mkdtemp(prefix="careforce-postgres-")))
        except FileNotFoundError:
            config.stash[_postgres_missing_key] = True
        else:
            config.add_cleanup(server.stop)
            os.environ["DATABASE_URL"] = server.url
    else:
        os.environ.pop("DATABASE_URL", None)
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        # A file, not memory: the live server and the job worker use their own connections.
        settings.DATABASES["default"]["TEST"] = {"NAME": str(workdir / "test.sqlite3")}


_database_key = pytest.StashKey[str]()
_postgres_missing_key = pytest.StashKey[bool]()


def pytest_report_header(config: pytest.Config) -> str:
    """Say which database the database tests use."""
    return f"careforce database tests: {config.stash.get(_database_key, 'sqlite')}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL pass, keep only the database tests (skipped, with the reason, when
    PostgreSQL is not installed)."""
    if config.stash.get(_database_key, "sqlite") != "postgresql":
        return
    kept = [item for item in items if _uses_database(item)]
    config.hook.pytest_deselected(items=[item for item in items if not _uses_database(item)])
    items[:] = kept
    if config.stash.get(_postgres_missing_key, False):
        skip = pytest.mark.skip(
            reason="PostgreSQL is not installed (no initdb/pg_ctl found via pg_config, "
            "/usr/lib/postgresql/*/bin or PATH): the PostgreSQL pass cannot run"
        )
        for item in kept:
            item.add_marker(skip)
