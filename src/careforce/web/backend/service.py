"""Running the web service: configuring Django, migrating the database and serving.

The command line (``careforce web serve``) calls these; this module is imported before Django
is set up, so what queries the data model (the job worker, the demo) is imported once it is.
The service is served by gunicorn (threads in one or more worker processes) with the job
worker running in each process.
"""
# mypy: allow-subclassing-any

from __future__ import annotations

import io
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

import django
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.core.wsgi import get_wsgi_application
from django.db import connections
from gunicorn.app.base import BaseApplication

from careforce.services.demo_data import DEFAULT_SEED

if TYPE_CHECKING:
    from careforce.web.backend.demo import DemoSite

MARKER: Final = ".careforce-demo"
"""File marking a folder as a demo folder (only such a folder is ever emptied)."""
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
    jobs: str = "thread"


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
    # Django is set up by now (see the module's description).
    from careforce.web.backend.jobs import JobMode  # noqa: PLC0415

    settings.CAREFORCE_JOBS = JobMode.THREAD.value


class _Application(BaseApplication):
    """gunicorn's application: the Django WSGI application, with a job worker per process."""

    def __init__(self, options: dict[str, object]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> WSGIHandler:
        application = get_wsgi_application()
        from careforce.web.backend.jobs import JobMode, mode, start_worker  # noqa: PLC0415
        from careforce.web.backend.temporary_files import remove_abandoned  # noqa: PLC0415

        remove_abandoned()
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


class DemoFolderError(RuntimeError):
    """The folder given for the demo holds something else; it is left alone."""


def prepare_folder(data_dir: Path) -> None:
    """Empty a demo folder (or create one). Refuses a folder that is not empty and not a demo's.

    Raises:
        DemoFolderError: the folder holds something other than a demo.
    """
    if data_dir.exists() and any(data_dir.iterdir()) and not (data_dir / MARKER).exists():
        raise DemoFolderError(
            f"{data_dir} is not empty and is not a careforce demo folder; choose another with --data-dir"
        )
    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)
    (data_dir / MARKER).write_text("careforce web demo: this folder is emptied by each demo run\n")


def _build_in_this_process(options: ServiceOptions, scale: float, seed: int) -> DemoSite:
    configure(options)
    from careforce.web.backend.demo import build_demo  # noqa: PLC0415

    return build_demo(
        data_dir=options.data_dir,
        scale=scale,
        seed=seed,
        progress=lambda step: print(f"{step}…", flush=True),
    )


def build_demo_apart(
    *, options: ServiceOptions, scale: float = 1.0, seed: int = DEFAULT_SEED
) -> DemoSite:
    """Build the demo (see :func:`careforce.web.backend.demo.build_demo`) in a separate, freshly started process.

    The web server forks its worker processes from the process that calls this. Polars'
    thread pool does not survive a fork (a forked worker would hang at its first query), so
    the demo's Polars work is done in a process of its own and this one never starts the pool.
    Progress is printed by that process.

    Args:
        options: the service's data folder (already migrated); jobs must be ``manual``.
        scale: size of the demo data.
        seed: seed of the demo data.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_build_in_this_process, options, scale, seed).result()
