"""The ``careforce`` command: one sub-command group per domain."""

from __future__ import annotations

import sys

import typer

from careforce.cli import demo, demo_data, docs, indicators, ingest, outcomes, projections, web

app = typer.Typer(
    name="careforce",
    help="Social care workforce intelligence and planning.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(ingest.app, name="ingest")
app.add_typer(demo.app, name="demo")
app.add_typer(demo_data.app, name="demo-data")
app.add_typer(docs.app, name="docs")
app.add_typer(projections.app, name="projections")
app.add_typer(indicators.app, name="indicators")
app.add_typer(outcomes.app, name="outcomes")
app.add_typer(web.app, name="web")


EXIT_INTERNAL_ERROR = 3
"""Exit status when careforce itself fails (a bug): reported in one line, never a traceback."""


def main() -> None:
    """Entry point of the ``careforce`` script."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        sys.stderr.write("careforce: interrupted\n")
        raise SystemExit(130) from None
    except Exception as error:  # the last line of defence: one clear line instead of a traceback
        sys.stderr.write(
            f"careforce: internal error ({type(error).__name__}: {error}). "
            "Please report it with the command you ran.\n"
        )
        raise SystemExit(EXIT_INTERNAL_ERROR) from None
