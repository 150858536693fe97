"""Running the web service: configuring Django, migrating the database and serving.

The command line (``careforce web serve``) calls these; it never imports the web package
itself. The service is served by gunicorn (threads in one or more worker processes) with the
job worker running in each process.
"""
# mypy: allow-subclassing-any

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import django
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.core.wsgi import get_wsgi_application
from django.db import connections
from gunicorn.app.base import BaseApplication

from careforce.services.jobs import JobMode, mode, start_worker

SETTINGS_MODULE: Final = "careforce.web.config.settings"
"""The settings the service runs with unless DJANGO_SETTINGS_MODULE says otherwise."""
DEFAULT_WORKERS: Final = 2
"""gunicorn worker processes (each with its own job worker thread)."""
DEFAULT_THREADS: Final = 8
"""Threads per worker process: requests served at once by each."""


class ServiceConfigurationError(RuntimeError):
    """The service cannot start (its settings or assets are wrong); the message says why."""


@dataclass(frozen=True)
class ServiceOptions:
    """Where the service keeps its data.

    Attributes:
        data_dir: folder of the SQLite database (unless DATABASE_URL is set) and uploaded files.
        jobs: how background jobs run (``thread``, ``inline`` or ``manual``).
    """

    data_dir: Path
    jobs: str = JobMode.THREAD.value


def configure(options: ServiceOptions) -> None:
    """Set up Django for this process with the given data folder."""
    options.data_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    os.environ["CAREFORCE_DATA_DIR"] = str(options.data_dir.resolve())
    os.environ["CAREFORCE_JOBS"] = options.jobs
    if not os.environ.get("CAREFORCE_SECRET_KEY") and not os.environ.get("CAREFORCE_KEY_FILE"):
        # Keep the pseudonymisation key with the data it pseudonymised.
        os.environ["CAREFORCE_KEY_FILE"] = str(options.data_dir.resolve() / "secret.key")
    django.setup()


def check_and_migrate() -> None:
    """Run Django's system checks and bring the database up to date.

    Raises:
        ServiceConfigurationError: a check failed (the message lists the problems).
    """
    try:
        call_command("check", fail_level="ERROR", stdout=io.StringIO())
    except SystemCheckError as error:
        raise ServiceConfigurationError(str(error)) from error
    call_command("migrate", interactive=False, verbosity=0)


def use_background_jobs() -> None:
    """Run jobs in each process's worker thread from now on (after a demo ran them one by one)."""
    settings.CAREFORCE_JOBS = JobMode.THREAD.value


class _Application(BaseApplication):
    """gunicorn's application: the Django WSGI application, with a job worker per process."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        application = get_wsgi_application()
        if mode() is JobMode.THREAD:
            start_worker()
        return application


def serve(
    *, host: str, port: int, workers: int = DEFAULT_WORKERS, threads: int = DEFAULT_THREADS
) -> None:
    """Serve until interrupted (gunicorn, ``gthread`` workers)."""
    # Worker processes are forked from this one: they must not share its database connections.
    connections.close_all()
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    _Application(
        {
            "bind": bind,
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "timeout": 120,
            "graceful_timeout": 10,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
        }
    ).run()
