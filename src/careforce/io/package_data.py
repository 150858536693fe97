"""Files shipped inside the careforce package (demo comparators, parameter files...)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DATA_PACKAGE = "careforce.data"
"""The package that holds careforce's data files."""


def package_data_path(*parts: str) -> Path:
    """The path of a data file shipped in the package, e.g. ``("demo", "comparators.csv")``."""
    path = Path(str(resources.files(DATA_PACKAGE).joinpath(*parts)))
    if not path.exists():
        raise FileNotFoundError(
            f"careforce data file {'/'.join(parts)} is missing from the installation"
        )
    return path
