"""The ``careforce`` command: one sub-command group per domain."""

from __future__ import annotations

import typer

from careforce.cli import demo_data, docs, ingest

app = typer.Typer(
    name="careforce",
    help="Social care workforce intelligence and planning.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(ingest.app, name="ingest")
app.add_typer(demo_data.app, name="demo-data")
app.add_typer(docs.app, name="docs")


def main() -> None:
    """Entry point of the ``careforce`` script."""
    app()
