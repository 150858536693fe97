"""``careforce demo-data``: generate realistic synthetic partnership data."""

from __future__ import annotations

import typer

app = typer.Typer(help="Generate realistic synthetic partnership data.", no_args_is_help=True)
