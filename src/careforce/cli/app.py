"""The ``careforce`` command: one sub-command group per domain."""

from __future__ import annotations

import sys

import typer

from careforce.cli import (
    demo,
    demo_data,
    docs,
    estimates,
    indicators,
    ingest,
    labour,
    outcomes,
    projections,
    publish,
    survey,
    web,
)

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
app.add_typer(labour.app, name="labour")
app.add_typer(web.app, name="web")
app.add_typer(estimates.app, name="estimates")
app.add_typer(survey.app, name="survey")
app.add_typer(publish.app, name="publish")


EXIT_UNUSABLE = 2
"""Exit status when an input cannot be used (the same in every command)."""
EXIT_INTERNAL_ERROR = 3
"""Exit status when careforce itself fails (a bug): reported in one line, never a traceback."""


def _unusable_path(error: OSError) -> str:
    """One line naming the path a file-system error is about (the destination of a rename)."""
    path = error.filename2 if error.filename2 is not None else error.filename
    reason = error.strerror or type(error).__name__
    if isinstance(error, FileExistsError | NotADirectoryError) and path is not None:
        # the folder to write to is a file (or a file stands where a folder must be made)
        reason = f"{reason}: a file stands where a folder is needed"
    return f"cannot use {path}: {reason}" if path is not None else f"cannot use a path: {reason}"


def main() -> None:
    """Entry point of the ``careforce`` script."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        sys.stderr.write("careforce: interrupted\n")
        raise SystemExit(130) from None
    except OSError as error:  # a path given cannot be read or written: the input is unusable
        sys.stderr.write(f"careforce: {_unusable_path(error)}\n")
        raise SystemExit(EXIT_UNUSABLE) from None
    except Exception as error:  # the last line of defence: one clear line instead of a traceback
        sys.stderr.write(
            f"careforce: internal error ({type(error).__name__}: {error}). "
            "Please report it with the command you ran.\n"
        )
        raise SystemExit(EXIT_INTERNAL_ERROR) from None
