"""``careforce web``: run the web service."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from careforce.web.backend.service import (
    DEFAULT_THREADS,
    DEFAULT_WORKERS,
    DemoFolderError,
    ServiceConfigurationError,
    ServiceOptions,
    build_demo_apart,
    check_and_migrate,
    configure,
    prepare_folder,
    serve,
    use_background_jobs,
)

app = typer.Typer(help="Run the web service.", no_args_is_help=True)

EXIT_UNUSABLE = 2
"""Exit status when the service cannot start (settings, assets or the demo folder)."""
DEFAULT_DATA_DIR = Path("careforce-data")
"""Where the service keeps its database and files unless told otherwise."""
DEFAULT_DEMO_DIR = Path("careforce-demo")
"""Where the demo is built unless told otherwise (emptied by each demo run)."""


@app.command("serve")
def serve_command(
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Build a fresh demo: database, Staffordshire demo data, measures, accounts.",
        ),
    ] = False,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Folder of the database and uploaded files (default careforce-data, or "
            "careforce-demo with --demo).",
        ),
    ] = None,
    scale: Annotated[
        float,
        typer.Option("--scale", help="With --demo: size of the demo data (1 = the whole county)."),
    ] = 1.0,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes.")] = DEFAULT_WORKERS,
    threads: Annotated[
        int, typer.Option("--threads", help="Threads per worker.")
    ] = DEFAULT_THREADS,
) -> None:
    """Serve the web service (migrating its database first)."""
    console = Console()
    errors = Console(stderr=True, soft_wrap=True)
    folder = data_dir or (DEFAULT_DEMO_DIR if demo else DEFAULT_DATA_DIR)
    try:
        if demo:
            prepare_folder(folder)
        options = ServiceOptions(data_dir=folder, jobs="manual" if demo else "thread")
        configure(options)
        check_and_migrate()
    except (DemoFolderError, ServiceConfigurationError) as error:
        errors.print(f"careforce: {error}", markup=False, highlight=False)
        raise typer.Exit(EXIT_UNUSABLE) from None
    if demo:
        site = build_demo_apart(options=options, scale=scale)
        table = Table(title="Demo accounts (the passwords change with every demo run)")
        # Whoever signs in copies the email address and password: never cut them short.
        for column, values in (
            ("Role", [a.role.value for a in site.accounts]),
            ("Email address", [a.email for a in site.accounts]),
            ("Password", [a.password for a in site.accounts]),
        ):
            table.add_column(column, no_wrap=True, min_width=max(map(len, values)))
        table.add_column("Organisation")
        for account in site.accounts:
            table.add_row(account.role.value, account.email, account.password, account.organisation)
        console.print(table)
        console.print(
            f"{site.snapshots} snapshots accepted for {site.organisations} organisations; "
            f"data in {folder}."
        )
    # The demo ran its jobs one by one; the service runs them in the background.
    use_background_jobs()
    shown = f"[{host}]" if ":" in host else host
    console.print(f"Serving on http://{shown}:{port}/ — press Ctrl+C to stop.")
    serve(host=host, port=port, workers=workers, threads=threads)
