"""Use case: the demo's own projection — a parameter file derived from the demo's measures and
population projection (as ``careforce projections derive`` writes it), and the demo's training
supply file with the supply against need of that projection (as ``careforce projections supply
--out`` writes it).

The command-line demo writes them under ``OUT/projections/``; the web demo writes them to the
service's projections folder, where the projections pages publish them beside the shipped ones.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from careforce.services.projections import (
    derive_parameter_file,
    supply_gap_table,
    write_supply,
)

DERIVED_STEM: Final = "staffordshire-derived-adult"
"""File name (without ``.toml``) of the demo's derived parameter file: its name on the web."""
DERIVED_NAME: Final = "Staffordshire adult social care, derived from the published measures"
"""The derived projection's name."""
SUPPLY_NAME: Final = "supply.csv"
"""The demo's training supply file (the DfE enrolments layout) in the projections folder."""
SUPPLY_RESULTS: Final = "supply"
"""Folder of the derived projection's supply against need (``supply-gap.csv`` and chart)."""


@dataclass(frozen=True)
class DemoProjections:
    """What the demo's projection step wrote."""

    parameters: Path
    supply: Path
    files: list[Path]


def write_demo_projections(
    *, indicators: Path, population: Path, enrolments: Path, out: Path, area_code: str
) -> DemoProjections:
    """Derive the demo's parameter file from its measures, copy its training supply file beside
    it, and write the supply against need of the derived projection, under ``out``.

    Raises:
        ProjectionInputError: the demo's files cannot be used (one line).
    """
    out.mkdir(parents=True, exist_ok=True)
    derived = derive_parameter_file(
        indicators,
        population,
        out / f"{DERIVED_STEM}.toml",
        area_code=area_code,
        name=DERIVED_NAME,
        overwrite=True,
    )
    supply = out / SUPPLY_NAME
    shutil.copyfile(enrolments, supply)
    gap = supply_gap_table(derived.params, supply)
    results = out / SUPPLY_RESULTS
    results.mkdir(exist_ok=True)
    written = write_supply(derived.params, gap, results)
    return DemoProjections(derived.path, supply, [derived.path, supply, *written])
