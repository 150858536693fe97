"""``careforce docs``: write reference pages generated from the code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from careforce.io.text_files import write_text
from careforce.services.reference_docs import ascwds_rules_markdown, measures_markdown

app = typer.Typer(
    help="Write reference documentation generated from the code.", no_args_is_help=True
)


@app.command("ascwds-rules")
def ascwds_rules(
    out: Annotated[Path, typer.Option("--out", help="Markdown file to write.")] = Path(
        "docs/ascwds-rules.md"
    ),
) -> None:
    """Write the catalogue of ASC-WDS validation rules as Markdown."""
    write_text(out, ascwds_rules_markdown())
    typer.echo(f"Wrote {out}")


@app.command("measures")
def measures(
    out: Annotated[Path, typer.Option("--out", help="Markdown file to write.")] = Path(
        "docs/measures.md"
    ),
) -> None:
    """Write the measure catalogue as Markdown."""
    write_text(out, measures_markdown())
    typer.echo(f"Wrote {out}")
